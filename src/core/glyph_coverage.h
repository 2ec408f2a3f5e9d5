// The code points the embedded fonts are subset to: the one list that cmake/embed_fonts.py (the subset,
// read from this file by regex), src/ui/fonts.cpp (the ImGui glyph ranges) and the model's count of
// characters drawn with a placeholder all use.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace aw {

struct CodepointRange { uint32_t first, last; };   // inclusive

// Basic Latin, Latin-1, Latin Extended-A, general punctuation, currency, arrows, the geometric shapes the
// UI draws (U+25A1 is also the placeholder box for missing glyphs), and U+FFFD. Keep one range per
// line in the form {0xFIRST, 0xLAST}: embed_fonts.py parses it.
inline constexpr CodepointRange kCoveredRanges[] = {
    {0x0020, 0x007E},
    {0x00A0, 0x017F},
    {0x2010, 0x2027},
    {0x2030, 0x203A},
    {0x2044, 0x2044},
    {0x20AC, 0x20AC},
    {0x2122, 0x2122},
    {0x2190, 0x2193},
    {0x2212, 0x2212},
    {0x25A1, 0x25A1},
    {0x25B2, 0x25BC},
    {0x2713, 0x2713},
    {0xFFFD, 0xFFFD},
};

// The glyph ImGui draws for a character the fonts lack.
constexpr uint32_t kPlaceholderCodepoint = 0x25A1;

bool IsCoveredCodepoint(uint32_t codepoint);

// Characters of `utf8` the fonts cannot draw (drawn as the placeholder), not counting whitespace and
// control characters. Invalid bytes decode to U+FFFD, which is covered.
int CountUncoveredCharacters(std::string_view utf8);

// Adds the covered code points of `utf8` to `set` (sorted, unique): what a font atlas must hold to
// draw the text. Uncovered ones are left out (they draw as the placeholder).
void AddCoveredCodepoints(std::string_view utf8, std::vector<uint32_t>& set);

} // namespace aw
