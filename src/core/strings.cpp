// The words the widget shows that are made from the article (see strings.h).
#include "strings.h"

#include <algorithm>

#include "text_util.h"

namespace aw {

static std::string ThousandsSeparated(int n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string ReadingMeta(int readingMinutes, int wordCount) {
    return std::to_string(std::max(1, readingMinutes)) + " min read \xC2\xB7 " + ThousandsSeparated(wordCount) + " words";
}

std::string TimelineName(const std::string& label) { return label.empty() ? std::string("Timeline") : "Timeline: " + label; }

std::string TimelineEyebrow(const std::string& label) { return label.empty() ? std::string("TIMELINE") : ToUpperAscii(label); }

std::string StageOfCount(int stage, int count) { return "STAGE " + std::to_string(stage + 1) + " OF " + std::to_string(count); }

std::string FaqFilterStatus(const std::string& filter, int shown) {
    if (filter.empty()) return "";
    if (shown == 0) return "No questions match \xE2\x80\x9C" + filter + "\xE2\x80\x9D.";
    return std::to_string(shown) + (shown == 1 ? " question shown" : " questions shown");
}

} // namespace aw
