// Unit tests for native shaping (HarfBuzz on the FreeType faces of NativeGlyphSource): Indic conjuncts, ZWJ
// emoji sequences and flags measure and draw as one shaped run, as the browser draws them.
#include "test_support.h"

#include <imgui_internal.h>

#include <algorithm>

namespace aw {

namespace {

// Strings by their code points, so the test reads the same in any editor.
const char* const kMan = "\xF0\x9F\x91\xA8";                                                                  // 👨
const char* const kFamily = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6";   // 👨‍👩‍👧‍👦
const char* const kFlagDe = "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA";                                              // 🇩🇪
const char* const kKsha = "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7";                                             // क्ष
const char* const kKshatriya = "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xBF\xE0\xA4\xAF";   // क्षत्रिय
const char* const kHindi = "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80";       // हिन्दी
const char* const kArabic = "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9";                     // العربية
const char* const kHebrew = "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA";                                     // עברית

// What drawing one label puts in a draw list: its quads, the colour of its last vertex, and its width.
struct Drawn { int quads = 0; ImU32 color = 0; float width = 0.0f; };

Drawn DrawOneLabel(FontLibrary& fonts, const std::string& text, ImU32 color, float density = 1.0f) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 200);
    io.DeltaTime = 1.0f / 60.0f;
    fonts.BeginFrame(density);
    ImGui::NewFrame();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const int before = draw->IdxBuffer.Size;
    Drawn d;
    d.width = fonts.DrawLabel(draw, FontFace::Body, 10, 10, color, text);
    d.quads = (draw->IdxBuffer.Size - before) / 6;
    if (d.quads > 0) d.color = draw->VtxBuffer[draw->VtxBuffer.Size - 1].col;
    ImGui::Render();
    HeadlessImGui::AcceptTextures();
    return d;
}

} // namespace

TEST_CASE("native shaping: a ZWJ family and a flag are one emoji wide, not their parts") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    const float man = fonts.ShapedWidth(FontFace::Body, kMan, false);
    REQUIRE(man > 10.0f);
    // Glyph by glyph, the family is four people side by side (the joiners draw nothing) and the flag two letters.
    CHECK(fonts.ShapedWidth(FontFace::Body, kFamily, false) == doctest::Approx(man).epsilon(0.05));
    CHECK(fonts.ShapedWidth(FontFace::Body, kFlagDe, false) == doctest::Approx(man).epsilon(0.05));
    // Drawn as one colour image each, as wide as the layout measured.
    const Drawn family = DrawOneLabel(fonts, kFamily, IM_COL32(10, 20, 30, 255));
    CHECK(family.quads == 1);
    CHECK(family.color == IM_COL32_WHITE);   // untinted: the emoji's own colours
    CHECK(family.width == doctest::Approx(man).epsilon(0.05));
    const Drawn flag = DrawOneLabel(fonts, kFlagDe, IM_COL32(10, 20, 30, 255));
    CHECK(flag.quads == 1);
    CHECK(flag.color == IM_COL32_WHITE);
}

TEST_CASE("native shaping: Devanagari conjuncts are narrower than their letters drawn apart, and drawn as one run") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    // क + ् + ष drawn apart: two letters and a visible virama; shaped, the conjunct क्ष is one glyph.
    const float apart = fonts.Width(FontFace::Body, kKsha);
    const float shaped = fonts.ShapedWidth(FontFace::Body, kKsha, false);
    REQUIRE(apart > 0.0f);
    CHECK(shaped < apart * 0.8f);
    CHECK(fonts.ShapedWidth(FontFace::Body, kKshatriya, false) < fonts.Width(FontFace::Body, kKshatriya) * 0.9f);
    CHECK(fonts.ShapedWidth(FontFace::Body, kHindi, false) < fonts.Width(FontFace::Body, kHindi));
    const ImU32 ink = IM_COL32(10, 20, 30, 255);
    const Drawn word = DrawOneLabel(fonts, kKshatriya, ink);
    CHECK(word.quads == 1);
    CHECK(word.color == ink);   // tinted with the text's colour
    CHECK(word.width == doctest::Approx(fonts.ShapedWidth(FontFace::Body, kKshatriya, false)));
}

TEST_CASE("native shaping: Arabic joins and Hebrew keeps its letters' advances, each word one tinted run") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    // Hebrew without points has no contextual forms: shaped, it is as wide as its letters (give or take kerning).
    CHECK(fonts.ShapedWidth(FontFace::Body, kHebrew, true) == doctest::Approx(fonts.Width(FontFace::Body, kHebrew)).epsilon(0.03));
    const ImU32 ink = IM_COL32(200, 10, 10, 255);
    for (const std::string word : {kArabic, kHebrew}) {
        CAPTURE(word);
        const Drawn d = DrawOneLabel(fonts, word, ink);
        CHECK(d.quads == 1);
        CHECK(d.color == ink);
        CHECK(d.width > 20.0f);
    }
}

TEST_CASE("native shaping: a run too wide for the atlas is drawn glyph by glyph, and asks for no new frame") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    std::string word;
    for (int i = 0; i < 60; ++i) word += kArabic;   // one word, some 3,000 CSS px: 9,000 device px at density 3
    const Drawn d = DrawOneLabel(fonts, word, IM_COL32(0, 0, 0, 255), 3.0f);
    CHECK(d.quads > 60);
    CHECK_FALSE(fonts.FlushPending());
    CHECK_FALSE(fonts.HasPending());
}


