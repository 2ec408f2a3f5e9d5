// Unit tests for core/text_layout (aw::BreakLines) with a fake monospace measurer: every code point is 10 units wide.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text_layout.h"
#include "core/utf8.h"

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

// Every fragment's text measures exactly its width, and no fragment starts before the one before it ends: what the
// canvas draws (each fragment's text at its x) never overlaps.
void CheckDrawnTextFits(const TextLayout& layout, const std::vector<TextSpan>& spans, const TextMeasurer& measure) {
    for (const LaidLine& line : layout.lines) {
        float end = 0.0f;
        for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
            const Fragment& frag = layout.fragments[f];
            const TextSpan& span = spans[frag.span];
            CAPTURE(std::string(span.text.substr(frag.begin, frag.end - frag.begin)));
            CHECK(frag.width == doctest::Approx(measure.Width(span.face, span.text.substr(frag.begin, frag.end - frag.begin))));
            CHECK(frag.x >= end - 0.001f);
            end = frag.x + frag.width;
        }
    }
}

std::vector<TextSpan> Styled(std::initializer_list<std::pair<std::string_view, FontFace>> runs) {
    std::vector<TextSpan> spans;
    for (const auto& [text, face] : runs) spans.push_back(TextSpan{text, face, int32_t(spans.size()), false});
    return spans;
}

TEST_CASE("text layout: white space collapses as under white-space: normal, across spans, and the next run is placed after one space") {
    FakeMono mono;
    mono.boldUnit = 20.0f;
    // printf '# T\n\nA  B  C  D  E(**no**) x\n': "E(" is drawn before "no", not under it.
    const std::vector<TextSpan> issue = Styled({{"A  B  C  D  E(", FontFace::Body}, {"no", FontFace::BodyBold}, {") x", FontFace::Body}});
    const TextLayout layout = BreakLines(issue, 1000, mono);
    CHECK(Lines(layout, issue) == V{"A B C D E(no) x"});
    CheckDrawnTextFits(layout, issue, mono);
    REQUIRE(layout.fragments.size() >= 3);
    for (const Fragment& f : layout.fragments)
        if (f.span == 1) CHECK(f.x == doctest::Approx(100));   // "A B C D E(" is 10 code points
    CHECK(layout.lines[0].width == doctest::Approx(100 + 40 + 30));

    // Tabs, newlines and spaces, in any mix and across any number of spans, are one space; none at the start or end.
    const std::vector<TextSpan> across = Styled({{"  a \t", FontFace::Body}, {"  ", FontFace::BodyBold}, {"\n", FontFace::Body},
                                                 {" b", FontFace::BodyBold}, {"   ", FontFace::Body}});
    const TextLayout collapsed = BreakLines(across, 1000, mono);
    CHECK(Lines(collapsed, across) == V{"a b"});
    CHECK(collapsed.lines[0].width == doctest::Approx(10 + 10 + 20));
    CheckDrawnTextFits(collapsed, across, mono);
    // Where the collapsed space starts with a tab or newline it is a gap, never a drawn tab.
    CHECK(Break("a\t\tb\n\nc", 1000) == V{"abc"});
    // Code keeps every space.
    std::vector<TextSpan> code = One("a  b");
    code[0].preserveSpaces = true;
    CHECK(Lines(BreakLines(code, 1000, mono), code) == V{"a  b"});
}

