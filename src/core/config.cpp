// Widget configuration: reading the JSON (core/json_util.h) and validating every key with its path.
#include "config.h"

#include "text_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "json_util.h"
#include "strings.h"

namespace aw {

std::string ConfigError::describe() const {
    return "config " + (path.empty() ? std::string("/") : path) + ": " + message;
}

const char* ThemeModeName(ThemeMode mode) {
    switch (mode) {
        case ThemeMode::Light: return "light";
        case ThemeMode::Dark: return "dark";
        default: return "auto";
    }
}

std::string RgbToHex(Rgb c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

bool ParseHexColor(const std::string& text, Rgb& out) {
    auto hex = [](char ch) -> int {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
        return -1;
    };
    if (text.size() != 7 && text.size() != 4) return false;
    if (text[0] != '#') return false;
    int v[6];
    for (size_t i = 1; i < text.size(); ++i) if ((v[i - 1] = hex(text[i])) < 0) return false;
    if (text.size() == 4) { out = {uint8_t(v[0] * 17), uint8_t(v[1] * 17), uint8_t(v[2] * 17)}; return true; }
    out = {uint8_t(v[0] * 16 + v[1]), uint8_t(v[2] * 16 + v[3]), uint8_t(v[4] * 16 + v[5])};
    return true;
}

std::string FontFamilyListError(const std::string& families) {
    if (families.empty()) return "must not be empty";
    if (families.size() > 256) return "must be at most 256 characters";
    size_t names = 0;
    size_t i = 0;
    while (i <= families.size()) {
        // One name: quoted, or bare words; then a comma or the end.
        while (i < families.size() && families[i] == ' ') ++i;
        if (i < families.size() && (families[i] == '"' || families[i] == '\'')) {
            const char quote = families[i];
            const size_t close = families.find(quote, i + 1);
            if (close == std::string::npos) return "has an unclosed quote";
            if (close == i + 1) return "has an empty name";
            i = close + 1;
        } else {
            const size_t start = i;
            while (i < families.size() && families[i] != ',') {
                const unsigned char c = static_cast<unsigned char>(families[i]);
                const bool okChar = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                    c == ' ' || c == '-' || c == '_' || c == '.';
                if (!okChar) {   // a control character is named, never written: the error stays on its one line
                    char shown[16];
                    std::snprintf(shown, sizeof shown, c < 0x20 || c == 0x7f ? "U+%04X" : "'%c'", c);
                    return std::string("may not hold ") + shown + " outside quotes";
                }
                ++i;
            }
            if (families.find_first_not_of(' ', start) >= i) return "has an empty name";
        }
        while (i < families.size() && families[i] == ' ') ++i;
        ++names;
        if (i == families.size()) break;
        if (families[i] != ',') return "expected a comma between names";
        ++i;
        if (i == families.size()) return "ends with a comma";
    }
    for (char c : families)
        if (static_cast<unsigned char>(c) < 0x20 || c == ';' || c == '{' || c == '}' || c == '<' || c == '>' || c == '\\')
            return "may not hold control characters or any of ; { } < > \\";
    return names > 0 ? "" : "must name at least one family";
}

std::string DeepLinkPrefixError(const std::string& prefix) {
    for (char c : prefix) {
        const bool okChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!okChar) return "may hold only letters, digits, '-' and '_'";
    }
    if (prefix.size() > 32) return "must be at most 32 characters";
    return "";
}

std::string ConfigReport::describe() const {
    std::string lines;
    for (const ConfigError& e : errors) lines += (lines.empty() ? "" : "\n") + e.describe();
    if (errorsOmitted > 0) lines += "\nconfig: " + std::to_string(errorsOmitted) + " more errors";
    return lines;
}

namespace {

// Walks one JSON object, checking each key against the schema. Every problem is reported, each with its path.
class ObjectReader {
public:
    ObjectReader(const JsonValue& object, std::string path, ConfigReport& report) : obj_(object), path_(std::move(path)), report_(report) {}

