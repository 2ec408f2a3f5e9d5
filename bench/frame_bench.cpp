// Frame benchmark: per-frame CPU time (the runner's NewFrame + WidgetApp::Frame + Render, no GL) while scrolling
// through the default article and a generated ~1 MB article. Prints a Markdown table, or JSON with --json.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/article.h"
#include "platform/native_fonts.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// A small deterministic generator (no <random>: its distributions differ between standard libraries).
struct Lcg {
    uint64_t s;
    uint32_t Next() { s = s * 6364136223846793005ull + 1442695040888963407ull; return static_cast<uint32_t>(s >> 33); }
    int Below(int n) { return static_cast<int>(Next() % static_cast<uint32_t>(n)); }
};

const char* const kWords[] = {
    "model", "weights", "release", "policy", "safety", "research", "open", "access", "evaluation", "risk",
    "responsible", "deployment", "community", "license", "developer", "benchmark", "capability", "governance",
    "transparency", "misuse", "the", "a", "of", "and", "to", "in", "that", "is", "for", "with", "as", "on", "by",
    "it", "be", "this", "which", "their", "from", "more", "than", "labs", "public", "trust", "audit", "staged",
    "frontier", "data", "training", "compute", "inference", "guardrails", "red-teaming", "oversight",
    "accountability", "ecosystem", "interpretability", "alignment", "scale", "careful", "incremental",
    "\xE2\x80\x9Copen\xE2\x80\x9D", "don\xE2\x80\x99t", "it\xE2\x80\x99s", "input/output", "well-known", "trade-offs",
};
constexpr int kWordCount = static_cast<int>(sizeof kWords / sizeof kWords[0]);

std::string Sentence(Lcg& r, int linkIndex) {
    std::string out;
    const int n = 8 + r.Below(18);
    for (int i = 0; i < n; ++i) {
        std::string w = kWords[r.Below(kWordCount)];
        if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        else out += ' ';
        switch (r.Below(40)) {
            case 0: out += "*" + w + "*"; break;
            case 1: out += "**" + w + "**"; break;
            case 2: out += "`" + w + "()`"; break;
            case 3: out += "[" + w + " " + kWords[r.Below(kWordCount)] + "](https://example.org/notes/" + std::to_string(linkIndex) + ")"; break;
            case 4: out += w + " \xE2\x80\x94"; break;
            default: out += w;
        }
    }
    out += r.Below(9) == 0 ? "?" : ".";
    return out;
}

std::string Paragraph(Lcg& r, int& links) {
    std::string p;
    const int n = 2 + r.Below(5);
    for (int i = 0; i < n; ++i) p += (i ? " " : "") + Sentence(r, links++);
    return p + "\n\n";
}

// A realistic long article: headings, paragraphs with emphasis, links and code, lists, quotes,
// code blocks, rules, a timeline and a FAQ. Same bytes on every run.
std::string GenerateArticle(size_t targetBytes) {
    Lcg r{20240601};
    int links = 0;
    std::string md = "# A Very Long Report on Open Models\n\n";
    md += Paragraph(r, links);
    md += "<!-- article-widget:timeline -->\n";
    md += "- **Closed** \xE2\x80\x93 Weights stay inside the lab; access is through an API.\n";
    md += "- **Staged** \xE2\x80\x93 Researchers get access under agreements, with evaluations first.\n";
    md += "- **Open** \xE2\x80\x93 Weights are published with a licence and a model card.\n\n";
    int section = 0;
    while (md.size() < targetBytes) {
        ++section;
        md += "## Section " + std::to_string(section) + ": " + kWords[r.Below(kWordCount)] + " and " + kWords[r.Below(kWordCount)] + "\n\n";
        const int blocks = 4 + r.Below(8);
        for (int b = 0; b < blocks; ++b) {
            switch (r.Below(12)) {
                case 0: md += "### " + Sentence(r, links++) + "\n\n"; break;
                case 1: case 2: {
                    const bool ordered = r.Below(2) == 0;
                    const int items = 2 + r.Below(5);
                    for (int i = 0; i < items; ++i) {
                        md += (ordered ? std::to_string(i + 1) + ". " : "- ") + Sentence(r, links++) + "\n";
                        if (r.Below(4) == 0) md += std::string(ordered ? "   " : "  ") + "- " + Sentence(r, links++) + "\n";
                    }
                    md += "\n";
                    break;
                }
                case 3: md += "> " + Sentence(r, links++) + " " + Sentence(r, links++) + "\n\n"; break;
                case 4: {
                    md += "```\n";
                    const int lines = 3 + r.Below(10);
                    for (int l = 0; l < lines; ++l)
                        md += "let x" + std::to_string(l) + " = evaluate(model, \"" + kWords[r.Below(kWordCount)] + "\", threshold=0." +
                              std::to_string(r.Below(100)) + ");  // " + kWords[r.Below(kWordCount)] + "\n";
                    md += "```\n\n";
                    break;
                }
                case 5: if (r.Below(3) == 0) { md += "---\n\n"; break; } md += Paragraph(r, links); break;
                default: md += Paragraph(r, links);
            }
        }
    }
    md += "## FAQ\n\n";
    for (int q = 0; q < 6; ++q) md += "### " + Sentence(r, links++) + "\n\n" + Paragraph(r, links);
    return md;
}

