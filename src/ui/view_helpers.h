// Small drawing helpers shared by the article, timeline and FAQ views: colours, labels, buttons, hit tests.
#pragma once
#include <cmath>
#include <imgui.h>
#include <string_view>

#include "core/palette.h"
#include "core/text_layout.h"
#include "ui/article_view.h"

namespace aw {

class FontLibrary;

inline ImU32 Col(Rgb c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(alpha * 255.0f)));
}

inline bool Contains(const ItemRect& r, ImVec2 p) { return p.x >= r.x && p.x < r.x + r.w && p.y >= r.y && p.y < r.y + r.h; }

// A pill button; returns true when clicked. Disabled buttons are drawn muted and never click.
bool DrawButton(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const ItemRect& rect, const char* text, bool enabled);

// A tooltip by the pointer, over everything: `text` (any script) wrapped to a comfortable width.
void DrawTooltip(const FontLibrary& fonts, const Palette& palette, std::string_view text);

} // namespace aw
