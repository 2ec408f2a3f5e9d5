// The native platform: a GLFW + OpenGL 3 window with hot reload, and off-screen screenshots.
#pragma once
#include <string>

namespace aw {

struct NativeOptions {
    std::string articlePath;          // "-" for standard input (no hot reload then)
    std::string configPath;           // may be empty
    int   width = 1000, height = 800; // CSS px
    float scale = 0.0f;               // 0: the monitor's content scale
    std::string theme;                // "", "light" or "dark": overrides the config
    std::string scrollTo;             // section anchor to start at (an unknown one is an error)
    std::string stateJson;            // optional widget state to apply first (a bad one is an error)
    std::string selectText;           // screenshot: text to show selected (its first occurrence)
};

// Prints `message` to standard error, each of its lines as "article-widget: error: LINE". Returns 1, the exit
// code for bad input.
int PrintErrorLines(const std::string& message);

// Opens the viewer window; reloads the article and config when either file changes. Returns an exit code:
// 1 without a window when the first load fails, or after its first frame when --state or --scroll-to is bad.
int RunViewer(const NativeOptions& options);

// Renders one frame off-screen (a hidden window) and writes a PNG. Returns an exit code.
int RenderScreenshot(const NativeOptions& options, const std::string& outPath);

} // namespace aw
