#include "services/alerts/alert_hub.h"

#include <algorithm>
#include <cstdio>

#include "services/cases/case_validation.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"

namespace ogi {

AlertHub::AlertHub(CaseStore* store, const Clock* clock,
                   const CaseClock* case_clock, std::vector<int> thresholds)
    : store_(store), clock_(clock), case_clock_(case_clock), thresholds_([&] {
        std::sort(thresholds.begin(), thresholds.end(), std::greater<int>());
        thresholds.erase(std::unique(thresholds.begin(), thresholds.end()),
                         thresholds.end());
        return thresholds;
      }()) {}

AlertHub::~AlertHub() { Shutdown(); }

absl::StatusOr<std::vector<v1::Case>> AlertHub::CasesThatMayCross(
    absl::CivilDay from, absl::CivilDay today,
    const WorkingCalendar& calendar) const {
  // A rank grows when the answer comes within the largest threshold (or is
  // due, or late), when the 补正 notice duty falls due or lapses, or when an
  // applicant window lapses. Cases whose dates were already past on `from`
  // reached their top rank then. A duty after the answer ranks the same way
  // (an expected decision: once past), but the store keeps only a case's
  // earliest open duty, which may have passed long ago while a later one
  // crosses now: every case with an open duty up to the horizon is read.
  OGI_ASSIGN_OR_RETURN(
      WorkingDayCount horizon,
      calendar.AddWorkingDays(today, thresholds_.empty() ? 0 : thresholds_[0]));
  AttentionQuery query;
  query.answer_due_from = from;
  query.answer_due_until = horizon.end;
  query.notice_due_from = from;
  query.notice_due_until = today;
  query.window_end_from = from - 1;
  query.window_end_until = today - 1;
  query.duty_due_until = horizon.end;
  // An application awaiting receipt confirmation has no stored date to
  // select it by (its confirmation date follows the server's policy); such
  // cases are few and all are read.
  query.pending_confirmation = true;
  return store_->ListCasesNeedingAttention(query);
}

absl::Status AlertHub::Start() {
  const absl::CivilDay today = TodayInChina(*clock_);
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  // Everything that has a rank today, however long ago it was reached.
  OGI_ASSIGN_OR_RETURN(
      std::vector<v1::Case> open,
      CasesThatMayCross(EarliestAcceptedDate(), today, *calendar));
  {
    absl::MutexLock lock(&mu_);
    for (v1::Case& c : open) {
      Track(std::move(c), today, *calendar);  // silently: nobody watches yet
    }
    evaluated_day_ = today;
  }
  timer_ = std::thread([this] { TimerLoop(); });
  return absl::OkStatus();
}

void AlertHub::Shutdown() {
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) return;
    stopping_ = true;
    for (auto& [id, entry] : sinks_) entry.second->Close();
    sinks_.clear();
  }
  if (timer_.joinable()) timer_.join();
}

int64_t AlertHub::Subscribe(std::string agency_code, AlertSink* sink) {
  absl::MutexLock lock(&mu_);
  const int64_t id = next_sink_id_++;
  if (stopping_) {
    sink->Close();
    return id;
  }
  sinks_[id] = {std::move(agency_code), sink};
  return id;
}

void AlertHub::Unsubscribe(int64_t id) {
  absl::MutexLock lock(&mu_);
  sinks_.erase(id);
}

std::vector<v1::DeadlineAlert> AlertHub::Track(
    v1::Case c, absl::CivilDay today, const WorkingCalendar& calendar) {
  Tracked& tracked = tracked_[{c.agency_code(), c.number()}];
  if (c.version() < tracked.version) return {};
  absl::StatusOr<v1::Deadlines> deadlines =
      DeadlinesAsOf(c, today, calendar, *case_clock_);
  if (!deadlines.ok()) {
    std::fprintf(stderr, "ogi-server: case %s/%s: deadlines: %s\n",
                 c.agency_code().c_str(), c.number().c_str(),
                 std::string(deadlines.status().message()).c_str());
    return {};
  }
  *c.mutable_deadlines() = *std::move(deadlines);
  const AlertRanks after = RanksOf(c, calendar, today, thresholds_);
  std::vector<v1::DeadlineAlert> alerts =
      Crossings(c, calendar, today, thresholds_, tracked.ranks, after);
  tracked.ranks = after;
  tracked.version = c.version();
  return alerts;
}

void AlertHub::Publish(const std::vector<v1::DeadlineAlert>& alerts) {
  const google::protobuf::Timestamp now = ToProtoTimestamp(clock_->Now());
  for (v1::DeadlineAlert alert : alerts) {
    *alert.mutable_raised_at() = now;
    for (auto& [id, entry] : sinks_) {
      if (entry.first.empty() || entry.first == alert.agency_code()) {
        entry.second->Push(alert);
      }
    }
  }
}

void AlertHub::OnCaseChanged(const v1::Case& c) {
  const absl::CivilDay today = TodayInChina(*clock_);
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  absl::MutexLock lock(&mu_);
  if (stopping_) return;
  if (c.deadlines().state() == v1::CLOCK_STATE_STOPPED &&
      OpenDuties(c).empty()) {
    tracked_.erase({c.agency_code(), c.number()});
    return;
  }
  Publish(Track(c, today, *calendar));
}

absl::StatusOr<int> AlertHub::CheckDayRollover() {
  const absl::CivilDay today = TodayInChina(*clock_);
  absl::CivilDay from;
  {
    absl::MutexLock lock(&mu_);
    if (today == evaluated_day_ || stopping_) return 0;
    from = std::min(evaluated_day_, today);
  }
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  OGI_ASSIGN_OR_RETURN(std::vector<v1::Case> cases,
                       CasesThatMayCross(from, today, *calendar));
  int raised = 0;
  absl::MutexLock lock(&mu_);
  if (today == evaluated_day_ || stopping_) return 0;
  for (v1::Case& c : cases) {
    // A case written since it was read has been judged on its newer record
    // already; judge that one for the new day, not the stale copy.
    auto it = tracked_.find({c.agency_code(), c.number()});
    if (it != tracked_.end() && it->second.version > c.version()) {
      absl::StatusOr<v1::Case> fresh =
          store_->GetCase(c.agency_code(), c.number());
      if (!fresh.ok()) continue;
      c = *std::move(fresh);
    }
    const std::vector<v1::DeadlineAlert> alerts =
        Track(std::move(c), today, *calendar);
    raised += static_cast<int>(alerts.size());
    Publish(alerts);
  }
  evaluated_day_ = today;
  return raised;
}

void AlertHub::TimerLoop() {
  while (true) {
    const absl::Time now = clock_->Now();
    const absl::CivilDay today = absl::ToCivilDay(now, ChinaTimeZone());
    const absl::Time midnight =
        absl::FromCivil(absl::CivilSecond(today + 1), ChinaTimeZone());
    // Wake at midnight, and at least every minute so that a clock that jumps
    // (a corrected system clock) is noticed soon.
    const absl::Duration wait =
        std::min(midnight - now + absl::Seconds(1), absl::Minutes(1));
    {
      absl::MutexLock lock(&mu_);
      if (mu_.AwaitWithTimeout(absl::Condition(&stopping_), wait)) return;
    }
    CheckDayRollover().IgnoreError();
  }
}

}  // namespace ogi
