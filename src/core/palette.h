// Theme colours as plain data (light and dark, or derived from a host page's colours), and the
// WCAG contrast math that checks them.
#pragma once
#include "config.h"

namespace aw {

struct Palette {
    Rgb background, surface, text, mutedText, heading, rule, codeBackground, accent, accentText, focus;
    Rgb selection;                  // the selected text's highlight: the platform's (the web's Highlight) or a default
    bool opaqueBackground = true;   // false: `background` is what the host page shows behind a transparent canvas
};

// The built-in light or dark palette.
Palette MakePalette(bool dark, Rgb accent);
// A palette derived from a text colour and the background it stands on: headings, muted text, rules
// and card surfaces are mixed from the two, and every text colour keeps 4.5:1 contrast.
Palette MakeDerivedPalette(Rgb text, Rgb background, Rgb accent);

// What a host page says about colour (the web element reads it from CSS once per change). Natively
// nothing is set and the built-in palettes apply.
struct HostColors {
    bool present = false;
    Rgb  pageText, pageBackground;          // the colour the element inherits, and the background behind it
    bool hasText = false, hasBackground = false, hasAccent = false;
    Rgb  text, background, accent;          // the element's --aw-text, --aw-background, --aw-accent
    bool hasSelection = false;
    Rgb  selection;                         // the system's selection colour (CSS Highlight)
};

// The palette to draw with. A forced theme (light or dark) uses the built-in palette on its own
// background; "auto" with a host takes the page's text colour on a transparent background, and
// without one follows `prefersDark`. The element's --aw-text and --aw-background beat either
// (a set background is painted), and --aw-accent beats the config's accent.
Palette PaletteFor(const HostColors& host, ThemeMode mode, bool prefersDark, Rgb configAccent);

// WCAG 2 relative luminance and contrast ratio (1..21).
double RelativeLuminance(Rgb c);
double ContrastRatio(Rgb a, Rgb b);

// The accent adjusted, if needed, to reach `minRatio` against `background` (links stay readable
// whatever accent a config picks).
Rgb EnsureContrast(Rgb color, Rgb background, double minRatio);

} // namespace aw
