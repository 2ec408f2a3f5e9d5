// Line breaking for inline runs of any script, as pure logic behind a measuring interface.
// [SECTION] clusters and tokens  [SECTION] line builder  [SECTION] bidirectional order  [SECTION] BreakLines
#include "text_layout.h"

#include <algorithm>

#include "script.h"
#include "text_util.h"

namespace aw {

// [SECTION] clusters and tokens -------------------------------------------------------
namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsBreakAfter(uint32_t cp) { return cp == '-' || cp == '/' || cp == 0x2013 || cp == 0x2014 || cp == 0x2010; }
bool IsWeak(BidiType t) { return t == BidiType::Neutral || t == BidiType::Digit; }

// A character with the marks, joiners and variation selectors after it, or a whole emoji sequence:
// the smallest unit a line may break around.
struct Cluster {
    size_t   end = 0;
    uint32_t first = 0, last = 0;
    RunShape shape = RunShape::Glyphs;
    BidiType dir = BidiType::Neutral;
    bool     ideographic = false;   // a line may break before and after it
};

Cluster NextCluster(std::string_view text, size_t i) {
    Cluster c;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    // ASCII followed by ASCII (or the end): the common case, decided without decoding.
    if (b < 0x80 && (i + 1 >= text.size() || static_cast<unsigned char>(text[i + 1]) < 0x80)) {
        c.end = i + 1;
        c.first = c.last = b;
        c.dir = (b >= '0' && b <= '9') ? BidiType::Digit : ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? BidiType::Ltr : BidiType::Neutral;
        return c;
    }
    if (const size_t e = EmojiSequenceEnd(text, i); e > i) {
        size_t j = i;
        c.end = e;
        c.first = c.last = DecodeUtf8(text, j);
        c.shape = RunShape::Emoji;
        c.ideographic = true;
        return c;
    }
    size_t j = i;
    const uint32_t cp = DecodeUtf8(text, j);
    bool marks = false;   // a base with combining marks is placed by the text engine, not glyph by glyph
    while (j < text.size()) {
        size_t k = j;
        const uint32_t m = DecodeUtf8(text, k);
        const bool mark = IsCombiningMark(m);
        if (!mark && m != 0x200C && m != 0x200D && !(m >= 0xFE00 && m <= 0xFE0F)) break;
        marks = marks || mark;
        j = k;
    }
    c.end = j;
    c.first = c.last = cp;
    c.dir = BidiTypeOf(cp);
    c.shape = (c.dir == BidiType::Rtl || marks || NeedsShaping(cp)) ? RunShape::Shaped : RunShape::Glyphs;
    c.ideographic = IsIdeographic(cp);
    return c;
}

// A stretch of a word drawn one way: glyph by glyph, shaped, or as emoji. Punctuation and digits join
// the stretch they touch, so "(שלום)" or "word," is one piece.
struct Piece {
    uint32_t begin, end;
    RunShape shape;
    BidiType dir;   // Ltr or Rtl for letters; Digit or Neutral for a piece of only those
};

// A word is the text between break opportunities; spaces are tokens of their own.
struct Token {
    uint32_t span, begin, end;
    bool space;
    uint32_t firstPiece = 0, pieceCount = 0;
};

void Tokenize(uint32_t s, std::string_view text, std::vector<Token>& tokens, std::vector<Piece>& pieces) {
    size_t i = 0;
    while (i < text.size()) {
        if (IsSpaceByte(text[i])) {
            const size_t start = i;
            while (i < text.size() && IsSpaceByte(text[i])) ++i;
            tokens.push_back({s, uint32_t(start), uint32_t(i), true});
            continue;
        }
        Token t{s, uint32_t(i), uint32_t(i), false, uint32_t(pieces.size()), 0};
        uint32_t pendingBegin = kNone;   // digits and punctuation before the word's first letter
        Cluster prev;
        bool havePrev = false;
        size_t clusters = 0;
        while (i < text.size() && !IsSpaceByte(text[i])) {
            const Cluster c = NextCluster(text, i);
            if (havePrev) {
                const bool afterHyphen = IsBreakAfter(prev.last) && clusters > 1;
                const bool aroundIdeograph = (prev.ideographic || c.ideographic) && !IsNoBreakAfter(prev.last) && !IsNoBreakBefore(c.first);
                if (afterHyphen || aroundIdeograph) break;
            }
            const bool weak = c.shape != RunShape::Emoji && IsWeak(c.dir);
            Piece* cur = t.pieceCount > 0 ? &pieces.back() : nullptr;
            if (weak) {
                if (cur) {
                    cur->end = uint32_t(c.end);
                    if (cur->dir == BidiType::Neutral && c.dir == BidiType::Digit) cur->dir = BidiType::Digit;
                } else if (pendingBegin == kNone) {
                    pendingBegin = uint32_t(i);
                }
            } else {
                const BidiType dir = c.shape == RunShape::Emoji ? BidiType::Neutral : c.dir;
                const bool extends = cur && c.shape != RunShape::Emoji && cur->shape == c.shape &&
                                     (cur->dir == dir || (c.shape == RunShape::Glyphs && IsWeak(cur->dir)));
                if (extends) {
                    cur->end = uint32_t(c.end);
                    cur->dir = dir;
                } else {
                    pieces.push_back({pendingBegin != kNone ? pendingBegin : uint32_t(i), uint32_t(c.end), c.shape, dir});
                    pendingBegin = kNone;
                    ++t.pieceCount;
                }
            }
            prev = c;
            havePrev = true;
            ++clusters;
            i = c.end;
        }
        if (t.pieceCount == 0) {   // only digits and punctuation
            BidiType dir = BidiType::Neutral;
            for (size_t k = pendingBegin; k < i;) if (BidiTypeOf(DecodeUtf8(text, k)) == BidiType::Digit) dir = BidiType::Digit;
            pieces.push_back({pendingBegin, uint32_t(i), RunShape::Glyphs, dir});
            t.pieceCount = 1;
        }
        t.end = uint32_t(i);
        tokens.push_back(t);
    }
}

// The paragraph's direction (its first letter's) and whether it holds any right-to-left text at all.
void ScanDirection(const std::vector<TextSpan>& spans, bool& rtl, bool& bidi) {
    bool decided = false;
    rtl = bidi = false;
    for (const TextSpan& span : spans) {
        if (span.hardBreak) continue;
        const std::string_view text = span.text;
        for (size_t i = 0; i < text.size();) {
            const unsigned char b = static_cast<unsigned char>(text[i]);
            if (b < 0x80) {
                if (!decided && (b | 0x20) >= 'a' && (b | 0x20) <= 'z') decided = true;
                ++i;
                continue;
            }
            const BidiType t = BidiTypeOf(DecodeUtf8(text, i));
            if (t == BidiType::Rtl) {
                bidi = true;
                if (!decided) rtl = true;
                decided = true;
            } else if (t == BidiType::Ltr) {
                decided = true;
            }
            if (decided && bidi) return;
        }
    }
}

// [SECTION] line builder -------------------------------------------------------------

class LineBuilder {
public:
    LineBuilder(const std::vector<TextSpan>& spans, float maxWidth, const TextMeasurer& m, TextLayout& out, bool bidi)
        : spans_(spans), max_(maxWidth), measure_(m), out_(out), bidi_(bidi) {}

