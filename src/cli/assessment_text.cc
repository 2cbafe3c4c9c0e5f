#include "cli/assessment_text.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cmath>

#include "cli/plane_plot.h"
#include "platform/text.h"

namespace securebase::cli {

using understand::AssessmentView;
using understand::Direction;

std::string DistanceText(double from_cut, double cut, bool cut_is_midpoint) {
  std::string where = cut_is_midpoint ? fmt::format("the midpoint ({:.1f})", cut)
                                      : fmt::format("your cut point ({:.1f})", cut);
  if (std::fabs(from_cut) < 0.005) return "exactly at " + where;
  return fmt::format("{:.2f} {} {}", std::fabs(from_cut), from_cut > 0 ? "above" : "below", where);
}

std::string LearnTopicFor(understand::Style style) {
  return std::string(understand::StyleId(style));
}

namespace {

const char* RegionMeaning(understand::Style s) {
  switch (s) {
    case understand::Style::kSecure:
      return "Both scores are on the low side: closeness and depending on others tend to feel "
             "fairly safe.";
    case understand::Style::kPreoccupied:
      return "Worry about being loved or left runs higher, while closeness itself is welcome.";
    case understand::Style::kDismissing:
      return "Worry runs lower, while closeness and leaning on others feel less comfortable.";
    case understand::Style::kFearful:
      return "Both run higher: you may want closeness and also feel wary of it. That is a hard "
             "place to be, and it can change.";
  }
  return "";
}

bool CutIsMidpoint(const AssessmentView& v) {
  return std::fabs(v.cut - v.instrument->scale.Midpoint()) < 1e-9;
}

std::string Date(const understand::Assessment& a) {
  return LocalDate(a.completed ? *a.completed : a.started);
}

}  // namespace

void PrintResult(std::ostream& out, const AssessmentView& v,
                 const std::vector<AssessmentView>& earlier) {
  const auto& ins = *v.instrument;
  out << fmt::format("\nYour result: {}{}, {}\n\n", ins.name,
                     v.about ? " about " + v.about->name : std::string(), Date(v.assessment));
  bool rq = ins.rule == understand::ScoringRule::kRq;
  if (rq) {
    if (v.scores.model_of_self && v.scores.model_of_other) {
      out << fmt::format("  Model of self   {:+.1f}  (higher: a more positive view of yourself)\n",
                         *v.scores.model_of_self);
      out << fmt::format("  Model of others {:+.1f}  (higher: a more trusting view of others)\n",
                         *v.scores.model_of_other);
    }
  } else if (v.scores.anxiety && v.scores.avoidance && v.placement) {
    out << fmt::format("  Anxiety    {:.2f}  {}\n", *v.scores.anxiety,
                       DistanceText(v.placement->anxiety_from_cut, v.cut, CutIsMidpoint(v)));
    out << "             Worry about whether people close to you will stay and care.\n";
    out << fmt::format("  Avoidance  {:.2f}  {}\n", *v.scores.avoidance,
                       DistanceText(v.placement->avoidance_from_cut, v.cut, CutIsMidpoint(v)));
    out << "             Unease with closeness and with leaning on others.\n";
  }
  if (v.placement) {
    out << fmt::format("\n  Region: {}\n", understand::StyleName(v.placement->style))
        << Wrap(RegionMeaning(v.placement->style), 76, "  ");
  }
  if (!rq && v.scores.anxiety && v.scores.avoidance) {
    std::vector<PlotPoint> trail;
    for (const auto& e : earlier) {
      if (e.scores.anxiety && e.scores.avoidance) {
        trail.push_back({*e.scores.avoidance, *e.scores.anxiety});
      }
    }
    trail.push_back({*v.scores.avoidance, *v.scores.anxiety});
    PlaneSpec spec;
    spec.min = ins.scale.min;
    spec.max = ins.scale.max;
    spec.cut = v.cut;
    out << "\n" << DrawPlane(spec, trail) << "\n";
    if (trail.size() > 1) out << "  @ is this result; 1, 2, ... are earlier ones, oldest first.\n";
  }
  if (v.change) {
    out << "\n" << Wrap("Since last time: " + v.change->summary, 76, "  ");
    for (const auto& d : v.change->dimensions) {
      out << fmt::format("    {:<9} {:.2f} -> {:.2f} ({:+.2f}", d.dimension, d.before, d.after,
                         d.difference);
      if (d.threshold) out << fmt::format("; more than {:.2f} counts as reliable", *d.threshold);
      out << ")\n";
    }
  } else if (v.assessment.status == understand::AssessmentStatus::kComplete) {
    out << "\n  This is your first result here. Take it again in a month or so to see change.\n";
  }
  out << "\n  A style is a name for a region of these two scores, not a diagnosis. Scores move\n"
         "  with seasons of life, and with practice. SecureBase is a companion, not a treatment.\n";
  if (v.placement) {
    out << fmt::format("  Read more: securebase learn {}\n", LearnTopicFor(v.placement->style));
  }
}

void PrintHistoryTable(std::ostream& out, const std::vector<AssessmentView>& rows) {
  out << fmt::format("{:>4}  {:<10}  {:<12}  {:>7}  {:>9}  {:<19}  {}\n", "id", "date",
                     "questionnaire", "anxiety", "avoidance", "style", "change");
  for (const auto& v : rows) {
    auto num = [](const std::optional<double>& x) {
      return x ? fmt::format("{:.2f}", *x) : std::string("-");
    };
    out << fmt::format("{:>4}  {:<10}  {:<12}  {:>7}  {:>9}  {:<19}  {}\n", v.assessment.id,
                       Date(v.assessment), v.instrument->id, num(v.scores.anxiety),
                       num(v.scores.avoidance),
                       v.placement ? understand::StyleName(v.placement->style) : "-",
                       v.change ? understand::DirectionId(v.change->direction) : "first");
  }
}

void PrintHistoryJson(std::ostream& out, const std::vector<AssessmentView>& rows) {
  boost::json::array arr;
  for (const auto& v : rows) {
    boost::json::object o;
    o["id"] = v.assessment.id;
    o["date"] = Date(v.assessment);
    o["completed_at"] = v.assessment.completed ? Iso8601(*v.assessment.completed) : "";
    o["instrument"] = v.instrument->id;
    o["about"] = v.about ? boost::json::value(v.about->name) : nullptr;
    o["anxiety"] = v.scores.anxiety ? boost::json::value(*v.scores.anxiety) : nullptr;
    o["avoidance"] = v.scores.avoidance ? boost::json::value(*v.scores.avoidance) : nullptr;
    o["style"] =
        v.placement ? boost::json::value(understand::StyleId(v.placement->style)) : nullptr;
    o["change"] =
        v.change ? boost::json::value(understand::DirectionId(v.change->direction)) : nullptr;
    arr.push_back(std::move(o));
  }
  out << boost::json::serialize(arr) << "\n";
}

}  // namespace securebase::cli
