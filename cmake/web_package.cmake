# Files the web build derives from the linked module (run after each link with cmake -P):
#   article-widget.wasm.gz  the WebAssembly, gzip -9 -n (no name, no time: the same bytes every build). The offline
#                           bundle embeds exactly this file, whether the CLI or the authoring page writes it, so
#                           both give the same page byte for byte (a browser's CompressionStream does not).
#   article-widget.mjs      the ES module of the npm package: the classic script with the WebAssembly named from
#                           import.meta.url, in the form bundlers recognise and copy, and the element exported.
#   article-widget.js/.mjs  both minified by esbuild (whitespace, syntax and local names; top-level names and
#                           property names stay, and nothing needs eval): the sources in web/ stay readable.
#   THIRD-PARTY-NOTICES.txt the licences of the code compiled into the WebAssembly, which the package redistributes.
# usage: cmake -DDIST=<dir> -DGZIP=<gzip> -DESBUILD=<esbuild> -DIMGUI_LICENSE=<file> -DCMARK_LICENSE=<file> -DJSON_LICENSE=<file>
#              -P web_package.cmake
foreach(var DIST GZIP ESBUILD IMGUI_LICENSE CMARK_LICENSE JSON_LICENSE)
  if(NOT ${var})
    message(FATAL_ERROR "web_package.cmake: ${var} is not set")
  endif()
endforeach()

execute_process(COMMAND "${GZIP}" -9 -n -c "${DIST}/article-widget.wasm" OUTPUT_FILE "${DIST}/article-widget.wasm.gz.tmp"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "web_package.cmake: gzip failed on ${DIST}/article-widget.wasm")
endif()
file(RENAME "${DIST}/article-widget.wasm.gz.tmp" "${DIST}/article-widget.wasm.gz")

file(READ "${DIST}/article-widget.js" classic)
# Emscripten's CommonJS/AMD export of the factory means nothing in a module (and bundlers warn about it): cut it.
set(umd_start "if (typeof exports === 'object' && typeof module === 'object')")
set(umd_end "exports[\"createArticleWidgetModule\"] = createArticleWidgetModule;\n")
string(FIND "${classic}" "${umd_start}" start)
string(FIND "${classic}" "${umd_end}" end)
if(start EQUAL -1 OR end LESS start)
  message(FATAL_ERROR "web_package.cmake: Emscripten's CommonJS/AMD export is not where expected in article-widget.js")
endif()
string(LENGTH "${umd_end}" end_length)
math(EXPR after "${end} + ${end_length}")
string(SUBSTRING "${classic}" 0 ${start} head)
string(SUBSTRING "${classic}" ${after} -1 tail)
set(classic "${head}${tail}")
set(prefix [=[// article-widget.mjs: the <article-widget> element as an ES module. Importing it registers the element (once per
// page, whichever build comes first). Generated from article-widget.js by cmake/web_package.cmake.
// The WebAssembly is named relative to this module, as bundlers (Vite, webpack, Parcel, Rollup) expect.
const articleWidgetWasmUrl = new URL('./article-widget.wasm', import.meta.url).href;
]=])
set(suffix [=[
const ArticleWidgetElement = typeof customElements === 'undefined' ? undefined : customElements.get('article-widget');
export { ArticleWidgetElement };
export default ArticleWidgetElement;
]=])
file(WRITE "${DIST}/article-widget.src.mjs" "${prefix}${classic}${suffix}")

# Minified in place: emcc's classic script (its top-level createArticleWidgetModule stays a global) and the module.
file(RENAME "${DIST}/article-widget.js" "${DIST}/article-widget.src.js")
foreach(name article-widget.js article-widget.mjs)
  string(REPLACE "article-widget." "article-widget.src." source "${name}")
  execute_process(COMMAND "${ESBUILD}" "${DIST}/${source}" --minify --log-level=warning "--outfile=${DIST}/${name}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "web_package.cmake: esbuild could not minify ${DIST}/${source}")
  endif()
  file(REMOVE "${DIST}/${source}")
endforeach()

set(notices "article-widget.wasm contains compiled code from the projects below, under these licences.\n")
foreach(entry "Dear ImGui|${IMGUI_LICENSE}" "cmark-gfm|${CMARK_LICENSE}" "nlohmann/json|${JSON_LICENSE}")
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 title)
  list(GET parts 1 path)
  file(READ "${path}" text)
  string(APPEND notices "\n== ${title} ==\n\n${text}")
endforeach()
file(WRITE "${DIST}/THIRD-PARTY-NOTICES.txt" "${notices}")
