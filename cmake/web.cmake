# aw_configure_web_target(): Emscripten link settings for the widget module, in one place.
# Links to .js (emcc's own .html output breaks at -Os), as a factory the element calls once per page: one
# instance serves every <article-widget> of the page (src/platform/web_main.cpp).
# aw_configure_web_author_target(): the authoring page's module (src/platform/web_authoring.cpp), which only
# web/author.html loads: the reader's embed carries no authoring code.

# aw_regex_names(): the first group of each match of `pattern` in `text`, in order, in `out`.
function(aw_regex_names text pattern out)
  string(REGEX MATCHALL "${pattern}" hits "${text}")
  set(names "")
  foreach(hit IN LISTS hits)
    string(REGEX REPLACE "${pattern}" "\\1" name "${hit}")
    list(APPEND names "${name}")
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

# aw_web_protocol_exports(): EXPORTED_FUNCTIONS for one module ("W" the reader's, "A" the authoring page's), from
# the one table of the boundary (src/platform/web_protocol.h), in `out` as "_aw_x,_aw_y".
function(aw_web_protocol_exports module out)
  if(NOT CMAKE_SCRIPT_MODE_FILE)   # tests/web_protocol.cmake reads the table with this function too
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/platform/web_protocol.h")
  endif()
  file(READ "${CMAKE_SOURCE_DIR}/src/platform/web_protocol.h" table)
  aw_regex_names("${table}" "\n *${module}\\((aw_[a-z0-9_]+)" names)
  list(TRANSFORM names PREPEND "_")
  list(JOIN names "," joined)
  set(${out} "${joined}" PARENT_SCOPE)
endfunction()

# The settings both modules share: a factory named `factory` of a module with no files, no exceptions, no
# longjmp and emmalloc, exporting `exported` (a comma-separated list) and the runtime methods `methods`.
function(aw_web_module_options target factory exported methods)
  target_link_options(${target} PRIVATE
    "SHELL:-s MODULARIZE=1"
    "SHELL:-s EXPORT_NAME=${factory}"
    "SHELL:-s ENVIRONMENT=web"
    "SHELL:-s FILESYSTEM=0"
    "SHELL:-s ALLOW_MEMORY_GROWTH=1"
    "SHELL:-s INITIAL_MEMORY=4MB"
    "SHELL:-s MAXIMUM_MEMORY=64MB"
    "SHELL:-s ABORTING_MALLOC=0"
    "SHELL:-s EXPORTED_FUNCTIONS=${exported}"
    "SHELL:-s EXPORTED_RUNTIME_METHODS=${methods}"
    "SHELL:-s EXIT_RUNTIME=0"
    "SHELL:-s TEXTDECODER=2"
    "SHELL:-s SUPPORT_LONGJMP=0"
    "SHELL:-s DISABLE_EXCEPTION_CATCHING=1"
    "SHELL:-s TOTAL_STACK=1MB"
    "SHELL:-s MALLOC=emmalloc"
    "SHELL:-s SUPPORT_ERRNO=0"
    "SHELL:-s DYNAMIC_EXECUTION=0")
  set_target_properties(${target} PROPERTIES SUFFIX ".js")
endfunction()

