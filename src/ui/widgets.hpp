// Small drawing pieces shared by the views: buttons, dividers, image slots,
// spinners. Each draws with the window draw list at explicit CSS
// px positions and reports interaction through return values / Actions.
#pragma once

#include <string>
#include <string_view>

#include "ui/frame.hpp"

namespace nr::ui {

// An invisible hit area: hovered / clicked this frame (not while a drag
// scroll is in progress). Sets the hand cursor on hover.
struct Hit {
    bool hovered = false;
    bool pressed = false;  // mouse held down on it
    bool clicked = false;
};
Hit hit_area(Frame& f, const char* id, const Rect& r);

// Offers a Tab stop named `key`; when it has focus, draws the focus ring
// (accent, 2 px, rounded like cards) `outset` px outside r. Returns true when
// Enter activated it this frame.
bool focus_stop(Frame& f, const std::string& key, const Rect& r, float outset = 2, float rounding = tokens::radius);
void focus_ring(Frame& f, const Rect& r, float outset, float rounding = tokens::radius);

// Records interface text for debug(): the string, and where its box was drawn.
void note_chrome(Frame& f, std::string_view text);
void note_text(Frame& f, float x, float y, float w, float h);

// An outline button's frame: accent 1 px outline, filled while pressed
// (accent) or hovered (surface).
void outline_frame(Frame& f, const Rect& r, const Hit& h);
// Full-width outline button (Button role, control_height_for its label),
// also a Tab stop named `key`. Returns clicked or activated.
bool outline_button(Frame& f, const char* key, const Rect& r, std::string_view label, bool busy);
// The height of controls at the current text size.
float control_height(const Frame& f);

void divider(Frame& f, float x, float y, float w);

// Three pulsing dots centred in r; keeps frames coming while shown.
void spinner(Frame& f, const Rect& r);

// Draws an image fitted (cover) into r with rounded corners: the texture when
// ready, a surface-coloured placeholder while loading (and under reduced
// motion), the alt text on a neutral placeholder when it failed.
void image_slot(Frame& f, const Rect& r, const std::string& url, const std::string& alt, float rounding);

}  // namespace nr::ui
