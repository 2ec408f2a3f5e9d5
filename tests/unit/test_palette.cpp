// Unit tests for core/palette: WCAG contrast math and the 4.5:1 minimum for text and links in both themes.
#include <doctest/doctest.h>

#include <string>

#include "core/config.h"
#include "core/palette.h"

using namespace aw;

namespace {

Rgb Hex(const char* text) {
    Rgb c;
    REQUIRE(ParseHexColor(text, c));
    return c;
}

const Rgb kDefaultAccent = Config{}.accent;

} // namespace

TEST_CASE("contrast: known WCAG values") {
    const Rgb black{0, 0, 0}, white{255, 255, 255};
    CHECK(RelativeLuminance(black) == doctest::Approx(0.0));
    CHECK(RelativeLuminance(white) == doctest::Approx(1.0));
    CHECK(ContrastRatio(black, white) == doctest::Approx(21.0));
    CHECK(ContrastRatio(white, black) == doctest::Approx(21.0));   // order does not matter
    CHECK(ContrastRatio(white, white) == doctest::Approx(1.0));
    CHECK(ContrastRatio(Hex("#767676"), white) == doctest::Approx(4.54).epsilon(0.005));   // the lightest grey that passes AA
    CHECK(ContrastRatio(Hex("#777777"), white) < 4.5);
    CHECK(ContrastRatio(Hex("#ff0000"), white) == doctest::Approx(4.0).epsilon(0.005));
    CHECK(ContrastRatio(Hex("#0000ff"), white) == doctest::Approx(8.59).epsilon(0.005));
}

TEST_CASE("contrast: body, heading and muted text reach 4.5:1 in both themes") {
    for (const bool dark : {false, true}) {
        CAPTURE(dark);
        const Palette p = MakePalette(dark, kDefaultAccent);
        CHECK(ContrastRatio(p.text, p.background) >= 4.5);
        CHECK(ContrastRatio(p.heading, p.background) >= 4.5);
        CHECK(ContrastRatio(p.mutedText, p.background) >= 4.5);
        // Text also sits on the timeline card (surface) and in code blocks.
        CHECK(ContrastRatio(p.text, p.surface) >= 4.5);
        CHECK(ContrastRatio(p.text, p.codeBackground) >= 4.5);
        CHECK(ContrastRatio(p.mutedText, p.surface) >= 4.5);
        // The themes really differ: dark has a dark background.
        CHECK((RelativeLuminance(p.background) < 0.2) == dark);
    }
}

TEST_CASE("contrast: link accents reach 4.5:1 against the background, even pale or dark ones") {
    for (const char* accent : {"#1f5fbf", "#ffff00", "#cccccc", "#ffffff", "#000000", "#00ff00", "#ff0000", "#808080", "#123"}) {
        for (const bool dark : {false, true}) {
            CAPTURE(accent);
            CAPTURE(dark);
            const Palette p = MakePalette(dark, Hex(accent));
            CHECK(ContrastRatio(p.accent, p.background) >= 4.5);
            CHECK(ContrastRatio(p.accentText, p.accent) >= 4.5);   // text drawn on an accent fill
        }
    }
    // Pale accents on the light theme really needed adjusting (the test is not vacuous).
    const Palette light = MakePalette(false, Hex("#ffff00"));
    CHECK(ContrastRatio(Hex("#ffff00"), light.background) < 4.5);
    CHECK(RgbToHex(light.accent) != "#ffff00");
}

TEST_CASE("contrast: EnsureContrast keeps a good colour and moves a poor one only as far as needed") {
    const Rgb white{255, 255, 255}, black{0, 0, 0};
    const Rgb good = Hex("#1f5fbf");
    REQUIRE(ContrastRatio(good, white) >= 4.5);
    CHECK(RgbToHex(EnsureContrast(good, white, 4.5)) == "#1f5fbf");
    const Rgb pale = EnsureContrast(Hex("#cccccc"), white, 4.5);
    CHECK(ContrastRatio(pale, white) >= 4.5);
    CHECK(ContrastRatio(pale, white) < 7.0);   // darkened, not turned black
    const Rgb dim = EnsureContrast(Hex("#333333"), black, 4.5);
    CHECK(ContrastRatio(dim, black) >= 4.5);
    CHECK(RelativeLuminance(dim) > RelativeLuminance(Hex("#333333")));   // lightened on a dark background
}

TEST_CASE("host palette: the page's text colour on a transparent background, readable whatever the page gives") {
    HostColors host;
    host.present = true;
    host.pageText = Hex("#24262b");
    host.pageBackground = Hex("#fffaf2");
    const Palette p = PaletteFor(host, ThemeMode::Auto, /*prefersDark=*/true, kDefaultAccent);
    CHECK_FALSE(p.opaqueBackground);                       // the page shows through
    CHECK(RgbToHex(p.text) == "#24262b");                  // the host's own text colour, unchanged
    CHECK(RgbToHex(p.background) == "#fffaf2");            // what stands behind it, for mixing and contrast
    CHECK(RelativeLuminance(p.background) > 0.5);          // the page decides, not prefers-color-scheme
    // Pale grey text on white, a dark page, and a page with text too close to its background.
    for (const auto& [text, page] : {std::pair{"#aaaaaa", "#ffffff"}, std::pair{"#e4e6eb", "#111111"}, std::pair{"#333333", "#222222"}}) {
        CAPTURE(text);
        CAPTURE(page);
        host.pageText = Hex(text);
        host.pageBackground = Hex(page);
        const Palette q = PaletteFor(host, ThemeMode::Auto, false, kDefaultAccent);
        for (const Rgb ground : {q.background, q.surface, q.codeBackground}) {
            CHECK(ContrastRatio(q.text, ground) >= 4.5);
            CHECK(ContrastRatio(q.heading, ground) >= 4.5);
            CHECK(ContrastRatio(q.mutedText, ground) >= 4.5);
        }
        CHECK(ContrastRatio(q.accent, q.background) >= 4.5);
    }
}

TEST_CASE("host palette: a forced theme paints its own background; --aw-* colours beat theme and config") {
    HostColors host;
    host.present = true;
    host.pageText = Hex("#111111");
    host.pageBackground = Hex("#ffffff");
    const Palette dark = PaletteFor(host, ThemeMode::Dark, false, kDefaultAccent);
    CHECK(dark.opaqueBackground);
    CHECK(RgbToHex(dark.background) == RgbToHex(MakePalette(true, kDefaultAccent).background));
    host.hasBackground = true;
    host.background = Hex("#002b36");
    host.hasText = true;
    host.text = Hex("#fdf6e3");
    host.hasAccent = true;
    host.accent = Hex("#b58900");
    const Palette custom = PaletteFor(host, ThemeMode::Auto, false, kDefaultAccent);
    CHECK(custom.opaqueBackground);                        // a background the element was given is painted
    CHECK(RgbToHex(custom.background) == "#002b36");
    CHECK(RgbToHex(custom.text) == "#fdf6e3");
    CHECK(RgbToHex(custom.accent) == "#b58900");           // already readable on #002b36: kept
    // Natively (no host) "auto" follows the reader's colour scheme with the built-in palettes.
    const Palette native = PaletteFor(HostColors{}, ThemeMode::Auto, true, kDefaultAccent);
    CHECK(RgbToHex(native.background) == RgbToHex(MakePalette(true, kDefaultAccent).background));
    CHECK(native.opaqueBackground);
}
