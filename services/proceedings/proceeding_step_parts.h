#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEP_PARTS_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEP_PARTS_H_

// What the review steps (review_steps.cc) and the lawsuit steps
// (lawsuit_steps.cc) share: the facts a step records as history changes,
// the copy-on-write recording of a step, finding the proceeding a request
// names, decisions and the re-answers they order, and the copy/defence
// rules. Internal to the proceedings slice: the public contract is
// proceeding_steps.h. Pure; thread-safe.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/descriptor.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/proceedings/proceeding_derived.h"
#include "services/proceedings/proceeding_ids.h"
#include "services/proceedings/result_column.h"

namespace ogi {
namespace proceeding_steps {

using Day = absl::CivilDay;
using Changes = std::vector<v1::FieldChange>;

// FAILED_PRECONDITION with `what` as the message.
absl::Status Refused(absl::string_view what);

// Optional one-line name (at most kMaxNameLength) / multi-line note (at most
// kMaxReasonLength): valid when given.
absl::Status OptionalName(const std::string& text, absl::string_view field);
absl::Status OptionalNote(const std::string& text, absl::string_view field);

// Canonical text of an enum value: "" for *_UNSPECIFIED.
template <typename E>
std::string EnumText(const google::protobuf::EnumDescriptor* type, E value) {
  return value == 0 ? std::string() : EnumIdentifier(type, value);
}

std::string DecisionName(v1::ProceedingDecision decision);

// INVALID_ARGUMENT "<field>: 须为以下之一：<every identifier of type>".
absl::Status OneOf(absl::string_view field,
                   const google::protobuf::EnumDescriptor* type);

// The facts a step records, as FieldChanges under one proceeding's path.
class Facts {
 public:
  Facts(ProceedingKind kind, std::string id)
      : kind_(kind), id_(std::move(id)) {}

  // Records a change of `field` unless the value stays the same.
  void Text(absl::string_view field, std::string old_value,
            std::string new_value) {
    Path(ProceedingFieldPath(kind_, id_, field), std::move(old_value),
         std::move(new_value));
  }

  // Sets `*target` to `value` and records the change.
  void Date(absl::string_view field, v1::Date* target, Day value) {
    std::string old_value = FormatIsoDate(*target);
    *target = ToProtoDate(value);
    Text(field, std::move(old_value), FormatIsoDate(value));
  }

  // A change of any path of the case.
  void Path(std::string path, std::string old_value, std::string new_value) {
    if (old_value == new_value) return;
    v1::FieldChange& change = changes_.emplace_back();
    change.set_field(std::move(path));
    change.set_old_value(std::move(old_value));
    change.set_new_value(std::move(new_value));
  }

  const std::string& id() const { return id_; }
  bool empty() const { return changes_.empty(); }
  Changes Take() { return std::move(changes_); }

 private:
  const ProceedingKind kind_;
  const std::string id_;
  Changes changes_;
};

// Applies `edit` to a copy of `c` whose derived fields are fresh, refreshes
// them again, and only on success replaces `c` and returns the event: the
// facts `edit` returns, then the derived fields that moved.
template <typename Edit>
absl::StatusOr<v1::CaseEvent> Record(v1::CaseEventType type, Day today,
                                     const WorkingCalendar& calendar,
                                     v1::Case& c, const Edit& edit) {
  v1::Case work = c;
  OGI_RETURN_IF_ERROR(RefreshProceedings(work, today, calendar));
  const v1::Case before = work;
  OGI_ASSIGN_OR_RETURN(Changes facts, edit(work));
  OGI_RETURN_IF_ERROR(RefreshProceedings(work, today, calendar));
  v1::CaseEvent event;
  event.set_type(type);
  for (v1::FieldChange& change : facts)
    *event.add_changes() = std::move(change);
  for (v1::FieldChange& change : DiffDerivedProceedingFields(before, work)) {
    *event.add_changes() = std::move(change);
  }
  c = std::move(work);
  return event;
}

// The review or lawsuit `id` (request field `field`; "id" for lawsuits) of
// `c`: INVALID_ARGUMENT for a malformed id or one of another case, NOT_FOUND
// for an unknown one.
absl::StatusOr<v1::Review*> FindReview(v1::Case& c, const std::string& id,
                                       absl::string_view field);
absl::StatusOr<v1::Lawsuit*> FindLawsuit(v1::Case& c, const std::string& id);

// A decision as a request gives it, validated on its own.
struct Decision {
  v1::ProceedingDecision decision = v1::PROCEEDING_DECISION_UNSPECIFIED;
  Day date;
  std::optional<Day> reanswer_due;
};

// INVALID_ARGUMENT "decision: ..." unless `decision` is valid at `stage`;
// "<date_field>: ..." for the date; "reanswer_due: ..." unless it is unset or
// after the date of a decision that orders a new answer.
absl::StatusOr<Decision> ParseDecision(DecisionStage stage,
                                       v1::ProceedingDecision decision,
                                       bool has_date, const v1::Date& date,
                                       absl::string_view date_field,
                                       bool has_due, const v1::Date& due,
                                       Day today);

// Records the decision's date on the case as a pending re-answer when the
// decision set one.
void AddReAnswer(const Decision& d, v1::Case& c, Facts& facts);

// Sets the decision's date in `date` (the field `date_path`) and records it
// with the decision (the field `decision_path`, which the caller sets).
void RecordDecision(const Decision& d, absl::string_view decision_path,
                    absl::string_view date_path, v1::Date* date, Facts& facts);

// "2025-03-02（upheld）": the date and kind of a recorded decision, for
// messages.
std::string DecidedOn(const v1::Date& date, v1::ProceedingDecision decision);

// What reviews and lawsuits share: the agency receives a copy (of the review
// application, of the complaint), then files its defence, once.
struct CopyAndDefence {
  ProceedingKind kind;
  const std::string& id;
  absl::string_view prefix;      // of the request's field names
  absl::string_view copy_field;  // "copy_received" / "complaint_received"
  absl::string_view copy_what;   // "收到复议申请书副本的日期"
  std::optional<Day> filed, recorded_copy, recorded_defence;
};

// Checks the copy and defence dates a request gives (nullopt: not given):
// INVALID_ARGUMENT when the defence is before the copy in the request;
// FAILED_PRECONDITION when either is before the filing, a copy is after the
// recorded defence, a defence is already recorded or is before the copy.
absl::Status CheckCopyAndDefence(const CopyAndDefence& rules,
                                 std::optional<Day> copy,
                                 std::optional<Day> defence);

// INVALID_ARGUMENT "id: <kind> <id> 没有新的内容可记录" when a progress step
// records nothing.
absl::Status NothingNew(const Facts& facts, ProceedingKind kind);

}  // namespace proceeding_steps
}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEP_PARTS_H_
