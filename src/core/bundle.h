// The offline single-file bundle: one HTML page holding the widget's JS, its WebAssembly (base64),
// the article's Markdown and config, and the article's semantic HTML for readers without JavaScript.
// Pure string work, shared by the CLI (`article-widget bundle`, which reads the files and writes the
// result) and the authoring page (the web module's aw_author_bundle): the same inputs give the same bytes.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

struct Article;

struct BundleParts {
    std::string_view title;          // the page <title> (plain text; escaped here)
    std::string_view fallbackHtml;   // RenderHtml() output: trusted, inserted as is
    std::string_view markdown;       // the article, exactly as the widget should read it
    std::string_view configJson;     // may be empty
    std::string_view script;         // build/web/dist/article-widget.js
    std::string_view wasmGzip;       // build/web/dist/article-widget.wasm, gzip-compressed (the page unpacks it)
    std::string_view pageTemplate;   // web/bundle-template.html
};

// Fills the template's placeholders {{TITLE}}, {{FALLBACK_HTML}}, {{MARKDOWN}}, {{CONFIG}}, {{WASM_BASE64}}
// and {{SCRIPT}} in one pass (text that looks like a placeholder inside the inputs is never expanded).
// Each placeholder must occur exactly once. Returns false with a one-line `error` otherwise.
bool BuildBundle(const BundleParts& parts, std::string& out, std::string& error);

// Reads a relative image for the bundle: the file `path` names beside the article, at most `maxBytes`.
// Returns false with a one-line `error` (and `tooLarge` set when the file is over `maxBytes`).
using BundleImageReader = std::function<bool(const std::string& path, size_t maxBytes, std::string& bytes,
                                             std::string& error, bool& tooLarge)>;

// What a whole offline page is made of: the loaded article, its Markdown and config as they are embedded,
// and the web build's files (article-widget.js, article-widget.wasm.gz, bundle-template.html).
struct BundleInputs {
    const Article* article = nullptr;
    std::string_view markdown, configJson;
    std::string_view script, wasmGzip, pageTemplate;
    BundleImageReader readImage;   // null: no file lies beside the article (standard input); no image is inlined
};

// The offline page: the article's semantic HTML with its relative images inlined as data URLs (within the
// limits below), then BuildBundle. `warnings` gets one line ("LINE: image ...") for each image left as it is.
bool ComposeBundle(const BundleInputs& inputs, std::string& page, std::string& error, std::vector<std::string>& warnings);

// Images in the offline bundle: relative sources whose file is an image of a known type, at most
// kBundleImageMaxBytes each and kBundleImagesMaxBytes in all, are written as data URLs.
constexpr size_t kBundleImageMaxBytes = 2u << 20;
constexpr size_t kBundleImagesMaxBytes = 16u << 20;
// "image/png" and so on, from the file name's extension (png, jpg, jpeg, gif, webp, avif, svg); nullptr otherwise.
const char* ImageMimeType(std::string_view path);
// The file a relative image source names, relative to the article's folder: percent-escapes decoded,
// query and fragment dropped. "" for sources that name no file beside the article (root-relative "/x",
// scheme-relative "//host/x", empty, or a NUL byte).
std::string LocalPathOfRelativeUrl(std::string_view src);
std::string DataUrl(std::string_view mimeType, std::string_view bytes);

// Standard base64 (RFC 4648, with padding), wrapped at `lineWidth` characters (0: one line).
std::string Base64Encode(std::string_view bytes, size_t lineWidth = 0);

// Makes data safe inside a <script> element that the page only reads (Markdown, JSON): every "<",
// followed by zero or more backslashes and then "/" or "!", gets one more backslash, so neither
// "</script" nor "<!--" can occur. Reversible: UnescapeScriptData, and the element's twin in
// web/element/loading.js (scripts marked data-escaped).
std::string EscapeScriptData(std::string_view text);
std::string UnescapeScriptData(std::string_view text);

// Makes JavaScript safe inside an inline <script>: "</script" becomes "<\/script" and "<!--" becomes
// "<\!--" (case-insensitive), which mean the same inside JS strings, templates and regexes.
std::string EscapeInlineScript(std::string_view js);

} // namespace aw
