#pragma once
// Turning what a person types into a search, and marking what was found.
#include <string>

#include "reflect/reflection.h"

namespace securebase::reflect {

// An FTS5 query for what a person typed: each word must appear (in any field; the last
// word may be the start of a longer one), and "quoted words" must appear together as a
// phrase. Words are quoted, so FTS5 syntax typed by a person (AND, NEAR, *, -) is just
// text. Words without letters or digits (emoji, symbols) are left out, as the index does
// not hold them. Empty when nothing is left.
std::string MakeFtsQuery(const std::string& text);

// A snippet around the first place `needle` occurs in the reflection's texts or tags, with
// the occurrence between kHitStart and kHitEnd; about `context` bytes each side, cut at
// character boundaries and marked with "…". Empty when `needle` does not occur.
std::string SubstringSnippet(const Reflection& r, const std::string& needle, size_t context = 60);

}  // namespace securebase::reflect
