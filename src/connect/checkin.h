#pragma once
// The short set of questions offered in a daily check-in with someone. Our own wording.
#include <array>
#include <string_view>

namespace securebase::connect {

inline constexpr std::array<std::string_view, 4> kCheckinPrompts = {
    "How are you, really?",
    "What do you need from me today?",
    "Is there anything on your mind that you haven't said yet?",
    "What was the best part of your day?",
};

// How often a check-in may be planned, in days.
inline constexpr int kMinCheckinEvery = 1, kMaxCheckinEvery = 30;

}  // namespace securebase::connect
