#ifndef OGI_SERVICES_CALENDAR_CALENDAR_MANAGER_H_
#define OGI_SERVICES_CALENDAR_CALENDAR_MANAGER_H_

// The CalendarService operations without the transport, and the start-up
// step that puts the stored arrangements in force.

#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "ogi/v1/calendar_service.pb.h"
#include "services/calendar/calendar_registry.h"
#include "services/calendar/working_calendar.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. All pointers must outlive the manager; `observer` may be null.
class CalendarManager {
 public:
  CalendarManager(CaseStore* store, const Clock* clock,
                  CalendarRegistry* registry, const CaseClock* case_clock,
                  CaseObserver* observer);

  // Puts the arrangements stored by earlier loads in force and refreshes the
  // derived deadline columns of open cases that are stale (e.g. after a
  // schema upgrade). Call once at start-up, before serving.
  absl::Status Initialize();

  // The year's arrangement, whether it is provisional (and which festivals a
  // loaded arrangement leaves out), the statutory holidays computed for it,
  // and every date's kind. INVALID_ARGUMENT for a year outside
  // kFirstCalendarYear..kLastCalendarYear (1901..9998).
  absl::StatusOr<v1::GetCalendarYearResponse> GetCalendarYear(
      const v1::GetCalendarYearRequest& request) const;

  // Validates and stores the years, recomputes every open case in the same
  // transaction and records a DEADLINES_RECOMPUTED event on each case whose
  // dates change. A year that leaves statutory festivals out is stored too,
  // but stays provisional: the response lists it in incomplete_years.
  // The years come from exactly one of request.json (a calendar file's text,
  // ParseCalendarJson; errors "json: …") and request.years (each checked by
  // ValidateRequestedCalendarYear; every bad year reported, "years[i]. …").
  // INVALID_ARGUMENT for both or neither, a bad file or year, years that
  // disagree, or a missing actor; CANCELLED or DEADLINE_EXCEEDED
  // (CheckCallAlive) when the call ends first, with nothing stored.
  absl::StatusOr<v1::LoadCalendarResponse> LoadCalendar(
      const v1::LoadCalendarRequest& request, absl::string_view actor);

  // INVALID_ARGUMENT for a bad date, a start outside the calendar's range
  // (FirstCalendarDay()..LastCalendarDay()), days outside 0..3660, or an end
  // that would fall after LastCalendarDay().
  absl::StatusOr<v1::AddWorkingDaysResponse> AddWorkingDays(
      const v1::AddWorkingDaysRequest& request) const;

 private:
  CaseStore* const store_;
  const Clock* const clock_;
  CalendarRegistry* const registry_;
  const CaseClock* const case_clock_;
  CaseObserver* const observer_;
  absl::Mutex load_mu_;  // one load at a time
};

// One Chinese line per notable day of a count, consecutive holiday days
// joined into one range: "跳过 2025-10-01至2025-10-08 国庆节、中秋节（放假）",
// "计入 2025-09-28 调休上班日（第1个工作日）", and for a statutory holiday
// computed for a provisional year "跳过 2027-01-01 元旦（法定节假日；调休安排
// 尚未公布，暂定）".
std::vector<std::string> DescribeNotableDays(
    const std::vector<NotableDay>& days);

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_CALENDAR_MANAGER_H_
