// The authoring page's calls into the core (web/author.js): the config checked exactly as the widget checks
// it, and the offline page written by the same code as `article-widget bundle` (core/bundle.h), so the page
// the browser downloads is byte for byte the CLI's. Its own module (article-widget-author.js, cmake/web.cmake),
// which only author.html loads: the core alone, no widget and no GL; the embed readers download has none of it.
// [SECTION] state  [SECTION] exports
#include <emscripten.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/bundle.h"
#include "core/config.h"
#include "core/json_util.h"
#include "platform/web_protocol.h"

namespace {

// [SECTION] state ---------------------------------------------------------------------
// The images the writer opened with the article (by the relative path the Markdown names), the last page
// written and the last answer handed to JS.
struct Authoring {
    std::map<std::string, std::string> images;
    std::string page;
    std::string answer;
};
Authoring& State() {
    static Authoring state;
    return state;
}

std::string_view View(const char* data, int length) { return std::string_view(data, static_cast<size_t>(length > 0 ? length : 0)); }

} // namespace

extern "C" {

// [SECTION] exports -------------------------------------------------------------------

// "" when the config (UTF-8, `length` bytes) is valid or empty, else its errors, one line each naming the JSON
// path, e.g. `config /timeline/markers/0/position: expected a number, got string`.
EMSCRIPTEN_KEEPALIVE const char* aw_author_check_config(const char* json, int length) {
    const std::string text(View(json, length));
    aw::Config config;
    aw::ConfigReport report;
    State().answer = text.empty() || aw::ParseConfig(text, config, report) ? std::string() : report.describe();
    return State().answer.c_str();
}

// An image the writer opened with the article, for the next bundle: `name` is its path as the Markdown names
// it ("images/arc.svg") or its file name ("arc.svg"). Returns 0 when it is over the bundle's per-image limit.
EMSCRIPTEN_KEEPALIVE int aw_author_add_image(const char* name, int nameLength, const char* bytes, int length) {
    if (static_cast<size_t>(length) > aw::kBundleImageMaxBytes) return 0;
    State().images[std::string(View(name, nameLength))] = std::string(View(bytes, length));
    return 1;
}

EMSCRIPTEN_KEEPALIVE void aw_author_clear_images() { State().images.clear(); }

// Writes the offline page from the article, its config and the web build's files (article-widget.js,
// article-widget.wasm.gz, bundle-template.html), loaded as the CLI loads them. Returns JSON:
// {"ok":true,"warnings":[...]} with the page in aw_author_output(), or {"ok":false,"error":"..."}.
EMSCRIPTEN_KEEPALIVE const char* aw_author_bundle(const char* markdown, int markdownLength, const char* config, int configLength,
                                                  const char* script, int scriptLength, const char* wasmGzip, int wasmGzipLength,
                                                  const char* pageTemplate, int templateLength) {
    Authoring& s = State();
    s.page.clear();
    s.page.shrink_to_fit();
    aw::LoadOptions options;   // the CLI's: strict UTF-8 and the default markup budget
    options.strictUtf8 = true;
    const std::string configText(View(config, configLength));
    const aw::LoadOutcome outcome = aw::LoadArticle(View(markdown, markdownLength), configText, options);
    if (!outcome.article) {
        s.answer = aw::JsonWriter(-1).BeginObject().Key("error").Value(outcome.error).Key("ok").Value(false).EndObject().Take();
        return s.answer.c_str();
    }
    aw::BundleInputs inputs;
    inputs.article = outcome.article.get();
    inputs.markdown = View(markdown, markdownLength);
    inputs.configJson = configText;
    inputs.script = View(script, scriptLength);
    inputs.wasmGzip = View(wasmGzip, wasmGzipLength);
    inputs.pageTemplate = View(pageTemplate, templateLength);
    inputs.readImage = [&s](const std::string& path, size_t maxBytes, std::string& bytes, std::string& error, bool& tooLarge) {
        // A file opened from disk has a name but no folder: "images/arc.svg" is found as "arc.svg".
        auto found = s.images.find(path);
        if (found == s.images.end()) found = s.images.find(path.substr(path.rfind('/') + 1));
        if (found == s.images.end()) { error = path + ": not opened with the article (open it with the Markdown)"; return false; }
        tooLarge = found->second.size() > maxBytes;
        if (tooLarge) return false;
        bytes = found->second;
        return true;
    };
    std::string error;
    std::vector<std::string> warnings;
    aw::JsonWriter answer(-1);
    if (aw::ComposeBundle(inputs, s.page, error, warnings)) {
        answer.BeginObject().Key("ok").Value(true).Key("warnings").BeginArray();
        for (const std::string& warning : warnings) answer.Value(warning);
        answer.EndArray().EndObject();
    } else {
        answer.BeginObject().Key("error").Value(error).Key("ok").Value(false).EndObject();
    }
    s.answer = answer.Take();
    return s.answer.c_str();
}

// The page the last aw_author_bundle wrote: its bytes and their count.
EMSCRIPTEN_KEEPALIVE const char* aw_author_output() { return State().page.data(); }
EMSCRIPTEN_KEEPALIVE int aw_author_output_size() { return static_cast<int>(State().page.size()); }

} // extern "C"

// Each export the protocol lists for this module is defined above (web_protocol.h).
#define AW_DEFINED_ELSEWHERE(name, why)
#define AW_DEFINED_HERE(name, why) static_assert(sizeof(&name) > 0, #name);
AW_WEB_PROTOCOL(AW_DEFINED_ELSEWHERE, AW_DEFINED_HERE)
