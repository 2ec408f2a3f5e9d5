// Parse benchmark: aw::LoadArticle (cmark-gfm parse + conversion to the document model + timeline/FAQ
// extraction + config) against cmark-gfm's parse alone, with the same options and extensions
// (aw::ParseGfmTree), on each --article FILE.
// Prints a Markdown table, or JSON with --json. The 1 MB article comes from `aw_frame_bench --print-generated`.
#include <cmark-gfm.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/markdown.h"
#include "platform/native_files.h"

namespace {

using Clock = std::chrono::steady_clock;

// Median wall times in ms of `a` and `b`, run alternately (so a busy machine slows both alike) at least
// 5 times each and for at least ~0.5 s in all.
template <typename A, typename B> std::pair<double, double> MedianMs(A a, B b) {
    std::vector<double> ta, tb;
    const auto start = Clock::now();
    auto time = [](auto& fn) {
        const auto t0 = Clock::now();
        fn();
        return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    };
    while (ta.size() < 5 || (ta.size() < 1000 && Clock::now() - start < std::chrono::milliseconds(500))) {
        ta.push_back(time(a));
        tb.push_back(time(b));
    }
    std::sort(ta.begin(), ta.end());
    std::sort(tb.begin(), tb.end());
    return {ta[ta.size() / 2], tb[tb.size() / 2]};
}

} // namespace

int main(int argc, char** argv) {
    bool json = false;
    std::vector<std::string> files;
    std::string config;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json") json = true;
        else if (a == "--article" && i + 1 < argc) files.push_back(argv[++i]);
        else if (a == "--config" && i + 1 < argc) {
            std::string error;
            if (!aw::ReadWholeFile(argv[++i], config, error)) { std::fprintf(stderr, "aw_parse_bench: %s\n", error.c_str()); return 1; }
        }
        else { std::fprintf(stderr, "usage: aw_parse_bench [--json] [--config FILE] --article FILE [--article FILE ...]\n"); return 2; }
    }
    if (files.empty()) { std::fprintf(stderr, "usage: aw_parse_bench [--json] [--config FILE] --article FILE [--article FILE ...]\n"); return 2; }
    if (json) std::printf("[");
    else std::printf("| article | bytes | cmark-gfm parse (ms) | parse + extract (ms) | ratio |\n|---|---:|---:|---:|---:|\n");
    for (size_t f = 0; f < files.size(); ++f) {
        std::string markdown;
        std::string error;
        if (!aw::ReadWholeFile(files[f], markdown, error)) { std::fprintf(stderr, "aw_parse_bench: %s\n", error.c_str()); return 1; }
        aw::LoadOptions options;
        options.sourceName = files[f];
        // The widget's own limit is configurable; the benchmark reads any size.
        const std::string cfg = config.empty() ? std::string("{\"maxInputBytes\": 67108864}") : config;
        if (!aw::LoadArticle(markdown, cfg, options).article) { std::fprintf(stderr, "aw_parse_bench: %s does not load\n", files[f].c_str()); return 1; }
        const auto [cmarkMs, awMs] = MedianMs([&] { cmark_node_free(aw::ParseGfmTree(markdown)); },
                                              [&] { aw::LoadArticle(markdown, cfg, options); });
        std::string name = files[f];
        if (const size_t slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
        if (json) std::printf("%s{\"article\":\"%s\",\"bytes\":%zu,\"cmark_ms\":%.3f,\"aw_ms\":%.3f,\"ratio\":%.3f}", f ? "," : "", name.c_str(), markdown.size(), cmarkMs, awMs, awMs / cmarkMs);
        else std::printf("| %s | %zu | %.3f | %.3f | %.2fx |\n", name.c_str(), markdown.size(), cmarkMs, awMs, awMs / cmarkMs);
    }
    if (json) std::printf("]\n");
    return 0;
}
