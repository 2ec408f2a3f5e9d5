// Small text helpers: UTF-8 validation and decoding, slugs, word counts, URL safety, resolution and
// encoding, and HTML escaping.
#include "text_util.h"

#include <cctype>
#include <cstring>
#include <vector>

namespace aw {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid.
static size_t ValidSequenceLength(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    size_t len = 0;
    uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (i + len > text.size()) return 0;
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

long FindInvalidUtf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const size_t len = ValidSequenceLength(text, i);
        if (len == 0) return static_cast<long>(i);
        i += len;
    }
    return -1;
}

uint32_t DecodeUtf8(std::string_view text, size_t& i) {
    const size_t len = ValidSequenceLength(text, i);
    if (len == 0) { ++i; return 0xFFFD; }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t cp = len == 1 ? c : (c & (0x7F >> len));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += len;
    return cp;
}

void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) { out += static_cast<char>(cp); return; }
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

int LineOfOffset(std::string_view text, size_t offset) {
    int line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

std::string Slugify(std::string_view text) {
    std::string slug;
    bool pendingDash = false;
    for (char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            if (pendingDash && !slug.empty()) slug += '-';
            pendingDash = false;
            slug += static_cast<char>(std::tolower(c));
        } else if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '/') {
            pendingDash = true;
        }
        // Other punctuation and non-ASCII bytes are dropped.
    }
    return slug;
}

void WordCounter::Add(std::string_view piece) {
    for (char ch : piece) {
        const bool space = ch == ' ' || (ch <= '\r' && ch >= '\t');   // space, \t \n \v \f \r
        words_ += !space && !inWord_;
        inWord_ = !space;
    }
}

int CountWords(std::string_view text) {
    WordCounter counter;
    counter.Add(text);
    return static_cast<int>(counter.words());
}

int ReadingMinutes(int words) {
    if (words <= 0) return 0;
    return (words + 229) / 230;
}

// The scheme of an href, lower-cased, after stripping the characters browsers ignore
// (ASCII whitespace and controls anywhere in the scheme); "" when there is none.
static std::string NormalisedScheme(std::string_view href) {
    std::string scheme;
    for (char ch : href) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c <= 0x20) continue;                       // "java\tscript:" is still javascript:
        if (c == ':') return scheme;
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return "";
        scheme += static_cast<char>(std::tolower(c));
    }
    return "";
}

// Whether a ':' comes before any '/', '?' or '#': the href names a scheme, even one that is not
// well-formed ("1a:x", "a b:x").
static bool HasSchemeColon(std::string_view href) {
    const size_t colon = href.find(':');
    return colon != std::string_view::npos && colon < href.find_first_of("/?#");
}

LinkTarget ClassifyLink(std::string_view href) {
    size_t start = 0;
    while (start < href.size() && static_cast<unsigned char>(href[start]) <= 0x20) ++start;
    if (start < href.size() && href[start] == '#' ) return href.size() > start + 1 ? LinkTarget::Anchor : LinkTarget::Blocked;
    const std::string scheme = NormalisedScheme(href);
    if (scheme == "http" || scheme == "https" || scheme == "mailto") return LinkTarget::External;
    if (scheme.empty() && !HasSchemeColon(href)) return LinkTarget::Relative;
    return LinkTarget::Blocked;
}

const char* BlockedLinkReason(std::string_view href) {
    const std::string scheme = NormalisedScheme(href);
    if (scheme == "javascript" || scheme == "vbscript" || scheme == "data") return "script-capable scheme";
    if (scheme.empty() && !HasSchemeColon(href)) return "an empty #anchor";
    return "scheme not allowed (only http, https, mailto, relative links and #anchors)";
}

bool IsAllowedImageSource(std::string_view src) {
    const std::string scheme = NormalisedScheme(src);
    if (scheme.empty()) return !HasSchemeColon(src);
    if (scheme == "http" || scheme == "https") return true;
    if (scheme != "data") return false;
    const size_t colon = src.find(':');
    return ToLowerAscii(src.substr(colon + 1, 6)) == "image/";
}

// [SECTION] URL resolution and encoding ------------------------------------------

