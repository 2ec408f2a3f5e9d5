// The JS/C++ boundary of the web modules, written down once. Each W(...) line is a typed export of the reader's
// module (web_main.cpp), each A(...) one of the authoring page's (web_authoring.cpp). cmake/web.cmake makes
// EXPORTED_FUNCTIONS from these lines, the files compile a check that each is defined, and the web_protocol test
// (tests/web_protocol.cmake) fails when the EMSCRIPTEN_KEEPALIVE exports or the _aw_* calls in web/*.js disagree.
//
// Typed exports are kept for the hot paths (every frame, scroll event, pointer move and key) and for bytes (the
// Markdown, images, heap buffers). Everything else is one command channel and one query channel:
//   aw_command(handle, json) -> 1 done, 0 refused (an "error" event says why) or declined. Verbs and their arguments:
//     ui/commands.h. With handle 0, the page's engine: {"cmd":"fontsChanged"} (a web font loaded: glyphs and layout
//     are redone for every widget), {"cmd":"glRestored"} (the page's GL context came back after a loss).
//   aw_query(handle, what) -> JSON. Keys: ui/commands.h. With handle 0, the page's engine: "engine"
//     ({"glAvailable": bool}).
// Events come back through Module.onWidgetEvent(handle, type, json). Frames are event driven: the runner's
// frameRequested hook (RunnerBackend) sends "redraw" when it starts wanting frames, and aw_frame answers whether it
// wants another; nothing polls.
#pragma once

#define AW_WEB_PROTOCOL(W, A)                                                                                   \
    /* lifecycle */                                                                                             \
    W(aw_create, "a widget on a canvas: its handle")                                                            \
    W(aw_destroy, "frees a widget")                                                                             \
    W(aw_set_config, "bytes: the config and the page's inputs, checked once, with the Markdown's size")          \
    W(aw_set_document, "bytes: the Markdown, parsed once with the checked config")                              \
    W(aw_resize, "the canvas's size, density and the reader's preferences")                                     \
    /* every frame */                                                                                           \
    W(aw_frame, "draws one frame: whether another is wanted")                                                   \
    W(aw_page_scrolled, "per scroll event: a frame if the view moved")                                          \
    /* input */                                                                                                 \
    W(aw_pointer, "per pointer event")                                                                          \
    W(aw_key, "per key event")                                                                                  \
    /* bytes */                                                                                                 \
    W(aw_image_deliver, "an image's pixels")                                                                    \
    W(aw_image_failed, "an image that did not load")                                                            \
    W(aw_alloc, "a heap buffer for bytes in")                                                                   \
    W(aw_free, "frees it")                                                                                      \
    /* the two channels */                                                                                      \
    W(aw_command, "every other command (ui/commands.h)")                                                        \
    W(aw_query, "every query (ui/commands.h)")                                                                  \
    /* the authoring page's module */                                                                           \
    A(aw_author_check_config, "the config's errors and warnings")                                               \
    A(aw_author_add_image, "an image for the bundle")                                                           \
    A(aw_author_clear_images, "forgets them")                                                                   \
    A(aw_author_bundle, "makes the offline page")                                                               \
    A(aw_author_output, "its bytes")                                                                            \
    A(aw_author_output_size, "their count")