    // Every key must be known; call after reading.
    void RejectUnknown(std::initializer_list<const char*> known) {
        for (const JsonMember& m : obj_.members) {
            bool found = false;
            for (const char* k : known) if (m.key == k) found = true;
            if (!found) Fail(path_ + "/" + JsonPointerStep(m.key), "unknown key");
        }
    }
    const JsonValue* Find(const char* key) const { return obj_.Find(key); }
    bool String(const char* key, std::string& out) {
        const JsonValue* v = Find(key);
        if (!v) return false;
        if (v->type != JsonType::String) return TypeError(key, "a string", *v);
        out = v->text;
        return true;
    }
    bool Bool(const char* key, bool& out) {
        const JsonValue* v = Find(key);
        if (!v) return false;
        if (v->type != JsonType::Boolean) return TypeError(key, "true or false", *v);
        out = v->boolean;
        return true;
    }
    bool Integer(const char* key, long long min, long long max, long long& out) {
        const JsonValue* v = Find(key);
        if (!v) return false;
        if (v->type != JsonType::Integer) return TypeError(key, "an integer", *v);
        const long long value = v->integer;   // past 2^63 - 1 it is held as 2^63 - 1: out of range too
        if (value < min || value > max)
            return Fail(path_ + "/" + key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + v->text);
        out = value;
        return true;
    }
    bool Fail(const std::string& path, const std::string& message) {
        if (report_.errors.size() < kMaxConfigErrors) report_.errors.push_back(ConfigError{path, message});
        else ++report_.errorsOmitted;
        return false;
    }
    bool TypeError(const char* key, const char* expected, const JsonValue& got) {
        return Fail(path_ + "/" + key, std::string("expected ") + expected + ", got " + JsonTypeName(got));
    }
    size_t problems() const { return report_.errors.size() + report_.errorsOmitted; }
    const std::string& path() const { return path_; }
    ConfigReport& report() const { return report_; }

private:
    const JsonValue& obj_;
    std::string path_;
    ConfigReport& report_;
};

// One timeline marker; false (with its errors reported) when it is not valid.
bool ReadMarker(const JsonValue& item, const std::string& itemPath, ObjectReader& parent, TimelineMarker& marker) {
    if (item.type != JsonType::Object) return parent.Fail(itemPath, std::string("expected an object, got ") + JsonTypeName(item));
    ObjectReader r(item, itemPath, parent.report());
    const size_t before = r.problems();
    if (const JsonValue* pos = r.Find("position"); !pos) {
        r.Fail(itemPath + "/position", "missing (a number: 0 is the first stage)");
    } else if (!pos->isNumber()) {
        r.TypeError("position", "a number", *pos);
    } else {
        const double position = pos->number;   // checked before narrowing: 1e300 is no float
        if (!(position >= 0.0 && position <= 64.0)) r.Fail(itemPath + "/position", "must be between 0 and 64");
        else marker.position = static_cast<float>(position);
    }
    if (!r.Find("label")) r.Fail(itemPath + "/label", "missing (a string)");
    else if (r.String("label", marker.label) && marker.label.empty()) r.Fail(itemPath + "/label", "must not be empty");
    r.RejectUnknown({"position", "label"});
    return r.problems() == before;
}

// The widget's strings: known names (core/strings.h) with string values; every bad one is reported.
void ReadStrings(ObjectReader& parent, std::map<std::string, std::string>& strings) {
    const JsonValue* v = parent.Find("strings");
    if (!v) return;
    if (v->type != JsonType::Object) { parent.TypeError("strings", "an object", *v); return; }
    ObjectReader r(*v, "/strings", parent.report());
    for (const JsonMember& m : v->members) {
        if (const std::string why = StringNameError(m.key); !why.empty()) { r.Fail("/strings/" + JsonPointerStep(m.key), why); continue; }
        std::string value;
        if (!r.String(m.key.c_str(), value)) continue;
        if (value.size() > 200) { r.Fail("/strings/" + JsonPointerStep(m.key), "must be at most 200 characters"); continue; }
        strings[m.key] = std::move(value);
    }
}

} // namespace

bool IsLanguageTag(const std::string& tag) {
    size_t start = 0;
    for (size_t part = 0; start <= tag.size(); ++part) {
        const size_t end = std::min(tag.find('-', start), tag.size());
        const size_t length = end - start;
        if (length < (part == 0 ? 2 : 1) || length > (part == 0 ? 3 : 8)) return false;
        for (size_t i = start; i < end; ++i) {
            const char c = tag[i];
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(part > 0 && c >= '0' && c <= '9')) return false;
        }
        start = end + 1;
    }
    return tag.size() <= 35;
}

