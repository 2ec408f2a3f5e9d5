// Line breaking for inline runs, as pure logic behind a measuring interface (the UI supplies real fonts).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace aw {

// Every face the article is drawn with. The UI maps each to a font at the current scale.
enum class FontFace : uint8_t {
    Body, BodyBold, BodyItalic, BodyBoldItalic, Mono, Heading1, Heading2, Heading3, Heading4, Ui, UiBold, UiSmall, Count
};

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width of `text` (valid UTF-8) in `face`, in layout units.
    virtual float Width(FontFace face, std::string_view text) const = 0;
};

// One styled span of text to lay out. `text` must outlive the layout call.
struct TextSpan {
    std::string_view text;
    FontFace face = FontFace::Body;
    int32_t  tag = -1;          // caller's id (e.g. the run index); copied to fragments
    bool     hardBreak = false; // a forced line break; `text` is ignored
    bool     preserveSpaces = false;   // code: spaces keep their number and width, also at a line start
};

// A piece of one span placed on one line.
struct Fragment {
    uint32_t span = 0;          // index into the spans passed in
    uint32_t begin = 0, end = 0;// byte range within that span's text
    float    x = 0.0f;          // from the line start
    float    width = 0.0f;
};

struct LaidLine {
    uint32_t firstFragment = 0, fragmentCount = 0;
    float    width = 0.0f;      // without trailing spaces
};

struct TextLayout {
    std::vector<Fragment> fragments;
    std::vector<LaidLine> lines;
};

// Greedy line breaking. Breaks at spaces and after hyphens, dashes and slashes; never at a
// no-break space (U+00A0); splits a word longer than the line between code points; a
// `hardBreak` span ends the line. Spaces at the end of a line take no width, and a run of spaces
// takes the width of one, except in `preserveSpaces` spans, where every space is placed as written.
TextLayout BreakLines(const std::vector<TextSpan>& spans, float maxWidth, const TextMeasurer& measure);

} // namespace aw
