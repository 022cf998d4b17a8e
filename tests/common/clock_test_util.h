#ifndef OGI_TESTS_COMMON_CLOCK_TEST_UTIL_H_
#define OGI_TESTS_COMMON_CLOCK_TEST_UTIL_H_

// Helpers shared by the tests of the statutory clock: instants in Beijing,
// a case observer that remembers, and history changes as comparable pairs.

#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/cases/case_observer.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"

namespace ogi::testing {

// `hour`:00 on `day` in China Standard Time.
inline absl::Time BeijingAt(absl::CivilDay day, int hour) {
  return absl::FromCivil(
      absl::CivilSecond(day.year(), day.month(), day.day(), hour, 0, 0),
      ChinaTimeZone());
}

// Remembers every case it is told about. Thread-safe.
class RecordingObserver final : public CaseObserver {
 public:
  void OnCaseChanged(const v1::Case& c) override {
    absl::MutexLock lock(&mu_);
    seen_.push_back(c);
  }
  // What was seen since the last call.
  std::vector<v1::Case> Take() {
    absl::MutexLock lock(&mu_);
    return std::move(seen_);
  }

 private:
  absl::Mutex mu_;
  std::vector<v1::Case> seen_ ABSL_GUARDED_BY(mu_);
};

// An event's changes as (field, "old→new") pairs.
using ChangePairs = std::vector<std::pair<std::string, std::string>>;
inline ChangePairs Changes(const v1::CaseEvent& event) {
  ChangePairs changes;
  for (const v1::FieldChange& change : event.changes()) {
    changes.emplace_back(change.field(),
                         change.old_value() + "→" + change.new_value());
  }
  return changes;
}

// "KIND agency/number due left[/threshold]", for comparing alert sequences.
inline std::string DescribeAlert(const v1::DeadlineAlert& a) {
  return absl::StrCat(
      v1::AlertKind_Name(a.kind()), " ", a.agency_code(), "/", a.number(), " ",
      FormatIsoDate(a.due()), " ", a.working_days_left(),
      a.threshold() > 0 ? absl::StrCat("/", a.threshold()) : "");
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_COMMON_CLOCK_TEST_UTIL_H_
