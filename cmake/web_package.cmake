# Files the web build derives from the linked module (run after each link with cmake -P):
#   article-widget.wasm.gz  the WebAssembly, gzip -9 -n (no name, no time: the same bytes every build). The offline
#                           bundle embeds exactly this file, whether the CLI or the authoring page writes it, so
#                           both give the same page byte for byte (a browser's CompressionStream does not).
#   article-widget.js       the classic script: emcc's module factory and the element's ES modules (web/element,
#                           entry classic.js), bundled by esbuild into one IIFE.
#   article-widget.mjs      the ES module of the npm package: the same, from entry module.js, with the WebAssembly
#                           named from import.meta.url, in the form bundlers recognise and copy, and the element exported.
#                           Both are minified by esbuild (whitespace, syntax and local names; property names stay, and
#                           nothing needs eval): the sources in web/ stay readable.
#   THIRD-PARTY-NOTICES.txt the licences of the code compiled into the WebAssembly, which the package redistributes.
# usage: cmake -DDIST=<dir> -DELEMENT_DIR=<web/element> -DGZIP=<gzip> -DESBUILD=<esbuild> -DIMGUI_LICENSE=<file> -DCMARK_LICENSE=<file>
#              -DSTRINGS_SOURCE=<src/core/strings.cpp>
#              -P web_package.cmake
foreach(var DIST ELEMENT_DIR GZIP ESBUILD IMGUI_LICENSE CMARK_LICENSE STRINGS_SOURCE)
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

# The element's ES modules (web/element) and emcc's module factory, bundled and minified by esbuild into the classic
# script (an IIFE, strict as its modules are: its entry says so) and the ES module. The factory, emcc's classic script,
# is imported as the CommonJS module it also is: its CommonJS/AMD export becomes the bundle's own import, so nothing
# is cut from it, and no `module` or `define` is left for a bundler to warn about.
# The element's words before its module has loaded (a page's first load): the English rows of the core's one table
# (src/core/strings.cpp), defined as AW_ELEMENT_WORDS in its script. Once an article is in the module, the element
# reads them in the article's language (the query "strings").
set(element_words textView interactiveView noWebglNote noContextNote loadingArticle stillLoading tryAgain configDefaults)
file(STRINGS "${STRINGS_SOURCE}" english_rows ENCODING UTF-8 REGEX "^ *\\{\"en\", \"[A-Za-z]+\", \"")
set(words_json "")
foreach(name IN LISTS element_words)
  set(text "")
  foreach(row IN LISTS english_rows)
    if(row MATCHES "^ *\\{\"en\", \"${name}\", \"([^\"\\]*)\"\\},")
      set(text "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  if(text STREQUAL "")
    message(FATAL_ERROR "web_package.cmake: no English row for \"${name}\" (as UTF-8 text, without escapes) in ${STRINGS_SOURCE}")
  endif()
  string(APPEND words_json "${sep}\"${name}\":\"${text}\"")
  set(sep ",")
endforeach()
set(words_json "{${words_json}}")

file(RENAME "${DIST}/article-widget.js" "${DIST}/article-widget.factory.js")
foreach(build "classic.js article-widget.js iife" "module.js article-widget.mjs esm")
  string(REPLACE " " ";" build "${build}")
  list(GET build 0 entry)
  list(GET build 1 output)
  list(GET build 2 format)
  execute_process(COMMAND "${ESBUILD}" "${ELEMENT_DIR}/${entry}" --bundle --format=${format} --minify --log-level=warning
                          "--alias:article-widget-wasm-factory=${DIST}/article-widget.factory.js" "--outfile=${DIST}/${output}"
                          "--define:AW_ELEMENT_WORDS=${words_json}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "web_package.cmake: esbuild could not bundle ${ELEMENT_DIR}/${entry} into ${DIST}/${output}")
  endif()
endforeach()
file(REMOVE "${DIST}/article-widget.factory.js")

set(notices "article-widget.wasm contains compiled code from the projects below, under these licences.\n")
foreach(entry "Dear ImGui|${IMGUI_LICENSE}" "cmark-gfm|${CMARK_LICENSE}")
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 title)
  list(GET parts 1 path)
  file(READ "${path}" text)
  string(APPEND notices "\n== ${title} ==\n\n${text}")
endforeach()
file(WRITE "${DIST}/THIRD-PARTY-NOTICES.txt" "${notices}")