namespace {

// "" when `url` can be a baseUrl (an absolute http, https or file URL, at most 8192 characters), else why not.
std::string BaseUrlError(const std::string& url) {
    const std::string scheme = ToLowerAscii(url.substr(0, url.find(':')));
    const bool absolute = url.find("://") == scheme.size() && (scheme == "http" || scheme == "https" || scheme == "file");
    if (!absolute) return "expected an absolute http, https or file URL, got \"" + url.substr(0, 80) + "\"";
    if (url.size() > 8192) return "must be at most 8192 characters";
    return "";
}

void ReadMapping(ObjectReader& parent, const char* key, bool& enabled, std::string& section, std::vector<TimelineMarker>* markers) {
    const JsonValue* v = parent.Find(key);
    if (!v) return;
    const std::string path = parent.path() + "/" + key;
    if (v->type != JsonType::Object) { parent.TypeError(key, "an object", *v); return; }
    ObjectReader r(*v, path, parent.report());
    r.Bool("enabled", enabled);
    r.String("section", section);
    if (!markers) { r.RejectUnknown({"enabled", "section"}); return; }
    if (const JsonValue* m = r.Find("markers")) {
        if (m->type != JsonType::Array) {
            r.TypeError("markers", "an array", *m);
        } else {
            for (size_t i = 0; i < m->items.size(); ++i) {
                TimelineMarker marker;
                if (ReadMarker(m->items[i], path + "/markers/" + std::to_string(i), r, marker)) markers->push_back(std::move(marker));
            }
        }
    }
    r.RejectUnknown({"enabled", "section", "markers"});
}

void ReadFonts(ObjectReader& parent, FontFamilies& fonts) {
    const JsonValue* v = parent.Find("fonts");
    if (!v) return;
    if (v->type != JsonType::Object) { parent.TypeError("fonts", "an object", *v); return; }
    ObjectReader r(*v, "/fonts", parent.report());
    for (auto [key, out] : {std::pair<const char*, std::string*>{"body", &fonts.body}, {"heading", &fonts.heading}, {"code", &fonts.code}}) {
        if (!r.String(key, *out)) continue;
        if (const std::string why = FontFamilyListError(*out); !why.empty())
            r.Fail(std::string("/fonts/") + key, "expected a CSS font-family list like \"Noto Serif\", serif (it " + why + ")");
    }
    r.RejectUnknown({"body", "heading", "code"});
}

} // namespace

