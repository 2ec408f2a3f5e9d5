// Unit tests for core/strings: the widget's own words in the article's language (config lang), the config's
// `strings` over them, plural forms, and the same words in the HTML, the mirror and the laid-out canvas.
#include <doctest/doctest.h>

#include <string>

#include "core/article_layout.h"
#include "core/config.h"
#include "core/html_render.h"
#include "core/mirror_state.h"
#include "core/strings.h"
#include "test_support.h"

using namespace aw;

namespace {

// An Arabic article: a title, a timeline of three stages and an FAQ of two questions.
const char* const kArabicArticle =
    "# \xD9\x85\xD9\x82\xD8\xA7\xD9\x84\n\n"                                     // # مقال
    "<!-- article-widget:timeline -->\n"
    "- **\xD8\xA3\xD9\x88\xD9\x84**: \xD9\x86\xD8\xB5\n"                          // - **أول**: نص
    "- **\xD8\xAB\xD8\xA7\xD9\x86**: \xD9\x86\xD8\xB5\n"                          // - **ثان**: نص
    "- **\xD8\xAB\xD8\xA7\xD9\x84\xD8\xAB**: \xD9\x86\xD8\xB5\n\n"                 // - **ثالث**: نص
    "## FAQ\n\n### \xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F\n\n\xD9\x84\xD8\xA3\xD9\x86.\n\n"   // ### لماذا؟ / لأن.
    "### \xD9\x83\xD9\x8A\xD9\x81\xD8\x9F\n\n\xD9\x87\xD9\x83\xD8\xB0\xD8\xA7.\n";                      // ### كيف؟ / هكذا.

// The Arabic defaults, written out here rather than read from the table.
const std::string kArMinuteOne = "\xD8\xAF\xD9\x82\xD9\x8A\xD9\x82\xD8\xA9 \xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF\xD8\xA9 \xD9\x84\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9";   // دقيقة واحدة للقراءة
const std::string kArFilter = "\xD8\xAA\xD8\xB5\xD9\x81\xD9\x8A\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xA6\xD9\x84\xD8\xA9";   // تصفية الأسئلة
const std::string kArExpand = "\xD8\xAA\xD9\x88\xD8\xB3\xD9\x8A\xD8\xB9 \xD8\xA7\xD9\x84\xD9\x83\xD9\x84";                         // توسيع الكل
const std::string kArPreviousStage = "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAD\xD9\x84\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82\xD8\xA9";   // المرحلة السابقة
const std::string kArStage1Of3 = "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAD\xD9\x84\xD8\xA9 1 \xD9\x85\xD9\x86 3";                 // المرحلة 1 من 3
const std::string kArPrevious = "\xE2\x80\xB9 \xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82";                                // ‹ السابق

std::string TextOf(const TextBox& box) {
    std::string text;
    for (const TextSpan& span : box.spans) text += span.text;
    return text;
}

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

ArticleLayout LaidOut(const Article& article, const FakeMeasurer& measure) {
    return LayoutArticle(article, BuildFlow(article.doc), ColumnSpec{1000.0f, 680.0f, true}, FakeLayoutFonts(measure));
}

std::string ConfigErrorOf(const std::string& json) {
    Config config;
    ConfigReport report;
    return ParseConfig(json, config, report) ? "" : report.describe();
}

} // namespace

TEST_CASE("strings: an Arabic article's HTML, mirror and laid-out canvas speak Arabic") {
    const auto article = Load(kArabicArticle, R"({"lang": "ar"})");
    const Document& doc = article->doc;
    REQUIRE(doc.timeline.stages.size() == 3);
    REQUIRE(doc.faq.entries.size() == 2);

    const std::string html = RenderHtml(doc, HtmlOptionsFor(*article, true));
    CHECK(html.rfind("<article class=\"aw-article\" lang=\"ar\" dir=\"rtl\">\n", 0) == 0);
    CHECK(Contains(html, "<p class=\"aw-meta\">" + kArMinuteOne + " \xC2\xB7 "));
    CHECK(Contains(html, kArFilter));
    CHECK(Contains(html, kArExpand));
    CHECK(Contains(html, kArPreviousStage));
    for (const char* english : {"min read", "words", "Filter questions", "Expand all", "Collapse all", "Previous stage", "Next stage", "Timeline"})
        CHECK_MESSAGE(!Contains(html, english), english);

    WidgetState state;
    state.faqFilter = "zzz";
    CHECK(FilterStatus(doc, state.faqFilter) == "\xD9\x84\xD8\xA7 \xD8\xAA\xD9\x88\xD8\xAC\xD8\xAF \xD8\xA3\xD8\xB3\xD8\xA6\xD9\x84\xD8\xA9 "
                                                "\xD8\xAA\xD8\xB7\xD8\xA7\xD8\xA8\xD9\x82 \xC2\xABzzz\xC2\xBB.");   // لا توجد أسئلة تطابق «zzz».

    FakeMeasurer measure;
    const ArticleLayout layout = LaidOut(*article, measure);
    CHECK(TextOf(layout.meta).rfind(kArMinuteOne, 0) == 0);
    REQUIRE(layout.timeline.cards.size() == 3);
    CHECK(TextOf(layout.timeline.cards[0].step) == kArStage1Of3);
    CHECK(TextOf(layout.timeline.previous.label) == kArPrevious);
    CHECK(TextOf(layout.faq.placeholder) == kArFilter);
    CHECK(TextOf(layout.faq.expandAll.label) == kArExpand);
}

