// ReportStore on SQLite: SqliteCaseStore's report methods (same writer, same
// readers). Tables: schema migration "report" in storage/schema_migrations.cc.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "storage/sqlite_case_store.h"
#include "storage/sqlite_rows.h"

namespace ogi {
namespace {

// The payload of the newest version of an (agency, year) row in `table`
// (report_figures or report_prose), or std::nullopt.
absl::StatusOr<std::optional<std::string>> LatestYearPayload(
    Database& db, absl::string_view table, absl::string_view agency_code,
    int year) {
  OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, agency_code));
  OGI_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(absl::StrCat(
                                           "SELECT payload FROM ", table,
                                           " WHERE agency_id = ? AND year = ? "
                                           "ORDER BY id DESC LIMIT 1")));
  stmt.BindInt(1, agency_id);
  stmt.BindInt(2, year);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.ColumnBlob(0));
}

absl::Status InsertYearPayload(Database& db, absl::string_view table,
                               absl::string_view agency_code, int year,
                               const std::string& payload,
                               const Authorship& by) {
  OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, agency_code));
  OGI_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare(absl::StrCat("INSERT INTO ", table,
                              " (agency_id, year, payload, recorded_at, "
                              "recorded_by) VALUES (?, ?, ?, ?, ?)")));
  stmt.BindInt(1, agency_id);
  stmt.BindInt(2, year);
  stmt.BindBlob(3, payload);
  stmt.BindInt(4, ToUnixMicros(by.recorded_at));
  stmt.BindText(5, by.actor);
  return stmt.Run();
}

template <typename Message>
absl::Status ParseStored(const std::string& bytes, absl::string_view what,
                         Message* message) {
  if (!message->ParseFromString(bytes)) {
    return absl::DataLossError(
        absl::StrCat(what, ": stored record does not parse"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::optional<v1::Table2>> SqliteCaseStore::GetFigures(
    absl::string_view agency_code, int year) {
  std::optional<v1::Table2> figures;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        std::optional<std::string> payload,
        LatestYearPayload(db, "report_figures", agency_code, year));
    figures.reset();
    if (!payload.has_value()) return absl::OkStatus();
    return ParseStored(*payload, "report_figures", &figures.emplace());
  }));
  return figures;
}

absl::Status SqliteCaseStore::PutFigures(absl::string_view agency_code,
                                         int year, const v1::Table2& figures,
                                         const Authorship& by) {
  return writer_->Run([&](Database& db) {
    return InsertYearPayload(db, "report_figures", agency_code, year,
                             figures.SerializeAsString(), by);
  });
}

absl::StatusOr<v1::ReportProse> SqliteCaseStore::GetProse(
    absl::string_view agency_code, int year) {
  v1::ReportProse prose;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        std::optional<std::string> payload,
        LatestYearPayload(db, "report_prose", agency_code, year));
    prose.Clear();
    if (!payload.has_value()) return absl::OkStatus();
    return ParseStored(*payload, "report_prose", &prose);
  }));
  return prose;
}

absl::Status SqliteCaseStore::PutProse(absl::string_view agency_code, int year,
                                       const v1::ReportProse& prose,
                                       const Authorship& by) {
  return writer_->Run([&](Database& db) {
    return InsertYearPayload(db, "report_prose", agency_code, year,
                             prose.SerializeAsString(), by);
  });
}

absl::StatusOr<v1::RegisteredDocument> SqliteCaseStore::PutDocument(
    const v1::RegisteredDocument& document, const Authorship& by) {
  v1::RegisteredDocument stored = document;
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(int64_t agency_id,
                         AgencyId(db, document.agency_code()));
    int64_t document_id = document.id();
    if (document_id == 0) {
      OGI_ASSIGN_OR_RETURN(
          document_id,
          db.QueryInt("SELECT COALESCE(MAX(document_id), 0) + 1 FROM "
                      "report_documents"));
    } else {
      OGI_ASSIGN_OR_RETURN(
          Statement known,
          db.Prepare("SELECT 1 FROM report_documents WHERE agency_id = ? AND "
                     "document_id = ? LIMIT 1"));
      known.BindInt(1, agency_id);
      known.BindInt(2, document_id);
      OGI_ASSIGN_OR_RETURN(bool row, known.Step());
      if (!row) {
        return absl::NotFoundError(
            absl::StrCat("document.id: agency ", document.agency_code(),
                         " has no registered document ", document_id));
      }
    }
    stored.set_id(document_id);
    OGI_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare("INSERT INTO report_documents (agency_id, document_id, "
                   "payload, recorded_at, recorded_by) VALUES (?, ?, ?, ?, "
                   "?)"));
    insert.BindInt(1, agency_id);
    insert.BindInt(2, document_id);
    insert.BindBlob(3, stored.SerializeAsString());
    insert.BindInt(4, ToUnixMicros(by.recorded_at));
    insert.BindText(5, by.actor);
    return insert.Run();
  }));
  return stored;
}

