// `article-widget bundle`: reads the web build's files and the article's images, writes one self-contained HTML page.
#include "cli/bundle.h"

#include <nlohmann/json.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <climits>
#include <map>

#include "core/bundle.h"
#include "core/html_render.h"
#include "core/text_util.h"
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

// gzip at the highest level: the page unpacks it with DecompressionStream, so the WebAssembly costs about
// its own gzip size inside the page instead of the third more that base64 of the raw bytes would.
bool Gzip(const std::string& in, std::string& out) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    out.resize(deflateBound(&z, static_cast<uLong>(in.size())) + 32);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END;
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

// Data URLs for the article's relative images, read from `dir`; a warning for each image left as it is.
std::map<std::string, std::string> InlineImages(const Document& doc, const std::string& dir, std::vector<std::string>& warnings) {
    std::map<std::string, std::string> urls;
    size_t total = 0;
    for (const Image& image : doc.images) {
        if (!image.allowed || urls.count(image.src)) continue;   // refused sources are already warned about
        const std::string where = std::to_string(image.line) + ": image \"" + image.src.substr(0, 80) + "\" ";
        const LinkTarget kind = ClassifyLink(image.src);
        if (kind != LinkTarget::Relative) {
            if (ToLowerAscii(image.src.substr(0, 5)) != "data:") warnings.push_back(where + "is not inlined: the bundle works offline, so it will not load");
            continue;
        }
        const std::string path = LocalPathOfRelativeUrl(image.src);
        const char* mime = ImageMimeType(path);
        std::string bytes, readError;
        bool tooLarge = false;
        if (dir.empty() || path.empty()) { warnings.push_back(where + "is not inlined: it names no file beside the article"); continue; }
        if (!mime) { warnings.push_back(where + "is not inlined: not a png, jpeg, gif, webp, avif or svg file"); continue; }
        if (!ReadWholeFile(dir + "/" + path, bytes, readError, ReadLimit{kBundleImageMaxBytes, "image", ""}, &tooLarge)) {
            warnings.push_back(where + "is not inlined: " +
                               (tooLarge ? "larger than " + std::to_string(kBundleImageMaxBytes >> 20) + " MiB" : readError));
            continue;
        }
        if (total + bytes.size() > kBundleImagesMaxBytes) {
            warnings.push_back(where + "is not inlined: the bundle's images would exceed " + std::to_string(kBundleImagesMaxBytes >> 20) + " MiB");
            continue;
        }
        total += bytes.size();
        urls[image.src] = DataUrl(mime, bytes);
    }
    return urls;
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

    const std::string dir = request.assetsDir.empty() ? DefaultAssetsDir() : request.assetsDir;
    std::string script, wasm, pageTemplate, readError;
    const char* names[] = {"article-widget.js", "article-widget.wasm", "bundle-template.html"};
    std::string* targets[] = {&script, &wasm, &pageTemplate};
    for (int i = 0; i < 3; ++i) {
        if (!ReadWholeFile(dir + "/" + names[i], *targets[i], readError)) {
            error = "no web build in " + dir + " (" + names[i] + " is missing): run the web build first "
                    "(cmake --preset web && cmake --build --preset web), or pass --assets DIR";
            return false;
        }
    }

    std::string packedWasm;
    if (!Gzip(wasm, packedWasm)) { error = "could not compress " + dir + "/article-widget.wasm"; return false; }

    const std::map<std::string, std::string> images = InlineImages(article->doc, request.articleDir, warnings);
    HtmlOptions html = HtmlOptionsFor(*article, /*interactive=*/false);
    html.imageUrls = &images;
    BundleParts parts;
    parts.title = article->doc.title;
    const std::string fallback = RenderHtml(article->doc, html);
    parts.fallbackHtml = fallback;
    parts.markdown = request.markdown;
    parts.configJson = config;
    parts.script = script;
    parts.wasmGzip = packedWasm;
    parts.pageTemplate = pageTemplate;
    std::string page;
    if (!BuildBundle(parts, page, error)) return false;

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
