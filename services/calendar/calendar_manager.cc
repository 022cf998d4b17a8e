#include "services/calendar/calendar_manager.h"

#include <map>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "services/calendar/calendar_loader.h"
#include "services/common/call_cancellation.h"
#include "services/common/civil_date.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/common/timestamps.h"
#include "services/deadlines/deadline_engine.h"
#include "services/proceedings/proceeding_derived.h"

namespace ogi {
namespace {

std::string LoadedSource(absl::string_view actor, absl::Time at) {
  return absl::StrCat("loaded by ", actor, " at ",
                      absl::FormatTime("%Y-%m-%d %H:%M", at, ChinaTimeZone()));
}

// The stored dates deadline listings select on: only a change to one of these
// needs a write when nothing else changed.
bool SameListingDates(const v1::Deadlines& a, const v1::Deadlines& b) {
  return a.state() == b.state() && a.window_kind() == b.window_kind() &&
         FormatIsoDate(a.answer_due()) == FormatIsoDate(b.answer_due()) &&
         FormatIsoDate(a.correction_notice_due()) ==
             FormatIsoDate(b.correction_notice_due()) &&
         FormatIsoDate(a.window_end()) == FormatIsoDate(b.window_end());
}

bool HasProceedings(const v1::Case& c) {
  return c.reviews_size() + c.lawsuits_size() > 0;
}

absl::Status ValidateYear(int year) {
  if (year < kFirstCalendarYear || year > kLastCalendarYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("year: 须在 ", kFirstCalendarYear, " 至 ",
                     kLastCalendarYear, " 之间，而不是 ", year));
  }
  return absl::OkStatus();
}

// `status` with a leading "<year>." (how WorkingCalendar names an
// arrangement's fields) replaced by "years[i]." of the request that gave that
// year, so that a typed request's errors name its own field paths.
absl::Status InRequestTerms(const absl::Status& status,
                            const std::vector<v1::CalendarYear>& years) {
  const absl::string_view message = status.message();
  for (size_t i = 0; i < years.size(); ++i) {
    const std::string year_prefix = absl::StrCat(years[i].year(), ".");
    if (absl::StartsWith(message, year_prefix)) {
      return absl::Status(
          status.code(),
          absl::StrCat("years[", i, "].", message.substr(year_prefix.size())));
    }
  }
  return status;
}

// The arrangements a LoadCalendarRequest gives: exactly one of `json` (a
// calendar file's text) and `years`, each validated.
absl::StatusOr<std::vector<v1::CalendarYear>> RequestedYears(
    const v1::LoadCalendarRequest& request) {
  const bool has_json = !request.json().empty();
  const bool has_years = !request.years().empty();
  if (has_json && has_years) {
    return absl::InvalidArgumentError(
        "json, years: 只能给出其一（日历文件的文本，或各年的安排）");
  }
  if (!has_json && !has_years) {
    return absl::InvalidArgumentError(
        "json: 不能为空（须给出日历文件的文本，或在 years 中给出各年的安排）");
  }
  if (has_json) {
    absl::StatusOr<std::vector<v1::CalendarYear>> years =
        ParseCalendarJson(request.json());
    if (years.status().code() == absl::StatusCode::kInvalidArgument) {
      return absl::InvalidArgumentError(
          absl::StrCat("json: ", years.status().message()));
    }
    return years;
  }
  FieldViolations violations;
  for (int i = 0; i < request.years_size(); ++i) {
    OGI_RETURN_IF_ERROR(CheckCallAlive());
    violations.AddFrom(ValidateRequestedCalendarYear(
        request.years(i), absl::StrCat("years[", i, "].")));
  }
  OGI_RETURN_IF_ERROR(violations.ToStatus());
  return std::vector<v1::CalendarYear>(request.years().begin(),
                                       request.years().end());
}

}  // namespace

std::vector<std::string> DescribeNotableDays(
    const std::vector<NotableDay>& days) {
  std::vector<std::string> lines;
  for (const NotableRun& run : GroupNotableDays(days)) {
    if (run.first.kind == v1::DAY_KIND_MAKEUP_WORKDAY) {
      lines.push_back(absl::StrCat("计入 ", RunDates(run), " 调休上班日（第",
                                   run.ordinal, "个工作日）"));
    } else if (run.first.statutory_estimate) {
      lines.push_back(absl::StrCat("跳过 ", RunDates(run), " ",
                                   run.first.holiday_name,
                                   "（法定节假日；调休安排尚未公布，暂定）"));
    } else {
      lines.push_back(absl::StrCat(
          "跳过 ", RunDates(run), " ",
          run.first.holiday_name.empty() ? "休息日" : run.first.holiday_name,
          "（放假）"));
    }
  }
  return lines;
}

