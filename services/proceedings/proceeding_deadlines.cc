#include "services/proceedings/proceeding_deadlines.h"

#include <algorithm>

#include "services/common/civil_date.h"
#include "services/common/status_macros.h"

namespace ogi {
namespace {

ProceedingDue FromPeriod(const CalendarDayPeriod& period) {
  return {period.end, period.provisional, period.provisional_years};
}

// `days` calendar days after `start`, moved past a day off.
absl::StatusOr<ProceedingDue> CalendarDaysAfter(
    absl::CivilDay start, int days, const WorkingCalendar& calendar) {
  OGI_ASSIGN_OR_RETURN(const CalendarDayPeriod period,
                       calendar.AddCalendarDays(start, days));
  return FromPeriod(period);
}

// The day `months` months after `start` (民法典 Art. 202: the corresponding
// day of the last month, or its last day when it has none), moved past a
// day off (Art. 203).
absl::StatusOr<ProceedingDue> MonthsAfter(absl::CivilDay start, int months,
                                          const WorkingCalendar& calendar) {
  const absl::CivilMonth month = absl::CivilMonth(start) + months;
  const int last_day =
      static_cast<int>(absl::CivilDay(month + 1) - absl::CivilDay(month));
  const absl::CivilDay nominal_end(month.year(), month.month(),
                                   std::min(start.day(), last_day));
  // A zero-day period from the nominal end is exactly "moved past a day off".
  return CalendarDaysAfter(nominal_end, 0, calendar);
}

bool IsSimplified(v1::ReviewProcedure procedure) {
  return procedure == v1::REVIEW_PROCEDURE_SIMPLIFIED;
}

}  // namespace

absl::StatusOr<ProceedingDue> ReviewDefenceDue(
    absl::CivilDay copy_received, v1::ReviewProcedure procedure,
    const WorkingCalendar& calendar) {
  OGI_ASSIGN_OR_RETURN(
      const WorkingDayCount count,
      calendar.AddWorkingDays(copy_received,
                              IsSimplified(procedure)
                                  ? kSimplifiedReviewDefenceWorkingDays
                                  : kReviewDefenceWorkingDays));
  return ProceedingDue{count.end, count.provisional, count.provisional_years};
}

absl::StatusOr<ProceedingDue> ReviewDecisionExpected(
    absl::CivilDay accepted, v1::ReviewProcedure procedure, bool extended,
    const WorkingCalendar& calendar) {
  int days = kSimplifiedReviewDecisionDays;
  if (!IsSimplified(procedure)) {
    days = kReviewDecisionDays + (extended ? kReviewDecisionExtensionDays : 0);
  }
  return CalendarDaysAfter(accepted, days, calendar);
}

absl::StatusOr<ProceedingDue> ReviewAcceptedOrDeemed(
    const v1::Review& review, const WorkingCalendar& calendar) {
  if (review.has_accepted() && !IsUnset(review.accepted())) {
    OGI_ASSIGN_OR_RETURN(const absl::CivilDay accepted,
                         ToCivilDay(review.accepted(), "review.accepted"));
    return ProceedingDue{accepted, false, {}};
  }
  if (!review.has_filed() || IsUnset(review.filed())) {
    return absl::InvalidArgumentError("review.filed: 必须填写");
  }
  OGI_ASSIGN_OR_RETURN(const absl::CivilDay filed,
                       ToCivilDay(review.filed(), "review.filed"));
  OGI_ASSIGN_OR_RETURN(
      const WorkingDayCount count,
      calendar.AddWorkingDays(filed, kReviewAcceptanceWorkingDays));
  return ProceedingDue{count.end, count.provisional, count.provisional_years};
}

absl::StatusOr<ProceedingDue> SuitAfterReviewPossibleFrom(
    const v1::Review& review, const WorkingCalendar& calendar) {
  if (review.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED &&
      review.has_decided() && !IsUnset(review.decided())) {
    OGI_ASSIGN_OR_RETURN(const absl::CivilDay decided,
                         ToCivilDay(review.decided(), "review.decided"));
    return ProceedingDue{decided, false, {}};
  }
  OGI_ASSIGN_OR_RETURN(const ProceedingDue accepted,
                       ReviewAcceptedOrDeemed(review, calendar));
  OGI_ASSIGN_OR_RETURN(
      ProceedingDue expected,
      ReviewDecisionExpected(accepted.date, review.procedure(),
                             review.decision_period_extended(), calendar));
  expected.date += 1;
  expected.provisional = expected.provisional || accepted.provisional;
  expected.provisional_years.insert(expected.provisional_years.end(),
                                    accepted.provisional_years.begin(),
                                    accepted.provisional_years.end());
  std::sort(expected.provisional_years.begin(),
            expected.provisional_years.end());
  expected.provisional_years.erase(
      std::unique(expected.provisional_years.begin(),
                  expected.provisional_years.end()),
      expected.provisional_years.end());
  return expected;
}

absl::StatusOr<ProceedingDue> LawsuitDefenceDue(
    absl::CivilDay complaint_received, const WorkingCalendar& calendar) {
  return CalendarDaysAfter(complaint_received, kLawsuitDefenceDays, calendar);
}

absl::StatusOr<ProceedingDue> JudgmentExpected(
    absl::CivilDay filed, bool simplified, const WorkingCalendar& calendar) {
  if (simplified) {
    return CalendarDaysAfter(filed, kSimplifiedFirstInstanceDays, calendar);
  }
  return MonthsAfter(filed, kFirstInstanceMonths, calendar);
}

}  // namespace ogi
