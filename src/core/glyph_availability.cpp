// Counting the characters of an article that no font on the platform can draw.
#include "glyph_availability.h"

#include <algorithm>

#include "utf8.h"

namespace aw {

bool IsInvisibleCodepoint(uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0)) return true;                 // C0, DEL, C1, no-break space
    if (cp >= 0x2000 && cp <= 0x200F) return true;                            // spaces, zero-width (non-)joiners, LRM, RLM
    if (cp >= 0x2028 && cp <= 0x202F) return true;                            // separators, bidi embeddings, narrow space
    if (cp >= 0x205F && cp <= 0x206F) return true;                            // math space, word joiner, bidi isolates
    if (cp >= 0xFE00 && cp <= 0xFE0F) return true;                            // variation selectors
    if (cp >= 0xE0000 && cp <= 0xE01EF) return true;                          // tags, variation selectors supplement
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x1680 || cp == 0x180E || cp == 0x3000 || cp == 0xFEFF;
}

void AddVisibleNonAscii(std::string_view utf8, std::vector<uint32_t>& set) {
    const size_t before = set.size();
    for (size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) { ++i; continue; }
        const uint32_t cp = DecodeUtf8(utf8, i);
        if (!IsInvisibleCodepoint(cp)) set.push_back(cp);
    }
    if (set.size() == before) return;
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
}

namespace {

template <typename Fn> void ForEachCountedText(const Document& doc, Fn&& fn) {
    for (const InlineRun& run : doc.runs)
        if (run.kind == RunKind::Text) fn(run.text);
    for (const Node& n : doc.nodes)
        if (n.kind == NodeKind::CodeBlock) fn(n.literal);
}

} // namespace

int CountUndrawableCharacters(const Document& doc, const GlyphAvailability& available) {
    std::vector<uint32_t> distinct;
    ForEachCountedText(doc, [&](const std::string& text) { AddVisibleNonAscii(text, distinct); });
    if (distinct.empty() || !available) return 0;
    const std::vector<bool> drawable = available(distinct);
    std::vector<uint32_t> missing;
    for (size_t i = 0; i < distinct.size(); ++i)
        if (i >= drawable.size() || !drawable[i]) missing.push_back(distinct[i]);
    if (missing.empty()) return 0;
    long count = 0;
    ForEachCountedText(doc, [&](const std::string& text) {
        for (size_t i = 0; i < text.size();) {
            if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
            const uint32_t cp = DecodeUtf8(text, i);
            if (std::binary_search(missing.begin(), missing.end(), cp)) ++count;
        }
    });
    return static_cast<int>(count);
}

} // namespace aw
