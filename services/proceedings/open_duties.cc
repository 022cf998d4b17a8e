#include "services/proceedings/open_duties.h"

#include <algorithm>
#include <utility>

#include "services/common/civil_date.h"

namespace ogi {
namespace {

// Adds a duty due on `date` unless the date is not a calendar date.
void AddDuty(std::vector<OpenDuty>& duties, v1::AlertKind kind,
             const std::string& reference, const std::string& party,
             const v1::Date& date, bool provisional, int re_answer_id = 0) {
  absl::StatusOr<absl::CivilDay> due = ToCivilDay(date, "due");
  if (!due.ok()) return;
  OpenDuty& duty = duties.emplace_back();
  duty.kind = kind;
  duty.reference = reference;
  duty.party = party;
  duty.re_answer_id = re_answer_id;
  duty.due = *due;
  duty.provisional = provisional;
}

}  // namespace

bool IsOwnDuty(v1::AlertKind kind) {
  return kind == v1::ALERT_KIND_REVIEW_DEFENCE_DUE ||
         kind == v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE ||
         kind == v1::ALERT_KIND_REANSWER_DUE;
}

std::vector<OpenDuty> OpenDuties(const v1::Case& c) {
  std::vector<OpenDuty> duties;
  for (const v1::Review& r : c.reviews()) {
    if (r.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) continue;
    if (r.has_defence_due() && !r.has_defence_filed()) {
      AddDuty(duties, v1::ALERT_KIND_REVIEW_DEFENCE_DUE, r.id(), r.organ(),
              r.defence_due(), r.dates_provisional());
    }
    if (r.has_decision_expected()) {
      AddDuty(duties, v1::ALERT_KIND_REVIEW_DECISION_EXPECTED, r.id(),
              r.organ(), r.decision_expected(), r.dates_provisional());
    }
  }
  for (const v1::Lawsuit& l : c.lawsuits()) {
    if (l.first_instance().decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
      continue;
    }
    if (l.has_defence_due() && !l.has_defence_filed()) {
      AddDuty(duties, v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE, l.id(), l.court(),
              l.defence_due(), l.dates_provisional());
    }
    if (l.has_judgment_expected()) {
      AddDuty(duties, v1::ALERT_KIND_JUDGMENT_EXPECTED, l.id(), l.court(),
              l.judgment_expected(), l.dates_provisional());
    }
  }
  for (const v1::ReAnswer& a : c.re_answers()) {
    if (a.has_served() || !a.has_due()) continue;
    AddDuty(duties, v1::ALERT_KIND_REANSWER_DUE, a.ordered_by(), "", a.due(),
            false, a.id());
  }
  return duties;
}

std::optional<absl::CivilDay> EarliestOpenDuty(const v1::Case& c) {
  std::optional<absl::CivilDay> earliest;
  for (const OpenDuty& duty : OpenDuties(c)) {
    if (!earliest || duty.due < *earliest) earliest = duty.due;
  }
  return earliest;
}

}  // namespace ogi
