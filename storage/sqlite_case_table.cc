// CaseStore on SQLite, the case table: creating, reading, listing and
// changing cases and their history (SqliteCaseStore's case methods; the rows
// themselves are written by storage/sqlite_case_rows.h).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "storage/sqlite_case_rows.h"
#include "storage/sqlite_case_store.h"
#include "storage/sqlite_rows.h"

namespace ogi {
namespace {

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

}  // namespace

absl::StatusOr<v1::Case> SqliteCaseStore::CreateCase(v1::Case c,
                                                     v1::CaseEvent created) {
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, c.agency_code()));
    return InsertNewCase(db, agency_id, indexer_, c, created).status();
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
                         InsertNewCase(db, agency_id, indexer_, c, created));
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

    OGI_RETURN_IF_ERROR(
        UpdateCaseRow(db, row.id, row.c.version(), c, indexer_(c)));
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
        OGI_RETURN_IF_ERROR(
            UpdateCaseRow(db, ids[i], open[i].version(), c, indexer_(c)));
        OGI_RETURN_IF_ERROR(InsertEvent(db, ids[i], *event));
      } else if (c.SerializeAsString() != open[i].SerializeAsString()) {
        c.set_version(open[i].version());
        OGI_RETURN_IF_ERROR(
            UpdateCaseRow(db, ids[i], open[i].version(), c, indexer_(c)));
      } else {
        continue;
      }
      written.push_back(std::move(c));
    }
    return absl::OkStatus();
  }));
  return written;
}

}  // namespace ogi