    void Word(const Token& t, const std::vector<Piece>& pieces) {
        widths_.clear();
        float w = 0.0f;
        for (uint32_t p = t.firstPiece; p < t.firstPiece + t.pieceCount; ++p) {
            widths_.push_back(Measure(t.span, pieces[p], pieces[p].begin, pieces[p].end));
            w += widths_.back();
        }
        if (lineHasWord_ && x_ + pendingSpace_ + w > max_) NewLine();
        if (!lineHasWord_ && w > max_) { SplitLongWord(t, pieces); return; }
        for (uint32_t p = 0; p < t.pieceCount; ++p) {
            const Piece& piece = pieces[t.firstPiece + p];
            Place(t.span, piece, piece.begin, piece.end, widths_[p]);
        }
    }
    void Space(const Token& t) {
        if (!lineHasWord_) return;   // no leading spaces
        pendingSpace_ += measure_.Width(spans_[t.span].face, " ");
        pendingSpan_ = t.span;
        pendingBegin_ = t.begin;
        pendingEnd_ = t.end;
    }
    void HardBreak() { NewLine(/*force=*/true); }
    void Finish() { if (lineHasWord_ || out_.lines.empty()) EndLine(); }

private:
    float Measure(uint32_t span, const Piece& piece, uint32_t begin, uint32_t end) const {
        const TextSpan& s = spans_[span];
        const std::string_view text = s.text.substr(begin, end - begin);
        return piece.shape == RunShape::Glyphs ? measure_.Width(s.face, text) : measure_.ShapedWidth(s.face, text, piece.dir == BidiType::Rtl);
    }
    void Place(uint32_t span, const Piece& piece, uint32_t begin, uint32_t end, float w) {
        float gap = 0.0f;
        if (pendingSpace_ > 0.0f) {
            // Left to right, a space joins the glyph fragment before it when it is in the same span, so
            // fragments stay long; otherwise it only advances x (a gap the bidirectional order keeps).
            if (!bidi_ && OpenFragmentOf(pendingSpan_) && out_.fragments.back().shape == RunShape::Glyphs &&
                out_.fragments.back().end == pendingBegin_) {
                out_.fragments.back().end = pendingEnd_;
                out_.fragments.back().width += pendingSpace_;
            } else {
                gap = pendingSpace_;
            }
            x_ += pendingSpace_;
            pendingSpace_ = 0.0f;
        }
        Fragment& open = out_.fragments.empty() ? dummy_ : out_.fragments.back();
        const bool merges = piece.shape == RunShape::Glyphs && OpenFragmentOf(span) && open.shape == RunShape::Glyphs && open.end == begin &&
                            (!bidi_ || (gap == 0.0f && types_.back() == piece.dir));
        if (merges) {
            open.end = end;
            open.width += w;
        } else {
            Fragment f;
            f.span = span;
            f.begin = begin;
            f.end = end;
            f.x = x_;
            f.width = w;
            f.shape = piece.shape;
            f.rtl = piece.shape != RunShape::Glyphs && piece.dir == BidiType::Rtl;
            out_.fragments.push_back(f);
            types_.push_back(piece.dir);
            gaps_.push_back(gap);
        }
        x_ += w;
        lineHasWord_ = true;
    }
    bool OpenFragmentOf(uint32_t span) const {
        return out_.fragments.size() > lineFirst_ && out_.fragments.back().span == span;
    }
    void SplitLongWord(const Token& t, const std::vector<Piece>& pieces) {
        const TextSpan& span = spans_[t.span];
        for (uint32_t p = t.firstPiece; p < t.firstPiece + t.pieceCount; ++p) {
            const Piece& piece = pieces[p];
            size_t i = piece.begin;
            while (i < piece.end) {
                // Take code points while they fit; at least one per line so this always ends. Each code
                // point is measured once and the widths summed, so a huge word stays linear.
                size_t start = i, fitEnd = i;
                float fitWidth = 0.0f;
                while (i < piece.end) {
                    size_t next = i;
                    DecodeUtf8(span.text, next);
                    if (next > piece.end) next = piece.end;
                    const float w = fitWidth + Measure(t.span, piece, uint32_t(i), uint32_t(next));
                    if (w > max_ - x_ && fitEnd > start) break;
                    fitEnd = next;
                    fitWidth = w;
                    i = next;
                    if (w > max_ - x_) break;   // a single code point wider than the line
                }
                Place(t.span, piece, uint32_t(start), uint32_t(fitEnd), fitWidth);
                if (i < piece.end || (p + 1 < t.firstPiece + t.pieceCount && x_ >= max_)) NewLine();
            }
        }
    }
    void NewLine(bool force = false) {
        if (!lineHasWord_ && !force) return;
        EndLine();
    }
    void EndLine() {
        LaidLine line;
        line.firstFragment = lineFirst_;
        line.fragmentCount = uint32_t(out_.fragments.size()) - lineFirst_;
        line.width = x_;
        if (bidi_) Reorder(line);
        if (out_.rtl) line.x = std::max(0.0f, max_ - line.width);
        out_.lines.push_back(line);
        lineFirst_ = uint32_t(out_.fragments.size());
        x_ = 0.0f;
        pendingSpace_ = 0.0f;
        lineHasWord_ = false;
    }
    void Reorder(const LaidLine& line);

