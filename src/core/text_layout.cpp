// Line breaking for inline runs of any script, as pure logic behind a measuring interface.
// [SECTION] clusters and tokens  [SECTION] line builder  [SECTION] bidirectional order  [SECTION] BreakLines
#include "text_layout.h"

#include <algorithm>
#include <functional>
#include <string>

#include "script.h"
#include "text_util.h"

namespace aw {

// [SECTION] clusters and tokens -------------------------------------------------------
namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t'; }
// After a hyphen or a dash; not after a slash, as in the browser (a path or a URL stays whole unless it overflows).
bool IsBreakAfter(uint32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2010; }
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

// A stretch of a word drawn one way, in one span: glyph by glyph, shaped, or as emoji. Punctuation and digits
// join the stretch they touch in the same span, so "(שלום)" or "word," is one piece.
struct Piece {
    uint32_t span, begin, end;
    RunShape shape;
    BidiType dir;   // Ltr or Rtl for letters; Digit or Neutral for a piece of only those
};

// The paragraph as the browser sees it under `white-space: normal`: words between break opportunities,
// each made of pieces from one or more spans (`**to**fu` is one word of two pieces), one collapsed space
// for every run of white space however many spans it crosses, and forced breaks.
struct Token {
    enum Kind : uint8_t { Word, Space, Break } kind;
    uint32_t span = 0, begin = 0, end = 0;   // a Space: the first white space character, the one drawn
    uint32_t firstPiece = 0, pieceCount = 0; // a Word: its pieces
};

// A break opportunity between two clusters of one word, after UAX #14 for the common cases: after a
// hyphen or dash that follows a character of the word (a hyphen-minus not before a digit: "10-20"
// stays whole, LB25), and before and after an ideograph or emoji, never before closing or after opening
// punctuation.
bool BreaksBetween(const Cluster& prev, const Cluster& next, size_t clustersBefore) {
    const bool numberRange = prev.last == '-' && next.first >= '0' && next.first <= '9';
    if (IsBreakAfter(prev.last) && clustersBefore > 1 && !numberRange) return true;
    return (prev.ideographic || next.ideographic) && !IsNoBreakAfter(prev.last) && !IsNoBreakBefore(next.first);
}

// A break opportunity a dictionary found inside a word: before byte `at` of span `span`.
struct DictionaryBreak {
    uint32_t span, at;
};

// The break opportunities inside runs of a script written without spaces (Thai, Lao, Khmer, ...), in text
// order. A run is a stretch of such letters joined across spans (a word half in bold is looked up whole);
// code spans are left out (code does not wrap between words). Empty when the paragraph holds none.
std::vector<DictionaryBreak> FindDictionaryBreaks(const std::vector<TextSpan>& spans, const TextMeasurer& measure) {
    struct Part { uint32_t runOffset, span, at; };   // where each span's share of the run begins
    std::vector<DictionaryBreak> breaks;
    std::string run;
    std::vector<Part> parts;
    std::vector<uint32_t> offsets;
    const auto endRun = [&] {
        if (run.empty()) return;
        measure.DictionaryBreaks(run, offsets);
        std::sort(offsets.begin(), offsets.end());
        size_t p = 0;
        for (const uint32_t o : offsets) {
            if (o == 0 || o >= run.size()) continue;
            while (p + 1 < parts.size() && parts[p + 1].runOffset <= o) ++p;
            if (o < parts[p].runOffset) continue;   // not ascending: ignored
            breaks.push_back({parts[p].span, parts[p].at + (o - parts[p].runOffset)});
        }
        run.clear();
        parts.clear();
    };
    for (uint32_t s = 0; s < spans.size(); ++s) {
        const std::string_view text = spans[s].text;
        if (spans[s].hardBreak || spans[s].preserveSpaces) { endRun(); continue; }
        bool inPart = false;   // this span's share of the run has begun (the run itself may go on from the last span)
        for (size_t i = 0; i < text.size();) {
            const size_t start = i;
            if (static_cast<unsigned char>(text[i]) < 0x80) { endRun(); ++i; inPart = false; continue; }
            if (!IsDictionaryBreaking(DecodeUtf8(text, i))) { endRun(); inPart = false; continue; }
            if (!inPart) { parts.push_back({uint32_t(run.size()), s, uint32_t(start)}); inPart = true; }
            run.append(text.data() + start, i - start);
        }
    }
    endRun();
    return breaks;
}

// Splits the paragraph's spans into tokens over their joined text, so neither a word nor a run of white
// space stops at a change of style. Tokens are handed to `flush` in batches, whenever no word is open, so a
// long paragraph (a megabyte of code) never holds all its tokens at once.
class Tokenizer {
public:
    Tokenizer(std::vector<Token>& tokens, std::vector<Piece>& pieces, const std::vector<DictionaryBreak>& dictionary,
              const std::function<void()>& flush)
        : tokens_(tokens), pieces_(pieces), dictionary_(dictionary), flush_(flush) {}

