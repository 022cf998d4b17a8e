#ifndef OGI_STORAGE_SQLITE_ROWS_H_
#define OGI_STORAGE_SQLITE_ROWS_H_

// Row helpers shared by the SQLite store's translation units (the case table,
// deadline, report and access queries, and the migrations). Internal to
// storage/.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/timestamp.pb.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/common.pb.h"
#include "storage/sqlite_database.h"

namespace ogi {

// A timestamp as stored: Unix microseconds.
int64_t ToUnixMicros(const google::protobuf::Timestamp& t);

// Binds `day` as "YYYY-MM-DD", or NULL when it is unset.
void BindDayOrNull(Statement& stmt, int index,
                   const std::optional<absl::CivilDay>& day);
// Binds `d` as "YYYY-MM-DD", or NULL when it is unset (all zero).
void BindDateOrNull(Statement& stmt, int index, const v1::Date& d);

// The date in column `col`, or nullopt for NULL. DATA_LOSS when it is not a
// date.
absl::StatusOr<std::optional<absl::CivilDay>> ColumnDate(const Statement& stmt,
                                                         int col);

// NOT_FOUND "案件 … 不存在（机关 …）".
absl::Status NoCaseError(absl::string_view agency_code,
                         absl::string_view number);

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
