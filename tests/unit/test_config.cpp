// Unit tests for core/config: every validation error with its JSON path, the valid round trip and assets/widget.json.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/article.h"
#include "core/config.h"
#include "core/json_util.h"
#include "core/widget_state.h"

using namespace aw;

namespace {

// The JSON pointers of the repeated keys in `text` (ParseJsonSafely's duplicateKeys).
std::vector<std::string> DuplicateKeys(const std::string& text) {
    JsonValue value;
    std::string error;
    std::vector<std::string> duplicates;
    REQUIRE(ParseJsonSafely(text, value, error, &duplicates));
    return duplicates;
}

// A config that differs from the defaults in every field, to prove that failed parses leave it alone.
Config NonDefaultConfig() {
    Config c;
    c.title = "Kept";
    c.theme = ThemeMode::Dark;
    c.accent = Rgb{1, 2, 3};
    c.timelineEnabled = false;
    c.timelineSection = "kept-timeline";
    c.markers.push_back(TimelineMarker{1.5f, "kept marker"});
    c.faqEnabled = false;
    c.faqSection = "kept-faq";
    c.initialStage = 7;
    c.deepLinkPrefix = "kept-";
    c.updateHash = true;
    c.maxInputBytes = 4096;
    return c;
}

void CheckUnchanged(const Config& c) {
    CHECK(c.title == "Kept");
    CHECK(c.theme == ThemeMode::Dark);
    CHECK(c.accent.r == 1);
    CHECK(c.accent.g == 2);
    CHECK(c.accent.b == 3);
    CHECK(c.timelineEnabled == false);
    CHECK(c.timelineSection == "kept-timeline");
    REQUIRE(c.markers.size() == 1);
    CHECK(c.markers[0].label == "kept marker");
    CHECK(c.markers[0].position == doctest::Approx(1.5));
    CHECK(c.faqEnabled == false);
    CHECK(c.faqSection == "kept-faq");
    CHECK(c.initialStage == 7);
    CHECK(c.deepLinkPrefix == "kept-");
    CHECK(c.updateHash == true);
    CHECK(c.maxInputBytes == 4096u);
}

// Parses `json` expecting failure; checks the output config was not touched and returns every error.
ConfigReport ExpectErrors(const std::string& json) {
    Config c = NonDefaultConfig();
    ConfigReport report;
    CAPTURE(json);
    CHECK_FALSE(ParseConfig(json, c, report));
    CHECK_FALSE(report.errors.empty());
    for (const ConfigError& e : report.errors) CHECK_FALSE(e.message.empty());
    CheckUnchanged(c);
    return report;
}

// The same for a config with one error: returns it.
ConfigError ExpectError(const std::string& json) {
    const ConfigReport report = ExpectErrors(json);
    CAPTURE(report.describe());
    CHECK(report.errors.size() == 1);
    return report.errors.empty() ? ConfigError{} : report.errors.front();
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in.good()) return std::string();
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("config: defaults") {
    const Config c;
    CHECK(c.theme == ThemeMode::Auto);
    CHECK(RgbToHex(c.accent) == "#1f5fbf");
    CHECK(c.timelineEnabled);
    CHECK(c.faqEnabled);
    CHECK(c.initialStage == 0);
    CHECK(c.maxInputBytes == 8u * 1024u * 1024u);

    Config parsed = NonDefaultConfig();
    ConfigReport error;
    REQUIRE(ParseConfig("{}", parsed, error));
    CHECK(error.errors.empty());
    CHECK(parsed.smartPunctuation);
    CHECK(parsed.title.empty());
    CHECK(parsed.theme == ThemeMode::Auto);
    CHECK(RgbToHex(parsed.accent) == "#1f5fbf");
    CHECK(parsed.markers.empty());
    CHECK(parsed.timelineEnabled);
    CHECK(parsed.updateHash == false);
    CHECK(parsed.maxInputBytes == 8u * 1024u * 1024u);
}

TEST_CASE("config: malformed JSON reports the byte offset") {
    const ConfigError e = ExpectError("{\"theme\": }");
    CHECK(e.path.empty());
    CHECK(e.message.find("byte") != std::string::npos);
    CHECK(e.message.find("byte 11") != std::string::npos);   // nlohmann's 1-based position of the '}'

    CHECK(e.describe().rfind("config /: ", 0) == 0);

    const ConfigError truncated = ExpectError("{\"theme\": \"dark\"");
    CHECK(truncated.message.find("byte") != std::string::npos);
    const ConfigError empty = ExpectError("");
    CHECK(empty.message.find("byte") != std::string::npos);
    ExpectError("{\"theme\": \"dark\",}");
    ExpectError("{'theme': 'dark'}");
}

TEST_CASE("config: the root must be an object") {
    const ConfigError array = ExpectError("[]");
    CHECK(array.path.empty());
    CHECK(array.message == "expected an object, got array");
    CHECK(ExpectError("\"dark\"").message == "expected an object, got string");
    CHECK(ExpectError("42").message == "expected an object, got integer");
    CHECK(ExpectError("null").message == "expected an object, got null");
}

TEST_CASE("config: unknown keys are rejected with their path") {
    const ConfigError top = ExpectError("{\"foo\": 1}");
    CHECK(top.path == "/foo");
    CHECK(top.message == "unknown key");
    CHECK(top.describe() == "config /foo: unknown key");

    CHECK(ExpectError("{\"timeline\": {\"foo\": true}}").path == "/timeline/foo");
    CHECK(ExpectError("{\"faq\": {\"markers\": []}}").path == "/faq/markers");
    CHECK(ExpectError("{\"timeline\": {\"markers\": [{\"position\": 1, \"label\": \"x\", \"colour\": \"red\"}]}}").path ==
          "/timeline/markers/0/colour");
    // Keys are case-sensitive.
    CHECK(ExpectError("{\"Theme\": \"dark\"}").path == "/Theme");
}

TEST_CASE("config: wrong types name the path") {
    struct Case { const char* json; const char* path; const char* expected; };
    const Case cases[] = {
        {"{\"theme\": 1}", "/theme", "expected a string, got integer"},
        {"{\"title\": false}", "/title", "expected a string, got boolean"},
        {"{\"accent\": [255, 0, 0]}", "/accent", "expected a string, got array"},
        {"{\"initialStage\": \"1\"}", "/initialStage", "expected an integer, got string"},
        {"{\"initialStage\": 1.5}", "/initialStage", "expected an integer, got number"},
        {"{\"updateHash\": \"yes\"}", "/updateHash", "expected true or false, got string"},
        {"{\"updateHash\": 1}", "/updateHash", "expected true or false, got integer"},
        {"{\"maxInputBytes\": null}", "/maxInputBytes", "expected an integer, got null"},
        {"{\"deepLinkPrefix\": {}}", "/deepLinkPrefix", "expected a string, got object"},
        {"{\"timeline\": []}", "/timeline", "expected an object, got array"},
        {"{\"timeline\": {\"enabled\": \"no\"}}", "/timeline/enabled", "expected true or false, got string"},
        {"{\"timeline\": {\"section\": 3}}", "/timeline/section", "expected a string, got integer"},
        {"{\"timeline\": {\"markers\": {}}}", "/timeline/markers", "expected an array, got object"},
        {"{\"timeline\": {\"markers\": [5]}}", "/timeline/markers/0", "expected an object, got integer"},
        {"{\"timeline\": {\"markers\": [{\"position\": \"x\", \"label\": \"a\"}]}}", "/timeline/markers/0/position",
         "expected a number, got string"},
        {"{\"timeline\": {\"markers\": [{\"position\": 0, \"label\": \"a\"}, {\"position\": 1, \"label\": 2}]}}",
         "/timeline/markers/1/label", "expected a string, got integer"},
        {"{\"faq\": {\"enabled\": 1}}", "/faq/enabled", "expected true or false, got integer"},
        {"{\"faq\": \"on\"}", "/faq", "expected an object, got string"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.json);
        const ConfigError e = ExpectError(c.json);
        CHECK(e.path == c.path);
        CHECK(e.message == c.expected);
    }
}

TEST_CASE("config: bad values are rejected") {
    const ConfigError purple = ExpectError("{\"theme\": \"purple\"}");
    CHECK(purple.path == "/theme");
    CHECK(purple.message.find("purple") != std::string::npos);
    CHECK(purple.describe().rfind("config /theme: expected ", 0) == 0);
    CHECK(ExpectError("{\"theme\": \"Dark\"}").path == "/theme");

    const ConfigError blue = ExpectError("{\"accent\": \"blue\"}");
    CHECK(blue.path == "/accent");
    CHECK(blue.message.find("blue") != std::string::npos);
    CHECK(ExpectError("{\"accent\": \"#12345\"}").path == "/accent");
    CHECK(ExpectError("{\"accent\": \"#gg0000\"}").path == "/accent");
    CHECK(ExpectError("{\"accent\": \"123456\"}").path == "/accent");

    const ConfigError negative = ExpectError("{\"initialStage\": -1}");
    CHECK(negative.path == "/initialStage");
    CHECK(negative.message.find("between 0 and 2147483647") != std::string::npos);
    CHECK(ExpectError("{\"initialStage\": 2147483648}").path == "/initialStage");
    CHECK(ExpectError("{\"initialStage\": 18446744073709551615}").path == "/initialStage");

    const ConfigError space = ExpectError("{\"deepLinkPrefix\": \"my widget\"}");
    CHECK(space.path == "/deepLinkPrefix");
    CHECK(ExpectError("{\"deepLinkPrefix\": \"a\\\"b\"}").path == "/deepLinkPrefix");
    CHECK(ExpectError("{\"deepLinkPrefix\": \"" + std::string(33, 'a') + "\"}").path == "/deepLinkPrefix");

    const ConfigError small = ExpectError("{\"maxInputBytes\": 10}");
    CHECK(small.path == "/maxInputBytes");
    CHECK(small.message.find("1024") != std::string::npos);
    CHECK(ExpectError("{\"maxInputBytes\": 1000000000}").path == "/maxInputBytes");

    CHECK(ExpectError("{\"timeline\": {\"markers\": [{\"position\": -1, \"label\": \"a\"}]}}").path ==
          "/timeline/markers/0/position");
    CHECK(ExpectError("{\"timeline\": {\"markers\": [{\"position\": 65, \"label\": \"a\"}]}}").path ==
          "/timeline/markers/0/position");
    CHECK(ExpectError("{\"timeline\": {\"markers\": [{\"label\": \"a\"}]}}").path == "/timeline/markers/0/position");
    CHECK(ExpectError("{\"timeline\": {\"markers\": [{\"position\": 1}]}}").path == "/timeline/markers/0/label");
    CHECK(ExpectError("{\"timeline\": {\"markers\": [{\"position\": 1, \"label\": \"\"}]}}").path ==
          "/timeline/markers/0/label");
}

TEST_CASE("config: every error is reported, one line each with its path") {
    const ConfigReport r = ExpectErrors(R"({"theme": "purple", "accent": "blue", "foo": 1,
        "timeline": {"enabled": "yes", "markers": [{"position": 99, "label": ""}, {"label": "x"}]}, "smartPunctuation": 0})");
    std::vector<std::string> paths;
    for (const ConfigError& e : r.errors) paths.push_back(e.path);
    CHECK(paths == std::vector<std::string>{"/theme", "/accent", "/timeline/enabled", "/timeline/markers/0/position",
                                            "/timeline/markers/0/label", "/timeline/markers/1/position", "/smartPunctuation", "/foo"});
    CHECK(r.describe() ==
          "config /theme: expected \"auto\", \"light\" or \"dark\", got \"purple\"\n"
          "config /accent: expected a colour like \"#1f5fbf\", got \"blue\"\n"
          "config /timeline/enabled: expected true or false, got string\n"
          "config /timeline/markers/0/position: must be between 0 and 64\n"
          "config /timeline/markers/0/label: must not be empty\n"
          "config /timeline/markers/1/position: missing (a number: 0 is the first stage)\n"
          "config /smartPunctuation: expected true or false, got integer\n"
          "config /foo: unknown key");

