// The one key table: each key the widget acts on (core's Key) with its name in the browser
// (KeyboardEvent.key, which the element and its mirror send) and Dear ImGui's key (which platform
// backends feed ImGui). Every platform, the mirror and the tests translate keys through it.
#pragma once
#include <imgui.h>
#include <string_view>

#include "core/interaction.h"

namespace aw {

struct KeyName {
    Key         key;
    const char* web;     // KeyboardEvent.key
    ImGuiKey    imgui;
};

// Every row of the table, and its length.
const KeyName* KeyTable(size_t& count);

// False when the widget does not act on that key.
bool KeyFromWebName(std::string_view name, Key& out);
bool KeyFromImGui(ImGuiKey imguiKey, Key& out);
ImGuiKey ImGuiKeyOf(Key key);
const char* WebNameOf(Key key);

} // namespace aw
