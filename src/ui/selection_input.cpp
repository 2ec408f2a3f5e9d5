// Text selection on the canvas: pointer, keys and the highlight (see selection_input.h).
#include "selection_input.h"

#include <imgui.h>

#include "core/palette.h"
#include "ui/view_helpers.h"

namespace aw {

bool SelectionInput::HandlePointer(const ArticleLayout& layout, const TextMeasurer& measure, float scrollPx) {
    model_.SetLayout(&layout, &measure);
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMousePosValid()) { pressing_ = pressing_ && io.MouseDown[0]; return false; }
    const float x = io.MousePos.x, y = io.MousePos.y + scrollPx;
    const bool overText = model_.OverText(x, y);
    if (overText || pressing_) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);   // links and controls set theirs after
    const TextPosition before = model_.anchor(), beforeFocus = model_.focus();
    if (ImGui::IsMouseClicked(0)) {
        const int clicks = (ImGui::GetMouseClickedCount(0) - 1) % 3 + 1;   // a fourth click starts over
        if (overText || (io.KeyShift && model_.anchor().Valid())) {
            model_.Press(model_.HitTest(x, y), clicks, io.KeyShift && clicks == 1);
            pressing_ = true;
        } else {
            model_.Clear();   // a press on a control, a margin or the timeline
            pressing_ = false;
        }
    } else if (pressing_ && io.MouseDown[0] && io.MouseDragMaxDistanceSqr[0] >= 9.0f) {
        model_.DragTo(model_.HitTest(x, y));
    }
    if (!io.MouseDown[0]) pressing_ = false;
    return model_.anchor() != before || model_.focus() != beforeFocus;
}

bool SelectionInput::HandleKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool command = io.KeyCtrl || io.KeySuper;
    if (command && ImGui::IsKeyPressed(ImGuiKey_C, false) && !model_.Empty()) {
        ImGui::SetClipboardText(model_.PlainText().c_str());
        return true;
    }
    if (command && ImGui::IsKeyPressed(ImGuiKey_A, false)) {
        model_.SelectAll();
        return true;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !model_.Empty()) {
        model_.Clear();
        return true;
    }
    return false;
}

void SelectionInput::PaintHighlight(ImDrawList* draw, const Palette& palette, float scrollPx, float height) const {
    if (model_.Empty()) return;
    // A saturated system colour (Chromium's Highlight is a strong blue) is laid under the text translucent, so
    // the text stays readable; a light one as it is.
    const float alpha = ContrastRatio(palette.selection, palette.text) >= 4.5 ? 1.0f : 0.45f;
    const ImU32 color = Col(palette.selection, alpha);
    for (const ItemRect& r : model_.HighlightRects(scrollPx, scrollPx + height))
        draw->AddRectFilled(ImVec2(r.x, r.y - scrollPx), ImVec2(r.x + r.w, r.y + r.h - scrollPx), color);
}

} // namespace aw
