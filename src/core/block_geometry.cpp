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

std::vector<std::string> TextBox::LineTexts() const {
    std::vector<std::string> texts;
    std::vector<Fragment> logical;
    for (const LaidLine& line : layout.lines) {
        logical.assign(layout.fragments.begin() + line.firstFragment, layout.fragments.begin() + line.firstFragment + line.fragmentCount);
        std::sort(logical.begin(), logical.end(), [](const Fragment& a, const Fragment& b) { return a.span != b.span ? a.span < b.span : a.begin < b.begin; });
        std::string text;
        for (const Fragment& f : logical) text += spans[f.span].text.substr(f.begin, f.end - f.begin);
        texts.push_back(std::move(text));
    }
    return texts;
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

// [tables and images] ------------------------------------------------------------

namespace {

// The widest word of `spans` (split at spaces) and their width on one line.
void MeasureCell(const std::vector<TextSpan>& spans, const TextMeasurer& measure, float& widestWord, float& oneLine) {
    widestWord = 0.0f;
    for (const TextSpan& span : spans) {
        std::string_view rest = span.text;
        while (!rest.empty()) {
            const size_t space = rest.find(' ');
            const std::string_view word = rest.substr(0, space);
            if (!word.empty()) widestWord = std::max(widestWord, measure.Width(span.face, word));
            if (space == std::string_view::npos) break;
            rest.remove_prefix(space + 1);
        }
    }
    const TextLayout line = BreakLines(spans, FLT_MAX, measure);
    oneLine = 0.0f;
    for (const LaidLine& l : line.lines) oneLine = std::max(oneLine, l.width);
}

} // namespace

TableGeometry LayoutTable(const Document& doc, NodeId table, float available, const LayoutFonts& fonts) {
    constexpr float kCellLine = 1.5f;
    TableGeometry g;
    const float em = fonts.Size(FontFace::Body);
    const float padX = std::round(kTableCellPadEm * em), padY = std::round(0.45f * em);
    // Rows and columns (a row may have fewer cells than the header; cmark-gfm pads them, but stay safe).
    std::vector<NodeId> rows;
    for (NodeId r = doc.node(table).firstChild; r != kNoNode; r = doc.node(r).next) {
        rows.push_back(r);
        int cells = 0;
        for (NodeId c = doc.node(r).firstChild; c != kNoNode; c = doc.node(c).next) ++cells;
        g.columns = std::max(g.columns, cells);
    }
    g.rows = static_cast<int>(rows.size());
    g.header = !rows.empty() && doc.node(rows[0]).header;
    g.align.assign(static_cast<size_t>(g.columns), 0);
    g.cells.resize(static_cast<size_t>(g.rows * g.columns));
    g.cellNodes.assign(g.cells.size(), kNoNode);
    std::vector<std::vector<TextSpan>> spans(g.cells.size());
    std::vector<float> minWidth(static_cast<size_t>(g.columns), 0.0f), maxWidth(static_cast<size_t>(g.columns), 0.0f);
    for (int r = 0; r < g.rows; ++r) {
        int c = 0;
        const FontFace face = doc.node(rows[static_cast<size_t>(r)]).header ? FontFace::BodyBold : FontFace::Body;
        for (NodeId cell = doc.node(rows[static_cast<size_t>(r)]).firstChild; cell != kNoNode; cell = doc.node(cell).next, ++c) {
            const size_t i = static_cast<size_t>(r * g.columns + c);
            g.cellNodes[i] = cell;
            if (r == 0) g.align[static_cast<size_t>(c)] = doc.node(cell).align;
            spans[i] = SpansOf(doc, cell, face);
            float word = 0.0f, line = 0.0f;
            MeasureCell(spans[i], *fonts.measure, word, line);
            minWidth[static_cast<size_t>(c)] = std::max(minWidth[static_cast<size_t>(c)], std::min(word, kTableMaxWordEm * em));
            maxWidth[static_cast<size_t>(c)] = std::max(maxWidth[static_cast<size_t>(c)], line);
        }
    }
    // Column widths (content, without padding): all on one line when that fits; otherwise the room above the
    // longest words shared out in proportion to what each column would take on one line.
    // Whole pixels: widths round up from the words (no word is split for want of a fraction), shares round down
    // (so a table that fits never comes out a pixel too wide and scrolls).
    float sumMin = 0.0f, sumMax = 0.0f;
    for (int c = 0; c < g.columns; ++c) {
        const size_t k = static_cast<size_t>(c);
        minWidth[k] = std::ceil(minWidth[k]);
        maxWidth[k] = std::max(std::ceil(maxWidth[k]), minWidth[k]);
        sumMin += minWidth[k];
        sumMax += maxWidth[k];
    }
    const float room = std::floor(available - 2.0f * padX * static_cast<float>(g.columns) - 1.0f);
    g.columnWidth.resize(static_cast<size_t>(g.columns));
    for (int c = 0; c < g.columns; ++c) {
        const size_t k = static_cast<size_t>(c);
        float w = maxWidth[k];
        if (sumMax > room) {
            if (sumMin >= room)   // it scrolls anyway: a comfortable measure per column
                w = std::min(maxWidth[k], std::max(minWidth[k], std::ceil(kTableComfortEm * em)));
            else
                w = minWidth[k] + std::floor((maxWidth[k] - minWidth[k]) * (room - sumMin) / (sumMax - sumMin));
        }
        g.columnWidth[k] = w + 2.0f * padX;
    }
    g.columnX.resize(static_cast<size_t>(g.columns));
    float x = 0.0f;
    for (int c = 0; c < g.columns; ++c) { g.columnX[static_cast<size_t>(c)] = x; x += g.columnWidth[static_cast<size_t>(c)]; }
    g.width = x + 1.0f;   // the right border
    // Cells wrapped within their columns, aligned line by line; rows as tall as their tallest cell.
    float y = 0.0f;
    for (int r = 0; r < g.rows; ++r) {
        float rowH = 0.0f;
        const FontFace face = doc.node(rows[static_cast<size_t>(r)]).header ? FontFace::BodyBold : FontFace::Body;
        for (int c = 0; c < g.columns; ++c) {
            const size_t i = static_cast<size_t>(r * g.columns + c);
            const float inner = g.columnWidth[static_cast<size_t>(c)] - 2.0f * padX;
            TextBox& box = g.cells[i];
            box = LayoutTextBox(std::move(spans[i]), face, inner + 0.5f, kCellLine, fonts);
            box.x = padX;
            box.y = padY;
            const uint8_t align = g.align[static_cast<size_t>(c)];
            for (LaidLine& line : box.layout.lines) {
                if (align == 'c') line.x = std::round((inner - line.width) * 0.5f);
                else if (align == 'r') line.x = std::round(inner - line.width);
            }
            rowH = std::max(rowH, box.Height());
        }
        g.rowY.push_back(y);
        g.rowHeight.push_back(std::max(rowH, std::round(em * kCellLine)) + 2.0f * padY);
        y += g.rowHeight.back();
    }
    g.height = y + 1.0f;   // the bottom border
    return g;
}

ImageSize ImageBoxSize(int givenW, int givenH, int naturalW, int naturalH, float maxWidth) {
    float w = 0.0f, h = 0.0f;
    if (givenW > 0 && givenH > 0) { w = static_cast<float>(givenW); h = static_cast<float>(givenH); }
    else if (naturalW > 0 && naturalH > 0) { w = static_cast<float>(naturalW); h = static_cast<float>(naturalH); }
    else return ImageSize{maxWidth, std::round(maxWidth / kDefaultImageAspect)};
    if (w > maxWidth) { h = h * maxWidth / w; w = maxWidth; }
    return ImageSize{std::round(w), std::round(h)};
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
