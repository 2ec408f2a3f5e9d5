// Small painting helpers shared by the article, timeline and FAQ views: colours, labels, buttons, focus rings, tooltips.
#pragma once
#include <cmath>
#include <imgui.h>
#include <string_view>

#include "core/block_geometry.h"
#include "core/palette.h"
#include "core/timeline_layout.h"

namespace aw {

class FontLibrary;

inline ImU32 Col(Rgb c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(alpha * 255.0f)));
}

// A one-line label (core's LayoutLabel) whose line box starts at (x, top).
void PaintLabel(ImDrawList* draw, const FontLibrary& fonts, const TextBox& label, float x, float top, ImU32 color);

// A pill button at (x, y) plus its geometry's offset. Disabled buttons are drawn muted and never look hovered.
void PaintButton(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const ButtonGeometry& button, float x, float y,
                 bool enabled, bool hovered);

// The keyboard focus ring around `rect` (viewport coordinates).
void DrawFocusRing(ImDrawList* draw, const Palette& palette, const ItemRect& rect, float radius);

// A tooltip by the pointer, over everything: `text` (any script) wrapped to a comfortable width.
void DrawTooltip(const FontLibrary& fonts, const Palette& palette, std::string_view text);

} // namespace aw
