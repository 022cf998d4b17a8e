#ifndef OGI_STORAGE_SQLITE_ROWS_H_
#define OGI_STORAGE_SQLITE_ROWS_H_

// Row helpers shared by the SQLite store's translation units
// (sqlite_case_store.cc, sqlite_report_store.cc, sqlite_access_store.cc).
// Internal to storage/.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"
#include "ogi/v1/case.pb.h"
#include "storage/sqlite_database.h"

namespace ogi {

// The earliest and latest filing dates of the case's reviews and lawsuits as
// "YYYY-MM-DD", both empty when it has none with a filing date: the columns
// proceedings_filed_from and proceedings_filed_until that ListCasesForReport
// selects the cases of a year's table 四 by.
struct ProceedingsFiled {
  std::string from, until;
};
ProceedingsFiled ProceedingsFiledRange(const v1::Case& c);

// A timestamp as stored: Unix microseconds.
int64_t ToUnixMicros(const google::protobuf::Timestamp& t);

// The row id of the agency `code`; NOT_FOUND "agency_code: 机关 … 不存在"
// when there is none.
absl::StatusOr<int64_t> AgencyId(Database& db, absl::string_view code);

// The row id of case `number` of the agency `agency_code`, as GetCase finds
// it: NOT_FOUND "agency_code: 机关 … 不存在" for an unknown agency, NOT_FOUND
// "案件 … 不存在（机关 …）" for an unknown case.
absl::StatusOr<int64_t> CaseId(Database& db, absl::string_view agency_code,
                               absl::string_view number);

// Reads the (id, payload) rows of `stmt` into `cases` (and their row ids into
// `ids` when not null). DATA_LOSS when a stored record does not parse.
absl::Status CollectCases(Statement& stmt, std::vector<v1::Case>* cases,
                          std::vector<int64_t>* ids = nullptr);

}  // namespace ogi

#endif  // OGI_STORAGE_SQLITE_ROWS_H_
