// Metrics read straight from a TrueType/OpenType file's tables, for sizing
// fonts the way CSS does.
#pragma once

#include <string_view>

namespace nr {

// ImGui 1.86 sizes fonts by ascent - descent (stbtt_ScaleForPixelHeight),
// CSS by the em square. This is the ratio between the two for a font file,
// read from its 'head' (unitsPerEm) and 'hhea' (ascender, descender)
// tables: 1.362 for Noto. 1 when the file is not a font or lacks them.
float pixel_height_per_em(std::string_view ttf);

}  // namespace nr