absl::StatusOr<std::vector<v1::RegisteredDocument>>
SqliteCaseStore::ListDocuments(absl::string_view agency_code) {
  std::vector<v1::RegisteredDocument> documents;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    documents.clear();
    OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, agency_code));
    // The newest version of each entry.
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT payload FROM report_documents WHERE id IN (SELECT "
                   "MAX(id) FROM report_documents WHERE agency_id = ? GROUP "
                   "BY document_id) ORDER BY document_id"));
    stmt.BindInt(1, agency_id);
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return absl::OkStatus();
      OGI_RETURN_IF_ERROR(ParseStored(stmt.ColumnBlob(0), "report_documents",
                                      &documents.emplace_back()));
    }
  }));
  return documents;
}

absl::StatusOr<std::optional<v1::LockedReport>> SqliteCaseStore::GetLock(
    absl::string_view agency_code, int year) {
  std::optional<v1::LockedReport> lock;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        std::optional<std::string> payload,
        LatestYearPayload(db, "report_locks", agency_code, year));
    lock.reset();
    if (!payload.has_value()) return absl::OkStatus();
    return ParseStored(*payload, "report_locks", &lock.emplace());
  }));
  return lock;
}

absl::Status SqliteCaseStore::PutLock(absl::string_view agency_code, int year,
                                      const v1::LockedReport& lock) {
  return writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        std::optional<std::string> existing,
        LatestYearPayload(db, "report_locks", agency_code, year));
    if (existing.has_value()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the ", year, " report of ", agency_code, " is already locked"));
    }
    Authorship by{lock.lock().locked_by(), lock.lock().locked_at()};
    return InsertYearPayload(db, "report_locks", agency_code, year,
                             lock.SerializeAsString(), by);
  });
}

absl::StatusOr<std::vector<v1::Case>> SqliteCaseStore::ListCasesForReport(
    const std::vector<std::string>& agency_codes, int year) {
  std::vector<v1::Case> cases;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    cases.clear();
    const std::string year_end = FormatIsoDate(absl::CivilDay(year, 12, 31));
    const std::string year_start = FormatIsoDate(absl::CivilDay(year, 1, 1));
    for (const std::string& code : agency_codes) {
      OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, code));
      // Three index range scans select the row ids, each checked within its
      // index (migration 6), and only then are the records read, once each,
      // in row order: the cases concluded since the year began and received
      // by its end, or with no receipt date (which the derivation reports as
      // uncountable); the open cases received by the year end (the NULL
      // range of the conclusion date); and the cases with a review or
      // lawsuit filed in the year (table 四). This year's rows and last
      // year's row 四 need no others.
      OGI_ASSIGN_OR_RETURN(
          Statement stmt,
          db.Prepare(
              "SELECT id, payload FROM cases WHERE id IN ("
              "SELECT id FROM cases INDEXED BY cases_by_conclusion WHERE "
              "agency_id = ?1 AND concluded_on >= ?3 AND (receipt_date <= ?2 "
              "OR receipt_date IS NULL) "
              "UNION ALL SELECT id FROM cases INDEXED BY cases_by_conclusion "
              "WHERE agency_id = ?1 AND concluded_on IS NULL AND receipt_date "
              "<= ?2 "
              "UNION ALL SELECT id FROM cases INDEXED BY "
              "cases_by_proceedings_filed WHERE agency_id = ?1 AND "
              "proceedings_filed_until >= ?3 AND proceedings_filed_from <= ?2"
              // Awaiting receipt confirmation, arrived by the year end: not
              // yet countable, and reported as such.
              " UNION ALL SELECT id FROM cases INDEXED BY cases_by_status "
              "WHERE agency_id = ?1 AND status = ?4 AND arrival_date <= ?2"
              ") ORDER BY id"));
      stmt.BindInt(1, agency_id);
      stmt.BindText(2, year_end);
      stmt.BindText(3, year_start);
      stmt.BindInt(4, v1::CASE_STATUS_PENDING_CONFIRMATION);
      OGI_RETURN_IF_ERROR(CollectCases(stmt, &cases));
    }
    return absl::OkStatus();
  }));
  return cases;
}

}  // namespace ogi
