// Small text helpers: slugs, word counts and reading time, whitespace and ASCII case.
#include "text_util.h"

#include <cctype>

namespace aw {

std::string Slugify(std::string_view text) {
    std::string slug;
    bool pendingDash = false;
    for (char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            if (pendingDash && !slug.empty()) slug += '-';
            pendingDash = false;
            slug += static_cast<char>(std::tolower(c));
        } else if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '/') {
            pendingDash = true;
        }
        // Other punctuation and non-ASCII bytes are dropped.
    }
    return slug;
}

int CountWords(std::string_view text) {
    int words = 0;
    bool inWord = false;
    for (char ch : text) {
        const bool space = ch == ' ' || (ch <= '\r' && ch >= '\t');   // space, \t \n \v \f \r
        words += !space && !inWord;
        inWord = !space;
    }
    return words;
}

int ReadingMinutes(int words) {
    if (words <= 0) return 0;
    return (words + 229) / 230;
}

std::string CollapseWhitespace(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string ToUpperAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string ToLowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace aw
