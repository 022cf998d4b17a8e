#ifndef OGI_CLI_PROCEEDING_TEXT_H_
#define OGI_CLI_PROCEEDING_TEXT_H_

// Chinese text for administrative reviews (ogi.v1.Review) and lawsuits
// (ogi.v1.Lawsuit), shared by `ogi case show`, the review and lawsuit
// commands and their lists. Pure; thread-safe.

#include <ostream>
#include <string>
#include <vector>

#include "cli/render.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/proceeding.pb.h"
#include "ogi/v1/proceeding_service.pb.h"

namespace ogi::cli {

// "撤销（2022-06-30）"; "未决定" without a decision.
std::string JudgmentText(v1::ProceedingDecision decision, const v1::Date& date);

// The table-四 column's label, "尚未审结" when the server left it unset.
std::string ColumnText(v1::ResultColumn column);

// "2022-05-20（已答辩 2022-05-18）", "2022-05-20（未答辩）"; "未收到副本" when
// there is no due date yet (the copy has not been received).
std::string DefenceText(const v1::Date& due, const v1::Date& filed);

// Several lines: "ID  organ（procedure）", the filing, copy and acceptance
// dates, 答辩期限 (DefenceText), 决定期限 (marked when extended), the
// decision and the table-四 column.
std::string ReviewText(const v1::Review& review);

// Several lines: "ID  court（route[, after review ID]）" with the agency's
// role when co-defendant, the filing and complaint-copy dates, 答辩期限,
// 一审期限 (marked 简易程序), the first-instance judgment, the appeal and its
// result, and the table-四 column.
std::string LawsuitText(const v1::Lawsuit& lawsuit);

// Card lines 行政复议 and 行政诉讼, one block per review or lawsuit of `c`;
// none when it has none.
void AddProceedingLines(const v1::Case& c, Card* card);

// The tables of `ogi review list` and `ogi lawsuit list`, one row per entry
// (no footer).
void RenderReviewTable(const std::vector<v1::ReviewEntry>& entries, bool color,
                       std::ostream& out);
void RenderLawsuitTable(const std::vector<v1::LawsuitEntry>& entries,
                        bool color, std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_PROCEEDING_TEXT_H_
