#include "cli/assess_take.h"

#include <fmt/format.h>
#include <unistd.h>

#include "cli/assessment_text.h"
#include "cli/key_source.h"
#include "platform/text.h"
#include "understand/cut_point.h"

namespace securebase::cli {

using understand::Assessment;
using understand::AssessmentView;
using understand::Instrument;

std::string PersonalizeItem(std::string text, const std::string& name) {
  const std::string token = "{person}";
  for (size_t pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos)) {
    text.replace(pos, token.size(), name);
    pos += name.size();
  }
  return text;
}

namespace {

// The state of one run through the questionnaire.
class TakeSession {
 public:
  TakeSession(Context& ctx, app::Services& services, const Instrument& ins,
              std::optional<people::Person> about, std::optional<double> cut)
      : ctx_(ctx), s_(services), ins_(ins), about_(std::move(about)), cut_(cut) {}

  Status Run(bool restart);

 private:
  void Draw(size_t index, const std::string& notice);
  Status SaveAnswer(const std::string& item_id, int value);
  Status Finish();
  void PrintHelp();
  std::string ResumeCommand() const;
  size_t AnsweredCount() const { return answers_.size(); }

  Context& ctx_;
  app::Services& s_;
  const Instrument& ins_;
  std::optional<people::Person> about_;
  std::optional<double> cut_;
  std::optional<int64_t> draft_id_;
  std::map<std::string, int> answers_;
};

std::string TakeSession::ResumeCommand() const {
  std::string cmd = "securebase assess take " + ins_.id;
  if (about_) cmd += " --about " + std::to_string(about_->id);
  return cmd;
}

void TakeSession::Draw(size_t index, const std::string& notice) {
  std::ostream& out = ctx_.out();
  const auto& item = ins_.items[index];
  const size_t total = ins_.items.size();
  if (ctx_.terminal) out << "\x1b[2J\x1b[H";  // clear the screen, cursor home
  int width = ctx_.terminal ? std::min(TerminalColumns(1), 78) : 78;
  out << fmt::format("{}{}   question {} of {}\n", ins_.short_name,
                     about_ ? " about " + about_->name : std::string(), index + 1, total);
  const int bar = 30;
  int filled = static_cast<int>(bar * AnsweredCount() / std::max<size_t>(total, 1));
  out << "[" << std::string(static_cast<size_t>(filled), '#')
      << std::string(static_cast<size_t>(bar - filled), '.') << "] " << AnsweredCount()
      << " answered\n\n";
  out << Wrap(PersonalizeItem(item.text, about_ ? about_->name : "this person"), width - 4, "  ")
      << "\n";
  for (int v = ins_.scale.min; v <= ins_.scale.max; ++v) {
    std::string label;
    for (const auto& a : ins_.scale.anchors) {
      if (a.value == v) label = a.label;
    }
    out << fmt::format("   {}  {}\n", v, label);
  }
  auto it = answers_.find(item.id);
  if (it != answers_.end())
    out << fmt::format("\n  Your answer: {} (Enter keeps it)\n", it->second);
  if (!notice.empty()) out << "\n  " << notice << "\n";
  out << fmt::format("\n  {}-{} answer   b back   s skip   q save and quit   ? help\n",
                     ins_.scale.min, ins_.scale.max);
  if (!ctx_.terminal) out << "  > ";
  out << std::flush;
}

void TakeSession::PrintHelp() {
  ctx_.out() << "\n  Answer with how true each sentence feels for you most of the time; there\n"
                "  are no right answers. Your answers are saved as you go: press q at any time\n"
                "  and pick up later with the same command. b goes back one question, s skips\n"
                "  one (up to one in five of each part may be skipped and still be scored).\n";
}

Status TakeSession::SaveAnswer(const std::string& item_id, int value) {
  answers_[item_id] = value;
  if (draft_id_) {
    return s_.assessments->Update(ctx_.user_id(), *draft_id_, {{item_id, value}}, false, cut_)
        .status();
  }
  understand::AssessmentInput input{ins_.id, about_ ? std::optional(about_->id) : std::nullopt,
                                    answers_, false};
  TRY_ASSIGN(AssessmentView v, s_.assessments->Create(ctx_.user_id(), input, cut_));
  draft_id_ = v.assessment.id;
  return Status::Ok();
}

Status TakeSession::Finish() {
  TRY_ASSIGN(AssessmentView v,
             s_.assessments->Update(ctx_.user_id(), *draft_id_, {}, /*complete=*/true, cut_));
  // Earlier complete results of the same questionnaire and target, oldest first.
  understand::AssessmentFilter f;
  f.about = v.assessment.about;
  f.status = understand::AssessmentStatus::kComplete;
  f.instrument = ins_.id;
  TRY_ASSIGN(auto page, s_.assessment_store->List(ctx_.user_id(), f, {500, ""}));
  std::vector<AssessmentView> earlier;
  for (auto it = page.items.rbegin(); it != page.items.rend(); ++it) {
    if (it->id == v.assessment.id) continue;
    TRY_ASSIGN(auto ev, s_.assessments->ViewOf(ctx_.user_id(), *it, cut_));
    earlier.push_back(std::move(ev));
  }
  if (ctx_.terminal) ctx_.out() << "\x1b[2J\x1b[H";
  PrintResult(ctx_.out(), v, earlier);
  return Status::Ok();
}

Status TakeSession::Run(bool restart) {
  TRY_ASSIGN(auto draft,
             s_.assessments->FindDraft(ctx_.user_id(), ins_.id,
                                       about_ ? std::optional(about_->id) : std::nullopt));
  std::string notice;
  if (draft && !restart) {
    draft_id_ = draft->id;
    answers_ = draft->answers;
    notice = fmt::format("Welcome back. {} of {} answers were kept from last time.",
                         answers_.size(), ins_.items.size());
  }
  size_t index = 0;
  while (index < ins_.items.size() && answers_.count(ins_.items[index].id)) ++index;
  if (index == ins_.items.size()) index = 0;

  std::unique_ptr<KeySource> keys = ctx_.terminal ? TerminalKeys(0) : LineKeys(ctx_.in());
  for (;;) {
    if (index >= ins_.items.size()) {
      if (!draft_id_) {
        notice = "Nothing is answered yet.";
        index = 0;
        continue;
      }
      Status done = Finish();
      if (done.ok()) return done;
      if (done.code() != ErrorCode::kInvalidArgument) return done;
      // Too many skipped: go to the first unanswered question.
      index = 0;
      while (index < ins_.items.size() && answers_.count(ins_.items[index].id)) ++index;
      notice = done.message() + ". Please answer a few more.";
    }
    Draw(index, notice);
    notice.clear();
    KeyPress k = keys->Next();
    const std::string& id = ins_.items[index].id;
    if (k.key == Key::kChar && k.ch >= '0' && k.ch <= '9') {
      int value = k.ch - '0';
      if (!ins_.scale.Contains(value)) {
        notice =
            fmt::format("Please choose a number from {} to {}.", ins_.scale.min, ins_.scale.max);
        continue;
      }
      TRY(SaveAnswer(id, value));
      ++index;
    } else if (k.key == Key::kEnter && answers_.count(id)) {
      ++index;
    } else if (k.key == Key::kEnter) {
      notice = "Choose a number, or press s to skip this one.";
    } else if ((k.key == Key::kChar && (k.ch == 'b' || k.ch == 'B')) || k.key == Key::kBackspace ||
               k.key == Key::kLeft || k.key == Key::kUp) {
      if (index > 0) --index;
    } else if ((k.key == Key::kChar && (k.ch == 's' || k.ch == 'S')) || k.key == Key::kRight ||
               k.key == Key::kDown) {
      ++index;
    } else if (k.key == Key::kChar && k.ch == '?') {
      PrintHelp();
      notice = "";
    } else if ((k.key == Key::kChar && (k.ch == 'q' || k.ch == 'Q')) || k.key == Key::kEscape ||
               k.key == Key::kInterrupt || k.key == Key::kEndOfInput) {
      if (ctx_.terminal) ctx_.out() << "\x1b[2J\x1b[H";
      if (answers_.empty()) {
        ctx_.out() << "\nNothing answered, nothing saved. Come back whenever you like.\n";
      } else {
        ctx_.out() << fmt::format("\nSaved {} of {} answers. Continue any time with:\n  {}\n",
                                  answers_.size(), ins_.items.size(), ResumeCommand());
      }
      return Status::Ok();
    } else {
      notice = fmt::format("Use {}-{} to answer, b to go back, s to skip, q to save and quit.",
                           ins_.scale.min, ins_.scale.max);
    }
  }
}

}  // namespace

