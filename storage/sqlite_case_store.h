#ifndef OGI_STORAGE_SQLITE_CASE_STORE_H_
#define OGI_STORAGE_SQLITE_CASE_STORE_H_

// CaseStore, ReportStore and AccessStore on SQLite: one group-committing
// writer connection and a pool of read-only connections (WAL lets them read
// while the writer writes). The methods are implemented by concept:
// sqlite_case_store.cc (connections, agencies, calendar years),
// sqlite_case_table.cc (cases and their history), sqlite_deadline_queries.cc
// (deadline listings), sqlite_report_store.cc and sqlite_access_store.cc.

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "storage/access_store.h"
#include "storage/case_store.h"
#include "storage/group_commit_writer.h"
#include "storage/report_store.h"
#include "storage/sqlite_database.h"

namespace ogi {

struct SqliteStoreOptions {
  // Database file, created if missing. ":memory:" gives a private in-memory
  // database (for tests): every call then runs on the writer connection.
  std::string path;
  int reader_connections = 4;
  int max_commit_batch = 256;
};

// Thread-safe.
class SqliteCaseStore final : public CaseStore,
                              public ReportStore,
                              public AccessStore {
 public:
  // Opens the database, applies pending schema migrations and starts the
  // writer. `indexer` derives the index columns of every case written (and
  // of the stored cases a migration backfills): the server and the tests
  // pass IndexCase, through OpenSqliteCaseStore
  // (services/alerts/case_index.h). INVALID_ARGUMENT without an indexer;
  // FAILED_PRECONDITION for a database from a newer ogi; UNAVAILABLE
  // when the file cannot be opened; DATA_LOSS when it is not a database or
  // fails PRAGMA integrity_check (checked before any migration writes).
  static absl::StatusOr<std::unique_ptr<SqliteCaseStore>> Open(
      const SqliteStoreOptions& options, CaseIndexer indexer);

  // Waits for queued writes, then closes every connection (checkpointing the
  // WAL into the main file).
  ~SqliteCaseStore() override;

  absl::StatusOr<v1::Agency> UpsertAgency(const v1::Agency& agency) override;
  absl::StatusOr<v1::Agency> GetAgency(absl::string_view code) override;
  absl::StatusOr<std::vector<v1::Agency>> ListAgencies() override;
  absl::StatusOr<v1::Case> CreateCase(v1::Case c,
                                      v1::CaseEvent created) override;
  absl::StatusOr<KeyedCreation> CreateCaseOnce(
      v1::Case c, v1::CaseEvent created, const IdempotencyKey& key) override;
  absl::StatusOr<v1::Case> GetCase(absl::string_view agency_code,
                                   absl::string_view number) override;
  absl::StatusOr<CasePage> ListCases(const CaseQuery& query) override;
  absl::StatusOr<v1::Case> MutateCase(absl::string_view agency_code,
                                      absl::string_view number,
                                      const CaseMutation& mutation) override;
  absl::StatusOr<std::vector<v1::CaseEvent>> ListCaseEvents(
      absl::string_view agency_code, absl::string_view number) override;
  absl::StatusOr<std::vector<v1::Case>> ListCasesNeedingAttention(
      const AttentionQuery& query) override;
  absl::Status ForEachDeadlineSummary(
      const AttentionQuery& query,
      absl::FunctionRef<absl::Status(CaseDeadlineSummary&)> visit) override;
  absl::StatusOr<std::vector<v1::Case>> StoreCalendarAndUpdateOpenCases(
      const std::vector<StoredCalendarYear>& years,
      const OpenCaseMutation& mutation) override;
  absl::StatusOr<std::vector<StoredCalendarYear>> ListStoredCalendarYears()
      override;

  // ReportStore (storage/sqlite_report_store.cc).
  absl::StatusOr<std::optional<v1::Table2>> GetFigures(
      absl::string_view agency_code, int year) override;
  absl::Status PutFigures(absl::string_view agency_code, int year,
                          const v1::Table2& figures,
                          const Authorship& by) override;
  absl::StatusOr<v1::ReportProse> GetProse(absl::string_view agency_code,
                                           int year) override;
  absl::Status PutProse(absl::string_view agency_code, int year,
                        const v1::ReportProse& prose,
                        const Authorship& by) override;
  absl::StatusOr<v1::RegisteredDocument> PutDocument(
      const v1::RegisteredDocument& document, const Authorship& by) override;
  absl::StatusOr<std::vector<v1::RegisteredDocument>> ListDocuments(
      absl::string_view agency_code) override;
  absl::StatusOr<std::optional<v1::LockedReport>> GetLock(
      absl::string_view agency_code, int year) override;
  absl::Status PutLock(absl::string_view agency_code, int year,
                       const v1::LockedReport& lock) override;
  absl::StatusOr<std::vector<v1::Case>> ListCasesForReport(
      const std::vector<std::string>& agency_codes, int year) override;

  // AccessStore (storage/sqlite_access_store.cc).
  absl::StatusOr<v1::User> PutUser(const v1::User& user) override;
  absl::StatusOr<v1::User> GetUser(absl::string_view name) override;
  absl::StatusOr<std::vector<v1::User>> ListUsers() override;
  absl::Status AddToken(const NewToken& token) override;
  absl::StatusOr<TokenGrant> FindToken(absl::string_view secret_hash) override;
  absl::StatusOr<v1::TokenInfo> GetToken(absl::string_view token_id) override;
  absl::StatusOr<v1::TokenInfo> RevokeToken(
      absl::string_view token_id,
      const google::protobuf::Timestamp& at) override;
  absl::StatusOr<std::vector<v1::TokenInfo>> ListTokens(
      absl::string_view user_name) override;
  absl::Status RecordCaseRead(absl::string_view agency_code,
                              absl::string_view number,
                              const v1::RecordRead& read) override;
  absl::StatusOr<std::vector<v1::RecordRead>> ListCaseReads(
      absl::string_view agency_code, absl::string_view number) override;
  absl::StatusOr<std::vector<v1::RecordRead>> ListCaseReadsRange(
      absl::string_view agency_code, absl::string_view number, int64_t offset,
      int64_t limit) override;

 private:
  SqliteCaseStore(CaseIndexer indexer,
                  std::unique_ptr<GroupCommitWriter> writer,
                  std::vector<std::unique_ptr<Database>> readers);

  // Runs `read` in one read transaction (a consistent snapshot) on a pooled
  // reader, or on the writer for an in-memory database.
  absl::Status Read(absl::FunctionRef<absl::Status(Database&)> read);

  const CaseIndexer indexer_;
  std::unique_ptr<GroupCommitWriter> writer_;
  absl::Mutex readers_mu_;
  std::vector<std::unique_ptr<Database>> idle_readers_
      ABSL_GUARDED_BY(readers_mu_);
  const bool has_readers_;
};

}  // namespace ogi

#endif  // OGI_STORAGE_SQLITE_CASE_STORE_H_
