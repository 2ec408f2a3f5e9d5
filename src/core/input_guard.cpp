// The markup budget: a pre-parse pass that bounds what any CommonMark/GFM parser builds from an article.
// [SECTION] line shapes  [SECTION] parser modes  [SECTION] counting  [SECTION] GuardMarkdown
//
// Why an upper bound holds: cmark and cmark-gfm split inline text only at their special characters
// (backslash ` & _ * [ ] < ! and, with smart punctuation, " ' . -; cmark-gfm adds ~ : w for strikethrough
// and autolinks) and make at most one text node of the bytes between two of them. So a line costs at most
// 2 (its block, or a soft break and the text after it) + its special characters + the runs of other bytes
// between them + 3 for each list, quote or heading marker it opens with (a list marker makes a list and an
// item, in the parser, in our model and in the layout) + the columns of a table that may be open (cmark-gfm
// fills short rows with empty cells); a blank line costs nothing. A fenced code block is one node whatever
// it holds, so its lines cost one each (for the layout), but only where every parser certainly sees a
// fence: a line that the parsers may read differently (an indented fence inside a list, an HTML block that
// one parser version starts and another does not) keeps every reading it may have, and costs one only when
// all readings agree that it is code.
#include "input_guard.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace aw {

// [SECTION] line shapes ---------------------------------------------------------

namespace {

// Where cmark and cmark-gfm may start a new inline node ('@' for cmark-gfm's e-mail autolinks, '|' for cells).
constexpr std::array<bool, 256> kInlineSpecial = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("\\`&_*[]<!\"'.-~:w@|")) table[c] = true;
    return table;
}();
bool IsInlineSpecial(unsigned char c) { return kInlineSpecial[c]; }

// Bytes that may open containers and headings at the start of a line: quote and list markers, ordered
// list numbers, ATX and setext heading marks.
bool IsBlockMarker(unsigned char c) {
    return c == '>' || c == '-' || c == '+' || c == '*' || c == '#' || c == '=' || c == '.' || c == ')' || (c >= '0' && c <= '9');
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// One line without its line ending, with its indentation in columns (tab stops of 4).
struct Line {
    std::string_view text;
    size_t first = 0;     // index of the first byte that is not a space or tab
    int    indent = 0;    // columns before it
    bool   blank = false;

    explicit Line(std::string_view t) : text(t) {
        while (first < text.size() && IsSpaceOrTab(text[first])) {
            indent += text[first] == '\t' ? 4 - indent % 4 : 1;
            ++first;
        }
        blank = first == text.size();
    }
    size_t RunOf(char c, size_t from) const {
        size_t n = 0;
        while (from + n < text.size() && text[from + n] == c) ++n;
        return n;
    }
    bool StartsWithNoCase(size_t at, std::string_view word) const {
        if (text.size() - at < word.size()) return false;
        for (size_t i = 0; i < word.size(); ++i)
            if (LowerAscii(text[at + i]) != word[i]) return false;
        return true;
    }
    bool ContainsNoCase(size_t from, std::string_view needle) const {
        for (size_t at = from; at + needle.size() <= text.size(); ++at)
            if (StartsWithNoCase(at, needle)) return true;
        return false;
    }
};

// cmark and cmark-gfm keep a fence's length in a byte and clamp it to 255: any run of 255 closes it.
constexpr size_t kMaxFenceLength = 255;

// A fence opener: up to 3 columns of indentation, then 3 or more backticks or tildes; a backtick
// fence's info string holds no backtick.
bool OpensFence(const Line& line, char& fenceChar, uint32_t& fenceLength) {
    if (line.blank || line.indent > 3) return false;
    const char c = line.text[line.first];
    if (c != '`' && c != '~') return false;
    const size_t run = line.RunOf(c, line.first);
    if (run < 3) return false;
    if (c == '`' && line.text.find('`', line.first + run) != std::string_view::npos) return false;
    fenceChar = c;
    fenceLength = static_cast<uint32_t>(std::min<size_t>(run, kMaxFenceLength));
    return true;
}

// A closer of a fence of `fenceChar` x `fenceLength`: up to 3 columns, at least as long, then only spaces.
bool ClosesFence(const Line& line, char fenceChar, uint32_t fenceLength) {
    if (line.blank || line.indent > 3 || line.text[line.first] != fenceChar) return false;
    const size_t run = line.RunOf(fenceChar, line.first);
    if (run < fenceLength) return false;
    for (size_t i = line.first + run; i < line.text.size(); ++i)
        if (!IsSpaceOrTab(line.text[i])) return false;
    return true;
}

// A line that may be a GFM table's delimiter row (| :--- | ---: |), possibly behind quote markers.
bool MayBeTableDelimiterRow(const Line& line) {
    bool dash = false;
    for (char c : line.text) {
        if (c == '-') dash = true;
        else if (c != '|' && c != ':' && c != '>' && !IsSpaceOrTab(c)) return false;
    }
    return dash;
}

// With CMARK_OPT_VALIDATE_UTF8, cmark and cmark-gfm (the same utf8.c) replace a sequence cut short by the
// line's end with one U+FFFD, taking up to 3 following ASCII bytes with it: "```\xF1``" becomes a fence
// opener. Returns where that replacement starts in `text` (a line without its ending), or npos.
size_t Utf8RepairTail(std::string_view text) {
    // Only a sequence starting in the last 3 bytes can run past the end, and an ASCII byte before them is
    // where cmark's walk certainly passes: start there.
    if (text.size() >= 3 && static_cast<unsigned char>(text[text.size() - 1] | text[text.size() - 2] | text[text.size() - 3]) < 0x80)
        return std::string_view::npos;
    size_t i = text.size() > 3 ? text.size() - 3 : 0;
    while (i > 0 && static_cast<unsigned char>(text[i]) >= 0x80) --i;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t length = c < 0x80 ? 1 : c >= 0xF0 && c <= 0xF7 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC0 && c <= 0xDF ? 2 : 0;
        if (length <= 1) { ++i; continue; }
        if (length > text.size() - i) return i;
        size_t step = length;
        for (size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) { step = k; break; }
        i += step;   // a valid sequence, or an invalid one up to its first byte that is no continuation
    }
    return std::string_view::npos;
}

