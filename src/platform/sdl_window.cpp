#include "platform/sdl_window.hpp"

#include "platform/gl_renderer.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include <algorithm>

namespace nr {

struct SdlWindow {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    ImGuiContext* imgui = nullptr;
};

namespace {

void set_gl_attributes() {
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
}

}  // namespace

SdlWindow* window_create(const WindowConfig& config, std::string& error) {
    // The host page keeps its own keys: SDL listens on our canvas only.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("SDL could not start: ") + SDL_GetError();
        return nullptr;
    }
    set_gl_attributes();
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
    if (!config.backend) flags |= SDL_WINDOW_OPENGL;
    if (config.hidden) flags |= SDL_WINDOW_HIDDEN;
    auto* w = new SdlWindow;
    w->window = SDL_CreateWindow(config.title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, config.width,
                                 config.height, flags);
    if (!w->window) {
        error = std::string("could not create a window: ") + SDL_GetError();
        window_destroy(w);
        return nullptr;
    }
    gl::use_backend(config.backend);
    if (!config.backend) {
        w->gl = SDL_GL_CreateContext(w->window);
        if (!w->gl) {
            error = std::string("WebGL2 / OpenGL 3 is not available: ") + SDL_GetError();
            window_destroy(w);
            return nullptr;
        }
        SDL_GL_MakeCurrent(w->window, w->gl);
        SDL_GL_SetSwapInterval(0);  // frames are requested on demand, never throttled by vsync waits
    }

    IMGUI_CHECKVERSION();
    w->imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: state belongs to the app
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(w->window, w->gl);
    if (!gl::init()) {
        error = "the graphics driver refused the reader's shaders";
        window_destroy(w);
        return nullptr;
    }
    return w;
}

void window_destroy(SdlWindow* w) {
    if (!w) return;
    if (w->imgui) {
        gl::shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext(w->imgui);
    }
    if (w->gl) SDL_GL_DeleteContext(w->gl);
    if (w->window) SDL_DestroyWindow(w->window);
    gl::use_backend(nullptr);
    delete w;
    SDL_Quit();
}

void drain_events(SdlWindow*, std::vector<SDL_Event>& deferred) {
    std::vector<SDL_Event> events;
    events.swap(deferred);
    SDL_Event e;
    while (SDL_PollEvent(&e)) events.push_back(e);
    // Deliver in order until a key changes state a second time in this
    // batch (released after its press, pressed again after its release);
    // that event and everything after it wait for the next frame.
    std::vector<SDL_Keycode> changed;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const SDL_Event& ev = events[i];
        if (ev.type == SDL_KEYDOWN || ev.type == SDL_KEYUP) {
            if (std::find(changed.begin(), changed.end(), ev.key.keysym.sym) != changed.end()) {
                deferred.assign(events.begin() + std::ptrdiff_t(i), events.end());
                break;
            }
            if (!ev.key.repeat) changed.push_back(ev.key.keysym.sym);
        }
        ImGui_ImplSDL2_ProcessEvent(&ev);
    }
}

void window_set_size(SdlWindow* w, int width, int height) { SDL_SetWindowSize(w->window, width, height); }

float window_pixel_ratio(SdlWindow* w) {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(w->window, &ww, &wh);
    SDL_GL_GetDrawableSize(w->window, &dw, &dh);
    return ww > 0 ? float(dw) / float(ww) : 1.0f;
}

float window_width(SdlWindow* w) {
    int width = 0, height = 0;
    SDL_GetWindowSize(w->window, &width, &height);
    return float(width);
}

void window_reload_fonts(SdlWindow*, const std::vector<ImFontAtlas*>& atlases) {
    gl::upload_fonts(atlases.data(), atlases.size());
}

bool window_restore_gl(SdlWindow*, const std::vector<ImFontAtlas*>& atlases) {
    gl::shutdown();
    if (!gl::init()) return false;
    for (ImFontAtlas* atlas : atlases) atlas->SetTexID(nullptr);  // died with the context
    gl::upload_fonts(atlases.data(), atlases.size());
    return true;
}

void window_begin_frame(SdlWindow*, float delta_seconds) {
    ImGui_ImplSDL2_NewFrame();
    // ImGui asserts DeltaTime > 0; frames on demand can be far apart or, under
    // virtual time in tests, zero apart.
    ImGui::GetIO().DeltaTime = std::clamp(delta_seconds, 1.0f / 1000.0f, 0.25f);
    ImGui::NewFrame();
}

void window_end_frame(SdlWindow* w, unsigned clear_rgb) {
    ImGui::Render();
    int dw = 0, dh = 0;
    SDL_GL_GetDrawableSize(w->window, &dw, &dh);
    gl::render(ImGui::GetDrawData(), dw, dh, clear_rgb);
    if (w->gl) SDL_GL_SwapWindow(w->window);
}

bool window_read_pixels(SdlWindow* w, std::string& rgba, int& width, int& height) {
    SDL_GL_GetDrawableSize(w->window, &width, &height);
    if (width <= 0 || height <= 0) return false;
    const std::size_t row = std::size_t(width) * 4;
    std::string flipped(row * std::size_t(height), '\0');
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_FRONT);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
    rgba.resize(flipped.size());
    for (int y = 0; y < height; ++y)  // GL's first row is the bottom one
        std::copy_n(flipped.data() + std::size_t(height - 1 - y) * row, row, rgba.data() + std::size_t(y) * row);
    return true;
}

}  // namespace nr
