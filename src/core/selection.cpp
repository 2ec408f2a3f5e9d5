// The selection model over the laid-out article (see selection.h).
// [SECTION] words  [SECTION] geometry: carets and hit-testing  [SECTION] gestures  [SECTION] text and HTML
// [SECTION] highlight
#include "selection.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "html_escape.h"
#include "script.h"
#include "text_util.h"
#include "url.h"
#include "utf8.h"

namespace aw {

// [SECTION] words -------------------------------------------------------------------

namespace {

enum class CharClass : uint8_t { Space, Newline, Letter, Han, Hiragana, Katakana, Other };

CharClass ClassOf(uint32_t c) {
    if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A)) return CharClass::Space;
    if (c == '\n') return CharClass::Newline;
    if ((c >= 0x3040 && c <= 0x309F)) return CharClass::Hiragana;
    if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)) return CharClass::Katakana;
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
        c == 0x3005 || c == 0x3007)
        return CharClass::Han;
    if (c >= 0x3000 && c <= 0x303F) return CharClass::Other;   // CJK punctuation: 、。「」
    if (c >= 0xFF01 && c <= 0xFF0F) return CharClass::Other;   // fullwidth punctuation
    if (c == '_' || IsCombiningMark(c)) return CharClass::Letter;
    if (c >= '0' && c <= '9') return CharClass::Letter;
    if (IsEmojiPresentation(c)) return CharClass::Other;
    const BidiType bidi = BidiTypeOf(c);
    if (bidi == BidiType::Ltr || bidi == BidiType::Rtl || bidi == BidiType::Digit) return CharClass::Letter;
    return CharClass::Other;
}

bool IsApostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

size_t PrevBoundary(std::string_view text, size_t i) {
    if (i == 0) return 0;
    --i;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
}

uint32_t CodepointAt(std::string_view text, size_t i) { return DecodeUtf8(text, i); }

size_t NextBoundary(std::string_view text, size_t i) {
    DecodeUtf8(text, i);
    return i;
}

} // namespace

