// JSON: the value, the reader (limits, one-line errors, duplicate keys) and the ordered writer (see json_util.h).
// [SECTION] value  [SECTION] reader  [SECTION] messages  [SECTION] writer
#include "json_util.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "config.h"
#include "utf8.h"

namespace aw {

// [SECTION] value ----------------------------------------------------------------------------------------------

const JsonValue* JsonValue::Find(const char* key) const {
    for (const JsonMember& m : members)
        if (m.key == key) return &m.value;
    return nullptr;
}

const JsonValue* JsonValue::FindGiven(const char* key) const {
    const JsonValue* v = Find(key);
    return v && v->type != JsonType::Null ? v : nullptr;
}

// [SECTION] reader ---------------------------------------------------------------------------------------------

namespace {

// The two-character escapes, both ways (and \/, which is read only, and \uXXXX).
constexpr char kEscapes[][2] = {{'"', '"'}, {'\\', '\\'}, {'b', '\b'}, {'f', '\f'}, {'n', '\n'}, {'r', '\r'}, {'t', '\t'}};
char UnescapedByte(char letter) {
    for (const auto& e : kEscapes) if (e[0] == letter) return e[1];
    return 0;
}
char EscapeLetter(char byte) {
    for (const auto& e : kEscapes) if (e[1] == byte) return e[0];
    return 0;
}

// A recursive-descent reader. Its errors give the byte and text nlohmann_json's gave when the project read JSON
// with it: the count of bytes read when the error was found (a token is read whole before the grammar checks it;
// the end counts as one byte more), and the text read since the last string or number began.
class JsonReader {
public:
    JsonReader(const std::string& text, std::vector<std::string>* duplicates) : s_(text), duplicates_(duplicates) {}

    bool Read(JsonValue& out, std::string& error) {
        if (!SkipByteOrderMark() || !Scan() || !ParseValue(out, 0)) return Failed(error);
        if (!Scan()) return Failed(error);
        if (token_ == Token::End) return true;
        Fail(read_);   // more after the value
        return Failed(error);
    }

private:
    enum class Token : uint8_t { BeginArray, EndArray, BeginObject, EndObject, Colon, Comma, String, Number, True, False, Null, End };
    struct Level {
        const std::string* key = nullptr;   // an object's member being read, or nullptr in an array
        size_t index = 0;                   // an array's element being read
    };

    bool Fail(size_t readCount) {
        errorAt_ = readCount;
        return false;
    }
    bool Failed(std::string& error) const {
        const size_t end = errorAt_ < s_.size() ? errorAt_ : s_.size();
        std::string near;
        for (size_t i = tokenStart_; i < end; ++i) {
            const unsigned char c = static_cast<unsigned char>(s_[i]);
            if (c > 0x1F) { near += static_cast<char>(c); continue; }
            char buf[10];
            std::snprintf(buf, sizeof buf, "<U+%.4X>", c);
            near += buf;
        }
        error = "invalid JSON at byte " + std::to_string(errorAt_) + (near.empty() ? "" : " near '" + near.substr(0, 20) + "'");
        return false;
    }
    bool AtEnd() const { return pos_ >= s_.size(); }
    unsigned char Next() { return static_cast<unsigned char>(s_[pos_++]); }
    // The next byte must be in [low, high]; the end reads as one byte past it.
    bool Expect(unsigned char low, unsigned char high) {
        if (AtEnd()) return Fail(s_.size() + 1);
        const unsigned char c = Next();
        return c >= low && c <= high ? true : Fail(pos_);
    }

    bool SkipByteOrderMark() {
        if (AtEnd() || static_cast<unsigned char>(s_[0]) != 0xEF) return true;
        ++pos_;
        return Expect(0xBB, 0xBB) && Expect(0xBF, 0xBF);
    }