struct Result {
    std::string name;
    size_t bytes = 0;
    int frames = 0;
    float step = 0, contentHeight = 0;
    double firstMs = 0, p50 = 0, p95 = 0, max = 0, mean = 0;
    int maxFrame = 0;         // which scrolled frame was slowest (a repeatable index points at a hot spot, not noise)
    double vertices = 0;     // mean vertices per scrolled frame (shows that frames really draw)
    uint64_t checksum = 0;   // of the draw data: compares behaviour before and after an optimisation
};

uint64_t HashDrawData(const ImDrawData* dd, uint64_t h) {
    auto mix = [&h](const void* p, size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        mix(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    }
    return h;
}

double Percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = static_cast<size_t>(std::min<double>(static_cast<double>(v.size() - 1), std::ceil(p * static_cast<double>(v.size())) - 1));
    return v[i];
}

bool Run(const std::string& name, const std::string& markdown, const std::string& config, float width, float height, int maxFrames,
         Result& out, std::string& error) {
    aw::LoadOutcome loaded = aw::LoadArticle(markdown, config, aw::LoadOptions{});
    if (!loaded.article) { error = name + ": " + loaded.error; return false; }
    aw::NativeGlyphSource glyphs;
    aw::SharedFonts fonts(&glyphs, ImTextureFormat_RGBA32);
    aw::WidgetApp app({}, &fonts);
    app.SetForcedTheme(aw::ThemeMode::Light);
    app.SetArticle(loaded.article);
    // The one runner, with no GL: texture requests are accepted, nothing is drawn.
    aw::RunnerBackend backend;
    backend.render = [](ImDrawData*, int, int) { aw::AcceptTexturesWithoutRenderer(); };
    aw::WidgetRunner runner(app, fonts, backend);
    aw::Viewport viewport;
    viewport.width = width;
    viewport.height = height;
    viewport.reducedMotion = true;
    runner.SetViewport(viewport);

    uint64_t hash = 1469598103934665603ull;
    auto frame = [&](int i) { runner.Frame(i / 60.0); };
    // Frame 0 lays the article out: timed on its own.
    Clock::time_point t0 = Clock::now();
    frame(0);
    out.firstMs = MsSince(t0);
    hash = HashDrawData(runner.drawData(), hash);
    out.contentHeight = app.ContentHeightCss();
    const float maxScroll = std::max(0.0f, out.contentHeight - height);
    // A fixed step per frame that reaches the end within maxFrames (at least 40 CSS px).
    out.step = std::max(40.0f, std::ceil(maxScroll / static_cast<float>(maxFrames)));
    std::vector<double> times;
    float y = 0.0f;
    for (int i = 1; y < maxScroll || i < 3; ++i) {
        y = std::min(maxScroll, y + out.step);
        app.ScrollTo(y, false);
        t0 = Clock::now();
        frame(i);
        times.push_back(MsSince(t0));
        hash = HashDrawData(runner.drawData(), hash);
        out.vertices += runner.drawData()->TotalVtxCount;
    }
    out.name = name;
    out.bytes = markdown.size();
    out.frames = static_cast<int>(times.size());
    out.p50 = Percentile(times, 0.50);
    out.p95 = Percentile(times, 0.95);
    const auto slowest = std::max_element(times.begin(), times.end());
    out.max = *slowest;
    out.maxFrame = static_cast<int>(slowest - times.begin()) + 1;
    double sum = 0;
    for (double t : times) sum += t;
    out.mean = sum / static_cast<double>(times.size());
    out.vertices /= static_cast<double>(times.size());
    out.checksum = hash;
    return true;
}

bool ReadFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

