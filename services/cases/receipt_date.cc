#include "services/cases/receipt_date.h"

namespace ogi {

bool ChannelNeedsConfirmation(v1::Channel channel) {
  switch (channel) {
    case v1::CHANNEL_ORDINARY_MAIL:
    case v1::CHANNEL_ONLINE:
    case v1::CHANNEL_FAX:
    case v1::CHANNEL_EMAIL:
      return true;
    default:
      return false;
  }
}

std::optional<absl::CivilDay> DeriveReceiptDate(
    v1::Channel channel, absl::CivilDay arrival,
    std::optional<absl::CivilDay> confirmation) {
  if (!ChannelNeedsConfirmation(channel)) return arrival;
  return confirmation;
}

}  // namespace ogi