    void Run(const std::vector<TextSpan>& spans) {
        for (uint32_t s = 0; s < spans.size(); ++s) {
            if (spans[s].hardBreak) {
                EndWord();
                Push({Token::Break});
                continue;
            }
            Span(s, spans[s].text, spans[s].preserveSpaces);
        }
        EndWord();
        flush_();
    }

private:
    void Span(uint32_t s, std::string_view text, bool preserveSpaces) {
        size_t i = 0;
        while (i < text.size()) {
            if (IsSpaceByte(text[i])) {
                EndWord();
                const size_t start = i;
                while (i < text.size() && IsSpaceByte(text[i])) ++i;
                if (preserveSpaces) {   // code: the spaces are placed as written, like a word
                    pieces_.push_back({s, uint32_t(start), uint32_t(i), RunShape::Glyphs, BidiType::Neutral});
                    Push({Token::Word, s, uint32_t(start), uint32_t(i), uint32_t(pieces_.size() - 1), 1});
                } else if (lastKind_ != Token::Space) {
                    Push({Token::Space, s, uint32_t(start), uint32_t(start + 1)});
                }
                continue;
            }
            const Cluster c = NextCluster(text, i);
            if (inWord_ && (BreaksBetween(prev_, c, clusters_) || DictionaryBreakAt(s, uint32_t(i)))) EndWord();
            if (!inWord_) {
                inWord_ = true;
                Push({Token::Word, s, uint32_t(i), uint32_t(i), uint32_t(pieces_.size()), 0});
                clusters_ = 0;
            }
            Add(s, uint32_t(i), c);
            prev_ = c;
            ++clusters_;
            i = c.end;
        }
        FlushWeak();   // a piece never crosses into the next span
    }

    void Add(uint32_t s, uint32_t at, const Cluster& c) {
        Token& t = tokens_.back();
        t.end = uint32_t(c.end);
        Piece* cur = t.pieceCount > 0 && pieces_.back().span == s && pieces_.back().end == at ? &pieces_.back() : nullptr;
        if (c.shape != RunShape::Emoji && IsWeak(c.dir)) {
            if (cur) {
                cur->end = uint32_t(c.end);
                if (cur->dir == BidiType::Neutral && c.dir == BidiType::Digit) cur->dir = BidiType::Digit;
            } else {
                if (weakBegin_ == kNone) { weakBegin_ = at; weakDir_ = BidiType::Neutral; weakSpan_ = s; }
                if (c.dir == BidiType::Digit) weakDir_ = BidiType::Digit;
                weakEnd_ = uint32_t(c.end);
            }
            return;
        }
        const BidiType dir = c.shape == RunShape::Emoji ? BidiType::Neutral : c.dir;
        const bool extends = cur && c.shape != RunShape::Emoji && cur->shape == c.shape &&
                             (cur->dir == dir || (c.shape == RunShape::Glyphs && IsWeak(cur->dir)));
        if (extends) {
            cur->end = uint32_t(c.end);
            cur->dir = dir;
        } else {
            pieces_.push_back({s, weakBegin_ != kNone ? weakBegin_ : at, uint32_t(c.end), c.shape, dir});
            weakBegin_ = kNone;
            ++t.pieceCount;
        }
    }
    // Whether the dictionary allows a break before byte `at` of span `s` (the positions are visited in order).
    bool DictionaryBreakAt(uint32_t s, uint32_t at) {
        while (nextBreak_ < dictionary_.size() && (dictionary_[nextBreak_].span < s ||
                                                   (dictionary_[nextBreak_].span == s && dictionary_[nextBreak_].at < at)))
            ++nextBreak_;
        return nextBreak_ < dictionary_.size() && dictionary_[nextBreak_].span == s && dictionary_[nextBreak_].at == at;
    }
    // Digits and punctuation that met no letter in their span become a piece of their own.
    void FlushWeak() {
        if (weakBegin_ == kNone) return;
        pieces_.push_back({weakSpan_, weakBegin_, weakEnd_, RunShape::Glyphs, weakDir_});
        ++tokens_.back().pieceCount;
        weakBegin_ = kNone;
    }
    void EndWord() {
        FlushWeak();
        inWord_ = false;
        Push(Token{Token::Break}, /*record=*/false);   // only a chance to flush
    }
    // Adds a token (record false: none, only the chance); a batch is flushed once no word is open.
    void Push(const Token& t, bool record = true) {
        if (record) { tokens_.push_back(t); lastKind_ = t.kind; }
        if (!inWord_ && tokens_.size() >= kFlushTokens) flush_();
    }

