# `cmake --install`: the C++ package ArticleWidget (native builds only). What a host application gets from
# find_package(ArticleWidget CONFIG COMPONENTS ...), each target a component of that name:
#   ArticleWidget::core          aw::PrepareArticle: document model, parsing, HTML (no ImGui, no GL, no fonts)
#   ArticleWidget::ui            aw::HostedWidget, the widget inside a host's ImGui window
#   ArticleWidget::native_fonts  aw::SystemFonts: glyphs from the system's fonts (fontconfig + FreeType + HarfBuzz)
#   ArticleWidget::native_images aw::DecodeNativeImage: file: and data: images decoded by stb_image (libstb)
#   ArticleWidget::imgui         the Dear ImGui the libraries were built with (1.92.2b, IMGUI_USE_WCHAR32): the
#                                host must use this one, not its own (see the README's "Use from C++ (CMake)")
#   ArticleWidget::cmark_gfm     cmark-gfm, linked into the core (no headers installed)
# Layout under the prefix:
#   include/article_widget/{core,ui,platform}/  the public headers (6): the entry headers and those they include
#   include/article_widget/imgui/               Dear ImGui's headers (ArticleWidget::imgui's include directory)
#   lib/                                        the static libraries
#   lib/cmake/ArticleWidget/                    the package config, version file and exported targets
#   share/ArticleWidget/imgui/backends/         Dear ImGui's platform and renderer backends of the same version,
#                                               as source for the host to compile (ArticleWidget_IMGUI_BACKENDS_DIR)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(AW_PACKAGE_TARGETS aw_core aw_ui aw_native_fonts aw_native_images aw_imgui aw_cmark)
set_target_properties(aw_core PROPERTIES EXPORT_NAME core)
set_target_properties(aw_ui PROPERTIES EXPORT_NAME ui)
set_target_properties(aw_native_fonts PROPERTIES EXPORT_NAME native_fonts)
set_target_properties(aw_native_images PROPERTIES EXPORT_NAME native_images)
set_target_properties(aw_imgui PROPERTIES EXPORT_NAME imgui)
set_target_properties(aw_cmark PROPERTIES EXPORT_NAME cmark_gfm)
# A host may link them into a shared library or a position-independent executable.
set_target_properties(${AW_PACKAGE_TARGETS} PROPERTIES POSITION_INDEPENDENT_CODE ON)
foreach(target aw_core aw_ui aw_native_fonts aw_native_images)
  target_include_directories(${target} INTERFACE "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
endforeach()
target_include_directories(aw_imgui INTERFACE "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/article_widget/imgui>")

install(TARGETS ${AW_PACKAGE_TARGETS} EXPORT ArticleWidgetTargets ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT ArticleWidget)

# The public headers: the entry headers and every project header they include, with the project's includes
# ("core/x.h") written as "article_widget/core/x.h", so only include/ is on a host's include path. Each says in
# its opening comment that it is public and what it promises; install_headers.cmake refuses one that does not, and
# more than AW_MAX_PUBLIC_HEADERS in all (the widget's insides stay internal: WidgetApp, the layout, the views).
set(AW_PUBLIC_HEADERS ui/hosted_widget.h platform/system_fonts.h platform/native_images.h core/prepared_article.h)
set(AW_MAX_PUBLIC_HEADERS 8)
install(CODE "
  set(AW_SOURCE_DIR \"${PROJECT_SOURCE_DIR}/src\")
  set(AW_ENTRY_HEADERS \"${AW_PUBLIC_HEADERS}\")
  set(AW_MAX_HEADERS ${AW_MAX_PUBLIC_HEADERS})
  set(AW_DESTINATION \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_INCLUDEDIR}/article_widget\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/install_headers.cmake\")" COMPONENT ArticleWidget)

# Dear ImGui's own headers and backends, of the version compiled into ArticleWidget::imgui.
install(FILES "${IMGUI_DIR}/imgui.h" "${IMGUI_DIR}/imconfig.h" "${IMGUI_DIR}/imgui_internal.h" "${IMGUI_DIR}/imstb_rectpack.h"
              "${IMGUI_DIR}/imstb_textedit.h" "${IMGUI_DIR}/imstb_truetype.h" "${IMGUI_DIR}/LICENSE.txt"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/article_widget/imgui" COMPONENT ArticleWidget)
install(DIRECTORY "${IMGUI_DIR}/backends/" DESTINATION "${CMAKE_INSTALL_DATADIR}/ArticleWidget/imgui/backends"
  COMPONENT ArticleWidget FILES_MATCHING PATTERN "*.h" PATTERN "*.cpp" PATTERN "*.mm" PATTERN "*.m")
install(FILES "${CMARK_GFM_DIR}/COPYING" DESTINATION "${CMAKE_INSTALL_DATADIR}/ArticleWidget/licenses" RENAME cmark-gfm.COPYING
  COMPONENT ArticleWidget)
install(FILES "${IMGUI_DIR}/LICENSE.txt" DESTINATION "${CMAKE_INSTALL_DATADIR}/ArticleWidget/licenses" RENAME imgui.LICENSE.txt
  COMPONENT ArticleWidget)
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/ArticleWidget/licenses" RENAME article-widget.LICENSE
  COMPONENT ArticleWidget)

# The package: config, version and targets, relocatable (every path relative to the config file).
file(STRINGS "${IMGUI_DIR}/imgui.h" AW_IMGUI_VERSION_STRING_LINE REGEX "^#define IMGUI_VERSION +\"")
string(REGEX MATCH "\"[^\"]+\"" AW_IMGUI_VERSION "${AW_IMGUI_VERSION_STRING_LINE}")
string(REPLACE "\"" "" AW_IMGUI_VERSION "${AW_IMGUI_VERSION}")
set(AW_CONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/ArticleWidget")
set(AW_INCLUDE_DIR "${CMAKE_INSTALL_INCLUDEDIR}")
set(AW_IMGUI_BACKENDS_DIR "${CMAKE_INSTALL_DATADIR}/ArticleWidget/imgui/backends")
install(EXPORT ArticleWidgetTargets NAMESPACE ArticleWidget:: DESTINATION "${AW_CONFIG_DIR}" COMPONENT ArticleWidget)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ArticleWidgetConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/package/ArticleWidgetConfig.cmake" INSTALL_DESTINATION "${AW_CONFIG_DIR}"
  PATH_VARS AW_INCLUDE_DIR AW_IMGUI_BACKENDS_DIR)
# 0.x: a minor version may change the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/package/ArticleWidgetConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/package/ArticleWidgetConfig.cmake" "${PROJECT_BINARY_DIR}/package/ArticleWidgetConfigVersion.cmake"
  DESTINATION "${AW_CONFIG_DIR}" COMPONENT ArticleWidget)