std::pair<uint32_t, uint32_t> WordAt(std::string_view text, uint32_t offset) {
    if (text.empty()) return {0, 0};
    size_t at = std::min<size_t>(offset, text.size());
    if (at == text.size()) at = PrevBoundary(text, at);
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    const uint32_t c = CodepointAt(text, at);
    CharClass cls = ClassOf(c);
    if (IsApostrophe(c) && at > 0 && NextBoundary(text, at) < text.size() &&
        ClassOf(CodepointAt(text, PrevBoundary(text, at))) == CharClass::Letter &&
        ClassOf(CodepointAt(text, NextBoundary(text, at))) == CharClass::Letter)
        cls = CharClass::Letter;   // inside "don't"
    if (cls == CharClass::Other || cls == CharClass::Newline) {
        size_t end = EmojiSequenceEnd(text, at);
        if (end == at) end = NextBoundary(text, at);
        return {static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
    }
    // A letter run also takes an apostrophe with letters on both sides ("don't", "l’homme").
    auto joins = [&](size_t i, size_t before, size_t after) {
        const uint32_t cp = CodepointAt(text, i);
        if (ClassOf(cp) == cls) return true;
        return cls == CharClass::Letter && IsApostrophe(cp) && before < i && after < text.size() &&
               ClassOf(CodepointAt(text, before)) == CharClass::Letter && ClassOf(CodepointAt(text, after)) == CharClass::Letter;
    };
    size_t begin = at;
    while (begin > 0) {
        const size_t prev = PrevBoundary(text, begin);
        if (!joins(prev, prev > 0 ? PrevBoundary(text, prev) : prev, begin)) break;
        begin = prev;
    }
    size_t end = NextBoundary(text, at);
    while (end < text.size()) {
        const size_t next = NextBoundary(text, end);
        if (!joins(end, at, next)) break;
        end = next;
    }
    return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// [SECTION] geometry: carets and hit-testing ------------------------------------------------

void SelectionModel::SetLayout(const ArticleLayout* layout, const TextMeasurer* measure) {
    layout_ = layout;
    measure_ = measure;
    if (!anchor_.Valid()) return;
    if (!layout_ || static_cast<size_t>(End().block) >= layout_->blocks.size()) { Clear(); return; }
    anchor_ = Clamped(anchor_);
    focus_ = Clamped(focus_);
    unitBegin_ = Clamped(unitBegin_);
    unitEnd_ = Clamped(unitEnd_);
}

bool SelectionModel::HasText(size_t block) const {
    return layout_ && block < layout_->blocks.size() && !layout_->blocks[block].text.Empty();
}

uint32_t SelectionModel::SpanStart(const TextBox& text, uint32_t span) const {
    uint32_t start = 0;
    for (uint32_t s = 0; s < span && s < text.spans.size(); ++s)
        start += text.spans[s].hardBreak ? 1u : static_cast<uint32_t>(text.spans[s].text.size());
    return start;
}

uint32_t SelectionModel::TextLength(size_t block) const {
    const TextBox& text = layout_->blocks[block].text;
    return SpanStart(text, static_cast<uint32_t>(text.spans.size()));
}

std::string SelectionModel::BlockText(size_t block) const {
    std::string out;
    if (!HasText(block)) return out;
    for (const TextSpan& span : layout_->blocks[block].text.spans) {
        if (span.hardBreak) out += '\n';
        else out.append(span.text);
    }
    return out;
}

TextPosition SelectionModel::Clamped(TextPosition p) const {
    if (!p.Valid() || !HasText(static_cast<size_t>(p.block))) return {};
    p.offset = std::min(p.offset, TextLength(static_cast<size_t>(p.block)));
    return p;
}

// The x of the caret before byte `byteInSpan` (in [frag.begin, frag.end]) from the fragment's left edge. Glyph runs
// are measured by their prefix; a run shaped as a unit or an emoji sequence is measured whole at its ends.
float SelectionModel::CaretX(const TextBox& text, const Fragment& frag, uint32_t byteInSpan) const {
    if (byteInSpan <= frag.begin) return frag.rtl ? frag.width : 0.0f;
    if (byteInSpan >= frag.end) return frag.rtl ? 0.0f : frag.width;
    const TextSpan& span = text.spans[frag.span];
    const std::string_view prefix = span.text.substr(frag.begin, byteInSpan - frag.begin);
    float w = 0.0f;
    if (frag.shape == RunShape::Emoji) w = frag.width;
    else if (frag.shape == RunShape::Shaped) w = measure_ ? measure_->ShapedWidth(span.face, prefix, frag.rtl) : 0.0f;
    else w = measure_ ? measure_->Width(span.face, prefix) : 0.0f;
    w = std::clamp(w, 0.0f, frag.width);
    return frag.rtl ? frag.width - w : w;
}

// The boundary between code points of `frag` nearest to `x` (from the fragment's left), as a byte of its span.
// Combining marks stay with the letter before them.
uint32_t SelectionModel::NearestInFragment(const TextBox& text, const Fragment& frag, float x) const {
    const std::string_view s = text.spans[frag.span].text;
    if (frag.shape == RunShape::Emoji || frag.end <= frag.begin) return x < frag.width * 0.5f ? frag.begin : frag.end;
    uint32_t best = frag.begin;
    float bestDistance = std::fabs(x - CaretX(text, frag, frag.begin));
    for (size_t i = frag.begin; i < frag.end;) {
        DecodeUtf8(s, i);
        if (i < frag.end) {
            size_t peek = i;
            if (IsCombiningMark(DecodeUtf8(s, peek))) continue;
        }
        const float d = std::fabs(x - CaretX(text, frag, static_cast<uint32_t>(std::min<size_t>(i, frag.end))));
        if (d < bestDistance) { bestDistance = d; best = static_cast<uint32_t>(std::min<size_t>(i, frag.end)); }
    }
    return best;
}

TextPosition SelectionModel::HitTest(float x, float y) const {
    if (!layout_ || layout_->blocks.empty()) return {};
    const std::vector<LaidBlock>& blocks = layout_->blocks;
    // The nearest block with text: the one under y, else the nearer of the text blocks before and after.
    const size_t reach = FirstBlockReaching(*layout_, y);
    size_t after = reach;
    while (after < blocks.size() && !HasText(after)) ++after;
    size_t before = reach;
    while (before > 0 && !HasText(before - 1)) --before;
    const bool hasAfter = after < blocks.size(), hasBefore = before > 0;
    if (!hasAfter && !hasBefore) return {};
    size_t block = 0;
    if (!hasBefore) block = after;
    else if (!hasAfter) block = before - 1;
    else block = std::max(0.0f, blocks[after].rect.y - y) <= y - blocks[before - 1].rect.Bottom() ? after : before - 1;

    const LaidBlock& b = blocks[block];
    const TextBox& text = b.text;
    // Past the last text or before the first: its end or its start, wherever x is.
    if (!hasAfter && y >= b.rect.Bottom()) return TextPosition{static_cast<int32_t>(block), TextLength(block)};
    if (!hasBefore && y < b.rect.y) return TextPosition{static_cast<int32_t>(block), 0};
    const size_t lineCount = text.layout.lines.size();
    const float ty = y - (b.rect.y + text.y);
    const size_t l = ty <= 0.0f ? 0 : std::min(lineCount - 1, static_cast<size_t>(ty / std::max(1.0f, text.lineHeight)));
    const LaidLine& line = text.layout.lines[l];
    if (line.fragmentCount == 0) {
        // An empty line (a blank line of code): one byte past the last line with text before it per break.
        size_t k = l;
        while (k > 0 && text.layout.lines[k].fragmentCount == 0) --k;
        const LaidLine& prior = text.layout.lines[k];
        uint32_t offset = 0;
        if (prior.fragmentCount > 0) {
            const Fragment& last = text.layout.fragments[prior.firstFragment + prior.fragmentCount - 1];
            offset = SpanStart(text, last.span) + last.end;
        }
        return Clamped(TextPosition{static_cast<int32_t>(block), offset + static_cast<uint32_t>(l - k)});
    }
    const float lx = x - (b.rect.x + text.x + line.x);
    // The nearest fragment on the line, then the nearest boundary in it.
    uint32_t nearest = line.firstFragment;
    float nearestDistance = 1e30f;
    for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
        const Fragment& frag = text.layout.fragments[f];
        const float d = lx < frag.x ? frag.x - lx : lx > frag.x + frag.width ? lx - frag.x - frag.width : 0.0f;
        if (d < nearestDistance) { nearestDistance = d; nearest = f; }
    }
    const Fragment& frag = text.layout.fragments[nearest];
    const uint32_t byte = NearestInFragment(text, frag, lx - frag.x);
    return TextPosition{static_cast<int32_t>(block), SpanStart(text, frag.span) + byte};
}

bool SelectionModel::OverText(float x, float y) const {
    if (!layout_) return false;
    const size_t b = FirstBlockReaching(*layout_, y);
    if (b >= layout_->blocks.size() || !HasText(b)) return false;
    const LaidBlock& block = layout_->blocks[b];
    return FragmentAt(block.text, x - block.rect.x - block.text.x, y - block.rect.y - block.text.y).found;
}

TextPosition SelectionModel::FindByContext(std::string_view before, std::string_view after) const {
    if (!layout_ || (before.empty() && after.empty())) return {};
    const std::string needle = CollapseWhitespace(std::string(before) + std::string(after));
    const std::string head = CollapseWhitespace(before);
    // `before` collapsed may have lost a trailing space that the joined needle keeps.
    const size_t split = head.size() + (!before.empty() && !after.empty() && before.back() == ' ' && needle.size() > head.size() &&
                                        needle[head.size()] == ' ' ? 1 : 0);
    for (size_t b = 0; b < layout_->blocks.size(); ++b) {
        if (!HasText(b)) continue;
        // The block's text with runs of whitespace as one space, and where each collapsed byte came from.
        const std::string text = BlockText(b);
        std::string collapsed;
        std::vector<uint32_t> origin;
        bool space = true;   // leading spaces dropped
        for (size_t i = 0; i < text.size(); ++i) {
            const bool isSpace = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
            if (isSpace && space) continue;
            collapsed += isSpace ? ' ' : text[i];
            origin.push_back(static_cast<uint32_t>(i));
            space = isSpace;
        }
        origin.push_back(static_cast<uint32_t>(text.size()));
        const size_t at = collapsed.find(needle);
        if (at == std::string::npos) continue;
        // With nothing after, the end of `before` itself (not past the spaces that follow it).
        if (split > 0 && split == needle.size()) return TextPosition{static_cast<int32_t>(b), origin[at + split - 1] + 1};
        return TextPosition{static_cast<int32_t>(b), origin[std::min(at + split, origin.size() - 1)]};
    }
    return {};
}

// [SECTION] gestures ------------------------------------------------------------------------

std::pair<TextPosition, TextPosition> SelectionModel::UnitAround(TextPosition at) const {
    switch (unit_) {
        case SelectUnit::Word: {
            const auto [begin, end] = WordAt(BlockText(static_cast<size_t>(at.block)), at.offset);
            return {TextPosition{at.block, begin}, TextPosition{at.block, end}};
        }
        case SelectUnit::Block:
            return {TextPosition{at.block, 0}, TextPosition{at.block, TextLength(static_cast<size_t>(at.block))}};
        case SelectUnit::Character: break;
    }
    return {at, at};
}

void SelectionModel::Press(TextPosition at, int clicks, bool extend) {
    at = Clamped(at);
    if (!at.Valid()) { Clear(); return; }
    if (extend && anchor_.Valid()) {
        // Shift-click: the anchor stays; by the unit of the press that made the selection.
        const auto [begin, end] = UnitAround(at);
        if (at < unitBegin_) { anchor_ = unitEnd_; focus_ = begin; }
        else { anchor_ = unitBegin_; focus_ = end; }
        return;
    }
    unit_ = clicks >= 3 ? SelectUnit::Block : clicks == 2 ? SelectUnit::Word : SelectUnit::Character;
    std::tie(unitBegin_, unitEnd_) = UnitAround(at);
    anchor_ = unitBegin_;
    focus_ = unitEnd_;
}

void SelectionModel::DragTo(TextPosition at) {
    at = Clamped(at);
    if (!at.Valid() || !anchor_.Valid()) return;
    const auto [begin, end] = UnitAround(at);
    if (at < unitBegin_) { anchor_ = unitEnd_; focus_ = begin; }
    else { anchor_ = unitBegin_; focus_ = end; }
}

void SelectionModel::SelectRange(TextPosition from, TextPosition to) {
    from = Clamped(from);
    to = Clamped(to);
    if (!from.Valid() || !to.Valid()) { Clear(); return; }
    unit_ = SelectUnit::Character;
    anchor_ = unitBegin_ = unitEnd_ = from;
    focus_ = to;
}

void SelectionModel::SelectAll() {
    if (!layout_) return;
    int32_t first = -1, last = -1;
    for (size_t i = 0; i < layout_->blocks.size(); ++i) {
        if (!HasText(i)) continue;
        if (first < 0) first = static_cast<int32_t>(i);
        last = static_cast<int32_t>(i);
    }
    if (first < 0) { Clear(); return; }
    SelectRange(TextPosition{first, 0}, TextPosition{last, TextLength(static_cast<size_t>(last))});
}

void SelectionModel::Clear() {
    anchor_ = focus_ = unitBegin_ = unitEnd_ = TextPosition{};
    unit_ = SelectUnit::Character;
}

// [SECTION] text and HTML --------------------------------------------------------------------

std::string SelectionModel::PlainText() const {
    std::string out;
    if (Empty() || !layout_) return out;
    const TextPosition start = Start(), end = End();
    bool first = true;
    for (int32_t b = start.block; b <= end.block; ++b) {
        if (!HasText(static_cast<size_t>(b))) continue;
        const std::string text = BlockText(static_cast<size_t>(b));
        const size_t from = b == start.block ? start.offset : 0;
        const size_t to = b == end.block ? end.offset : text.size();
        if (!first) out += "\n\n";
        first = false;
        out.append(text, from, to > from ? to - from : 0);
    }
    return out;
}

std::string SelectionModel::Html(const Document& doc) const {
    std::string out;
    if (Empty() || !layout_) return out;
    const TextPosition start = Start(), end = End();
    for (int32_t b = start.block; b <= end.block; ++b) {
        if (!HasText(static_cast<size_t>(b))) continue;
        const LaidBlock& block = layout_->blocks[static_cast<size_t>(b)];
        const uint32_t from = b == start.block ? start.offset : 0;
        const uint32_t to = b == end.block ? end.offset : TextLength(static_cast<size_t>(b));
        std::string open = "<p>", close = "</p>";
        if (block.kind == BlockKind::Code) { open = "<pre><code>"; close = "</code></pre>"; }
        else if (block.kind == BlockKind::Heading && block.node != kNoNode) {
            const int level = std::clamp<int>(doc.node(block.node).level, 1, 6);
            open = "<h" + std::to_string(level) + ">";
            close = "</h" + std::to_string(level) + ">";
        }
        out += open;
        uint32_t at = 0;
        for (const TextSpan& span : block.text.spans) {
            const uint32_t length = span.hardBreak ? 1u : static_cast<uint32_t>(span.text.size());
            const uint32_t s0 = std::max(at, from), s1 = std::min(at + length, to);
            at += length;
            if (s0 >= s1) continue;
            if (span.hardBreak) { out += block.kind == BlockKind::Code ? "\n" : "<br>"; continue; }
            const std::string_view piece = span.text.substr(s0 - (at - length), s1 - s0);
            const InlineRun* run = span.tag >= 0 && static_cast<size_t>(span.tag) < doc.runs.size() ? &doc.runs[static_cast<size_t>(span.tag)] : nullptr;
            if (!run || block.kind == BlockKind::Code) { AppendHtmlEscaped(out, piece); continue; }
            std::string after;
            if (run->link >= 0 && static_cast<size_t>(run->link) < doc.links.size() &&
                ClassifyLink(doc.links[static_cast<size_t>(run->link)].href) != LinkTarget::Blocked) {
                out += "<a href=\"";
                AppendUrlEncoded(out, doc.links[static_cast<size_t>(run->link)].href, true);
                out += "\">";
                after = "</a>" + after;
            }
            const std::pair<uint8_t, const char*> kTags[] = {{Style_Strong, "strong"}, {Style_Emphasis, "em"}, {Style_Strike, "s"}, {Style_Code, "code"}};
            for (const auto& [flag, tag] : kTags) {
                if (!(run->style & flag)) continue;
                out += std::string("<") + tag + ">";
                after = std::string("</") + tag + ">" + after;
            }
            AppendHtmlEscaped(out, piece);
            out += after;
        }
        out += close;
    }
    return out;
}

// [SECTION] highlight -------------------------------------------------------------------------

// The highlight of bytes [begin, end) of a block, one rectangle per line (per fragment on lines with right-to-left
// runs); a selection that goes on past a line's end covers the line to its end.
void SelectionModel::AppendRects(size_t block, uint32_t begin, uint32_t end, bool runsOn, float rowTop, float rowBottom,
                                 std::vector<ItemRect>& out) const {
    const LaidBlock& b = layout_->blocks[block];
    const TextBox& text = b.text;
    const float originX = b.rect.x + text.x, originY = b.rect.y + text.y;
    for (size_t l = 0; l < text.layout.lines.size(); ++l) {
        const LaidLine& line = text.layout.lines[l];
        const float top = originY + text.lineHeight * static_cast<float>(l);
        if (top + text.lineHeight <= rowTop) continue;
        if (top >= rowBottom) break;
        float x0 = 1e30f, x1 = -1e30f;
        bool mixed = false, continues = false;
        for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
            const Fragment& frag = text.layout.fragments[f];
            const uint32_t spanStart = SpanStart(text, frag.span);
            const uint32_t f0 = spanStart + frag.begin, f1 = spanStart + frag.end;
            if (f == line.firstFragment + line.fragmentCount - 1 && (end > f1 || runsOn) && begin <= f1) continues = !text.layout.rtl;
            const uint32_t s0 = std::max(f0, begin), s1 = std::min(f1, end);
            if (s0 >= s1) continue;
            float a = CaretX(text, frag, s0 - spanStart), c = CaretX(text, frag, s1 - spanStart);
            if (a > c) std::swap(a, c);
            const float fx = originX + line.x + frag.x;
            if (frag.rtl) mixed = true;
            if (mixed) out.push_back(ItemRect{fx + a, top, c - a, text.lineHeight});
            x0 = std::min(x0, fx + a);
            x1 = std::max(x1, fx + c);
        }
        if (mixed || x1 < x0) continue;
        if (continues) x1 = std::max(x1, originX + line.x + line.width + 4.0f);
        out.push_back(ItemRect{x0, top, x1 - x0, text.lineHeight});
    }
}

std::vector<ItemRect> SelectionModel::HighlightRects(float top, float bottom) const {
    std::vector<ItemRect> rects;
    if (Empty() || !layout_) return rects;
    const TextPosition start = Start(), end = End();
    size_t first = std::max(static_cast<size_t>(start.block), FirstBlockReaching(*layout_, top));
    for (size_t b = first; b <= static_cast<size_t>(end.block) && b < layout_->blocks.size(); ++b) {
        if (layout_->blocks[b].rect.y >= bottom) break;
        if (!HasText(b)) continue;
        const uint32_t from = static_cast<int32_t>(b) == start.block ? start.offset : 0;
        const uint32_t to = static_cast<int32_t>(b) == end.block ? end.offset : TextLength(b);
        if (from < to) AppendRects(b, from, to, static_cast<int32_t>(b) < end.block, top, bottom, rects);
    }
    return rects;
}

std::vector<ItemRect> SelectionModel::HighlightRects() const { return HighlightRects(-1e30f, 1e30f); }

} // namespace aw
