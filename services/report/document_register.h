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

// Which source wins (DocumentCountSource in report.proto): each row of table
// 二's first block — 规章 (rules) and 行政规范性文件 (normative_documents) —
// takes its three counts from the register or from the figures entered, as
// `table2`'s rules_source / normative_documents_source say: automatic
// (unspecified) takes the register when it holds at least one entry of the
// row's kind, else the figures; REGISTER always the register; ENTERED always
// the figures.
//
// `table2` holds the figures entered for `agency_code` and `year` (a row it
// has is a row entered). For each row taken from `documents` (the agency's
// register), replaces the row by the counts for `year` — issued in the year,
// repealed in the year, in force at 31 December (issued by then and not
// repealed by then) — sets <row>_from_register, and appends to
// table2.overridden every entered figure of the row that the count changes.
// Sets documents_from_register when either row comes from the register. When
// `cells` is set, also appends each entry counted to the references of its
// cells (cells->table2).
void CountRegisteredDocuments(
    const std::string& agency_code,
    const std::vector<v1::RegisteredDocument>& documents, int year,
    v1::Table2& table2, CellCases* cells = nullptr);

// INVALID_ARGUMENT "document.<field>: ..." for an entry that cannot be
// registered: a negative id, kind unspecified, title empty or too long, no
// issue date, a date that is not a calendar date, a repeal before the issue.
absl::Status ValidateRegisteredDocument(const v1::RegisteredDocument& document);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_DOCUMENT_REGISTER_H_
