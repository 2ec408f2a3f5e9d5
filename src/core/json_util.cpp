// Exception-free JSON parsing helpers shared by the config and the widget state readers, and the ordered JSON writer.
#include "json_util.h"

#include <cstdio>

#include "config.h"

namespace aw {

namespace {
// Records the first syntax error; builds no DOM.
struct ErrorOnlySax : nlohmann::json_sax<nlohmann::json> {
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

// Keeps the path to the current value and the keys seen in each open object; builds no DOM.
struct DuplicateKeySax : nlohmann::json_sax<nlohmann::json> {
    struct Level {
        bool object = false;
        std::vector<std::string> keys;   // objects: the keys so far (configs are small: a linear search is enough)
        std::string step;                // the key or array index of the value being read
        size_t index = 0;                // arrays: the next element's index
    };
    std::vector<Level> levels;
    std::vector<std::string> duplicates;

    std::string PathTo(const std::string& last) const {
        std::string path;
        for (size_t i = 0; i + 1 < levels.size(); ++i) path += "/" + levels[i].step;
        return path + "/" + last;
    }
    // A value begins: inside an array it takes the next index.
    void Value() {
        if (!levels.empty() && !levels.back().object) levels.back().step = std::to_string(levels.back().index++);
    }
    bool null() override { Value(); return true; }
    bool boolean(bool) override { Value(); return true; }
    bool number_integer(number_integer_t) override { Value(); return true; }
    bool number_unsigned(number_unsigned_t) override { Value(); return true; }
    bool number_float(number_float_t, const string_t&) override { Value(); return true; }
    bool string(string_t&) override { Value(); return true; }
    bool binary(binary_t&) override { Value(); return true; }
    bool start_object(std::size_t) override { Value(); levels.push_back(Level{true, {}, {}, 0}); return true; }
    bool key(string_t& key) override {
        Level& level = levels.back();
        for (const std::string& seen : level.keys)
            if (seen == key) { duplicates.push_back(PathTo(JsonPointerStep(key))); break; }
        level.keys.push_back(key);
        level.step = JsonPointerStep(key);
        return true;
    }
    bool end_object() override { levels.pop_back(); return true; }
    bool start_array(std::size_t) override { Value(); levels.push_back(Level{false, {}, {}, 0}); return true; }
    bool end_array() override { levels.pop_back(); return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};
} // namespace

std::string JsonPointerStep(const std::string& key) {
    constexpr size_t kMaxStepBytes = 48;
    std::string step;
    for (size_t i = 0; i < key.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(key[i]);
        if (step.size() >= kMaxStepBytes && (c & 0xC0) != 0x80) { step += "\xE2\x80\xA6"; break; }   // "…"
        if (c == '~') step += "~0";
        else if (c == '/') step += "~1";
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            step += buf;
        } else step += static_cast<char>(c);
    }
    return step;
}

std::vector<std::string> FindDuplicateJsonKeys(const std::string& text) {
    DuplicateKeySax sax;
    nlohmann::json::sax_parse(text, &sax);
    return std::move(sax.duplicates);
}

bool ParseJsonSafely(const std::string& text, nlohmann::json& out, std::string& error) {
    if (text.size() > kMaxJsonBytes) {
        error = "JSON is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(kMaxJsonBytes);
        return false;
    }
    const long deep = FindExcessiveJsonNesting(text, kMaxJsonDepth);
    if (deep >= 0) {
        error = "JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels at byte " + std::to_string(deep);
        return false;
    }
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        ErrorOnlySax sax;
        nlohmann::json::sax_parse(text, &sax);
        error = sax.message.empty() ? std::string("invalid JSON") : sax.message;
        return false;
    }
    out = std::move(parsed);
    return true;
}

const char* JsonTypeName(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "object";
        case nlohmann::json::value_t::array: return "array";
        case nlohmann::json::value_t::string: return "string";
        case nlohmann::json::value_t::boolean: return "boolean";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return "integer";
        case nlohmann::json::value_t::number_float: return "number";
        default: return "value";
    }
}

long FindExcessiveJsonNesting(const std::string& json, int maxDepth) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') { if (++depth > maxDepth) return static_cast<long>(i); }
        else if (c == ']' || c == '}') --depth;
    }
    return -1;
}

// [SECTION] JsonWriter: the layout of nlohmann's serializer (pretty: "key": value, a line per member; compact: no spaces)
void JsonWriter::Break(size_t depth) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::NextMember() {
    if (afterKey_) { afterKey_ = false; return; }   // an object's value follows its key on the same line
    if (hasMembers_.empty()) return;
    if (hasMembers_.back()) out_ += ',';
    hasMembers_.back() = true;
    Break(hasMembers_.size());
}

JsonWriter& JsonWriter::Open(char bracket) {
    NextMember();
    out_ += bracket;
    hasMembers_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
    const bool members = hasMembers_.back();
    hasMembers_.pop_back();
    if (members) Break(hasMembers_.size());   // an empty one stays "{}" or "[]"
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::Key(const std::string& key) {
    NextMember();
    out_ += nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out_ += indent_ < 0 ? ":" : ": ";
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::Value(const nlohmann::json& value) {
    NextMember();
    out_ += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return *this;
}

} // namespace aw
