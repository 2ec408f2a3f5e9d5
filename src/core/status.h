// aw::Status: what a call of the C++ package's public API returns, ok or a one-line reason.
// Public header (installed): stable within a 0.x minor version; members are only added.
#pragma once
#include <string>
#include <utility>

namespace aw {

// Ok, or failed with a one-line message saying what was refused and why (no "error:" prefix, no trailing period).
// The call that failed changed nothing.
struct Status {
    bool        ok = true;
    std::string message;   // "" when ok

    static Status Ok() { return Status{}; }
    static Status Error(std::string message) { return Status{false, std::move(message)}; }
    explicit operator bool() const { return ok; }
};

} // namespace aw