TEST_CASE("strings: without lang the widget speaks the language the article's letters tell, and a region or unknown language falls back sensibly") {
    FakeMeasurer measure;
    const auto arabic = Load(kArabicArticle);   // no config, no page: the letters are Arabic
    CHECK(arabic->doc.lang == "ar");
    CHECK(TextOf(LaidOut(*arabic, measure).timeline.cards[0].step) == kArStage1Of3);
    const auto english = Load("# Tea\n\n<!-- article-widget:timeline -->\n- **One**: a\n- **Two**: b\n");
    CHECK(english->doc.lang == "");
    CHECK(TextOf(LaidOut(*english, measure).timeline.cards[0].step) == "STAGE 1 OF 2");
    CHECK(WidgetStrings::For("ar-EG")[UiText::FilterQuestions] == kArFilter);
    CHECK(WidgetStrings::For("AR")[UiText::FilterQuestions] == kArFilter);
    CHECK(WidgetStrings::For("sw")[UiText::FilterQuestions] == "Filter questions");
    CHECK(WidgetStrings::For("sw").Counted(UiText::Words, 1) == "{n} word");   // English plural rules with English words
}

TEST_CASE("strings: the article's language is the config's, else the page's when the article is written in its letters, else its letters'") {
    CHECK(ArticleLanguage("fr", "de", WritingSystem::Arabic) == "fr");            // the config's, whatever the letters
    CHECK(ArticleLanguage("", "de-AT", WritingSystem::Latin) == "de-AT");        // the page's: German is written in Latin
    CHECK(ArticleLanguage("", "en", WritingSystem::Arabic) == "ar");             // an Arabic article on an English page
    CHECK(ArticleLanguage("", "fa", WritingSystem::Arabic) == "fa");             // a Persian one on a Persian page
    CHECK(ArticleLanguage("", "he", WritingSystem::Latin) == "");                // an English one on a Hebrew page: unknown
    CHECK(ArticleLanguage("", "ja", WritingSystem::Han) == "ja");                // kanji on a Japanese page
    CHECK(ArticleLanguage("", "", WritingSystem::Kana) == "ja");
    CHECK(ArticleLanguage("", "", WritingSystem::Han) == "zh");
    CHECK(ArticleLanguage("", "ko", WritingSystem::Hangul) == "ko");
    CHECK(ArticleLanguage("", "ru", WritingSystem::Cyrillic) == "ru");
    CHECK(ArticleLanguage("", "en", WritingSystem::Cyrillic) == "");
    CHECK(ArticleLanguage("", "ar", WritingSystem::None) == "ar");               // no letters: the page's
    CHECK(ArticleLanguage("", "", WritingSystem::Latin) == "");

    CHECK(WritingSystemOf('a') == WritingSystem::Latin);
    CHECK(WritingSystemOf(0x00E9) == WritingSystem::Latin);    // é
    CHECK(WritingSystemOf('7') == WritingSystem::None);
    CHECK(WritingSystemOf(0x0301) == WritingSystem::None);     // a combining accent
    CHECK(WritingSystemOf(0x0645) == WritingSystem::Arabic);   // م
    CHECK(WritingSystemOf(0x05E8) == WritingSystem::Hebrew);   // ר
    CHECK(WritingSystemOf(0x3042) == WritingSystem::Kana);     // あ
    CHECK(WritingSystemOf(0x65E5) == WritingSystem::Han);      // 日
    CHECK(WritingSystemOf(0xD55C) == WritingSystem::Hangul);   // 한
    CHECK(WritingSystemOf(0x0436) == WritingSystem::Cyrillic); // ж
    CHECK(WritingSystemOf(0x0E01) == WritingSystem::Other);    // ก
}

