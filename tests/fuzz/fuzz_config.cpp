// Fuzz target: any bytes as widget.json -> ParseConfig. A failed parse must leave the config untouched.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string json(reinterpret_cast<const char*>(data), size);
    aw::Config config;
    config.title = "previous";
    aw::ConfigReport report;
    if (aw::ParseConfig(json, config, report)) {
        if (!report.errors.empty()) __builtin_trap();
        if (config.initialStage < 0 || config.maxInputBytes < 1024) __builtin_trap();   // initialStage has no upper bound
    } else {
        if (report.errors.empty() || config.title != "previous") __builtin_trap();
        for (const aw::ConfigError& e : report.errors) if (e.message.empty()) __builtin_trap();
        if (report.describe().find('\n') != std::string::npos && report.errors.size() + report.errorsOmitted < 2) __builtin_trap();
    }
    return 0;
}