// [SECTION] parser modes --------------------------------------------------------------

// Where a parser may be at the start of a line, as far as the top level goes: in ordinary Markdown
// (possibly inside lists and quotes, which a line at column 0 leaves), inside a top-level fenced code
// block, or inside a top-level HTML block that ends at a marker or at a blank line.
enum class ModeKind : uint8_t { Markdown, Fence, Html };
enum class HtmlEnd : uint8_t { None, RawTag, Comment, Instruction, Declaration, Cdata, BlankLine };

struct Mode {
    ModeKind kind = ModeKind::Markdown;
    char     fenceChar = 0;
    uint32_t fenceLength = 0;
    HtmlEnd  htmlEnd = HtmlEnd::None;
    bool operator==(const Mode& o) const {
        return kind == o.kind && fenceChar == o.fenceChar && fenceLength == o.fenceLength && htmlEnd == o.htmlEnd;
    }
};

Mode FenceMode(char c, uint32_t length) { Mode m; m.kind = ModeKind::Fence; m.fenceChar = c; m.fenceLength = length; return m; }
Mode HtmlMode(HtmlEnd end) { Mode m; m.kind = ModeKind::Html; m.htmlEnd = end; return m; }

// Every reading of the text so far that some parser may have. More than kMaxModes readings at once
// never happens in real articles; then the set is "lost": no line is free and no line is a safe cut.
class ModeSet {
public:
    static constexpr size_t kMaxModes = 8;
    ModeSet() { Add(Mode{}); }
    void Add(const Mode& m) {
        if (lost_) return;
        for (size_t i = 0; i < count_; ++i)
            if (modes_[i] == m) return;
        if (count_ == kMaxModes) { lost_ = true; return; }
        modes_[count_++] = m;
    }
    bool OnlyMarkdown() const { return !lost_ && count_ == 1 && modes_[0].kind == ModeKind::Markdown; }
    bool OnlyFence() const {
        if (lost_) return false;
        for (size_t i = 0; i < count_; ++i)
            if (modes_[i].kind != ModeKind::Fence) return false;
        return true;
    }
    bool lost() const { return lost_; }
    size_t size() const { return count_; }
    const Mode& operator[](size_t i) const { return modes_[i]; }
    void Clear() { count_ = 0; }

private:
    std::array<Mode, kMaxModes> modes_{};
    size_t count_ = 0;
    bool lost_ = false;
};

