// Markdown to document model: cmark-gfm parse, conversion of its AST, sections, word count, timeline and FAQ.
#pragma once
#include <string>
#include <string_view>
#include "config.h"
#include "document.h"

struct cmark_node;

namespace aw {

struct ParseResult {
    Document    doc;
    bool        ok = true;
    std::string error;        // set when !ok (e.g. input over the size limit)
};

// "article is N bytes, over the limit of M bytes (config \"maxInputBytes\")", or "" within the limit.
std::string SizeLimitError(size_t bytes, const Config& config);

// Parses `markdown` (any bytes; invalid UTF-8 and NULs are replaced with U+FFFD and counted).
// Never throws; fails only when the input exceeds config.maxInputBytes. `hostLang` is the host page's language
// (a tag, or ""), weaker than the config's: ArticleLanguage (strings.h) decides.
ParseResult ParseArticle(std::string_view markdown, const Config& config, std::string_view hostLang = {});

// cmark-gfm's tree of `markdown`, parsed exactly as ParseArticle parses it (options and extensions), for
// callers that measure the parser alone. `smartPunctuation` is config smartPunctuation (cmark's SMART option).
// Free it with cmark_node_free.
cmark_node* ParseGfmTree(std::string_view markdown, bool smartPunctuation = true);

// Fills doc.timeline and doc.faq from directives, headings and config (called by ParseArticle).
void ExtractTimeline(Document& doc, const Config& config, const std::vector<NodeId>& timelineDirectives);
void ExtractFaq(Document& doc, const Config& config, const std::vector<NodeId>& faqDirectives);

} // namespace aw
