#pragma once
// The JSON shapes of reflections, search hits, patterns and emotions (see openapi.json),
// and reading a reflection from a request body.
#include <boost/json.hpp>
#include <variant>

#include "platform/http/request.h"
#include "platform/http/response.h"
#include "reflect/reflect_service.h"

namespace securebase::http {

boost::json::object ReflectionJson(const reflect::Reflection& r,
                                   const std::vector<people::Person>& people,
                                   const reflect::EmotionVocabulary& vocabulary);
// [{"text": "...", "hit": false}, {"text": "silence", "hit": true}, ...]
boost::json::array SnippetJson(const std::string& marked);
boost::json::object PatternsJson(const reflect::Patterns& p);
boost::json::object EmotionJson(const reflect::Emotion& e);

// A ReflectionEdit from the body, or the 400/422 problem to answer. `now` checks
// "happened_at" and gives local dates their offset.
std::variant<reflect::ReflectionEdit, Response> ReadReflectionEdit(const Request& req,
                                                                   bool creating, Instant now);

}  // namespace securebase::http
