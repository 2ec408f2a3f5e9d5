// core/json_util: the reader checked against nlohmann_json (accept or reject, the values, the error's byte and
// text), its limits and duplicate keys; the writer's escapes, numbers and layout, and round trips.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/json_util.h"

using namespace aw;

namespace {

// nlohmann_json's error for `text`, in the words ParseJsonSafely used when it parsed with nlohmann_json.
struct ReferenceErrorSax : nlohmann::json_sax<nlohmann::json> {
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception&) override {
        message = "invalid JSON at byte " + std::to_string(position) + (token.empty() ? "" : " near '" + token.substr(0, 20) + "'");
        return false;
    }
};

// Where the two may differ by design: a NUL byte nlohmann_json takes for the end of the text (so "{}\0junk" is
// JSON to it), and integers from 2^63 to 2^64 - 1 (an unsigned integer to it; an Integer held as 2^63 - 1 here).
bool SameValue(const JsonValue& ours, const nlohmann::json& ref) {
    switch (ours.type) {
        case JsonType::Null: return ref.is_null();
        case JsonType::Boolean: return ref.is_boolean() && ref.get<bool>() == ours.boolean;
        case JsonType::Integer:
            if (ref.is_number_unsigned() && ref.get<unsigned long long>() > 0x7fffffffffffffffull)
                return ours.integer == std::numeric_limits<long long>::max() && ours.text == ref.dump();
            return ref.is_number_integer() && ref.get<long long>() == ours.integer && ours.text == ref.dump();
        case JsonType::Number:
            return ref.is_number_float() && (ref.get<double>() == ours.number || (std::isnan(ours.number) && std::isnan(ref.get<double>())));
        case JsonType::String: return ref.is_string() && ref.get<std::string>() == ours.text;
        case JsonType::Array:
            if (!ref.is_array() || ref.size() != ours.items.size()) return false;
            for (size_t i = 0; i < ours.items.size(); ++i)
                if (!SameValue(ours.items[i], ref[i])) return false;
            return true;
        case JsonType::Object:
            if (!ref.is_object() || ref.size() != ours.members.size()) return false;
            for (const JsonMember& m : ours.members)
                if (!ref.contains(m.key) || !SameValue(m.value, ref[m.key])) return false;
            return true;
    }
    return false;
}

// Parses `text` both ways; any difference fails with the text named.
void CheckAgainstReference(const std::string& text) {
    CAPTURE(text);
    JsonValue ours;
    std::string error;
    const bool accepted = ParseJsonSafely(text, ours, error);
    const nlohmann::json ref = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE(accepted == !ref.is_discarded());
    if (accepted) {
        CHECK(SameValue(ours, ref));
        return;
    }
    ReferenceErrorSax sax;
    nlohmann::json::sax_parse(text, &sax);
    CHECK(error == sax.message);
}

const char* const kValid[] = {
    "{}", "[]", "null", "true", "false", "0", "-0", "1", "-1", "12345678901234", "0.5", "-0.5e-3", "1E2", "1e+2", "1.5E-10",
    "9223372036854775807", "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e-400",
    "123456789012345678901234567890", "0.1", "3.141592653589793238462643383279",
    R"("")", R"("a\"b\\c\/d\b\f\n\r\t")", R"("\u0041\u00e9\u20AC\uD83D\uDE00")", R"("\u0000")", "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"",
    "\xEF\xBB\xBF{\"bom\": 1}", " \t\r\n{ \"a\" : [ 1 , 2 , { \"b\" : null } ] } \n",
    R"({"a": 1, "a": 2})", R"({"a": {"b": 1, "b": [1, 2]}, "a": {"c": true}})", R"([[[[[[[[[[]]]]]]]]]])",
    R"({"stage": 1, "openFaqs": [0, 2], "filter": "x", "scrollY": 120.5})",
    R"({"theme": "dark", "timeline": {"enabled": true, "markers": [{"position": 1.5, "label": "a"}]}})",
};

