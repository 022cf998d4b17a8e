#ifndef OGI_TESTS_REPORT_RANDOM_CASE_HISTORIES_H_
#define OGI_TESTS_REPORT_RANDOM_CASE_HISTORIES_H_

// Seeded random case histories for the report's property test and benchmark:
// every applicant type and outcome, receipts and conclusions across year
// ends, cases never concluded or never confirmed, fee notices, reviews and
// lawsuits with and without decisions, appeals pending or decided,
// co-defendant suits. The same options and seed give the same cases.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"

namespace ogi::testing {

struct RandomHistoryOptions {
  int cases = 3000;
  uint32_t seed = 1;
  std::string agency_code = "default";
  // Arrival dates are drawn uniformly from this range; conclusions,
  // proceedings and payments follow up to about a year later.
  absl::CivilDay first_arrival = absl::CivilDay(2019, 1, 1);
  absl::CivilDay last_arrival = absl::CivilDay(2026, 12, 31);
  // The share of cases recorded with a defect the report cannot place:
  // concluded with no outcome, concluded before received, concluded with no
  // conclusion date, concluded with no receipt date.
  double defective_share = 0.0;
};

std::vector<v1::Case> RandomCaseHistories(const RandomHistoryOptions& options);

}  // namespace ogi::testing

#endif  // OGI_TESTS_REPORT_RANDOM_CASE_HISTORIES_H_