// Whether an HTML block that ends at `end` ends on `line` (searching from byte `from`); `maybe` is set
// when only some readings end it there (<textarea> is in cmark 0.30.2's and cmark-gfm 0.29.0.gfm.13's scanners
// but not in the GFM spec 0.29 they claim: a later release may follow either, so both are kept).
bool HtmlEndsOn(const Line& line, size_t from, HtmlEnd end, bool& maybe) {
    maybe = false;
    switch (end) {
        case HtmlEnd::RawTag:
            if (line.ContainsNoCase(from, "</script>") || line.ContainsNoCase(from, "</pre>") || line.ContainsNoCase(from, "</style>"))
                return true;
            maybe = line.ContainsNoCase(from, "</textarea>");
            return false;
        case HtmlEnd::Comment: return line.text.find("-->", from) != std::string_view::npos;
        case HtmlEnd::Instruction: return line.text.find("?>", from) != std::string_view::npos;
        case HtmlEnd::Declaration: return line.text.find('>', from) != std::string_view::npos;
        case HtmlEnd::Cdata: return line.text.find("]]>", from) != std::string_view::npos;
        case HtmlEnd::BlankLine: return line.blank;
        case HtmlEnd::None: return true;
    }
    return true;
}

// The readings after a line that starts with '<' (indented at most 3) in ordinary Markdown.
void AddHtmlStart(const Line& line, ModeSet& next) {
    const size_t at = line.first + 1;
    const auto tagEnds = [&](size_t end) {   // cmark's spacechar or '>'
        return end == line.text.size() || std::string_view(" \t\v\f>").find(line.text[end]) != std::string_view::npos;
    };
    HtmlEnd end = HtmlEnd::None;
    bool certain = line.indent == 0;   // indented, it may sit inside a list item that a later line leaves
    for (std::string_view tag : {std::string_view("script"), std::string_view("pre"), std::string_view("style")})
        if (line.StartsWithNoCase(at, tag) && tagEnds(at + tag.size())) end = HtmlEnd::RawTag;
    if (end == HtmlEnd::None && line.StartsWithNoCase(at, "textarea") && tagEnds(at + 8)) { end = HtmlEnd::RawTag; certain = false; }
    if (end == HtmlEnd::None) {
        if (line.StartsWithNoCase(at, "!--")) end = HtmlEnd::Comment;
        else if (line.StartsWithNoCase(at, "?")) end = HtmlEnd::Instruction;
        else if (line.StartsWithNoCase(at, "![cdata[")) end = HtmlEnd::Cdata;   // case-insensitive in the scanner
        else if (at + 1 < line.text.size() && line.text[at] == '!' && line.text[at + 1] >= 'A' && line.text[at + 1] <= 'Z') end = HtmlEnd::Declaration;
        else if (at + 1 < line.text.size() && line.text[at] == '!' && line.text[at + 1] >= 'a' && line.text[at + 1] <= 'z') {
            end = HtmlEnd::Declaration;   // spec 0.30; both scanners take only A-Z: read both ways
            certain = false;
        }
    }
    if (end == HtmlEnd::None) {
        // Types 6 and 7 end at a blank line; type 7 cannot interrupt a paragraph, and the line may be no tag.
        next.Add(HtmlMode(HtmlEnd::BlankLine));
        next.Add(Mode{});
        return;
    }
    bool maybe = false;
    const bool endsHere = HtmlEndsOn(line, line.first, end, maybe);   // cmark scans from the start tag itself
    if (endsHere || maybe || !certain) next.Add(Mode{});
    if (!endsHere) next.Add(HtmlMode(end));
    if (!certain) next.Add(HtmlMode(HtmlEnd::BlankLine));
}

