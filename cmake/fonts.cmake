# Fonts: Noto faces from Debian's fonts-noto-core/-mono, subset at build time with fontTools and
# compiled into the binary as byte arrays (library aw_fonts).

set(AW_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "where the Noto TTF files are")
set(AW_FONT_FILES NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic NotoSerif-BoldItalic
                  NotoSans-Regular NotoSans-Bold NotoSansMono-Regular)
set(AW_FONT_INPUTS "")
foreach(f ${AW_FONT_FILES})
  if(NOT EXISTS "${AW_FONT_DIR}/${f}.ttf")
    message(FATAL_ERROR "${AW_FONT_DIR}/${f}.ttf missing: apt-get install fonts-noto-core fonts-noto-mono")
  endif()
  list(APPEND AW_FONT_INPUTS "${AW_FONT_DIR}/${f}.ttf")
endforeach()
# Debian's python3-fonttools lives beside the system interpreter, not a pyenv one.
find_program(AW_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
set(AW_FONTS_CPP "${CMAKE_BINARY_DIR}/generated/embedded_fonts.cpp")
add_custom_command(
  OUTPUT "${AW_FONTS_CPP}"
  COMMAND "${AW_PYTHON3}" "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py" --out "${AW_FONTS_CPP}" ${AW_FONT_INPUTS}
  DEPENDS "${CMAKE_SOURCE_DIR}/cmake/embed_fonts.py" "${CMAKE_SOURCE_DIR}/src/core/glyph_coverage.h" ${AW_FONT_INPUTS}
  COMMENT "Subsetting and embedding Noto fonts"
  VERBATIM)
add_library(aw_fonts STATIC "${AW_FONTS_CPP}")
target_include_directories(aw_fonts PUBLIC "${CMAKE_SOURCE_DIR}/src")
