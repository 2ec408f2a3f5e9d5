// The article as a flat reading-order list of drawable items, built by one iterative walk.
#include "flow.h"

#include <algorithm>
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
    if (style & Style_FootnoteRef) return FontFace::UiSmall;
    if (style & Style_Code) return FontFace::Mono;
    if (base != FontFace::Body) return base;   // headings keep their face
    const bool bold = style & Style_Strong, italic = style & Style_Emphasis;
    if (bold && italic) return FontFace::BodyBoldItalic;
    if (bold) return FontFace::BodyBold;
    if (italic) return FontFace::BodyItalic;
    return FontFace::Body;
}

// The box of a task item, drawn before the text of its first block (until the canvas draws boxes).
static std::string_view TaskBox(const Document& doc, NodeId leaf) {
    const Node& n = doc.node(leaf);
    if (n.parent == kNoNode) return {};
    const Node& item = doc.node(n.parent);
    if (item.kind != NodeKind::ListItem || item.task == 0 || item.firstChild != leaf) return {};
    return item.task == 2 ? "[x]" : "[ ]";
}

static void AppendRunSpans(const Document& doc, const Node& n, FontFace base, std::vector<TextSpan>& spans) {
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
}

std::vector<TextSpan> SpansOf(const Document& doc, NodeId leaf, FontFace base) {
    const Node& n = doc.node(leaf);
    std::vector<TextSpan> spans;
    spans.reserve(n.runsEnd - n.runsBegin + 1);
    if (n.kind == NodeKind::TableRow) {
        // A row as one line of text, its cells separated by bars; the header row in bold.
        const FontFace face = n.header && base == FontFace::Body ? FontFace::BodyBold : base;
        for (NodeId cell = n.firstChild; cell != kNoNode; cell = doc.node(cell).next) {
            if (cell != n.firstChild) spans.push_back(TextSpan{" | ", FontFace::Body, -1, false});
            AppendRunSpans(doc, doc.node(cell), face, spans);
        }
        return spans;
    }
    if (const std::string_view box = TaskBox(doc, leaf); !box.empty()) {
        spans.push_back(TextSpan{box, FontFace::Mono, box[1] == 'x' ? kTaskChecked : kTaskUnchecked, false});
        spans.push_back(TextSpan{" ", base, -1, false});
    }
    AppendRunSpans(doc, n, base, spans);
    return spans;
}

std::string ExpandTabs(std::string_view code, int tabStop) {
    std::string out;
    out.reserve(code.size());
    int column = 0;
    for (char c : code) {
        if (c == '\t') {
            const int spaces = tabStop - column % tabStop;
            out.append(static_cast<size_t>(spaces), ' ');
            column += spaces;
        } else {
            out += c;
            if (c == '\n') column = 0;
            else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;   // one column per code point
        }
    }
    return out;
}

std::vector<TextSpan> CodeSpans(std::string_view code) {
    std::vector<TextSpan> spans;
    if (!code.empty() && code.back() == '\n') code.remove_suffix(1);
    while (true) {
        const size_t nl = code.find('\n');
        TextSpan line{code.substr(0, nl), FontFace::Mono, -1, false};
        line.preserveSpaces = true;
        spans.push_back(line);
        if (nl == std::string_view::npos) break;
        spans.push_back(TextSpan{{}, FontFace::Mono, -1, true});
        code.remove_prefix(nl + 1);
    }
    return spans;
}

int FootnoteOfRun(const InlineRun& run) {
    if (!(run.style & Style_FootnoteRef) || run.text.size() < 3) return -1;
    int n = 0;
    for (size_t i = 1; i + 1 < run.text.size(); ++i) {
        const char c = run.text[i];
        if (c < '0' || c > '9' || n > 100000) return -1;
        n = n * 10 + (c - '0');
    }
    return n - 1;
}

