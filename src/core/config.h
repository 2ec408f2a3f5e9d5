// Widget configuration: the JSON schema, its defaults, and validation with errors that name the JSON path.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace aw {

enum class ThemeMode : uint8_t { Auto, Light, Dark };

struct Rgb { uint8_t r = 0, g = 0, b = 0; };

struct TimelineMarker {
    float       position = 0.0f;   // 0 = first stage, stage count - 1 = last; fractions fall between
    std::string label;
};

// CSS font-family lists ("Noto Serif", serif). Empty: the platform's default (on the web the family the
// element inherits from its page, natively serif / sans-serif / monospace through fontconfig).
struct FontFamilies {
    std::string body;      // paragraphs, lists, quotes, the timeline's cards and the FAQ's answers
    std::string heading;   // the title, headings, questions and the controls
    std::string code;      // inline code and code blocks
    bool operator==(const FontFamilies& o) const { return body == o.body && heading == o.heading && code == o.code; }
    bool operator!=(const FontFamilies& o) const { return !(*this == o); }
};

struct Config {
    std::string title;                 // overrides the first H1 when set
    ThemeMode   theme = ThemeMode::Auto;
    Rgb         accent{0x1f, 0x5f, 0xbf};
    // Timeline mapping: enabled=false turns detection off; section names a section slug whose
    // first list becomes the timeline.
    bool        timelineEnabled = true;
    std::string timelineSection;
    std::vector<TimelineMarker> markers;
    // FAQ mapping, the same shape.
    bool        faqEnabled = true;
    std::string faqSection;
    int         initialStage = 0;
    std::string deepLinkPrefix;        // prefix for #<prefix>stage-<n> and #<prefix>faq-<slug> (DeepLinkPrefixError)
    bool        updateHash = false;
    // What relative links and images resolve against: an absolute http, https or file URL. The element
    // sets it to the article's own URL (its src) unless the config gives one.
    std::string baseUrl;
    uint32_t    maxInputBytes = 8u * 1024u * 1024u;
    FontFamilies fonts;
    // The article's language (a BCP 47 tag, "ar", "pt-BR"): it chooses the defaults of the widget's own
    // strings (core/strings.h). "" (as a host page without lang gives) is English.
    std::string lang;
    std::map<std::string, std::string> strings;   // the widget's strings by name, over the language's defaults
    // Typographic punctuation (cmark's SMART option): "quotes" curl, -- and --- become dashes, ... an ellipsis.
    // false keeps the text as written, so command lines like --fast=1 stay exact.
    bool        smartPunctuation = true;
};

// One problem in a config: an error, or a warning about something accepted (a duplicate key).
struct ConfigError {
    std::string path;      // JSON pointer, "" for the whole document
    std::string message;
    std::string describe() const;   // "config /theme: expected one of ..."
};

constexpr size_t kMaxConfigErrors = 20;   // further errors are only counted (ConfigReport::errorsOmitted)

// What ParseConfig found: every error (not only the first) and the warnings.
struct ConfigReport {
    std::vector<ConfigError> errors;     // in the order the keys are checked; empty when the config is valid
    size_t errorsOmitted = 0;            // errors past kMaxConfigErrors
    std::vector<ConfigError> warnings;   // duplicate keys (the last value is used)
    // The errors, one line each, joined by newlines ("config /theme: ...\nconfig /accent: ...").
    std::string describe() const;
};

// Parses and validates a config. On error, returns false, fills `report.errors` and leaves `out` untouched.
bool ParseConfig(const std::string& json, Config& out, ConfigReport& report);

// What the page around a widget says, as the element reads it from the DOM (nothing parsed or checked there):
// JSON like {"lang": "en_US", "baseUrl": "https://…/article.md", "hashPrefix": "w1-", "startStage": "2"}, each
// key optional. The attributes win over the config; the page's language and the article's URL give way to it.
struct HostInputs {
    std::string lang;               // the closest lang attribute around the element, as written
    std::string baseUrl;            // the article's own URL (its src, else the page's)
    bool        hasHashPrefix = false;
    std::string hashPrefix;         // the hash-prefix attribute: the config's deepLinkPrefix
    bool        hasStartStage = false;
    std::string startStage;         // the start-stage attribute, as written: the config's initialStage
};
// False with a one-line `error` when `json` is not such an object ("" reads as no inputs).
bool ParseHostInputs(const std::string& json, HostInputs& out, std::string& error);
// The element's attributes over `config`. An attribute that cannot be used is left out (the config's value
// stays), and a one-line reason naming it is added to `problems`.
void ApplyHostAttributes(const HostInputs& host, Config& config, std::vector<std::string>& problems);
// The page's language as a language tag: trimmed, "en_US" read as "en-US"; "" when it is still no tag (a page's
// lang is not the writer's to fix, so it is left out quietly).
std::string HostLanguageTag(const std::string& pageLang);
// The page's URL as a baseUrl: itself when it is an absolute http, https or file URL, else "" (a blob: or
// data: page: relative links then stay unresolved).
std::string HostBaseUrl(const std::string& url);
// A BCP 47 language tag, loosely: a primary subtag of 2 or 3 letters, then subtags of 1 to 8 letters or digits.
bool IsLanguageTag(const std::string& tag);

const char* ThemeModeName(ThemeMode mode);
std::string RgbToHex(Rgb color);
bool ParseHexColor(const std::string& text, Rgb& out);
// Checks a CSS font-family list (`"Noto Serif", serif`): comma-separated names, quoted or not, with no
// characters that would end the CSS value. Returns "" when it is fine, else why not.
std::string FontFamilyListError(const std::string& families);
// Checks a deep link prefix (config deepLinkPrefix, the CLI's --id-prefix): at most 32 letters, digits, '-'
// and '_', so it is safe in an id, a URL fragment and an HTML attribute. Returns "" when it is fine, else why not.
std::string DeepLinkPrefixError(const std::string& prefix);

// Rejects JSON nested deeper than `maxDepth` before a parser sees it. Returns the first
// offending byte offset, or -1 when the depth is fine.
long FindExcessiveJsonNesting(const std::string& json, int maxDepth);

} // namespace aw
