// Fuzz target: any bytes as widget.json -> ParseConfig. A failed parse must leave the config untouched.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string json(reinterpret_cast<const char*>(data), size);
    aw::Config config;
    config.title = "previous";
    aw::ConfigError error;
    if (aw::ParseConfig(json, config, error)) {
        if (!error.message.empty()) __builtin_trap();
        if (config.initialStage < 0 || config.initialStage > 63 || config.maxInputBytes < 1024) __builtin_trap();
    } else {
        if (error.message.empty() || config.title != "previous") __builtin_trap();
        (void)error.describe();
    }
    return 0;
}