const char* const kInvalid[] = {
    "", " ", "{", "}", "[", "]", "{,}", "[,]", "[1,]", "{\"a\":1,}", "{\"a\"}", "{\"a\" 1}", "{1:2}", "{\"a\":}", "[1 2]",
    "nul", "nulll", "tru", "True", "NaN", "Infinity", "-", "--1", "+1", "01", "00", "1.", ".5", "1e", "1e+", "-a", "0x10",
    "\"abc", "\"a\\\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\uD800\"", "\"\\uD800\\u0041\"", "\"\\uDC00\"", "\"\\uD800x\"",
    "\"a\nb\"", "\"\t\"", "\"\x7F\"", "\"\xFF\"", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
    "\"\xC3\"", "\"\xE2\x82\"", "\xFF", "\xEF\xBB", "\xEF\xBB\xBE{}", "{} {}", "[] x", "1 2", "{\"a\":1}}", "[1]]",
    "{\"title\": \"x\",}", "{\"title\": \"x\"", "{\"stage\": 1", "'a'", "[1,\n2,\n,3]", "{\"a\":[1,{\"b\":tru}]}",
    "/* comment */ {}", "1e400", "[-1e400]", "{\"a\":1 // no\n}",
};

} // namespace

TEST_CASE("json reader: agrees with nlohmann_json on valid texts, invalid texts, and every prefix of them") {
    for (const char* text : kValid) CheckAgainstReference(text);
    for (const char* text : kInvalid) CheckAgainstReference(text);
    // Every proper prefix of a valid text is cut off somewhere: each is refused, at the same byte, with the same text.
    for (const char* text : kValid) {
        const std::string full = text;
        for (size_t n = 0; n < full.size(); ++n) CheckAgainstReference(full.substr(0, n));
    }
    // Each byte of some valid texts replaced by characters that matter to the grammar.
    for (const std::string full : {std::string(R"({"a": [1, -2.5e3, "x\u00e9", true, null], "b": {"c": false}})")}) {
        for (size_t i = 0; i < full.size(); ++i)
            for (char c : {'"', '\\', ',', ':', '}', ']', '[', '{', '0', '-', 'e', '.', ' ', 'x', '\x01'}) {
                std::string mutated = full;
                mutated[i] = c;
                CheckAgainstReference(mutated);
            }
    }
}

TEST_CASE("json reader: the byte and text of an error") {
    JsonValue v;
    std::string error;
    CHECK_FALSE(ParseJsonSafely(R"({"title": "x",})", v, error));
    CHECK(error == "invalid JSON at byte 15 near '\"x\",}'");
    CHECK_FALSE(ParseJsonSafely("", v, error));
    CHECK(error == "invalid JSON at byte 1");
    CHECK_FALSE(ParseJsonSafely("[1,\n2,\n,3]", v, error));
    CHECK(error == "invalid JSON at byte 8 near '2,<U+000A>,'");
    CHECK_FALSE(ParseJsonSafely(std::string("{}\0junk", 7), v, error));   // a NUL byte is no end of the text
    CHECK(error == "invalid JSON at byte 3 near '{}<U+0000>'");
}

TEST_CASE("json reader: limits on size and depth, checked before the syntax") {
    JsonValue v;
    std::string error;
    CHECK_FALSE(ParseJsonSafely("[" + std::string(kMaxJsonBytes, ' ') + "]", v, error));
    CHECK(error == "JSON is 1048578 bytes, over the limit of 1048576");
    const std::string deepest = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    CHECK(ParseJsonSafely(deepest, v, error));
    CHECK_FALSE(ParseJsonSafely("{\"a\":" + std::string(kMaxJsonDepth, '[') + "}", v, error));
    CHECK(error == "JSON nests deeper than 32 levels at byte 36");
    // Brackets inside strings are text.
    CHECK(ParseJsonSafely("[\"" + std::string(100, '[') + "\"]", v, error));
    CHECK(v.items.at(0).text == std::string(100, '['));
}

