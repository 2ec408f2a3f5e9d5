# Third-party libraries compiled from the Debian source trees that scripts/setup.sh fetches.
# cmark-gfm and Dear ImGui become static libraries; nlohmann_json and doctest are copied headers, so a build can
# use them without putting the host's /usr/include on its path (nlohmann_json: the CLI and the tests; the core
# reads and writes JSON with its own core/json_util, so no web module holds it).

set(AW_THIRD_PARTY_DIR "${CMAKE_SOURCE_DIR}/third_party" CACHE PATH "apt-get source trees")
foreach(dep imgui cmark-gfm)
  if(NOT EXISTS "${AW_THIRD_PARTY_DIR}/${dep}")
    message(FATAL_ERROR "${AW_THIRD_PARTY_DIR}/${dep} is missing: run scripts/setup.sh first")
  endif()
endforeach()

# --- cmark-gfm 0.29.0.gfm.13 (GitHub's cmark with the GFM extensions) --------------------------------
# Only the library and its extensions: its own tests, api_test, man pages and executable stay out of ours.
set(CMARK_GFM_DIR "${AW_THIRD_PARTY_DIR}/cmark-gfm")
set(CMARK_SRC "${CMARK_GFM_DIR}/src")
set(CMARK_EXT "${CMARK_GFM_DIR}/extensions")
set(CMARK_GEN "${CMAKE_BINARY_DIR}/generated/cmark-gfm")
set(HAVE_STDBOOL_H 1)
set(HAVE___BUILTIN_EXPECT 1)
set(HAVE___ATTRIBUTE__ 1)
set(PROJECT_VERSION_MAJOR 0)
set(PROJECT_VERSION_MINOR 29)
set(PROJECT_VERSION_PATCH 0)
set(PROJECT_VERSION_GFM 13)
configure_file("${CMARK_SRC}/config.h.in" "${CMARK_GEN}/config.h")
configure_file("${CMARK_SRC}/cmark-gfm_version.h.in" "${CMARK_GEN}/cmark-gfm_version.h")
file(WRITE "${CMARK_GEN}/cmark-gfm_export.h.tmp"
  "#ifndef CMARK_GFM_EXPORT_H\n#define CMARK_GFM_EXPORT_H\n#define CMARK_GFM_EXPORT\n#define CMARK_GFM_NO_EXPORT\n#endif\n")
configure_file("${CMARK_GEN}/cmark-gfm_export.h.tmp" "${CMARK_GEN}/cmark-gfm_export.h" COPYONLY)
add_library(aw_cmark STATIC
  ${CMARK_SRC}/cmark.c ${CMARK_SRC}/node.c ${CMARK_SRC}/iterator.c ${CMARK_SRC}/blocks.c ${CMARK_SRC}/inlines.c
  ${CMARK_SRC}/scanners.c ${CMARK_SRC}/utf8.c ${CMARK_SRC}/buffer.c ${CMARK_SRC}/references.c ${CMARK_SRC}/footnotes.c
  ${CMARK_SRC}/map.c ${CMARK_SRC}/render.c ${CMARK_SRC}/man.c ${CMARK_SRC}/xml.c ${CMARK_SRC}/html.c
  ${CMARK_SRC}/commonmark.c ${CMARK_SRC}/plaintext.c ${CMARK_SRC}/latex.c ${CMARK_SRC}/houdini_href_e.c
  ${CMARK_SRC}/houdini_html_e.c ${CMARK_SRC}/houdini_html_u.c ${CMARK_SRC}/cmark_ctype.c ${CMARK_SRC}/arena.c
  ${CMARK_SRC}/linked_list.c ${CMARK_SRC}/syntax_extension.c ${CMARK_SRC}/registry.c ${CMARK_SRC}/plugin.c
  ${CMARK_EXT}/core-extensions.c ${CMARK_EXT}/table.c ${CMARK_EXT}/strikethrough.c ${CMARK_EXT}/autolink.c
  ${CMARK_EXT}/tagfilter.c ${CMARK_EXT}/ext_scanners.c ${CMARK_EXT}/tasklist.c)
target_include_directories(aw_cmark SYSTEM PUBLIC "$<BUILD_INTERFACE:${CMARK_SRC};${CMARK_EXT};${CMARK_GEN}>")
target_compile_definitions(aw_cmark PUBLIC CMARK_GFM_STATIC_DEFINE)
set_target_properties(aw_cmark PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)

# --- Dear ImGui 1.92 --------------------------------------------------------
# The version is pinned in scripts/setup.sh; this only checks that the tree has the API we use (dynamic
# font atlas with renderer-side texture updates, 1.92 and newer).
set(IMGUI_DIR "${AW_THIRD_PARTY_DIR}/imgui")
file(STRINGS "${IMGUI_DIR}/imgui.h" AW_IMGUI_VERSION_LINE REGEX "^#define IMGUI_VERSION_NUM +[0-9]+")
string(REGEX MATCH "[0-9]+$" AW_IMGUI_VERSION_NUM "${AW_IMGUI_VERSION_LINE}")
if(NOT AW_IMGUI_VERSION_NUM OR AW_IMGUI_VERSION_NUM LESS 19200)
  message(FATAL_ERROR "${IMGUI_DIR} is Dear ImGui ${AW_IMGUI_VERSION_NUM}, older than 1.92: run scripts/setup.sh")
endif()
add_library(aw_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/imgui_tables.cpp)
target_include_directories(aw_imgui SYSTEM PUBLIC "$<BUILD_INTERFACE:${IMGUI_DIR}>")   # installed: cmake/install.cmake
# Every build: 32-bit code points (emoji and other characters beyond U+FFFF); no debug tools (the metrics and
# ID stack tools); none of the names Dear ImGui marks obsolete. These are PUBLIC: a host linking
# ArticleWidget::imgui compiles with them too (the README's "Use from C++ (CMake)" lists them).
target_compile_definitions(aw_imgui PUBLIC IMGUI_USE_WCHAR32 IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(AW_WEB)
  # The web embed, kept small: no demo window and no default font (every glyph comes from the browser). No
  # files in the browser: ImGui's .ini and log file code (and libc's stdio behind it) stay out; no shell
  # either (nothing calls ImGui's fork/exec "open in shell": links are the element's). No stb_truetype:
  # the browser rasterises (src/platform/web_glyphs.cpp answers ImGui's compile-time loader choice with a
  # loader that loads nothing).
  target_compile_definitions(aw_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEFAULT_FONT IMGUI_DISABLE_FILE_FUNCTIONS
    IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS IMGUI_ENABLE_FREETYPE)
else()
  # Natively (the viewer and the C++ package): ImGui::ShowDemoWindow() for hosts, and ImGui's default font
  # (ProggyClean), which a host that loads no font of its own gets instead of a crash in NewFrame().
  target_sources(aw_imgui PRIVATE ${IMGUI_DIR}/imgui_demo.cpp)
endif()

# --- header-only libraries ----------------------------------------------------
find_path(AW_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
if(NOT AW_NLOHMANN_DIR)
  message(FATAL_ERROR "nlohmann/json.hpp not found: apt-get install nlohmann-json3-dev (scripts/setup.sh does)")
endif()
set(AW_HEADERS_DIR "${CMAKE_BINARY_DIR}/generated/include")
file(COPY "${AW_NLOHMANN_DIR}/nlohmann" DESTINATION "${AW_HEADERS_DIR}")
add_library(aw_json INTERFACE)
target_include_directories(aw_json SYSTEM INTERFACE "${AW_HEADERS_DIR}")