CalendarManager::CalendarManager(CaseStore* store, const Clock* clock,
                                 CalendarRegistry* registry,
                                 const CaseClock* case_clock,
                                 CaseObserver* observer)
    : store_(store),
      clock_(clock),
      registry_(registry),
      case_clock_(case_clock),
      observer_(observer) {}

absl::Status CalendarManager::Initialize() {
  absl::MutexLock lock(&load_mu_);
  OGI_ASSIGN_OR_RETURN(std::vector<StoredCalendarYear> stored,
                       store_->ListStoredCalendarYears());
  if (!stored.empty()) {
    std::vector<v1::CalendarYear> years;
    for (const StoredCalendarYear& s : stored) years.push_back(s.arrangement);
    OGI_ASSIGN_OR_RETURN(std::shared_ptr<const WorkingCalendar> calendar,
                         registry_->With(years));
    for (const StoredCalendarYear& s : stored) {
      registry_->Install(
          calendar, {s.arrangement.year()},
          LoadedSource(s.loaded_by, FromProtoTimestamp(s.loaded_at)));
    }
  }
  const absl::CivilDay today = TodayInChina(*clock_);
  const std::shared_ptr<const WorkingCalendar> calendar = registry_->Current();
  return store_
      ->StoreCalendarAndUpdateOpenCases(
          {},
          [&](v1::Case& c) -> absl::StatusOr<std::optional<v1::CaseEvent>> {
            OGI_ASSIGN_OR_RETURN(v1::Deadlines now,
                                 case_clock_->Compute(c, today));
            if (!c.has_deadlines() || !SameListingDates(c.deadlines(), now)) {
              *c.mutable_deadlines() = std::move(now);
            }
            // The defence and decision dates alerts are raised on.
            if (HasProceedings(c)) {
              OGI_RETURN_IF_ERROR(RefreshProceedings(c, today, *calendar));
            }
            return std::nullopt;
          })
      .status();
}

absl::StatusOr<v1::GetCalendarYearResponse> CalendarManager::GetCalendarYear(
    const v1::GetCalendarYearRequest& request) const {
  OGI_RETURN_IF_ERROR(ValidateYear(request.year()));
  const int year = request.year();
  const std::shared_ptr<const WorkingCalendar> calendar = registry_->Current();
  v1::GetCalendarYearResponse response;
  if (const v1::CalendarYear* arrangement = calendar->FindYear(year)) {
    response.set_loaded(true);
    response.set_source(registry_->SourceOf(year));
    *response.mutable_arrangement() = *arrangement;
    for (const std::string& notice : arrangement->notices()) {
      response.add_display_notices(DisplayNotice(notice));
    }
  }
  response.set_provisional(!calendar->IsYearComplete(year));
  for (Festival festival : calendar->MissingFestivals(year)) {
    response.add_missing_holidays(FestivalName(festival));
  }
  for (const StatutoryHoliday& holiday : calendar->EstimatedHolidays(year)) {
    v1::Holiday* out = response.add_statutory_holidays();
    out->set_name(FestivalName(holiday.festival));
    *out->mutable_first_day() = ToProtoDate(holiday.first);
    *out->mutable_last_day() = ToProtoDate(holiday.last);
    out->set_days(holiday.days());
  }
  for (absl::CivilDay day(year, 1, 1); day.year() == year; ++day) {
    const DayInfo info = calendar->Classify(day);
    v1::CalendarDay* out = response.add_days();
    *out->mutable_date() = ToProtoDate(day);
    out->set_kind(info.kind);
    out->set_holiday_name(info.holiday_name);
    out->set_statutory_estimate(info.statutory_estimate);
  }
  return response;
}

