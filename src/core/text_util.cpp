// Small text helpers: slugs, word counts and reading time, whitespace and ASCII case.
#include "text_util.h"

#include <cctype>

#include "script.h"

namespace aw {

std::string Slugify(std::string_view text) {
    std::string slug;
    for (size_t i = 0; i < text.size();) {
        const uint32_t cp = DecodeUtf8(text, i);
        if (cp == ' ' || cp == '-') slug += '-';
        else if (cp == 0x0130) slug += "i\xCC\x87";   // 'İ' lowercases to 'i' and a combining dot above
        else if (IsWordCharacter(cp)) AppendUtf8(slug, LowercaseOf(cp));
    }
    return slug;
}

std::string SlugRegistry::Claim(const std::string& slug) {
    std::string claimed = slug;
    while (occurrences_.count(claimed)) claimed = slug + "-" + std::to_string(++occurrences_[slug]);
    occurrences_.emplace(claimed, 0);
    return claimed;
}

void WordCounter::Add(std::string_view piece) {
    for (char ch : piece) {
        const bool space = ch == ' ' || (ch <= '\r' && ch >= '\t');   // space, \t \n \v \f \r
        words_ += !space && !inWord_;
        inWord_ = !space;
    }
}

int CountWords(std::string_view text) {
    WordCounter counter;
    counter.Add(text);
    return static_cast<int>(counter.words());
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
