// Unit tests for core/script (Unicode facts: direction, shaping, CJK breaks, emoji sequences) and
// core/fallback_shaping (Arabic joining and visual order where no shaping engine is).
#include <doctest/doctest.h>

#include <string>

#include "core/fallback_shaping.h"
#include "core/script.h"

using namespace aw;

TEST_CASE("scripts: reading direction, shaping and line-break classes of characters from each script") {
    CHECK(BidiTypeOf('A') == BidiType::Ltr);
    CHECK(BidiTypeOf(0x03B1) == BidiType::Ltr);   // α
    CHECK(BidiTypeOf(0x0416) == BidiType::Ltr);   // Ж
    CHECK(BidiTypeOf(0x65E5) == BidiType::Ltr);   // 日
    CHECK(BidiTypeOf(0x05D0) == BidiType::Rtl);   // א
    CHECK(BidiTypeOf(0x0639) == BidiType::Rtl);   // ع
    CHECK(BidiTypeOf('7') == BidiType::Digit);
    CHECK(BidiTypeOf(0x0663) == BidiType::Digit); // Arabic-Indic three
    for (uint32_t cp : {0x20u, 0x2Cu, 0x2014u, 0x3001u, 0x1F600u}) CHECK_MESSAGE(BidiTypeOf(cp) == BidiType::Neutral, cp);

    for (uint32_t cp : {0x05D0u, 0x0639u, 0x0915u, 0x0E01u, 0x1780u}) CHECK_MESSAGE(NeedsShaping(cp), cp);   // א ع क ก ក
    for (uint32_t cp : {0x41u, 0x03B1u, 0x0416u, 0x65E5u, 0x3042u}) CHECK_MESSAGE(!NeedsShaping(cp), cp);
    for (uint32_t cp : {0x65E5u, 0x3042u, 0x30A2u, 0xD55Cu, 0xFF21u, 0x20000u}) CHECK_MESSAGE(IsIdeographic(cp), cp);
    for (uint32_t cp : {0x41u, 0x03B1u, 0x05D0u}) CHECK_MESSAGE(!IsIdeographic(cp), cp);
    CHECK(IsNoBreakBefore(0x3002));   // 。
    CHECK(IsNoBreakBefore(0x300D));   // 」
    CHECK(IsNoBreakBefore(0x3063));   // っ
    CHECK(IsNoBreakAfter(0x300C));    // 「
    CHECK_FALSE(IsNoBreakBefore(0x65E5));
    CHECK(MirroredCodepoint('(') == ')');
    CHECK(MirroredCodepoint(0x00BB) == 0x00AB);
    CHECK(MirroredCodepoint('a') == 'a');
}

TEST_CASE("scripts: word characters and lowercase of the cased scripts, for anchors") {
    // Letters, marks and digits of Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Tamil, Thai,
    // Hangul, kana and CJK, '_' and ZWNJ; not punctuation, symbols, spaces or emoji.
    for (uint32_t cp : {0x61u, 0x5Au, 0x35u, 0x5Fu, 0xE9u, 0x0149u, 0x01C4u, 0x03B1u, 0x0416u, 0x0540u, 0x05D0u, 0x05B8u, 0x0639u,
                        0x064Eu, 0x0663u, 0x0915u, 0x094Du, 0x0BA4u, 0x0E01u, 0x0E34u, 0xD55Cu, 0x3042u, 0x30A2u, 0x65E5u,
                        0x20000u, 0x200Cu})
        CHECK_MESSAGE(IsWordCharacter(cp), cp);
    for (uint32_t cp : {0x20u, 0x2Du, 0x21u, 0x27u, 0x2019u, 0x20ACu, 0xB2u, 0x061Fu, 0x3001u, 0x30FBu, 0xFF1Au, 0x1F600u, 0x1F389u})
        CHECK_MESSAGE(!IsWordCharacter(cp), cp);
    const std::pair<uint32_t, uint32_t> lower[] = {
        {'A', 'a'}, {'z', 'z'}, {0xC9, 0xE9}, {0x0100, 0x0101}, {0x0101, 0x0101}, {0x0178, 0xFF}, {0x01C4, 0x01C6}, {0x01C5, 0x01C6},
        {0x0391, 0x03B1}, {0x0386, 0x03AC}, {0x03A3, 0x03C3}, {0x0401, 0x0451}, {0x0416, 0x0436}, {0x0460, 0x0461},
        {0x0540, 0x0570}, {0x1E9E, 0xDF}, {0xFF21, 0xFF41}, {0x05D0, 0x05D0}, {0x65E5, 0x65E5}, {'1', '1'},
    };
    for (const auto& [upper, expected] : lower) CHECK_MESSAGE(LowercaseOf(upper) == expected, upper);
}

