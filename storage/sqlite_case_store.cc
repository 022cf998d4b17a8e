// SqliteCaseStore: opening the database, its connections, agencies and the
// holiday arrangements loaded at run time. The case table is in
// sqlite_case_table.cc, the deadline listings in sqlite_deadline_queries.cc,
// the report and access stores in sqlite_report_store.cc and
// sqlite_access_store.cc.

#include "storage/sqlite_case_store.h"

#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_rows.h"
#include "storage/sqlite_transaction.h"

namespace ogi {
namespace {

// Runs `read` on `db` in one read transaction: a consistent snapshot.
absl::Status ReadInTransaction(
    Database& db, absl::FunctionRef<absl::Status(Database&)> read) {
  OGI_ASSIGN_OR_RETURN(
      SqliteTransaction transaction,
      SqliteTransaction::Begin(db, SqliteTransaction::Kind::kDeferred));
  OGI_RETURN_IF_ERROR(read(db));
  return transaction.Commit();
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteCaseStore>> SqliteCaseStore::Open(
    const SqliteStoreOptions& options, CaseIndexer indexer) {
  if (indexer == nullptr) {
    return absl::InvalidArgumentError(
        "SqliteCaseStore::Open: 没有 CaseIndexer");
  }
  OGI_ASSIGN_OR_RETURN(
      std::unique_ptr<Database> db,
      Database::Open(options.path, Database::Mode::kReadWrite));
  // A damaged file is refused before anything is written to it (migrations,
  // new cases): serving it would spread the damage and hide it. The check
  // reads every page, seconds for a large file, once per start. It also fails
  // first, with a clear message, for a file that is not a SQLite database.
  OGI_RETURN_IF_ERROR(db->CheckIntegrity());
  OGI_RETURN_IF_ERROR(MigrateSchema(*db, indexer));
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
  return std::unique_ptr<SqliteCaseStore>(new SqliteCaseStore(
      std::move(indexer), std::move(writer), std::move(readers)));
}

SqliteCaseStore::SqliteCaseStore(CaseIndexer indexer,
                                 std::unique_ptr<GroupCommitWriter> writer,
                                 std::vector<std::unique_ptr<Database>> readers)
    : indexer_(std::move(indexer)),
      writer_(std::move(writer)),
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
  absl::Status status = ReadInTransaction(*db, read);
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
