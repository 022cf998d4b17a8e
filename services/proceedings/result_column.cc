#include "services/proceedings/result_column.h"

#include <tuple>

#include "google/protobuf/descriptor.h"

namespace ogi {
namespace {

using v1::ProceedingDecision;

// True when `date` is set and not after `day`. Compared field by field, so a
// malformed stored date cannot be normalised into a different day.
bool ReachedBy(const v1::Date& date, absl::CivilDay day) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return false;
  return std::make_tuple(date.year(), date.month(), date.day()) <=
         std::make_tuple(static_cast<int>(day.year()), day.month(), day.day());
}

bool IsDecided(const v1::Judgment& judgment, absl::CivilDay day) {
  return judgment.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED &&
         ReachedBy(judgment.date(), day);
}

}  // namespace

bool IsValidDecision(DecisionStage stage, ProceedingDecision decision) {
  switch (decision) {
    case v1::PROCEEDING_DECISION_UPHELD:
    case v1::PROCEEDING_DECISION_CLAIM_REJECTED:
    case v1::PROCEEDING_DECISION_APPLICATION_DISMISSED:
      return stage == DecisionStage::kReview;
    case v1::PROCEEDING_DECISION_CLAIM_DISMISSED:
    case v1::PROCEEDING_DECISION_SUIT_DISMISSED:
      return stage != DecisionStage::kReview;
    case v1::PROCEEDING_DECISION_APPEAL_DISMISSED:
      return stage == DecisionStage::kAppeal;
    case v1::PROCEEDING_DECISION_REVOKED:
    case v1::PROCEEDING_DECISION_VARIED:
    case v1::PROCEEDING_DECISION_DECLARED_UNLAWFUL:
    case v1::PROCEEDING_DECISION_DECLARED_VOID:
    case v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM:
    case v1::PROCEEDING_DECISION_WITHDRAWN_OR_TERMINATED:
    case v1::PROCEEDING_DECISION_SETTLED:
      return true;
    default:
      return false;
  }
}

std::vector<ProceedingDecision> ValidDecisions(DecisionStage stage) {
  std::vector<ProceedingDecision> valid;
  const google::protobuf::EnumDescriptor* type =
      v1::ProceedingDecision_descriptor();
  for (int i = 0; i < type->value_count(); ++i) {
    const auto decision =
        static_cast<ProceedingDecision>(type->value(i)->number());
    if (IsValidDecision(stage, decision)) valid.push_back(decision);
  }
  return valid;
}

bool OrdersNewAnswer(ProceedingDecision decision) {
  return decision == v1::PROCEEDING_DECISION_REVOKED ||
         decision == v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM;
}

v1::ResultColumn ColumnOfDecision(ProceedingDecision decision) {
  switch (decision) {
    case v1::PROCEEDING_DECISION_UPHELD:
    case v1::PROCEEDING_DECISION_CLAIM_REJECTED:
    case v1::PROCEEDING_DECISION_CLAIM_DISMISSED:
    case v1::PROCEEDING_DECISION_APPEAL_DISMISSED:
      return v1::RESULT_COLUMN_UPHELD;
    case v1::PROCEEDING_DECISION_REVOKED:
    case v1::PROCEEDING_DECISION_VARIED:
    case v1::PROCEEDING_DECISION_DECLARED_UNLAWFUL:
    case v1::PROCEEDING_DECISION_DECLARED_VOID:
    case v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM:
      return v1::RESULT_COLUMN_CORRECTED;
    case v1::PROCEEDING_DECISION_APPLICATION_DISMISSED:
    case v1::PROCEEDING_DECISION_SUIT_DISMISSED:
    case v1::PROCEEDING_DECISION_WITHDRAWN_OR_TERMINATED:
    case v1::PROCEEDING_DECISION_SETTLED:
      return v1::RESULT_COLUMN_OTHER;
    default:
      return v1::RESULT_COLUMN_PENDING;
  }
}

v1::ResultColumn ReviewColumnAsOf(const v1::Review& review,
                                  absl::CivilDay day) {
  if (review.decision() == v1::PROCEEDING_DECISION_UNSPECIFIED ||
      !ReachedBy(review.decided(), day)) {
    return v1::RESULT_COLUMN_PENDING;
  }
  return ColumnOfDecision(review.decision());
}

v1::ResultColumn LawsuitColumnAsOf(const v1::Lawsuit& lawsuit,
                                   absl::CivilDay day) {
  const v1::Judgment& first = lawsuit.first_instance();
  if (lawsuit.has_appeal() && ReachedBy(lawsuit.appeal().filed(), day)) {
    const v1::Judgment& result = lawsuit.appeal().result();
    if (!IsDecided(result, day)) return v1::RESULT_COLUMN_PENDING;
    // 驳回上诉、维持原判: the first-instance judgment stands. Without one on
    // record (never so through ProceedingService) it counts as SPEC §2 says.
    if (result.decision() == v1::PROCEEDING_DECISION_APPEAL_DISMISSED &&
        first.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
      return ColumnOfDecision(first.decision());
    }
    return ColumnOfDecision(result.decision());
  }
  if (!IsDecided(first, day)) return v1::RESULT_COLUMN_PENDING;
  return ColumnOfDecision(first.decision());
}

v1::LawsuitRoute RouteOf(const v1::Lawsuit& lawsuit) {
  return lawsuit.after_review_id().empty() ? v1::LAWSUIT_ROUTE_DIRECT
                                           : v1::LAWSUIT_ROUTE_AFTER_REVIEW;
}

bool CountsInAgencyTable(const v1::Lawsuit& lawsuit) {
  return lawsuit.role() != v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN;
}

}  // namespace ogi