    const std::vector<TextSpan>& spans_;
    float max_;
    const TextMeasurer& measure_;
    TextLayout& out_;
    bool bidi_;
    uint32_t lineFirst_ = 0;
    float x_ = 0.0f, pendingSpace_ = 0.0f;
    uint32_t pendingSpan_ = 0, pendingBegin_ = 0, pendingEnd_ = 0;
    bool lineHasWord_ = false;
    std::vector<float> widths_;       // of the current word's pieces
    std::vector<BidiType> types_;     // per fragment: its direction, for the bidirectional order
    std::vector<float> gaps_;         // per fragment: the space before it (bidirectional paragraphs only)
    Fragment dummy_;
};

// [SECTION] bidirectional order ----------------------------------------------------------
// A line's fragments and the spaces between them, from logical to visual order: the rules of the Unicode
// Bidirectional Algorithm (UAX #9) that matter for one paragraph level and no explicit embeddings:
// digits after left-to-right text count as it (W7), spaces and punctuation take the direction around
// them or the paragraph's (N1, N2), levels (I1, I2), and runs reversed from the highest level down (L2).

void LineBuilder::Reorder(const LaidLine& line) {
    struct Cell { float width; int fragment; BidiType type; int level; };
    std::vector<Cell> cells;
    cells.reserve(line.fragmentCount * 2);
    for (uint32_t k = 0; k < line.fragmentCount; ++k) {
        const uint32_t f = line.firstFragment + k;
        if (k > 0 && gaps_[f] > 0.0f) cells.push_back({gaps_[f], -1, BidiType::Neutral, 0});
        cells.push_back({out_.fragments[f].width, int(f), types_[f], 0});
    }
    const bool rtl = out_.rtl;
    const BidiType paragraph = rtl ? BidiType::Rtl : BidiType::Ltr;
    // W7: digits after left-to-right text (or at the start of a left-to-right paragraph) are left to right.
    BidiType strong = paragraph;
    for (Cell& c : cells) {
        if (c.type == BidiType::Ltr || c.type == BidiType::Rtl) strong = c.type;
        else if (c.type == BidiType::Digit && strong == BidiType::Ltr) c.type = BidiType::Ltr;
    }
    // N1, N2: neutrals between two runs of the same direction take it (digits count as right to left);
    // others take the paragraph's.
    auto asStrong = [](BidiType t) { return t == BidiType::Digit ? BidiType::Rtl : t; };
    for (size_t i = 0; i < cells.size();) {
        if (cells[i].type != BidiType::Neutral) { ++i; continue; }
        size_t j = i;
        while (j < cells.size() && cells[j].type == BidiType::Neutral) ++j;
        const BidiType before = i == 0 ? paragraph : asStrong(cells[i - 1].type);
        const BidiType after = j == cells.size() ? paragraph : asStrong(cells[j].type);
        const BidiType resolved = before == after ? before : paragraph;
        for (size_t k = i; k < j; ++k) cells[k].type = resolved;
        i = j;
    }
    // I1, I2.
    int maxLevel = 0;
    for (Cell& c : cells) {
        if (!rtl) c.level = c.type == BidiType::Rtl ? 1 : c.type == BidiType::Digit ? 2 : 0;
        else c.level = c.type == BidiType::Rtl ? 1 : 2;
        maxLevel = std::max(maxLevel, c.level);
    }
    // L2.
    for (int level = maxLevel; level >= 1; --level) {
        for (size_t i = 0; i < cells.size();) {
            if (cells[i].level < level) { ++i; continue; }
            size_t j = i;
            while (j < cells.size() && cells[j].level >= level) ++j;
            std::reverse(cells.begin() + long(i), cells.begin() + long(j));
            i = j;
        }
    }
    std::vector<Fragment> visual;
    visual.reserve(line.fragmentCount);
    float x = 0.0f;
    for (const Cell& c : cells) {
        if (c.fragment >= 0) {
            visual.push_back(out_.fragments[size_t(c.fragment)]);
            visual.back().x = x;
        }
        x += c.width;
    }
    std::copy(visual.begin(), visual.end(), out_.fragments.begin() + line.firstFragment);
}

} // namespace