int Usage() {
    std::fprintf(stderr, "usage: aw_frame_bench [--json] [--print-generated] [--article FILE] [--config FILE] [--bytes N] [--frames N] [--width W] [--height H]\n"
                         "  default: assets/article.md and a generated article of --bytes (1048576), at 1000x800, scale 1\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    bool json = false;
    std::string articlePath = std::string(AW_SOURCE_DIR) + "/assets/article.md";
    std::string configPath = std::string(AW_SOURCE_DIR) + "/assets/widget.json";
    size_t bytes = 1u << 20;
    int maxFrames = 3000;
    float width = 1000, height = 800;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--json") json = true;
        else if (a == "--print-generated") { std::fputs(GenerateArticle(bytes).c_str(), stdout); return 0; }
        else if (a == "--article" && (v = value())) articlePath = v;
        else if (a == "--config" && (v = value())) configPath = v;
        else if (a == "--bytes" && (v = value())) bytes = std::strtoul(v, nullptr, 10);
        else if (a == "--frames" && (v = value())) maxFrames = std::max(1, std::atoi(v));
        else if (a == "--width" && (v = value())) width = static_cast<float>(std::atof(v));
        else if (a == "--height" && (v = value())) height = static_cast<float>(std::atof(v));
        else return Usage();
    }
    if (width < 100 || height < 100) return Usage();
    std::string markdown, config, error;
    if (!ReadFile(articlePath, markdown)) { std::fprintf(stderr, "aw_frame_bench: error: cannot read %s\n", articlePath.c_str()); return 1; }
    if (!configPath.empty() && !ReadFile(configPath, config)) { std::fprintf(stderr, "aw_frame_bench: error: cannot read %s\n", configPath.c_str()); return 1; }

    std::vector<Result> results(2);
    const std::string generated = GenerateArticle(bytes);
    if (!Run("default article", markdown, config, width, height, maxFrames, results[0], error) ||
        !Run("generated article", generated, "", width, height, maxFrames, results[1], error)) {
        std::fprintf(stderr, "aw_frame_bench: error: %s\n", error.c_str());
        return 1;
    }
    const double targets[2] = {2.0, 4.0};
    bool met = true;
    for (int i = 0; i < 2; ++i) met = met && results[i].p95 <= targets[i];
    if (json) {
        std::printf("{\"width\": %.0f, \"height\": %.0f, \"scale\": 1, \"results\": [", width, height);
        for (int i = 0; i < 2; ++i) {
            const Result& r = results[i];
            std::printf("%s\n  {\"name\": \"%s\", \"bytes\": %zu, \"frames\": %d, \"stepCss\": %.0f, \"contentHeightCss\": %.0f, "
                        "\"firstFrameMs\": %.3f, \"p50Ms\": %.3f, \"p95Ms\": %.3f, \"maxMs\": %.3f, \"maxFrame\": %d, \"meanMs\": %.3f, "
                        "\"p95TargetMs\": %.1f, \"verticesPerFrame\": %.0f, \"checksum\": \"%016llx\"}",
                        i ? "," : "", r.name.c_str(), r.bytes, r.frames, r.step, r.contentHeight, r.firstMs, r.p50, r.p95, r.max, r.maxFrame, r.mean,
                        targets[i], r.vertices, static_cast<unsigned long long>(r.checksum));
        }
        std::printf("\n], \"targetsMet\": %s}\n", met ? "true" : "false");
    } else {
        std::printf("Frame CPU time (NewFrame + Frame + Render, no GL) while scrolling, %.0fx%.0f CSS px, scale 1\n\n", width, height);
        std::printf("| article | size | frames | step | first frame (layout) | p50 | p95 | max | p95 target |\n");
        std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < 2; ++i) {
            const Result& r = results[i];
            std::printf("| %s | %.1f KB | %d | %.0f px | %.2f ms | %.3f ms | %.3f ms | %.3f ms | %.0f ms %s |\n", r.name.c_str(),
                        static_cast<double>(r.bytes) / 1024.0, r.frames, r.step, r.firstMs, r.p50, r.p95, r.max, targets[i],
                        r.p95 <= targets[i] ? "met" : "MISSED");
        }
        std::printf("\nvertices per frame: %.0f and %.0f; draw-data checksums: %016llx %016llx\n", results[0].vertices, results[1].vertices,
                    static_cast<unsigned long long>(results[0].checksum), static_cast<unsigned long long>(results[1].checksum));
    }
    return 0;
}
