#ifndef OGI_SERVICES_CASES_CASE_STEP_RUNNER_H_
#define OGI_SERVICES_CASES_CASE_STEP_RUNNER_H_

// Records one step on a stored case: the pattern every service that changes a
// case after its creation shares (procedural steps, conclusions, reviews,
// lawsuits). The step runs inside the store's write transaction on the case
// with its deadlines brought to today; afterwards the deadlines are computed
// again, every due date that moved is added to the step's event, and the
// event gets its time and actor. Observers hear of the stored case.

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// What a step sees besides the case: the day (in China) and the calendar in
// force when the call runs.
struct StepContext {
  absl::CivilDay today;
  const WorkingCalendar* calendar = nullptr;
  const CaseClock* clock = nullptr;
};

// Changes `c` and returns the event describing the change (type, reason,
// changes); an error aborts and nothing is written. Quick; must not call the
// store.
using CaseStep = std::function<absl::StatusOr<v1::CaseEvent>(
    v1::Case& c, const StepContext& context)>;

// Thread-safe. All pointers must outlive the runner; `observer` may be null.
class CaseStepRunner {
 public:
  CaseStepRunner(CaseStore* store, const Clock* clock,
                 const CaseClock* case_clock, CaseObserver* observer,
                 std::string default_agency_code);

  // Validates the actor and the number, applies `step` to the case
  // `number` of `agency_code` (empty: the default agency) and returns the
  // case as stored. `expected_version` is the request's (0: no check): the
  // version the caller last saw, compared with the stored case's in the same
  // write transaction as the step (CheckExpectedVersion), so no step lands
  // on a case that changed since. INVALID_ARGUMENT for a missing actor, a
  // malformed number or a negative expected_version, NOT_FOUND for an
  // unknown case, ABORTED "expected_version: ..." when the case is at
  // another version, the step's own error otherwise.
  absl::StatusOr<v1::Case> Run(absl::string_view agency_code,
                               absl::string_view number,
                               absl::string_view actor,
                               int64_t expected_version,
                               const CaseStep& step) const;

  // Run for one step request: a message with agency_code, number and
  // expected_version, applied by the ApplyStep overload for its type
  // (ApplyStep(request, today, calendar, policy, c), as in
  // services/procedure/procedure_steps.h,
  // services/outcomes/conclusion_steps.h and
  // services/proceedings/proceeding_steps.h), which must be declared where
  // this is instantiated.
  template <typename Request>
  absl::StatusOr<v1::Case> RunRequest(const Request& request,
                                      absl::string_view actor) const {
    return RunRequestOn(request, request.number(), actor);
  }

  // RunRequest on the case `number`, for a request that names its case
  // another way (e.g. by a review's or lawsuit's id, "2025-0001-R1").
  template <typename Request>
  absl::StatusOr<v1::Case> RunRequestOn(const Request& request,
                                        absl::string_view number,
                                        absl::string_view actor) const {
    return Run(request.agency_code(), number, actor, request.expected_version(),
               [&request](v1::Case& c, const StepContext& context) {
                 return ApplyStep(request, context.today, *context.calendar,
                                  context.clock->policy(), c);
               });
  }

  // `code`, or the default agency's code when it is empty.
  std::string AgencyOrDefault(absl::string_view code) const;

  CaseStore* store() const { return store_; }
  const Clock* clock() const { return clock_; }
  const CaseClock* case_clock() const { return case_clock_; }

 private:
  CaseStore* const store_;
  const Clock* const clock_;
  const CaseClock* const case_clock_;
  CaseObserver* const observer_;
  const std::string default_agency_code_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_STEP_RUNNER_H_
