#ifndef OGI_SERVICES_REPORT_REPORT_NOTES_H_
#define OGI_SERVICES_REPORT_REPORT_NOTES_H_

// The notes of a report (Report.notes): what a statistician should read
// before publishing, though none of it stops publication by itself — table
// 二 figures entered but replaced by the register's count, prose sections
// still empty (the lock refuses them unless allowed), the default preface in
// use, and a section 六 that speaks of fees itself (so the generated fee
// sentence is left out and the office should check its text against the fee
// records). Pure; thread-safe.

#include <string>
#include <vector>

#include "ogi/v1/report.pb.h"

namespace ogi {

// The notes of `report`, in Chinese, one sentence each, in the order above.
// Uses its table2 (overridden), prose, fees, title_agency, year and
// agency_codes (an agency code is named only in a consolidation).
std::vector<std::string> ReportNotes(const v1::Report& report);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_NOTES_H_
