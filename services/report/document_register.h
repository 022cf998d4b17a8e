#ifndef OGI_SERVICES_REPORT_DOCUMENT_REGISTER_H_
#define OGI_SERVICES_REPORT_DOCUMENT_REGISTER_H_

// Table 二's first block (第二十条第（一）项: 规章 and 行政规范性文件, issued /
// repealed / in force) counted from an agency's register of its documents,
// and the validation of register entries. Pure functions; thread-safe.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.pb.h"
#include "services/report/report_cells.h"

namespace ogi {

// How a register entry of `agency_code` is named behind a cell of table 二:
// "lc-xzsp/文件3 关于规范行政审批服务的若干规定".
std::string RegisterReference(const std::string& agency_code,
                              const v1::RegisteredDocument& document);

// Replaces the rules and normative_documents counts of `table2` with those of
// `documents` (the register of `agency_code`) for `year`: issued in the year,
// repealed in the year, and in force at 31 December (issued by then and not
// repealed by then); sets documents_from_register. When `cells` is set, also
// appends each entry counted to the references of its cells
// (cells->table2). Leaves `table2` alone when `documents` is empty (the
// agency keeps no register: its entered figures stand).
void CountRegisteredDocuments(
    const std::string& agency_code,
    const std::vector<v1::RegisteredDocument>& documents, int year,
    v1::Table2& table2, CellCases* cells = nullptr);

// INVALID_ARGUMENT "document.<field>: ..." for an entry that cannot be
// registered: a negative id, kind unspecified, title empty or too long, no issue date, a
// date that is not a calendar date, a repeal before the issue.
absl::Status ValidateRegisteredDocument(const v1::RegisteredDocument& document);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_DOCUMENT_REGISTER_H_
