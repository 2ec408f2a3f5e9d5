// Small text helpers: slugs, word counts and reading time, whitespace and ASCII case. UTF-8, URLs and HTML
// escaping have their own headers (utf8.h, url.h, html_escape.h).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

#include "utf8.h"   // text_layout.cpp still decodes UTF-8 through this header

namespace aw {

// GitHub's heading anchor: the text lowercased, every character but letters, marks, digits, '_', '-' and
// spaces dropped (punctuation, symbols, emoji), each space turned into '-' ("Café au lait" -> "café-au-lait",
// "What's new? (2024)" -> "whats-new-2024", "日本語の見出し" unchanged). May be "" (a heading of emoji only).
std::string Slugify(std::string_view text);

// GitHub's de-duplication of anchors: the first "x" stays "x", the next ones become "x-1", "x-2", ...,
// skipping any already taken (so a heading literally called "x-1" is never shadowed).
class SlugRegistry {
public:
    std::string Claim(const std::string& slug);
private:
    std::unordered_map<std::string, int> occurrences_;
};

// Words split on ASCII white space. A WordCounter counts over pieces of one text, so a word whose pieces
// differ in style (`**to**fu`) counts once; Break() ends the current word (a block's end, a line break).
// Chinese and Japanese are written without spaces: each ideograph or kana letter counts as a word (as word
// processors count East Asian text), and is read more slowly per character than a word of English (see
// ReadingMinutes). Korean, written with spaces, counts by words. A run of Thai, Lao, Khmer or Myanmar, which need a
// dictionary to find their words, still counts as one word.
class WordCounter {
public:
    void Add(std::string_view piece);
    void Break() { at_ = At::Space; }
    long words() const { return words_ + eastAsian_; }        // every word, East Asian characters included
    long eastAsianCharacters() const { return eastAsian_; }
private:
    enum class At { Space, Word, EastAsian };   // after white space, in a word, after an East Asian letter
    long words_ = 0, eastAsian_ = 0;
    At at_ = At::Space;
};
int CountWords(std::string_view text);
// At 230 words a minute, and 500 East Asian characters a minute (of the `words`, `eastAsianCharacters` are such);
// at least 1 for non-empty text.
int ReadingMinutes(int words, int eastAsianCharacters = 0);

std::string CollapseWhitespace(std::string_view text);
std::string ToLowerAscii(std::string_view text);
std::string ToUpperAscii(std::string_view text);

} // namespace aw