// [SECTION] BreakLines -------------------------------------------------------------------

TextLayout BreakLines(const std::vector<TextSpan>& spans, float maxWidth, const TextMeasurer& measure) {
    TextLayout layout;
    if (maxWidth < 1.0f) maxWidth = 1.0f;
    bool bidi = false;
    ScanDirection(spans, layout.rtl, bidi);
    LineBuilder builder(spans, maxWidth, measure, layout, bidi);
    std::vector<Token> tokens;
    std::vector<Piece> pieces;
    for (uint32_t s = 0; s < spans.size(); ++s) {
        if (spans[s].hardBreak) { builder.HardBreak(); continue; }
        tokens.clear();
        pieces.clear();
        Tokenize(s, spans[s].text, tokens, pieces);
        for (const Token& t : tokens) {
            if (!t.space) {
                builder.Word(t, pieces);
            } else if (!spans[s].preserveSpaces) {
                builder.Space(t);
            } else {   // code: the spaces are placed as written, like a word
                Token spaces = t;
                spaces.space = false;
                spaces.firstPiece = uint32_t(pieces.size());
                spaces.pieceCount = 1;
                pieces.push_back({t.begin, t.end, RunShape::Glyphs, BidiType::Neutral});
                builder.Word(spaces, pieces);
            }
        }
    }
    builder.Finish();
    return layout;
}

} // namespace aw
