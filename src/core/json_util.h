// Exception-free JSON parsing helpers shared by the config and the widget state readers, and a writer of JSON
// text whose keys stay in the order they are written.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aw {

constexpr int kMaxJsonDepth = 32;
constexpr size_t kMaxJsonBytes = 1u << 20;   // 1 MiB: configs and states are small

// Parses `text` into `out` without exceptions. On failure returns false and sets `error`
// to a one-line description with the byte offset (size, nesting depth, or syntax).
bool ParseJsonSafely(const std::string& text, nlohmann::json& out, std::string& error);

// The JSON pointer of every key that repeats a key earlier in the same object ("/theme", "/timeline/enabled"),
// in document order. `text` must be valid JSON (ParseJsonSafely accepted it).
std::vector<std::string> FindDuplicateJsonKeys(const std::string& text);

// One key as a step of a JSON pointer in a one-line message: '~' and '/' escaped as RFC 6901 says, control
// characters shown as \uXXXX, and a key over 48 bytes cut at a character boundary with "…". So a key holding a
// line break can never split an error into two lines.
std::string JsonPointerStep(const std::string& key);

// "string", "number", ... for messages.
const char* JsonTypeName(const nlohmann::json& value);

// JSON text written as it goes, keys in the order written: the text nlohmann::ordered_json's dump(indent, ' ',
// false, replace) gives for the same calls (indent < 0: compact; otherwise a line per member, `indent` spaces per
// level), without a second nlohmann::basic_json type in the module. Each value is formatted by nlohmann::json's own
// serializer (strings escaped, invalid UTF-8 replaced, numbers as nlohmann writes them).
//   JsonWriter w(2); w.BeginObject().Key("n").Value(1).Key("list").BeginArray().Value("a").EndArray().EndObject();
class JsonWriter {
public:
    explicit JsonWriter(int indent) : indent_(indent) {}
    JsonWriter& BeginObject() { return Open('{'); }
    JsonWriter& EndObject() { return Close('}'); }
    JsonWriter& BeginArray() { return Open('['); }
    JsonWriter& EndArray() { return Close(']'); }
    JsonWriter& Key(const std::string& key);   // in an object: the next value's key
    JsonWriter& Value(const nlohmann::json& value);   // a string, number, bool or null (dumped on one line)
    std::string Take() { return std::move(out_); }

private:
    JsonWriter& Open(char bracket);
    JsonWriter& Close(char bracket);
    void NextMember();   // the comma and line break before a member
    void Break(size_t depth);
    int indent_;
    std::string out_;
    std::vector<bool> hasMembers_;   // per open object or array
    bool afterKey_ = false;
};

} // namespace aw
