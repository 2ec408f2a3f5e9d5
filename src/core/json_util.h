// JSON for the config, the widget state, the commands and the queries: a value, a reader with limits and one-line
// errors, and a writer whose keys stay in the order they are written. The project's own (no nlohmann_json in the
// web module); tests/unit/test_json.cpp checks the reader against nlohmann_json.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace aw {

constexpr int kMaxJsonDepth = 32;
constexpr size_t kMaxJsonBytes = 1u << 20;   // 1 MiB: configs and states are small

enum class JsonType : uint8_t { Null, Boolean, Integer, Number, String, Array, Object };

struct JsonMember;

// One JSON value. A number written without fraction or exponent is an Integer (as nlohmann_json reads it): `integer`
// holds it (up to 2^63 - 1; a larger one up to 2^64 - 1 is held as 2^63 - 1, its digits in `text`), `number` its
// double. Other numbers, and integers beyond those, are Numbers. An object's members keep their document order; of
// two equal keys the last value is kept, at the first one's place.
struct JsonValue {
    JsonType type = JsonType::Null;
    bool boolean = false;
    long long integer = 0;
    double number = 0.0;
    std::string text;                  // String: the decoded text; Integer: its decimal digits
    std::vector<JsonValue> items;      // Array
    std::vector<JsonMember> members;   // Object

    bool isNumber() const { return type == JsonType::Integer || type == JsonType::Number; }
    // The member `key` of an object, or nullptr (also when this is no object).
    const JsonValue* Find(const char* key) const;
    // Present and not null: an argument given.
    const JsonValue* FindGiven(const char* key) const;
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

// Parses `text` into `out`. On failure returns false and sets `error` to one line: the size ("JSON is N bytes, over
// the limit of 1048576"), the depth ("JSON nests deeper than 32 levels at byte N") or the syntax ("invalid JSON at
// byte N near '<the text read since the last string or number>'", N counting the bytes read, the end as one more).
// Strings must be UTF-8; \u escapes (surrogate pairs too) are decoded; a UTF-8 byte order mark may open the text.
// `duplicateKeys`, when given, gets the JSON pointer of every key that repeats a key earlier in the same object
// ("/theme", "/timeline/enabled"), in document order.
bool ParseJsonSafely(const std::string& text, JsonValue& out, std::string& error, std::vector<std::string>* duplicateKeys = nullptr);

// One key as a step of a JSON pointer in a one-line message: '~' and '/' escaped as RFC 6901 says, control
// characters shown as \uXXXX, and a key over 48 bytes cut at a character boundary with "…". So a key holding a
// line break can never split an error into two lines.
std::string JsonPointerStep(const std::string& key);

// "string", "number", "integer", ... for messages.
const char* JsonTypeName(const JsonValue& value);

// JSON text written as it goes, keys in the order written (indent < 0: compact; otherwise a line per member,
// `indent` spaces per level, "key": value). Strings are escaped (invalid UTF-8 becomes U+FFFD); integers are written
// as integers; a float or double in the fewest digits that read back to it, with ".0" when it is whole (as
// JavaScript reads it, a number either way); NaN and infinities as null.
//   JsonWriter w(2); w.BeginObject().Key("n").Value(1).Key("list").BeginArray().Value("a").EndArray().EndObject();
class JsonWriter {
public:
    explicit JsonWriter(int indent) : indent_(indent) {}
    JsonWriter& BeginObject() { return Open('{'); }
    JsonWriter& EndObject() { return Close('}'); }
    JsonWriter& BeginArray() { return Open('['); }
    JsonWriter& EndArray() { return Close(']'); }
    JsonWriter& Key(const std::string& key);   // in an object: the next value's key
    JsonWriter& Value(const std::string& text);
    JsonWriter& Value(const char* text) { return Value(std::string(text)); }
    JsonWriter& Value(bool b) { return Raw(b ? "true" : "false"); }
    JsonWriter& Value(double number) { return Floating(number, false); }
    JsonWriter& Value(float number) { return Floating(number, true); }
    template <typename Int, std::enable_if_t<std::is_integral<Int>::value && !std::is_same<Int, bool>::value, int> = 0>
    JsonWriter& Value(Int number) { return Raw(std::to_string(static_cast<long long>(number))); }
    JsonWriter& Value(const JsonValue& value);   // any value, compact, objects' members in their order
    JsonWriter& Null() { return Raw("null"); }
    JsonWriter& Value(std::nullptr_t) { return Null(); }
    std::string Take() { return std::move(out_); }

private:
    JsonWriter& Open(char bracket);
    JsonWriter& Close(char bracket);
    JsonWriter& Raw(const std::string& token);
    JsonWriter& Floating(double number, bool single);   // single: the digits a float needs
    void NextMember();   // the comma and line break before a member
    void Break(size_t depth);
    int indent_;
    std::string out_;
    std::vector<bool> hasMembers_;   // per open object or array
    bool afterKey_ = false;
};

// {"<key>": value} on one line: the shape of the small queries and events.
template <typename T>
std::string JsonField(const char* key, const T& value) {
    JsonWriter w(-1);
    w.BeginObject().Key(key).Value(value).EndObject();
    return w.Take();
}

// A value as compact JSON text (for messages that show what was given).
std::string JsonText(const JsonValue& value);

} // namespace aw