    // [SECTION] reader: tokens
    bool Scan() {
        while (!AtEnd() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
        if (AtEnd()) { token_ = Token::End; read_ = s_.size() + 1; return true; }
        const char c = static_cast<char>(Next());
        read_ = pos_;
        switch (c) {
            case '[': token_ = Token::BeginArray; return true;
            case ']': token_ = Token::EndArray; return true;
            case '{': token_ = Token::BeginObject; return true;
            case '}': token_ = Token::EndObject; return true;
            case ':': token_ = Token::Colon; return true;
            case ',': token_ = Token::Comma; return true;
            case 't': token_ = Token::True; return Literal("rue");
            case 'f': token_ = Token::False; return Literal("alse");
            case 'n': token_ = Token::Null; return Literal("ull");
            case '"': tokenStart_ = pos_ - 1; token_ = Token::String; return ScanString();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) { tokenStart_ = pos_ - 1; token_ = Token::Number; return ScanNumber(); }
                return Fail(pos_);
        }
    }

    bool Literal(const char* rest) {
        for (; *rest; ++rest)
            if (!Expect(static_cast<unsigned char>(*rest), static_cast<unsigned char>(*rest))) return false;
        read_ = pos_;
        return true;
    }

    bool Hex4(uint32_t& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            if (AtEnd()) return Fail(s_.size() + 1);
            const char c = static_cast<char>(Next());
            const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return Fail(pos_);
            out = out * 16 + static_cast<uint32_t>(digit);
        }
        return true;
    }