    static constexpr size_t kFlushTokens = 256;
    std::vector<Token>& tokens_;
    std::vector<Piece>& pieces_;
    const std::vector<DictionaryBreak>& dictionary_;
    size_t nextBreak_ = 0;
    const std::function<void()>& flush_;
    Token::Kind lastKind_ = Token::Word;
    bool inWord_ = false;
    Cluster prev_;
    size_t clusters_ = 0;   // in the current word
    uint32_t weakSpan_ = 0, weakBegin_ = kNone, weakEnd_ = 0;
    BidiType weakDir_ = BidiType::Neutral;
};

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
            widths_.push_back(Measure(pieces[p], pieces[p].begin, pieces[p].end));
            w += widths_.back();
        }
        if (lineHasWord_ && x_ + pendingSpace_ + w > max_) NewLine();
        if (!lineHasWord_ && w > max_) { SplitLongWord(t, pieces); return; }
        for (uint32_t p = 0; p < t.pieceCount; ++p) {
            const Piece& piece = pieces[t.firstPiece + p];
            Place(piece, piece.begin, piece.end, widths_[p]);
        }
    }
    // The one space a run of white space collapses to; none at a line's start.
    void Space(const Token& t) {
        if (!lineHasWord_) return;
        pendingSpace_ = measure_.Width(spans_[t.span].face, " ");
        pendingSpan_ = t.span;
        pendingBegin_ = t.begin;
        pendingEnd_ = t.end;
    }
    void HardBreak() { NewLine(/*force=*/true); }
    void Finish() { if (lineHasWord_ || out_.lines.empty()) EndLine(); }

private:
    float Measure(const Piece& piece, uint32_t begin, uint32_t end) const {
        const TextSpan& s = spans_[piece.span];
        const std::string_view text = s.text.substr(begin, end - begin);
        return piece.shape == RunShape::Glyphs ? measure_.Width(s.face, text) : measure_.ShapedWidth(s.face, text, piece.dir == BidiType::Rtl);
    }
    void Place(const Piece& piece, uint32_t begin, uint32_t end, float w) {
        const uint32_t span = piece.span;
        float gap = 0.0f;
        if (pendingSpace_ > 0.0f) {
            // Left to right, a plain space joins the glyph fragment before it when it is in the same span, so
            // fragments stay long; otherwise it only advances x (a gap the bidirectional order keeps). Only
            // the collapsed run's first character is drawn: a fragment's text is exactly what its width holds.
            if (!bidi_ && OpenFragmentOf(pendingSpan_) && out_.fragments.back().shape == RunShape::Glyphs &&
                out_.fragments.back().end == pendingBegin_ && spans_[pendingSpan_].text[pendingBegin_] == ' ') {
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
        for (uint32_t p = t.firstPiece; p < t.firstPiece + t.pieceCount; ++p) {
            const Piece& piece = pieces[p];
            const TextSpan& span = spans_[piece.span];
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
                    const float w = fitWidth + Measure(piece, uint32_t(i), uint32_t(next));
                    if (w > max_ - x_ && fitEnd > start) break;
                    fitEnd = next;
                    fitWidth = w;
                    i = next;
                    if (w > max_ - x_) break;   // a single code point wider than the line
                }
                Place(piece, uint32_t(start), uint32_t(fitEnd), fitWidth);
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
            // L4: a character at an odd level shows its mirrored glyph (a Shaped run's text engine mirrors its own).
            if (visual.back().shape == RunShape::Glyphs && c.level % 2 == 1) visual.back().mirrored = true;
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
    const std::function<void()> flush = [&] {
        for (const Token& t : tokens) {
            switch (t.kind) {
                case Token::Word: builder.Word(t, pieces); break;
                case Token::Space: builder.Space(t); break;
                case Token::Break: builder.HardBreak(); break;
            }
        }
        tokens.clear();
        pieces.clear();
    };
    const std::vector<DictionaryBreak> dictionary = FindDictionaryBreaks(spans, measure);
    Tokenizer(tokens, pieces, dictionary, flush).Run(spans);
    builder.Finish();
    return layout;
}

} // namespace aw
