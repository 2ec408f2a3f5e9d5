// Theme colours as plain data (light and dark), and the WCAG contrast math that checks them.
#pragma once
#include "config.h"

namespace aw {

struct Palette {
    Rgb background, surface, text, mutedText, heading, rule, codeBackground, accent, accentText, focus;
};

Palette MakePalette(bool dark, Rgb accent);

// WCAG 2 relative luminance and contrast ratio (1..21).
double RelativeLuminance(Rgb c);
double ContrastRatio(Rgb a, Rgb b);

// The accent adjusted, if needed, to reach `minRatio` against `background` (links stay readable
// whatever accent a config picks).
Rgb EnsureContrast(Rgb color, Rgb background, double minRatio);

} // namespace aw