    // A config of thousands of errors names the first kMaxConfigErrors and counts the rest.
    std::string many = "{";
    for (int i = 0; i < 1000; ++i) many += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": 1";
    const ConfigReport capped = ExpectErrors(many + "}");
    CHECK(capped.errors.size() == kMaxConfigErrors);
    CHECK(capped.errorsOmitted == 1000 - kMaxConfigErrors);
    const std::string text = capped.describe();
    CHECK(std::count(text.begin(), text.end(), '\n') == static_cast<long>(kMaxConfigErrors));
    CHECK(text.substr(text.rfind('\n') + 1) == "config: 980 more errors");
}

TEST_CASE("config: duplicate keys are accepted with a warning naming the key's path; the last value is used") {
    Config c;
    ConfigReport report;
    REQUIRE(ParseConfig(R"({"theme": "dark", "timeline": {"enabled": true, "markers": [{"position": 1, "label": "a", "label": "b"}],
                            "enabled": false}, "theme": "light"})", c, report));
    CHECK(c.theme == ThemeMode::Light);
    CHECK_FALSE(c.timelineEnabled);
    REQUIRE(c.markers.size() == 1);
    CHECK(c.markers[0].label == "b");
    std::vector<std::string> warnings;
    for (const ConfigError& w : report.warnings) warnings.push_back(w.describe());
    CHECK(warnings == std::vector<std::string>{"config /timeline/markers/0/label: duplicate key: the last value is used",
                                               "config /timeline/enabled: duplicate key: the last value is used",
                                               "config /theme: duplicate key: the last value is used"});
    // Equal keys in different objects, and equal values in an array, are no duplicates.
    REQUIRE(ParseConfig(R"({"timeline": {"section": "a"}, "faq": {"section": "a"}, "title": "[\"x\", \"x\"]"})", c, report));
    CHECK(report.warnings.empty());
    CHECK(DuplicateKeys(R"([{"a": 1}, {"a": 2, "b": [{"c": 1, "c": 2}]}])") == std::vector<std::string>{"/1/b/0/c"});
}