std::vector<int32_t> ImagesOnlyParagraph(const Document& doc, NodeId paragraph) {
    std::vector<int32_t> images;
    const Node& n = doc.node(paragraph);
    if (n.kind != NodeKind::Paragraph) return images;
    for (uint32_t i = n.inlinesBegin; i < n.inlinesEnd;) {
        const Inline& in = doc.inlines[i];
        if (in.kind == InlineKind::Image) {
            images.push_back(in.ref);
        } else if (in.kind == InlineKind::Text) {
            const std::string& text = doc.runs[static_cast<size_t>(in.run)].text;
            if (text.find_first_not_of(" \t") != std::string::npos) return {};
        } else if (in.kind != InlineKind::SoftBreak && in.kind != InlineKind::LineBreak) {
            return {};
        }
        i = std::max(in.end, i + 1);
    }
    return images;
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
        // The notes come last (cmark-gfm moves them there), set off by a rule.
        if (doc.node(top).kind == NodeKind::FootnoteDefinition && (flow.empty() || !flow.back().footnote)) {
            FlowItem rule;
            rule.kind = FlowKind::Rule;
            flow.push_back(rule);
        }
        int listDepth = 0, quoteDepth = 0;
        NodeId pendingItem = kNoNode;   // list item (or note) whose marker goes on its first leaf
        NodeId cur = top;
        while (cur != kNoNode) {
            const Node& n = doc.node(cur);
            bool descend = false;
            switch (n.kind) {
                case NodeKind::BulletList: case NodeKind::OrderedList: descend = true; break;
                case NodeKind::ListItem: case NodeKind::FootnoteDefinition: ++listDepth; pendingItem = cur; descend = true; break;
                case NodeKind::BlockQuote: ++quoteDepth; descend = true; break;
                default: {
                    FlowItem item;
                    item.node = cur;
                    item.kind = n.kind == NodeKind::Heading ? FlowKind::Heading
                              : n.kind == NodeKind::CodeBlock ? FlowKind::Code
                              : n.kind == NodeKind::Table ? FlowKind::Table
                              : n.kind == NodeKind::ThematicBreak ? FlowKind::Rule : FlowKind::Paragraph;
                    item.listDepth = listDepth;
                    item.quoteDepth = quoteDepth;
                    item.footnote = doc.node(top).kind == NodeKind::FootnoteDefinition;
                    if (pendingItem != kNoNode) {
                        const Node& owner = doc.node(pendingItem);
                        const Node& list = doc.node(owner.parent);
                        if (owner.kind == NodeKind::FootnoteDefinition) {
                            item.marker = MarkerKind::Number;
                            item.number = owner.footnote + 1;
                        } else if (owner.task == 0) {   // task items show their box instead (SpansOf)
                            item.marker = list.kind == NodeKind::OrderedList ? MarkerKind::Number : MarkerKind::Bullet;
                            int index = 0;
                            for (NodeId s = list.firstChild; s != kNoNode && s != pendingItem; s = doc.node(s).next) ++index;
                            item.number = list.listStart + index;
                        }
                        pendingItem = kNoNode;
                    }
                    if (listDepth > 0) {
                        NodeId p = n.parent;
                        while (p != kNoNode && doc.node(p).kind != NodeKind::ListItem) p = doc.node(p).parent;
                        if (p != kNoNode) item.tightList = doc.node(doc.node(p).parent).tight;
                        else item.tightList = true;   // a note's blocks
                    }
                    const std::vector<int32_t> images = ImagesOnlyParagraph(doc, cur);
                    if (images.empty()) {
                        flow.push_back(item);
                    } else {
                        // One block per image; the first keeps the list item's marker.
                        for (int32_t image : images) {
                            item.kind = FlowKind::Image;
                            item.image = image;
                            flow.push_back(item);
                            item.marker = MarkerKind::None;
                        }
                    }
                }
            }
            if (descend && n.firstChild != kNoNode) { cur = n.firstChild; continue; }
            // Leaving `cur` and every container it finishes, undoing their depth.
            auto leave = [&](NodeId id) {
                const NodeKind kind = doc.node(id).kind;
                if (kind == NodeKind::ListItem || kind == NodeKind::FootnoteDefinition) { --listDepth; pendingItem = kNoNode; }
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
