#include "storage/sqlite_case_rows.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "storage/sqlite_rows.h"

namespace ogi {
namespace {

// What a column's value is made from: the record and its index.
struct CaseRowSource {
  const v1::Case& c;
  const CaseIndex& index;
};

// One column of a case row beside agency_id and number (which never change):
// its name and how its value is bound from the record.
struct CaseColumn {
  const char* name;
  void (*bind)(Statement& stmt, int position, const CaseRowSource& row);
};

// The text ListCases searches: every requested item, one per line.
std::string ItemsText(const v1::Case& c) {
  std::vector<std::string> parts;
  for (const auto& item : c.items()) parts.push_back(item.description());
  return absl::StrJoin(parts, "\n");
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

using Row = CaseRowSource;

// Every column INSERT and UPDATE write, each named once; a statement binds
// kCaseColumns[i] at its first column position + i. The names are those of
// the schema (storage/schema_migrations.cc).
const CaseColumn kCaseColumns[] = {
    {"version",
     [](Statement& s, int i, const Row& r) { s.BindInt(i, r.c.version()); }},
    {"status",
     [](Statement& s, int i, const Row& r) { s.BindInt(i, r.c.status()); }},
    {"applicant_type",
     [](Statement& s, int i, const Row& r) {
       s.BindInt(i, r.c.applicant().type());
     }},
    {"applicant_name",
     [](Statement& s, int i, const Row& r) {
       s.BindText(i, r.c.applicant().name());
     }},
    {"items_text",
     [](Statement& s, int i, const Row& r) { s.BindText(i, ItemsText(r.c)); }},
    {"arrival_date",
     [](Statement& s, int i, const Row& r) {
       s.BindText(i, FormatIsoDate(r.c.arrival_date()));
     }},
    {"receipt_date",
     [](Statement& s, int i, const Row& r) {
       BindDateOrNull(s, i, r.c.receipt_date());
     }},
    {"payload", [](Statement& s, int i,
                   const Row& r) { s.BindBlob(i, StoredPayload(r.c)); }},
    // The deadline summary (CaseDeadlineSummary).
    {"is_open",
     [](Statement& s, int i, const Row& r) {
       s.BindInt(i, r.c.deadlines().state() != v1::CLOCK_STATE_STOPPED);
     }},
    {"answer_due",
     [](Statement& s, int i, const Row& r) {
       BindDateOrNull(s, i, r.c.deadlines().answer_due());
     }},
    {"notice_due",
     [](Statement& s, int i, const Row& r) {
       BindDateOrNull(s, i,
                      r.c.procedure().has_correction()
                          ? v1::Date()
                          : r.c.deadlines().correction_notice_due());
     }},
    {"window_end",
     [](Statement& s, int i, const Row& r) {
       const v1::Deadlines& d = r.c.deadlines();
       BindDateOrNull(s, i,
                      d.window_kind() == v1::APPLICANT_WINDOW_KIND_UNSPECIFIED
                          ? v1::Date()
                          : d.window_end());
     }},
    {"window_kind",
     [](Statement& s, int i, const Row& r) {
       s.BindInt(i, r.c.deadlines().window_kind());
     }},
    {"provisional",
     [](Statement& s, int i, const Row& r) {
       s.BindInt(i, r.c.deadlines().provisional());
     }},
    {"compute_in_full",
     [](Statement& s, int i, const Row& r) {
       s.BindInt(i, r.index.compute_in_full);
     }},
    // What places the case in an annual report (ListCasesForReport).
    {"concluded_on",
     [](Statement& s, int i, const Row& r) {
       BindDateOrNull(s, i, r.c.conclusion().served());
     }},
    {"has_proceedings",
     [](Statement& s, int i, const Row& r) {
       s.BindInt(i, r.c.reviews_size() + r.c.lawsuits_size() > 0);
     }},
    // What a deadline listing finds the duties after the answer by.
    {"duty_due", [](Statement& s, int i,
                    const Row& r) { BindDayOrNull(s, i, r.index.duty_due); }},
    // What places its reviews and lawsuits in a report year.
    {"proceedings_filed_from",
     [](Statement& s, int i, const Row& r) {
       BindDayOrNull(s, i, r.index.proceedings_filed_from);
     }},
    {"proceedings_filed_until",
     [](Statement& s, int i, const Row& r) {
       BindDayOrNull(s, i, r.index.proceedings_filed_until);
     }},
};
constexpr int kCaseColumnCount =
    static_cast<int>(sizeof(kCaseColumns) / sizeof(kCaseColumns[0]));

// Binds every kCaseColumns value, the first at position `first`.
void BindCaseColumns(Statement& stmt, int first, const v1::Case& c,
                     const CaseIndex& index) {
  const CaseRowSource row{c, index};
  for (int i = 0; i < kCaseColumnCount; ++i) {
    kCaseColumns[i].bind(stmt, first + i, row);
  }
}

// INSERT of a whole row: agency_id, number, then kCaseColumns from ?3.
const std::string& InsertCaseSql() {
  static const std::string* const sql = [] {
    std::vector<std::string> names = {"agency_id", "number"};
    for (const CaseColumn& column : kCaseColumns) names.push_back(column.name);
    return new std::string(absl::StrCat(
        "INSERT INTO cases (", absl::StrJoin(names, ", "), ") VALUES (",
        absl::StrJoin(std::vector<std::string>(names.size(), "?"), ", "), ")"));
  }();
  return *sql;
}

// UPDATE of kCaseColumns from ?1, then the row id and old version.
const std::string& UpdateCaseSql() {
  static const std::string* const sql = [] {
    std::vector<std::string> sets;
    for (const CaseColumn& column : kCaseColumns) {
      sets.push_back(absl::StrCat(column.name, " = ?"));
    }
    return new std::string(absl::StrCat("UPDATE cases SET ",
                                        absl::StrJoin(sets, ", "),
                                        " WHERE id = ? AND version = ?"));
  }();
  return *sql;
}

}  // namespace

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

absl::Status UpdateCaseRow(Database& db, int64_t id, int64_t old_version,
                           const v1::Case& c, const CaseIndex& index) {
  OGI_ASSIGN_OR_RETURN(Statement update, db.Prepare(UpdateCaseSql()));
  BindCaseColumns(update, 1, c, index);
  update.BindInt(kCaseColumnCount + 1, id);
  update.BindInt(kCaseColumnCount + 2, old_version);
  return update.Run();
}

absl::StatusOr<int64_t> InsertNewCase(Database& db, int64_t agency_id,
                                      const CaseIndexer& indexer, v1::Case& c,
                                      v1::CaseEvent& created) {
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

  OGI_ASSIGN_OR_RETURN(Statement insert, db.Prepare(InsertCaseSql()));
  insert.BindInt(1, agency_id);
  insert.BindText(2, c.number());
  BindCaseColumns(insert, 3, c, indexer(c));
  OGI_RETURN_IF_ERROR(insert.Run());
  const int64_t case_id = db.LastInsertRowId();
  OGI_RETURN_IF_ERROR(InsertEvent(db, case_id, created));
  return case_id;
}

}  // namespace ogi