absl::StatusOr<v1::LoadCalendarResponse> CalendarManager::LoadCalendar(
    const v1::LoadCalendarRequest& request, absl::string_view actor) {
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  OGI_ASSIGN_OR_RETURN(const std::vector<v1::CalendarYear> years,
                       RequestedYears(request));
  absl::MutexLock lock(&load_mu_);
  absl::StatusOr<std::shared_ptr<const WorkingCalendar>> merged =
      registry_->With(years);
  if (!merged.ok()) {
    // Conflicts between years: named as the request names them.
    return request.json().empty() ? InRequestTerms(merged.status(), years)
                                  : merged.status();
  }
  const std::shared_ptr<const WorkingCalendar> next = *std::move(merged);
  const absl::Time now = clock_->Now();
  const absl::CivilDay today = absl::ToCivilDay(now, ChinaTimeZone());

  std::vector<std::string> what;
  std::vector<StoredCalendarYear> stored;
  std::vector<int> year_numbers;
  for (const v1::CalendarYear& year : years) {
    std::vector<std::string> notices;
    for (const std::string& notice : year.notices()) {
      notices.push_back(DisplayNotice(notice));
    }
    std::vector<std::string> missing;
    for (Festival festival : next->MissingFestivals(year.year())) {
      missing.push_back(FestivalName(festival));
    }
    what.push_back(absl::StrCat(
        year.year(), "年（", absl::StrJoin(notices, "；"),
        missing.empty() ? ""
                        : absl::StrCat("；未含", absl::StrJoin(missing, "、"),
                                       "，仍为暂定"),
        "）"));
    stored.push_back({year, ToProtoTimestamp(now), std::string(actor)});
    year_numbers.push_back(year.year());
  }
  const std::string reason =
      absl::StrCat("加载节假日安排：", absl::StrJoin(what, "，"));

  v1::LoadCalendarResponse response;
  for (int year : year_numbers) {
    response.add_years(year);
    const std::vector<Festival> missing = next->MissingFestivals(year);
    if (missing.empty()) continue;
    v1::IncompleteCalendarYear* incomplete = response.add_incomplete_years();
    incomplete->set_year(year);
    for (Festival festival : missing) {
      incomplete->add_missing_holidays(FestivalName(festival));
    }
  }
  const std::shared_ptr<const WorkingCalendar> current = registry_->Current();
  OGI_ASSIGN_OR_RETURN(
      std::vector<v1::Case> written,
      store_->StoreCalendarAndUpdateOpenCases(
          stored,
          [&](v1::Case& c) -> absl::StatusOr<std::optional<v1::CaseEvent>> {
            // Thousands of open cases: stop (and roll back) once the caller
            // has gone or its deadline has passed.
            OGI_RETURN_IF_ERROR(CheckCallAlive());
            OGI_ASSIGN_OR_RETURN(v1::Deadlines before,
                                 case_clock_->Compute(c, today));
            OGI_ASSIGN_OR_RETURN(v1::Deadlines after,
                                 case_clock_->Compute(c, today, *next));
            std::vector<v1::FieldChange> changes =
                DiffDeadlineDates(before, after);
            // Reviews and lawsuits: their defence and decision dates on
            // either calendar.
            if (HasProceedings(c)) {
              v1::Case on_current = c;
              OGI_RETURN_IF_ERROR(
                  RefreshProceedings(on_current, today, *current));
              OGI_RETURN_IF_ERROR(RefreshProceedings(c, today, *next));
              for (v1::FieldChange& change :
                   DiffDerivedProceedingFields(on_current, c)) {
                changes.push_back(std::move(change));
              }
            }
            const bool listing_changed =
                !c.has_deadlines() || !SameListingDates(c.deadlines(), after);
            if (changes.empty()) {
              if (listing_changed) *c.mutable_deadlines() = after;
              return std::nullopt;
            }
            v1::RecomputedCase* moved = response.add_changed_cases();
            moved->set_agency_code(c.agency_code());
            moved->set_number(c.number());
            *moved->mutable_old_answer_due() = before.answer_due();
            *moved->mutable_new_answer_due() = after.answer_due();
            *c.mutable_deadlines() = std::move(after);
            v1::CaseEvent event;
            event.set_type(v1::CASE_EVENT_TYPE_DEADLINES_RECOMPUTED);
            *event.mutable_recorded_at() = ToProtoTimestamp(now);
            event.set_actor(std::string(actor));
            event.set_reason(reason);
            for (v1::FieldChange& change : changes) {
              *event.add_changes() = std::move(change);
            }
            return event;
          }));
  registry_->Install(next, year_numbers, LoadedSource(actor, now));
  if (observer_ != nullptr) {
    for (const v1::Case& c : written) observer_->OnCaseChanged(c);
  }
  return response;
}

absl::StatusOr<v1::AddWorkingDaysResponse> CalendarManager::AddWorkingDays(
    const v1::AddWorkingDaysRequest& request) const {
  if (!request.has_start()) {
    return absl::InvalidArgumentError("start: 必须填写");
  }
  OGI_ASSIGN_OR_RETURN(absl::CivilDay start,
                       ToCivilDay(request.start(), "start"));
  if (request.days() < 0 || request.days() > WorkingCalendar::kMaxPeriodDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("days: 须在 0 至 ", WorkingCalendar::kMaxPeriodDays,
                     " 之间，而不是 ", request.days()));
  }
  OGI_ASSIGN_OR_RETURN(
      WorkingDayCount count,
      registry_->Current()->AddWorkingDays(start, request.days()));
  v1::AddWorkingDaysResponse response;
  *response.mutable_end() = ToProtoDate(count.end);
  response.set_provisional(count.provisional);
  for (int year : count.provisional_years) response.add_provisional_years(year);
  for (std::string& line : DescribeNotableDays(count.notable_days)) {
    response.add_explanation(std::move(line));
  }
  return response;
}

}  // namespace ogi
