#include "storage/sqlite_case_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "services/proceedings/open_duties.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_rows.h"

namespace ogi {
namespace {

// The text ListCases searches: every requested item, one per line.
std::string ItemsText(const v1::Case& c) {
  std::vector<std::string> parts;
  for (const auto& item : c.items()) parts.push_back(item.description());
  return absl::StrJoin(parts, "\n");
}

void BindDateOrNull(Statement& stmt, int index, const v1::Date& d) {
  const std::string text = FormatIsoDate(d);
  if (text.empty()) {
    stmt.BindNull(index);
  } else {
    stmt.BindText(index, text);
  }
}

// LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped.
std::string ContainsPattern(absl::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

absl::Status NoCaseError(absl::string_view agency_code,
                         absl::string_view number) {
  return absl::NotFoundError(
      absl::StrCat("案件 ", number, " 不存在（机关 \"", agency_code, "\"）"));
}

}  // namespace

ProceedingsFiled ProceedingsFiledRange(const v1::Case& c) {
  ProceedingsFiled range;
  const auto add = [&](const v1::Date& filed) {
    const absl::StatusOr<absl::CivilDay> date = ToCivilDay(filed, "filed");
    if (!date.ok()) return;  // unset or not a date: placed in no year
    const std::string day = FormatIsoDate(*date);
    if (range.from.empty() || day < range.from) range.from = day;
    if (range.until.empty() || day > range.until) range.until = day;
  };
  for (const v1::Review& r : c.reviews()) add(r.filed());
  for (const v1::Lawsuit& l : c.lawsuits()) add(l.filed());
  return range;
}

int64_t ToUnixMicros(const google::protobuf::Timestamp& t) {
  return absl::ToUnixMicros(FromProtoTimestamp(t));
}

absl::StatusOr<int64_t> AgencyId(Database& db, absl::string_view code) {
  OGI_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare("SELECT id FROM agencies WHERE code = ?"));
  stmt.BindText(1, code);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return absl::NotFoundError(
        absl::StrCat("agency_code: 机关 \"", code, "\" 不存在"));
  }
  return stmt.ColumnInt(0);
}

absl::StatusOr<int64_t> CaseId(Database& db, absl::string_view agency_code,
                               absl::string_view number) {
  OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, agency_code));
  OGI_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT id FROM cases WHERE agency_id = ? AND number = ?"));
  stmt.BindInt(1, agency_id);
  stmt.BindText(2, number);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NoCaseError(agency_code, number);
  return stmt.ColumnInt(0);
}

namespace {

struct CaseRow {
  int64_t id = 0;
  v1::Case c;
};

absl::StatusOr<CaseRow> FindCase(Database& db, absl::string_view agency_code,
                                 absl::string_view number) {
  OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, agency_code));
  OGI_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT id, payload FROM cases WHERE agency_id = ? AND "
                 "number = ?"));
  stmt.BindInt(1, agency_id);
  stmt.BindText(2, number);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NoCaseError(agency_code, number);
  CaseRow out;
  out.id = stmt.ColumnInt(0);
  if (!out.c.ParseFromString(stmt.ColumnBlob(1))) {
    return absl::DataLossError(
        absl::StrCat("案件 ", number, "：存储的记录无法解析"));
  }
  return out;
}

absl::Status InsertEvent(Database& db, int64_t case_id,
                         const v1::CaseEvent& event) {
  OGI_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("INSERT INTO case_events (case_id, sequence, type, "
                 "recorded_at, actor, payload) VALUES (?, ?, ?, ?, ?, ?)"));
  stmt.BindInt(1, case_id);
  stmt.BindInt(2, event.sequence());
  stmt.BindInt(3, event.type());
  stmt.BindInt(4, ToUnixMicros(event.recorded_at()));
  stmt.BindText(5, event.actor());
  stmt.BindBlob(6, event.SerializeAsString());
  return stmt.Run();
}

// The record as stored: without the deadline explanation, which is long, is
// recomputed whenever a case is read for a person, and would only slow the
// bulk reads of deadline listings.
std::string StoredPayload(const v1::Case& c) {
  if (c.deadlines().explanation_size() == 0) return c.SerializeAsString();
  v1::Case stored = c;
  stored.mutable_deadlines()->clear_explanation();
  return stored.SerializeAsString();
}

