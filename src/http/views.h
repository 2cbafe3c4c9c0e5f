#pragma once
// The JSON shapes of the API's resources (see docs/openapi.json).
#include <boost/json.hpp>

#include "people/person.h"
#include "understand/assessment_service.h"
#include "understand/learn.h"

namespace securebase::http {

boost::json::object PersonJson(const people::Person& p);
// Without items; `item_count` and `has_wording` instead.
boost::json::object InstrumentSummaryJson(const understand::Instrument& ins);
// With items (text "" where the wording is not shipped).
boost::json::object InstrumentJson(const understand::Instrument& ins);
boost::json::object AssessmentJson(const understand::AssessmentView& v);
boost::json::object LearnSummaryJson(const understand::LearnPage& page);

}  // namespace securebase::http