TEST_CASE("strings: a page's language is used for an article in its letters; the article's letters decide otherwise") {
    const auto loadIn = [](const std::string& markdown, const std::string& hostLang) {
        LoadOptions options;
        options.hostLang = hostLang;
        LoadOutcome out = LoadArticle(markdown, "", options);
        REQUIRE(out.article);
        return out.article;
    };
    const auto arabicOnEnglish = loadIn(kArabicArticle, "en");
    CHECK(arabicOnEnglish->doc.lang == "ar");
    CHECK(arabicOnEnglish->doc.rtl);
    CHECK(arabicOnEnglish->doc.strings[UiText::FilterQuestions] == kArFilter);
    CHECK(RenderHtml(arabicOnEnglish->doc, HtmlOptionsFor(*arabicOnEnglish, true)).rfind("<article class=\"aw-article\" lang=\"ar\"", 0) == 0);

    const auto englishOnGerman = loadIn("# Tea\n\nA cup of tea.\n", "de");
    CHECK(englishOnGerman->doc.lang == "de");   // a Latin article on a German page: the page's language
    CHECK(englishOnGerman->doc.strings[UiText::FilterQuestions] == "Fragen filtern");
    CHECK_FALSE(englishOnGerman->doc.rtl);

    const auto englishOnJapanese = loadIn("# Tea\n\nA cup of tea.\n", "ja");
    CHECK(englishOnJapanese->doc.lang == "");
    CHECK(englishOnJapanese->doc.strings[UiText::FilterQuestions] == "Filter questions");
    CHECK(RenderHtml(englishOnJapanese->doc, HtmlOptionsFor(*englishOnJapanese, true)).rfind("<article class=\"aw-article\" dir=\"ltr\">", 0) == 0);

    // Japanese that opens with Latin letters is still Japanese: most of its first letters are kana and kanji.
    const auto japanese = loadIn("# AI \xE3\x81\xA8\xE8\xB2\xAC\xE4\xBB\xBB\n\n\xE3\x81\x93\xE3\x82\x8C\xE3\x81\xAF\xE8\xA8\x98\xE4\xBA\x8B\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82\n", "en");   // # AI と責任 / これは記事です。
    CHECK(japanese->doc.lang == "ja");
    // Chinese: Han alone.
    const auto chinese = loadIn("# \xE6\x97\xB6\xE9\x97\xB4\xE7\xBA\xBF\n\n\xE8\xBF\x99\xE6\x98\xAF\xE6\x96\x87\xE7\xAB\xA0\xE3\x80\x82\n", "");   // # 时间线 / 这是文章。
    CHECK(chinese->doc.lang == "zh");
}

TEST_CASE("strings: the config's strings win over the language's defaults, plural forms included") {
    const auto article = Load(kArabicArticle, R"({"lang": "ar", "strings": {"filterQuestions": "Search", "stageOf": "{n}/{count}"}})");
    const std::string html = RenderHtml(article->doc, HtmlOptionsFor(*article, true));
    CHECK(Contains(html, "<label>Search <input"));
    CHECK(!Contains(html, kArFilter));
    CHECK(Contains(html, kArExpand));   // what the config does not name keeps the language's default
    FakeMeasurer measure;
    const ArticleLayout layout = LaidOut(*article, measure);
    CHECK(TextOf(layout.faq.placeholder) == "Search");
    CHECK(TextOf(layout.timeline.cards[2].step) == "3/3");

    // A string is text, never markup: the HTML escapes it.
    const auto marked = Load(kArabicArticle, R"({"strings": {"expandAll": "<b>&", "backToReference": "\"{n}\""}})");
    const std::string escaped = RenderHtml(marked->doc, HtmlOptionsFor(*marked, true));
    CHECK(Contains(escaped, ">&lt;b&gt;&amp;</button>"));
    CHECK(!Contains(escaped, "<b>&"));

    // A plain string given anew drops the default's plural forms; forms given with it are used.
    const WidgetStrings plain = WidgetStrings::For("en", {{"words", "{n} mots"}});
    CHECK(ReadingMeta(plain, 1, 1) == "1 min read \xC2\xB7 1 mots");
    const WidgetStrings forms = WidgetStrings::For("de", {{"words", "{n} Worte"}, {"words_one", "ein Wort"}});
    CHECK(ReadingMeta(forms, 3, 1) == "3 Min. Lesezeit \xC2\xB7 ein Wort");
    CHECK(ReadingMeta(forms, 3, 1234) == "3 Min. Lesezeit \xC2\xB7 1.234 Worte");
    // A filter that looks like a placeholder is shown as typed.
    CHECK(FaqFilterStatus(WidgetStrings(), "{n}", 0) == "No questions match \xE2\x80\x9C{n}\xE2\x80\x9D.");
}

