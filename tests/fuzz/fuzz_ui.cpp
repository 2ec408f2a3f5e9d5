// Fuzz target: the UI layer. Random sequences of pointer, key, wheel, resize, theme, state and API events
// against a headless widget, through real Dear ImGui frames of the one WidgetRunner (the system's fonts,
// shared by every input as a page's widgets share them; texture requests accepted, nothing drawn), over
// the default article or a small one the input assembles. After every frame:
// the state JSON is valid and round-trips, getLayout's rectangles are finite and not negative, focus is on
// an item that exists (or nowhere), the scroll is within its range; ASan and UBSan catch the rest.
// [SECTION] decoder  [SECTION] runner  [SECTION] articles  [SECTION] invariants  [SECTION] events
//
// Input format (read front to back, so a shorter input is a prefix of the same story and minimises well):
// an article choice, the viewport, whether the host owns scrolling, then events until the input ends,
// each one byte of kind followed by its arguments. The arguments' ranges are in the events section.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/interaction.h"
#include "core/widget_state.h"
#include "platform/native_fonts.h"
#include "ui/fonts.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"

using namespace aw;

namespace {

// [SECTION] decoder ----------------------------------------------------------------------------------

// FuzzedDataProvider's ideas (ranges, bounded strings, zero when the input has ended) reading front to back.
class InputReader {
public:
    InputReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    uint8_t Byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    bool Bool() { return Byte() & 1; }
    uint16_t U16() { const uint16_t lo = Byte(); return static_cast<uint16_t>(lo | Byte() << 8); }
    // An integer in [lo, hi] (hi - lo < 65536).
    int Int(int lo, int hi) { return lo + static_cast<int>(U16() % static_cast<uint32_t>(hi - lo + 1)); }
    // A float in [lo, hi] in 65536 steps.
    float Float(float lo, float hi) { return lo + (hi - lo) * static_cast<float>(U16()) / 65535.0f; }
    template <typename T, size_t N> const T& Pick(const T (&items)[N]) { return items[Byte() % N]; }
    // A string of up to `maxLength` bytes: a length byte, then the bytes (fewer when the input ends).
    std::string String(size_t maxLength) {
        const size_t length = std::min<size_t>({Byte(), maxLength, size_ - std::min(pos_, size_)});
        std::string out(reinterpret_cast<const char*>(data_ + pos_), length);
        pos_ += length;
        return out;
    }

private:
    const uint8_t* data_;
    size_t size_, pos_ = 0;
};

// AW_FUZZ_TRACE=1 prints each event and the state after each frame (for reading a finding, not for fuzzing).
bool Tracing() {
    static const bool trace = std::getenv("AW_FUZZ_TRACE") != nullptr;
    return trace;
}

// [SECTION] runner -------------------------------------------------------------------------------------

// The fonts every widget of the process shares, as on a page of several widgets: made once, so each input
// pays only for the glyphs it meets first (fontconfig's setup and the faces carry over between inputs).
SharedFonts& ProcessFonts() {
    static NativeGlyphSource* glyphs = new NativeGlyphSource();
    static SharedFonts* fonts = new SharedFonts(glyphs, ImTextureFormat_RGBA32);
    return *fonts;
}

// The runner's backend with no renderer: ImGui's texture requests count as done; nothing is drawn.
RunnerBackend HeadlessBackend() {
    RunnerBackend backend;
    backend.render = [](ImDrawData*, int, int) { AcceptTexturesWithoutRenderer(); };
    return backend;
}

// [SECTION] articles -------------------------------------------------------------------------------------

std::string ReadSource(const char* relative) {
    std::ifstream in(std::string(AW_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string& DefaultArticle() {
    static const std::string text = ReadSource("assets/article.md");
    return text;
}

// Pieces a small article is assembled from: what the widget draws and makes interactive.
const char* const kPieces[] = {
    "# Title of a small article\n\n",
    "<!-- article-widget:timeline -->\n- **Closed** - first stage\n- **Measured**: second stage\n- Scale \u2013 last\n\n",
    "<!-- article-widget:timeline -->\n## Stages\n\n### One\n\nFirst.\n\n### Two\n\nSecond.\n\n",
    "## FAQ\n\n### Why?\n\nBecause [a link](https://example.com/a).\n\n### How long?\n\n- steps\n- more\n\n",
    "## FAQ\n\n**Only bold?**\n\nAn answer.\n\n",
    "Text with an [anchor](#faq), a [relative](page.html) and a [blocked](javascript:alert(1)) link.\n\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n| long cell with words | x |\n\n",
    "```js\nconst x = 1;\n\tindented\n```\n\n",
    "![alt text](image.png \"=320x120\")\n\n",
    "> a quote\n> - with a list\n\n",
    "A note[^n].\n\n[^n]: The note.\n\n",
    "- [x] done\n- [ ] to do\n\n",
    "\xE6\xBC\xA2\xE5\xAD\x97 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA \xF0\x9F\x98\x80 e\xCC\x81\n\n",
    "## Heading two\n\nA paragraph long enough to wrap on a narrow canvas, with *emphasis*, **strong**, `code` and ~~struck~~ words.\n\n",
};
const char* const kConfigs[] = {
    "", "{\"theme\":\"dark\"}", "{\"theme\":\"light\",\"accent\":\"#f0f\"}", "{\"initialStage\":2,\"updateHash\":true,\"deepLinkPrefix\":\"aw-\"}",
    "{\"timeline\":{\"markers\":[{\"position\":0.5,\"label\":\"half\"},{\"position\":-3,\"label\":\"before\"}]}}",
    "{\"timeline\":{\"enabled\":false}}", "{\"faq\":{\"enabled\":false}}", "{\"title\":\"Config title\",\"baseUrl\":\"https://example.com/doc/\"}",
};

// The default article, or pieces (a piece index per byte, 255 for a string from the input), with a config.
std::shared_ptr<const Article> ReadArticle(InputReader& in, std::string& error) {
    std::string markdown, config;
    const uint8_t kind = in.Byte();
    if (kind % 4 == 0) {
        markdown = DefaultArticle();
    } else {
        const int pieces = in.Int(0, 8);
        for (int i = 0; i < pieces; ++i) {
            const uint8_t piece = in.Byte();
            markdown += piece == 255 ? in.String(160) + "\n\n" : kPieces[piece % std::size(kPieces)];
        }
    }
    const uint8_t configKind = in.Byte();
    config = configKind == 255 ? in.String(160) : kConfigs[configKind % std::size(kConfigs)];
    LoadOutcome loaded = LoadArticle(markdown, config, LoadOptions{});
    error = loaded.error;
    return loaded.article;
}

// [SECTION] invariants ---------------------------------------------------------------------------------------

[[noreturn]] void Fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_ui invariant: %s\n", what.c_str());
    std::fflush(stderr);
    __builtin_trap();
}

void CheckRect(const nlohmann::json& r, const std::string& name) {
    for (const char* key : {"x", "y", "width", "height"}) {
        if (!r.contains(key) || !r[key].is_number()) Fail("layout " + name + "." + key + " is not a number: " + r.dump());
        const double v = r[key].get<double>();
        if (!std::isfinite(v)) Fail("layout " + name + "." + key + " is not finite");
    }
    if (r["width"].get<double>() < 0.0 || r["height"].get<double>() < 0.0) Fail("layout " + name + " has a negative size: " + r.dump());
}

// What every frame must leave true. With `hostScrolls` the page owns the scroll (as on the web), so only its sign is checked.
void CheckInvariants(WidgetApp& app, const Viewport& viewport, bool hostScrolls) {
    const Article* article = app.article();
    if (!article) return;
    if (Tracing())
        std::fprintf(stderr, "  state %s focus '%s' view %gx%g\n", app.StateJson().c_str(), FocusName(app.focus()).c_str(), viewport.width,
                     viewport.height);
    const Document& doc = article->doc;
    const int stages = static_cast<int>(doc.timeline.stages.size()), faqs = static_cast<int>(doc.faq.entries.size());
    // The state: valid JSON, read back to the same state and the same text.
    const std::string json = app.StateJson();
    if (!nlohmann::json::accept(json)) Fail("state is not JSON: " + json);
    WidgetState back;
    FitStateTo(back, stages, faqs);
    std::string error;
    if (!StateFromJson(json, stages, faqs, back, error)) Fail("state does not read back: " + error + " in " + json);
    // (the JSON holds ScrollY(), the page's position when the page scrolls, rounded to 0.1 px)
    const WidgetState& now = app.state();
    const float scrollY = app.ScrollY();
    if (back.selectedStage != now.selectedStage || back.openFaqs != now.openFaqs || back.faqFilter != now.faqFilter ||
        !(std::fabs(back.scrollY - scrollY) <= 0.05f + 1e-6f * scrollY) || StateToJson(back) != json)
        Fail("state does not round-trip: " + json + " -> " + StateToJson(back));
    if (stages > 0 && (app.state().selectedStage < 0 || app.state().selectedStage >= stages)) Fail("stage out of range: " + json);
    if (app.state().openFaqs.size() != static_cast<size_t>(faqs)) Fail("open FAQ set of the wrong size: " + json);
    // The geometry getLayout() reports.
    const std::string layoutText = app.LayoutJson();
    const nlohmann::json layout = nlohmann::json::parse(layoutText, nullptr, false);
    if (layout.is_discarded()) Fail("layout is not JSON: " + layoutText);
    for (const char* key : {"title", "track", "previous", "next", "filter", "expandAll", "collapseAll"}) CheckRect(layout[key], key);
    for (const char* list : {"stages", "faqs"})
        for (size_t i = 0; i < layout[list].size(); ++i) CheckRect(layout[list][i], std::string(list) + "[" + std::to_string(i) + "]");
    const double contentHeight = layout["contentHeight"].get<double>();
    if (!std::isfinite(contentHeight) || contentHeight < 0.0) Fail("content height " + std::to_string(contentHeight));
    // Focus on an item of the focus order, or nowhere.
    const FocusTarget focus = app.focus();
    if (focus.kind != FocusKind::None) {
        const std::vector<FocusTarget> order = FocusOrder(doc, app.state());
        if (std::find(order.begin(), order.end(), focus) == order.end()) Fail("focus on an item that is not there: " + FocusName(focus));
        if (FocusFromName(FocusName(focus)) != focus) Fail("focus name does not read back: " + FocusName(focus));
    }
    // The scroll (the widget's own, and the page's when it scrolls) stays between the top and the end of the content.
    for (const float y : {now.scrollY, scrollY})
        if (!std::isfinite(y) || y < 0.0f) Fail("scroll " + std::to_string(y));
    const float maxScroll = std::max(0.0f, static_cast<float>(contentHeight) - viewport.height);
    if (!hostScrolls && !app.WantsAnotherFrame() && scrollY > maxScroll + 0.5f)
        Fail("scroll " + std::to_string(scrollY) + " past the end " + std::to_string(maxScroll) + " at rest");
}

// [SECTION] events ---------------------------------------------------------------------------------------------

// The keys, through the one key table (ui/keys.h). The last slot was ImGuiKey_A, which the table does not hold
// (and the widget ignores without Ctrl/Cmd): it presses nothing but reads the same bytes and draws the same
// frames, so the committed corpus keeps its meaning.
const std::optional<Key> kKeys[] = {Key::Tab,  Key::Left, Key::Right, Key::Up,     Key::Down,     Key::Home,   Key::End,
                                    Key::Enter, Key::Space, Key::Escape, Key::Backspace, Key::PageUp, Key::PageDown, std::nullopt};
const char* const kFocusNames[] = {"", "link:0", "link:1", "link:7", "timeline", "prev", "next", "filter", "expand", "collapse",
                                   "faq:0", "faq:1", "faq:5", "faq:-1", "link:99999999999", "bogus"};
const char* const kHashes[] = {"#stage-1", "#stage-3", "#stage-0", "#stage-99", "#faq-why", "#faq-how-long", "#aw-stage-2",
                               "#aw-faq-why", "#", "", "#faq-", "#stage-"};
const char* const kStates[] = {
    "{\"stage\":1,\"openFaqs\":[0,1],\"filter\":\"\",\"scrollY\":0}", "{\"stage\":-1}", "{\"stage\":99}",
    "{\"scrollY\":1000000000}", "{\"scrollY\":-5}", "{\"openFaqs\":[0,0,0,9]}", "{\"filter\":\"why\"}", "{\"filter\":\"zzz\"}",
    "{\"scrollY\":1e308}", "{}", "[]", "{\"stage\":1.5}",
};
const char* const kFilters[] = {"", "why", "a", "zzz", "WHY", "\xC3\xA9", "how long"};
const uint32_t kCharacters[] = {'a', 'w', 'h', 'y', ' ', '?', 0xE9, 0x6F22, 0x1F600, 0x7F, 0x0, 0x200D, 0xFFFD, 0x10FFFF, 0xD800};

enum class Event : uint8_t {
    Frames, PointerMove, PointerButton, Click, PointerLeave, Wheel, Key, Character, Resize, Density, Theme, HostColors,
    State, StateRaw, SelectStage, ToggleFaq, SetAllFaqs, Filter, ScrollTo, Anchor, DeepLink, Focus, Article, Error, Column,
    Layout, ReloadFonts, HostScroll, WindowFocus, Count
};

const char* const kEventNames[] = {"Frames", "PointerMove", "PointerButton", "Click", "PointerLeave", "Wheel", "Key", "Character",
                                   "Resize", "Density", "Theme", "HostColors", "State", "StateRaw", "SelectStage", "ToggleFaq",
                                   "SetAllFaqs", "Filter", "ScrollTo", "Anchor", "DeepLink", "Focus", "Article", "Error", "Column",
                                   "Layout", "ReloadFonts", "HostScroll", "WindowFocus"};
static_assert(std::size(kEventNames) == static_cast<size_t>(Event::Count));

struct Session {
    WidgetApp& app;
    WidgetRunner& runner;
    bool hostScrolls;
    float& pageScroll;   // where the page has scrolled the article to (hostScrolls)
    double time = 0.0;
    int fontReloads = 0;   // each costs ~0.1 s of fonts made again: at most kMaxFontReloads per input
};
constexpr int kMaxFontReloads = 2;

// Reads one event and its arguments from the input, applies it, and draws the frame(s) it needs, each checked.
void ApplyEvent(Session& s, InputReader& in) {
    WidgetApp& app = s.app;
    WidgetRunner& runner = s.runner;
    const Viewport& v = runner.viewport();
    const Article* article = app.article();
    const int stages = article ? static_cast<int>(article->doc.timeline.stages.size()) : 0;
    const int faqs = article ? static_cast<int>(article->doc.faq.entries.size()) : 0;
    const Event event = static_cast<Event>(in.Byte() % static_cast<uint8_t>(Event::Count));
    if (Tracing()) std::fprintf(stderr, "event %s at %.0f ms\n", kEventNames[static_cast<size_t>(event)], 1000.0 * std::clock() / CLOCKS_PER_SEC);
    switch (event) {
        case Event::Frames: {   // time passes: 1-4 frames of 0 ms to 2 s
            const int count = in.Int(1, 4);
            const double dt = in.Pick({0.0, 1.0 / 60.0, 1.0 / 60.0, 0.1, 0.5, 2.0});
            for (int i = 0; i < count; ++i) {
                s.time += dt;
                runner.Frame(s.time);
                CheckInvariants(app, v, s.hostScrolls);
            }
            return;
        }
        case Event::PointerMove: runner.PointerMoved(in.Float(-40.0f, v.width + 40.0f), in.Float(-40.0f, v.height + 40.0f)); break;
        case Event::PointerButton: runner.PointerButton(in.Int(0, 2), in.Bool()); break;
        case Event::Click: {   // down and up in two frames at one place
            runner.PointerMoved(in.Float(0.0f, v.width), in.Float(0.0f, v.height));
            runner.PointerButton(0, true);
            s.time += 1.0 / 60.0;
            runner.Frame(s.time);
            CheckInvariants(app, v, s.hostScrolls);
            runner.PointerButton(0, false);
            break;
        }
        case Event::PointerLeave: runner.PointerLeft(); break;
        case Event::Wheel: runner.Wheel(in.Float(-20.0f, 20.0f)); break;
        case Event::Key: {
            const std::optional<Key> key = in.Pick(kKeys);
            KeyModifiers modifiers;
            modifiers.shift = in.Bool();
            if (key) runner.KeyChanged(*key, true, modifiers);
            if (in.Bool()) {   // held: repeats over half a second of frames
                for (int i = 0; i < 4; ++i) {
                    s.time += 0.15;
                    runner.Frame(s.time);
                    CheckInvariants(app, v, s.hostScrolls);
                }
            }
            runner.Frame(s.time += 1.0 / 60.0);
            CheckInvariants(app, v, s.hostScrolls);
            if (key) runner.KeyChanged(*key, false, modifiers);
            break;
        }
        case Event::Character: runner.Character(in.Pick(kCharacters)); break;
        case Event::Resize: {   // from a phone's narrowest to a wide monitor, and degenerate sizes
            Viewport next = v;
            const uint8_t kind = in.Byte();
            next.width = kind % 8 == 0 ? in.Pick({0.0f, 1.0f, 2.0f, 16000.0f}) : in.Float(40.0f, 2600.0f);
            next.height = kind % 8 == 1 ? in.Pick({0.0f, 1.0f, 2.0f, 16000.0f}) : in.Float(40.0f, 1600.0f);
            runner.SetViewport(next);
            break;
        }
        case Event::Density: {
            Viewport next = v;
            next.density = in.Pick({1.0f, 1.25f, 1.5f, 2.0f, 3.0f, 0.5f});
            runner.SetViewport(next);
            break;
        }
        case Event::Theme: {
            Viewport next = v;
            const uint8_t bits = in.Byte();
            next.prefersDark = bits & 1;
            next.reducedMotion = bits & 2;
            runner.SetViewport(next);
            app.SetForcedTheme(static_cast<ThemeMode>((bits >> 2) % 3));
            break;
        }
        case Event::HostColors: {
            HostColors colors;
            colors.present = in.Bool();
            colors.hasText = in.Bool();
            colors.hasBackground = in.Bool();
            colors.hasAccent = in.Bool();
            colors.pageText = {in.Byte(), in.Byte(), in.Byte()};
            colors.pageBackground = {in.Byte(), in.Byte(), in.Byte()};
            colors.text = {in.Byte(), in.Byte(), in.Byte()};
            colors.background = {in.Byte(), in.Byte(), in.Byte()};
            colors.accent = {in.Byte(), in.Byte(), in.Byte()};
            app.SetHostColors(colors);
            break;
        }
        case Event::State: {
            std::string error;
            app.SetStateJson(in.Pick(kStates), error);
            break;
        }
        case Event::StateRaw: {
            std::string error;
            app.SetStateJson(in.String(200), error);
            break;
        }
        case Event::SelectStage: app.SelectStage(in.Int(-2, stages + 1)); break;
        case Event::ToggleFaq: app.ToggleFaq(in.Int(-2, faqs + 1), in.Int(-1, 1)); break;
        case Event::SetAllFaqs: app.SetAllFaqs(in.Bool()); break;
        case Event::Filter: app.SetFilter(in.Bool() ? in.Pick(kFilters) : in.String(200)); break;
        case Event::ScrollTo: app.ScrollTo(in.Pick({-100.0f, 0.0f, 300.0f, 5000.0f, 1e9f, NAN, INFINITY}), in.Bool()); break;
        case Event::Anchor: {
            std::string id = in.Bool() ? in.String(40) : "faq";
            if (article && !article->doc.sections.empty() && in.Bool())
                id = article->doc.sections[in.Byte() % article->doc.sections.size()].id;
            app.ScrollToAnchor(id, in.Bool());
            break;
        }
        case Event::DeepLink: app.ApplyDeepLink(in.Bool() ? in.Pick(kHashes) : in.String(40), in.Bool()); break;
        case Event::Focus: app.SetFocus(FocusFromName(in.Bool() ? in.Pick(kFocusNames) : in.String(24)), in.Bool()); break;
        case Event::Article: {   // hot reload: the state carries over where it fits
            std::string error;
            std::shared_ptr<const Article> next = ReadArticle(in, error);
            if (next) app.SetArticle(std::move(next));
            else app.SetError(error);
            break;
        }
        case Event::Error: app.SetError(in.String(80)); break;
        case Event::Column: app.SetColumn(in.Pick({0.0f, 320.0f, 680.0f, 1e6f}), in.Bool()); break;
        case Event::Layout: {   // the API's queries may come before any frame
            if (app.ContentHeightCss() < 0.0f) Fail("negative content height");
            CheckInvariants(app, v, s.hostScrolls);
            return;
        }
        case Event::ReloadFonts: if (s.fontReloads++ < kMaxFontReloads) app.ReloadFonts(); break;
        case Event::HostScroll: if (s.hostScrolls) s.pageScroll = in.Float(-100.0f, 20000.0f); break;   // the page scrolled
        case Event::WindowFocus: runner.FocusChanged(in.Bool()); break;
        case Event::Count: break;
    }
    s.time += 1.0 / 60.0;
    runner.Frame(s.time);
    CheckInvariants(app, v, s.hostScrolls);
}

constexpr int kMaxEvents = 48;   // per input: keeps an execution in tens of milliseconds

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    SharedFonts& fonts = ProcessFonts();
    InputReader in(data, size);
    std::string error;
    std::shared_ptr<const Article> article = ReadArticle(in, error);
    if (!article) return 0;   // a config the loader refuses: nothing to drive
    Viewport viewport;
    viewport.width = in.Float(200.0f, 1600.0f);
    viewport.height = in.Float(200.0f, 1200.0f);
    const bool hostScrolls = in.Bool();
    HostServices host;
    host.stageChanged = [&](int index) {
        if (index < 0) Fail("stageChanged(" + std::to_string(index) + ")");
    };
    host.focusChanged = [](const std::string& name) {
        if (FocusName(FocusFromName(name)) != name) Fail("focusChanged with a name that does not read back: " + name);
    };
    float pageScroll = 0.0f;   // the page owns the scroll position when the host scrolls
    if (hostScrolls) {
        host.scrollTo = [&pageScroll](float y, bool) {
            if (!std::isfinite(y) || y < 0.0f) Fail("scrollTo(" + std::to_string(y) + ") asked of the host");
            pageScroll = y;   // the page scrolls at once
        };
        host.scrollPosition = [&pageScroll] { return pageScroll; };
    }
    // One widget per input on the process's fonts; the runner (its ImGui context) goes before the app.
    WidgetApp app(host, &fonts);
    WidgetRunner runner(app, fonts, HeadlessBackend());
    app.SetArticle(article);
    runner.SetViewport(viewport);
    Session session{app, runner, hostScrolls, pageScroll};
    CheckInvariants(app, viewport, hostScrolls);   // geometry exists before the first frame
    runner.Frame(session.time);
    CheckInvariants(app, viewport, hostScrolls);
    for (int i = 0; i < kMaxEvents && !in.empty(); ++i) ApplyEvent(session, in);
    return 0;
}
