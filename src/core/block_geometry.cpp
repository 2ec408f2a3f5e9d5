// Laid-out blocks and text boxes (see block_geometry.h): building them, and finding fragments in them.
#include "block_geometry.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "flow.h"
#include "text_util.h"

namespace aw {

float TextBox::Width() const {
    float w = 0.0f;
    for (const LaidLine& line : layout.lines) w = std::max(w, line.width);
    return w;
}

TextBox LayoutTextBox(std::vector<TextSpan> spans, FontFace face, float maxWidth, float lineHeightFactor, const LayoutFonts& fonts) {
    TextBox box;
    box.spans = std::move(spans);
    box.face = face;
    box.layout = BreakLines(box.spans, maxWidth, *fonts.measure);
    box.lineHeight = std::round(fonts.Size(face) * lineHeightFactor);
    return box;
}

TextBox LayoutWrapped(std::string_view text, FontFace face, float maxWidth, float lineHeight, const LayoutFonts& fonts) {
    TextBox box;
    box.spans = {TextSpan{text, face, -1, false}};
    box.face = face;
    box.layout = BreakLines(box.spans, maxWidth, *fonts.measure);
    box.lineHeight = lineHeight;
    return box;
}

TextBox LayoutLabel(std::string_view text, FontFace face, float lineHeight, const LayoutFonts& fonts) {
    return LayoutWrapped(text, face, FLT_MAX, lineHeight, fonts);
}

TextBox LayoutLabel(std::string owned, FontFace face, float lineHeight, const LayoutFonts& fonts) {
    auto text = std::make_shared<const std::string>(std::move(owned));
    TextBox box = LayoutLabel(std::string_view(*text), face, lineHeight, fonts);
    box.ownedText = std::move(text);
    return box;
}

ButtonGeometry LayoutButton(std::string_view text, const LayoutFonts& fonts) {
    ButtonGeometry b;
    b.labelWidth = fonts.measure->Width(FontFace::Ui, text);
    b.label = LayoutLabel(text, FontFace::Ui, fonts.Size(FontFace::Ui), fonts);
    b.rect.w = b.labelWidth + 24.0f;
    b.rect.h = 30.0f;
    return b;
}

TextHit FragmentAt(const TextBox& text, float x, float y) {
    TextHit hit;
    if (text.lineHeight <= 0.0f || y < 0.0f) return hit;
    const size_t l = static_cast<size_t>(y / text.lineHeight);
    if (l >= text.layout.lines.size()) return hit;
    const LaidLine& line = text.layout.lines[l];
    for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
        const Fragment& frag = text.layout.fragments[f];
        const float fx = line.x + frag.x;
        if (x >= fx && x < fx + frag.width) return TextHit{static_cast<uint32_t>(l), f, true};
    }
    return hit;
}

ItemRect FragmentRect(const TextBox& text, TextHit hit) {
    if (!hit.found) return {};
    const LaidLine& line = text.layout.lines[hit.line];
    const Fragment& frag = text.layout.fragments[hit.fragment];
    return ItemRect{line.x + frag.x, text.lineHeight * static_cast<float>(hit.line), frag.width, text.lineHeight};
}

// Text the layout made for a nested block: the spans view `owned`.
static void OwnText(LaidBlock& block, std::string text) {
    block.text.ownedText = std::make_shared<const std::string>(std::move(text));
}

std::vector<LaidBlock> LayoutNestedBlocks(const Document& doc, const std::vector<NodeId>& nodes, float width, float gap,
                                          const LayoutFonts& fonts) {
    constexpr float kBodyLine = 1.6f;
    std::vector<LaidBlock> blocks;
    blocks.reserve(nodes.size());
    float y = 0.0f;
    for (NodeId id : nodes) {
        LaidBlock blk;
        blk.node = id;
        std::vector<TextSpan> spans;
        const Node& n = doc.node(id);
        if (n.kind == NodeKind::Paragraph || n.kind == NodeKind::Heading) {
            blk.kind = n.kind == NodeKind::Heading ? BlockKind::Heading : BlockKind::Paragraph;
            spans = SpansOf(doc, id, FontFace::Body);
        } else if (n.kind == NodeKind::BulletList || n.kind == NodeKind::OrderedList) {
            // One line per item, with its bullet or number.
            blk.kind = BlockKind::List;
            std::string text;
            int number = n.listStart;
            for (NodeId item = n.firstChild; item != kNoNode; item = doc.node(item).next, ++number) {
                if (!text.empty()) text += '\n';
                text += n.kind == NodeKind::OrderedList ? std::to_string(number) + ". " : std::string("\xE2\x80\xA2 ");
                text += CollapseWhitespace(doc.subtreeText(item));
            }
            OwnText(blk, std::move(text));
            std::string_view rest(*blk.text.ownedText);
            for (size_t nl; (nl = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(nl + 1)) {
                spans.push_back(TextSpan{rest.substr(0, nl), FontFace::Body, -1, false});
                spans.push_back(TextSpan{{}, FontFace::Body, -1, true});
            }
            spans.push_back(TextSpan{rest, FontFace::Body, -1, false});
        } else if (n.kind == NodeKind::CodeBlock) {
            blk.kind = BlockKind::Code;
            OwnText(blk, ExpandTabs(n.literal));
            spans = CodeSpans(*blk.text.ownedText);
        } else {
            OwnText(blk, CollapseWhitespace(doc.subtreeText(id)));
            spans = {TextSpan{*blk.text.ownedText, FontFace::Body, -1, false}};
        }
        auto owned = std::move(blk.text.ownedText);
        blk.text = LayoutTextBox(std::move(spans), FontFace::Body, width, kBodyLine, fonts);
        blk.text.ownedText = std::move(owned);
        blk.rect = ItemRect{0.0f, y, width, blk.text.Height()};
        y += blk.rect.h + gap;
        blocks.push_back(std::move(blk));
    }
    return blocks;
}

} // namespace aw
