// Counting the characters of an article that no font on the platform can draw, by asking the platform
// (the browser's text engine, or fontconfig natively): the core knows no fonts.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "document.h"

namespace aw {

// Which of `codepoints` (sorted, distinct, none below U+0080) some font on this platform can draw:
// one flag per code point, in the same order.
using GlyphAvailability = std::function<std::vector<bool>(const std::vector<uint32_t>& codepoints)>;

// Characters that draw nothing by design and so are never missing: whitespace, controls, format
// characters (joiners, bidi marks, variation selectors, tags).
bool IsInvisibleCodepoint(uint32_t codepoint);

// The distinct code points of `utf8` that are not ASCII and not invisible, added to `set` (kept sorted).
void AddVisibleNonAscii(std::string_view utf8, std::vector<uint32_t>& set);

// How many characters of the article's text runs and code blocks no font can draw (each is drawn as a
// box). ASCII is taken as drawable. One query for the distinct code points.
int CountUndrawableCharacters(const Document& doc, const GlyphAvailability& available);

} // namespace aw
