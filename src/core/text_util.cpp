// Small text helpers: slugs, word counts and reading time, whitespace and ASCII case.
#include "text_util.h"

#include <algorithm>
#include <cctype>
#include <cmath>

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

// A letter of Chinese or Japanese (an ideograph or kana; not Hangul, not fullwidth punctuation): a word of its own.
static bool IsEastAsianWord(uint32_t cp) {
    const bool hangul = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
                        (cp >= 0xAC00 && cp <= 0xD7FF);
    return cp >= 0x2E80 && !hangul && IsIdeographic(cp) && IsWordCharacter(cp);
}

void WordCounter::Add(std::string_view piece) {
    for (size_t i = 0; i < piece.size();) {
        const unsigned char ch = static_cast<unsigned char>(piece[i]);
        const uint32_t cp = ch < 0x80 ? piece[i++] : DecodeUtf8(piece, i);
        if (cp == ' ' || (cp <= '\r' && cp >= '\t')) {   // space, \t \n \v \f \r
            at_ = At::Space;
        } else if (IsEastAsianWord(cp)) {
            ++eastAsian_;
            at_ = At::EastAsian;
        } else if (at_ == At::Space || (at_ == At::EastAsian && (cp < 0x80 ? std::isalnum(ch) != 0 : IsWordCharacter(cp)))) {
            ++words_;   // a word begins (punctuation after an ideograph belongs to it)
            at_ = At::Word;
        }
    }
}

int CountWords(std::string_view text) {
    WordCounter counter;
    counter.Add(text);
    return static_cast<int>(counter.words());
}

int ReadingMinutes(int words, int eastAsianCharacters) {
    if (words <= 0) return 0;
    eastAsianCharacters = std::min(std::max(eastAsianCharacters, 0), words);
    const double minutes = (words - eastAsianCharacters) / 230.0 + eastAsianCharacters / 500.0;
    return std::max(1, static_cast<int>(std::ceil(minutes - 1e-9)));
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
