// Theme colours as plain data (light and dark, or derived from a host page's colours), and the
// WCAG contrast math that checks them.
#include "palette.h"

#include <algorithm>
#include <cmath>

namespace aw {

static double Channel(uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double RelativeLuminance(Rgb c) { return 0.2126 * Channel(c.r) + 0.7152 * Channel(c.g) + 0.0722 * Channel(c.b); }

double ContrastRatio(Rgb a, Rgb b) {
    const double la = RelativeLuminance(a), lb = RelativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

static Rgb Mix(Rgb a, Rgb b, double t) {
    auto m = [t](uint8_t x, uint8_t y) { return static_cast<uint8_t>(std::lround(x + (y - x) * t)); };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)};
}

// The accent, readable on the background, and the ink for text on an accent fill: the better of
// near-black and white. The accent already has 4.5:1 against the background, so the ink on the
// background's side of it has at least that too.
// The selection highlight when the platform gives none: a light blue on light backgrounds, a deep one on dark.
static Rgb DefaultSelection(Rgb background) {
    return RelativeLuminance(background) < 0.5 ? Rgb{0x26, 0x4f, 0x78} : Rgb{0xb4, 0xd5, 0xfe};
}

static void SetAccent(Palette& p, Rgb accent) {
    p.accent = EnsureContrast(accent, p.background, 4.5);
    const Rgb ink{0x10, 0x12, 0x16}, white{0xff, 0xff, 0xff};
    p.accentText = ContrastRatio(ink, p.accent) > ContrastRatio(white, p.accent) ? ink : white;
    p.focus = p.accent;
}

Rgb EnsureContrast(Rgb color, Rgb background, double minRatio) {
    const bool darkBg = RelativeLuminance(background) < 0.5;
    const Rgb target = darkBg ? Rgb{255, 255, 255} : Rgb{0, 0, 0};
    for (int step = 0; step <= 20 && ContrastRatio(color, background) < minRatio; ++step) color = Mix(color, target, 0.1);
    return color;
}

Palette MakePalette(bool dark, Rgb accent) {
    Palette p;
    if (dark) {
        p.background = {0x16, 0x18, 0x1d};
        p.surface = {0x21, 0x24, 0x2b};
        p.text = {0xe4, 0xe6, 0xeb};
        p.mutedText = {0xa3, 0xa9, 0xb4};
        p.heading = {0xf3, 0xf4, 0xf6};
        p.rule = {0x3a, 0x3f, 0x4a};
        p.codeBackground = {0x24, 0x28, 0x30};
    } else {
        p.background = {0xfd, 0xfc, 0xfa};
        p.surface = {0xf2, 0xf0, 0xeb};
        p.text = {0x24, 0x26, 0x2b};
        p.mutedText = {0x5c, 0x61, 0x6b};
        p.heading = {0x14, 0x16, 0x1a};
        p.rule = {0xdc, 0xd8, 0xd0};
        p.codeBackground = {0xf0, 0xee, 0xe8};
    }
    SetAccent(p, accent);
    p.selection = DefaultSelection(p.background);
    return p;
}

Palette MakeDerivedPalette(Rgb text, Rgb background, Rgb accent) {
    Palette p;
    const bool darkBackground = RelativeLuminance(background) < 0.5;
    const Rgb extreme = darkBackground ? Rgb{255, 255, 255} : Rgb{0, 0, 0};
    p.background = background;
    p.surface = Mix(background, text, 0.05);
    p.codeBackground = Mix(background, text, 0.06);
    p.rule = Mix(background, text, 0.15);
    // Text sits on the background, on cards (surface) and in code blocks: check against the nearest.
    p.text = EnsureContrast(text, p.codeBackground, 4.5);
    p.heading = EnsureContrast(Mix(p.text, extreme, 0.3), p.codeBackground, 4.5);
    p.mutedText = EnsureContrast(Mix(p.text, background, 0.3), p.codeBackground, 4.5);
    SetAccent(p, accent);
    p.selection = DefaultSelection(p.background);
    return p;
}

Palette PaletteFor(const HostColors& host, ThemeMode mode, bool prefersDark, Rgb configAccent) {
    const Rgb accent = host.hasAccent ? host.accent : configAccent;
    const bool forced = mode != ThemeMode::Auto || !host.present;
    const bool dark = mode == ThemeMode::Dark || (mode == ThemeMode::Auto && prefersDark);
    if (forced && !host.hasText && !host.hasBackground) {
        Palette p = MakePalette(dark, accent);
        if (host.hasSelection) p.selection = host.selection;
        return p;
    }
    const Palette builtIn = MakePalette(dark, accent);
    const Rgb text = host.hasText ? host.text : forced ? builtIn.text : host.pageText;
    const Rgb background = host.hasBackground ? host.background : forced ? builtIn.background : host.pageBackground;
    Palette p = MakeDerivedPalette(text, background, accent);
    p.opaqueBackground = forced || host.hasBackground;
    if (host.hasSelection) p.selection = host.selection;
    return p;
}

} // namespace aw
