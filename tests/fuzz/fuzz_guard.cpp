// Fuzz target: the markup budget (core/input_guard) against the parser itself, cmark or cmark-gfm with every
// GFM extension, whichever the core is built with. Findings: the parser's peak heap over kParserBytesPerElement
// per element the budget allows (an element the guard thought free made nodes), and a cut whose rest is not
// the last top-level block (but footnotes) as code with the same visible characters (the fence opened
// somewhere else).
#if __has_include(<cmark-gfm.h>)
#include <cmark-gfm.h>
#if __has_include(<cmark-gfm-core-extensions.h>)
#include <cmark-gfm-core-extensions.h>
#define AW_FUZZ_GFM_EXTENSIONS 1
#endif
#else
#include <cmark.h>
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_guard.h"
#include "heap_peak.h"

namespace {

constexpr size_t kParserBytesPerByte = 8;        // the parser's copies of the text
constexpr size_t kParserBytesPerElement = 256;   // measured at most: cmark 46 per element, cmark-gfm 74
constexpr size_t kBaseBytes = 128 * 1024;

cmark_node* Parse(std::string_view text) {
    int options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;
#ifdef CMARK_OPT_FOOTNOTES
    options |= CMARK_OPT_FOOTNOTES;
#endif
    cmark_parser* parser = cmark_parser_new(options);
#ifdef AW_FUZZ_GFM_EXTENSIONS
    cmark_gfm_core_extensions_ensure_registered();
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist", "tagfilter"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
#endif
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

// cmark-gfm moves the footnote definitions that are referred to after everything else.
bool MovedToTheEnd(cmark_node* node) {
#ifdef CMARK_OPT_FOOTNOTES
    return cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION;
#else
    (void)node;
    return false;
#endif
}

// The lines of a text (CR, LF and CRLF end a line; a final line end adds no line).
std::vector<std::string_view> LinesOf(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = pos;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
        lines.push_back(text.substr(pos, end - pos));
        pos = end + (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
    }
    return lines;
}

// The printable ASCII of a line: what survives the parser's NUL and UTF-8 repairs and the guard's
// indentation of over-long fence lines.
std::string VisibleAscii(std::string_view line) {
    std::string out;
    for (char c : line)
        if (c > ' ' && c < 0x7F) out += c;
    return out;
}

// Whether the code block's text holds the rest line for line: equal printable ASCII, except that the
// parser's UTF-8 repair may drop up to 3 bytes after an invalid byte near a line's end.
bool SameText(std::string_view literal, std::string_view rest) {
    const std::vector<std::string_view> a = LinesOf(literal), b = LinesOf(rest);
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const std::string x = VisibleAscii(a[i]), y = VisibleAscii(b[i]);
        if (x == y) continue;
        const std::string_view tail = b[i].substr(b[i].size() > 4 ? b[i].size() - 4 : 0);
        const bool repairedTail = std::any_of(tail.begin(), tail.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        if (!repairedTail || y.compare(0, x.size(), x) != 0 || y.size() - x.size() > 3) return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view markdown(reinterpret_cast<const char*>(data), size);
    const aw::MarkupBudget budget{8, 64};
    const aw_fuzz::HeapPeak heap;
    const aw::GuardedMarkdown guarded = aw::GuardMarkdown(markdown, budget);
    if (guarded.refused) return 0;   // LoadArticle parses nothing then
    cmark_node* doc = Parse(guarded.Text(markdown));
    const size_t bound = kParserBytesPerByte * size + kParserBytesPerElement * budget.LimitFor(size) + kBaseBytes;
    if (heap.Bytes() > bound || aw_fuzz::ReportHeap()) {
        std::fprintf(stderr, "parser heap peak %zu bytes for %zu input bytes, bound %zu (%.2f of it)\n", heap.Bytes(), size, bound,
                     static_cast<double>(heap.Bytes()) / static_cast<double>(bound));
        if (heap.Bytes() > bound) __builtin_trap();
    }
    if (guarded.cut) {
        cmark_node* last = cmark_node_last_child(doc);
        while (last && MovedToTheEnd(last)) last = cmark_node_previous(last);
        if (!last || cmark_node_get_type(last) != CMARK_NODE_CODE_BLOCK) __builtin_trap();
        const char* literal = cmark_node_get_literal(last);
        if (!SameText(literal ? literal : "", markdown.substr(guarded.cutOffset))) __builtin_trap();
    }
    cmark_node_free(doc);
    return 0;
}
