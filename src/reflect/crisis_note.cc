#include "reflect/crisis_note.h"

namespace securebase::reflect {

const CrisisNote& DefaultCrisisNote() {
  static const CrisisNote kNote{
      "Your reflection is saved. Some of what you wrote sounds like you might be in danger or "
      "in a lot of pain. You deserve support right now, and talking to someone can help.",
      {
          {"United States", "988 Suicide & Crisis Lifeline", "call or text 988"},
          {"Canada", "9-8-8 Suicide Crisis Helpline", "call or text 9-8-8"},
          {"United Kingdom and Ireland", "Samaritans", "call 116 123, free, day or night"},
          {"Australia", "Lifeline", "call 13 11 14"},
      },
      "In immediate danger, call your local emergency number: 911 (US, Canada), 999 (UK), "
      "112 (EU), 000 (Australia).",
  };
  return kNote;
}

}  // namespace securebase::reflect
