// The article-widget command: model, html, view, screenshot and bundle over one Markdown article.
// Exit codes: 0 success, 1 bad input, 2 bad usage. Errors are one line: "article-widget: error: ...".
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/bundle.h"
#include "core/article.h"
#include "core/config.h"
#include "core/html_render.h"
#include "core/model_json.h"
#include "platform/native_app.h"
#include "platform/native_files.h"
#include "platform/native_fonts.h"

namespace {

constexpr const char* kUsage =
    "usage: article-widget COMMAND FILE [options]     (FILE may be - for standard input)\n"
    "\n"
    "commands:\n"
    "  model FILE [--config C]               print the document model as JSON\n"
    "  html FILE [--config C] [--interactive] [--id-prefix P]\n"
    "                                        print semantic, escaped HTML of the article\n"
    "  view FILE [--config C] [--theme light|dark] [--width W] [--height H] [--scale S]\n"
    "       [--scroll-to ANCHOR] [--state JSON]\n"
    "                                        open the native window; reloads when FILE or C changes\n"
    "  screenshot FILE -o OUT.png [--config C] [--width W] [--height H] [--scale S]\n"
    "             [--theme light|dark] [--scroll-to ANCHOR] [--state JSON] [--select TEXT]\n"
    "                                        render off-screen to a PNG (works under xvfb-run)\n"
    "  bundle FILE -o OUT.html [--config C] [--title T] [--assets DIR]\n"
    "                                        write one self-contained offline HTML file (needs the web\n"
    "                                        build; DIR defaults to build/web/dist beside this program)\n";

// The largest screenshot: 4096x4096 device pixels, a 64 MB framebuffer (README "Limits").
constexpr long long kMaxScreenshotPixels = 4096LL * 4096LL;

int Usage(const std::string& message) {
    std::fprintf(stderr, "article-widget: error: %s\n%s", message.c_str(), kUsage);
    return 2;
}

// A bad value of a valid option: the one line, without the whole usage.
int UsageLine(const std::string& message) {
    std::fprintf(stderr, "article-widget: error: %s\n", message.c_str());
    return 2;
}

int Fail(const std::string& message) { return aw::PrintErrorLines(message); }

// Which command takes which option: the one table that ParseArgs checks each option against.
enum CommandBit : unsigned { kModel = 1, kHtml = 2, kView = 4, kScreenshot = 8, kBundle = 16 };
struct CommandName { const char* name; CommandBit bit; };
constexpr CommandName kCommands[] = {{"model", kModel}, {"html", kHtml}, {"view", kView}, {"screenshot", kScreenshot}, {"bundle", kBundle}};
struct OptionRule { const char* option; unsigned commands; };
constexpr OptionRule kOptionRules[] = {
    {"--config", kModel | kHtml | kView | kScreenshot | kBundle},
    {"-o", kScreenshot | kBundle}, {"--output", kScreenshot | kBundle},
    {"--interactive", kHtml}, {"--id-prefix", kHtml},
    {"--theme", kView | kScreenshot}, {"--width", kView | kScreenshot}, {"--height", kView | kScreenshot},
    {"--scale", kView | kScreenshot}, {"--scroll-to", kView | kScreenshot}, {"--state", kView | kScreenshot},
    {"--select", kScreenshot},
    {"--title", kBundle}, {"--assets", kBundle},
};

// "" when `command` takes `option`, else the usage error.
std::string OptionError(unsigned command, const std::string& commandName, const std::string& option) {
    for (const OptionRule& rule : kOptionRules)
        if (option == rule.option) return rule.commands & command ? "" : commandName + " does not take " + option;
    return "unknown option \"" + option + "\"";
}

struct Args {
    std::string command, file, config, out, theme, scrollTo, idPrefix, state, title, assets, select;
    int width = 0, height = 0;
    float scale = 0.0f;
    bool interactive = false;
};

bool ParseNumber(const std::string& text, double min, double max, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && !text.empty() && out >= min && out <= max;
}

// Returns an exit code, or -1 when parsing succeeded.
int ParseArgs(int argc, char** argv, Args& a) {
    if (argc < 2) return Usage("no command given");
    a.command = argv[1];
    if (a.command == "--help" || a.command == "-h" || a.command == "help") { std::fputs(kUsage, stdout); return 0; }
    if (a.command == "--version") { std::puts("article-widget 0.1.0"); return 0; }
    unsigned command = 0;
    for (const CommandName& c : kCommands) if (a.command == c.name) command = c.bit;
    if (!command) return Usage("unknown command \"" + a.command + "\"");
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.size() > 1 && arg[0] == '-')
            if (const std::string error = OptionError(command, a.command, arg); !error.empty()) return Usage(error);
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string v;
        double number = 0;
        if (arg == "--config") { if (!value(a.config)) return Usage("--config needs a file"); }
        else if (arg == "-o" || arg == "--output") { if (!value(a.out)) return Usage(arg + " needs a file"); }
        else if (arg == "--theme") {
            if (!value(a.theme) || (a.theme != "light" && a.theme != "dark")) return Usage("--theme takes light or dark");
        } else if (arg == "--scroll-to") { if (!value(a.scrollTo)) return Usage("--scroll-to needs an anchor"); }
        else if (arg == "--select") { if (!value(a.select)) return Usage("--select needs the text to select"); }
        else if (arg == "--state") { if (!value(a.state)) return Usage("--state needs JSON"); }
        else if (arg == "--id-prefix") {
            if (!value(a.idPrefix)) return Usage("--id-prefix needs a prefix");
            // The prefix goes into ids and href fragments as written: the config's deepLinkPrefix rule keeps it safe.
            if (const std::string why = aw::DeepLinkPrefixError(a.idPrefix); !why.empty()) return UsageLine("--id-prefix " + why);
        }
        else if (arg == "--title") { if (!value(a.title) || a.title.empty()) return Usage("--title needs a title"); }
        else if (arg == "--assets") { if (!value(a.assets)) return Usage("--assets needs a directory"); }
        else if (arg == "--interactive") a.interactive = true;
        else if (arg == "--width" || arg == "--height") {
            if (!value(v) || !ParseNumber(v, 200, 4096, number)) return Usage(arg + " takes a number from 200 to 4096");
            (arg == "--width" ? a.width : a.height) = static_cast<int>(number);
        } else if (arg == "--scale") {
            if (!value(v) || !ParseNumber(v, 0.5, 4, number)) return Usage("--scale takes a number from 0.5 to 4");
            a.scale = static_cast<float>(number);
        } else if (a.file.empty()) a.file = arg;
        else return Usage("more than one FILE given");
    }
    if (a.file.empty()) return Usage(a.command + " needs a FILE (or - for standard input)");
    if (a.command == "screenshot" && a.out.empty()) return Usage("screenshot needs -o OUT.png");
    if (a.command == "screenshot") {
        // Device pixels as the off-screen framebuffer has them (native_app: CSS px times the scale, truncated).
        const float scale = a.scale > 0.0f ? a.scale : 1.0f;
        const long long w = static_cast<long long>((a.width ? a.width : aw::NativeOptions{}.width) * scale);
        const long long h = static_cast<long long>((a.height ? a.height : aw::NativeOptions{}.height) * scale);
        if (w * h > kMaxScreenshotPixels)
            return UsageLine("a screenshot of " + std::to_string(w) + "x" + std::to_string(h) + " device pixels (" + std::to_string(w * h) +
                         ") is over the limit of " + std::to_string(kMaxScreenshotPixels) + " (4096x4096): lower --width, --height or --scale");
    }
    if (a.command == "bundle" && a.out.empty()) return Usage("bundle needs -o OUT.html");
    return -1;
}

