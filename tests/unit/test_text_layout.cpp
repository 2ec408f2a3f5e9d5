// Unit tests for core/text_layout (aw::BreakLines) with a fake monospace measurer: every code point is 10 units wide.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text_layout.h"
#include "core/text_util.h"

using namespace aw;

namespace {

// Every code point is `unit` wide (bold faces `boldUnit`), so widths are easy to predict.
struct FakeMono : TextMeasurer {
    float unit = 10.0f, boldUnit = 10.0f;
    mutable int calls = 0;
    float Width(FontFace face, std::string_view text) const override {
        ++calls;
        float w = 0.0f;
        for (size_t i = 0; i < text.size();) {
            DecodeUtf8(text, i);
            w += face == FontFace::BodyBold ? boldUnit : unit;
        }
        return w;
    }
};

std::vector<TextSpan> One(std::string_view text) { return {TextSpan{text, FontFace::Body, -1, false}}; }
TextSpan HardBreak() { return TextSpan{{}, FontFace::Body, -1, true}; }

// The text of each line: its fragments' bytes, in order.
std::vector<std::string> Lines(const TextLayout& layout, const std::vector<TextSpan>& spans) {
    std::vector<std::string> out;
    for (const LaidLine& line : layout.lines) {
        std::string s;
        for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
            const Fragment& frag = layout.fragments[f];
            s += std::string(spans[frag.span].text.substr(frag.begin, frag.end - frag.begin));
        }
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> Break(std::string_view text, float width) {
    const std::vector<TextSpan> spans = One(text);
    return Lines(BreakLines(spans, width, FakeMono{}), spans);
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("text layout: breaks at spaces, greedily, and a line that fits exactly stays whole") {
    CHECK(Break("aaa bbb ccc", 1000) == V{"aaa bbb ccc"});
    CHECK(Break("aaa bbb ccc", 70) == V{"aaa bbb", "ccc"});   // "aaa bbb" is exactly 70
    CHECK(Break("aaa bbb ccc", 69) == V{"aaa", "bbb", "ccc"});
    const std::vector<TextSpan> spans = One("aaa bbb ccc");
    const TextLayout layout = BreakLines(spans, 70, FakeMono{});
    REQUIRE(layout.lines.size() == 2);
    CHECK(layout.lines[0].width == doctest::Approx(70));
    CHECK(layout.lines[1].width == doctest::Approx(30));
}

TEST_CASE("text layout: break opportunities after hyphens, en and em dashes and slashes") {
    CHECK(Break("well-known fact", 150) == V{"well-known fact"});      // no break needed
    CHECK(Break("well-known fact", 100) == V{"well-known", "fact"});
    CHECK(Break("well-known fact", 60) == V{"well-", "known", "fact"});
    CHECK(Break("input/output", 80) == V{"input/", "output"});
    // After a word, so that a break at the dash differs from splitting an over-long word.
    CHECK(Break("xx 1990\xE2\x80\x93" "2000", 80) == V{"xx 1990\xE2\x80\x93", "2000"});   // en dash
    CHECK(Break("xx yes\xE2\x80\x94no", 70) == V{"xx yes\xE2\x80\x94", "no"});            // em dash
    CHECK(Break("xx a\xE2\x80\x90" "b", 50) == V{"xx a\xE2\x80\x90", "b"});                // U+2010 hyphen
    CHECK(Break("ab-cd", 30) == V{"ab-", "cd"});
    // Other punctuation is not a break opportunity: the word is split only because it is too long.
    CHECK(Break("ab.cd", 30) == V{"ab.", "cd"});
    CHECK(Break("xx ab.cd", 60) == V{"xx", "ab.cd"});
    CHECK(Break("xx ab-cd", 60) == V{"xx ab-", "cd"});
}

TEST_CASE("text layout: never breaks at a no-break space") {
    CHECK(Break("xx aaa bbb", 80) == V{"xx aaa", "bbb"});
    CHECK(Break("xx aaa\xC2\xA0" "bbb", 80) == V{"xx", "aaa\xC2\xA0" "bbb"});
    CHECK(Break("10\xC2\xA0km away", 60) == V{"10\xC2\xA0km", "away"});
}

TEST_CASE("text layout: a word longer than the line is split between code points, never into empty lines") {
    CHECK(Break("abcdefghijkl", 50) == V{"abcde", "fghij", "kl"});
    CHECK(Break("hi abcdefghijkl", 50) == V{"hi", "abcde", "fghij", "kl"});
    // Two-byte code points: split on code point boundaries, so every line is valid UTF-8.
    const V accents = Break("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 30);
    REQUIRE(accents.size() == 3);
    for (const std::string& line : accents) CHECK(FindInvalidUtf8(line) == -1);
    CHECK(accents[0] == "\xC3\xA9\xC3\xA9\xC3\xA9");
    CHECK(accents[2] == "\xC3\xA9");
    // Narrower than one code point: one per line, still no empty line, and it terminates.
    CHECK(Break("abc", 5) == V{"a", "b", "c"});
    CHECK(Break("abc", 0) == V{"a", "b", "c"});
    for (const std::string& line : Break("x supercalifragilistic y", 40)) CHECK_FALSE(line.empty());
}

TEST_CASE("text layout: curly quotes, apostrophes and dashes are one code point each") {
    const FakeMono mono;
    const std::vector<TextSpan> quoted = One("\xE2\x80\x9Chello\xE2\x80\x9D");   // “hello”: 7 code points, 11 bytes
    const TextLayout a = BreakLines(quoted, 70, mono);
    REQUIRE(a.lines.size() == 1);
    CHECK(a.lines[0].width == doctest::Approx(70));
    CHECK(Break("it\xE2\x80\x99s fine", 40) == V{"it\xE2\x80\x99s", "fine"});      // it’s = 40
    CHECK(Break("\xE2\x80\x98" "a\xE2\x80\x99 b", 50) == V{"\xE2\x80\x98" "a\xE2\x80\x99 b"});   // ‘a’ b: 5 code points
    CHECK(Break("\xE2\x80\x98" "a\xE2\x80\x99 b", 40) == V{"\xE2\x80\x98" "a\xE2\x80\x99", "b"});
}

TEST_CASE("text layout: hard breaks end the line, and a blank line between two is kept") {
    std::vector<TextSpan> spans{TextSpan{"one two", FontFace::Body, -1, false}, HardBreak(), TextSpan{"three", FontFace::Body, -1, false}};
    CHECK(Lines(BreakLines(spans, 1000, FakeMono{}), spans) == V{"one two", "three"});
    std::vector<TextSpan> code{TextSpan{"a", FontFace::Mono, -1, false}, HardBreak(), TextSpan{"", FontFace::Mono, -1, false}, HardBreak(),
                               TextSpan{"b", FontFace::Mono, -1, false}};
    CHECK(Lines(BreakLines(code, 1000, FakeMono{}), code) == V{"a", "", "b"});
    // A hard break at the very end adds no empty line.
    std::vector<TextSpan> trailing{TextSpan{"a", FontFace::Body, -1, false}, HardBreak()};
    CHECK(BreakLines(trailing, 1000, FakeMono{}).lines.size() == 1);
}

TEST_CASE("text layout: spaces at the start and end of a line take no width") {
    const FakeMono mono;
    const std::vector<TextSpan> trailing = One("aaa   ");
    const TextLayout t = BreakLines(trailing, 1000, mono);
    REQUIRE(t.lines.size() == 1);
    CHECK(t.lines[0].width == doctest::Approx(30));
    const std::vector<TextSpan> wrapped = One("aaa bbb");
    const TextLayout w = BreakLines(wrapped, 50, mono);
    REQUIRE(w.lines.size() == 2);
    CHECK(w.lines[0].width == doctest::Approx(30));   // not 40: the space at the break is dropped
    CHECK(w.fragments[w.lines[1].firstFragment].x == doctest::Approx(0));
    const std::vector<TextSpan> leading = One("   aaa");
    const TextLayout l = BreakLines(leading, 1000, mono);
    REQUIRE(l.fragments.size() == 1);
    CHECK(l.fragments[0].x == doctest::Approx(0));
    CHECK(l.lines[0].width == doctest::Approx(30));
    // A line that only fits without its trailing space still fits.
    CHECK(Break("aaa bbb ", 70) == V{"aaa bbb"});
}

TEST_CASE("text layout: several spans with different faces, fragment positions and widths") {
    FakeMono mono;
    mono.boldUnit = 20.0f;   // the measurer must be asked with each span's own face
    const std::vector<TextSpan> spans{TextSpan{"plain ", FontFace::Body, 0, false}, TextSpan{"bold", FontFace::BodyBold, 1, false},
                                      TextSpan{" tail", FontFace::Body, 2, false}};
    const TextLayout layout = BreakLines(spans, 1000, mono);
    REQUIRE(layout.lines.size() == 1);
    REQUIRE(layout.fragments.size() == 3);
    CHECK(layout.fragments[0].span == 0);
    CHECK(layout.fragments[0].x == doctest::Approx(0));
    CHECK(layout.fragments[0].width == doctest::Approx(60));   // the space before "bold" joins this fragment
    CHECK(layout.fragments[1].span == 1);
    CHECK(layout.fragments[1].x == doctest::Approx(60));       // "plain" + space
    CHECK(layout.fragments[1].width == doctest::Approx(80));   // 4 bold code points
    CHECK(layout.fragments[2].span == 2);
    CHECK(layout.fragments[2].x == doctest::Approx(150));      // 60 + 80 + the space of span 2
    CHECK(layout.fragments[2].width == doctest::Approx(40));
    CHECK(layout.lines[0].width == doctest::Approx(190));
    CHECK(Lines(layout, spans) == V{"plain boldtail"});   // the space of span 2 only moves x

    // Breaking inside the second span: the next line's fragments start again at x = 0.
    const TextLayout narrow = BreakLines(spans, 100, mono);
    CHECK(Lines(narrow, spans) == V{"plain", "bold", "tail"});   // bold is 80 wide, so "plain bold" (140) does not fit
    REQUIRE(narrow.lines.size() == 3);
    for (const LaidLine& line : narrow.lines) CHECK(narrow.fragments[line.firstFragment].x == doctest::Approx(0));
    CHECK(narrow.lines[0].width == doctest::Approx(50));
    CHECK(narrow.lines[1].width == doctest::Approx(80));
    CHECK(narrow.fragments[narrow.lines[1].firstFragment].span == 1);
}

TEST_CASE("text layout: no spans give one empty line, and tags stay with their fragments") {
    const TextLayout empty = BreakLines({}, 100, FakeMono{});
    CHECK(empty.lines.size() == 1);
    CHECK(empty.fragments.empty());
    const std::vector<TextSpan> spans{TextSpan{"see ", FontFace::Body, -1, false}, TextSpan{"the link", FontFace::BodyItalic, 7, false}};
    const TextLayout layout = BreakLines(spans, 1000, FakeMono{});
    REQUIRE(layout.fragments.size() == 2);
    CHECK(spans[layout.fragments[1].span].tag == 7);
    CHECK(layout.fragments[1].begin == 0);
    CHECK(layout.fragments[1].end == 8);
}