// The readings after `line` from one reading `m`.
void Advance(const Mode& m, const Line& line, ModeSet& next) {
    switch (m.kind) {
        case ModeKind::Fence:
            next.Add(ClosesFence(line, m.fenceChar, m.fenceLength) ? Mode{} : m);
            return;
        case ModeKind::Html: {
            bool maybe = false;
            if (HtmlEndsOn(line, 0, m.htmlEnd, maybe)) { next.Add(Mode{}); return; }
            if (maybe) next.Add(Mode{});
            next.Add(m);
            return;
        }
        case ModeKind::Markdown: {
            char fenceChar = 0;
            uint32_t fenceLength = 0;
            if (OpensFence(line, fenceChar, fenceLength)) {
                next.Add(FenceMode(fenceChar, fenceLength));
                if (line.indent > 0) next.Add(Mode{});   // maybe a fence inside a list item instead
                return;
            }
            if (!line.blank && line.indent <= 3 && line.text[line.first] == '<') { AddHtmlStart(line, next); return; }
            next.Add(Mode{});
            return;
        }
    }
}

// [SECTION] counting ------------------------------------------------------------------------

// Upper bound of the nodes a parser makes for a line outside any fence.
size_t LineElements(const Line& line, size_t tableColumns) {
    if (line.blank) return 0;
    size_t elements = 2 + tableColumns, i = 0;
    for (; i < line.text.size(); ++i) {   // the markers the line opens with
        const unsigned char c = static_cast<unsigned char>(line.text[i]);
        if (IsBlockMarker(c)) elements += 3;
        else if (!IsSpaceOrTab(static_cast<char>(c))) break;
    }
    bool inRun = false;
    for (; i < line.text.size(); ++i) {
        if (IsInlineSpecial(static_cast<unsigned char>(line.text[i]))) { ++elements; inRun = false; }
        else if (!inRun) { ++elements; inRun = true; }
    }
    return elements;
}

// Calls fn(begin, end, next) for each line of `text`: [begin, end) without the line ending, `next` after it.
template <typename Fn> void ForEachLine(std::string_view text, Fn&& fn) {
    const char* const data = text.data();
    size_t pos = 0;
    while (pos < text.size()) {
        const void* nl = std::memchr(data + pos, '\n', text.size() - pos);
        size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) : text.size();
        if (const void* cr = std::memchr(data + pos, '\r', end - pos)) end = static_cast<size_t>(static_cast<const char*>(cr) - data);
        size_t next = end;
        if (next < text.size()) next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
        fn(pos, end, next);
        pos = next;
    }
}

// The number of lines ForEachLine would visit.
size_t CountLines(std::string_view text) {
    size_t lines = 0;
    for (const char* p = text.data(), *end = p + text.size(); (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p) ++lines;
    for (const char* p = text.data(), *end = p + text.size(); (p = static_cast<const char*>(std::memchr(p, '\r', end - p))); ++p)
        if (p + 1 == end || p[1] != '\n') ++lines;
    if (!text.empty() && text.back() != '\n' && text.back() != '\r') ++lines;
    return lines;
}

// The longest run of `c` on a line that could close a fence of `c` (see ClosesFence), or 0.
size_t LongestCloserRun(std::string_view text, char c) {
    size_t best = 0;
    ForEachLine(text, [&](size_t begin, size_t end, size_t) {
        const Line line(text.substr(begin, end - begin));
        if (ClosesFence(line, c, 1)) best = std::max(best, line.RunOf(c, line.first));
    });
    return best;
}

// Appends `rest` fenced as one code block that no line of it closes. A fence holds at most 255 characters
// (kMaxFenceLength), so a line of 255 or more fence characters alone, which would close any fence, gets
// four spaces in front: it stays visible, as code.
void AppendFenced(std::string& out, std::string_view rest) {
    const size_t backticks = LongestCloserRun(rest, '`'), tildes = LongestCloserRun(rest, '~');
    const char fenceChar = backticks <= tildes ? '`' : '~';
    const size_t fenceLength = std::max<size_t>(3, std::min(std::min(backticks, tildes) + 1, kMaxFenceLength));
    out.append(fenceLength, fenceChar);
    out += '\n';
    ForEachLine(rest, [&](size_t begin, size_t end, size_t next) {
        if (ClosesFence(Line(rest.substr(begin, end - begin)), fenceChar, static_cast<uint32_t>(fenceLength))) out += "    ";
        out.append(rest.substr(begin, next - begin));
    });
    if (!rest.empty() && rest.back() != '\n' && rest.back() != '\r') out += '\n';
    out.append(fenceLength, fenceChar);
    out += '\n';
}

} // namespace

