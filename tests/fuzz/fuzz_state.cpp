// Fuzz target: any bytes as the widget state JSON -> StateFromJson with a few stage and FAQ counts.
// A rejected state must leave the previous one unchanged; an accepted one must fit the document and
// read back from its own JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/widget_state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string json(reinterpret_cast<const char*>(data), size);
    static const int kCounts[][2] = {{0, 0}, {1, 1}, {3, 5}, {64, 2}};
    for (const auto& counts : kCounts) {
        aw::WidgetState state;
        state.selectedStage = counts[0] > 0 ? counts[0] - 1 : 0;
        state.openFaqs.assign(static_cast<size_t>(counts[1]), true);
        state.faqFilter = "kept";
        const aw::WidgetState before = state;
        std::string error;
        if (aw::StateFromJson(json, counts[0], counts[1], state, error)) {
            if (state.openFaqs.size() != static_cast<size_t>(counts[1])) __builtin_trap();
            if (state.selectedStage < 0 || (counts[0] > 0 && state.selectedStage >= counts[0])) __builtin_trap();
            // What getState() then says, setState() takes back unchanged (scrollY rounds to 0.1 px once).
            const std::string text = aw::StateToJson(state);
            aw::WidgetState back = before;
            if (!aw::StateFromJson(text, counts[0], counts[1], back, error) || aw::StateToJson(back) != text) __builtin_trap();
        } else if (!(state == before) || error.empty()) {
            __builtin_trap();
        }
    }
    return 0;
}
