// The one key table (see keys.h).
#include "keys.h"

namespace aw {

namespace {

const KeyName kKeys[] = {
    {Key::Tab, "Tab", ImGuiKey_Tab},
    {Key::Left, "ArrowLeft", ImGuiKey_LeftArrow},
    {Key::Right, "ArrowRight", ImGuiKey_RightArrow},
    {Key::Up, "ArrowUp", ImGuiKey_UpArrow},
    {Key::Down, "ArrowDown", ImGuiKey_DownArrow},
    {Key::Home, "Home", ImGuiKey_Home},
    {Key::End, "End", ImGuiKey_End},
    {Key::Enter, "Enter", ImGuiKey_Enter},
    {Key::Space, " ", ImGuiKey_Space},
    {Key::Escape, "Escape", ImGuiKey_Escape},
    {Key::Backspace, "Backspace", ImGuiKey_Backspace},
    {Key::PageUp, "PageUp", ImGuiKey_PageUp},
    {Key::PageDown, "PageDown", ImGuiKey_PageDown},
};
constexpr size_t kKeyCount = sizeof kKeys / sizeof kKeys[0];
static_assert(kKeyCount == static_cast<size_t>(Key::PageDown) + 1, "one row per Key");

const KeyName& RowOf(Key key) {
    for (const KeyName& k : kKeys)
        if (k.key == key) return k;
    return kKeys[0];   // unreachable: every Key has a row
}

} // namespace

const KeyName* KeyTable(size_t& count) {
    count = kKeyCount;
    return kKeys;
}

bool KeyFromWebName(std::string_view name, Key& out) {
    for (const KeyName& k : kKeys)
        if (name == k.web) { out = k.key; return true; }
    return false;
}

bool KeyFromImGui(ImGuiKey imguiKey, Key& out) {
    for (const KeyName& k : kKeys)
        if (imguiKey == k.imgui) { out = k.key; return true; }
    return false;
}

ImGuiKey ImGuiKeyOf(Key key) { return RowOf(key).imgui; }
const char* WebNameOf(Key key) { return RowOf(key).web; }

} // namespace aw
