// `article-widget bundle`: reads the web build's files and the article's images, writes one self-contained HTML page.
#include "cli/bundle.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <climits>

#include "core/bundle.h"
#include "platform/native_files.h"

namespace aw::cli {
namespace {

std::string DefaultAssetsDir() {
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    if (n <= 0) return "web/dist";
    std::string exe(path, static_cast<size_t>(n));
    const size_t slash = exe.rfind('/');
    return (slash == std::string::npos ? std::string(".") : exe.substr(0, slash)) + "/../web/dist";
}

// The config with "title" set; `config` has already been validated by LoadArticle.
std::string WithTitle(const std::string& config, const std::string& title) {
    nlohmann::ordered_json j = config.find_first_not_of(" \t\r\n") == std::string::npos
                                   ? nlohmann::ordered_json::object()
                                   : nlohmann::ordered_json::parse(config, nullptr, false);
    if (!j.is_object()) j = nlohmann::ordered_json::object();
    j["title"] = title;
    return j.dump(2) + "\n";
}

} // namespace

bool WriteBundle(const BundleRequest& request, std::string& error, std::vector<std::string>& warnings) {
    std::shared_ptr<const Article> article = request.article;
    std::string config = request.configJson;
    if (!request.title.empty()) {
        config = WithTitle(config, request.title);
        LoadOptions options;
        options.strictUtf8 = true;
        LoadOutcome outcome = LoadArticle(request.markdown, config, options);
        if (!outcome.article) { error = outcome.error; return false; }
        article = outcome.article;
    }

    // The WebAssembly comes gzip-compressed by the web build (gzip -9 -n: deterministic), so the authoring
    // page, which fetches the same file, writes the same bytes as this command.
    const std::string dir = request.assetsDir.empty() ? DefaultAssetsDir() : request.assetsDir;
    std::string script, wasmGzip, pageTemplate, readError;
    const char* names[] = {"article-widget.js", "article-widget.wasm.gz", "bundle-template.html"};
    std::string* targets[] = {&script, &wasmGzip, &pageTemplate};
    for (int i = 0; i < 3; ++i) {
        if (!ReadWholeFile(dir + "/" + names[i], *targets[i], readError)) {
            error = "no web build in " + dir + " (" + names[i] + " is missing): run the web build first "
                    "(cmake --preset web && cmake --build --preset web), or pass --assets DIR";
            return false;
        }
    }

    BundleInputs inputs;
    inputs.article = article.get();
    inputs.markdown = request.markdown;
    inputs.configJson = config;
    inputs.script = script;
    inputs.wasmGzip = wasmGzip;
    inputs.pageTemplate = pageTemplate;
    if (!request.articleDir.empty()) {
        inputs.readImage = [&](const std::string& path, size_t maxBytes, std::string& bytes, std::string& readError, bool& tooLarge) {
            return ReadWholeFile(request.articleDir + "/" + path, bytes, readError, ReadLimit{maxBytes, "image", ""}, &tooLarge);
        };
    }
    std::string page;
    if (!ComposeBundle(inputs, page, error, warnings)) return false;

    if (request.outPath == "-") {
        if (std::fwrite(page.data(), 1, page.size(), stdout) != page.size() || std::fflush(stdout) != 0) {
            error = "standard output: write failed";
            return false;
        }
        return true;
    }
    return WriteFileAtomically(request.outPath, page, error);
}

} // namespace aw::cli