namespace {

struct UrlParts {
    std::string_view scheme, authority, path, query, fragment;   // query and fragment include '?' / '#'
    bool hasAuthority = false;
};

UrlParts SplitUrl(std::string_view url) {
    UrlParts p;
    const size_t colon = url.find(':');
    const size_t firstDelim = url.find_first_of("/?#");
    if (colon != std::string_view::npos && (firstDelim == std::string_view::npos || colon < firstDelim)) {
        p.scheme = url.substr(0, colon);
        url.remove_prefix(colon + 1);
    }
    if (url.size() >= 2 && url[0] == '/' && url[1] == '/') {
        p.hasAuthority = true;
        const size_t end = url.find_first_of("/?#", 2);
        p.authority = url.substr(2, end == std::string_view::npos ? std::string_view::npos : end - 2);
        url.remove_prefix(end == std::string_view::npos ? url.size() : end);
    }
    const size_t hash = url.find('#');
    if (hash != std::string_view::npos) { p.fragment = url.substr(hash); url = url.substr(0, hash); }
    const size_t question = url.find('?');
    if (question != std::string_view::npos) { p.query = url.substr(question); url = url.substr(0, question); }
    p.path = url;
    return p;
}

// RFC 3986 5.2.4, on whole segments.
std::string RemoveDotSegments(std::string_view path) {
    std::vector<std::string_view> out;
    const bool absolute = !path.empty() && path[0] == '/';
    size_t i = absolute ? 1 : 0;
    bool trailingSlash = false;
    while (i <= path.size()) {
        const size_t slash = path.find('/', i);
        const std::string_view seg = path.substr(i, slash == std::string_view::npos ? std::string_view::npos : slash - i);
        const bool last = slash == std::string_view::npos;
        if (seg == "..") { if (!out.empty()) out.pop_back(); trailingSlash = true; }
        else if (seg == ".") trailingSlash = true;
        else { out.push_back(seg); trailingSlash = false; }
        if (last) break;
        i = slash + 1;
    }
    std::string result = absolute ? "/" : "";
    for (size_t k = 0; k < out.size(); ++k) {
        if (k > 0) result += '/';
        result += out[k];
    }
    if (trailingSlash && !out.empty()) result += '/';
    return result;
}

} // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
    const UrlParts b = SplitUrl(base);
    if (b.scheme.empty()) return std::string(ref);
    const UrlParts r = SplitUrl(ref);
    if (!r.scheme.empty()) return std::string(ref);
    std::string out(b.scheme);
    out += ':';
    auto authority = [&](const UrlParts& p) { if (p.hasAuthority) { out += "//"; out += p.authority; } };
    if (r.hasAuthority) {
        authority(r);
        out += RemoveDotSegments(r.path);
        out += r.query;
    } else {
        authority(b);
        if (r.path.empty()) {
            out += b.path;
            out += r.query.empty() ? b.query : r.query;
        } else if (r.path[0] == '/') {
            out += RemoveDotSegments(r.path);
            out += r.query;
        } else {
            std::string merged;
            if (b.hasAuthority && b.path.empty()) merged = "/";
            else merged = std::string(b.path.substr(0, b.path.rfind('/') == std::string_view::npos ? 0 : b.path.rfind('/') + 1));
            merged += r.path;
            out += RemoveDotSegments(merged);
            out += r.query;
        }
    }
    out += r.fragment;
    return out;
}

// cmark's HREF_SAFE set: unreserved and reserved URL characters (and '%', so escapes stay as written).
static bool IsUrlSafe(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::strchr("-_.+!*(),%#@?=;:/$~", c) != nullptr && c != 0;
}

void AppendUrlEncoded(std::string& out, std::string_view url, bool forHtmlAttribute) {
    static const char kHex[] = "0123456789ABCDEF";
    for (char ch : url) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (IsUrlSafe(c)) { out += ch; continue; }
        if (c == '&') { out += forHtmlAttribute ? "&amp;" : "&"; continue; }
        if (c == '\'') { out += forHtmlAttribute ? "&#x27;" : "'"; continue; }
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
}

std::string UrlEncoded(std::string_view url) {
    std::string out;
    out.reserve(url.size());
    AppendUrlEncoded(out, url, false);
    return out;
}

std::string FileUrlOfDirectory(std::string_view absolutePath) {
    std::string out = "file://";
    AppendUrlEncoded(out, absolutePath, false);
    if (out.back() != '/') out += '/';
    return out;
}

void AppendHtmlEscaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
}

std::string HtmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    AppendHtmlEscaped(out, text);
    return out;
}

std::string CollapseWhitespace(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string ToUpperAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string ToLowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// [SECTION] data and file URLs ----------------------------------------------------

namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::string PercentDecode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool DecodeDataUrl(std::string_view url, std::string& bytes) {
    bytes.clear();
    if (url.size() < 5 || ToLowerAscii(url.substr(0, 5)) != "data:") return false;
    const size_t comma = url.find(',');
    if (comma == std::string_view::npos) return false;
    const std::string header = ToLowerAscii(url.substr(5, comma - 5));
    const std::string_view payload = url.substr(comma + 1);
    if (header.size() < 7 || header.compare(header.size() - 7, 7, ";base64") != 0) { bytes = PercentDecode(payload); return true; }
    uint32_t acc = 0;
    int bits = 0;
    bytes.reserve(payload.size() * 3 / 4);
    for (char c : payload) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+' || c == '-') v = 62;
        else if (c == '/' || c == '_') v = 63;
        else if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        else return false;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return true;
}

std::string PathOfFileUrl(std::string_view url) {
    if (url.size() < 7 || ToLowerAscii(url.substr(0, 7)) != "file://") return {};
    std::string_view rest = url.substr(7);
    const size_t slash = rest.find('/');   // "file://host/path": only the local host ("" or localhost)
    if (slash == std::string_view::npos) return {};
    const std::string host = ToLowerAscii(rest.substr(0, slash));
    if (!host.empty() && host != "localhost") return {};
    rest.remove_prefix(slash);
    rest = rest.substr(0, rest.find_first_of("?#"));
    return PercentDecode(rest);
}

} // namespace aw
