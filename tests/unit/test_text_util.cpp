// Unit tests for core/text_util: UTF-8 validation and decoding, slugs, word counts, reading time, link safety, escaping.
#include <doctest/doctest.h>

#include <string>

#include "core/html_escape.h"
#include "core/text_util.h"
#include "core/url.h"
#include "core/utf8.h"

using namespace aw;

TEST_CASE("utf8: valid text has no invalid offset") {
    CHECK(FindInvalidUtf8("") == -1);
    CHECK(FindInvalidUtf8("plain ascii") == -1);
    CHECK(FindInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC") == -1);          // é, €
    CHECK(FindInvalidUtf8("smile \xF0\x9F\x98\x80!") == -1);            // U+1F600, 4 bytes
    CHECK(FindInvalidUtf8("\xF4\x8F\xBF\xBF") == -1);                   // U+10FFFF, the last code point
    CHECK(FindInvalidUtf8("\xEF\xBF\xBD") == -1);                       // U+FFFD itself
}

TEST_CASE("utf8: overlong encodings are invalid") {
    CHECK(FindInvalidUtf8("\xC0\x80") == 0);                 // overlong NUL
    CHECK(FindInvalidUtf8("\xC1\xBF") == 0);                 // overlong 0x7F
    CHECK(FindInvalidUtf8("ok\xE0\x80\x80") == 2);           // overlong 3-byte
    CHECK(FindInvalidUtf8("abc\xF0\x80\x80\x80") == 3);      // overlong 4-byte
    CHECK(FindInvalidUtf8("\xE0\x9F\xBF") == 0);             // U+07FF in 3 bytes
}

TEST_CASE("utf8: surrogates and out-of-range code points are invalid") {
    CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);             // U+D800
    CHECK(FindInvalidUtf8("x\xED\xBF\xBF") == 1);            // U+DFFF
    CHECK(FindInvalidUtf8("\xED\x9F\xBF") == -1);            // U+D7FF is fine
    CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);         // U+110000
    CHECK(FindInvalidUtf8("\xF5\x80\x80\x80") == 0);
    CHECK(FindInvalidUtf8("ab\xFF") == 2);
    CHECK(FindInvalidUtf8("\x80") == 0);                     // lone continuation byte
}

TEST_CASE("utf8: truncated sequences are invalid") {
    CHECK(FindInvalidUtf8("ab\xE2\x82") == 2);               // € missing its last byte
    CHECK(FindInvalidUtf8("\xF0\x9F\x98") == 0);
    CHECK(FindInvalidUtf8("\xC3") == 0);
    CHECK(FindInvalidUtf8("\xE2\x82x") == 0);                // continuation replaced by ASCII
    CHECK(FindInvalidUtf8("\xF0\x9F\x98\x80\xF0\x9F") == 4);
}

TEST_CASE("utf8: DecodeUtf8 and AppendUtf8 round trip") {
    const uint32_t points[] = {0x00, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                               0x10000, 0x1F600, 0x10FFFF};
    const size_t lengths[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4};
    std::string all;
    for (size_t k = 0; k < sizeof points / sizeof points[0]; ++k) {
        std::string one;
        AppendUtf8(one, points[k]);
        CAPTURE(points[k]);
        CHECK(one.size() == lengths[k]);
        size_t i = 0;
        CHECK(DecodeUtf8(one, i) == points[k]);
        CHECK(i == one.size());
        all += one;
    }
    CHECK(FindInvalidUtf8(all) == -1);
    size_t i = 0;
    for (uint32_t cp : points) CHECK(DecodeUtf8(all, i) == cp);
    CHECK(i == all.size());

    std::string euro;
    AppendUtf8(euro, 0x20AC);
    CHECK(euro == "\xE2\x82\xAC");
    std::string grin;
    AppendUtf8(grin, 0x1F600);
    CHECK(grin == "\xF0\x9F\x98\x80");
}