// Binds the columns shared by INSERT and UPDATE of a case, from index `first`.
void BindCaseColumns(Statement& stmt, int first, const v1::Case& c) {
  stmt.BindInt(first, c.version());
  stmt.BindInt(first + 1, c.status());
  stmt.BindInt(first + 2, c.applicant().type());
  stmt.BindText(first + 3, c.applicant().name());
  stmt.BindText(first + 4, ItemsText(c));
  stmt.BindText(first + 5, FormatIsoDate(c.arrival_date()));
  BindDateOrNull(stmt, first + 6, c.receipt_date());
  stmt.BindBlob(first + 7, StoredPayload(c));
  const v1::Deadlines& d = c.deadlines();
  stmt.BindInt(first + 8, d.state() != v1::CLOCK_STATE_STOPPED);
  BindDateOrNull(stmt, first + 9, d.answer_due());
  BindDateOrNull(
      stmt, first + 10,
      c.procedure().has_correction() ? v1::Date() : d.correction_notice_due());
  BindDateOrNull(stmt, first + 11,
                 d.window_kind() == v1::APPLICANT_WINDOW_KIND_UNSPECIFIED
                     ? v1::Date()
                     : d.window_end());
  stmt.BindInt(first + 12, d.window_kind());
  stmt.BindInt(first + 13, d.provisional());
  stmt.BindInt(first + 14, DeadlinesNeedFullComputation(c));
  // What places the case in an annual report (ListCasesForReport).
  BindDateOrNull(stmt, first + 15, c.conclusion().served());
  stmt.BindInt(first + 16, c.reviews_size() + c.lawsuits_size() > 0);
  // What a deadline listing finds the duties after the answer by.
  const std::optional<absl::CivilDay> duty = EarliestOpenDuty(c);
  if (duty) {
    stmt.BindText(first + 17, FormatIsoDate(*duty));
  } else {
    stmt.BindNull(first + 17);
  }
  // What places its reviews and lawsuits in a report year.
  const ProceedingsFiled filed = ProceedingsFiledRange(c);
  for (const auto& [index, day] :
       {std::pair<int, const std::string*>{first + 18, &filed.from},
        {first + 19, &filed.until}}) {
    if (day->empty()) {
      stmt.BindNull(index);
    } else {
      stmt.BindText(index, *day);
    }
  }
}

absl::Status UpdateCaseRow(Database& db, int64_t id, int64_t old_version,
                           const v1::Case& c) {
  OGI_ASSIGN_OR_RETURN(
      Statement update,
      db.Prepare(
          "UPDATE cases SET version = ?, status = ?, applicant_type = "
          "?, applicant_name = ?, items_text = ?, arrival_date = ?, "
          "receipt_date = ?, payload = ?, is_open = ?, answer_due = ?, "
          "notice_due = ?, window_end = ?, window_kind = ?, provisional = ?, "
          "compute_in_full = ?, concluded_on = ?, has_proceedings = ?, "
          "duty_due = ?, proceedings_filed_from = ?, proceedings_filed_until "
          "= ? WHERE id = ? AND version = ?"));
  BindCaseColumns(update, 1, c);
  update.BindInt(21, id);
  update.BindInt(22, old_version);
  return update.Run();
}

// Stores the new case `c` of the agency with row id `agency_id` and its
// creation event: assigns the number, version 1 and the timestamps (see
// CaseStore::CreateCase), and fills in `created`. Returns the case's row id.
absl::StatusOr<int64_t> InsertNewCase(Database& db, int64_t agency_id,
                                      v1::Case& c, v1::CaseEvent& created) {
  const int year = c.arrival_date().year();
  OGI_ASSIGN_OR_RETURN(
      Statement next,
      db.Prepare("INSERT INTO case_number_sequences (agency_id, year, "
                 "last_value) VALUES (?, ?, 1) ON CONFLICT (agency_id, year) "
                 "DO UPDATE SET last_value = last_value + 1 "
                 "RETURNING last_value"));
  next.BindInt(1, agency_id);
  next.BindInt(2, year);
  OGI_ASSIGN_OR_RETURN(bool row, next.Step());
  if (!row) return absl::InternalError("案件编号序列没有返回值");
  const int64_t sequence = next.ColumnInt(0);
  OGI_RETURN_IF_ERROR(next.Run());  // finish the statement

  c.set_number(absl::StrFormat("%04d-%04d", year, sequence));
  c.set_version(1);
  *c.mutable_created_at() = created.recorded_at();
  *c.mutable_updated_at() = created.recorded_at();
  created.set_sequence(1);
  *created.mutable_snapshot() = c;

  OGI_ASSIGN_OR_RETURN(
      Statement insert,
      db.Prepare("INSERT INTO cases (agency_id, number, version, status, "
                 "applicant_type, applicant_name, items_text, arrival_date, "
                 "receipt_date, payload, is_open, answer_due, notice_due, "
                 "window_end, window_kind, provisional, compute_in_full, "
                 "concluded_on, has_proceedings, duty_due, "
                 "proceedings_filed_from, proceedings_filed_until) VALUES (?, "
                 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?)"));
  insert.BindInt(1, agency_id);
  insert.BindText(2, c.number());
  BindCaseColumns(insert, 3, c);
  OGI_RETURN_IF_ERROR(insert.Run());
  const int64_t case_id = db.LastInsertRowId();
  OGI_RETURN_IF_ERROR(InsertEvent(db, case_id, created));
  return case_id;
}

}  // namespace

