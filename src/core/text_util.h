// Small text helpers: slugs, word counts and reading time, whitespace and ASCII case. UTF-8, URLs and HTML
// escaping have their own headers (utf8.h, url.h, html_escape.h).
#pragma once
#include <string>
#include <string_view>

#include "utf8.h"   // text_layout.cpp still decodes UTF-8 through this header

namespace aw {

// GitHub-style anchor slug: lower-case ASCII letters and digits, spaces and dashes to '-'.
std::string Slugify(std::string_view text);

int CountWords(std::string_view text);
int ReadingMinutes(int words);   // at 230 words per minute, at least 1 for non-empty text

std::string CollapseWhitespace(std::string_view text);
std::string ToLowerAscii(std::string_view text);
std::string ToUpperAscii(std::string_view text);

} // namespace aw
