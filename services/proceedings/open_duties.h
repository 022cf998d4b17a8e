#ifndef OGI_SERVICES_PROCEEDINGS_OPEN_DUTIES_H_
#define OGI_SERVICES_PROCEEDINGS_OPEN_DUTIES_H_

// What a case still asks of the agency after its answer, or what the agency
// waits for: the defence of a review or lawsuit not yet filed, the decision
// or judgment expected from the organ or court, and a re-answer ordered but
// not yet served. Read from the record's derived proceeding dates
// (proceeding_derived.h) and re-answers. Deadline listings and the alert
// stream raise alerts on them; the store keeps the earliest as a column so
// that a listing finds such cases without reading every record. Pure
// functions; thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline_service.pb.h"

namespace ogi {

struct OpenDuty {
  // ALERT_KIND_REVIEW_DEFENCE_DUE, ALERT_KIND_LAWSUIT_DEFENCE_DUE,
  // ALERT_KIND_REANSWER_DUE (the agency's own duties), or
  // ALERT_KIND_REVIEW_DECISION_EXPECTED, ALERT_KIND_JUDGMENT_EXPECTED (the
  // organ's or court's date, which the agency follows up).
  v1::AlertKind kind = v1::ALERT_KIND_UNSPECIFIED;
  // The review or lawsuit id; for a re-answer, the id of the review or
  // lawsuit whose decision ordered it.
  std::string reference;
  // The review organ or court ("" for a re-answer).
  std::string party;
  int re_answer_id = 0;  // for ALERT_KIND_REANSWER_DUE
  absl::CivilDay due;
  bool provisional = false;
};

// Whether `kind` is a duty of the agency itself (a defence, a re-answer)
// rather than a date the organ or court is expected to meet.
bool IsOwnDuty(v1::AlertKind kind);

// The open duties of `c`, in record order (reviews, lawsuits, re-answers):
//  - each undecided review: its defence (while defence_due is set and no
//    defence is filed) and its expected decision (while decision_expected is
//    set);
//  - each lawsuit without a first-instance judgment: its defence (while
//    defence_due is set and no defence is filed; a co-defendant review organ
//    files one too) and the expected judgment (while judgment_expected is
//    set);
//  - each re-answer not yet served whose due date is set.
// A date that is not a calendar date (never so for a record written through
// the services) is skipped.
std::vector<OpenDuty> OpenDuties(const v1::Case& c);

// The earliest due date of OpenDuties(c); nullopt when there is none.
std::optional<absl::CivilDay> EarliestOpenDuty(const v1::Case& c);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_OPEN_DUTIES_H_
