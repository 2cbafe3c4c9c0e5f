#pragma once
// Small text checks shared by every input path.
#include <string>
#include <string_view>

namespace securebase {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view s);
// True when `s` contains a control character other than tab, newline and carriage return.
bool HasControlCharacters(std::string_view s);
// `s` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view s);
// Number of Unicode code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

// Wraps `text` at spaces to lines of at most `width` bytes (a longer word gets its own
// line), each prefixed by `indent` and ending in '\n'.
std::string Wrap(const std::string& text, int width, const std::string& indent);

}  // namespace securebase
