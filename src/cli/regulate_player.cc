#include "cli/regulate_player.h"

#include <fmt/format.h>
#include <poll.h>

#include <chrono>
#include <thread>

#include "platform/terminal.h"
#include "platform/text.h"
#include "regulate/schedule.h"

namespace securebase::cli {

using regulate::PhaseKind;
using regulate::Practice;

double BreathFill(const Practice& practice, int phase_index, double fraction) {
  const auto& phases = practice.phases;
  if (phases.empty()) return fraction;
  // How full the lungs are at the start of each phase, walking the cycle once.
  double level = 0;
  for (int i = 0; i <= phase_index && i < static_cast<int>(phases.size()); ++i) {
    const PhaseKind kind = phases[static_cast<size_t>(i)].kind;
    double start = level, end = level;
    if (kind == PhaseKind::kInhale) {
      bool more_follows = i + 1 < static_cast<int>(phases.size()) &&
                          phases[static_cast<size_t>(i) + 1].kind == PhaseKind::kInhaleMore;
      start = 0;
      end = more_follows ? 0.8 : 1.0;
    } else if (kind == PhaseKind::kInhaleMore) {
      end = 1.0;
    } else if (kind == PhaseKind::kExhale) {
      end = 0;
    }
    if (i == phase_index) return start + (end - start) * fraction;
    level = end;
  }
  return level;
}

namespace {

std::string Clock(int64_t ms) {
  int64_t s = (ms + 999) / 1000;
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

// Milliseconds on the steady clock, times `speed`.
class ScaledTime {
 public:
  explicit ScaledTime(double speed) : speed_(speed), start_(std::chrono::steady_clock::now()) {}
  int64_t Now() const {
    auto real = std::chrono::steady_clock::now() - start_;
    return static_cast<int64_t>(std::chrono::duration<double, std::milli>(real).count() * speed_);
  }
  int RealMs(int64_t scaled_ms) const {
    return static_cast<int>(std::max<double>(1, static_cast<double>(scaled_ms) / speed_));
  }

 private:
  double speed_;
  std::chrono::steady_clock::time_point start_;
};

class TerminalPlayer {
 public:
  TerminalPlayer(Context& ctx, const Practice& p, double speed)
      : ctx_(ctx), p_(p), s_(regulate::BuildSchedule(p)), time_(speed), run_(0) {}

  PlayResult Play() {
    RawMode raw(0);
    std::ostream& out = ctx_.out();
    out << "\x1b[?25l";  // hide the cursor while drawing
    bool drawn = false;
    int shown = -2;
    for (;;) {
      int64_t now = time_.Now();
      regulate::Position pos = regulate::PositionAt(s_, run_.Elapsed(now));
      if (pos.finished) break;
      if (drawn) out << "\x1b[2A\r\x1b[J";  // back to the top of the block
      if (pos.phase != shown && !s_.phases[static_cast<size_t>(pos.phase)].breath) {
        out << "\n"
            << Wrap(s_.phases[static_cast<size_t>(pos.phase)].label, width_ - 4, "  ") << "\n";
      }
      shown = pos.phase;
      DrawBlock(pos);
      drawn = true;
      out << std::flush;
      pollfd in{0, POLLIN, 0};
      int wait = time_.RealMs(regulate::WaitMs(s_, run_, now, 200));
      if (::poll(&in, 1, std::min(wait, 200)) > 0) {
        KeyPress k = ReadKey(0);
        int64_t at = time_.Now();
        if (k.key == Key::kChar && (k.ch == ' ' || k.ch == 'p' || k.ch == 'P')) {
          if (run_.paused()) {
            run_.Resume(at);
          } else {
            run_.Pause(at);
          }
        } else if (k.key == Key::kInterrupt || k.key == Key::kEscape || k.key == Key::kEndOfInput ||
                   (k.key == Key::kChar && (k.ch == 'q' || k.ch == 'Q'))) {
          run_.Stop(at);
          break;
        }
      }
    }
    PlayResult r;
    r.practiced_ms = std::min(run_.Elapsed(time_.Now()), s_.total_ms);
    r.stopped_early = run_.stopped() && r.practiced_ms < s_.total_ms;
    if (drawn) out << "\x1b[2A\r\x1b[J";
    out << "\x1b[?25h";
    out << (r.stopped_early ? fmt::format("  Stopped after {}. That is fine; every bit counts.\n",
                                          Clock(r.practiced_ms))
                            : std::string("  Done. Take a moment before you move on.\n"));
    out << std::flush;
    return r;
  }

 private:
  void DrawBlock(const regulate::Position& pos) {
    const auto& ph = s_.phases[static_cast<size_t>(pos.phase)];
    std::ostream& out = ctx_.out();
    const int bar = std::max(10, std::min(width_ - 30, 50));
    double fill = ph.breath ? BreathFill(p_, ph.index, pos.phase_fraction) : pos.phase_fraction;
    int cells = static_cast<int>(fill * bar + 0.5);
    std::string where = ph.breath ? fmt::format("breath {} of {}", ph.round + 1, p_.Rounds())
                                  : fmt::format("step {} of {}", ph.index + 1, p_.steps.size());
    std::string word = ph.breath ? ph.label : "Take your time";
    out << fmt::format("  {:<18} {:>3}    {}{}\n", word, pos.count, where,
                       run_.paused() ? "   (paused)" : "");
    out << "  [" << std::string(static_cast<size_t>(cells), '#')
        << std::string(static_cast<size_t>(bar - cells), ' ') << "] "
        << Clock(s_.total_ms - run_.Elapsed(time_.Now())) << " left   space pause  q stop\n";
  }

  Context& ctx_;
  const Practice& p_;
  regulate::Schedule s_;
  ScaledTime time_;
  regulate::Playback run_;
  int width_ = std::min(TerminalColumns(1), 100);
};

// Without a terminal: a line as each phase begins, waiting in between.
PlayResult PlayLines(Context& ctx, const Practice& p, double speed) {
  regulate::Schedule s = regulate::BuildSchedule(p);
  ScaledTime time(speed);
  regulate::Playback run(0);
  for (const auto& ph : s.phases) {
    int64_t wait = run.WallTimeOf(ph.start_ms) - time.Now();
    if (wait > 0) std::this_thread::sleep_for(std::chrono::milliseconds(time.RealMs(wait)));
    if (ph.breath) {
      ctx.out() << fmt::format("  {} ({:g})\n", ph.label,
                               static_cast<double>(ph.duration_ms) / 1000);
    } else {
      ctx.out() << Wrap(ph.label, 76, "  ");
    }
    ctx.out() << std::flush;
  }
  int64_t wait = run.WallTimeOf(s.total_ms) - time.Now();
  if (wait > 0) std::this_thread::sleep_for(std::chrono::milliseconds(time.RealMs(wait)));
  ctx.out() << "  Done.\n";
  return {s.total_ms, false};
}

}  // namespace

PlayResult PlayPractice(Context& ctx, const Practice& practice, double speed) {
  if (!ctx.terminal) return PlayLines(ctx, practice, speed);
  TerminalPlayer player(ctx, practice, speed);
  return player.Play();
}

}  // namespace securebase::cli