TEST_CASE("json reader: values, members in document order, duplicate keys by path") {
    JsonValue v;
    std::string error;
    std::vector<std::string> duplicates;
    REQUIRE(ParseJsonSafely(R"({"z": 1, "a": [{"k": 1, "k": 2}, {"k": 3}], "z": {"x/y~": 0, "x/y~": 1}, "n": -0, "f": 2.50})", v, error, &duplicates));
    REQUIRE(v.members.size() == 4);
    CHECK(v.members[0].key == "z");   // the first place, the last value
    CHECK(v.members[0].value.type == JsonType::Object);
    CHECK(v.members[1].key == "a");
    CHECK(v.Find("a")->items[0].Find("k")->integer == 2);
    CHECK(duplicates == std::vector<std::string>{"/a/0/k", "/z", "/z/x~1y~0"});
    CHECK(v.Find("n")->type == JsonType::Integer);
    CHECK(JsonText(*v.Find("n")) == "0");
    CHECK(v.Find("f")->type == JsonType::Number);
    CHECK(JsonTypeName(*v.Find("f")) == std::string("number"));
    CHECK(JsonTypeName(*v.Find("n")) == std::string("integer"));
    CHECK(v.Find("missing") == nullptr);
    REQUIRE(ParseJsonSafely(R"({"big": 18446744073709551615, "s": "\ud83d\ude00\u00e9", "null": null})", v, error));
    CHECK(v.Find("big")->integer == std::numeric_limits<long long>::max());
    CHECK(JsonText(*v.Find("big")) == "18446744073709551615");
    CHECK(v.Find("s")->text == "\xF0\x9F\x98\x80\xC3\xA9");
    CHECK(v.Find("null") != nullptr);
    CHECK(v.FindGiven("null") == nullptr);
}

TEST_CASE("json writer: strings escaped as nlohmann_json escapes them, invalid UTF-8 replaced") {
    std::string all;
    for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
    all += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD";
    CHECK(JsonWriter(-1).Value(all).Take() == nlohmann::json(all).dump());
    CHECK(JsonWriter(-1).Value(std::string("a\xFF" "b\xC3", 4)).Take() == "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
    CHECK(JsonField("k\"ey", std::string("\x01")) == "{\"k\\\"ey\":\"\\u0001\"}");
}

TEST_CASE("json writer: numbers in the fewest digits that read back, whole ones with .0, integers as integers") {
    auto text = [](auto n) { return JsonWriter(-1).Value(n).Take(); };
    CHECK(text(0) == "0");
    CHECK(text(-42) == "-42");
    CHECK(text(size_t{123456789}) == "123456789");
    CHECK(text(0.0f) == "0.0");
    CHECK(text(680.0f) == "680.0");
    CHECK(text(-3.0) == "-3.0");
    CHECK(text(12.3f) == "12.3");   // a float in a float's digits (nlohmann_json wrote 12.300000190734863)
    CHECK(text(120.5f) == "120.5");
    CHECK(text(0.1) == "0.1");
    CHECK(text(1.0 / 3.0) == "0.3333333333333333");
    CHECK(text(1e300) == "1e+300");
    CHECK(text(1.5e-7) == "1.5e-07");
    CHECK(text(std::nan("")) == "null");
    CHECK(text(std::numeric_limits<double>::infinity()) == "null");
    // Doubles that nlohmann_json writes the same way.
    for (double d : {0.5, -0.25, 3.14159, 1e-5, 123456.789, 1e21, 2.5e-300, 6.02214076e23, 98765.4321})
        CHECK(text(d) == nlohmann::json(d).dump());
    // Floats read back exactly.
    for (float f : {0.1f, 1.0f / 3.0f, 16777215.5f, 3.4e38f, 1e-38f, 7.25f})
        CHECK(std::strtof(text(f).c_str(), nullptr) == f);
}

TEST_CASE("json writer: layout, compact and indented, and round trips through the reader") {
    JsonWriter pretty(2);
    pretty.BeginObject().Key("n").Value(1).Key("list").BeginArray().Value("a").Value(true).Null().EndArray()
        .Key("empty").BeginObject().EndObject().Key("none").BeginArray().EndArray().EndObject();
    CHECK(pretty.Take() == "{\n  \"n\": 1,\n  \"list\": [\n    \"a\",\n    true,\n    null\n  ],\n  \"empty\": {},\n  \"none\": []\n}");

    const std::string text = R"({"z":[1,-2.5,"\u00e9\n",true,null,{}],"a":{"b":[]},"big":18446744073709551615,"e":1e+300})";
    JsonValue v;
    std::string error;
    REQUIRE(ParseJsonSafely(text, v, error));
    const std::string written = JsonText(v);
    CHECK(written == "{\"z\":[1,-2.5,\"\xC3\xA9\\n\",true,null,{}],\"a\":{\"b\":[]},\"big\":18446744073709551615,\"e\":1e+300}");
    JsonValue again;
    REQUIRE(ParseJsonSafely(written, again, error));
    CHECK(JsonText(again) == written);
}
