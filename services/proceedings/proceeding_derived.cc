#include "services/proceedings/proceeding_derived.h"

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/proceedings/proceeding_deadlines.h"
#include "services/proceedings/proceeding_ids.h"
#include "services/proceedings/result_column.h"

namespace ogi {
namespace {

// Stores `due` in `target` and notes whether it is provisional.
void Store(const ProceedingDue& due, v1::Date* target, bool& provisional) {
  *target = ToProtoDate(due.date);
  provisional = provisional || due.provisional;
}

absl::Status RefreshReview(v1::Review& review, absl::CivilDay today,
                           const WorkingCalendar& calendar) {
  bool provisional = false;
  review.clear_defence_due();
  review.clear_decision_expected();
  if (HasDate(review.has_copy_received(), review.copy_received())) {
    OGI_ASSIGN_OR_RETURN(const absl::CivilDay copy,
                         ToCivilDay(review.copy_received(), "copy_received"));
    OGI_ASSIGN_OR_RETURN(const ProceedingDue due,
                         ReviewDefenceDue(copy, review.procedure(), calendar));
    Store(due, review.mutable_defence_due(), provisional);
  }
  if (HasDate(review.has_accepted(), review.accepted())) {
    OGI_ASSIGN_OR_RETURN(const absl::CivilDay accepted,
                         ToCivilDay(review.accepted(), "accepted"));
    OGI_ASSIGN_OR_RETURN(
        const ProceedingDue expected,
        ReviewDecisionExpected(accepted, review.procedure(),
                               review.decision_period_extended(), calendar));
    Store(expected, review.mutable_decision_expected(), provisional);
  }
  review.set_column(ReviewColumnAsOf(review, today));
  review.set_dates_provisional(provisional);
  return absl::OkStatus();
}

absl::Status RefreshLawsuit(v1::Lawsuit& lawsuit, absl::CivilDay today,
                            const WorkingCalendar& calendar) {
  bool provisional = false;
  lawsuit.set_route(RouteOf(lawsuit));
  lawsuit.clear_defence_due();
  lawsuit.clear_judgment_expected();
  if (HasDate(lawsuit.has_complaint_received(), lawsuit.complaint_received())) {
    OGI_ASSIGN_OR_RETURN(
        const absl::CivilDay received,
        ToCivilDay(lawsuit.complaint_received(), "complaint_received"));
    OGI_ASSIGN_OR_RETURN(const ProceedingDue due,
                         LawsuitDefenceDue(received, calendar));
    Store(due, lawsuit.mutable_defence_due(), provisional);
  }
  if (HasDate(lawsuit.has_filed(), lawsuit.filed())) {
    OGI_ASSIGN_OR_RETURN(const absl::CivilDay filed,
                         ToCivilDay(lawsuit.filed(), "filed"));
    OGI_ASSIGN_OR_RETURN(
        const ProceedingDue expected,
        JudgmentExpected(filed, lawsuit.simplified(), calendar));
    Store(expected, lawsuit.mutable_judgment_expected(), provisional);
  }
  lawsuit.set_column(LawsuitColumnAsOf(lawsuit, today));
  lawsuit.set_dates_provisional(provisional);
  return absl::OkStatus();
}

// Collects the changes of one proceeding's derived fields.
class DerivedDiff {
 public:
  DerivedDiff(ProceedingKind kind, const std::string& id,
              std::vector<v1::FieldChange>& out)
      : kind_(kind), id_(id), out_(out) {}

  void Date(absl::string_view field, const v1::Date& before,
            const v1::Date& after) {
    Text(field, FormatIsoDate(before), FormatIsoDate(after));
  }

  void EnumValue(absl::string_view field,
                 const google::protobuf::EnumDescriptor* type, int before,
                 int after) {
    Text(field, Name(type, before), Name(type, after));
  }

 private:
  static std::string Name(const google::protobuf::EnumDescriptor* type,
                          int value) {
    return value == 0 ? std::string() : EnumIdentifier(type, value);
  }

  void Text(absl::string_view field, std::string before, std::string after) {
    if (before == after) return;
    v1::FieldChange& change = out_.emplace_back();
    change.set_field(ProceedingFieldPath(kind_, id_, field));
    change.set_old_value(std::move(before));
    change.set_new_value(std::move(after));
  }

  const ProceedingKind kind_;
  const std::string& id_;
  std::vector<v1::FieldChange>& out_;
};

template <typename Message>
const Message* FindById(const google::protobuf::RepeatedPtrField<Message>& list,
                        const std::string& id) {
  for (const Message& m : list) {
    if (m.id() == id) return &m;
  }
  return nullptr;
}

}  // namespace

absl::Status RefreshProceedings(v1::Case& c, absl::CivilDay today,
                                const WorkingCalendar& calendar) {
  for (v1::Review& review : *c.mutable_reviews()) {
    OGI_RETURN_IF_ERROR(RefreshReview(review, today, calendar));
  }
  for (v1::Lawsuit& lawsuit : *c.mutable_lawsuits()) {
    OGI_RETURN_IF_ERROR(RefreshLawsuit(lawsuit, today, calendar));
  }
  return absl::OkStatus();
}

std::vector<v1::FieldChange> DiffDerivedProceedingFields(
    const v1::Case& before, const v1::Case& after) {
  std::vector<v1::FieldChange> changes;
  for (const v1::Review& now : after.reviews()) {
    const v1::Review* old = FindById(before.reviews(), now.id());
    const v1::Review& was =
        old != nullptr ? *old : v1::Review::default_instance();
    DerivedDiff diff(ProceedingKind::kReview, now.id(), changes);
    diff.Date("defence_due", was.defence_due(), now.defence_due());
    diff.Date("decision_expected", was.decision_expected(),
              now.decision_expected());
    diff.EnumValue("column", v1::ResultColumn_descriptor(), was.column(),
                   now.column());
  }
  for (const v1::Lawsuit& now : after.lawsuits()) {
    const v1::Lawsuit* old = FindById(before.lawsuits(), now.id());
    const v1::Lawsuit& was =
        old != nullptr ? *old : v1::Lawsuit::default_instance();
    DerivedDiff diff(ProceedingKind::kLawsuit, now.id(), changes);
    diff.EnumValue("route", v1::LawsuitRoute_descriptor(), was.route(),
                   now.route());
    diff.Date("defence_due", was.defence_due(), now.defence_due());
    diff.Date("judgment_expected", was.judgment_expected(),
              now.judgment_expected());
    diff.EnumValue("column", v1::ResultColumn_descriptor(), was.column(),
                   now.column());
  }
  return changes;
}

}  // namespace ogi
