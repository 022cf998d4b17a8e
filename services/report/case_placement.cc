#include "services/report/case_placement.h"

#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/proceedings/proceeding_ids.h"
#include "services/proceedings/result_column.h"
#include "services/report/report_rows.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;

// A recorded date: absent when unset, an error text when not a calendar date.
struct RecordedDate {
  std::optional<Day> day;
  std::string error;
};

RecordedDate Read(const v1::Date& date, absl::string_view field) {
  RecordedDate read;
  if (IsUnset(date)) return read;
  absl::StatusOr<Day> day = ToCivilDay(date, field);
  if (day.ok()) {
    read.day = *day;
  } else {
    read.error = std::string(day.status().message());
  }
  return read;
}

// A date that decides a placement in no year when unset or malformed.
std::optional<Day> ReadOptional(const v1::Date& date) {
  if (IsUnset(date)) return std::nullopt;
  absl::StatusOr<Day> day = ToCivilDay(date, "date");
  if (!day.ok()) return std::nullopt;
  return *day;
}

bool InYear(const std::optional<Day>& day, int year) {
  return day.has_value() && day->year() == year;
}

// The table-四 column of a result; a result without one (never returned by
// result_column.h) is still pending.
int ColumnIndex(v1::ResultColumn column) {
  const int index = Table4ColumnOf(column);
  return index >= 0 ? index : Table4ColumnOf(v1::RESULT_COLUMN_PENDING);
}

void PlaceProceedings(const v1::Case& c, int year, Day year_end,
                      CasePlacement& placement) {
  for (int i = 0; i < c.reviews_size(); ++i) {
    const v1::Review& review = c.reviews(i);
    if (!InYear(ReadOptional(review.filed()), year)) continue;
    ProceedingPlacement counted;
    counted.index = i;
    counted.group = kReviewGroup;
    counted.column = ColumnIndex(ReviewColumnAsOf(review, year_end));
    counted.id =
        review.id().empty()
            ? FormatProceedingId(c.number(), ProceedingKind::kReview, i + 1)
            : review.id();
    placement.table4.push_back(std::move(counted));
  }
  for (int i = 0; i < c.lawsuits_size(); ++i) {
    const v1::Lawsuit& lawsuit = c.lawsuits(i);
    if (!CountsInAgencyTable(lawsuit)) continue;
    if (!InYear(ReadOptional(lawsuit.filed()), year)) continue;
    ProceedingPlacement counted;
    counted.lawsuit = true;
    counted.index = i;
    counted.group = Table4GroupOf(RouteOf(lawsuit));
    counted.column = ColumnIndex(LawsuitColumnAsOf(lawsuit, year_end));
    counted.id =
        lawsuit.id().empty()
            ? FormatProceedingId(c.number(), ProceedingKind::kLawsuit, i + 1)
            : lawsuit.id();
    placement.table4.push_back(std::move(counted));
  }
}

void PlaceFee(const v1::Case& c, int year, CasePlacement& placement) {
  if (!c.has_procedure() || !c.procedure().has_fee()) return;
  const v1::FeeNotice& fee = c.procedure().fee();
  if (InYear(ReadOptional(fee.served()), year)) {
    placement.fee_notice_served = true;
    placement.fee_billed_yuan = fee.amount_yuan();
  }
  if (InYear(ReadOptional(fee.paid()), year)) {
    placement.fee_collected_yuan = fee.amount_yuan();
  }
}

