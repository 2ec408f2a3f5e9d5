// Text selection on the canvas: the pointer and keys that make, extend, clear and copy a selection (over
// core/selection.h), and the highlight painted under the text in the platform's selection colour.
#pragma once
#include <string>

#include "core/palette.h"
#include "core/selection.h"

struct ImDrawList;

namespace aw {

class SelectionInput {
public:
    SelectionModel& model() { return model_; }
    const SelectionModel& model() const { return model_; }

    // One frame's pointer, after layout (`layout` is what the view draws, `measure` its fonts; `scrollPx` the
    // article's scroll in CSS px): a press on text places the caret (2 clicks: a word, 3: the block; shift: extends),
    // a drag extends it, a press anywhere else clears it; the I-beam shows over text. True when the selection changed.
    bool HandlePointer(const ArticleLayout& layout, const TextMeasurer& measure, float scrollPx);
    // Keys while the widget has focus: Ctrl/Cmd+C puts the selection on the clipboard (ImGui's: GLFW's natively; the
    // web element writes the browser's on its `copy` event), Ctrl/Cmd+A selects the article, Escape clears. True when
    // it used a key.
    bool HandleKeys();
    // The highlight of the part of the selection within the view (`height` CSS px tall, scrolled by `scrollPx`).
    void PaintHighlight(ImDrawList* draw, const Palette& palette, float scrollPx, float height) const;

private:
    SelectionModel model_;
    bool pressing_ = false;   // the left button went down on text and is still down
};

} // namespace aw
