#include "services/alerts/deadline_manager.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "services/alerts/deadline_alerts.h"
#include "services/common/call_cancellation.h"
#include "services/common/civil_date.h"
#include "services/common/paging.h"
#include "services/common/status_macros.h"

namespace ogi {

absl::StatusOr<v1::ListDeadlinesResponse> DeadlineManager::ListDeadlines(
    const v1::ListDeadlinesRequest& request) const {
  if (request.within_working_days() < 0 ||
      request.within_working_days() > kMaxWithin) {
    return absl::InvalidArgumentError(
        absl::StrCat("within_working_days: 须在 0 至 ", kMaxWithin,
                     " 之间（0 表示默认的 ", kDefaultWithin, " 个工作日）"));
  }
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListDeadlines"));
  const int within = request.within_working_days() == 0
                         ? kDefaultWithin
                         : request.within_working_days();
  const absl::CivilDay today = TodayInChina(*clock_);
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  OGI_ASSIGN_OR_RETURN(
      const AttentionQuery query,
      ListingQuery(*calendar, today, within,
                   request.agency_code().empty() ? default_agency_code_
                                                 : request.agency_code()));
  // Summaries rather than records, streamed into the listing: parsing every
  // record would cost more than everything else together.
  DeadlineListing listing(*calendar, *case_clock_, today, within);
  OGI_RETURN_IF_ERROR(
      store_->ForEachDeadlineSummary(query, [&](CaseDeadlineSummary& c) {
        // Over every open case: stop when the call is no longer wanted.
        OGI_RETURN_IF_ERROR(CheckCallAlive());
        if (absl::Status added = listing.Add(std::move(c)); !added.ok()) {
          // One unreadable record must not hide every other deadline. (A
          // failed Add leaves `c` as it was.)
          std::fprintf(stderr, "ogi-server: case %s/%s: deadlines: %s\n",
                       c.agency_code.c_str(), c.number.c_str(),
                       std::string(added.message()).c_str());
        }
        return absl::OkStatus();
      }));
  // The whole listing is selected and sorted, then the messages of one page
  // written, by offset in its order (most urgent first; ties in creation
  // order). The listing is computed anew for each page: a case that changes
  // between two pages, or a new day (as_of), may move entries across the
  // page boundary, so that one is repeated or skipped (AIP-158 allows it);
  // as_of tells which day each page was computed for.
  return listing.TakePage(page);
}

}  // namespace ogi