TEST_CASE("utf8: DecodeUtf8 turns each invalid byte into U+FFFD") {
    const std::string text = "a\xFF\xE2\x82z";
    size_t i = 0;
    CHECK(DecodeUtf8(text, i) == 'a');
    CHECK(i == 1);
    CHECK(DecodeUtf8(text, i) == 0xFFFD);
    CHECK(i == 2);
    CHECK(DecodeUtf8(text, i) == 0xFFFD);   // truncated E2 82
    CHECK(i == 3);
    CHECK(DecodeUtf8(text, i) == 0xFFFD);   // stray 82
    CHECK(i == 4);
    CHECK(DecodeUtf8(text, i) == 'z');
    CHECK(i == 5);
}

TEST_CASE("text: LineOfOffset counts newlines before the offset") {
    const std::string text = "one\ntwo\nthree";
    CHECK(LineOfOffset(text, 0) == 1);
    CHECK(LineOfOffset(text, 3) == 1);
    CHECK(LineOfOffset(text, 4) == 2);
    CHECK(LineOfOffset(text, 8) == 3);
    CHECK(LineOfOffset(text, 1000) == 3);
}

TEST_CASE("slug: Slugify follows GitHub's rule for ASCII headings") {
    CHECK(Slugify("Hello World") == "hello-world");
    CHECK(Slugify("The Arc of AI Responsibility") == "the-arc-of-ai-responsibility");
    CHECK(Slugify("OpenAI\xE2\x80\x99s Evolving Approach") == "openais-evolving-approach");
    CHECK(Slugify("What Technical Barriers Exist to Open Sourcing Large Models?") ==
          "what-technical-barriers-exist-to-open-sourcing-large-models");
    CHECK(Slugify("What's new? (2024)") == "whats-new-2024");
    CHECK(Slugify("Step 1: Do It") == "step-1-do-it");
    CHECK(Slugify("open-source") == "open-source");
    // Each space and each hyphen stays one '-', as on GitHub: nothing is collapsed or trimmed.
    CHECK(Slugify("C++ & Rust") == "c--rust");
    CHECK(Slugify("a--b") == "a--b");
    CHECK(Slugify("-dash-") == "-dash-");
    CHECK(Slugify("snake_case/path\tname") == "snake_casepathname");   // '_' is kept, '/' and tabs are not
    CHECK(Slugify("???") == "");
    CHECK(Slugify("") == "");
}

