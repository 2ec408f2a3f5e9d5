// Line breaking for inline runs of any script, as pure logic behind a measuring interface (the UI
// supplies the platform's fonts): break opportunities, runs that need shaping, bidirectional order.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace aw {

// Every face the article is drawn with. The UI maps each to a font of the platform.
enum class FontFace : uint8_t {
    Body, BodyBold, BodyItalic, BodyBoldItalic, Mono, Heading1, Heading2, Heading3, Heading4, Ui, UiBold, UiSmall, Count
};

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width of `text` (valid UTF-8) drawn glyph by glyph in `face`, in CSS px.
    virtual float Width(FontFace face, std::string_view text) const = 0;
    // Width of a run the platform's text engine shapes as one unit: a word of a right-to-left or joined
    // script, or an emoji sequence. `rtl` is its reading direction.
    virtual float ShapedWidth(FontFace face, std::string_view text, bool rtl) const { (void)rtl; return Width(face, text); }
    // Where a line may break inside `run`, a stretch of letters of a script written without spaces between
    // words (Thai, Lao, Khmer, Myanmar, ...: IsDictionaryBreaking): byte offsets strictly inside it, ascending,
    // at the word boundaries the platform's dictionary finds (ICU natively, Intl.Segmenter in the browser).
    // The default finds none: such a run then breaks only where it is longer than a line.
    virtual void DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) const { (void)run; offsets.clear(); }
};

// One styled span of text to lay out. `text` must outlive the layout call.
struct TextSpan {
    std::string_view text;
    FontFace face = FontFace::Body;
    int32_t  tag = -1;          // caller's id (e.g. the run index); copied to fragments
    bool     hardBreak = false; // a forced line break; `text` is ignored
    bool     preserveSpaces = false;   // code: spaces keep their number and width, also at a line start
};

// How a fragment is drawn: glyph by glyph, or as a run the text engine shapes as a unit.
enum class RunShape : uint8_t {
    Glyphs,   // Latin, Greek, Cyrillic, CJK, digits, punctuation, symbols
    Shaped,   // a word of a right-to-left or joined script (Hebrew, Arabic, Devanagari, Thai, ...)
    Emoji,    // an emoji sequence, drawn in colour
};

// A piece of one span placed on one line.
struct Fragment {
    uint32_t span = 0;          // index into the spans passed in
    uint32_t begin = 0, end = 0;// byte range within that span's text
    float    x = 0.0f;          // from the line's left edge, in visual (left-to-right) order
    float    width = 0.0f;
    RunShape shape = RunShape::Glyphs;
    bool     rtl = false;       // a Shaped run read right to left
    bool     mirrored = false;  // punctuation in a right-to-left run (odd bidi level): drawn with the mirrored glyph
                                // of each paired character, "‹" as "›", "(" as ")" (UAX #9 rule L4)
};

struct LaidLine {
    uint32_t firstFragment = 0, fragmentCount = 0;   // in visual order
    float    width = 0.0f;      // without trailing spaces
    float    x = 0.0f;          // start alignment: 0, or for a right-to-left paragraph the room to its right edge
};

struct TextLayout {
    std::vector<Fragment> fragments;
    std::vector<LaidLine> lines;
    bool rtl = false;           // the paragraph's direction: that of its first letter (Hebrew, Arabic, ...)
};

// Greedy line breaking over the paragraph's joined text, as the browser breaks it (UAX #14 for the common
// cases): a change of span (of style) is never a break opportunity by itself, so `**to**fu` stays whole.
// Breaks at white space, after hyphens and dashes (not before a digit; not after a slash, as in the browser), and between CJK
// characters and emoji (never before closing or after opening punctuation); never at a no-break space;
// inside a run of Thai, Lao, Khmer or Myanmar at the word boundaries `measure.DictionaryBreaks` finds (the run joined
// across spans); splits a word longer than the line between code points; a `hardBreak` span ends the line. White space
// collapses as under CSS `white-space: normal`: a run of spaces, tabs and newlines, across any number of
// spans, is one space (its first character, drawn in its span's face), none at a line's start or end;
// except in `preserveSpaces` spans, where every space is placed as written. Words of scripts that need shaping and emoji sequences become
// fragments of their own; a paragraph with right-to-left text is put in visual order, line by line
// (digits and left-to-right words keep their order inside it), and a right-to-left paragraph starts at
// the right.
TextLayout BreakLines(const std::vector<TextSpan>& spans, float maxWidth, const TextMeasurer& measure);

} // namespace aw
