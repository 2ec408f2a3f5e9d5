// Exception-free JSON parsing helpers shared by the config and the widget state readers.
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

} // namespace aw
