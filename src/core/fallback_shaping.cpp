// Shaping for platforms with no shaping engine: Arabic joining through the presentation forms, and
// right-to-left runs put in visual order.
#include "fallback_shaping.h"

#include <algorithm>
#include <vector>

#include "script.h"
#include "utf8.h"

namespace aw {

namespace {

// Joining type and presentation forms of an Arabic letter: dual-joining letters have four forms,
// right-joining ones two (isolated, final). Forms of 0 mean the letter is drawn as itself.
struct ArabicLetter { char32_t letter; bool dual; char32_t isolated, finalForm, initial, medial; };

const ArabicLetter kArabic[] = {
    {0x0621, false, 0xFE80, 0, 0, 0},            {0x0622, false, 0xFE81, 0xFE82, 0, 0},
    {0x0623, false, 0xFE83, 0xFE84, 0, 0},       {0x0624, false, 0xFE85, 0xFE86, 0, 0},
    {0x0625, false, 0xFE87, 0xFE88, 0, 0},       {0x0626, true, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
    {0x0627, false, 0xFE8D, 0xFE8E, 0, 0},       {0x0628, true, 0xFE8F, 0xFE90, 0xFE91, 0xFE92},
    {0x0629, false, 0xFE93, 0xFE94, 0, 0},       {0x062A, true, 0xFE95, 0xFE96, 0xFE97, 0xFE98},
    {0x062B, true, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, {0x062C, true, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
    {0x062D, true, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, {0x062E, true, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
    {0x062F, false, 0xFEA9, 0xFEAA, 0, 0},       {0x0630, false, 0xFEAB, 0xFEAC, 0, 0},
    {0x0631, false, 0xFEAD, 0xFEAE, 0, 0},       {0x0632, false, 0xFEAF, 0xFEB0, 0, 0},
    {0x0633, true, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, {0x0634, true, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
    {0x0635, true, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, {0x0636, true, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
    {0x0637, true, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, {0x0638, true, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
    {0x0639, true, 0xFEC9, 0xFECA, 0xFECB, 0xFECC}, {0x063A, true, 0xFECD, 0xFECE, 0xFECF, 0xFED0},
    {0x0640, true, 0, 0, 0, 0},                  {0x0641, true, 0xFED1, 0xFED2, 0xFED3, 0xFED4},
    {0x0642, true, 0xFED5, 0xFED6, 0xFED7, 0xFED8}, {0x0643, true, 0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
    {0x0644, true, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, {0x0645, true, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
    {0x0646, true, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, {0x0647, true, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
    {0x0648, false, 0xFEED, 0xFEEE, 0, 0},       {0x0649, false, 0xFEEF, 0xFEF0, 0, 0},
    {0x064A, true, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, {0x0671, false, 0xFB50, 0xFB51, 0, 0},
    {0x0679, true, 0xFB66, 0xFB67, 0xFB68, 0xFB69}, {0x067E, true, 0xFB56, 0xFB57, 0xFB58, 0xFB59},
    {0x0686, true, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, {0x0688, false, 0xFB88, 0xFB89, 0, 0},
    {0x0691, false, 0xFB8C, 0xFB8D, 0, 0},       {0x0698, false, 0xFB8A, 0xFB8B, 0, 0},
    {0x06A9, true, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, {0x06AF, true, 0xFB92, 0xFB93, 0xFB94, 0xFB95},
    {0x06BA, false, 0xFB9E, 0xFB9F, 0, 0},       {0x06BE, true, 0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD},
    {0x06C1, true, 0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9}, {0x06CC, true, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF},
    {0x06D2, false, 0xFBAE, 0xFBAF, 0, 0},
};

const ArabicLetter* FindArabic(char32_t cp) {
    if (cp < 0x0621 || cp > 0x06D2) return nullptr;
    const ArabicLetter* it = std::lower_bound(std::begin(kArabic), std::end(kArabic), cp,
                                              [](const ArabicLetter& l, char32_t c) { return l.letter < c; });
    return it != std::end(kArabic) && it->letter == cp ? it : nullptr;
}

// Lam followed by these alefs becomes one ligature: {alef, isolated, final}.
struct LamAlef { char32_t alef, isolated, finalForm; };
const LamAlef kLamAlef[] = {{0x0622, 0xFEF5, 0xFEF6}, {0x0623, 0xFEF7, 0xFEF8}, {0x0625, 0xFEF9, 0xFEFA}, {0x0627, 0xFEFB, 0xFEFC}};

bool IsTransparent(char32_t cp) { return IsCombiningMark(cp); }

// The next letter after `i` that is not a mark, or npos.
size_t NextLetter(std::u32string_view s, size_t i) {
    for (size_t j = i + 1; j < s.size(); ++j)
        if (!IsTransparent(s[j])) return j;
    return std::u32string_view::npos;
}

} // namespace

std::u32string JoinArabic(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    bool prevJoinsLeft = false;   // the letter before can join the one after it (a dual-joining letter)
    for (size_t i = 0; i < s.size(); ++i) {
        const char32_t cp = s[i];
        if (IsTransparent(cp)) { out.push_back(cp); continue; }
        const ArabicLetter* letter = FindArabic(cp);
        if (!letter) { out.push_back(cp); prevJoinsLeft = false; continue; }
        const size_t n = NextLetter(s, i);
        const ArabicLetter* next = n == std::u32string_view::npos ? nullptr : FindArabic(s[n]);
        if (cp == 0x0644 && next) {   // lam-alef
            const auto lig = std::find_if(std::begin(kLamAlef), std::end(kLamAlef), [&](const LamAlef& l) { return l.alef == next->letter; });
            if (lig != std::end(kLamAlef)) {
                out.push_back(prevJoinsLeft ? lig->finalForm : lig->isolated);
                for (size_t m = i + 1; m < n; ++m) out.push_back(s[m]);   // marks between lam and alef
                i = n;
                prevJoinsLeft = false;   // alef never joins the letter after it
                continue;
            }
        }
        const bool joinsRight = prevJoinsLeft && (letter->finalForm != 0 || cp == 0x0640);   // hamza joins nothing
        const bool joinsLeft = letter->dual && next != nullptr && next->letter != 0x0621;   // hamza joins nothing
        char32_t form = letter->isolated;
        if (joinsRight && joinsLeft) form = letter->medial;
        else if (joinsRight) form = letter->finalForm;
        else if (joinsLeft) form = letter->initial;
        out.push_back(form ? form : cp);
        prevJoinsLeft = letter->dual;
    }
    return out;
}

std::u32string VisualCodepoints(std::string_view utf8, bool rtl) {
    std::u32string logical;
    logical.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) logical.push_back(DecodeUtf8(utf8, i));
    std::u32string joined = JoinArabic(logical);
    for (size_t i = 0; i + 1 < joined.size(); ++i)
        if (joined[i + 1] == 0xFE0F && joined[i] < 0x10000 && !IsEmojiPresentation(joined[i])) joined[i] += kEmojiFormOffset;
    if (!rtl) return joined;
    // Units that keep their inner order: a character with its marks, or a run of digits and
    // left-to-right letters (with the separators inside it, as in "1,000.5" or "e-mail").
    struct Unit { size_t begin, end; };
    std::vector<Unit> units;
    for (size_t i = 0; i < joined.size();) {
        size_t j = i + 1;
        const BidiType t = BidiTypeOf(joined[i]);
        if (t == BidiType::Digit || t == BidiType::Ltr) {
            while (j < joined.size()) {
                const BidiType u = BidiTypeOf(joined[j]);
                const bool separator = (joined[j] == '.' || joined[j] == ',' || joined[j] == '-' || joined[j] == ':') && j + 1 < joined.size() &&
                                       (BidiTypeOf(joined[j + 1]) == BidiType::Digit || BidiTypeOf(joined[j + 1]) == BidiType::Ltr);
                if (u != BidiType::Digit && u != BidiType::Ltr && !separator && !IsCombiningMark(joined[j])) break;
                ++j;
            }
        } else {
            while (j < joined.size() && IsCombiningMark(joined[j])) ++j;
        }
        units.push_back({i, j});
        i = j;
    }
    std::u32string visual;
    visual.reserve(joined.size());
    for (auto u = units.rbegin(); u != units.rend(); ++u) {
        const size_t n = u->end - u->begin;
        if (n == 1) { visual.push_back(MirroredCodepoint(joined[u->begin])); continue; }
        if (BidiTypeOf(joined[u->begin]) == BidiType::Digit || BidiTypeOf(joined[u->begin]) == BidiType::Ltr) {
            visual.append(joined, u->begin, n);
            continue;
        }
        // A right-to-left letter with its marks: the marks first, so that, drawn glyph by glyph from the
        // letter's pen position with no advance of their own, they land on the letter (fonts for these
        // scripts draw marks to the right of their origin, where the letter is).
        visual.append(joined, u->begin + 1, n - 1);
        visual.push_back(joined[u->begin]);
    }
    return visual;
}

} // namespace aw
