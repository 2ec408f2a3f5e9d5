// Loading an article: config text plus Markdown bytes to a validated Config and Document, with one-line errors.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include "config.h"
#include "document.h"
#include "glyph_availability.h"
#include "input_guard.h"

namespace aw {

struct Article {
    Config   config;
    Document doc;
    std::string baseUrl;     // relative links and images resolve against it: config baseUrl, else LoadOptions::baseUrl; may be ""
};

struct LoadOptions {
    bool strictUtf8 = false;   // true: invalid UTF-8 is an error (the CLI); false: replaced with U+FFFD (the widget)
    std::string sourceName = "article";   // for messages
    std::string baseUrl;     // the article's own location (e.g. its folder as a file URL), used when the config gives none
    std::string hostLang;    // the host page's language (a tag), weaker than the config's lang (ArticleLanguage)
    // When set, the characters no font can draw are counted into Document::uncoveredCharacters.
    GlyphAvailability glyphAvailability;
    MarkupBudget markupBudget;            // past it, the rest of the article is shown as plain text (input_guard.h)
};

struct LoadOutcome {
    std::shared_ptr<const Article> article;   // null on error
    std::string error;                        // one line per error (a config may have several), no "error:" prefix
};

// A config parsed and checked once, with its warnings: a host that checks the Markdown's size before it has the
// Markdown (the web element, before copying it into the module) loads with it, and nothing parses the config again.
struct CheckedConfig {
    Config       config;
    ConfigReport report;
};
// `configText` may be empty (defaults). False with the report's one line per error in `error`.
bool CheckConfig(const std::string& configText, CheckedConfig& out, std::string& error);

// The config of a widget in a page, with the page's inputs (HostInputs, as JSON) and `markdownBytes` of article.
// A config that cannot be used loses the reader nothing: the defaults apply, with the element's attributes over
// them, and `configErrors` says why, one line per error; a bad attribute is left out, with a line in
// `attributeProblems`. False, with the reason in `error`, only when the article cannot be shown at all (its size;
// malformed inputs from the element). `options` gets the page's baseUrl and language.
bool CheckConfigInPage(const std::string& configText, const std::string& hostJson, size_t markdownBytes, CheckedConfig& out,
                       LoadOptions& options, std::string& configErrors, std::string& attributeProblems, std::string& error);

// `configText` may be empty (defaults). Never throws.
// `markdown` is only viewed: nothing copies it before the size limit is checked.
LoadOutcome LoadArticle(std::string_view markdown, const std::string& configText, const LoadOptions& options);
// The same with a config already checked (CheckConfig).
LoadOutcome LoadArticle(std::string_view markdown, const CheckedConfig& config, const LoadOptions& options);

} // namespace aw
