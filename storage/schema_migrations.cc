#include "storage/schema_migrations.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ogi/v1/case.pb.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "storage/case_store.h"
#include "storage/sqlite_rows.h"
#include "storage/sqlite_transaction.h"

namespace ogi {
namespace {

// Migration 4's backfill: the deadline summary columns of every stored case.
// The ALTER TABLE defaults (no window, not provisional, summary exact) are
// right for most cases, so only the others are written. A record that does
// not parse is marked compute_in_full: listings then read it, and report it,
// as they did before the summary existed.
absl::Status BackfillDeadlineSummaries(Database& db,
                                       const CaseIndexer& indexer) {
  struct Row {
    int64_t id;
    int64_t window_kind;
    bool provisional;
    bool compute_in_full;
  };
  std::vector<Row> rows;
  {
    OGI_ASSIGN_OR_RETURN(Statement select,
                         db.Prepare("SELECT id, payload FROM cases"));
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool more, select.Step());
      if (!more) break;
      v1::Case c;
      const bool parsed = c.ParseFromString(select.ColumnBlob(1));
      const Row row = {select.ColumnInt(0),
                       parsed ? c.deadlines().window_kind() : 0,
                       parsed && c.deadlines().provisional(),
                       !parsed || indexer(c).compute_in_full};
      if (row.window_kind != 0 || row.provisional || row.compute_in_full) {
        rows.push_back(row);
      }
    }
  }
  // Written after the scan: SQLite leaves undefined what a running SELECT
  // sees of rows its own connection changes.
  for (const Row& row : rows) {
    OGI_ASSIGN_OR_RETURN(
        Statement update,
        db.Prepare("UPDATE cases SET window_kind = ?, provisional = ?, "
                   "compute_in_full = ? WHERE id = ?"));
    update.BindInt(1, row.window_kind);
    update.BindInt(2, row.provisional);
    update.BindInt(3, row.compute_in_full);
    update.BindInt(4, row.id);
    OGI_RETURN_IF_ERROR(update.Run());
  }
  return absl::OkStatus();
}

// Fills migration 6's columns from the stored records. Re-answers are
// ordered only by a review or lawsuit, so the cases with neither have none.
absl::Status BackfillProceedingColumns(Database& db,
                                       const CaseIndexer& indexer) {
  struct Row {
    int64_t id;
    CaseIndex index;
  };
  std::vector<Row> rows;
  {
    OGI_ASSIGN_OR_RETURN(
        Statement select,
        db.Prepare("SELECT id, payload FROM cases WHERE has_proceedings = 1"));
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool more, select.Step());
      if (!more) break;
      v1::Case c;
      if (!c.ParseFromString(select.ColumnBlob(1))) continue;
      rows.push_back({select.ColumnInt(0), indexer(c)});
    }
  }
  // Written after the scan, as in BackfillDeadlineSummaries.
  for (const Row& row : rows) {
    OGI_ASSIGN_OR_RETURN(
        Statement update,
        db.Prepare("UPDATE cases SET duty_due = ?, proceedings_filed_from = ?, "
                   "proceedings_filed_until = ? WHERE id = ?"));
    BindDayOrNull(update, 1, row.index.duty_due);
    BindDayOrNull(update, 2, row.index.proceedings_filed_from);
    BindDayOrNull(update, 3, row.index.proceedings_filed_until);
    update.BindInt(4, row.id);
    OGI_RETURN_IF_ERROR(update.Run());
  }
  return absl::OkStatus();
}

// One forward migration: `sql`, then `backfill` (when set) for new columns
// whose values only the stored records hold, which SQL cannot read (derived
// by the store's CaseIndexer). Both run in the migration's transaction.
struct Migration {
  const char* sql;
  absl::Status (*backfill)(Database& db, const CaseIndexer& indexer) = nullptr;
};

