// The offline single-file bundle: template filling, script-data escaping, base64 and image data URLs.
#include "core/bundle.h"

#include <cctype>
#include <cstring>
#include <map>

#include "core/article.h"
#include "core/html_escape.h"
#include "core/html_render.h"
#include "core/text_util.h"
#include "core/url.h"

namespace aw {

std::string Base64Encode(std::string_view bytes, size_t lineWidth) {
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    const size_t encoded = (bytes.size() + 2) / 3 * 4;
    out.reserve(encoded + (lineWidth ? encoded / lineWidth + 1 : 0));
    size_t column = 0;
    auto put = [&](char c) {
        if (lineWidth && column == lineWidth) { out += '\n'; column = 0; }
        out += c;
        ++column;
    };
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        put(kAlphabet[(v >> 18) & 63]); put(kAlphabet[(v >> 12) & 63]); put(kAlphabet[(v >> 6) & 63]); put(kAlphabet[v & 63]);
    }
    if (const size_t rest = bytes.size() - i) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        put(kAlphabet[(v >> 18) & 63]); put(kAlphabet[(v >> 12) & 63]);
        put(rest == 2 ? kAlphabet[(v >> 6) & 63] : '='); put('=');
    }
    return out;
}

const char* ImageMimeType(std::string_view path) {
    const size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return nullptr;
    const std::string ext = ToLowerAscii(path.substr(dot + 1));
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "gif") return "image/gif";
    if (ext == "webp") return "image/webp";
    if (ext == "avif") return "image/avif";
    if (ext == "svg") return "image/svg+xml";
    return nullptr;
}

std::string LocalPathOfRelativeUrl(std::string_view src) {
    src = src.substr(0, src.find_first_of("?#"));
    if (src.empty() || src[0] == '/') return "";
    const std::string path = PercentDecode(src);
    return path.find('\0') == std::string::npos ? path : "";
}

std::string DataUrl(std::string_view mimeType, std::string_view bytes) {
    return "data:" + std::string(mimeType) + ";base64," + Base64Encode(bytes);
}

// "<" + k backslashes + ("/" | "!")  <->  "<" + (k + 1) backslashes + the same character.
std::string EscapeScriptData(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 64);
    for (size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] != '<') continue;
        size_t j = i + 1;
        while (j < text.size() && text[j] == '\\') ++j;
        if (j < text.size() && (text[j] == '/' || text[j] == '!')) out += '\\';
    }
    return out;
}

std::string UnescapeScriptData(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] != '<') continue;
        size_t j = i + 1;
        while (j < text.size() && text[j] == '\\') ++j;
        if (j > i + 1 && j < text.size() && (text[j] == '/' || text[j] == '!')) ++i;   // drop one backslash
    }
    return out;
}

std::string EscapeInlineScript(std::string_view js) {
    auto startsWithNoCase = [&](size_t at, const char* word) {
        const size_t n = std::strlen(word);
        if (at + n > js.size()) return false;
        for (size_t k = 0; k < n; ++k)
            if (std::tolower(static_cast<unsigned char>(js[at + k])) != word[k]) return false;
        return true;
    };
    std::string out;
    out.reserve(js.size());
    for (size_t i = 0; i < js.size(); ++i) {
        out += js[i];
        if (js[i] == '<' && (startsWithNoCase(i + 1, "/script") || startsWithNoCase(i + 1, "!--"))) out += '\\';
    }
    return out;
}

bool BuildBundle(const BundleParts& parts, std::string& out, std::string& error) {
    struct Slot { const char* name; std::string value; int seen; };
    std::string title;
    AppendHtmlEscaped(title, parts.title);
    Slot slots[] = {
        {"TITLE", title, 0},
        {"FALLBACK_HTML", std::string(parts.fallbackHtml), 0},
        {"MARKDOWN", EscapeScriptData(parts.markdown), 0},
        {"CONFIG", EscapeScriptData(parts.configJson), 0},
        {"WASM_BASE64", Base64Encode(parts.wasmGzip, 76), 0},
        {"SCRIPT", EscapeInlineScript(parts.script), 0},
    };
    const std::string_view t = parts.pageTemplate;
    out.clear();
    size_t total = t.size();
    for (const Slot& s : slots) total += s.value.size();
    out.reserve(total);
    size_t i = 0;
    while (i < t.size()) {
        const size_t open = t.find("{{", i);
        if (open == std::string_view::npos) { out.append(t.substr(i)); break; }
        out.append(t.substr(i, open - i));
        const size_t close = t.find("}}", open + 2);
        if (close == std::string_view::npos) { error = "bundle template: unterminated {{"; return false; }
        const std::string_view name = t.substr(open + 2, close - open - 2);
        Slot* slot = nullptr;
        for (Slot& s : slots)
            if (name == s.name) slot = &s;
        if (!slot) { error = "bundle template: unknown placeholder {{" + std::string(name) + "}}"; return false; }
        out += slot->value;
        ++slot->seen;
        i = close + 2;
    }
    for (const Slot& s : slots) {
        if (s.seen != 1) {
            error = std::string("bundle template: {{") + s.name + "}} must occur once, found " + std::to_string(s.seen);
            return false;
        }
    }
    return true;
}

namespace {

// Data URLs for the article's relative images; a warning for each image left as it is.
std::map<std::string, std::string> InlineImages(const Document& doc, const BundleImageReader& readImage, std::vector<std::string>& warnings) {
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
        if (!readImage || path.empty()) { warnings.push_back(where + "is not inlined: it names no file beside the article"); continue; }
        if (!mime) { warnings.push_back(where + "is not inlined: not a png, jpeg, gif, webp, avif or svg file"); continue; }
        if (!readImage(path, kBundleImageMaxBytes, bytes, readError, tooLarge)) {
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

bool ComposeBundle(const BundleInputs& inputs, std::string& page, std::string& error, std::vector<std::string>& warnings) {
    if (!inputs.article) { error = "bundle: no article"; return false; }
    const std::map<std::string, std::string> images = InlineImages(inputs.article->doc, inputs.readImage, warnings);
    HtmlOptions html = HtmlOptionsFor(*inputs.article, /*interactive=*/false);
    html.imageUrls = &images;
    const std::string fallback = RenderHtml(inputs.article->doc, html);
    BundleParts parts;
    parts.title = inputs.article->doc.title;
    parts.fallbackHtml = fallback;
    parts.markdown = inputs.markdown;
    parts.configJson = inputs.configJson;
    parts.script = inputs.script;
    parts.wasmGzip = inputs.wasmGzip;
    parts.pageTemplate = inputs.pageTemplate;
    return BuildBundle(parts, page, error);
}

} // namespace aw
