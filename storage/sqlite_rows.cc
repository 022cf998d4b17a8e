#include "storage/sqlite_rows.h"

#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"

namespace ogi {

int64_t ToUnixMicros(const google::protobuf::Timestamp& t) {
  return absl::ToUnixMicros(FromProtoTimestamp(t));
}

void BindDayOrNull(Statement& stmt, int index,
                   const std::optional<absl::CivilDay>& day) {
  if (day) {
    stmt.BindText(index, FormatIsoDate(*day));
  } else {
    stmt.BindNull(index);
  }
}

void BindDateOrNull(Statement& stmt, int index, const v1::Date& d) {
  const std::string text = FormatIsoDate(d);
  if (text.empty()) {
    stmt.BindNull(index);
  } else {
    stmt.BindText(index, text);
  }
}

absl::StatusOr<std::optional<absl::CivilDay>> ColumnDate(const Statement& stmt,
                                                         int col) {
  if (stmt.ColumnIsNull(col)) return std::nullopt;
  const std::string text = stmt.ColumnText(col);
  std::optional<absl::CivilDay> day = ParseIsoDay(text);
  if (!day) {
    return absl::DataLossError(
        absl::StrCat("存储的日期 \"", text, "\" 不是有效日期"));
  }
  return day;
}

absl::Status NoCaseError(absl::string_view agency_code,
                         absl::string_view number) {
  return absl::NotFoundError(
      absl::StrCat("案件 ", number, " 不存在（机关 \"", agency_code, "\"）"));
}

absl::StatusOr<int64_t> AgencyId(Database& db, absl::string_view code) {
  OGI_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare("SELECT id FROM agencies WHERE code = ?"));
  stmt.BindText(1, code);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return absl::NotFoundError(
        absl::StrCat("agency_code: 机关 \"", code, "\" 不存在"));
  }
  return stmt.ColumnInt(0);
}

absl::StatusOr<int64_t> CaseId(Database& db, absl::string_view agency_code,
                               absl::string_view number) {
  OGI_ASSIGN_OR_RETURN(int64_t agency_id, AgencyId(db, agency_code));
  OGI_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT id FROM cases WHERE agency_id = ? AND number = ?"));
  stmt.BindInt(1, agency_id);
  stmt.BindText(2, number);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NoCaseError(agency_code, number);
  return stmt.ColumnInt(0);
}

absl::Status CollectCases(Statement& stmt, std::vector<v1::Case>* cases,
                          std::vector<int64_t>* ids) {
  while (true) {
    OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return absl::OkStatus();
    if (ids != nullptr) ids->push_back(stmt.ColumnInt(0));
    if (!cases->emplace_back().ParseFromString(stmt.ColumnBlob(1))) {
      return absl::DataLossError(
          absl::StrCat("案件行 ", stmt.ColumnInt(0), "：存储的记录无法解析"));
    }
  }
}

}  // namespace ogi
