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

int CountWords(std::string_view text);
int ReadingMinutes(int words);   // at 230 words per minute, at least 1 for non-empty text

// Link safety: only http, https, mailto, and in-article "#anchor" targets are followable.
enum class LinkTarget { External, Anchor, Blocked };
LinkTarget ClassifyLink(std::string_view href);
const char* BlockedLinkReason(std::string_view href);  // why a link is blocked, for logs

void AppendHtmlEscaped(std::string& out, std::string_view text);
std::string HtmlEscape(std::string_view text);

std::string CollapseWhitespace(std::string_view text);
std::string ToLowerAscii(std::string_view text);
std::string ToUpperAscii(std::string_view text);

} // namespace aw