TEST_CASE("text layout: lines break over the paragraph's joined text: never inside a word because its style changes") {
    FakeMono mono;
    // "aa **to**fu": "aa to" fits in 50 but breaking there would split "tofu".
    const std::vector<TextSpan> tofu = Styled({{"aa ", FontFace::Body}, {"to", FontFace::BodyBold}, {"fu", FontFace::Body}});
    CHECK(Lines(BreakLines(tofu, 50, mono), tofu) == V{"aa", "tofu"});
    CHECK(Lines(BreakLines(tofu, 70, mono), tofu) == V{"aa tofu"});
    // ab*cd*ef keeps whole at every width that holds it: each line holds whole words only.
    const std::vector<TextSpan> abcdef = Styled({{"xx ab", FontFace::Body}, {"cd", FontFace::BodyItalic}, {"ef yy", FontFace::Body}});
    for (float width = 60; width < 130; width += 10) {
        CAPTURE(width);
        for (const std::string& line : Lines(BreakLines(abcdef, width, mono), abcdef)) {
            CAPTURE(line);
            CHECK((line == "xx" || line == "abcdef" || line == "yy" || line == "xx abcdef" || line == "abcdef yy" || line == "xx abcdef yy"));
        }
    }
    // Many pieces of one word, each in its own span.
    const std::vector<TextSpan> pieces = Styled({{"a ", FontFace::Body}, {"b", FontFace::BodyBold}, {"c", FontFace::Body}, {"d", FontFace::BodyItalic},
                                                 {"e", FontFace::Mono}, {" f", FontFace::Body}});
    CHECK(Lines(BreakLines(pieces, 45, mono), pieces) == V{"a", "bcde", "f"});
    // A break opportunity still exists where a span starts after a hyphen, or between ideographs of two spans.
    const std::vector<TextSpan> hyphen = Styled({{"well-", FontFace::BodyBold}, {"known", FontFace::Body}});
    CHECK(Lines(BreakLines(hyphen, 60, mono), hyphen) == V{"well-", "known"});
    const std::vector<TextSpan> cjk = Styled({{"\xE6\xBC\xA2\xE5\xAD\x97", FontFace::BodyBold}, {"\xE6\xBC\xA2\xE5\xAD\x97", FontFace::Body}});
    CHECK(BreakLines(cjk, 30, mono).lines.size() == 2);
    // No break between a hyphen and a digit (UAX #14 LB25): "10-20" stays whole.
    CHECK(Break("aa 10-20", 60) == V{"aa", "10-20"});
    CHECK(Break("aa well-known", 80) == V{"aa well-", "known"});
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

// --- every script --------------------------------------------------------------------------------

namespace {

// FakeMono that also records the runs it is asked to shape; a shaped run is `shapedUnit` per code point.
struct FakeShaper : FakeMono {
    float shapedUnit = 7.0f;
    mutable std::vector<std::string> shaped;
    float ShapedWidth(FontFace, std::string_view text, bool rtl) const override {
        shaped.push_back(std::string(rtl ? "rtl:" : "ltr:") + std::string(text));
        float w = 0.0f;
        for (size_t i = 0; i < text.size();) { DecodeUtf8(text, i); w += shapedUnit; }
        return w;
    }
};

// The fragments of a one-line layout in visual order, as "text" or "shape:text".
std::vector<std::string> Visual(const TextLayout& layout, const std::vector<TextSpan>& spans, bool withShape = false) {
    std::vector<std::string> out;
    for (const Fragment& f : layout.fragments) {
        std::string text(spans[f.span].text.substr(f.begin, f.end - f.begin));
        if (withShape) text = (f.shape == RunShape::Glyphs ? "glyphs:" : f.shape == RunShape::Emoji ? "emoji:" : f.rtl ? "rtl:" : "shaped:") + text;
        out.push_back(text);
    }
    return out;
}

} // namespace

TEST_CASE("text layout: CJK breaks between characters, never before closing or after opening punctuation") {
    // Every character is 10 wide.
    CHECK(Break("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87\xE7\xAB\xA0", 30) ==
          V{"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "\xE3\x81\xAE\xE6\x96\x87\xE7\xAB\xA0"});   // 日本語の文章 -> 日本語 / の文章
    // "。" never starts a line: it stays with the character before it.
    CHECK(Break("\xE6\xBC\xA2\xE5\xAD\x97\xE3\x80\x82\xE6\xBC\xA2\xE5\xAD\x97", 20) ==
          V{"\xE6\xBC\xA2", "\xE5\xAD\x97\xE3\x80\x82", "\xE6\xBC\xA2\xE5\xAD\x97"});   // 漢字。漢字 -> 漢 / 字。 / 漢字
    // "「" never ends a line and "」" never starts one.
    const V quoted = Break("\xE6\xBC\xA2\xE5\xAD\x97\xE3\x80\x8C\xE5\xBC\x95\xE7\x94\xA8\xE3\x80\x8D\xE3\x81\xA7\xE3\x81\x99", 30);   // 漢字「引用」です
    CHECK(quoted == V{"\xE6\xBC\xA2\xE5\xAD\x97", "\xE3\x80\x8C\xE5\xBC\x95", "\xE7\x94\xA8\xE3\x80\x8D\xE3\x81\xA7", "\xE3\x81\x99"});
    // Latin next to kana breaks too, as in a browser; a long run without spaces fills every line.
    CHECK(Break("Unicode\xE3\x81\xAE\xE6\x96\x87\xE5\xAD\x97", 85) == V{"Unicode\xE3\x81\xAE", "\xE6\x96\x87\xE5\xAD\x97"});   // Unicodeの文字
    std::string long_;
    for (int i = 0; i < 37; ++i) long_ += "\xE6\x96\x87";   // 文 x 37
    const V lines = Break(long_, 100);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].size() == 30);   // ten characters of three bytes
    CHECK(lines[3].size() == 21);
    // Hangul syllables break between syllables as well as at spaces.
    CHECK(Break("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xEB\xAC\xB8\xEC\x9E\xA5", 20) ==
          V{"\xED\x95\x9C\xEA\xB5\xAD", "\xEC\x96\xB4", "\xEB\xAC\xB8\xEC\x9E\xA5"});   // 한국어 문장
}

TEST_CASE("text layout: mixed scripts: Greek and Cyrillic go glyph by glyph; shaped words and emoji are runs of their own") {
    FakeShaper shaper;
    // Hello κόσμε мир नमस्ते 👍🏽 end ✓
    const std::vector<TextSpan> spans = One("Hello \xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5 \xD0\xBC\xD0\xB8\xD1\x80 "
                                            "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87 "
                                            "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD end \xE2\x9C\x93");
    const TextLayout layout = BreakLines(spans, 1000, shaper);
    REQUIRE(layout.lines.size() == 1);
    CHECK_FALSE(layout.rtl);
    CHECK(Visual(layout, spans, true) == V{"glyphs:Hello \xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5 \xD0\xBC\xD0\xB8\xD1\x80 ",
                                          "shaped:\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87",
                                          "emoji:\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "glyphs:end \xE2\x9C\x93"});
    CHECK(shaper.shaped == V{"ltr:\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87", "ltr:\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"});
    // Positions follow the widths the measurer gave: 16 glyphs and 2 spaces, 6 shaped code points, ...
    CHECK(layout.fragments[1].x == doctest::Approx(160));
    CHECK(layout.fragments[2].x == doctest::Approx(160 + 42 + 10));
    CHECK(layout.fragments[3].x == doctest::Approx(160 + 42 + 10 + 14 + 10));

    // Emoji sequences stay whole: a ZWJ sequence, a flag, a keycap, a heart asking for emoji presentation.
    FakeShaper emoji;
    const std::vector<TextSpan> sequences = One("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xF0\x9F\x87\xAF\xF0\x9F\x87\xB5 "
                                                "1\xEF\xB8\x8F\xE2\x83\xA3 \xE2\x9D\xA4\xEF\xB8\x8F");
    const TextLayout e = BreakLines(sequences, 1000, emoji);
    CHECK(Visual(e, sequences, true) == V{"emoji:\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", "emoji:\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5",
                                         "emoji:1\xEF\xB8\x8F\xE2\x83\xA3", "emoji:\xE2\x9D\xA4\xEF\xB8\x8F"});
    // An emoji may start a line, and punctuation after it stays with it.
    CHECK(Break("aaa \xF0\x9F\x98\x80!", 40) == V{"aaa", "\xF0\x9F\x98\x80!"});
    // A letter with a combining mark is placed by the text engine (here: caf + e with U+0301).
    FakeShaper marks;
    const std::vector<TextSpan> decomposed = One("cafe\xCC\x81 au lait");
    CHECK(Visual(BreakLines(decomposed, 1000, marks), decomposed, true) == V{"glyphs:caf", "shaped:e\xCC\x81", "glyphs:au lait"});
}

TEST_CASE("text layout: right-to-left paragraphs start at the right and read right to left, numbers and Latin inside them left to right") {
    FakeShaper shaper;
    const std::string alef = "\xD7\x90\xD7\x91\xD7\x92", dalet = "\xD7\x93\xD7\x94\xD7\x95";   // אבג, דהו
    // (The texts live in strings of their own: spans only view them.)
    const std::string twoText = alef + " " + dalet, numberText = alef + " 2024 " + dalet, latinText = alef + " Unicode API " + dalet + ".",
                      insideText = "one " + alef + ", " + dalet + " two", wrappedText = twoText + " " + twoText,
                      digitsFirst = "123, " + alef, latinFirst = "Hello " + alef;
    const std::vector<TextSpan> two = One(twoText);
    const TextLayout rtl = BreakLines(two, 100, shaper);
    CHECK(rtl.rtl);
    REQUIRE(rtl.lines.size() == 1);
    CHECK(Visual(rtl, two, true) == V{"rtl:" + dalet, "rtl:" + alef});   // the first word is on the right
    CHECK(rtl.fragments[0].x == doctest::Approx(0));
    CHECK(rtl.fragments[1].x == doctest::Approx(21 + 10));
    CHECK(rtl.lines[0].width == doctest::Approx(52));
    CHECK(rtl.lines[0].x == doctest::Approx(100 - 52));                  // right-aligned

    const std::vector<TextSpan> number = One(numberText);
    CHECK(Visual(BreakLines(number, 1000, shaper), number) == V{dalet, "2024", alef});
    const std::vector<TextSpan> latin = One(latinText);
    CHECK(Visual(BreakLines(latin, 1000, shaper), latin) == V{dalet + ".", "Unicode", "API", alef});
    // Two right-to-left words in a left-to-right sentence: swapped, with the sentence around them in place.
    const std::vector<TextSpan> inside = One(insideText);
    const TextLayout ltr = BreakLines(inside, 1000, shaper);
    CHECK_FALSE(ltr.rtl);
    CHECK(Visual(ltr, inside) == V{"one", dalet, alef + ",", "two"});
    CHECK(ltr.lines[0].x == doctest::Approx(0));
    // Each line is ordered on its own: the first words are on the first line, on its right.
    const std::vector<TextSpan> wrapped = One(wrappedText);
    const TextLayout w = BreakLines(wrapped, 60, shaper);
    REQUIRE(w.lines.size() == 2);
    CHECK(w.fragments[0].begin == 7);   // the second word, leftmost on line 1
    CHECK(w.fragments[1].begin == 0);
    // The direction is the first letter's: digits and punctuation do not decide it.
    CHECK(BreakLines(One(digitsFirst), 1000, shaper).rtl);
    CHECK_FALSE(BreakLines(One(latinFirst), 1000, shaper).rtl);
    // Fragments never overlap and add up to the line's width.
    for (const TextLayout& l : {rtl, ltr, w}) {
        for (const LaidLine& line : l.lines) {
            float x = 0.0f;
            for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
                CHECK(l.fragments[f].x >= x - 0.001f);
                x = l.fragments[f].x + l.fragments[f].width;
            }
            CHECK(x == doctest::Approx(line.width));
        }
    }
}

namespace {
// A dictionary that knows a fixed list of words: it breaks a run wherever one of them ends (longest first), and
// records the runs it was asked about.
struct FakeDictionary : FakeMono {
    std::vector<std::string> words;
    mutable std::vector<std::string> runs;
    void DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) const override {
        runs.emplace_back(run);
        offsets.clear();
        for (size_t at = 0; at < run.size();) {
            size_t best = 0;
            for (const std::string& w : words)
                if (run.substr(at, w.size()) == w) best = std::max(best, w.size());
            if (best == 0) break;
            at += best;
            if (at < run.size()) offsets.push_back(uint32_t(at));
        }
    }
};
} // namespace

TEST_CASE("text layout: Thai breaks between the words the platform's dictionary finds, joined across styles") {
    FakeDictionary dict;
    dict.words = {"\u0E20\u0E32\u0E29\u0E32", "\u0E44\u0E17\u0E22", "\u0E07\u0E48\u0E32\u0E22"};   // ภาษา ไทย ง่าย
    const std::string thai = "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22\u0E07\u0E48\u0E32\u0E22";      // 11 code points
    std::vector<TextSpan> spans = One(thai);
    // 70 units hold 7 code points: "ภาษาไทย" fits, and the line breaks before "ง่าย", not inside it.
    CHECK(Lines(BreakLines(spans, 70, dict), spans) == V{"\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22", "\u0E07\u0E48\u0E32\u0E22"});
    CHECK(Lines(BreakLines(spans, 50, dict), spans) ==
          V{"\u0E20\u0E32\u0E29\u0E32", "\u0E44\u0E17\u0E22", "\u0E07\u0E48\u0E32\u0E22"});
    // Without a dictionary the run is one word, split between code points only where it overflows.
    const V whole = Lines(BreakLines(spans, 50, FakeMono{}), spans);
    CHECK(whole.front() == "\u0E20\u0E32\u0E29\u0E32\u0E44");   // 5 code points: cut in the middle of ไทย

    // A word half in bold is looked up whole, and the break lands in the right span.
    dict.runs.clear();
    const std::string a = "\u0E20\u0E32\u0E29\u0E32\u0E44", b = "\u0E17\u0E22\u0E07\u0E48\u0E32\u0E22";   // ภาษาไ | ทยง่าย
    spans = {TextSpan{a, FontFace::Body, 0, false}, TextSpan{b, FontFace::BodyBold, 1, false}};
    CHECK(Lines(BreakLines(spans, 70, dict), spans) == V{"\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22", "\u0E07\u0E48\u0E32\u0E22"});
    CHECK(dict.runs == std::vector<std::string>{thai});
    // Latin text and spaces end a run; code is never looked up.
    dict.runs.clear();
    const std::string mixed = "x " + thai + " y" + thai;
    spans = {TextSpan{mixed, FontFace::Body, 0, false}, TextSpan{thai, FontFace::Mono, 1, false, true}};
    BreakLines(spans, 1000, dict);
    CHECK(dict.runs == std::vector<std::string>{thai, thai});
}