Status TakeAssessment(Context& ctx, const TakeOptions& options) {
  TRY_ASSIGN(app::Services * s, ctx.Services());
  std::optional<people::Person> about;
  if (!options.about.empty()) {
    TRY_ASSIGN(about, s->people->Find(ctx.user_id(), options.about));
  }
  const Instrument* ins = nullptr;
  if (options.instrument.empty()) {
    ins = s->catalog.Default(about ? understand::TargetKind::kPerson
                                   : understand::TargetKind::kGeneral);
    if (!ins) return Status::NotFound("the default questionnaire is not installed");
  } else {
    TRY_ASSIGN(ins, s->catalog.Find(options.instrument));
  }
  if (!ins->HasWording()) {
    return Status::Precondition(fmt::format(
        "{} ships as a scoring key only, because its wording is licensed elsewhere. If you "
        "hold the wording, put it in a wording file (see docs/instruments.md) under "
        "~/.config/securebase/content/wording/, or score collected answers with "
        "'securebase assess score --instrument {}'.",
        ins->id, ins->id));
  }
  if (ins->target == understand::TargetKind::kPerson && !about) {
    return Status::InvalidField("--about",
                                fmt::format("{} is about one person: add --about NAME", ins->id));
  }
  if (ins->target == understand::TargetKind::kGeneral && about) {
    return Status::InvalidField(
        "--about", fmt::format("{} is about relationships in general; leave out --about, or "
                               "choose a questionnaire about one person (crr-person)",
                               ins->id));
  }
  TRY_ASSIGN(auto cut, understand::LoadCutPoint(*s->settings, ctx.user_id()));
  TakeSession session(ctx, *s, *ins, about, cut);
  return session.Run(options.restart);
}

}  // namespace securebase::cli