// Expected slugs are GitHub's (lowercase, keep \p{Word}, '-' and spaces, spaces to '-').
TEST_CASE("slug: Slugify keeps letters, marks and digits of every script, lowercased") {
    const std::pair<const char*, const char*> cases[] = {
        {"Caf\xC3\xA9 au lait", "caf\xC3\xA9-au-lait"},                                         // Café au lait
        {"\xC3\x9C" "ber Stra\xC3\x9F" "e", "\xC3\xBC" "ber-stra\xC3\x9F" "e"},                    // Über Straße
        {"\xC7\x84" "emal \xC5\x81\xC3\xB3" "d\xC5\xBA", "\xC7\x86" "emal-\xC5\x82\xC3\xB3" "d\xC5\xBA"},   // Ǆemal Łódź (Latin Extended-A/B)
        {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80",
         "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82-\xD0\xBC\xD0\xB8\xD1\x80"},   // Привет мир
        {"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC \xCE\x9D\xCE\xAD\xCE\xB1",
         "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC-\xCE\xBD\xCE\xAD\xCE\xB1"},   // Ελληνικά Νέα
        {"\xD5\x80\xD5\xA1\xD5\xB5\xD5\xA5\xD6\x80\xD5\xA5\xD5\xB6",
         "\xD5\xB0\xD5\xA1\xD5\xB5\xD5\xA5\xD6\x80\xD5\xA5\xD5\xB6"},                     // Հայերեն -> հայերեն
        {"\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA \xD7\x97\xD7\x93\xD7\xA9\xD7\x94!",
         "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA-\xD7\x97\xD7\x93\xD7\xA9\xD7\x94"},     // עברית חדשה!
        {"\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9"},   // العربية
        {"\xD8\xA7\xD9\x84\xD9\x81\xD8\xB5\xD9\x84 \xD9\xA3\xD8\x9F",
         "\xD8\xA7\xD9\x84\xD9\x81\xD8\xB5\xD9\x84-\xD9\xA3"},                             // الفصل ٣؟ (Arabic-Indic digit kept, ؟ dropped)
        {"\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80 \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82",
         "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80-\xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82"},   // हिन्दी में (vowel signs, virama kept)
        {"\xE0\xAE\xA4\xE0\xAE\xAE\xE0\xAE\xBF\xE0\xAE\xB4\xE0\xAF\x8D", "\xE0\xAE\xA4\xE0\xAE\xAE\xE0\xAE\xBF\xE0\xAE\xB4\xE0\xAF\x8D"},   // தமிழ்
        {"\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",
         "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2"},   // ภาษาไทย
        {"\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xEC\xA0\x9C\xEB\xAA\xA9", "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4-\xEC\xA0\x9C\xEB\xAA\xA9"},   // 한국어 제목
        {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97",
         "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97"},   // 日本語の見出し
        {"\xE3\x82\xAB\xE3\x82\xBF\xE3\x82\xAB\xE3\x83\x8A\xE3\x83\xBB\xE3\x81\xB2\xE3\x82\x89",
         "\xE3\x82\xAB\xE3\x82\xBF\xE3\x82\xAB\xE3\x83\x8A\xE3\x81\xB2\xE3\x82\x89"},     // カタカナ・ひら (・ dropped)
        {"\xE4\xB8\xAD\xE6\x96\x87\xEF\xBC\x9A\xE7\xAE\x80\xE4\xBB\x8B", "\xE4\xB8\xAD\xE6\x96\x87\xE7\xAE\x80\xE4\xBB\x8B"},   // 中文：简介
        {"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "\xEF\xBD\x81\xEF\xBD\x82\xEF\xBD\x83"},   // ＡＢＣ -> ａｂｃ
        {"\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85",
         "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85"},         // می‌خواهم (ZWNJ kept)
        {"\xC4\xB0stanbul", "i\xCC\x87stanbul"},                                                   // İstanbul
        {"\xF0\x9F\x8E\x89 Launch day \xF0\x9F\x9A\x80", "-launch-day-"},                      // 🎉 Launch day 🚀
        {"Price \xE2\x82\xAC" "5 \xC2\xB2", "price-5-"},                                            // currency and superscripts dropped
    };
    for (const auto& [heading, slug] : cases) CHECK_MESSAGE(Slugify(heading) == slug, heading);
}

TEST_CASE("slug: SlugRegistry de-duplicates as GitHub does") {
    SlugRegistry anchors;
    CHECK(anchors.Claim("intro") == "intro");
    CHECK(anchors.Claim("intro") == "intro-1");
    CHECK(anchors.Claim("intro") == "intro-2");
    CHECK(anchors.Claim("intro-1") == "intro-1-1");   // a heading "Intro 1" never takes a generated id
    CHECK(anchors.Claim("") == "");
    CHECK(anchors.Claim("") == "-1");
    CHECK(anchors.Claim("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(anchors.Claim("caf\xC3\xA9") == "caf\xC3\xA9-1");
}

TEST_CASE("words: a WordCounter counts a word given in pieces once, until a break") {
    WordCounter counter;
    counter.Add("to");
    counter.Add("fu ab");
    counter.Add("cd");
    CHECK(counter.words() == 2);
    counter.Break();
    counter.Add("ef");
    CHECK(counter.words() == 3);
    counter.Add(" ");
    counter.Add("gh");
    CHECK(counter.words() == 4);
}

TEST_CASE("words: CountWords splits on ASCII whitespace") {
    CHECK(CountWords("") == 0);
    CHECK(CountWords("   \n\t ") == 0);
    CHECK(CountWords("one") == 1);
    CHECK(CountWords("  two words  ") == 2);
    CHECK(CountWords("a\tb\nc\r\nd") == 4);
    CHECK(CountWords("R&D, co-op; don't") == 3);
    CHECK(CountWords("caf\xC3\xA9 \xE2\x80\x93 bar") == 3);
}

TEST_CASE("words: Chinese and Japanese count a word per ideograph or kana, punctuation not; Korean by spaces") {
    WordCounter ja;
    ja.Add("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87\xE3\x80\x82");   // 日本語の文。
    CHECK(ja.words() == 5);
    CHECK(ja.eastAsianCharacters() == 5);
    ja.Add("API\xE3\x81\xA8 HTML");   // API (a word after an ideograph's punctuation), と, HTML
    CHECK(ja.words() == 8);
    CHECK(ja.eastAsianCharacters() == 6);
    CHECK(CountWords("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xEB\xAC\xB8\xEC\x9E\xA5") == 2);   // 한국어 문장
    CHECK(CountWords("\xEF\xBC\x88\xEF\xBC\x89") == 1);   // fullwidth brackets alone: one "word", as any other symbols
}

TEST_CASE("words: ReadingMinutes reads East Asian characters at 500 a minute") {
    CHECK(ReadingMinutes(1000, 1000) == 2);
    CHECK(ReadingMinutes(1001, 1000) == 3);   // 2 minutes and a word
    CHECK(ReadingMinutes(230, 0) == 1);
    CHECK(ReadingMinutes(5, 9) == 1);         // more East Asian characters than words is read as all of them
}

TEST_CASE("words: ReadingMinutes rounds up at 230 words per minute") {
    CHECK(ReadingMinutes(0) == 0);
    CHECK(ReadingMinutes(-5) == 0);
    CHECK(ReadingMinutes(1) == 1);
    CHECK(ReadingMinutes(229) == 1);
    CHECK(ReadingMinutes(230) == 1);
    CHECK(ReadingMinutes(231) == 2);
    CHECK(ReadingMinutes(460) == 2);
    CHECK(ReadingMinutes(461) == 3);
    CHECK(ReadingMinutes(2300) == 10);
}

TEST_CASE("links: ClassifyLink allows http, https, mailto and anchors") {
    CHECK(ClassifyLink("https://example.com/a?b=c") == LinkTarget::External);
    CHECK(ClassifyLink("http://example.com") == LinkTarget::External);
    CHECK(ClassifyLink("HTTPS://EXAMPLE.COM") == LinkTarget::External);
    CHECK(ClassifyLink("mailto:someone@example.com") == LinkTarget::External);
    CHECK(ClassifyLink("#the-arc-of-ai-responsibility") == LinkTarget::Anchor);
    CHECK(ClassifyLink("  #faqs") == LinkTarget::Anchor);
}

TEST_CASE("links: ClassifyLink blocks script and unknown schemes") {
    CHECK(ClassifyLink("javascript:alert(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink("JavaScript:alert(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink("JAVASCRIPT:alert(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink(" java\tscript:alert(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink("java\nscript:alert(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink("\x01javascript:alert(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink("data:text/html;base64,PHNjcmlwdD4=") == LinkTarget::Blocked);
    CHECK(ClassifyLink("vbscript:msgbox(1)") == LinkTarget::Blocked);
    CHECK(ClassifyLink("ftp://example.com") == LinkTarget::Blocked);
    CHECK(ClassifyLink("#") == LinkTarget::Blocked);
    CHECK(ClassifyLink("foo):") == LinkTarget::Blocked);   // a ':' before any '/', '?' or '#' names a scheme
    CHECK(ClassifyLink("localhost:5001/x") == LinkTarget::Blocked);
}

TEST_CASE("links: BlockedLinkReason names the kind of problem") {
    CHECK(std::string(BlockedLinkReason("javascript:alert(1)")) == "script-capable scheme");
    CHECK(std::string(BlockedLinkReason("Data:text/html,x")) == "script-capable scheme");
    CHECK(std::string(BlockedLinkReason("vbscript:x")) == "script-capable scheme");
    CHECK(std::string(BlockedLinkReason("#")).find("anchor") != std::string::npos);
    CHECK(std::string(BlockedLinkReason("ftp://x")).find("not allowed") != std::string::npos);
}

TEST_CASE("links: relative links are followed, resolved against the article's URL") {
    CHECK(ClassifyLink("/about") == LinkTarget::Relative);
    CHECK(ClassifyLink("part-2.html") == LinkTarget::Relative);
    CHECK(ClassifyLink("../notes/a.md?x=1#y") == LinkTarget::Relative);
    CHECK(ClassifyLink("//cdn.example/x") == LinkTarget::Relative);   // scheme-relative: the base's scheme
    CHECK(ClassifyLink("") == LinkTarget::Relative);                  // the article itself, as in HTML
    const std::string base = "https://blog.example/posts/2024/article.md";
    CHECK(ResolveUrl(base, "part-2.html") == "https://blog.example/posts/2024/part-2.html");
    CHECK(ResolveUrl(base, "/about") == "https://blog.example/about");
    CHECK(ResolveUrl(base, "../img/a.png") == "https://blog.example/posts/img/a.png");
    CHECK(ResolveUrl(base, "./../../../../x") == "https://blog.example/x");
    CHECK(ResolveUrl(base, "?page=2") == "https://blog.example/posts/2024/article.md?page=2");
    CHECK(ResolveUrl(base, "#intro") == "https://blog.example/posts/2024/article.md#intro");
    CHECK(ResolveUrl(base, "//cdn.example/a/./b") == "https://cdn.example/a/b");
    CHECK(ResolveUrl(base, "sub/") == "https://blog.example/posts/2024/sub/");
    CHECK(ResolveUrl("file:///home/a%20b/posts/", "pics/x.png") == "file:///home/a%20b/posts/pics/x.png");
    CHECK(ResolveUrl("https://blog.example", "a") == "https://blog.example/a");
    CHECK(ResolveUrl("", "part-2.html") == "part-2.html");   // no base: as written
    CHECK(FileUrlOfDirectory("/home/a b/posts") == "file:///home/a%20b/posts/");
}

TEST_CASE("links: URLs are percent-encoded as cmark does") {
    CHECK(UrlEncoded("https://x.example/a b/\xC3\xA5?q=\"1\"&r='2'") == "https://x.example/a%20b/%C3%A5?q=%221%22&r='2'");
    std::string attr;
    AppendUrlEncoded(attr, "/a?b=1&c='2'%20", true);
    CHECK(attr == "/a?b=1&amp;c=&#x27;2&#x27;%20");   // escapes already written stay as written
}

TEST_CASE("images: only relative, http, https and data:image sources are loaded") {
    CHECK(IsAllowedImageSource("pic.png"));
    CHECK(IsAllowedImageSource("/img/pic.png"));
    CHECK(IsAllowedImageSource("https://x.example/pic.png"));
    CHECK(IsAllowedImageSource("data:image/png;base64,iVBORw0KGgo="));
    CHECK(IsAllowedImageSource("DATA:Image/svg+xml,<svg/>"));
    CHECK_FALSE(IsAllowedImageSource("javascript:alert(1)"));
    CHECK_FALSE(IsAllowedImageSource("java\tscript:alert(1)"));
    CHECK_FALSE(IsAllowedImageSource("data:text/html,<script>x</script>"));
    CHECK_FALSE(IsAllowedImageSource("file:///etc/passwd"));
    CHECK_FALSE(IsAllowedImageSource("ftp://x.example/a.png"));
}

TEST_CASE("escape: HtmlEscape escapes the HTML specials of text and double-quoted attributes") {
    CHECK(HtmlEscape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;");
    CHECK(HtmlEscape("plain") == "plain");
    CHECK(HtmlEscape("") == "");
    std::string out = "pre:";
    AppendHtmlEscaped(out, "<script>");
    CHECK(out == "pre:&lt;script&gt;");
}

TEST_CASE("text: CollapseWhitespace and ToLowerAscii") {
    CHECK(CollapseWhitespace("  a \n\t b\r\nc  ") == "a b c");
    CHECK(CollapseWhitespace("   ") == "");
    CHECK(ToLowerAscii("MiXeD \xC3\x89") == "mixed \xC3\x89");
}