absl::Status CollectCases(Statement& stmt, std::vector<v1::Case>* cases,
                          std::vector<int64_t>* ids) {
  while (true) {
    OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return absl::OkStatus();
    if (ids != nullptr) ids->push_back(stmt.ColumnInt(0));
    if (!cases->emplace_back().ParseFromString(stmt.ColumnBlob(1))) {
      return absl::DataLossError(
          absl::StrCat("案件行 ", stmt.ColumnInt(0), "：存储的记录无法解析"));
    }
  }
}

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

// The date in column `col` of a case row, or nullopt for NULL. DATA_LOSS
// when it is not a date.
absl::StatusOr<std::optional<absl::CivilDay>> ColumnDate(const Statement& stmt,
                                                         int col) {
  if (stmt.ColumnIsNull(col)) return std::nullopt;
  const std::string text = stmt.ColumnText(col);
  std::optional<absl::CivilDay> day = ParseIsoDay(text);
  if (!day) {
    return absl::DataLossError(
        absl::StrCat("存储的日期 \"", text, "\" 不是有效日期"));
  }
  return day;
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

absl::StatusOr<std::unique_ptr<SqliteCaseStore>> SqliteCaseStore::Open(
    const SqliteStoreOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      std::unique_ptr<Database> db,
      Database::Open(options.path, Database::Mode::kReadWrite));
  // A damaged file is refused before anything is written to it (migrations,
  // new cases): serving it would spread the damage and hide it. The check
  // reads every page, seconds for a large file, once per start. It also fails
  // first, with a clear message, for a file that is not a SQLite database.
  OGI_RETURN_IF_ERROR(db->CheckIntegrity());
  OGI_RETURN_IF_ERROR(MigrateSchema(*db));
  std::vector<std::unique_ptr<Database>> readers;
  if (options.path != ":memory:") {
    for (int i = 0; i < options.reader_connections; ++i) {
      OGI_ASSIGN_OR_RETURN(
          std::unique_ptr<Database> reader,
          Database::Open(options.path, Database::Mode::kReadOnly));
      readers.push_back(std::move(reader));
    }
  }
  auto writer = std::make_unique<GroupCommitWriter>(std::move(db),
                                                    options.max_commit_batch);
  return std::unique_ptr<SqliteCaseStore>(
      new SqliteCaseStore(std::move(writer), std::move(readers)));
}

SqliteCaseStore::SqliteCaseStore(std::unique_ptr<GroupCommitWriter> writer,
                                 std::vector<std::unique_ptr<Database>> readers)
    : writer_(std::move(writer)),
      idle_readers_(std::move(readers)),
      has_readers_(!idle_readers_.empty()) {}

SqliteCaseStore::~SqliteCaseStore() {
  // Readers first: the last connection to close checkpoints the WAL, and that
  // should be the writer, after its queue has drained.
  {
    absl::MutexLock lock(&readers_mu_);
    idle_readers_.clear();
  }
  writer_.reset();
}

