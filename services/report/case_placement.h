#ifndef OGI_SERVICES_REPORT_CASE_PLACEMENT_H_
#define OGI_SERVICES_REPORT_CASE_PLACEMENT_H_

// Where one case stands in one year's annual report (SPEC §4 rules 1, 3, 4):
// the single classification that both the tables' numbers and the drill-down
// behind each number are built from, so the two cannot disagree. Pure
// functions; thread-safe.
//
// Every record is placed by its effective dates as they stand at 31 December
// 24:00 (China Standard Time) of the year — receipt_date, conclusion.served,
// a review's or lawsuit's filing and decision dates — never by the case's
// current status or by when the entry was made.

#include <array>
#include <cstdint>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"

namespace ogi {

// A cell of table 三 (row: kNewRow, a leaf, ...; column: an applicant column
// or kTable3TotalColumn) or of table 四 (row: a group; column: a result
// column or kResultTotalColumn).
struct TableCell {
  int row = 0;
  int column = 0;
};

// A review or lawsuit counted in table 四.
struct ProceedingPlacement {
  bool lawsuit = false;
  int index = 0;   // into Case.reviews or Case.lawsuits
  int group = 0;   // kReviewGroup, kDirectSuitGroup, kSuitAfterReviewGroup
  int column = 0;  // its result column as of 31 December (0..3)
  std::string id;  // "2022-0013-R1"
};

struct CasePlacement {
  // Table 三. Each cell the case is counted in, its applicant column and the
  // 总计 column alike: 一 (received in the year) or 二 (received before and
  // not concluded by the previous 31 December); then its outcome's leaf and
  // （七） (concluded in the year) or 四 (not concluded by 31 December). Empty
  // when the case plays no part in the year or cannot be placed.
  absl::InlinedVector<TableCell, 6> table3;
  // Non-empty when the case would play a part in this year's table 三 but its
  // record does not say where (e.g. concluded with no outcome, concluded
  // before it was received): the reasons in Chinese, joined by "；". Such a
  // case is counted in no cell of table 三: no number rests on a guess.
  std::string uncountable_reason;
  // Table 四: its reviews and lawsuits filed in the year (a lawsuit only where
  // this agency is the defendant, not the co-defendant review organ), each in
  // its group and its result column as of 31 December. A review or lawsuit
  // without a filing date (or with one that is not a calendar date) is
  // placed in no year; so is a fee date that is not set or not a date.
  absl::InlinedVector<ProceedingPlacement, 2> table4;
  // Section 六: the fee notice served in the year (its amount billed) and the
  // fee paid in the year (its amount collected).
  bool fee_notice_served = false;
  int64_t fee_billed_yuan = 0;
  int64_t fee_collected_yuan = 0;
  // Its conclusion date when it was concluded by 31 December (for the
  // drill-down's records).
  bool concluded_by_year_end = false;
};

// The two cells of table 四 a counted review or lawsuit is in: its result
// column and its group's 总计.
std::array<TableCell, 2> Table4CellsOf(const ProceedingPlacement& counted);

// How the reason of a case not yet countable because its receipt date awaits
// confirmation begins.
inline constexpr char kAwaitingConfirmationReason[] = "待确认收到";

// Places `c` in `year`'s report.
//
// A case is received on its receipt_date (none: not received, e.g. while
// confirmation is pending) and concluded on conclusion.served, counted in the
// leaf of conclusion.outcome. It is not yet countable in each year from its
// arrival on while it awaits receipt confirmation (status 待确认收到; the
// reason starts "待确认收到："). It is uncountable in a year it touches when:
// its receipt or conclusion date is not a calendar date (every year); it has
// a conclusion (or the status 已办结) but no conclusion date (every year from
// its receipt); it was concluded without a receipt date (the conclusion's
// year); it was concluded before its receipt date (the years from the one to
// the other); it was concluded in the year with no outcome; its applicant type
// is not one of the six.
CasePlacement PlaceCase(const v1::Case& c, int year);

// How reports and checks name a case: its number, or "<agency>/<number>"
// when `qualified` (a report over several agencies, whose numbers may
// collide).
std::string CaseReference(const v1::Case& c, bool qualified);

// The same qualification for any reference of the agency `agency_code`
// (a case number or a review/lawsuit id).
std::string QualifiedReference(const std::string& agency_code,
                               const std::string& reference, bool qualified);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_CASE_PLACEMENT_H_
