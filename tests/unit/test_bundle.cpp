// Unit tests for core/bundle: base64, the escaping that keeps inline data inside its <script>, the template fill,
// and the whole page with its images.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/article.h"
#include "core/bundle.h"

using namespace aw;

TEST_CASE("base64 matches RFC 4648's test vectors and wraps lines") {
    CHECK(Base64Encode("") == "");
    CHECK(Base64Encode("f") == "Zg==");
    CHECK(Base64Encode("fo") == "Zm8=");
    CHECK(Base64Encode("foo") == "Zm9v");
    CHECK(Base64Encode("foobar") == "Zm9vYmFy");
    CHECK(Base64Encode(std::string("\xff\x00\xfe", 3)) == "/wD+");
    CHECK(Base64Encode("foobar", 4) == "Zm9v\nYmFy");
}

TEST_CASE("script data never holds </ or <! and round-trips") {
    const std::string inputs[] = {
        "</script><script>alert(1)</script>", "</SCRIPT >", "<!-- <script>", "a <\\/b> <\\\\/c <\\!x", "<<//", "plain", "<", "<\\",
        "```html\n</script>\n```\n",
    };
    for (const std::string& in : inputs) {
        const std::string escaped = EscapeScriptData(in);
        CHECK(escaped.find("</") == std::string::npos);
        CHECK(escaped.find("<!") == std::string::npos);
        CHECK(UnescapeScriptData(escaped) == in);
    }
    CHECK(EscapeScriptData("x</script>") == "x<\\/script>");
}

TEST_CASE("inline JavaScript cannot close its script element") {
    CHECK(EscapeInlineScript("s='</script>'; t='<!--'; u='</ScRiPt'") == "s='<\\/script>'; t='<\\!--'; u='<\\/ScRiPt'");
    CHECK(EscapeInlineScript("a</div>b") == "a</div>b");
}

TEST_CASE("the template is filled in one pass, each placeholder exactly once") {
    BundleParts parts;
    parts.title = "Fish & <Chips>";
    parts.fallbackHtml = "<h1>x</h1>";
    parts.markdown = "# {{SCRIPT}} </script>";
    parts.configJson = "{}";
    parts.script = "go()";
    parts.wasmGzip = "foo";
    parts.pageTemplate = "<title>{{TITLE}}</title>{{FALLBACK_HTML}}<m>{{MARKDOWN}}</m><c>{{CONFIG}}</c><w>{{WASM_BASE64}}</w><s>{{SCRIPT}}</s>";
    std::string out, error;
    REQUIRE(BuildBundle(parts, out, error));
    CHECK(out == "<title>Fish &amp; &lt;Chips&gt;</title><h1>x</h1><m># {{SCRIPT}} <\\/script></m><c>{}</c><w>Zm9v</w><s>go()</s>");

    parts.pageTemplate = "{{TITLE}}{{FALLBACK_HTML}}{{MARKDOWN}}{{CONFIG}}{{WASM_BASE64}}";
    CHECK_FALSE(BuildBundle(parts, out, error));
    CHECK(error.find("{{SCRIPT}} must occur once, found 0") != std::string::npos);
    parts.pageTemplate = "{{TITLE}}{{NOPE}}";
    CHECK_FALSE(BuildBundle(parts, out, error));
    CHECK(error.find("unknown placeholder {{NOPE}}") != std::string::npos);
}

TEST_CASE("ComposeBundle inlines relative images through its reader and warns for the others") {
    const std::string markdown = "# Pictures\n\n![here](pic.png)\n\n![gone](gone.png)\n\n![far](https://example.org/far.png)\n";
    const LoadOutcome loaded = LoadArticle(markdown, "", LoadOptions{});
    REQUIRE(static_cast<bool>(loaded.article));
    BundleInputs inputs;
    inputs.article = loaded.article.get();
    inputs.markdown = markdown;
    inputs.script = "go()";
    inputs.wasmGzip = "wasm";
    inputs.pageTemplate = "<title>{{TITLE}}</title>{{FALLBACK_HTML}}{{MARKDOWN}}{{CONFIG}}{{WASM_BASE64}}{{SCRIPT}}";
    std::vector<std::string> asked;
    inputs.readImage = [&](const std::string& path, size_t maxBytes, std::string& bytes, std::string& error, bool& tooLarge) {
        asked.push_back(path);
        CHECK(maxBytes == kBundleImageMaxBytes);
        tooLarge = false;
        if (path != "pic.png") { error = path + ": no such file"; return false; }
        bytes = "PNG";
        return true;
    };
    std::string page, error;
    std::vector<std::string> warnings;
    REQUIRE(ComposeBundle(inputs, page, error, warnings));
    CHECK(asked == std::vector<std::string>{"pic.png", "gone.png"});
    CHECK(page.find("<title>Pictures</title>") == 0);
    CHECK(page.find("<img src=\"data:image/png;base64,UE5H\" alt=\"here\"") != std::string::npos);
    CHECK(page.find("<img src=\"gone.png\"") != std::string::npos);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0] == "5: image \"gone.png\" is not inlined: gone.png: no such file");
    CHECK(warnings[1] == "7: image \"https://example.org/far.png\" is not inlined: the bundle works offline, so it will not load");

    // No reader (standard input): nothing is read, and the writer is told why.
    inputs.readImage = nullptr;
    warnings.clear();
    REQUIRE(ComposeBundle(inputs, page, error, warnings));
    CHECK(page.find("data:image/png") == std::string::npos);
    CHECK(warnings[0] == "3: image \"pic.png\" is not inlined: it names no file beside the article");
}
