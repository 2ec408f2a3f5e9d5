// Loading an article: config text plus Markdown bytes to a validated Config and Document, with one-line errors.
#include "article.h"

#include <algorithm>

#include "markdown.h"
#include "utf8.h"

namespace aw {

bool CheckConfig(const std::string& configText, CheckedConfig& out, std::string& error) {
    out = CheckedConfig{};
    if (configText.empty() || ParseConfig(configText, out.config, out.report)) return true;
    error = out.report.describe();
    return false;
}

bool CheckConfigInPage(const std::string& configText, const std::string& hostJson, size_t markdownBytes, CheckedConfig& out,
                       LoadOptions& options, std::string& configErrors, std::string& attributeProblems, std::string& error) {
    configErrors.clear();
    attributeProblems.clear();
    HostInputs host;
    if (!ParseHostInputs(hostJson, host, error)) return false;
    if (!CheckConfig(configText, out, configErrors)) out = CheckedConfig{};   // the defaults
    std::vector<std::string> problems;
    ApplyHostAttributes(host, out.config, problems);
    for (const std::string& p : problems) attributeProblems += (attributeProblems.empty() ? "" : "\n") + p;
    options.baseUrl = HostBaseUrl(host.baseUrl);
    options.hostLang = HostLanguageTag(host.lang);
    if (const std::string tooBig = SizeLimitError(markdownBytes, out.config); !tooBig.empty()) {
        error = options.sourceName + ": " + tooBig;
        if (!configErrors.empty()) error += " (the config could not be used: " + configErrors.substr(0, configErrors.find('\n')) + ")";
        return false;
    }
    return true;
}

LoadOutcome LoadArticle(std::string_view markdown, const std::string& configText, const LoadOptions& options) {
    CheckedConfig config;
    LoadOutcome outcome;
    if (!CheckConfig(configText, config, outcome.error)) return outcome;
    return LoadArticle(markdown, config, options);
}

LoadOutcome LoadArticle(std::string_view markdown, const CheckedConfig& config, const LoadOptions& options) {
    LoadOutcome outcome;
    auto article = std::make_shared<Article>();
    article->config = config.config;
    const ConfigReport& configReport = config.report;
    if (const std::string tooBig = SizeLimitError(markdown.size(), article->config); !tooBig.empty()) {
        outcome.error = options.sourceName + ": " + tooBig;
        return outcome;
    }
    if (options.strictUtf8) {
        const long bad = FindInvalidUtf8(markdown);
        if (bad >= 0) {
            outcome.error = options.sourceName + ": invalid UTF-8 at byte " + std::to_string(bad) + " (line " +
                            std::to_string(LineOfOffset(markdown, static_cast<size_t>(bad))) + ")";
            return outcome;
        }
    }
    // Hostile markup (a run of brackets, one-character lines) would cost the parser ~200 bytes per input byte:
    // past the budget the rest is fenced as plain text (or the article refused), so memory stays linear.
    const GuardedMarkdown guarded = GuardMarkdown(markdown, options.markupBudget);
    if (guarded.refused) { outcome.error = options.sourceName + ": " + guarded.Message(markdown.size()); return outcome; }
    Config parseConfig = article->config;
    parseConfig.maxInputBytes = std::max<uint32_t>(parseConfig.maxInputBytes, static_cast<uint32_t>(guarded.Text(markdown).size()));
    ParseResult parsed = ParseArticle(guarded.Text(markdown), parseConfig, options.hostLang);
    if (!parsed.ok) { outcome.error = options.sourceName + ": " + parsed.error; return outcome; }
    // Past kMaxWarnings on purpose: the writer must learn that part of the article is plain text.
    if (guarded.cut) parsed.doc.warnings.push_back(Warning{WarningKind::MarkupBudget, guarded.cutLine, guarded.Message(markdown.size())});
    article->doc = std::move(parsed.doc);
    // The config's warnings (duplicate keys) come first: they have no line of the article.
    std::vector<Warning> configWarnings;
    for (const ConfigError& w : configReport.warnings) configWarnings.push_back(Warning{WarningKind::Config, 0, w.describe()});
    article->doc.warnings.insert(article->doc.warnings.begin(), configWarnings.begin(), configWarnings.end());
    article->baseUrl = article->config.baseUrl.empty() ? options.baseUrl : article->config.baseUrl;
    if (options.glyphAvailability) article->doc.uncoveredCharacters = CountUndrawableCharacters(article->doc, options.glyphAvailability);
    outcome.article = std::move(article);
    return outcome;
}

} // namespace aw
