// The FAQ accordion laid out once per width: the filter box, Expand all and Collapse all, each question's row and
// each answer's blocks. Pure layout math (no ImGui); positions are relative to the FAQ's top-left corner.
// Which questions show (the filter) and how far each answer is open (animated) follow the state: PlaceFaq() derives
// the rows' places from this geometry with one prefix sum, not a second layout.
#pragma once
#include <vector>

#include "block_geometry.h"

namespace aw {

struct FaqEntryGeometry {
    TextBox  question;           // at (question.x, question.y) from the row's top-left
    float    rowHeight = 0.0f;
    std::vector<LaidBlock> answer;   // rects relative to the answer's top-left
    float    answerHeight = 0.0f;    // fully open
};

struct FaqGeometry {
    float    width = 0.0f;
    bool     narrow = false;     // phones: the buttons under the filter box
    bool     rtl = false;        // a right-to-left article (Document::rtl): mirrored, the filter at the right, the
                                 // buttons and the chevrons at the left, the typed text right-aligned
    ItemRect filter;
    float    filterTextX = 0.0f; // how far from the filter's start edge (left, or right in RTL) the text starts
    float    chevronX = 0.0f;    // the chevrons' centre, in every row
    TextBox  placeholder;
    ButtonGeometry expandAll, collapseAll;
    float    listTop = 0.0f;     // the rule above the first question
    float    emptyHeight = 0.0f; // the whole FAQ's height when no question matches
    std::vector<FaqEntryGeometry> entries;
};

FaqGeometry LayoutFaq(const Document& doc, float width, const LayoutFonts& fonts);

// Where the rows are for one state: `shown` are the entries the filter lets through, in order; `openness` is how far
// each entry's answer is open, 0..1 (animated).
struct FaqPlacement {
    std::vector<float> rowTop;   // per entry: its row's top, or -1 when the filter hides it
    std::vector<float> answerShown;   // per entry: the height of its answer on show
    float height = 0.0f;         // the FAQ's whole height
};
FaqPlacement PlaceFaq(const FaqGeometry& g, const std::vector<int>& shown, const std::vector<float>& openness);

// What the pointer is over, at (x, y) relative to the FAQ: the filter, a button, a question's row, or nothing.
enum class FaqPart : uint8_t { None, Filter, ExpandAll, CollapseAll, Question };
struct FaqHit { FaqPart part = FaqPart::None; int index = -1; };
FaqHit HitTestFaq(const FaqGeometry& g, const FaqPlacement& placement, float x, float y);

} // namespace aw
