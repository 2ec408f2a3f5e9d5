// The system's fonts for a host (see system_fonts.h): a NativeGlyphSource behind a public face.
#include "platform/system_fonts.h"

#include "platform/native_fonts.h"

namespace aw {

SystemFonts::SystemFonts() : source_(std::make_unique<NativeGlyphSource>()) {}
SystemFonts::~SystemFonts() = default;
GlyphSource* SystemFonts::glyphs() { return source_.get(); }

} // namespace aw
