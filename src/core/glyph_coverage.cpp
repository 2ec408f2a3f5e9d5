// The code points the embedded fonts cover, and counting the characters they do not.
#include "glyph_coverage.h"

#include "text_util.h"

#include <algorithm>

namespace aw {

bool IsCoveredCodepoint(uint32_t cp) {
    for (const CodepointRange& r : kCoveredRanges)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

static bool IsWhitespaceOrControl(uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;   // C0, DEL, C1
    switch (cp) {
        case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: return true;
        default: return cp >= 0x2000 && cp <= 0x200A;
    }
}

int CountUncoveredCharacters(std::string_view utf8) {
    int count = 0;
    for (size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) { ++i; continue; }   // ASCII is covered or a control
        const uint32_t cp = DecodeUtf8(utf8, i);
        if (!IsWhitespaceOrControl(cp) && !IsCoveredCodepoint(cp)) ++count;
    }
    return count;
}

void AddCoveredCodepoints(std::string_view utf8, std::vector<uint32_t>& set) {
    std::vector<uint32_t> found;
    for (size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) { ++i; continue; }   // ASCII is always in the atlas
        const uint32_t cp = DecodeUtf8(utf8, i);
        if (IsCoveredCodepoint(cp)) found.push_back(cp);
    }
    if (found.empty()) return;
    set.insert(set.end(), found.begin(), found.end());
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
}

} // namespace aw
