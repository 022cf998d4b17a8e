#ifndef OGI_SERVICES_ALERTS_DEADLINE_MANAGER_H_
#define OGI_SERVICES_ALERTS_DEADLINE_MANAGER_H_

// DeadlineService.ListDeadlines without the transport.

#include <string>

#include "absl/status/statusor.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/cases/case_clock.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. All pointers must outlive the manager.
class DeadlineManager {
 public:
  static constexpr int kDefaultWithin = 5;
  static constexpr int kMaxWithin = 60;

  DeadlineManager(CaseStore* store, const Clock* clock,
                  const CaseClock* case_clock, std::string default_agency_code)
      : store_(store),
        clock_(clock),
        case_clock_(case_clock),
        default_agency_code_(std::move(default_agency_code)) {}

  // One page of what needs attention within N working days, most urgent
  // first (paging: services/common/paging.h). INVALID_ARGUMENT for N outside
  // 0..60 or bad paging fields; NOT_FOUND for an unknown agency.
  absl::StatusOr<v1::ListDeadlinesResponse> ListDeadlines(
      const v1::ListDeadlinesRequest& request) const;

 private:
  CaseStore* const store_;
  const Clock* const clock_;
  const CaseClock* const case_clock_;
  const std::string default_agency_code_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_ALERTS_DEADLINE_MANAGER_H_