// Migration N is kMigrations[N - 1]. Never edit a migration that has shipped
// (nor what its backfill writes): append a new one.
const std::array<Migration, 8> kMigrations = {{
    // 1: agencies, cases and their append-only history.
    {R"sql(
CREATE TABLE agencies (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL
);

-- The last case-number sequence handed out per agency and year.
CREATE TABLE case_number_sequences (
  agency_id   INTEGER NOT NULL REFERENCES agencies(id),
  year        INTEGER NOT NULL,
  last_value  INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
) WITHOUT ROWID;

-- One row per application. `payload` is the ogi.v1.Case message, the record
-- of truth; the other columns copy the fields that queries filter on.
CREATE TABLE cases (
  id              INTEGER PRIMARY KEY,
  agency_id       INTEGER NOT NULL REFERENCES agencies(id),
  number          TEXT NOT NULL,
  version         INTEGER NOT NULL,
  status          INTEGER NOT NULL,
  applicant_type  INTEGER NOT NULL,
  applicant_name  TEXT NOT NULL,
  items_text      TEXT NOT NULL,
  arrival_date    TEXT NOT NULL,
  receipt_date    TEXT,
  payload         BLOB NOT NULL,
  UNIQUE (agency_id, number)
);

-- The history: `payload` is the ogi.v1.CaseEvent message.
CREATE TABLE case_events (
  case_id      INTEGER NOT NULL REFERENCES cases(id),
  sequence     INTEGER NOT NULL,
  type         INTEGER NOT NULL,
  recorded_at  INTEGER NOT NULL,  -- Unix microseconds
  actor        TEXT NOT NULL,
  payload      BLOB NOT NULL,
  PRIMARY KEY (case_id, sequence)
) WITHOUT ROWID;

-- Nothing is ever deleted, and history is never rewritten.
CREATE TRIGGER case_events_are_append_only_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_are_append_only_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER cases_are_never_deleted BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;
)sql"},

    // 2: indexes for the list filters (receipt-date range, status).
    {R"sql(
CREATE INDEX cases_by_receipt_date ON cases (agency_id, receipt_date);
CREATE INDEX cases_by_status ON cases (agency_id, status, id);
)sql"},

    // 3: the statutory clock: derived deadline columns for deadline listings,
    // and holiday arrangements loaded at run time.
    {R"sql(
ALTER TABLE cases ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN answer_due TEXT;
ALTER TABLE cases ADD COLUMN notice_due TEXT;  -- 补正 notice due, while unsent
ALTER TABLE cases ADD COLUMN window_end TEXT;  -- an open applicant window
CREATE INDEX cases_by_answer_due ON cases (is_open, answer_due);
CREATE INDEX cases_by_notice_due ON cases (is_open, notice_due);
CREATE INDEX cases_by_window_end ON cases (is_open, window_end);

-- `payload` is the ogi.v1.CalendarYear message; a row replaces the shipped
-- arrangement of the same year.
CREATE TABLE calendar_years (
  year       INTEGER PRIMARY KEY,
  payload    BLOB NOT NULL,
  loaded_at  INTEGER NOT NULL,  -- Unix microseconds
  loaded_by  TEXT NOT NULL
);
)sql"},

    // 4: deadline listings read summaries, not records: the rest of what an
    // alert needs as columns (see CaseDeadlineSummary), filled from the
    // stored records by BackfillDeadlineSummaries, and migration 3's date
    // indexes widened to cover every summary column, so that each date range
    // of a listing is one index range scan with no table lookup. agency_id
    // follows the date: a listing of every agency scans the same ranges.
    {R"sql(
ALTER TABLE cases ADD COLUMN window_kind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0;
-- 1 when a listing must compute the deadlines in full, from the record
-- (CaseIndex::compute_in_full in storage/case_store.h).
ALTER TABLE cases ADD COLUMN compute_in_full INTEGER NOT NULL DEFAULT 0;
DROP INDEX cases_by_answer_due;
DROP INDEX cases_by_notice_due;
DROP INDEX cases_by_window_end;
CREATE INDEX cases_summary_by_answer_due ON cases (is_open, answer_due,
  agency_id, number, applicant_name, notice_due, window_end, window_kind,
  provisional, compute_in_full);
CREATE INDEX cases_summary_by_notice_due ON cases (is_open, notice_due,
  agency_id, number, applicant_name, answer_due, window_end, window_kind,
  provisional, compute_in_full);
CREATE INDEX cases_summary_by_window_end ON cases (is_open, window_end,
  agency_id, number, applicant_name, answer_due, notice_due, window_kind,
  provisional, compute_in_full);
)sql",
     BackfillDeadlineSummaries},

    // 5: the annual report: columns that place a case in a year (its
    // conclusion date, whether it has reviews or lawsuits), and what staff
    // enter per agency and year, kept as append-only versions. Records
    // stored before this version have no conclusion, review or lawsuit, so
    // the column defaults are right and nothing needs a backfill.
    {R"sql(
ALTER TABLE cases ADD COLUMN concluded_on TEXT;  -- conclusion.served
ALTER TABLE cases ADD COLUMN has_proceedings INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_by_conclusion ON cases (agency_id, concluded_on);
CREATE INDEX cases_with_proceedings ON cases (agency_id)
  WHERE has_proceedings = 1;

-- Table 二 figures (ogi.v1.Table2) and prose (ogi.v1.ReportProse): the
-- newest row of an agency and year is in force.
CREATE TABLE report_figures (
  id           INTEGER PRIMARY KEY,
  agency_id    INTEGER NOT NULL REFERENCES agencies(id),
  year         INTEGER NOT NULL,
  payload      BLOB NOT NULL,
  recorded_at  INTEGER NOT NULL,  -- Unix microseconds
  recorded_by  TEXT NOT NULL
);
CREATE INDEX report_figures_by_year ON report_figures (agency_id, year, id);
CREATE TABLE report_prose (
  id           INTEGER PRIMARY KEY,
  agency_id    INTEGER NOT NULL REFERENCES agencies(id),
  year         INTEGER NOT NULL,
  payload      BLOB NOT NULL,
  recorded_at  INTEGER NOT NULL,
  recorded_by  TEXT NOT NULL
);
CREATE INDEX report_prose_by_year ON report_prose (agency_id, year, id);
-- The register of rules and normative documents (ogi.v1.RegisteredDocument):
-- the newest row of a document_id is its current version.
CREATE TABLE report_documents (
  id           INTEGER PRIMARY KEY,
  agency_id    INTEGER NOT NULL REFERENCES agencies(id),
  document_id  INTEGER NOT NULL,
  payload      BLOB NOT NULL,
  recorded_at  INTEGER NOT NULL,
  recorded_by  TEXT NOT NULL
);
CREATE INDEX report_documents_by_agency
  ON report_documents (agency_id, document_id, id);
-- Locked reports (ogi.v1.LockedReport): one per agency and year, forever.
CREATE TABLE report_locks (
  id           INTEGER PRIMARY KEY,
  agency_id    INTEGER NOT NULL REFERENCES agencies(id),
  year         INTEGER NOT NULL,
  payload      BLOB NOT NULL,
  recorded_at  INTEGER NOT NULL,
  recorded_by  TEXT NOT NULL,
  UNIQUE (agency_id, year)
);
CREATE TRIGGER report_figures_append_only_update BEFORE UPDATE ON report_figures
BEGIN SELECT RAISE(ABORT, 'report_figures is append-only'); END;
CREATE TRIGGER report_figures_append_only_delete BEFORE DELETE ON report_figures
BEGIN SELECT RAISE(ABORT, 'report_figures is append-only'); END;
CREATE TRIGGER report_prose_append_only_update BEFORE UPDATE ON report_prose
BEGIN SELECT RAISE(ABORT, 'report_prose is append-only'); END;
CREATE TRIGGER report_prose_append_only_delete BEFORE DELETE ON report_prose
BEGIN SELECT RAISE(ABORT, 'report_prose is append-only'); END;
CREATE TRIGGER report_documents_append_only_update BEFORE UPDATE ON report_documents
BEGIN SELECT RAISE(ABORT, 'report_documents is append-only'); END;
CREATE TRIGGER report_documents_append_only_delete BEFORE DELETE ON report_documents
BEGIN SELECT RAISE(ABORT, 'report_documents is append-only'); END;
CREATE TRIGGER report_locks_are_final_update BEFORE UPDATE ON report_locks
BEGIN SELECT RAISE(ABORT, 'a locked report is never changed'); END;
CREATE TRIGGER report_locks_are_final_delete BEFORE DELETE ON report_locks
BEGIN SELECT RAISE(ABORT, 'a locked report is never changed'); END;
)sql"},

    // 6: the duties after the answer (a review or lawsuit defence, a
    // re-answer, the decision expected) in deadline listings and alerts: the
    // earliest as a column (CaseIndex::duty_due). And what selects a year's
    // report cases by index alone: the receipt date beside the conclusion
    // date (open cases are the NULL range), and the first and last filing
    // dates of a case's reviews and lawsuits (CaseIndex in
    // storage/case_store.h). Filled from the stored records of the cases
    // with reviews or lawsuits by BackfillProceedingColumns; only those cases
    // have values, so their indexes are partial and small.
    {R"sql(
ALTER TABLE cases ADD COLUMN duty_due TEXT;
ALTER TABLE cases ADD COLUMN proceedings_filed_from TEXT;
ALTER TABLE cases ADD COLUMN proceedings_filed_until TEXT;
CREATE INDEX cases_by_open_duty ON cases (duty_due, agency_id)
  WHERE duty_due IS NOT NULL;
DROP INDEX cases_by_conclusion;
CREATE INDEX cases_by_conclusion ON cases (agency_id, concluded_on,
  receipt_date);
CREATE INDEX cases_by_proceedings_filed ON cases (agency_id,
  proceedings_filed_until, proceedings_filed_from)
  WHERE proceedings_filed_until IS NOT NULL;
)sql",
     BackfillProceedingColumns},

    // 7: idempotent creation: the key a client sent with CreateCase, per
    // agency, with the case it created and a digest of the request, written
    // in the transaction that inserts the case (CaseStore::CreateCaseOnce).
    {R"sql(
CREATE TABLE idempotency_keys (
  agency_id     INTEGER NOT NULL REFERENCES agencies(id),
  key           TEXT NOT NULL,
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  request_hash  TEXT NOT NULL,
  created_at    INTEGER NOT NULL,  -- Unix microseconds
  PRIMARY KEY (agency_id, key)
) WITHOUT ROWID;
)sql"},

    // 8: access control. Each agency's supervising office (by code, "" for
    // none; UpsertAgency checks it names another agency), staff accounts,
    // the SHA-256 hashes of their bearer tokens, and the log of full-record
    // reads. Accounts and tokens are disabled and revoked, never deleted, so
    // that every event's author stays named; reads are only appended.
    {R"sql(
ALTER TABLE agencies ADD COLUMN supervisor_code TEXT NOT NULL DEFAULT '';

CREATE TABLE users (
  name          TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  agency_id     INTEGER NOT NULL REFERENCES agencies(id),
  roles         TEXT NOT NULL,  -- e.g. 'clerk,approver': Role names, in order
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,  -- Unix microseconds
  created_by    TEXT NOT NULL
);

CREATE TABLE tokens (
  id           TEXT PRIMARY KEY,
  user_name    TEXT NOT NULL REFERENCES users(name),
  secret_hash  TEXT NOT NULL UNIQUE,  -- lower-case hex SHA-256 of the secret
  issued_at    INTEGER NOT NULL,  -- Unix microseconds
  expires_at   INTEGER NOT NULL,
  revoked_at   INTEGER,  -- NULL while not revoked
  issued_by    TEXT NOT NULL,
  note         TEXT NOT NULL
);
CREATE INDEX tokens_by_user ON tokens (user_name, issued_at);

-- One row per reading of a case's full record (ogi.v1.RecordRead).
CREATE TABLE case_reads (
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  read_at    INTEGER NOT NULL,  -- Unix microseconds
  actor      TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  view       TEXT NOT NULL  -- 'case' or 'history'
);
CREATE INDEX case_reads_by_case ON case_reads (case_id, read_at);

CREATE TRIGGER users_are_never_deleted BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are never deleted'); END;
CREATE TRIGGER tokens_are_never_deleted BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never deleted'); END;
CREATE TRIGGER case_reads_are_append_only_update BEFORE UPDATE ON case_reads
BEGIN SELECT RAISE(ABORT, 'case_reads is append-only'); END;
CREATE TRIGGER case_reads_are_append_only_delete BEFORE DELETE ON case_reads
BEGIN SELECT RAISE(ABORT, 'case_reads is append-only'); END;
)sql"},
}};

