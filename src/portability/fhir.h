#pragma once
// FHIR R4 resources for health systems: our instruments as Questionnaire resources and
// completed or in-progress assessments as QuestionnaireResponse resources, each set in a
// Bundle of type "collection".
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "understand/instrument.h"

namespace securebase::portability {

// The canonical URL of an instrument's Questionnaire.
std::string QuestionnaireUrl(const std::string& instrument_id);

// A Questionnaire: one integer item per question, with its scale's bounds (the standard
// minValue/maxValue extensions). Wording that is not shipped is left as "Item N".
boost::json::object QuestionnaireResource(const understand::Instrument& instrument);

// A QuestionnaireResponse for one row of our assessments export (data/assessments.json
// item). `instrument` orders the items when known (nullptr: answer order).
boost::json::object QuestionnaireResponseResource(const boost::json::object& assessment,
                                                  const understand::Instrument* instrument);

// A Bundle of type "collection" holding `resources`.
boost::json::object Bundle(std::vector<boost::json::object> resources);

}  // namespace securebase::portability