bool ParseConfig(const std::string& text, Config& out, ConfigReport& report) {
    report = ConfigReport{};
    JsonValue root;
    std::string parseError;
    std::vector<std::string> duplicates;
    if (!ParseJsonSafely(text, root, parseError, &duplicates)) { report.errors.push_back(ConfigError{"", parseError}); return false; }
    if (root.type != JsonType::Object) { report.errors.push_back(ConfigError{"", std::string("expected an object, got ") + JsonTypeName(root)}); return false; }
    // The reader keeps the last of two equal keys in one object: say so, naming the key.
    for (const std::string& path : duplicates) report.warnings.push_back(ConfigError{path, "duplicate key: the last value is used"});

    Config config;
    ObjectReader r(root, "", report);
    r.String("title", config.title);
    std::string theme;
    if (r.String("theme", theme)) {
        if (theme == "auto") config.theme = ThemeMode::Auto;
        else if (theme == "light") config.theme = ThemeMode::Light;
        else if (theme == "dark") config.theme = ThemeMode::Dark;
        else r.Fail("/theme", "expected \"auto\", \"light\" or \"dark\", got \"" + theme + "\"");
    }
    std::string accent;
    if (r.String("accent", accent) && !ParseHexColor(accent, config.accent))
        r.Fail("/accent", "expected a colour like \"#1f5fbf\", got \"" + accent + "\"");
    ReadMapping(r, "timeline", config.timelineEnabled, config.timelineSection, &config.markers);
    ReadMapping(r, "faq", config.faqEnabled, config.faqSection, nullptr);
    long long number = 0;
    // Any stage of a timeline of any length; past the last stage it selects the last.
    if (r.Integer("initialStage", 0, std::numeric_limits<int>::max(), number)) config.initialStage = static_cast<int>(number);
    if (r.String("deepLinkPrefix", config.deepLinkPrefix))
        if (const std::string why = DeepLinkPrefixError(config.deepLinkPrefix); !why.empty()) r.Fail("/deepLinkPrefix", why);
    r.Bool("updateHash", config.updateHash);
    if (r.String("baseUrl", config.baseUrl))
        if (const std::string why = BaseUrlError(config.baseUrl); !why.empty()) r.Fail("/baseUrl", why);
    if (r.Integer("maxInputBytes", 1024, 64ll * 1024 * 1024, number)) config.maxInputBytes = static_cast<uint32_t>(number);
    ReadFonts(r, config.fonts);
    r.Bool("smartPunctuation", config.smartPunctuation);
    if (r.String("lang", config.lang) && !config.lang.empty() && !IsLanguageTag(config.lang))
        r.Fail("/lang", "expected a language tag like \"ar\" or \"pt-BR\", got \"" + config.lang.substr(0, 40) + "\"");
    ReadStrings(r, config.strings);
    r.RejectUnknown({"$schema", "title", "theme", "accent", "timeline", "faq", "initialStage", "deepLinkPrefix", "updateHash",
                     "baseUrl", "maxInputBytes", "fonts", "smartPunctuation", "lang", "strings"});
    if (r.problems() > 0) return false;
    out = std::move(config);
    return true;
}

// [SECTION] host inputs ----------------------------------------------------------

bool ParseHostInputs(const std::string& text, HostInputs& out, std::string& error) {
    out = HostInputs{};
    if (text.empty()) return true;
    JsonValue root;
    if (!ParseJsonSafely(text, root, error)) { error = "host inputs: " + error; return false; }
    if (root.type != JsonType::Object) { error = std::string("host inputs: expected an object, got ") + JsonTypeName(root); return false; }
    ConfigReport report;
    ObjectReader r(root, "", report);
    r.String("lang", out.lang);
    r.String("baseUrl", out.baseUrl);
    out.hasHashPrefix = r.String("hashPrefix", out.hashPrefix);
    out.hasStartStage = r.String("startStage", out.startStage);
    r.RejectUnknown({"lang", "baseUrl", "hashPrefix", "startStage"});
    if (r.problems() == 0) return true;
    error = "host inputs" + report.errors.front().describe().substr(std::string("config").size());
    return false;
}

void ApplyHostAttributes(const HostInputs& host, Config& config, std::vector<std::string>& problems) {
    if (host.hasHashPrefix) {
        if (const std::string why = DeepLinkPrefixError(host.hashPrefix); why.empty()) config.deepLinkPrefix = host.hashPrefix;
        else problems.push_back("hash-prefix: " + why + "; the config's deepLinkPrefix applies");
    }
    if (host.hasStartStage) {
        const std::string stage = CollapseWhitespace(host.startStage);
        const bool digits = !stage.empty() && stage.size() <= 9 && stage.find_first_not_of("0123456789") == std::string::npos;
        if (digits) config.initialStage = std::stoi(stage);
        else problems.push_back("start-stage: expected a stage number from 0, got \"" + host.startStage.substr(0, 40) +
                                "\"; the config's initialStage applies");
    }
}

std::string HostLanguageTag(const std::string& pageLang) {
    std::string tag = CollapseWhitespace(pageLang);
    std::replace(tag.begin(), tag.end(), '_', '-');
    return IsLanguageTag(tag) ? tag : "";
}

std::string HostBaseUrl(const std::string& url) { return BaseUrlError(url).empty() ? url : ""; }

} // namespace aw
