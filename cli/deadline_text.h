#ifndef OGI_CLI_DEADLINE_TEXT_H_
#define OGI_CLI_DEADLINE_TEXT_H_

// Chinese text for a case's statutory clocks (ogi.v1.Deadlines) and its
// procedural record (ogi.v1.Procedure), shared by `ogi case show`, the
// procedural step commands and `ogi case explain`. Pure; thread-safe.

#include <ostream>
#include <string>

#include "cli/render.h"
#include "google/protobuf/repeated_field.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline.pb.h"
#include "ogi/v1/procedure.pb.h"

namespace ogi::cli {

// "剩余 3 个工作日", "今日到期" (0) or "已逾期 2 个工作日" (negative).
std::string WorkingDaysLeftText(int days);

// The answer due date with the working days left, e.g.
// "2025-10-30（剩余 3 个工作日）"; without the days once the clock stopped.
// While paused (and not overdue) the counted days, which stand still, and
// the date marked as a projection: "暂停中：已用 3 个工作日，剩余 17 个工作
// 日；预计 2025-11-24（假定暂停持续至 2025-10-30；提前恢复则相应提前）".
// Without a due date: "收到补正材料后重新起算" while awaiting a supplement,
// "未起算（确认收到日期后起算）" while the receipt date awaits confirmation,
// else the state's label (e.g. "未起算").
std::string AnswerDueText(const v1::Deadlines& deadlines);

// One line for the case card: AnswerDueText, the clock state's label, and
// "暂定" when a date rests on a year with no loaded holiday arrangement, e.g.
// "2025-10-30（剩余 3 个工作日）  计时中  暂定"; while paused the state first,
// then the counted days ("征求意见暂停：已用 3 个工作日，剩余 17 个工作日；预计
// …"); while the receipt date awaits confirmation, by when to confirm it
// ("未起算  待确认收到：应于 2026-12-03 前确认收到日期（剩余 2 个工作日）").
std::string DeadlineLine(const v1::Deadlines& deadlines);

// "暂定：2026 年调休安排尚未公布，已跳过法定节假日" for the given years
// ("暂定：调休安排尚未公布，…" when none are named).
std::string ProvisionalWarning(
    const google::protobuf::RepeatedField<int32_t>& years);

// Card lines for each recorded step of `procedure`: 补正通知, 征求意见 (one
// line per consultation), 收费通知 (with the amount), 延期, 另定期限. Nothing
// for steps not taken.
void AddProcedureLines(const v1::Procedure& procedure, Card* card);

// The short summary printed after a procedural step: 期限状态, 答复期限, the
// applicant's window when one is open or lapsed, and the provisional warning.
void AddDeadlineSummary(const v1::Deadlines& deadlines, Card* card);

// The full derivation for `ogi case explain`: a card (case number, state,
// clock start, answer due with days left; while the receipt date awaits
// confirmation, by when and the command that records it; while paused, the
// pause's dates; working days allowed, 补正 notice due
// marked 已逾期 when late, applicant window and proposed conclusion, the
// provisional warning, the as-of day), then "推算过程：" and the numbered
// explanation steps.
void RenderExplanation(const v1::Case& c, bool color, std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_DEADLINE_TEXT_H_