absl::Status SqliteCaseStore::Read(
    absl::FunctionRef<absl::Status(Database&)> read) {
  if (!has_readers_) return writer_->Run(read);
  std::unique_ptr<Database> db;
  {
    absl::MutexLock lock(&readers_mu_);
    readers_mu_.Await(absl::Condition(
        +[](std::vector<std::unique_ptr<Database>>* idle) {
          return !idle->empty();
        },
        &idle_readers_));
    db = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  absl::Status status = db->Exec("BEGIN");
  if (status.ok()) {
    status = read(*db);
    absl::Status end = db->Exec(status.ok() ? "COMMIT" : "ROLLBACK");
    if (status.ok()) status = end;
  }
  absl::MutexLock lock(&readers_mu_);
  idle_readers_.push_back(std::move(db));
  return status;
}

absl::StatusOr<v1::Agency> SqliteCaseStore::UpsertAgency(
    const v1::Agency& agency) {
  if (agency.code().empty()) {
    return absl::InvalidArgumentError("agency.code: 不能为空");
  }
  if (agency.name().empty()) {
    return absl::InvalidArgumentError("agency.name: 不能为空");
  }
  if (agency.supervisor_code() == agency.code()) {
    return absl::InvalidArgumentError(
        "agency.supervisor_code: 机关不能监督自己");
  }
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    if (!agency.supervisor_code().empty()) {
      OGI_ASSIGN_OR_RETURN(Statement known,
                           db.Prepare("SELECT 1 FROM agencies WHERE code = ?"));
      known.BindText(1, agency.supervisor_code());
      OGI_ASSIGN_OR_RETURN(bool row, known.Step());
      if (!row) {
        return absl::InvalidArgumentError(
            absl::StrCat("agency.supervisor_code: 机关 \"",
                         agency.supervisor_code(), "\" 不存在"));
      }
    }
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare(
            "INSERT INTO agencies (code, name, supervisor_code) VALUES "
            "(?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = "
            "excluded.name, supervisor_code = excluded.supervisor_code"));
    stmt.BindText(1, agency.code());
    stmt.BindText(2, agency.name());
    stmt.BindText(3, agency.supervisor_code());
    return stmt.Run();
  }));
  return agency;
}

absl::StatusOr<v1::Agency> SqliteCaseStore::GetAgency(absl::string_view code) {
  v1::Agency agency;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT code, name, supervisor_code FROM agencies WHERE "
                   "code = ?"));
    stmt.BindText(1, code);
    OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) {
      return absl::NotFoundError(
          absl::StrCat("agency_code: 机关 \"", code, "\" 不存在"));
    }
    agency.set_code(stmt.ColumnText(0));
    agency.set_name(stmt.ColumnText(1));
    agency.set_supervisor_code(stmt.ColumnText(2));
    return absl::OkStatus();
  }));
  return agency;
}

absl::StatusOr<std::vector<v1::Agency>> SqliteCaseStore::ListAgencies() {
  std::vector<v1::Agency> agencies;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    agencies.clear();
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT code, name, supervisor_code FROM agencies ORDER "
                   "BY code"));
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      v1::Agency& agency = agencies.emplace_back();
      agency.set_code(stmt.ColumnText(0));
      agency.set_name(stmt.ColumnText(1));
      agency.set_supervisor_code(stmt.ColumnText(2));
    }
    return absl::OkStatus();
  }));
  return agencies;
}

absl::StatusOr<v1::Case> SqliteCaseStore::CreateCase(v1::Case c,
                                                     v1::CaseEvent created) {
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, c.agency_code()));
    return InsertNewCase(db, agency_id, c, created).status();
  }));
  return c;
}

