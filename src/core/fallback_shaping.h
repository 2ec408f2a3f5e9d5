// Shaping for a glyph source with no shaping engine (ShapesRuns() false; natively HarfBuzz shapes): a run of a
// right-to-left or joined script as the code points a glyph-by-glyph renderer draws, left to right.
#pragma once
#include <string>
#include <string_view>

namespace aw {

// In VisualCodepoints' output, a character that U+FE0F asks to show as emoji (❤️) carries this offset
// (into plane 16's private use area): a glyph source draws it from a colour emoji font when it has one.
constexpr char32_t kEmojiFormOffset = 0x100000;

// Arabic letters in their joined presentation forms (initial, medial, final, isolated; lam-alef
// ligatures), the rest unchanged. The text stays in logical order.
std::u32string JoinArabic(std::u32string_view logical);

// The code points of a run in visual order: joined Arabic forms; a character followed by U+FE0F moved
// to its emoji form (kEmojiFormOffset); for a right-to-left run the characters reversed, each with its
// combining marks, digits and left-to-right letters kept in their order, and brackets mirrored. What this cannot do (Indic reordering and conjuncts, mark positioning,
// ZWJ emoji sequences) needs a real shaper; the README lists it.
std::u32string VisualCodepoints(std::string_view utf8, bool rtl);

} // namespace aw
