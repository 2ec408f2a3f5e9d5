// The core's public face (ArticleWidget::core, no ImGui, no GL, no fonts): Markdown and a widget.json config made
// into an article, checked once, and what a headless tool asks of it (its title, its model as JSON, its HTML).
// Public header (installed): stable within a 0.x minor version. aw::Article itself is internal: hosts hold it only
// through aw::PreparedArticle.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace aw {

struct Article;   // internal (core/article.h): the checked config and the document model
// A loaded article: immutable, shared, safe to hand from the thread that prepared it to the UI thread.
using PreparedArticle = std::shared_ptr<const Article>;

struct PrepareSettings {
    std::string sourceName = "article";   // names the article in messages
    // Where the article lives (for example its folder as a file:// URL): relative links and images resolve against
    // it. The config's own "baseUrl" key wins over it. Without either, relative images are not loaded.
    std::string baseUrl;
    bool strictUtf8 = false;              // true: invalid UTF-8 is an error; false: replaced with U+FFFD
};

// Parses `markdown` with the widget.json text `configJson` ("" for the defaults). Pure: any thread may call it.
// On failure `out` is left as it was and the status holds the one-line error (a config's several errors: one line
// each, joined with "; ").
Status PrepareArticle(std::string_view markdown, std::string_view configJson, PreparedArticle& out,
                      const PrepareSettings& settings = {});

// Queries on a prepared article (an empty one gives "" and 0).
std::string ArticleTitle(const PreparedArticle& article);
int ArticleStageCount(const PreparedArticle& article);      // the timeline's stages
int ArticleQuestionCount(const PreparedArticle& article);   // the FAQ's questions
// The document model as JSON (what `article-widget model` prints); `indent` < 0 for one line.
std::string ArticleModelJson(const PreparedArticle& article, int indent = 2);
// The article as escaped, script-free HTML (what `article-widget html` prints), without the interactive controls.
std::string ArticleHtml(const PreparedArticle& article);

} // namespace aw
