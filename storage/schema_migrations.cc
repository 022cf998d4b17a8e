#include "storage/schema_migrations.h"

#include <array>

#include "absl/strings/str_cat.h"

namespace ogi {
namespace {

// Migration N is kMigrations[N - 1]. Never edit a migration that has shipped:
// append a new one.
constexpr std::array<const char*, 3> kMigrations = {
    // 1: agencies, cases and their append-only history.
    R"sql(
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
)sql",

    // 2: indexes for the list filters (receipt-date range, status).
    R"sql(
CREATE INDEX cases_by_receipt_date ON cases (agency_id, receipt_date);
CREATE INDEX cases_by_status ON cases (agency_id, status, id);
)sql",

    // 3: the statutory clock: derived deadline columns for deadline listings,
    // and holiday arrangements loaded at run time.
    R"sql(
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
)sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

absl::Status MigrateSchema(Database& db, int target) {
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
    absl::Status status =
        db.Exec(absl::StrCat("BEGIN IMMEDIATE;", kMigrations[version - 1],
                             "PRAGMA user_version = ", version, "; COMMIT;"));
    if (!status.ok()) {
      db.Exec("ROLLBACK").IgnoreError();
      return absl::Status(status.code(),
                          absl::StrCat("schema migration ", version,
                                       " failed: ", status.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace ogi