// Table 三 (and the reasons a case touching the year cannot be placed).
void PlaceInTable3(const v1::Case& c, int year, CasePlacement& placement) {
  const Day year_start(year, 1, 1);
  const Day year_end(year, 12, 31);
  const RecordedDate receipt = Read(c.receipt_date(), "receipt_date");
  const bool has_conclusion =
      c.has_conclusion() || c.status() == v1::CASE_STATUS_CONCLUDED;
  const RecordedDate served =
      Read(c.conclusion().served(), "conclusion.served");
  const std::optional<Day>& received = receipt.day;
  const std::optional<Day>& concluded = served.day;

  std::vector<std::string> reasons;
  if (!receipt.error.empty()) reasons.push_back(receipt.error);
  if (!served.error.empty()) reasons.push_back(served.error);
  if (!reasons.empty()) {
    // Which years it touches is unknowable: it is named in every one.
    placement.uncountable_reason = absl::StrJoin(reasons, "；");
    return;
  }
  if (has_conclusion && !concluded.has_value()) {
    if (received.has_value() && *received <= year_end) {
      placement.uncountable_reason =
          c.has_conclusion() ? "已办结但没有办结日期（conclusion.served）"
                             : "状态为已办结但没有办结记录（conclusion）";
    }
    return;
  }
  if (!received.has_value()) {
    // Awaiting receipt confirmation: it arrived, but until the receipt date
    // is recorded no one can say in which year's 新收 it belongs.
    const std::optional<Day> arrival = ReadOptional(c.arrival_date());
    if (!has_conclusion && c.status() == v1::CASE_STATUS_PENDING_CONFIRMATION &&
        arrival.has_value() && *arrival <= year_end) {
      placement.uncountable_reason = absl::StrCat(
          kAwaitingConfirmationReason, "：", FormatIsoDate(*arrival),
          " 到达，尚未登记确认收到日期（confirmation_"
          "date），确认后按收到日期计入");
      return;
    }
    if (InYear(concluded, year)) {
      placement.uncountable_reason =
          absl::StrCat("已于", FormatIsoDate(*concluded),
                       "办结但没有收到日期（receipt_date）");
    }
    return;
  }
  if (concluded.has_value() && *concluded < *received) {
    if (concluded->year() <= year && year <= received->year()) {
      placement.uncountable_reason =
          absl::StrCat("办结日期", FormatIsoDate(*concluded), "早于收到日期",
                       FormatIsoDate(*received));
    }
    return;
  }
  // Received, and concluded on or after receipt if at all.
  const bool touches_year = *received <= year_end &&
                            !(concluded.has_value() && *concluded < year_start);
  if (!touches_year) return;
  const bool concluded_in_year = InYear(concluded, year);
  const int column = ApplicantColumnOf(c.applicant().type());
  const int leaf =
      concluded_in_year ? Table3RowOf(c.conclusion().outcome()) : -1;
  if (column < 0) reasons.push_back("申请人类型未指定（applicant.type）");
  if (concluded_in_year && leaf < 0) {
    reasons.push_back(absl::StrCat("已于", FormatIsoDate(*concluded),
                                   "办结但没有办理结果（conclusion.outcome）"));
  }
  if (!reasons.empty()) {
    placement.uncountable_reason = absl::StrJoin(reasons, "；");
    return;
  }
  const int first_row = *received >= year_start ? kNewRow : kCarriedInRow;
  const int rows[] = {first_row, concluded_in_year ? leaf : kCarriedOutRow,
                      concluded_in_year ? kConcludedTotalRow : -1};
  for (const int row : rows) {
    if (row < 0) continue;
    placement.table3.push_back({row, column});
    placement.table3.push_back({row, kTable3TotalColumn});
  }
}

}  // namespace

std::array<TableCell, 2> Table4CellsOf(const ProceedingPlacement& counted) {
  return {TableCell{counted.group, counted.column},
          TableCell{counted.group, kResultTotalColumn}};
}

CasePlacement PlaceCase(const v1::Case& c, int year) {
  CasePlacement placement;
  const Day year_end(year, 12, 31);
  PlaceInTable3(c, year, placement);
  const std::optional<Day> concluded = ReadOptional(c.conclusion().served());
  placement.concluded_by_year_end =
      c.has_conclusion() && concluded.has_value() && *concluded <= year_end;
  PlaceProceedings(c, year, year_end, placement);
  PlaceFee(c, year, placement);
  return placement;
}

std::string CaseReference(const v1::Case& c, bool qualified) {
  return QualifiedReference(c.agency_code(), c.number(), qualified);
}

std::string QualifiedReference(const std::string& agency_code,
                               const std::string& reference, bool qualified) {
  return qualified ? absl::StrCat(agency_code, "/", reference) : reference;
}

}  // namespace ogi
