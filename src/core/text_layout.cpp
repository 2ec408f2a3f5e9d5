// Line breaking for inline runs, as pure logic behind a measuring interface (the UI supplies real fonts).
#include "text_layout.h"

#include "text_util.h"

namespace aw {

namespace {

// A word is the text up to and including its break opportunity; spaces are tokens of their own.
struct Token {
    uint32_t span, begin, end;
    bool space;
};

bool IsBreakAfter(uint32_t cp) {
    return cp == '-' || cp == '/' || cp == 0x2013 || cp == 0x2014 || cp == 0x2010;
}

void Tokenize(uint32_t s, std::string_view text, std::vector<Token>& out) {
    {
        size_t i = 0;
        while (i < text.size()) {
            const size_t start = i;
            if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
                while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
                out.push_back({s, uint32_t(start), uint32_t(i), true});
                continue;
            }
            while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') {
                const uint32_t cp = DecodeUtf8(text, i);
                if (IsBreakAfter(cp) && i < text.size() && text[i] != ' ') break;
            }
            out.push_back({s, uint32_t(start), uint32_t(i), false});
        }
    }
}

class LineBuilder {
public:
    LineBuilder(const std::vector<TextSpan>& spans, float maxWidth, const TextMeasurer& m, TextLayout& out)
        : spans_(spans), max_(maxWidth), measure_(m), out_(out) {}

    void Word(const Token& t) {
        const std::string_view text = spans_[t.span].text.substr(t.begin, t.end - t.begin);
        const float w = measure_.Width(spans_[t.span].face, text);
        if (lineHasWord_ && x_ + pendingSpace_ + w > max_) NewLine();
        if (!lineHasWord_ && w > max_) { SplitLongWord(t); return; }
        Place(t.span, t.begin, t.end, w);
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
    void Place(uint32_t span, uint32_t begin, uint32_t end, float w) {
        if (pendingSpace_ > 0.0f) {
            // A space becomes part of the fragment before it when it is in the same span, so
            // fragments stay long; otherwise it only advances x.
            if (!out_.fragments.empty() && OpenFragmentOf(pendingSpan_) && out_.fragments.back().end == pendingBegin_) {
                out_.fragments.back().end = pendingEnd_;
                out_.fragments.back().width += pendingSpace_;
            }
            x_ += pendingSpace_;
            pendingSpace_ = 0.0f;
        }
        if (OpenFragmentOf(span) && out_.fragments.back().end == begin) {
            out_.fragments.back().end = end;
            out_.fragments.back().width += w;
        } else {
            out_.fragments.push_back({span, begin, end, x_, w});
        }
        x_ += w;
        lineHasWord_ = true;
    }
    bool OpenFragmentOf(uint32_t span) const {
        return out_.fragments.size() > lineFirst_ && out_.fragments.back().span == span;
    }
    void SplitLongWord(const Token& t) {
        const TextSpan& span = spans_[t.span];
        size_t i = t.begin;
        while (i < t.end) {
            // Take code points while they fit; at least one per line so this always ends. Each code
            // point is measured once and the widths summed, so a huge word stays linear.
            size_t start = i, fitEnd = i;
            float fitWidth = 0.0f;
            while (i < t.end) {
                size_t next = i;
                DecodeUtf8(span.text, next);
                if (next > t.end) next = t.end;
                const float w = fitWidth + measure_.Width(span.face, span.text.substr(i, next - i));
                if (w > max_ - x_ && fitEnd > start) break;
                fitEnd = next;
                fitWidth = w;
                i = next;
                if (w > max_ - x_) break;   // a single code point wider than the line
            }
            Place(t.span, uint32_t(start), uint32_t(fitEnd), fitWidth);
            if (i < t.end) NewLine();
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
        out_.lines.push_back(line);
        lineFirst_ = uint32_t(out_.fragments.size());
        x_ = 0.0f;
        pendingSpace_ = 0.0f;
        lineHasWord_ = false;
    }

    const std::vector<TextSpan>& spans_;
    float max_;
    const TextMeasurer& measure_;
    TextLayout& out_;
    uint32_t lineFirst_ = 0;
    float x_ = 0.0f, pendingSpace_ = 0.0f;
    uint32_t pendingSpan_ = 0, pendingBegin_ = 0, pendingEnd_ = 0;
    bool lineHasWord_ = false;
};

} // namespace

TextLayout BreakLines(const std::vector<TextSpan>& spans, float maxWidth, const TextMeasurer& measure) {
    TextLayout layout;
    if (maxWidth < 1.0f) maxWidth = 1.0f;
    LineBuilder builder(spans, maxWidth, measure, layout);
    std::vector<Token> tokens;
    for (uint32_t s = 0; s < spans.size(); ++s) {
        if (spans[s].hardBreak) { builder.HardBreak(); continue; }
        tokens.clear();
        Tokenize(s, spans[s].text, tokens);
        for (const Token& t : tokens) {
            if (t.space && !spans[s].preserveSpaces) builder.Space(t);
            else builder.Word(t);
        }
    }
    builder.Finish();
    return layout;
}

} // namespace aw
