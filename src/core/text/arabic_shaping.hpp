// Arabic joining without a shaping engine: each letter becomes the
// presentation form (U+FB50-U+FDFF, U+FE70-U+FEFF) its neighbours call for
// (isolated, initial, medial or final), and lam + alef the mandatory
// ligature. The result is plain code points any font with those forms draws
// (Noto Sans Arabic has them), on the web and natively alike, for the price
// of a table of about a hundred letters instead of HarfBuzz.
//
// Not covered: optional ligatures, letters without presentation forms
// (they stay nominal and still join their neighbours), mark positioning
// beyond what the font's zero-width marks do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nr {

// How a character joins its neighbours (ArabicShaping.txt's Joining_Type):
// dual (both sides), right (to the letter before it only), join-causing
// (tatweel, ZWJ), transparent (marks: skipped over), or not at all.
enum class Joining : unsigned char { None, Dual, Right, Causing, Transparent };
Joining joining_type(char32_t cp);

// Code points in logical order, Arabic letters replaced by their contextual
// forms and lam + alef by one ligature; other text is unchanged.
std::u32string shape_arabic(std::u32string_view text);

// The same over consecutive pieces of one paragraph (styled runs): letters
// join across pieces, a ligature forms only inside one. Pieces without
// Arabic letters come back unchanged.
std::vector<std::string> shape_arabic_pieces(const std::vector<std::string_view>& pieces);

}  // namespace nr
