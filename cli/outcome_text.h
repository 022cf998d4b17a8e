#ifndef OGI_CLI_OUTCOME_TEXT_H_
#define OGI_CLI_OUTCOME_TEXT_H_

// Chinese text for how a case ended (ogi.v1.Conclusion) and the answers given
// again on a review's or court's order (ogi.v1.ReAnswer), shared by
// `ogi case show` and the outcome commands. Pure; thread-safe.

#include <string>

#include "cli/render.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/outcome.pb.h"

namespace ogi::cli {

// The table-三 group of `outcome` as the report prints it, e.g.
// "（三）不予公开";
// "" for OUTCOME_UNSPECIFIED.
std::string OutcomeGroup(v1::Outcome outcome);

// The outcome with its group: "（一）予以公开", "（二）部分公开",
// "（三）不予公开：属于四类过程性信息", "（六）其他处理：其他"; "未指定" for
// OUTCOME_UNSPECIFIED.
std::string OutcomeText(v1::Outcome outcome);

// "2022-03-20 当面签收", with "（逾期送达，答复期限 2022-03-18）" appended when
// `late`; the method is left out when unspecified.
std::string ServedText(const v1::Date& served, v1::ServiceMethod method,
                       bool late, const v1::Date& due);

// One re-answer: "1. 依 2022-0013-R1（2022-06-30）责令重新答复，期限
// 2022-07-14；" then "尚未答复" or "2022-07-10 当面签收：（一）予以公开", the
// late mark and the note.
std::string ReAnswerText(const v1::ReAnswer& re_answer);

// Card lines for the case's conclusion (none when the case has none):
// 办理结果 (OutcomeText), 办结方式 unless answered, 计算结果 and 调整理由 for
// an override, 各项答复 when items were answered differently (the primary
// item marked 主要), 法律依据, 不掌握原因 (with the responsible agency),
// 公开部分, 不予公开部分, 办结说明, then 答复送达 (ServedText, with the
// answer's own date when it differs) or, for a withdrawal or lapse, 办结日期;
// then 重新答复 with one line per re-answer.
void AddConclusionLines(const v1::Case& c, Card* card);

}  // namespace ogi::cli

#endif  // OGI_CLI_OUTCOME_TEXT_H_
