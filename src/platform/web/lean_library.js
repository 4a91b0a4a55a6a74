// Replaces parts of emscripten's JS library the widget links but never runs
// (--js-library, after the system libraries, so these definitions win).
// About 28 KB of module JS (~7 KB gzip) before this file: docs/performance.md.
//
// Browser: its main loop, fullscreen, pointer lock, canvas resizing and
// plugin code came in only because library_egl.js depends on it. The widget
// has no main loop (frames are requested with requestAnimationFrame on
// demand, src/platform/web/main_web.cpp), so EGL's two uses are all that
// remain: the callbacks run when a context is made (none are registered) and
// an optional swap hook (never set).
//
// Fullscreen and pointer lock: SDL's Emscripten video driver registers
// document-wide fullscreenchange and pointerlockchange listeners and can
// request either; the widget asks for neither, and a host page that makes
// some other element fullscreen must not change the widget's window flags.
// The calls report EMSCRIPTEN_RESULT_NOT_SUPPORTED (-1), which SDL handles
// as a browser without the feature.
mergeInto(LibraryManager.library, {
  $Browser__deps: [],
  $Browser__postset: '',
  $Browser: {
    moduleContextCreatedCallbacks: [],
  },

  // eglSwapInterval sets the main loop's timing; with no main loop the
  // original returned 1 (failure) and changed nothing else that is read.
  emscripten_set_main_loop_timing__deps: [],
  emscripten_set_main_loop_timing: function(mode, value) { return 1; },

  emscripten_set_fullscreenchange_callback_on_thread__deps: [],
  emscripten_set_fullscreenchange_callback_on_thread: function(target, userData, useCapture, callback, thread) {
    return -1;
  },
  emscripten_set_pointerlockchange_callback_on_thread__deps: [],
  emscripten_set_pointerlockchange_callback_on_thread: function(target, userData, useCapture, callback, thread) {
    return -1;
  },
  emscripten_request_fullscreen_strategy__deps: [],
  emscripten_request_fullscreen_strategy: function(target, deferUntilInEventHandler, strategy) { return -1; },
  emscripten_exit_fullscreen__deps: [],
  emscripten_exit_fullscreen: function() { return -1; },
  emscripten_request_pointerlock__deps: [],
  emscripten_request_pointerlock: function(target, deferUntilInEventHandler) { return -1; },
  emscripten_exit_pointerlock__deps: [],
  emscripten_exit_pointerlock: function() { return -1; },
});
