#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_IDS_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_IDS_H_

// Ids of reviews and lawsuits: the contested case's number with a suffix,
// "2022-0013-R1" (review 1 of case 2022-0013), "2022-0013-L2" (lawsuit 2).
// The case number is the id without its "-R<n>"/"-L<n>" suffix. Pure
// functions; thread-safe.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ogi {

enum class ProceedingKind { kReview, kLawsuit };

struct ProceedingId {
  std::string case_number;  // "2022-0013"
  ProceedingKind kind = ProceedingKind::kReview;
  int ordinal = 0;  // n >= 1
};

// "2022-0013-R1" / "2022-0013-L1".
std::string FormatProceedingId(absl::string_view case_number,
                               ProceedingKind kind, int ordinal);

// "行政复议" or "行政诉讼", for messages.
absl::string_view KindName(ProceedingKind kind);

// Parses `id` as an id of `kind`. INVALID_ARGUMENT naming `field`:
// "<field>: 必须填写" when empty; "<field>: "2022-0013-L1" 是行政诉讼编号，
// 不是行政复议编号" for the other kind; "<field>: "x"
// 不是行政复议编号，编号形如 2022-0013-R1" for anything else (the case number
// part must look like "2022-0013": four-digit year, a dash, at least four
// digits; n has no leading zero).
absl::StatusOr<ProceedingId> ParseProceedingId(absl::string_view id,
                                               ProceedingKind kind,
                                               absl::string_view field);

// The path of a review's or lawsuit's field in Case, as history events name
// it: "reviews[id=2022-0013-R1].decided",
// "lawsuits[id=2022-0013-L1].appeal.filed".
std::string ProceedingFieldPath(ProceedingKind kind, absl::string_view id,
                                absl::string_view field);

// Orders ids as people count them: by case year, case sequence and n, each
// numerically ("2022-0013-R2" before "2022-0013-R10"). Ids that do not parse
// come after those that do, in text order.
bool ProceedingIdLess(absl::string_view a, absl::string_view b);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_IDS_H_
