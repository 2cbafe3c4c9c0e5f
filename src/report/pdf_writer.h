#pragma once
// Draws a Brief as an A4 PDF with cairo: a title block, a note on what the numbers are,
// each chosen section (heading, sentences, table, charts), and a footer with page numbers.
#include <string>

#include "platform/result.h"
#include "report/brief.h"

namespace securebase::report {

// The PDF's bytes. Errors only when cairo fails (out of memory, a broken font setup).
Result<std::string> WriteBriefPdf(const Brief& brief);

}  // namespace securebase::report
