// Widget configuration: reading the JSON with nlohmann_json and validating every key with its path.
#include "config.h"

#include "text_util.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "json_util.h"

namespace aw {

using nlohmann::json;

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
                if (!okChar) return std::string("may not hold '") + static_cast<char>(c) + "' outside quotes";
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

namespace {

// Walks one JSON object, checking each key against the schema. The first problem wins.
class ObjectReader {
public:
    ObjectReader(const json& object, std::string path, ConfigError& error) : obj_(object), path_(std::move(path)), error_(error) {}

    bool ok() const { return error_.message.empty(); }

    // Every key must be known; call after reading.
    void RejectUnknown(std::initializer_list<const char*> known) {
        if (!ok()) return;
        for (auto it = obj_.begin(); it != obj_.end(); ++it) {
            bool found = false;
            for (const char* k : known) if (it.key() == k) found = true;
            if (!found) { Fail(path_ + "/" + it.key(), "unknown key"); return; }
        }
    }
    const json* Find(const char* key) const {
        const auto it = obj_.find(key);
        return it == obj_.end() ? nullptr : &*it;
    }
    bool String(const char* key, std::string& out) {
        const json* v = Find(key);
        if (!v || !ok()) return false;
        if (!v->is_string()) return TypeError(key, "a string", *v);
        out = v->get_ref<const std::string&>();
        return true;
    }
    bool Bool(const char* key, bool& out) {
        const json* v = Find(key);
        if (!v || !ok()) return false;
        if (!v->is_boolean()) return TypeError(key, "true or false", *v);
        out = v->get<bool>();
        return true;
    }
    bool Integer(const char* key, long long min, long long max, long long& out) {
        const json* v = Find(key);
        if (!v || !ok()) return false;
        if (!v->is_number_integer()) return TypeError(key, "an integer", *v);
        const long long value = v->is_number_unsigned() && v->get<unsigned long long>() > 0x7fffffffffffffffull
                                    ? max + 1 : v->get<long long>();
        if (value < min || value > max) {
            Fail(path_ + "/" + key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + v->dump());
            return false;
        }
        out = value;
        return true;
    }
    bool Fail(const std::string& path, const std::string& message) {
        if (ok()) { error_.path = path; error_.message = message; }
        return false;
    }
    bool TypeError(const char* key, const char* expected, const json& got) {
        return Fail(path_ + "/" + key, std::string("expected ") + expected + ", got " + JsonTypeName(got));
    }
    const std::string& path() const { return path_; }

private:
    const json& obj_;
    std::string path_;
    ConfigError& error_;
};

bool ReadMapping(ObjectReader& parent, const char* key, bool& enabled, std::string& section,
                 std::vector<TimelineMarker>* markers, ConfigError& error) {
    const json* v = parent.Find(key);
    if (!v) return true;
    const std::string path = parent.path() + "/" + key;
    if (!v->is_object()) return parent.TypeError(key, "an object", *v);
    ObjectReader r(*v, path, error);
    r.Bool("enabled", enabled);
    r.String("section", section);
    if (markers) {
        if (const json* m = r.Find("markers"); m && r.ok()) {
            if (!m->is_array()) return r.TypeError("markers", "an array", *m);
            for (size_t i = 0; i < m->size() && r.ok(); ++i) {
                const std::string itemPath = path + "/markers/" + std::to_string(i);
                const json& item = (*m)[i];
                if (!item.is_object()) return r.Fail(itemPath, std::string("expected an object, got ") + JsonTypeName(item));
                ObjectReader mr(item, itemPath, error);
                TimelineMarker marker;
                const json* pos = mr.Find("position");
                if (!pos) return mr.Fail(itemPath + "/position", "missing (a number: 0 is the first stage)");
                if (!pos->is_number()) return mr.TypeError("position", "a number", *pos);
                const double position = pos->get<double>();   // checked before narrowing: 1e300 is no float
                if (!(position >= 0.0 && position <= 64.0)) return mr.Fail(itemPath + "/position", "must be between 0 and 64");
                marker.position = static_cast<float>(position);
                if (!mr.String("label", marker.label) && mr.ok()) return mr.Fail(itemPath + "/label", "missing (a string)");
                if (mr.ok() && marker.label.empty()) return mr.Fail(itemPath + "/label", "must not be empty");
                mr.RejectUnknown({"position", "label"});
                markers->push_back(std::move(marker));
            }
        }
        r.RejectUnknown({"enabled", "section", "markers"});
    } else {
        r.RejectUnknown({"enabled", "section"});
    }
    return r.ok();
}

bool ReadFonts(ObjectReader& parent, FontFamilies& fonts, ConfigError& error) {
    const json* v = parent.Find("fonts");
    if (!v) return true;
    if (!v->is_object()) return parent.TypeError("fonts", "an object", *v);
    ObjectReader r(*v, "/fonts", error);
    for (auto [key, out] : {std::pair<const char*, std::string*>{"body", &fonts.body}, {"heading", &fonts.heading}, {"code", &fonts.code}}) {
        if (!r.String(key, *out)) continue;
        if (const std::string why = FontFamilyListError(*out); !why.empty())
            return r.Fail(std::string("/fonts/") + key, "expected a CSS font-family list like \"Noto Serif\", serif (it " + why + ")");
    }
    r.RejectUnknown({"body", "heading", "code"});
    return r.ok();
}

} // namespace

bool ParseConfig(const std::string& text, Config& out, ConfigError& error) {
    error = ConfigError{};
    json root;
    std::string parseError;
    if (!ParseJsonSafely(text, root, parseError)) { error.message = parseError; return false; }
    if (!root.is_object()) { error.message = std::string("expected an object, got ") + JsonTypeName(root); return false; }

    Config config;
    ObjectReader r(root, "", error);
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
    if (r.ok()) ReadMapping(r, "timeline", config.timelineEnabled, config.timelineSection, &config.markers, error);
    if (r.ok()) ReadMapping(r, "faq", config.faqEnabled, config.faqSection, nullptr, error);
    long long number = 0;
    // Any stage of a timeline of any length; past the last stage it selects the last.
    if (r.Integer("initialStage", 0, std::numeric_limits<int>::max(), number)) config.initialStage = static_cast<int>(number);
    if (r.String("deepLinkPrefix", config.deepLinkPrefix)) {
        for (char c : config.deepLinkPrefix) {
            const bool okChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!okChar) { r.Fail("/deepLinkPrefix", "may hold only letters, digits, '-' and '_'"); break; }
        }
        if (config.deepLinkPrefix.size() > 32) r.Fail("/deepLinkPrefix", "must be at most 32 characters");
    }
    r.Bool("updateHash", config.updateHash);
    if (r.String("baseUrl", config.baseUrl)) {
        const std::string scheme = ToLowerAscii(config.baseUrl.substr(0, config.baseUrl.find(':')));
        const bool absolute = config.baseUrl.find("://") == scheme.size() && (scheme == "http" || scheme == "https" || scheme == "file");
        if (!absolute) r.Fail("/baseUrl", "expected an absolute http, https or file URL, got \"" + config.baseUrl.substr(0, 80) + "\"");
        else if (config.baseUrl.size() > 8192) r.Fail("/baseUrl", "must be at most 8192 characters");
    }
    if (r.Integer("maxInputBytes", 1024, 64ll * 1024 * 1024, number)) config.maxInputBytes = static_cast<uint32_t>(number);
    if (r.ok()) ReadFonts(r, config.fonts, error);
    r.RejectUnknown({"$schema", "title", "theme", "accent", "timeline", "faq", "initialStage", "deepLinkPrefix", "updateHash",
                     "baseUrl", "maxInputBytes", "fonts"});
    if (!r.ok()) return false;
    out = std::move(config);
    return true;
}

} // namespace aw
