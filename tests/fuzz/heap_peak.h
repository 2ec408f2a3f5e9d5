// Peak heap of one fuzz input, from the sanitizer allocator's own count: a memory blow-up is a finding
// at any input size, not only when it reaches libFuzzer's -rss_limit_mb.
#pragma once
#include <sanitizer/allocator_interface.h>

#include <cstddef>
#include <cstdlib>

namespace aw_fuzz {

inline size_t g_heapPeak = 0;

inline void OnMalloc(const volatile void*, size_t) {
    const size_t now = __sanitizer_get_current_allocated_bytes();
    if (now > g_heapPeak) g_heapPeak = now;
}
inline void OnFree(const volatile void*) {}

// Construct at the start of LLVMFuzzerTestOneInput; Bytes() is the most the input had allocated at once.
class HeapPeak {
public:
    HeapPeak() {
        static const bool installed = __sanitizer_install_malloc_and_free_hooks(OnMalloc, OnFree) != 0;
        (void)installed;
        base_ = __sanitizer_get_current_allocated_bytes();
        g_heapPeak = base_;
    }
    size_t Bytes() const { return g_heapPeak > base_ ? g_heapPeak - base_ : 0; }

private:
    size_t base_ = 0;
};

// AW_FUZZ_HEAP=1 prints every input's peak against its bound (for measuring the bound, not for fuzzing).
inline bool ReportHeap() {
    static const bool report = std::getenv("AW_FUZZ_HEAP") != nullptr;
    return report;
}

} // namespace aw_fuzz