// Applies `migration` and sets the schema version to `version`, all in one
// transaction: on any error nothing of it stays.
absl::Status ApplyMigration(Database& db, const Migration& migration,
                            int version, const CaseIndexer& indexer) {
  OGI_ASSIGN_OR_RETURN(
      SqliteTransaction transaction,
      SqliteTransaction::Begin(db, SqliteTransaction::Kind::kImmediate));
  OGI_RETURN_IF_ERROR(db.Exec(migration.sql));
  if (migration.backfill != nullptr) {
    OGI_RETURN_IF_ERROR(migration.backfill(db, indexer));
  }
  OGI_RETURN_IF_ERROR(db.Exec(absl::StrCat("PRAGMA user_version = ", version)));
  return transaction.Commit();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

absl::Status MigrateSchema(Database& db, const CaseIndexer& indexer,
                           int target) {
  absl::StatusOr<int64_t> current = db.QueryInt("PRAGMA user_version");
  if (!current.ok()) return current.status();
  if (*current > LatestSchemaVersion()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "database ", db.path(), " has schema version ", *current,
        ", newer than this ogi build supports (", LatestSchemaVersion(),
        "); upgrade ogi or use a backup made for this version"));
  }
  if (*current > target) {
    return absl::FailedPreconditionError(
        absl::StrCat("database ", db.path(), " has schema version ", *current,
                     ", above the requested ", target));
  }
  for (int version = static_cast<int>(*current) + 1; version <= target;
       ++version) {
    const absl::Status status =
        ApplyMigration(db, kMigrations[version - 1], version, indexer);
    if (!status.ok()) {
      return absl::Status(status.code(),
                          absl::StrCat("schema migration ", version,
                                       " failed: ", status.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace ogi