TEST_CASE("native line breaking: Thai and Khmer break between the words ICU's dictionary finds, never inside one") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    // ภาษาไทย|ง่าย|นิด|เดียว ("Thai is very easy"), as one run with no space.
    const std::string thai = "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2"
                             "\xE0\xB8\x87\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\x99\xE0\xB8\xB4\xE0\xB8\x94"
                             "\xE0\xB9\x80\xE0\xB8\x94\xE0\xB8\xB5\xE0\xB8\xA2\xE0\xB8\xA7";
    std::vector<uint32_t> offsets;
    fonts.DictionaryBreaks(thai, offsets);
    REQUIRE(offsets.size() >= 3);
    for (uint32_t o : offsets) CHECK(o % 3 == 0);   // whole characters (each is 3 bytes)
    const auto has = [&](uint32_t o) { return std::find(offsets.begin(), offsets.end(), o) != offsets.end(); };
    CHECK(has(7 * 3));    // after ภาษาไทย
    CHECK(has(11 * 3));   // after ง่าย
    CHECK_FALSE(has(1 * 3));
    CHECK_FALSE(has(8 * 3));   // inside ง่าย: between ง and its tone mark ่ can never be a break
    // Laid out in a narrow column, every line ends at one of those boundaries, and no line is wider than the column.
    const float width = fonts.ShapedWidth(FontFace::Body, thai, false);
    const std::vector<TextSpan> spans{TextSpan{thai, FontFace::Body, 0, false}};
    const TextLayout layout = BreakLines(spans, width * 0.55f, fonts);
    REQUIRE(layout.lines.size() >= 2);
    for (size_t l = 0; l + 1 < layout.lines.size(); ++l) {
        const LaidLine& line = layout.lines[l];
        const Fragment& last = layout.fragments[line.firstFragment + line.fragmentCount - 1];
        CHECK(has(last.end));
        CHECK(line.width <= width * 0.55f + 0.5f);
    }
    // Khmer too: ភាសាខ្មែរ|ងាយ ("Khmer is easy").
    const std::string khmer = "\xE1\x9E\x97\xE1\x9E\xB6\xE1\x9E\x9F\xE1\x9E\xB6\xE1\x9E\x81\xE1\x9F\x92\xE1\x9E\x98"
                              "\xE1\x9F\x82\xE1\x9E\x9A\xE1\x9E\x84\xE1\x9E\xB6\xE1\x9E\x99";
    fonts.DictionaryBreaks(khmer, offsets);
    CHECK(std::find(offsets.begin(), offsets.end(), 9u * 3) != offsets.end());
}

TEST_CASE("native fonts: a configured family with no font falls back to the role's default, measured with a real font, and says so") {
    // A source each: a source's face indices belong to the one library that made them. The sources outlive the ImGui
    // context, whose font atlas calls back into them when it is destroyed.
    NativeGlyphSource defaultSource, missingSource, installedSource;
    HeadlessImGui imgui;
    FontLibrary defaults(&defaultSource);
    REQUIRE(defaults.SetFamilies(FontFamilies{}));   // serif, sans-serif, monospace
    CHECK(defaults.fallbackWarnings().empty());
    const std::string missing = "No Such Family 12345";
    FontLibrary fonts(&missingSource);
    REQUIRE(fonts.SetFamilies(FontFamilies{missing, missing, "\"" + missing + "\""}));
    // Real glyphs: an advance that is not the missing-glyph box's (0.6 em), and narrow and wide letters that differ.
    const float box = 0.6f * fonts.Size(FontFace::Body);
    const float bodyI = fonts.Width(FontFace::Body, "i"), bodyW = fonts.Width(FontFace::Body, "W");
    CHECK(bodyI > 0.0f);
    CHECK(bodyI != doctest::Approx(box));
    CHECK(bodyW > bodyI * 1.5f);
    CHECK(fonts.Ascent(FontFace::Body) > 0.0f);
    // The role's default, not fontconfig's own (sans-serif): the body is drawn as serif text is, code as monospace.
    CHECK(fonts.Width(FontFace::Body, "Hamburgefonts") == doctest::Approx(defaults.Width(FontFace::Body, "Hamburgefonts")));
    CHECK(fonts.Width(FontFace::Heading4, "Hamburgefonts") == doctest::Approx(defaults.Width(FontFace::Heading4, "Hamburgefonts")));
    // Bold body text and a 18 px heading share a family list and weight, but not their fallback.
    CHECK(fonts.Width(FontFace::BodyBold, "Hamburgefonts") != doctest::Approx(fonts.Width(FontFace::Heading4, "Hamburgefonts")));
    CHECK(fonts.Width(FontFace::Mono, "i") == doctest::Approx(fonts.Width(FontFace::Mono, "W")));
    CHECK(fonts.Width(FontFace::Mono, "Hamburgefonts") == doctest::Approx(defaults.Width(FontFace::Mono, "Hamburgefonts")));
    // One line per config key that fell back, naming the key and the family.
    const std::vector<std::string>& warnings = fonts.fallbackWarnings();
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0] == "config /fonts/body: no font on this machine for " + missing + "; drawn in serif instead");
    CHECK(warnings[1] == "config /fonts/code: no font on this machine for \"" + missing + "\"; drawn in monospace instead");
    CHECK(warnings[2] == "config /fonts/heading: no font on this machine for " + missing + "; drawn in sans-serif instead");
    // An installed family, and a list whose own fallback is a generic family, warn of nothing.
    FontLibrary installed(&installedSource);
    REQUIRE(installed.SetFamilies(FontFamilies{"DejaVu Sans", missing + ", sans-serif", "'Noto Sans Mono'"}));
    CHECK(installed.fallbackWarnings().empty());
    CHECK(installed.Width(FontFace::Body, "Hamburgefonts") != doctest::Approx(defaults.Width(FontFace::Body, "Hamburgefonts")));
}

} // namespace aw