int LoadStrict(const Args& a, std::shared_ptr<const aw::Article>& article, std::string* markdownOut = nullptr,
               std::string* configOut = nullptr) {
    aw::LoadOptions options;
    options.strictUtf8 = true;
    options.sourceName = a.file == "-" ? "standard input" : a.file;
    options.glyphAvailability = aw::NativeGlyphAvailability();   // uncovered_characters: what no installed font draws
    aw::LoadOutcome outcome = aw::LoadArticleFiles(a.file, a.config, options, markdownOut, configOut);
    if (!outcome.article) return Fail(outcome.error);
    for (const aw::Warning& w : outcome.article->doc.warnings) {
        if (w.line > 0) std::fprintf(stderr, "article-widget: warning: %s:%d: %s\n", options.sourceName.c_str(), w.line, w.message.c_str());
        else std::fprintf(stderr, "article-widget: warning: %s\n", w.message.c_str());
    }
    if (const int more = outcome.article->doc.warningsOmitted) std::fprintf(stderr, "article-widget: warning: %d more warnings\n", more);
    article = outcome.article;
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Args a;
    const int parsed = ParseArgs(argc, argv, a);
    if (parsed >= 0) return parsed;

    if (a.command == "model" || a.command == "html") {
        std::shared_ptr<const aw::Article> article;
        if (const int rc = LoadStrict(a, article)) return rc;
        std::string out;
        if (a.command == "model") {
            out = aw::ModelToJson(article->doc, article->config, 2);
        } else {
            aw::HtmlOptions options = aw::HtmlOptionsFor(*article, a.interactive);
            if (!a.idPrefix.empty()) options.idPrefix = a.idPrefix;
            out = aw::RenderHtml(article->doc, options);
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }

    if (a.command == "bundle") {
        aw::cli::BundleRequest request;
        if (const int rc = LoadStrict(a, request.article, &request.markdown, &request.configJson)) return rc;
        request.title = a.title;
        request.outPath = a.out;
        request.assetsDir = a.assets;
        if (a.file != "-") request.articleDir = a.file.rfind('/') == std::string::npos ? "." : a.file.substr(0, a.file.rfind('/'));
        std::string error;
        std::vector<std::string> warnings;
        const bool ok = aw::cli::WriteBundle(request, error, warnings);
        for (const std::string& w : warnings) std::fprintf(stderr, "article-widget: warning: %s:%s\n", a.file.c_str(), w.c_str());
        return ok ? 0 : Fail(error);
    }

    aw::NativeOptions options;
    options.articlePath = a.file;
    options.configPath = a.config;
    options.theme = a.theme;
    options.scrollTo = a.scrollTo;
    options.stateJson = a.state;
    options.selectText = a.select;
    if (a.width) options.width = a.width;
    if (a.height) options.height = a.height;
    options.scale = a.scale;
    if (a.command == "view") return aw::RunViewer(options);
    // The screenshot command checks its files first, so a missing file or a FIFO fails with a message, not a picture.
    std::string error;
    if (a.file != "-" && !aw::CheckReadableFile(a.file, error)) return Fail(error);
    if (!a.config.empty() && !aw::CheckReadableFile(a.config, error)) return Fail(error);
    return aw::RenderScreenshot(options, a.out);
}
