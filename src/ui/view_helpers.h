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

inline void DrawLabel(ImDrawList* draw, ImFont* font, float x, float y, ImU32 color, const char* text) {
    draw->AddText(font, font->FontSize, ImVec2(std::round(x), std::round(y)), color, text);
}

// The text of line `l` of a single-span layout.
inline std::string_view LineText(std::string_view text, const TextLayout& layout, size_t l) {
    const LaidLine& line = layout.lines[l];
    if (line.fragmentCount == 0) return {};
    const Fragment& first = layout.fragments[line.firstFragment];
    const Fragment& last = layout.fragments[line.firstFragment + line.fragmentCount - 1];
    return text.substr(first.begin, last.end - first.begin);
}

// A pill button; returns true when clicked. Disabled buttons are drawn muted and never click.
bool DrawButton(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const ItemRect& rect, const char* text,
                bool enabled, float scale);

} // namespace aw
