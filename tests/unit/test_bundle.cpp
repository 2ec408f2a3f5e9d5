// Unit tests for core/bundle: base64, the escaping that keeps inline data inside its <script>, and the template fill.
#include <doctest/doctest.h>

#include <string>

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