function(aw_configure_web_target target)
  aw_web_protocol_exports(W exported)
  aw_web_module_options(${target} createArticleWidgetModule "${exported}" "UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8,GL")
  target_link_options(${target} PRIVATE
    "SHELL:-s MIN_WEBGL_VERSION=1"
    "SHELL:-s MAX_WEBGL_VERSION=1"
    "SHELL:-s INCOMING_MODULE_JS_API=print,printErr,onAbort,locateFile,wasmBinary,instantiateWasm"
    "SHELL:-s GL_TRACK_ERRORS=0"
    # The renderer enables no extension and reads no GL strings (16-bit indices, no VAOs: see the README's "The WebGL
    # context"), so Emscripten's code for enabling extensions and for GLES-style version and extension strings stays out.
    "SHELL:-s GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0"
    "SHELL:-s GL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0"
    "SHELL:-s GL_EMULATE_GLES_VERSION_STRING_FORMAT=0"
    "SHELL:-s GL_EXTENSIONS_IN_PREFIXED_FORMAT=0"
    # sin, cos, pow, ... from the browser's Math instead of musl's compiled code and tables (a few calls per frame:
    # ImGui's arcs, the palette's contrast)
    "SHELL:-s JS_MATH=1"
    # binaryen's -Oz pipeline once more after emcc's own (-Oz, --strip-debug and --strip-producers)
    "SHELL:-s BINARYEN_EXTRA_PASSES=-Oz"
    # article-widget.js.symbols: each function's name by index, for bench/size.mjs (the module itself keeps no names)
    "SHELL:--emit-symbol-map"
    "SHELL:--js-library ${CMAKE_SOURCE_DIR}/web/article-widget-text.js"
    "SHELL:--js-library ${CMAKE_SOURCE_DIR}/web/article-widget-images.js")
  # The gzip'd WebAssembly for the offline bundle and the ES module for the npm package (cmake/web_package.cmake).
  find_program(AW_GZIP gzip REQUIRED NO_CMAKE_FIND_ROOT_PATH)
  # esbuild, the npm devDependency (npm ci, which scripts/setup.sh runs), bundles the element's modules (web/element)
  # with the module factory and minifies the JavaScript.
  find_program(AW_ESBUILD esbuild HINTS "${CMAKE_SOURCE_DIR}/node_modules/.bin" NO_CMAKE_FIND_ROOT_PATH)
  if(NOT AW_ESBUILD)
    message(FATAL_ERROR "esbuild not found (the web build bundles and minifies its JavaScript with it): run npm ci, or scripts/setup.sh")
  endif()
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DDIST=$<TARGET_FILE_DIR:${target}> -DELEMENT_DIR=${CMAKE_SOURCE_DIR}/web/element -DGZIP=${AW_GZIP} -DESBUILD=${AW_ESBUILD}
            -DIMGUI_LICENSE=${IMGUI_DIR}/LICENSE.txt -DCMARK_LICENSE=${CMARK_GFM_DIR}/COPYING
            -DSTRINGS_SOURCE=${CMAKE_SOURCE_DIR}/src/core/strings.cpp
            -P "${CMAKE_SOURCE_DIR}/cmake/web_package.cmake"
    VERBATIM)
  # The bundle is made after each link: a change to the element's modules links again (as one to the libraries does).
  file(GLOB element_modules CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/element/*.js")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${element_modules} "${CMAKE_SOURCE_DIR}/src/platform/web_protocol.h"
    "${CMAKE_SOURCE_DIR}/web/article-widget-text.js" "${CMAKE_SOURCE_DIR}/web/article-widget-images.js")
endfunction()

function(aw_configure_web_author_target target)
  aw_web_protocol_exports(A exported)
  aw_web_module_options(${target} createArticleWidgetAuthorModule "_malloc,_free,${exported}" "UTF8ToString,HEAPU8")
  target_link_options(${target} PRIVATE "SHELL:-s INCOMING_MODULE_JS_API=print,printErr,onAbort,locateFile")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/cmake/web.cmake")
endfunction()

# aw_add_web_dist(): copies the shell page, loader and default article beside the module in dist/.
function(aw_add_web_dist target)
  set(dist "${CMAKE_BINARY_DIR}/dist")
  set(files
    "${CMAKE_SOURCE_DIR}/web/index.html" "${CMAKE_SOURCE_DIR}/web/two.html" "${CMAKE_SOURCE_DIR}/web/strict.html" "${CMAKE_SOURCE_DIR}/web/article-widget.d.ts" "${CMAKE_SOURCE_DIR}/web/demo.css"
    "${CMAKE_SOURCE_DIR}/web/bundle-template.html"
    "${CMAKE_SOURCE_DIR}/web/author.html" "${CMAKE_SOURCE_DIR}/web/author.js" "${CMAKE_SOURCE_DIR}/web/author.css"
    "${CMAKE_SOURCE_DIR}/assets/article.md" "${CMAKE_SOURCE_DIR}/assets/widget.json")
  set(outputs "")
  foreach(f ${files})
    get_filename_component(name "${f}" NAME)
    add_custom_command(OUTPUT "${dist}/${name}" COMMAND ${CMAKE_COMMAND} -E copy "${f}" "${dist}/${name}" DEPENDS "${f}" VERBATIM)
    list(APPEND outputs "${dist}/${name}")
  endforeach()
  add_custom_target(${target}-dist ALL DEPENDS ${outputs})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/cmake/web.cmake" "${CMAKE_SOURCE_DIR}/cmake/web_package.cmake")
endfunction()