absl::StatusOr<KeyedCreation> SqliteCaseStore::CreateCaseOnce(
    v1::Case c, v1::CaseEvent created, const IdempotencyKey& key) {
  if (key.key.empty()) {
    return absl::InvalidArgumentError("idempotency_key: 不能为空");
  }
  KeyedCreation result;
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    result = KeyedCreation();
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, c.agency_code()));
    // Inside the write transaction: a concurrent retry with the same key
    // runs after this one has inserted it, and finds it here.
    {
      OGI_ASSIGN_OR_RETURN(
          Statement find,
          db.Prepare("SELECT k.request_hash, c.number, c.payload FROM "
                     "idempotency_keys k JOIN cases c ON c.id = k.case_id "
                     "WHERE k.agency_id = ? AND k.key = ?"));
      find.BindInt(1, agency_id);
      find.BindText(2, key.key);
      OGI_ASSIGN_OR_RETURN(bool known, find.Step());
      if (known) {
        const std::string number = find.ColumnText(1);
        if (find.ColumnText(0) != key.request_hash) {
          return absl::FailedPreconditionError(absl::StrCat(
              "idempotency_key: \"", key.key, "\" 已用于以不同的请求创建案件 ",
              number, "；新案件请使用新的键"));
        }
        if (!result.stored.ParseFromString(find.ColumnBlob(2))) {
          return absl::DataLossError(
              absl::StrCat("案件 ", number, "：存储的记录无法解析"));
        }
        result.replayed = true;
        return absl::OkStatus();
      }
    }
    OGI_ASSIGN_OR_RETURN(const int64_t case_id,
                         InsertNewCase(db, agency_id, c, created));
    OGI_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare("INSERT INTO idempotency_keys (agency_id, key, case_id, "
                   "request_hash, created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.BindInt(1, agency_id);
    insert.BindText(2, key.key);
    insert.BindInt(3, case_id);
    insert.BindText(4, key.request_hash);
    insert.BindInt(5, ToUnixMicros(created.recorded_at()));
    OGI_RETURN_IF_ERROR(insert.Run());
    result.stored = c;
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<v1::Case> SqliteCaseStore::GetCase(absl::string_view agency_code,
                                                  absl::string_view number) {
  v1::Case out;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(CaseRow row, FindCase(db, agency_code, number));
    out = std::move(row.c);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<CasePage> SqliteCaseStore::ListCases(const CaseQuery& query) {
  // Build the filter once; the statement text depends only on which filters
  // are present, so each variant is prepared once per connection.
  std::string where = "agency_id = ?1";
  if (query.status != v1::CASE_STATUS_UNSPECIFIED) where += " AND status = ?2";
  if (query.applicant_type != v1::APPLICANT_TYPE_UNSPECIFIED) {
    where += " AND applicant_type = ?3";
  }
  if (query.received_from) where += " AND receipt_date >= ?4";
  if (query.received_to) where += " AND receipt_date <= ?5";
  if (query.with_proceedings) where += " AND has_proceedings = 1";
  if (!query.text.empty()) {
    where +=
        " AND (applicant_name LIKE ?6 ESCAPE '\\' OR items_text LIKE ?6 "
        "ESCAPE '\\')";
  }
  const std::string count_sql = "SELECT COUNT(*) FROM cases WHERE " + where;
  const std::string page_sql =
      absl::StrCat("SELECT id, payload FROM cases WHERE ", where,
                   query.before_cursor > 0 ? " AND id < ?7" : "",
                   " ORDER BY id DESC LIMIT ?8");
  auto bind = [&](Statement& stmt, int64_t agency_id) {
    stmt.BindInt(1, agency_id);
    if (query.status != v1::CASE_STATUS_UNSPECIFIED)
      stmt.BindInt(2, query.status);
    if (query.applicant_type != v1::APPLICANT_TYPE_UNSPECIFIED) {
      stmt.BindInt(3, query.applicant_type);
    }
    if (query.received_from) {
      stmt.BindText(4, FormatIsoDate(*query.received_from));
    }
    if (query.received_to) {
      stmt.BindText(5, FormatIsoDate(*query.received_to));
    }
    if (!query.text.empty()) stmt.BindText(6, ContainsPattern(query.text));
  };

  CasePage page;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    page = CasePage();
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, query.agency_code));
    {
      OGI_ASSIGN_OR_RETURN(Statement count, db.Prepare(count_sql));
      bind(count, agency_id);
      OGI_ASSIGN_OR_RETURN(bool row, count.Step());
      page.total_count = row ? count.ColumnInt(0) : 0;
    }
    OGI_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(page_sql));
    bind(stmt, agency_id);
    if (query.before_cursor > 0) stmt.BindInt(7, query.before_cursor);
    stmt.BindInt(8, query.page_size + 1);  // one more tells if a page follows
    int64_t last_id = 0;
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      if (static_cast<int>(page.cases.size()) == query.page_size) {
        page.next_cursor = last_id;
        break;
      }
      last_id = stmt.ColumnInt(0);
      page.cursors.push_back(last_id);
      if (!page.cases.emplace_back().ParseFromString(stmt.ColumnBlob(1))) {
        return absl::DataLossError(
            absl::StrCat("案件行 ", last_id, "：存储的记录无法解析"));
      }
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Case> SqliteCaseStore::MutateCase(
    absl::string_view agency_code, absl::string_view number,
    const CaseMutation& mutation) {
  v1::Case out;
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(CaseRow row, FindCase(db, agency_code, number));
    v1::Case c = row.c;
    OGI_ASSIGN_OR_RETURN(v1::CaseEvent event, mutation(c));
    if (c.number() != row.c.number() ||
        c.agency_code() != row.c.agency_code()) {
      return absl::InternalError("案件修改改变了案件的标识");
    }
    c.set_version(row.c.version() + 1);
    *c.mutable_updated_at() = event.recorded_at();
    event.set_sequence(c.version());
    *event.mutable_snapshot() = c;

    OGI_RETURN_IF_ERROR(UpdateCaseRow(db, row.id, row.c.version(), c));
    OGI_RETURN_IF_ERROR(InsertEvent(db, row.id, event));
    out = std::move(c);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<v1::CaseEvent>> SqliteCaseStore::ListCaseEvents(
    absl::string_view agency_code, absl::string_view number) {
  std::vector<v1::CaseEvent> events;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    events.clear();
    OGI_ASSIGN_OR_RETURN(CaseRow row, FindCase(db, agency_code, number));
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT payload FROM case_events WHERE case_id = ? ORDER BY "
                   "sequence"));
    stmt.BindInt(1, row.id);
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool more, stmt.Step());
      if (!more) break;
      if (!events.emplace_back().ParseFromString(stmt.ColumnBlob(0))) {
        return absl::DataLossError(
            absl::StrCat("案件 ", number, "：存储的历史记录无法解析"));
      }
    }
    return absl::OkStatus();
  }));
  return events;
}

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