TEST_CASE("scripts: emoji sequences are found whole, and text-style symbols are not emoji") {
    auto end = [](const std::string& s) { return EmojiSequenceEnd(s, 0); };
    CHECK(end("\xF0\x9F\x98\x80 x") == 4);                                        // 😀
    CHECK(end("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!") == 8);                          // 👍🏽
    CHECK(end("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB") == 11);              // 👩‍💻
    CHECK(end("\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xAF") == 8);           // 🇯🇵 then a lone indicator
    CHECK(end("1\xEF\xB8\x8F\xE2\x83\xA3") == 7);                                   // 1️⃣
    CHECK(end("\xE2\x9D\xA4\xEF\xB8\x8F") == 6);                                   // ❤️
    CHECK(end("\xE2\x9D\xA4 heart") == 0);                                          // ❤ alone is text
    CHECK(end("\xE2\x9C\x93") == 0);                                                // ✓
    CHECK(end("1 and") == 0);
    CHECK(end("\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF") == 28);   // 🏴 + tags
}

TEST_CASE("fallback shaping: Arabic letters take the form their neighbours call for, lam-alef joins") {
    // سلام: seen initial, lam medial, alef final (it does not join the next), meem isolated.
    CHECK(JoinArabic(U"\u0633\u0644\u0627\u0645") == std::u32string{0xFEB3, 0xFEFC, 0xFEE1});   // س + لا (final) + م
    CHECK(JoinArabic(U"\u0628\u0628\u0628") == std::u32string{0xFE91, 0xFE92, 0xFE90});          // ببب: initial, medial, final
    CHECK(JoinArabic(U"\u062F\u0628") == std::u32string{0xFEA9, 0xFE8F});                        // دب: dal does not join left
    CHECK(JoinArabic(U"\u0628\u064E\u062A") == std::u32string{0xFE91, 0x064E, 0xFE96});          // a haraka is transparent
    CHECK(JoinArabic(U"\u0644\u0627") == std::u32string{0xFEFB});                                // لا
    CHECK(JoinArabic(U"\u0628\u0621") == std::u32string{0xFE8F, 0xFE80});                        // hamza joins nothing
    CHECK(JoinArabic(U"abc") == U"abc");
}

TEST_CASE("fallback shaping: right-to-left runs in visual order, with marks, digits and brackets as a reader expects") {
    CHECK(VisualCodepoints("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", true) == U"\u05DD\u05D5\u05DC\u05E9");          // שלום
    CHECK(VisualCodepoints("(\xD7\x90)", true) == U"(\u05D0)");                                                   // brackets mirrored
    CHECK(VisualCodepoints("\xD7\x90 2024 \xD7\x91", true) == U"\u05D1 2024 \u05D0");                            // the number reads left to right
    CHECK(VisualCodepoints("\xD7\xA9\xD6\xB8\xD7\x9C", true) == U"\u05DC\u05B8\u05E9");                          // a point goes before its letter
    CHECK(VisualCodepoints("abc", false) == U"abc");
    CHECK(VisualCodepoints("\xE2\x9D\xA4\xEF\xB8\x8F", false) == std::u32string{0x2764 + kEmojiFormOffset, 0xFE0F});   // ❤️ asks for emoji
    CHECK(VisualCodepoints("\xF0\x9F\x98\x80\xEF\xB8\x8F", false) == U"\U0001F600\uFE0F");                        // already emoji
}
