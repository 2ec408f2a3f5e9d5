// Small text helpers: UTF-8 validation and decoding, slugs, word counts, URL safety and HTML escaping.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace aw {

// Returns the byte offset of the first invalid UTF-8 sequence, or -1 when `text` is valid.
long FindInvalidUtf8(std::string_view text);
// Decodes one code point at `i`, advancing it; invalid bytes decode to U+FFFD and advance by one.
uint32_t DecodeUtf8(std::string_view text, size_t& i);
void AppendUtf8(std::string& out, uint32_t codepoint);
// 1-based line number of a byte offset.
int LineOfOffset(std::string_view text, size_t offset);

// GitHub-style anchor slug: lower-case ASCII letters and digits, spaces and dashes to '-'.
std::string Slugify(std::string_view text);

// Words split on ASCII white space. A WordCounter counts over pieces of one text, so a word whose pieces
// differ in style (`**to**fu`) counts once; Break() ends the current word (a block's end, a line break).
class WordCounter {
public:
    void Add(std::string_view piece);
    void Break() { inWord_ = false; }
    long words() const { return words_; }
private:
    long words_ = 0;
    bool inWord_ = false;
};
int CountWords(std::string_view text);
int ReadingMinutes(int words);   // at 230 words per minute, at least 1 for non-empty text

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

// Escapes & < > and " (text and double-quoted attribute values), as cmark does.
void AppendHtmlEscaped(std::string& out, std::string_view text);
std::string HtmlEscape(std::string_view text);

std::string CollapseWhitespace(std::string_view text);
std::string ToLowerAscii(std::string_view text);
std::string ToUpperAscii(std::string_view text);

} // namespace aw