TEST_CASE("json: JsonWriter writes the text nlohmann::ordered_json dumps, keys in the order written") {
    // The same document both ways: nested objects and arrays, empty ones, every kind of value, a key that sorts
    // before the ones written ahead of it, a string that needs escaping and one that is not valid UTF-8. (A float
    // that is not exact in binary differs: nlohmann_json writes it in a double's digits, JsonWriter in a float's;
    // tests/unit/test_json.cpp.)
    nlohmann::ordered_json expected = nlohmann::ordered_json::object();
    expected["zeta"] = "line\nbreak \"quoted\" \x01 \xC3\xA9 \xFF";
    expected["alpha"] = {{"n", -3}, {"u", size_t{7}}, {"f", 0.5f}, {"t", true}, {"null", nullptr}};
    expected["list"] = nlohmann::ordered_json::array({nlohmann::ordered_json::object(), nlohmann::ordered_json::array(), 2.5, "x"});
    expected["empty"] = nlohmann::ordered_json::object();
    for (int indent : {-1, 0, 2}) {
        JsonWriter w(indent);
        w.BeginObject().Key("zeta").Value("line\nbreak \"quoted\" \x01 \xC3\xA9 \xFF");
        w.Key("alpha").BeginObject().Key("n").Value(-3).Key("u").Value(size_t{7}).Key("f").Value(0.5f).Key("t").Value(true)
            .Key("null").Value(nullptr).EndObject();
        w.Key("list").BeginArray().BeginObject().EndObject().BeginArray().EndArray().Value(2.5).Value("x").EndArray();
        w.Key("empty").BeginObject().EndObject().EndObject();
        CAPTURE(indent);
        CHECK(w.Take() == expected.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    }
}

TEST_CASE("config: smartPunctuation is a boolean, true by default") {
    Config c;
    ConfigReport report;
    REQUIRE(ParseConfig(R"({"smartPunctuation": false})", c, report));
    CHECK_FALSE(c.smartPunctuation);
    REQUIRE(ParseConfig(R"({"smartPunctuation": true})", c, report));
    CHECK(c.smartPunctuation);
    CHECK(ExpectError(R"({"smartPunctuation": "no"})").describe() == "config /smartPunctuation: expected true or false, got string");
}

TEST_CASE("config: the deep link prefix rule, shared with the command line's --id-prefix") {
    CHECK(DeepLinkPrefixError("").empty());
    CHECK(DeepLinkPrefixError("aw_1-").empty());
    CHECK(DeepLinkPrefixError(std::string(32, 'a')).empty());
    CHECK(DeepLinkPrefixError(std::string(33, 'a')) == "must be at most 32 characters");
    CHECK(DeepLinkPrefixError("\"><script>") == "may hold only letters, digits, '-' and '_'");
    CHECK(ExpectError(R"({"deepLinkPrefix": "a\"b"})").describe() == "config /deepLinkPrefix: may hold only letters, digits, '-' and '_'");
}

TEST_CASE("config: deep nesting is rejected before parsing") {
    std::string deep = "{\"title\": ";
    for (int i = 0; i < 100; ++i) deep += "[";
    for (int i = 0; i < 100; ++i) deep += "]";
    deep += "}";
    const ConfigError e = ExpectError(deep);
    CHECK(e.message.find("nests deeper") != std::string::npos);

    // Brackets inside strings do not count.
    Config c;
    ConfigReport ok;
    CHECK(ParseConfig("{\"title\": \"" + std::string(100, '[') + "\\\"{{{\"}", c, ok));
    CHECK(c.title == std::string(100, '[') + "\"{{{");

    CHECK(FindExcessiveJsonNesting("[[[]]]", 3) == -1);
    CHECK(FindExcessiveJsonNesting("[[[[]]]]", 3) == 3);
    CHECK(FindExcessiveJsonNesting("{\"a\":\"[[[[[\"}", 2) == -1);

    // Millions of brackets must not exhaust the stack either.
    const ConfigError huge = ExpectError(std::string(500000, '['));
    CHECK(huge.message.find("nests deeper") != std::string::npos);
}

TEST_CASE("config: over-large JSON is rejected") {
    const std::string big = "{\"title\": \"" + std::string(1100000, 'x') + "\"}";
    const ConfigError e = ExpectError(big);
    CHECK(e.message.find("over the limit") != std::string::npos);
}

TEST_CASE("config: a full valid config sets every field") {
    const std::string json = R"({
        "$schema": "./widget.schema.json",
        "title": "Custom Title",
        "theme": "dark",
        "accent": "#FF8000",
        "timeline": {
            "enabled": true,
            "section": "the-arc-of-ai-responsibility",
            "markers": [{"position": 0.5, "label": "Today"}, {"position": 2, "label": "Later"}]
        },
        "faq": {"enabled": false, "section": "faqs"},
        "initialStage": 2,
        "deepLinkPrefix": "aw_1-",
        "updateHash": true,
        "maxInputBytes": 2048
    })";
    Config c;
    ConfigReport error;
    REQUIRE(ParseConfig(json, c, error));
    CHECK(error.errors.empty());
    CHECK(error.warnings.empty());
    CHECK(c.title == "Custom Title");
    CHECK(c.theme == ThemeMode::Dark);
    CHECK(c.accent.r == 0xFF);
    CHECK(c.accent.g == 0x80);
    CHECK(c.accent.b == 0x00);
    CHECK(RgbToHex(c.accent) == "#ff8000");
    CHECK(c.timelineEnabled);
    CHECK(c.timelineSection == "the-arc-of-ai-responsibility");
    REQUIRE(c.markers.size() == 2);
    CHECK(c.markers[0].position == doctest::Approx(0.5));
    CHECK(c.markers[0].label == "Today");
    CHECK(c.markers[1].position == doctest::Approx(2.0));
    CHECK(c.markers[1].label == "Later");
    CHECK_FALSE(c.faqEnabled);
    CHECK(c.faqSection == "faqs");
    CHECK(c.initialStage == 2);
    CHECK(c.deepLinkPrefix == "aw_1-");
    CHECK(c.updateHash);
    CHECK(c.maxInputBytes == 2048u);

    Config light;
    REQUIRE(ParseConfig(R"({"theme": "light", "accent": "#abc", "initialStage": 63, "maxInputBytes": 67108864})", light, error));
    CHECK(light.theme == ThemeMode::Light);
    CHECK(RgbToHex(light.accent) == "#aabbcc");
    CHECK(light.initialStage == 63);
    // Any stage of a long timeline: the cap of 63 is gone.
    Config longTimeline;
    REQUIRE(ParseConfig(R"({"initialStage": 199})", longTimeline, error));
    CHECK(longTimeline.initialStage == 199);
    CHECK(light.maxInputBytes == 64u * 1024u * 1024u);
    Config autoTheme = NonDefaultConfig();
    REQUIRE(ParseConfig(R"({"theme": "auto", "maxInputBytes": 1024, "initialStage": 0})", autoTheme, error));
    CHECK(autoTheme.theme == ThemeMode::Auto);
    CHECK(autoTheme.maxInputBytes == 1024u);
}

TEST_CASE("config: a successful parse after a failed one clears the error") {
    Config c;
    ConfigReport error;
    CHECK_FALSE(ParseConfig("{\"foo\": 1}", c, error));
    REQUIRE(error.errors.size() == 1);
    CHECK(error.errors[0].path == "/foo");
    CHECK(ParseConfig("{\"theme\": \"light\"}", c, error));
    CHECK(error.errors.empty());
    CHECK(c.theme == ThemeMode::Light);
}

TEST_CASE("config: ConfigError::describe format") {
    ConfigError e;
    e.path = "/theme";
    e.message = "expected \"auto\", \"light\" or \"dark\", got \"purple\"";
    CHECK(e.describe() == "config /theme: expected \"auto\", \"light\" or \"dark\", got \"purple\"");
    e.path.clear();
    e.message = "invalid JSON at byte 3";
    CHECK(e.describe() == "config /: invalid JSON at byte 3");
}

TEST_CASE("config: helpers") {
    CHECK(std::string(ThemeModeName(ThemeMode::Auto)) == "auto");
    CHECK(std::string(ThemeModeName(ThemeMode::Light)) == "light");
    CHECK(std::string(ThemeModeName(ThemeMode::Dark)) == "dark");
    Rgb rgb;
    CHECK(ParseHexColor("#0A0b0C", rgb));
    CHECK(rgb.r == 10);
    CHECK(rgb.g == 11);
    CHECK(rgb.b == 12);
    CHECK(ParseHexColor("#fff", rgb));
    CHECK(RgbToHex(rgb) == "#ffffff");
    Rgb untouched{9, 9, 9};
    CHECK_FALSE(ParseHexColor("#ffff", untouched));
    CHECK_FALSE(ParseHexColor("", untouched));
    CHECK_FALSE(ParseHexColor("#12345z", untouched));
    CHECK(untouched.r == 9);
}

TEST_CASE("config: assets/widget.json parses") {
    const std::string path = std::string(AW_SOURCE_DIR) + "/assets/widget.json";
    const std::string json = ReadFile(path);
    REQUIRE_MESSAGE(!json.empty(), "missing or empty ", path);
    Config c;
    ConfigReport error;
    const bool ok = ParseConfig(json, c, error);
    INFO(error.describe());
    CHECK(ok);
}

TEST_CASE("config: fonts take CSS font-family lists for the body, headings and code") {
    Config c;
    ConfigReport e;
    REQUIRE(ParseConfig(R"({"fonts": {"body": "\"Noto Serif\", Georgia, serif", "heading": "system-ui", "code": "'Fira Code', monospace"}})", c, e));
    CHECK(c.fonts.body == "\"Noto Serif\", Georgia, serif");
    CHECK(c.fonts.heading == "system-ui");
    CHECK(c.fonts.code == "'Fira Code', monospace");
    REQUIRE(ParseConfig(R"({"fonts": {"heading": "Hiragino Sans, \u30D2\u30E9\u30AE\u30CE\u89D2\u30B4, sans-serif"}})", c, e));
    CHECK(c.fonts.body.empty());   // unset: the platform's default
    REQUIRE(ParseConfig("{}", c, e));
    CHECK(c.fonts == FontFamilies{});

    const ConfigError type = ExpectError(R"({"fonts": "serif"})");
    CHECK(type.path == "/fonts");
    CHECK(type.message == "expected an object, got string");
    CHECK(ExpectError(R"({"fonts": {"body": 3}})").path == "/fonts/body");
    CHECK(ExpectError(R"({"fonts": {"caption": "serif"}})").path == "/fonts/caption");
    const ConfigError quote = ExpectError(R"({"fonts": {"code": "\"Fira Code, monospace"}})");
    CHECK(quote.path == "/fonts/code");
    CHECK(quote.describe() == "config /fonts/code: expected a CSS font-family list like \"Noto Serif\", serif (it has an unclosed quote)");
    for (const char* bad : {R"("")", R"("serif;color:red")", R"("serif, ")", R"(", serif")", R"("a b {x}")", R"("\"\"")", R"("serif </style>")"}) {
        const ConfigError err = ExpectError(std::string(R"({"fonts": {"body": )") + bad + "}}");
        CHECK_MESSAGE(err.path == "/fonts/body", bad);
    }
    CHECK(FontFamilyListError(std::string(257, 'a')) == "must be at most 256 characters");
}

