// The core's public face: PrepareArticle and its queries (see prepared_article.h), over LoadArticle.
#include "core/prepared_article.h"

#include "core/article.h"
#include "core/html_render.h"
#include "core/model_json.h"

namespace aw {

namespace {

// LoadArticle's errors, one line each, as one line.
std::string OneLine(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) text.replace(at, 1, "; ");
    return text;
}

} // namespace

Status PrepareArticle(std::string_view markdown, std::string_view configJson, PreparedArticle& out, const PrepareSettings& settings) {
    LoadOptions options;
    options.sourceName = settings.sourceName;
    options.baseUrl = settings.baseUrl;
    options.strictUtf8 = settings.strictUtf8;
    LoadOutcome outcome = LoadArticle(markdown, std::string(configJson), options);
    if (!outcome.article) return Status::Error(OneLine(std::move(outcome.error)));
    out = std::move(outcome.article);
    return Status::Ok();
}

std::string ArticleTitle(const PreparedArticle& article) { return article ? article->doc.title : std::string(); }

int ArticleStageCount(const PreparedArticle& article) {
    return article ? static_cast<int>(article->doc.timeline.stages.size()) : 0;
}

int ArticleQuestionCount(const PreparedArticle& article) {
    return article ? static_cast<int>(article->doc.faq.entries.size()) : 0;
}

std::string ArticleModelJson(const PreparedArticle& article, int indent) {
    return article ? ModelToJson(article->doc, article->config, indent) : std::string();
}

std::string ArticleHtml(const PreparedArticle& article) {
    return article ? RenderHtml(article->doc, HtmlOptionsFor(*article, false)) : std::string();
}

} // namespace aw
