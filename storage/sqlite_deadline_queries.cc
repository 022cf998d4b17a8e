// CaseStore on SQLite, the deadline listings: ListCasesNeedingAttention and
// ForEachDeadlineSummary, each date range of a query one index range scan.

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "storage/sqlite_case_store.h"
#include "storage/sqlite_rows.h"

namespace ogi {
namespace {

// One date range of an AttentionQuery: the cases whose `column` lies in
// [from, until] (from optional).
struct DateRange {
  const char* column;
  // The index that serves the range. Those of the open-case ranges cover
  // every summary column, so a summary listing never reads the table
  // (migration 4).
  const char* index;
  // The summary field holding `column`; null for the duty range, which is
  // not a deadline summary column.
  std::optional<absl::CivilDay> CaseDeadlineSummary::*field;
  std::optional<absl::CivilDay> from;
  absl::CivilDay until;

  bool open_only() const { return field != nullptr; }

  bool Contains(const CaseDeadlineSummary& s) const {
    if (field == nullptr) return false;
    const std::optional<absl::CivilDay>& day = s.*field;
    return day.has_value() && (!from || *day >= *from) && *day <= until;
  }
};

// The ranges of `query` that apply (those with `until` set), in a fixed order,
// the duty range last.
std::vector<DateRange> RangesOf(const AttentionQuery& query) {
  std::vector<DateRange> ranges;
  auto add = [&](const char* column, const char* index,
                 std::optional<absl::CivilDay> CaseDeadlineSummary::*field,
                 const std::optional<absl::CivilDay>& from,
                 const std::optional<absl::CivilDay>& until) {
    if (until) ranges.push_back({column, index, field, from, *until});
  };
  add("answer_due", "cases_summary_by_answer_due",
      &CaseDeadlineSummary::answer_due, query.answer_due_from,
      query.answer_due_until);
  add("notice_due", "cases_summary_by_notice_due",
      &CaseDeadlineSummary::notice_due, query.notice_due_from,
      query.notice_due_until);
  add("window_end", "cases_summary_by_window_end",
      &CaseDeadlineSummary::window_end, query.window_end_from,
      query.window_end_until);
  add("duty_due", "cases_by_open_duty", nullptr, query.duty_due_from,
      query.duty_due_until);
  return ranges;
}

// A UNION ALL of one index range scan per range, each selecting `columns`
// of the cases in it (open cases only, but for the duty range), led by the
// range's position in `ranges` when `numbered`; a case in several ranges
// comes once per range. Parameter ?1 is
// the agency id (used only when `by_agency`); the dates follow, bound by
// BindRangeScans. (SQLite does not turn an OR of the ranges into such scans:
// it walked every open case instead.)
std::string RangeScansSql(const std::vector<DateRange>& ranges,
                          absl::string_view columns, bool numbered,
                          bool by_agency) {
  std::vector<std::string> scans;
  int parameter = 2;
  for (size_t i = 0; i < ranges.size(); ++i) {
    const DateRange& r = ranges[i];
    std::string where = r.open_only() ? "is_open = 1 AND " : "";
    if (r.from) {
      absl::StrAppend(&where, r.column, " >= ?", parameter++, " AND ");
    }
    absl::StrAppend(&where, r.column, " <= ?", parameter++);
    if (by_agency) where += " AND agency_id = ?1";
    scans.push_back(
        absl::StrCat("SELECT ", numbered ? absl::StrCat(i, ", ") : "", columns,
                     " FROM cases INDEXED BY ", r.index, " WHERE ", where));
  }
  return absl::StrJoin(scans, " UNION ALL ");
}

// One scan of the cases awaiting receipt confirmation (of agency ?1 when
// `by_agency`), selecting `columns`: an index range scan of cases_by_status
// (migration 2) per agency. Such cases are few and are read whole.
std::string PendingConfirmationSql(absl::string_view columns, bool by_agency) {
  return absl::StrCat(
      "SELECT ", columns, " FROM cases INDEXED BY cases_by_status WHERE ",
      by_agency ? "agency_id = ?1" : "agency_id IN (SELECT id FROM agencies)",
      " AND status = ", static_cast<int>(v1::CASE_STATUS_PENDING_CONFIRMATION));
}

// Binds the dates of RangeScansSql's ranges and ?1 = `agency_id` (0: none).
void BindRangeScans(Statement& stmt, const std::vector<DateRange>& ranges,
                    int64_t agency_id) {
  if (agency_id != 0) stmt.BindInt(1, agency_id);
  int parameter = 2;
  for (const DateRange& r : ranges) {
    if (r.from) stmt.BindText(parameter++, FormatIsoDate(*r.from));
    stmt.BindText(parameter++, FormatIsoDate(r.until));
  }
}

// The id of `query.agency_code`, or 0 for every agency. NOT_FOUND for an
// unknown agency.
absl::StatusOr<int64_t> AgencyFilter(Database& db,
                                     const AttentionQuery& query) {
  if (query.agency_code.empty()) return 0;
  return AgencyId(db, query.agency_code);
}

// The code of every agency, by id.
absl::StatusOr<std::map<int64_t, std::string>> AgencyCodes(Database& db) {
  OGI_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare("SELECT id, code FROM agencies"));
  std::map<int64_t, std::string> codes;
  while (true) {
    OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return codes;
    codes[stmt.ColumnInt(0)] = stmt.ColumnText(1);
  }
}

// What ReadSummary reads, after the range's position, from the range scans
// of RangeScansSql.
constexpr char kSummaryColumns[] =
    "id, agency_id, number, applicant_name, answer_due, notice_due, "
    "window_end, window_kind, provisional, "
    // The record only where it is needed: SQLite then seeks the table row
    // (a deferred seek) for those cases alone.
    "CASE WHEN compute_in_full THEN payload END";
// The same, with the record, for the duty range.
constexpr char kSummaryColumnsWithRecord[] =
    "id, agency_id, number, applicant_name, answer_due, notice_due, "
    "window_end, window_kind, provisional, payload";

// Reads a row of kSummaryColumns. DATA_LOSS for a date, window kind or
// record that does not parse.
absl::Status ReadSummary(const Statement& stmt,
                         const std::map<int64_t, std::string>& agency_codes,
                         CaseDeadlineSummary& s) {
  s.creation_order = stmt.ColumnInt(1);
  const auto agency = agency_codes.find(stmt.ColumnInt(2));
  if (agency == agency_codes.end()) {
    return absl::DataLossError(
        absl::StrCat("案件行 ", s.creation_order, "：没有所属机关"));
  }
  s.agency_code = agency->second;
  s.number = stmt.ColumnText(3);
  s.applicant_name = stmt.ColumnText(4);
  OGI_ASSIGN_OR_RETURN(s.answer_due, ColumnDate(stmt, 5));
  OGI_ASSIGN_OR_RETURN(s.notice_due, ColumnDate(stmt, 6));
  OGI_ASSIGN_OR_RETURN(s.window_end, ColumnDate(stmt, 7));
  const int64_t window_kind = stmt.ColumnInt(8);
  if (!v1::ApplicantWindowKind_IsValid(static_cast<int>(window_kind))) {
    return absl::DataLossError(absl::StrCat(
        "案件行 ", s.creation_order, "：未知的 window_kind ", window_kind));
  }
  s.window_kind = static_cast<v1::ApplicantWindowKind>(window_kind);
  s.provisional = stmt.ColumnInt(9) != 0;
  if (!stmt.ColumnIsNull(10)) {
    s.record = std::make_unique<v1::Case>();
    if (!s.record->ParseFromString(stmt.ColumnBlob(10))) {
      return absl::DataLossError(
          absl::StrCat("案件行 ", s.creation_order, "：存储的记录无法解析"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<v1::Case>>
SqliteCaseStore::ListCasesNeedingAttention(const AttentionQuery& query) {
  const std::vector<DateRange> ranges = RangesOf(query);
  std::vector<v1::Case> cases;
  if (ranges.empty() && !query.pending_confirmation) return cases;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    cases.clear();
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyFilter(db, query));
    std::vector<std::string> scans;
    if (!ranges.empty()) {
      scans.push_back(RangeScansSql(ranges, "id", false, agency_id != 0));
    }
    if (query.pending_confirmation) {
      scans.push_back(PendingConfirmationSql("id", agency_id != 0));
    }
    // IN drops the repeats, and SQLite reads the ids in order: no sort.
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare(absl::StrCat("SELECT id, payload FROM cases WHERE id IN (",
                                absl::StrJoin(scans, " UNION ALL "),
                                ") ORDER BY id")));
    BindRangeScans(stmt, ranges, agency_id);
    return CollectCases(stmt, &cases);
  }));
  return cases;
}

absl::Status SqliteCaseStore::ForEachDeadlineSummary(
    const AttentionQuery& query,
    absl::FunctionRef<absl::Status(CaseDeadlineSummary&)> visit) {
  std::vector<DateRange> ranges = RangesOf(query);
  std::vector<DateRange> duty_range;
  if (!ranges.empty() && !ranges.back().open_only()) {
    duty_range.push_back(ranges.back());
    ranges.pop_back();
  }
  return Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyFilter(db, query));
    OGI_ASSIGN_OR_RETURN(auto agency_codes, AgencyCodes(db));
    if (!ranges.empty()) {
      OGI_ASSIGN_OR_RETURN(Statement stmt,
                           db.Prepare(RangeScansSql(ranges, kSummaryColumns,
                                                    true, agency_id != 0)));
      BindRangeScans(stmt, ranges, agency_id);
      while (true) {
        OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (!row) break;
        CaseDeadlineSummary s;
        OGI_RETURN_IF_ERROR(ReadSummary(stmt, agency_codes, s));
        // A case that is also in an earlier range was visited there.
        const auto earlier = ranges.begin() + stmt.ColumnInt(0);
        if (std::none_of(ranges.begin(), earlier,
                         [&](const DateRange& r) { return r.Contains(s); })) {
          OGI_RETURN_IF_ERROR(visit(s));
        }
      }
    }
    if (query.pending_confirmation) {
      // None of these is in a date range: each is visited once, here.
      OGI_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare(PendingConfirmationSql(
              absl::StrCat("0, ", kSummaryColumnsWithRecord), agency_id != 0)));
      if (agency_id != 0) stmt.BindInt(1, agency_id);
      while (true) {
        OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (!row) break;
        CaseDeadlineSummary s;
        OGI_RETURN_IF_ERROR(ReadSummary(stmt, agency_codes, s));
        OGI_RETURN_IF_ERROR(visit(s));
      }
    }
    if (duty_range.empty()) return absl::OkStatus();
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare(RangeScansSql(duty_range, kSummaryColumnsWithRecord, true,
                                 agency_id != 0)));
    BindRangeScans(stmt, duty_range, agency_id);
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return absl::OkStatus();
      CaseDeadlineSummary s;
      OGI_RETURN_IF_ERROR(ReadSummary(stmt, agency_codes, s));
      s.for_duties = true;
      OGI_RETURN_IF_ERROR(visit(s));
    }
  });
}

}  // namespace ogi
