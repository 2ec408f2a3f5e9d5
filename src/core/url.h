// URLs: link and image safety by scheme, resolution, percent-encoding and decoding, data and file URLs.
#pragma once
#include <string>
#include <string_view>

namespace aw {

// Link safety: http, https and mailto targets, relative links (resolved against the article's own URL)
// and in-article "#anchor" targets are followable; every other scheme is refused.
enum class LinkTarget { External, Relative, Anchor, Blocked };
LinkTarget ClassifyLink(std::string_view href);
const char* BlockedLinkReason(std::string_view href);  // why a link is blocked, for logs and warnings
// Image sources the widget loads: relative URLs, http, https and data:image/*.
bool IsAllowedImageSource(std::string_view src);

// `ref` resolved against the absolute URL `base` (RFC 3986, section 5.2); `ref` unchanged when `base` is
// empty or has no scheme. Dot segments are removed; no percent-encoding is added.
std::string ResolveUrl(std::string_view base, std::string_view ref);
// `%XX` escapes decoded (malformed ones kept as written).
std::string PercentDecode(std::string_view text);
// The bytes a `data:` URL holds (base64 or percent-encoded); false when it is not a well-formed data URL.
bool DecodeDataUrl(std::string_view url, std::string& bytes);
// The local path of a `file://` URL (percent-escapes decoded), or "" for any other URL.
std::string PathOfFileUrl(std::string_view url);
// A URL as cmark writes it into href and src: bytes outside the URL-safe set percent-encoded, and in
// HTML mode '&' and '\'' written as entities (for an attribute value).
void AppendUrlEncoded(std::string& out, std::string_view url, bool forHtmlAttribute);
std::string UrlEncoded(std::string_view url);
// "file:///a%20b/dir/" for the absolute directory path "/a b/dir".
std::string FileUrlOfDirectory(std::string_view absolutePath);

} // namespace aw
