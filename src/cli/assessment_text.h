#pragma once
// How an assessment reads in the terminal: the result after taking one, and the history.
#include <ostream>
#include <vector>

#include "understand/assessment_service.h"

namespace securebase::cli {

// The scores with their meaning and distance from the cut point, the region, the picture,
// the change since last time and where to read more. `trail` is earlier results of the
// same questionnaire and target, oldest first (the current one is added at the end).
void PrintResult(std::ostream& out, const understand::AssessmentView& v,
                 const std::vector<understand::AssessmentView>& earlier);

// One line per complete assessment, oldest first: date, anxiety, avoidance, style, change.
void PrintHistoryTable(std::ostream& out, const std::vector<understand::AssessmentView>& rows);

// The same rows as a JSON array.
void PrintHistoryJson(std::ostream& out, const std::vector<understand::AssessmentView>& rows);

// "0.80 below the midpoint (4.0)".
std::string DistanceText(double from_cut, double cut, bool cut_is_midpoint);

// The learn topic for a style ("secure", "preoccupied", ...).
std::string LearnTopicFor(understand::Style style);

}  // namespace securebase::cli