TEST_CASE("config: a key holding a line break, a slash or a tilde stays on its error's one line, escaped as a JSON pointer") {
    Config c;
    c.title = "previous";
    ConfigReport report;
    CHECK_FALSE(ParseConfig("{\"ti\\ntle\": 1}", c, report));
    CHECK(c.title == "previous");
    CHECK(report.describe() == "config /ti\\u000atle: unknown key");
    CHECK_FALSE(ParseConfig(R"({"strings": {"a/b~c": "x"}})", c, report));
    CHECK(report.describe().find("config /strings/a~1b~0c: unknown string name") == 0);
    // A very long key is cut at a character boundary.
    CHECK_FALSE(ParseConfig("{\"" + std::string(47, 'k') + "\xC3\xA9" + std::string(100, 'k') + "\": 1}", c, report));
    CHECK(report.describe() == "config /" + std::string(47, 'k') + "\xC3\xA9\xE2\x80\xA6: unknown key");
    // Duplicate keys' warnings, and the state's errors, escape the same way.
    CHECK(DuplicateKeys("{\"a\": {\"\\r\": 1, \"\\r\": 2}}") == std::vector<std::string>{"/a/\\u000d"});
    WidgetState state;
    std::string error;
    CHECK_FALSE(StateFromJson("{\"x\\ny\": 1}", 3, 3, state, error));
    CHECK(error.find('\n') == std::string::npos);
    CHECK(error.find("state /x\\u000ay") == 0);
}

