// The system's fonts for aw::HostedWidget (ArticleWidget::native_fonts): fontconfig finds each face's families and
// a fallback font for every script they lack, FreeType rasterises, HarfBuzz shapes runs.
// Public header (installed): stable within a 0.x minor version.
#pragma once
#include <memory>

namespace aw {

class GlyphSource;         // internal (ui/fonts.h): the widget's text engine
class NativeGlyphSource;   // internal (platform/native_fonts.h)

class SystemFonts {
public:
    SystemFonts();
    ~SystemFonts();
    SystemFonts(const SystemFonts&) = delete;
    SystemFonts& operator=(const SystemFonts&) = delete;

    // The text engine to hand to aw::HostedWidget; it lives as long as this object, which must outlive the widgets
    // (one SystemFonts can serve many widgets).
    GlyphSource* glyphs();

private:
    std::unique_ptr<NativeGlyphSource> source_;
};

} // namespace aw
