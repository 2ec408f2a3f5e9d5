// The article as a flat reading-order list of drawable items, built by one iterative walk.
#include "flow.h"

#include <unordered_set>

namespace aw {

FontFace HeadingFace(int level) {
    switch (level) {
        case 1: return FontFace::Heading1;
        case 2: return FontFace::Heading2;
        case 3: return FontFace::Heading3;
        default: return FontFace::Heading4;
    }
}

static FontFace FaceFor(uint8_t style, FontFace base) {
    if (style & Style_Code) return FontFace::Mono;
    if (base != FontFace::Body) return base;   // headings keep their face
    const bool bold = style & Style_Strong, italic = style & Style_Emphasis;
    if (bold && italic) return FontFace::BodyBoldItalic;
    if (bold) return FontFace::BodyBold;
    if (italic) return FontFace::BodyItalic;
    return FontFace::Body;
}

std::vector<TextSpan> SpansOf(const Document& doc, NodeId leaf, FontFace base) {
    const Node& n = doc.node(leaf);
    std::vector<TextSpan> spans;
    spans.reserve(n.runsEnd - n.runsBegin);
    for (uint32_t r = n.runsBegin; r < n.runsEnd; ++r) {
        const InlineRun& run = doc.runs[r];
        TextSpan span;
        span.tag = static_cast<int32_t>(r);
        span.face = FaceFor(run.style, base);
        if (run.kind == RunKind::LineBreak) span.hardBreak = true;
        else if (run.kind == RunKind::SoftBreak) span.text = " ";
        else span.text = run.text;
        spans.push_back(span);
    }
    return spans;
}

int LinkOfTag(const Document& doc, int32_t tag) {
    if (tag < 0 || static_cast<size_t>(tag) >= doc.runs.size()) return -1;
    return doc.runs[static_cast<size_t>(tag)].link;
}

std::vector<FlowItem> BuildFlow(const Document& doc) {
    std::vector<FlowItem> flow;
    std::unordered_set<NodeId> replaced(doc.timeline.replaced.begin(), doc.timeline.replaced.end());
    replaced.insert(doc.faq.replaced.begin(), doc.faq.replaced.end());
    const NodeId timelineAt = doc.timeline.replaced.empty() ? kNoNode : doc.timeline.replaced.front();
    const NodeId faqAt = doc.faq.replaced.empty() ? kNoNode : doc.faq.replaced.front();

    for (NodeId top = doc.node(0).firstChild; top != kNoNode; top = doc.node(top).next) {
        if (top == timelineAt) { FlowItem item; item.kind = FlowKind::Timeline; flow.push_back(item); }
        if (top == faqAt) { FlowItem item; item.kind = FlowKind::Faq; flow.push_back(item); }
        if (replaced.count(top)) continue;
        // Iterative pre-order walk of this top-level subtree.
        int listDepth = 0, quoteDepth = 0;
        NodeId pendingItem = kNoNode;   // list item whose marker goes on its first leaf
        NodeId cur = top;
        while (cur != kNoNode) {
            const Node& n = doc.node(cur);
            bool descend = false;
            switch (n.kind) {
                case NodeKind::BulletList: case NodeKind::OrderedList: descend = true; break;
                case NodeKind::ListItem: ++listDepth; pendingItem = cur; descend = true; break;
                case NodeKind::BlockQuote: ++quoteDepth; descend = true; break;
                default: {
                    FlowItem item;
                    item.node = cur;
                    item.kind = n.kind == NodeKind::Heading ? FlowKind::Heading
                              : n.kind == NodeKind::CodeBlock ? FlowKind::Code
                              : n.kind == NodeKind::ThematicBreak ? FlowKind::Rule : FlowKind::Paragraph;
                    item.listDepth = listDepth;
                    item.quoteDepth = quoteDepth;
                    if (pendingItem != kNoNode) {
                        const Node& list = doc.node(doc.node(pendingItem).parent);
                        item.marker = list.kind == NodeKind::OrderedList ? MarkerKind::Number : MarkerKind::Bullet;
                        int index = 0;
                        for (NodeId s = list.firstChild; s != kNoNode && s != pendingItem; s = doc.node(s).next) ++index;
                        item.number = list.listStart + index;
                        pendingItem = kNoNode;
                    }
                    if (listDepth > 0) {
                        NodeId p = n.parent;
                        while (p != kNoNode && doc.node(p).kind != NodeKind::ListItem) p = doc.node(p).parent;
                        if (p != kNoNode) item.tightList = doc.node(doc.node(p).parent).tight;
                    }
                    flow.push_back(item);
                }
            }
            if (descend && n.firstChild != kNoNode) { cur = n.firstChild; continue; }
            // Leaving `cur` and every container it finishes, undoing their depth.
            auto leave = [&](NodeId id) {
                const NodeKind kind = doc.node(id).kind;
                if (kind == NodeKind::ListItem) { --listDepth; pendingItem = kNoNode; }
                if (kind == NodeKind::BlockQuote) --quoteDepth;
            };
            if (descend) leave(cur);   // an empty container
            while (cur != top && doc.node(cur).next == kNoNode) {
                cur = doc.node(cur).parent;
                leave(cur);
            }
            if (cur == top) break;
            cur = doc.node(cur).next;
        }
    }
    return flow;
}

} // namespace aw
