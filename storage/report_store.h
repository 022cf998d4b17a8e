#ifndef OGI_STORAGE_REPORT_STORE_H_
#define OGI_STORAGE_REPORT_STORE_H_

// What the annual report needs from storage besides the cases' own records:
// the figures and prose staff enter per agency and year, the register of
// rules and normative documents, locked reports, and the cases a year's
// tables can involve. Implemented by SqliteCaseStore (same database, same
// writer), in storage/sqlite_report_store.cc.
//
// Figures, prose and register entries are kept as append-only versions: the
// latest is in force and every earlier one stays, with who entered it and
// when. A lock is written once and never changed.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.pb.h"

namespace ogi {

// Who entered a version, and when.
struct Authorship {
  std::string actor;
  google::protobuf::Timestamp recorded_at;
};

// Thread-safe. Writes are durable when the call returns OK. NOT_FOUND for an
// unknown agency code everywhere.
class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // Table 二 figures of an agency and year; std::nullopt when none entered.
  virtual absl::StatusOr<std::optional<v1::Table2>> GetFigures(
      absl::string_view agency_code, int year) = 0;
  virtual absl::Status PutFigures(absl::string_view agency_code, int year,
                                  const v1::Table2& figures,
                                  const Authorship& by) = 0;

  // The prose of sections 一, 五, 六; empty when none entered.
  virtual absl::StatusOr<v1::ReportProse> GetProse(
      absl::string_view agency_code, int year) = 0;
  virtual absl::Status PutProse(absl::string_view agency_code, int year,
                                const v1::ReportProse& prose,
                                const Authorship& by) = 0;

  // Stores a register entry: id 0 creates one (the store assigns its id),
  // another id replaces that entry's current version (NOT_FOUND when the
  // agency has no entry with that id). Returns the entry as stored.
  virtual absl::StatusOr<v1::RegisteredDocument> PutDocument(
      const v1::RegisteredDocument& document, const Authorship& by) = 0;
  // The current version of every entry of the agency, by id.
  virtual absl::StatusOr<std::vector<v1::RegisteredDocument>> ListDocuments(
      absl::string_view agency_code) = 0;

  // The lock of an agency and year, std::nullopt when not locked.
  virtual absl::StatusOr<std::optional<v1::LockedReport>> GetLock(
      absl::string_view agency_code, int year) = 0;
  // FAILED_PRECONDITION when the year is already locked.
  virtual absl::Status PutLock(absl::string_view agency_code, int year,
                               const v1::LockedReport& lock) = 0;

  // Every case of the agencies that the tables of `year` (and last year's
  // row 四, for the check 二 = 上年四) can count: received by 31 December of
  // `year` and not concluded before 1 January of `year`; concluded then with
  // no receipt date (uncountable, and reported as such); those awaiting
  // receipt confirmation that arrived by 31 December (not yet countable,
  // reported as such); and every case with a review or lawsuit. In (agency,
  // creation) order. A superset is fine: the derivation places each case by its
  // dates.
  virtual absl::StatusOr<std::vector<v1::Case>> ListCasesForReport(
      const std::vector<std::string>& agency_codes, int year) = 0;
};

}  // namespace ogi

#endif  // OGI_STORAGE_REPORT_STORE_H_
