#ifndef OGI_CLI_HISTORY_FIELDS_H_
#define OGI_CLI_HISTORY_FIELDS_H_

// How `ogi case history` shows a recorded change (ogi.v1.FieldChange): the
// Chinese label of the field path and the readable form of its canonical
// value. Pure; thread-safe.

#include <string>

#include "absl/strings/string_view.h"

namespace ogi::cli {

// The Chinese label for a case field path, e.g. "申请人" for
// "applicant.name", "征求意见2·发函日期" for
// "procedure.consultations[id=2].sent", "复议2022-0013-R1·复议决定" for
// "reviews[id=2022-0013-R1].decision", "重新答复1·答复期限" for
// "re_answers[id=1].due", "第2项答复" for "conclusion.dispositions[item=2]".
// The path itself for fields this client does not know (a newer server may
// record more).
std::string FieldLabel(absl::string_view field);

// A value for display: "（空）" when empty; enum identifiers as their labels
// (e.g. "withheld_state_secret" → "属于国家秘密"); yes-no fields ("true" when
// set, else "" or "false") as 是/否; lines (e.g. of several items) joined by
// "；".
std::string ChangeValue(absl::string_view field, absl::string_view value);

}  // namespace ogi::cli

#endif  // OGI_CLI_HISTORY_FIELDS_H_