TEST_CASE("config: the page's inputs (the element's attributes, the page's language and URL) as the core reads them") {
    HostInputs host;
    std::string error;
    REQUIRE(ParseHostInputs(R"({"lang": "en_US", "baseUrl": "https://example.test/a/article.md", "hashPrefix": "w1-", "startStage": " 2 "})", host, error));
    CHECK(host.lang == "en_US");
    CHECK(host.hasHashPrefix);
    CHECK(host.hasStartStage);
    CHECK(ParseHostInputs("", host, error));
    CHECK_FALSE(host.hasHashPrefix);
    CHECK_FALSE(ParseHostInputs(R"({"lang": 3})", host, error));
    CHECK(error == "host inputs /lang: expected a string, got integer");
    CHECK_FALSE(ParseHostInputs(R"({"colour": "red"})", host, error));
    CHECK(error == "host inputs /colour: unknown key");
    CHECK_FALSE(ParseHostInputs("[", host, error));
    CHECK(error.rfind("host inputs: ", 0) == 0);

    CHECK(HostLanguageTag(" en_US ") == "en-US");
    CHECK(HostLanguageTag("zh-Hant-TW") == "zh-Hant-TW");
    CHECK(HostLanguageTag("english") == "");
    CHECK(HostLanguageTag("x") == "");
    CHECK(HostBaseUrl("file:///srv/a.md") == "file:///srv/a.md");
    CHECK(HostBaseUrl("blob:https://example.test/1234") == "");
    CHECK(HostBaseUrl("about:srcdoc") == "");
}

TEST_CASE("config: the element's attributes win over the config; a bad one is left out, said in one line") {
    Config config;
    config.deepLinkPrefix = "cfg-";
    config.initialStage = 3;
    HostInputs host;
    host.hasHashPrefix = true;
    host.hashPrefix = "w2-";
    host.hasStartStage = true;
    host.startStage = "1";
    std::vector<std::string> problems;
    ApplyHostAttributes(host, config, problems);
    CHECK(problems.empty());
    CHECK(config.deepLinkPrefix == "w2-");
    CHECK(config.initialStage == 1);

    host.hashPrefix = "a b";
    host.startStage = "abc";
    config.deepLinkPrefix = "cfg-";
    config.initialStage = 3;
    ApplyHostAttributes(host, config, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].rfind("hash-prefix: ", 0) == 0);
    CHECK(problems[0].find("the config's deepLinkPrefix applies") != std::string::npos);
    CHECK(problems[1] == "start-stage: expected a stage number from 0, got \"abc\"; the config's initialStage applies");
    CHECK(config.deepLinkPrefix == "cfg-");
    CHECK(config.initialStage == 3);
    host.startStage = "99999999999";   // past any int: refused, not wrapped
    problems.clear();
    ApplyHostAttributes(host, config, problems);
    CHECK(problems.size() == 2);
}

TEST_CASE("config: in a page, a config that cannot be used gives the defaults with the attributes over them, and says why") {
    CheckedConfig checked;
    LoadOptions options;
    std::string configErrors, attributeProblems, error;
    REQUIRE(CheckConfigInPage(R"({"theme": "purple", "accent": "x"})", R"({"hashPrefix": "w1-", "lang": "de_DE", "baseUrl": "https://example.test/doc/a.md"})",
                              100, checked, options, configErrors, attributeProblems, error));
    CHECK(configErrors == "config /theme: expected \"auto\", \"light\" or \"dark\", got \"purple\"\nconfig /accent: expected a colour like \"#1f5fbf\", got \"x\"");
    CHECK(attributeProblems.empty());
    CHECK(checked.config.theme == ThemeMode::Auto);       // the defaults
    CHECK(checked.config.deepLinkPrefix == "w1-");         // with the attribute over them
    CHECK(options.hostLang == "de-DE");
    CHECK(options.baseUrl == "https://example.test/doc/a.md");

    REQUIRE(CheckConfigInPage(R"({"theme": "dark", "initialStage": 2})", R"({"startStage": "x"})", 100, checked, options, configErrors, attributeProblems, error));
    CHECK(configErrors.empty());
    CHECK(attributeProblems.rfind("start-stage: ", 0) == 0);
    CHECK(checked.config.theme == ThemeMode::Dark);
    CHECK(checked.config.initialStage == 2);

    // Only an article too big for the config (here the defaults, the config having failed) is refused.
    CHECK_FALSE(CheckConfigInPage(R"({"maxInputBytes": "big"})", "", 9u * 1024 * 1024, checked, options, configErrors, attributeProblems, error));
    CHECK(error.find("over the limit of 8388608 bytes") != std::string::npos);
    CHECK(error.find("(the config could not be used: config /maxInputBytes: expected an integer, got string)") != std::string::npos);
    CHECK_FALSE(CheckConfigInPage("", "{", 10, checked, options, configErrors, attributeProblems, error));
}

TEST_CASE("config: a font family with a control character is named in a one-line error") {
    Config config;
    ConfigReport report;
    REQUIRE_FALSE(ParseConfig("{\"fonts\": {\"body\": \"\\nospace\"}}", config, report));
    const std::string message = report.describe();
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message == "config /fonts/body: expected a CSS font-family list like \"Noto Serif\", serif (it may not hold U+000A outside quotes)");
    CHECK(FontFamilyListError("Noto;Serif") == "may not hold ';' outside quotes");
}
