#ifndef OGI_SERVICES_PROCEEDINGS_RESULT_COLUMN_H_
#define OGI_SERVICES_PROCEEDINGS_RESULT_COLUMN_H_

// The table-四 vocabulary of reviews and lawsuits (SPEC §2, §4 rule 3): which
// decisions each stage may record, the column a decision is counted in, and
// the column a review or lawsuit stands in on a given day. Used for "today"
// by ProceedingService and for 31 December by the annual report. Pure
// functions; thread-safe.
//
// Dates in the messages are compared as given: an unset (all-zero) date never
// counts as reached, so a decision without its date stays pending.

#include <vector>

#include "absl/time/civil_time.h"
#include "ogi/v1/proceeding.pb.h"

namespace ogi {

// The stage of a proceeding that records a decision.
enum class DecisionStage {
  kReview,         // a review organ's decision (行政复议决定)
  kFirstInstance,  // a court's first-instance judgment or ruling
  kAppeal,         // the appeal court's judgment or ruling
};

// True when `decision` may be recorded at `stage` (SPEC §2 table):
//  - review: UPHELD, CLAIM_REJECTED, REVOKED, VARIED, DECLARED_UNLAWFUL,
//    DECLARED_VOID, ORDERED_TO_PERFORM, APPLICATION_DISMISSED,
//    WITHDRAWN_OR_TERMINATED, SETTLED;
//  - first instance: CLAIM_DISMISSED, REVOKED, VARIED, DECLARED_UNLAWFUL,
//    DECLARED_VOID, ORDERED_TO_PERFORM, SUIT_DISMISSED,
//    WITHDRAWN_OR_TERMINATED, SETTLED;
//  - appeal: APPEAL_DISMISSED and every first-instance decision (the appeal
//    court may reverse to any of them). A withdrawn appeal leaves the
//    first-instance judgment in force: record it as APPEAL_DISMISSED.
//    WITHDRAWN_OR_TERMINATED at appeal means the suit itself ended (准予撤回
//    起诉, 终结诉讼) and counts as 其他结果.
// False for UNSPECIFIED and unknown numbers.
bool IsValidDecision(DecisionStage stage, v1::ProceedingDecision decision);

// The decisions valid at `stage`, in declaration order (for error messages
// and command-line help).
std::vector<v1::ProceedingDecision> ValidDecisions(DecisionStage stage);

// True for the decisions that may order the agency to answer again and so
// create a pending re-answer on the case: REVOKED (撤销, with 责令重作) and
// ORDERED_TO_PERFORM (责令履行, incl. 重新答复). VARIED is not one: the organ
// or court substitutes its own decision for the answer. DECLARED_UNLAWFUL and
// DECLARED_VOID leave the answer declared, not re-made (a remedial order,
// if any, is recorded with RecordReAnswer).
bool OrdersNewAnswer(v1::ProceedingDecision decision);

// The table-四 column of a decision: UPHELD, CLAIM_REJECTED, CLAIM_DISMISSED,
// APPEAL_DISMISSED → UPHELD (结果维持); REVOKED, VARIED, DECLARED_UNLAWFUL,
// DECLARED_VOID, ORDERED_TO_PERFORM → CORRECTED (结果纠正);
// APPLICATION_DISMISSED, SUIT_DISMISSED, WITHDRAWN_OR_TERMINATED, SETTLED →
// OTHER (其他结果); UNSPECIFIED (no decision) → PENDING (尚未审结).
// Note that for an appeal APPEAL_DISMISSED keeps the first-instance column:
// use LawsuitColumnAsOf, not this, for lawsuits.
v1::ResultColumn ColumnOfDecision(v1::ProceedingDecision decision);

// The column `review` stands in at the end of `day`: its decision's column
// when it was decided on or before `day`, else PENDING.
v1::ResultColumn ReviewColumnAsOf(const v1::Review& review, absl::CivilDay day);

// The column `lawsuit` stands in at the end of `day` (the result in force;
// SPEC §2: a judgment under appeal is pending until the appeal is decided):
//  - appeal filed on or before `day`: if the appeal was decided on or before
//    `day`, APPEAL_DISMISSED keeps the first-instance judgment's column and
//    any other appeal result gives its own column; otherwise PENDING;
//  - no appeal by `day`: the first-instance judgment's column when judged on
//    or before `day`, else PENDING.
v1::ResultColumn LawsuitColumnAsOf(const v1::Lawsuit& lawsuit,
                                   absl::CivilDay day);

// AFTER_REVIEW (复议后起诉) when the lawsuit follows a review of the same
// answer (after_review_id set), else DIRECT (未经复议直接起诉).
v1::LawsuitRoute RouteOf(const v1::Lawsuit& lawsuit);

// False when this agency is sued only as the co-defendant review organ
// (CO_DEFENDANT_REVIEW_ORGAN): such a lawsuit is not counted in its table 四
// (SPEC §4 rule 3). True otherwise (UNSPECIFIED means defendant).
bool CountsInAgencyTable(const v1::Lawsuit& lawsuit);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_RESULT_COLUMN_H_
