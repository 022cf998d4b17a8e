#include "services/alerts/deadline_manager.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "services/alerts/deadline_alerts.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"

namespace ogi {

absl::StatusOr<v1::ListDeadlinesResponse> DeadlineManager::ListDeadlines(
    const v1::ListDeadlinesRequest& request) const {
  if (request.within_working_days() < 0 ||
      request.within_working_days() > kMaxWithin) {
    return absl::InvalidArgumentError(
        absl::StrCat("within_working_days: must be between 0 and ", kMaxWithin,
                     " (0 for the default ", kDefaultWithin, ")"));
  }
  const int within = request.within_working_days() == 0
                         ? kDefaultWithin
                         : request.within_working_days();
  const absl::CivilDay today = TodayInChina(*clock_);
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  OGI_ASSIGN_OR_RETURN(WorkingDayCount horizon,
                       calendar->AddWorkingDays(today, within));
  AttentionQuery query;
  query.agency_code = request.agency_code().empty() ? default_agency_code_
                                                    : request.agency_code();
  query.answer_due_until = horizon.end;
  query.notice_due_from = today;
  query.notice_due_until = horizon.end;
  query.window_end_until = today - 1;
  OGI_ASSIGN_OR_RETURN(std::vector<v1::Case> cases,
                       store_->ListCasesNeedingAttention(query));
  v1::ListDeadlinesResponse response;
  std::vector<v1::DeadlineAlert> alerts;
  for (v1::Case& c : cases) {
    absl::StatusOr<v1::Deadlines> deadlines =
        DeadlinesAsOf(c, today, *calendar, *case_clock_);
    if (!deadlines.ok()) {
      // One unreadable record must not hide every other deadline.
      std::fprintf(stderr, "ogi-server: case %s/%s: deadlines: %s\n",
                   c.agency_code().c_str(), c.number().c_str(),
                   std::string(deadlines.status().message()).c_str());
      continue;
    }
    *c.mutable_deadlines() = *std::move(deadlines);
    for (v1::DeadlineAlert& alert :
         AlertsForCase(c, *calendar, today, within)) {
      alerts.push_back(std::move(alert));
    }
  }
  SortByUrgency(alerts);
  for (v1::DeadlineAlert& alert : alerts)
    *response.add_alerts() = std::move(alert);
  *response.mutable_as_of() = ToProtoDate(today);
  return response;
}

}  // namespace ogi
