#ifndef OGI_SERVICES_ALERTS_ALERT_HUB_H_
#define OGI_SERVICES_ALERTS_ALERT_HUB_H_

// Tracks the alert ranks of every open case, and of every case with an open
// duty after its answer (OpenDuties), and pushes an alert to the watchers the
// moment a case crosses a threshold: when a case changes (OnCaseChanged) and
// when the day in Asia/Shanghai rolls over (CheckDayRollover, called by a
// timer thread and whenever the clock is moved).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/alerts/deadline_alerts.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// Where a watcher's alerts go. Implementations must not block and must not
// call back into the hub.
class AlertSink {
 public:
  virtual ~AlertSink() = default;
  virtual void Push(const v1::DeadlineAlert& alert) = 0;
  // The hub is shutting down: end the stream.
  virtual void Close() = 0;
};

// Thread-safe. All pointers must outlive the hub.
class AlertHub final : public CaseObserver {
 public:
  // `thresholds`: working days before the due date that raise an alert,
  // e.g. {5, 3, 1}; REQUIRES: positive.
  AlertHub(CaseStore* store, const Clock* clock, const CaseClock* case_clock,
           std::vector<int> thresholds);
  ~AlertHub() override;

  // Records the current ranks of the open cases without alerting (what is
  // already late was late before anyone watched; ListDeadlines shows it).
  // Then starts the timer thread that checks the day at each midnight.
  absl::Status Start();

  // Closes every watcher's stream and stops the timer. Idempotent.
  void Shutdown();

  // Registers a watcher for one agency ("" for all). Returns its id.
  int64_t Subscribe(std::string agency_code, AlertSink* sink);
  // After it returns, `sink` receives nothing more.
  void Unsubscribe(int64_t id);

  // CaseObserver: compares the case's ranks with those recorded and alerts on
  // each that grew.
  void OnCaseChanged(const v1::Case& c) override;

  // If the day in Asia/Shanghai is not the one last evaluated, re-evaluates
  // every open case for the new day and alerts on each rank that grew.
  // Returns the number of alerts raised.
  absl::StatusOr<int> CheckDayRollover();

  const std::vector<int>& thresholds() const { return thresholds_; }

 private:
  using CaseKey = std::pair<std::string, std::string>;  // agency, number
  struct Tracked {
    AlertRanks ranks;
    int32_t version = 0;  // of the record the ranks were judged on
  };

  // Brings the deadlines of `c` to `today`, updates its ranks and returns the
  // alerts for the ranks that grew. A record older than the one already
  // judged is ignored; one whose deadlines cannot be computed is logged and
  // skipped, so that it never silences the others.
  std::vector<v1::DeadlineAlert> Track(v1::Case c, absl::CivilDay today,
                                       const WorkingCalendar& calendar)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The open cases whose ranks can grow between `from` and `today`.
  absl::StatusOr<std::vector<v1::Case>> CasesThatMayCross(
      absl::CivilDay from, absl::CivilDay today,
      const WorkingCalendar& calendar) const;
  void Publish(const std::vector<v1::DeadlineAlert>& alerts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void TimerLoop();

  CaseStore* const store_;
  const Clock* const clock_;
  const CaseClock* const case_clock_;
  const std::vector<int> thresholds_;

  absl::Mutex mu_;
  std::map<CaseKey, Tracked> tracked_ ABSL_GUARDED_BY(mu_);
  absl::CivilDay evaluated_day_ ABSL_GUARDED_BY(mu_);
  std::map<int64_t, std::pair<std::string, AlertSink*>> sinks_
      ABSL_GUARDED_BY(mu_);
  int64_t next_sink_id_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread timer_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_ALERTS_ALERT_HUB_H_
