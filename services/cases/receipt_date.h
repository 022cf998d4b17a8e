#ifndef OGI_SERVICES_CASES_RECEIPT_DATE_H_
#define OGI_SERVICES_CASES_RECEIPT_DATE_H_

// The legal receipt date (收到申请之日) of Regs Art. 31, from which every
// answer clock starts. Pure functions; thread-safe.

#include <optional>

#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"

namespace ogi {

// True for channels whose receipt date is a confirmation with the applicant:
// ordinary mail (the office confirms on the day the letter arrives, or when
// contact is made), online, fax and email (the date both sides confirm).
bool ChannelNeedsConfirmation(v1::Channel channel);

// The receipt date: the arrival date for in-person and signed-for post; the
// confirmation date for the other channels, or nullopt while it is missing.
std::optional<absl::CivilDay> DeriveReceiptDate(
    v1::Channel channel, absl::CivilDay arrival,
    std::optional<absl::CivilDay> confirmation);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_RECEIPT_DATE_H_