// [SECTION] GuardMarkdown ----------------------------------------------------------------------

std::string GuardedMarkdown::Message(size_t inputBytes) const {
    const std::string over = std::to_string(elements) + " markup elements, over the limit of " + std::to_string(limit) + " for " +
                             std::to_string(inputBytes) + " bytes";
    if (refused)
        return "too much markup: not even as plain text does the article fit its budget (" + std::to_string(lines) +
               " lines; " + over + ")";
    if (cut) return "too much markup: from this line on the article is shown as plain text (" + over + ")";
    return "";
}

GuardedMarkdown GuardMarkdown(std::string_view markdown, const MarkupBudget& budget) {
    GuardedMarkdown out;
    out.limit = budget.LimitFor(markdown.size());
    out.lines = CountLines(markdown);
    // A cut at a line start costs what was kept plus one element per line shown as plain text.
    ModeSet modes, next;
    size_t tableColumns = 0, lineIndex = 0;
    bool fits = false;   // some safe line start has been found where the cut fits
    // cmark and cmark-gfm skip a UTF-8 byte order mark before the first line: "\xEF\xBB\xBF~~~" opens a fence.
    // The first line starts after it, so a cut there keeps the mark in front of the new fence.
    const size_t byteOrderMark = markdown.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    ForEachLine(markdown, [&](size_t begin, size_t end, size_t) {
        if (begin == 0) begin = byteOrderMark;
        const Line line(markdown.substr(begin, end - begin));
        if (modes.OnlyMarkdown() && out.elements + (out.lines - lineIndex) <= out.limit) {
            fits = true;
            out.cutOffset = begin;
            out.cutLine = static_cast<int>(lineIndex + 1);
        }
        ++lineIndex;
        if (line.blank) tableColumns = 0;
        else if (MayBeTableDelimiterRow(line)) tableColumns = static_cast<size_t>(std::count(line.text.begin(), line.text.end(), '|')) + 1;
        out.elements += modes.OnlyFence() ? 1 : LineElements(line, tableColumns);
        if (!modes.lost()) {
            next.Clear();
            for (size_t i = 0; i < modes.size(); ++i) Advance(modes[i], line, next);
            const size_t repairAt = Utf8RepairTail(line.text);
            if (repairAt != std::string_view::npos) {   // the parser may read the line repaired
                const std::string repaired = std::string(line.text.substr(0, repairAt)) + "\xEF\xBF\xBD";
                for (size_t i = 0; i < modes.size(); ++i) Advance(modes[i], Line(repaired), next);
            }
            std::swap(modes, next);
        }
    });
    if (out.elements <= out.limit) {
        out.cutOffset = 0;
        out.cutLine = 0;
        return out;
    }
    if (!fits) {
        out.refused = true;
        return out;
    }
    out.cut = true;
    const std::string_view rest = markdown.substr(out.cutOffset);
    out.guarded.reserve(markdown.size() + 2 * kMaxFenceLength + 3);
    out.guarded.append(markdown.substr(0, out.cutOffset));
    AppendFenced(out.guarded, rest);
    return out;
}

} // namespace aw
