#ifndef OGI_SERVICES_CASES_CASE_OBSERVER_H_
#define OGI_SERVICES_CASES_CASE_OBSERVER_H_

// Told about every case change after it is durably committed (e.g. the alert
// hub, which pushes threshold crossings to watchers).

#include "ogi/v1/case.pb.h"

namespace ogi {

// Implementations must be thread-safe and must not block: they are called on
// request threads.
class CaseObserver {
 public:
  virtual ~CaseObserver() = default;
  // `c` as stored, with its deadlines computed for today.
  virtual void OnCaseChanged(const v1::Case& c) = 0;
};

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_OBSERVER_H_