absl::StatusOr<std::vector<v1::Case>>
SqliteCaseStore::StoreCalendarAndUpdateOpenCases(
    const std::vector<StoredCalendarYear>& years,
    const OpenCaseMutation& mutation) {
  std::vector<v1::Case> written;
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    written.clear();
    for (const StoredCalendarYear& year : years) {
      OGI_ASSIGN_OR_RETURN(
          Statement put,
          db.Prepare("INSERT INTO calendar_years (year, payload, loaded_at, "
                     "loaded_by) VALUES (?, ?, ?, ?) ON CONFLICT (year) DO "
                     "UPDATE SET payload = excluded.payload, loaded_at = "
                     "excluded.loaded_at, loaded_by = excluded.loaded_by"));
      put.BindInt(1, year.arrangement.year());
      put.BindBlob(2, year.arrangement.SerializeAsString());
      put.BindInt(3, ToUnixMicros(year.loaded_at));
      put.BindText(4, year.loaded_by);
      OGI_RETURN_IF_ERROR(put.Run());
    }
    std::vector<v1::Case> open;
    std::vector<int64_t> ids;
    {
      OGI_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare("SELECT id, payload FROM cases WHERE is_open = 1 OR "
                     "duty_due IS NOT NULL ORDER BY id"));
      OGI_RETURN_IF_ERROR(CollectCases(stmt, &open, &ids));
    }
    for (size_t i = 0; i < open.size(); ++i) {
      v1::Case c = open[i];
      OGI_ASSIGN_OR_RETURN(std::optional<v1::CaseEvent> event, mutation(c));
      if (c.number() != open[i].number() ||
          c.agency_code() != open[i].agency_code()) {
        return absl::InternalError("案件修改改变了案件的标识");
      }
      if (event.has_value()) {
        c.set_version(open[i].version() + 1);
        *c.mutable_updated_at() = event->recorded_at();
        event->set_sequence(c.version());
        *event->mutable_snapshot() = c;
        OGI_RETURN_IF_ERROR(UpdateCaseRow(db, ids[i], open[i].version(), c));
        OGI_RETURN_IF_ERROR(InsertEvent(db, ids[i], *event));
      } else if (c.SerializeAsString() != open[i].SerializeAsString()) {
        c.set_version(open[i].version());
        OGI_RETURN_IF_ERROR(UpdateCaseRow(db, ids[i], open[i].version(), c));
      } else {
        continue;
      }
      written.push_back(std::move(c));
    }
    return absl::OkStatus();
  }));
  return written;
}

absl::StatusOr<std::vector<StoredCalendarYear>>
SqliteCaseStore::ListStoredCalendarYears() {
  std::vector<StoredCalendarYear> years;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    years.clear();
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT payload, loaded_at, loaded_by FROM calendar_years "
                   "ORDER BY year"));
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      StoredCalendarYear& year = years.emplace_back();
      if (!year.arrangement.ParseFromString(stmt.ColumnBlob(0))) {
        return absl::DataLossError("calendar_years：存储的记录无法解析");
      }
      const int64_t micros = stmt.ColumnInt(1);
      year.loaded_at = ToProtoTimestamp(absl::FromUnixMicros(micros));
      year.loaded_by = stmt.ColumnText(2);
    }
    return absl::OkStatus();
  }));
  return years;
}

}  // namespace ogi
