// No GL entry point is ever looked up by name here: the renderer links the
// WebGL2 functions directly, and nothing calls SDL_GL_GetProcAddress. SDL's
// EGL layer still references eglGetProcAddress, whose emscripten version
// keeps a name table of every GL function alive (~270 JS wrappers and wasm
// imports); defining it here keeps that table out of the build. SDL treats a
// null answer as "extension not available".
extern "C" void* eglGetProcAddress(const char* /*name*/) { return nullptr; }