    bool ScanString() {
        string_.clear();
        for (;;) {
            if (AtEnd()) return Fail(s_.size() + 1);
            const unsigned char c = Next();
            if (c == '"') break;
            if (c < 0x20) return Fail(pos_);
            if (c == '\\') {
                if (AtEnd()) return Fail(s_.size() + 1);
                const char e = static_cast<char>(Next());
                if (const char byte = UnescapedByte(e)) { string_ += byte; continue; }
                switch (e) {
                    case '/': string_ += '/'; break;
                    case 'u': {
                        uint32_t code = 0;
                        if (!Hex4(code)) return false;
                        if (code >= 0xDC00 && code <= 0xDFFF) return Fail(pos_);   // a low surrogate alone
                        if (code >= 0xD800 && code <= 0xDBFF) {                    // a high one: its low one must follow
                            uint32_t low = 0;
                            if (!Expect('\\', '\\') || !Expect('u', 'u') || !Hex4(low)) return false;
                            if (low < 0xDC00 || low > 0xDFFF) return Fail(pos_);
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        }
                        AppendUtf8(string_, code);
                        break;
                    }
                    default: return Fail(pos_);
                }
                continue;
            }
            string_ += static_cast<char>(c);
            if (c < 0x80) continue;
            // UTF-8: the ranges of RFC 3629 (no overlong forms, no surrogates, nothing past U+10FFFF).
            const size_t first = pos_;
            bool ok;
            if (c >= 0xC2 && c <= 0xDF) ok = Expect(0x80, 0xBF);
            else if (c == 0xE0) ok = Expect(0xA0, 0xBF) && Expect(0x80, 0xBF);
            else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) ok = Expect(0x80, 0xBF) && Expect(0x80, 0xBF);
            else if (c == 0xED) ok = Expect(0x80, 0x9F) && Expect(0x80, 0xBF);
            else if (c == 0xF0) ok = Expect(0x90, 0xBF) && Expect(0x80, 0xBF) && Expect(0x80, 0xBF);
            else if (c >= 0xF1 && c <= 0xF3) ok = Expect(0x80, 0xBF) && Expect(0x80, 0xBF) && Expect(0x80, 0xBF);
            else if (c == 0xF4) ok = Expect(0x80, 0x8F) && Expect(0x80, 0xBF) && Expect(0x80, 0xBF);
            else return Fail(pos_);
            if (!ok) return false;
            string_.append(s_, first, pos_ - first);
        }
        read_ = pos_;
        return true;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; the byte after it is looked at, not read.
    bool ScanNumber() {
        const size_t start = pos_ - 1;
        auto digit = [this] { return !AtEnd() && s_[pos_] >= '0' && s_[pos_] <= '9'; };
        auto needDigit = [&] {   // a digit must come next: anything else is read, and wrong
            if (digit()) return true;
            return AtEnd() ? Fail(s_.size() + 1) : Fail(++pos_);
        };
        bool integer = true;
        if (s_[start] == '-' && !needDigit()) return false;
        if (s_[pos_ - 1] == '-') ++pos_;   // the first digit
        if (s_[pos_ - 1] != '0') while (digit()) ++pos_;
        if (!AtEnd() && s_[pos_] == '.') {
            integer = false;
            ++pos_;
            if (!needDigit()) return false;
            while (digit()) ++pos_;
        }
        if (!AtEnd() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            integer = false;
            ++pos_;
            if (!AtEnd() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
            if (!needDigit()) return false;
            while (digit()) ++pos_;
        }
        read_ = pos_;
        const std::string lexeme = s_.substr(start, pos_ - start);
        number_ = JsonValue{};
        number_.type = JsonType::Number;
        number_.number = std::strtod(lexeme.c_str(), nullptr);
        if (!integer) return true;
        errno = 0;
        if (lexeme[0] == '-') {
            const long long value = std::strtoll(lexeme.c_str(), nullptr, 10);
            if (errno != 0) return true;   // below -2^63: a Number
            number_.integer = value;
        } else {
            const unsigned long long value = std::strtoull(lexeme.c_str(), nullptr, 10);
            if (errno != 0) return true;   // past 2^64 - 1: a Number
            number_.integer = value > static_cast<unsigned long long>(std::numeric_limits<long long>::max())
                                  ? std::numeric_limits<long long>::max() : static_cast<long long>(value);
        }
        number_.type = JsonType::Integer;
        number_.text = number_.integer == 0 ? "0" : lexeme;   // "-0" is 0
        return true;
    }

    // [SECTION] reader: grammar (the current token begins the value)
    bool ParseValue(JsonValue& out, int depth) {
        switch (token_) {
            case Token::Null: out.type = JsonType::Null; return true;
            case Token::True: case Token::False: out.type = JsonType::Boolean; out.boolean = token_ == Token::True; return true;
            case Token::Number:   // a number too large for a double is refused, as nlohmann_json refused it
                if (!std::isfinite(number_.number)) return Fail(read_);
                out = std::move(number_);
                return true;
            case Token::String: out.type = JsonType::String; out.text = std::move(string_); return true;
            case Token::BeginArray: return ParseArray(out, depth + 1);
            case Token::BeginObject: return ParseObject(out, depth + 1);
            default: return Fail(read_);
        }
    }

    bool ParseArray(JsonValue& out, int depth) {
        if (depth > kMaxJsonDepth) return Fail(read_);   // FindExcessiveJsonNesting said so first
        out.type = JsonType::Array;
        if (!Scan()) return false;
        if (token_ == Token::EndArray) return true;
        levels_.push_back(Level{});
        for (;;) {
            levels_.back().index = out.items.size();
            out.items.emplace_back();
            if (!ParseValue(out.items.back(), depth) || !Scan()) return false;
            if (token_ == Token::EndArray) break;
            if (token_ != Token::Comma) return Fail(read_);
            if (!Scan()) return false;
        }
        levels_.pop_back();
        return true;
    }

    bool ParseObject(JsonValue& out, int depth) {
        if (depth > kMaxJsonDepth) return Fail(read_);
        out.type = JsonType::Object;
        if (!Scan()) return false;
        if (token_ == Token::EndObject) return true;
        levels_.push_back(Level{});
        for (;;) {
            if (token_ != Token::String) return Fail(read_);
            std::string key = std::move(string_);
            if (!Scan()) return false;
            if (token_ != Token::Colon) return Fail(read_);
            if (!Scan()) return false;
            JsonValue* earlier = nullptr;   // of two equal keys the last value is kept, at the first one's place
            for (JsonMember& m : out.members)
                if (m.key == key) earlier = &m.value;
            if (earlier && duplicates_) duplicates_->push_back(PathOfMember(key));
            levels_.back().key = &key;
            JsonValue value;
            if (!ParseValue(value, depth)) return false;
            if (earlier) *earlier = std::move(value);
            else out.members.push_back(JsonMember{std::move(key), std::move(value)});
            if (!Scan()) return false;
            if (token_ == Token::EndObject) break;
            if (token_ != Token::Comma) return Fail(read_);
            if (!Scan()) return false;
        }
        levels_.pop_back();
        return true;
    }

    // The JSON pointer of `key` in the innermost open object.
    std::string PathOfMember(const std::string& key) const {
        std::string path;
        for (size_t i = 0; i + 1 < levels_.size(); ++i)
            path += "/" + (levels_[i].key ? JsonPointerStep(*levels_[i].key) : std::to_string(levels_[i].index));
        return path + "/" + JsonPointerStep(key);
    }

    const std::string& s_;
    std::vector<std::string>* duplicates_;
    size_t pos_ = 0;          // the next byte
    size_t read_ = 0;         // bytes read by the current token (the end counts as one)
    size_t tokenStart_ = 0;   // where the last string or number began: an error shows the text from there
    size_t errorAt_ = 0;
    Token token_ = Token::End;
    std::string string_;      // Token::String's text
    JsonValue number_;        // Token::Number's value
    std::vector<Level> levels_;
};

} // namespace

bool ParseJsonSafely(const std::string& text, JsonValue& out, std::string& error, std::vector<std::string>* duplicateKeys) {
    if (text.size() > kMaxJsonBytes) {
        error = "JSON is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(kMaxJsonBytes);
        return false;
    }
    const long deep = FindExcessiveJsonNesting(text, kMaxJsonDepth);
    if (deep >= 0) {
        error = "JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels at byte " + std::to_string(deep);
        return false;
    }
    std::vector<std::string> duplicates;
    JsonValue parsed;
    if (!JsonReader(text, &duplicates).Read(parsed, error)) return false;
    out = std::move(parsed);
    if (duplicateKeys) *duplicateKeys = std::move(duplicates);
    return true;
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

// [SECTION] messages -------------------------------------------------------------------------------------------

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

const char* JsonTypeName(const JsonValue& value) {
    switch (value.type) {
        case JsonType::Null: return "null";
        case JsonType::Object: return "object";
        case JsonType::Array: return "array";
        case JsonType::String: return "string";
        case JsonType::Boolean: return "boolean";
        case JsonType::Integer: return "integer";
        case JsonType::Number: return "number";
    }
    return "value";
}

std::string JsonText(const JsonValue& value) { return JsonWriter(-1).Value(value).Take(); }

// [SECTION] writer: pretty ("key": value, a line per member) or compact (no spaces) -------------------------------

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

JsonWriter& JsonWriter::Raw(const std::string& token) {
    NextMember();
    out_ += token;
    return *this;
}

namespace {
// `text` as a JSON string: quotes, backslashes and control characters escaped, other characters as they are,
// invalid UTF-8 as U+FFFD.
void AppendJsonString(std::string& out, const std::string& text) {
    out += '"';
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const size_t start = i;
            if (DecodeUtf8(text, i) == 0xFFFD && !(i - start == 3 && text.compare(start, 3, "\xEF\xBF\xBD") == 0)) out += "\xEF\xBF\xBD";
            else out.append(text, start, i - start);
            continue;
        }
        ++i;
        if (const char letter = EscapeLetter(static_cast<char>(c))) {
            out += '\\';
            out += letter;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}
} // namespace

JsonWriter& JsonWriter::Key(const std::string& key) {
    NextMember();
    AppendJsonString(out_, key);
    out_ += indent_ < 0 ? ":" : ": ";
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::Value(const std::string& text) {
    NextMember();
    AppendJsonString(out_, text);
    return *this;
}

JsonWriter& JsonWriter::Floating(double number, bool single) {
    if (!std::isfinite(number)) return Null();
    char buf[32];
    if (number == std::floor(number) && std::fabs(number) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f.0", number);   // whole: 680.0, as nlohmann_json wrote it
        return Raw(buf);
    }
    // The fewest significant digits that read back to the same float or double.
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, number);
        const double back = std::strtod(buf, nullptr);
        if (single ? static_cast<float>(back) == static_cast<float>(number) : back == number) break;
    }
    return Raw(buf);
}

JsonWriter& JsonWriter::Value(const JsonValue& value) {
    switch (value.type) {
        case JsonType::Null: return Null();
        case JsonType::Boolean: return Value(value.boolean);
        case JsonType::Integer: return Raw(value.text);
        case JsonType::Number: return Value(value.number);
        case JsonType::String: return Value(value.text);
        case JsonType::Array:
            BeginArray();
            for (const JsonValue& item : value.items) Value(item);
            return EndArray();
        case JsonType::Object:
            BeginObject();
            for (const JsonMember& m : value.members) Key(m.key).Value(m.value);
            return EndObject();
    }
    return *this;
}

} // namespace aw