TEST_CASE("strings: a bad lang or strings key is refused with a one-line error naming its path") {
    CHECK(ConfigErrorOf(R"({"strings": {"fliterQuestions": "x"}})").rfind("config /strings/fliterQuestions: unknown string name (known: ", 0) == 0);
    CHECK(ConfigErrorOf(R"({"strings": {"words_several": "x"}})").rfind("config /strings/words_several: unknown string name", 0) == 0);
    CHECK(ConfigErrorOf(R"({"strings": {"expandAll": 3}})") == "config /strings/expandAll: expected a string, got integer");
    CHECK(ConfigErrorOf(R"({"strings": {"words_one": null}})") == "config /strings/words_one: expected a string, got null");
    CHECK(ConfigErrorOf(R"({"strings": ["Expand all"]})") == "config /strings: expected an object, got array");
    CHECK(ConfigErrorOf(R"({"lang": "arabic!"})") == "config /lang: expected a language tag like \"ar\" or \"pt-BR\", got \"arabic!\"");
    CHECK(ConfigErrorOf(R"({"lang": 7})") == "config /lang: expected a string, got integer");
    for (const char* ok : {R"({"lang": "he"})", R"({"lang": ""})", R"({"lang": "zh-Hant-TW"})", R"({"strings": {"words_few": "{n} x", "next": "y"}})"})
        CHECK_MESSAGE(ConfigErrorOf(ok) == "", ok);
    CHECK(ConfigErrorOf(std::string(R"({"strings": {"next": ")") + std::string(201, 'x') + "\"}}") == "config /strings/next: must be at most 200 characters");
    // A refused config loads nothing: the load fails with that line.
    CHECK(LoadArticle("# T\n", R"({"strings": {"nope": "x"}})", LoadOptions{}).article == nullptr);
}

TEST_CASE("strings: every language with defaults translates every string") {
    const WidgetStrings english;
    for (std::string_view lang : kDefaultLanguages) {
        const WidgetStrings strings = WidgetStrings::For(lang);
        for (size_t i = 0; i < static_cast<size_t>(UiText::Count); ++i) {
            const UiText text = static_cast<UiText>(i);
            CAPTURE(lang);
            CAPTURE(i);
            CHECK(!strings[text].empty());
            // A name misspelt in the table would leave the English text in place.
            if (lang != "en" && text != UiText::ThousandsSeparator) CHECK(strings[text] != english[text]);
        }
    }
}

TEST_CASE("strings: plural forms follow CLDR's rules for the article's language") {
    CHECK(PluralFormOf("en", 1) == PluralForm::One);
    CHECK(PluralFormOf("en", 0) == PluralForm::Other);
    CHECK(PluralFormOf("fr", 0) == PluralForm::One);
    CHECK(PluralFormOf("ja", 1) == PluralForm::Other);
    CHECK(PluralFormOf("he", 2) == PluralForm::Two);
    CHECK(PluralFormOf("ru", 21) == PluralForm::One);
    CHECK(PluralFormOf("ru", 12) == PluralForm::Many);
    CHECK(PluralFormOf("pl", 22) == PluralForm::Few);
    const PluralForm arabic[] = {PluralFormOf("ar", 0), PluralFormOf("ar", 1), PluralFormOf("ar", 2), PluralFormOf("ar", 5),
                                 PluralFormOf("ar", 11), PluralFormOf("ar", 100), PluralFormOf("ar", 103)};
    const PluralForm expected[] = {PluralForm::Zero, PluralForm::One, PluralForm::Two, PluralForm::Few, PluralForm::Many, PluralForm::Other,
                                   PluralForm::Few};
    for (size_t i = 0; i < std::size(arabic); ++i) CHECK_MESSAGE(arabic[i] == expected[i], i);

    const WidgetStrings ar = WidgetStrings::For("ar");
    CHECK(ReadingMeta(ar, 2, 2) == "\xD8\xAF\xD9\x82\xD9\x8A\xD9\x82\xD8\xAA\xD8\xA7\xD9\x86 \xD9\x84\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9 \xC2\xB7 "
                                   "\xD9\x83\xD9\x84\xD9\x85\xD8\xAA\xD8\xA7\xD9\x86");   // دقيقتان للقراءة · كلمتان
    CHECK(ReadingMeta(WidgetStrings(), 5, 1234) == "5 min read \xC2\xB7 1,234 words");
    CHECK(ReadingMeta(WidgetStrings(), 1, 1) == "1 min read \xC2\xB7 1 word");
}
