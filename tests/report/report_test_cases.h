#ifndef OGI_TESTS_REPORT_REPORT_TEST_CASES_H_
#define OGI_TESTS_REPORT_REPORT_TEST_CASES_H_

// Case records as the annual report sees them, for tests of services/report:
// builders for received, concluded and contested cases, and the fixture of
// the thirteen 2022 applications (plus one review) behind the reference
// report: the published 2022 annual report on government information
// disclosure of a city's administrative approval bureau (聊城市行政审批服务局),
// whose tables 二, 三 and 四 are kept in tests/e2e/testdata/
// reference_2022_tables.csv.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/report.pb.h"

namespace ogi::testing {

// A case of agency "default" logged in person and received on `receipt`
// (status 办理中), with a realistic applicant and one requested item.
v1::Case ReceivedCase(absl::string_view number, absl::string_view applicant,
                      v1::ApplicantType type, absl::CivilDay receipt);

// Records the conclusion: `outcome` served (posted) on `served`; status 已办结.
// Withdrawal and the two lapses get their conclusion kind, everything else is
// an answer with one disposition.
void Conclude(v1::Case& c, absl::CivilDay served, v1::Outcome outcome);

// Adds a review of the case's answer filed on `filed` with 聊城市人民政府 and
// returns it (id "<number>-R<n>").
v1::Review& FileReview(v1::Case& c, absl::CivilDay filed);
void DecideReview(v1::Review& review, v1::ProceedingDecision decision,
                  absl::CivilDay decided);

// Adds a lawsuit filed on `filed` (after the review `after_review_id` when
// not empty) and returns it (id "<number>-L<n>").
v1::Lawsuit& FileLawsuit(v1::Case& c, absl::CivilDay filed,
                         absl::string_view after_review_id = "");
void JudgeFirstInstance(v1::Lawsuit& lawsuit, v1::ProceedingDecision decision,
                        absl::CivilDay date);
void FileAppeal(v1::Lawsuit& lawsuit, absl::CivilDay filed);
void DecideAppeal(v1::Lawsuit& lawsuit, v1::ProceedingDecision decision,
                  absl::CivilDay date);

// A fee notice of `amount_yuan` served on `served` (paid on `paid` unless
// it is default-constructed, i.e. 1970-01-01).
void AddFeeNotice(v1::Case& c, int64_t amount_yuan, absl::CivilDay served,
                  absl::CivilDay paid = absl::CivilDay());

// The address of a cell of table `table` by row and column key or label.
v1::CellAddress CellAt(int table, absl::string_view row,
                       absl::string_view column);

// The thirteen applications the reference report (聊城市行政审批服务局, 2022)
// counts: natural persons, received and concluded in 2022, twelve 予以公开 and
// one 本机关不掌握相关政府信息 (2022-0007), whose answer was contested by a
// review filed 2022-07-20 and upheld (维持) on 2022-09-15.
std::vector<v1::Case> Reference2022Cases();

}  // namespace ogi::testing

#endif  // OGI_TESTS_REPORT_REPORT_TEST_CASES_H_
