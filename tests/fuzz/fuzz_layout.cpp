// Fuzz target: line breaking (aw::BreakLines) with a fake measurer, random spans, hard breaks and widths.
// Input: [width byte][face/flags byte][length byte][text...] repeated; checks the layout's invariants.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/text_layout.h"
#include "core/utf8.h"

namespace {

// Every code point is as wide as its face's index plus one; a space is 1 wide.
class FakeMeasurer : public aw::TextMeasurer {
public:
    float Width(aw::FontFace face, std::string_view text) const override {
        float w = 0.0f;
        for (size_t i = 0; i < text.size();) {
            const uint32_t cp = aw::DecodeUtf8(text, i);
            w += cp == ' ' ? 1.0f : static_cast<float>(static_cast<int>(face) + 1) + static_cast<float>(cp % 3);
        }
        return w;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const float maxWidth = static_cast<float>(data[0]) * 0.75f;   // includes 0 and widths below one character
    std::vector<std::string> texts;
    std::vector<aw::TextSpan> spans;
    size_t i = 1;
    while (i + 2 <= size && spans.size() < 256) {
        const uint8_t flags = data[i], length = data[i + 1];
        i += 2;
        const size_t n = std::min<size_t>(length, size - i);
        texts.emplace_back(reinterpret_cast<const char*>(data + i), n);
        i += n;
        aw::TextSpan span;
        span.face = static_cast<aw::FontFace>(flags % static_cast<int>(aw::FontFace::Count));
        span.hardBreak = (flags & 0x80) != 0;
        span.tag = static_cast<int32_t>(spans.size());
        spans.push_back(span);
    }
    for (size_t s = 0; s < spans.size(); ++s) spans[s].text = texts[s];   // texts no longer moves

    const FakeMeasurer measure;
    const aw::TextLayout layout = aw::BreakLines(spans, maxWidth, measure);
    if (layout.lines.empty()) __builtin_trap();
    uint32_t next = 0;
    for (const aw::LaidLine& line : layout.lines) {
        if (line.firstFragment != next) __builtin_trap();
        next += line.fragmentCount;
    }
    if (next != layout.fragments.size()) __builtin_trap();
    for (const aw::Fragment& f : layout.fragments) {
        if (f.span >= spans.size() || f.begin > f.end || f.end > spans[f.span].text.size()) __builtin_trap();
        if (spans[f.span].hardBreak) __builtin_trap();
    }
    return 0;
}
