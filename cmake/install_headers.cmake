# Installs the public headers (run by `cmake --install`, from cmake/install.cmake): the entry headers and every
# project header they include, found by following their #include "..." lines, and no other. The project's own
# includes of another layer ("core/x.h", "ui/x.h", "platform/x.h") are written as "article_widget/core/x.h", so a
# host needs only the prefix's include/ on its path and no header name of ours can shadow one of its own.
# Each must say it is a "Public header (installed)" in its opening comment, and there may be AW_MAX_HEADERS at most.
# In: AW_SOURCE_DIR (src/), AW_ENTRY_HEADERS (paths relative to it), AW_DESTINATION (include/article_widget),
# AW_MAX_HEADERS.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20)   # run by cmake_install.cmake, whose policies are CMake 2's
set(pending ${AW_ENTRY_HEADERS})
set(done "")
while(pending)
  list(POP_FRONT pending header)
  if(header IN_LIST done)
    continue()
  endif()
  list(APPEND done "${header}")
  if(NOT EXISTS "${AW_SOURCE_DIR}/${header}")
    message(FATAL_ERROR "install_headers.cmake: ${AW_SOURCE_DIR}/${header} is missing")
  endif()
  file(READ "${AW_SOURCE_DIR}/${header}" text)
  if(NOT text MATCHES "// Public header \\(installed\\)")
    message(FATAL_ERROR "install_headers.cmake: ${header} is reached from a public header but does not say it is public "
                        "(\"// Public header (installed): <its promise>\"): include it from a .cpp instead")
  endif()
  get_filename_component(dir "${header}" DIRECTORY)
  string(REGEX MATCHALL "#include \"[^\"]+\"" includes "${text}")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "#include \"([^\"]+)\"" "\\1" name "${line}")
    if(EXISTS "${AW_SOURCE_DIR}/${dir}/${name}")   # beside the including header
      list(APPEND pending "${dir}/${name}")
    elseif(EXISTS "${AW_SOURCE_DIR}/${name}")      # another layer's, from src/
      list(APPEND pending "${name}")
    else()
      message(FATAL_ERROR "install_headers.cmake: ${header} includes \"${name}\", which is not in ${AW_SOURCE_DIR}")
    endif()
  endforeach()
  string(REGEX REPLACE "#include \"(core|ui|platform)/" "#include \"article_widget/\\1/" text "${text}")
  set(out "${AW_DESTINATION}/${header}")
  if(EXISTS "${out}")
    file(READ "${out}" old)
  else()
    set(old "")
  endif()
  if(NOT old STREQUAL text)
    message(STATUS "Installing: ${out}")
    file(WRITE "${out}" "${text}")
  else()
    message(STATUS "Up-to-date: ${out}")
  endif()
endwhile()
list(LENGTH done count)
if(count GREATER AW_MAX_HEADERS)
  message(FATAL_ERROR "install_headers.cmake: ${count} public headers (${done}), over the limit of ${AW_MAX_HEADERS}")
endif()
cmake_policy(POP)
