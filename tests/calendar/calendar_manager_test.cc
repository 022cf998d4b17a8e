#include "services/calendar/calendar_manager.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/calendar/calendar_loader.h"
#include "services/cases/case_manager.h"
#include "services/common/call_cancellation.h"
#include "services/common/civil_date.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "services/proceedings/proceeding_derived.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/store_test_util.h"

// Worked out by hand. 2026 has no day off in November or December and the
// built-in data has no 2027 arrangement, so 2027 is provisional: its
// statutory holidays (元旦 Fri 2027-01-01) are skipped, no 调休 is known.
//  - Received Thu 2026-12-10: 1 12-11, 2..6 12-14..18, 7 12-21 (补正 notice
//    due), 8..12 12-22..28 (12-22, 23, 24, 25, 28), 13..15 12-29..31,
//    元旦 01-01 skipped, 16..20 01-04..08 → 2027-01-08 (provisional). With
//    the test arrangement's 元旦 2027-01-01..01-04 off: 16..19 01-05..08,
//    20 01-11 → 2027-01-11 (final). With 01-01..01-05 off: 01-06..08, 01-11,
//    01-12 → 2027-01-12.
//  - Received Mon 2026-11-02: 20th working day 2026-11-30, all in 2026.
//  - 2025: received Fri 09-26, 20th working day 2025-10-30 (国庆节、中秋节
//    10-01..10-08 off; make-up days Sun 09-28 and Sat 10-11 counted).

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using Day = absl::CivilDay;
using Pairs = ::ogi::testing::ChangePairs;
using ::ogi::testing::Changes;
using ::ogi::testing::RecordingObserver;

Day D(int y, int m, int d) { return Day(y, m, d); }

constexpr char kNotice2027[] = "国务院办公厅通知（测试用） (2026-11-20)";
constexpr char kCorrected2027[] = "国务院办公厅更正通知（测试用） (2026-12-01)";

// A complete made-up 2027 arrangement in the cn-holidays.json format: every
// statutory holiday of 2027 (元旦 01-01, 春节 除夕 02-05 to 初三 02-08, 清明
// 04-05, 劳动节 05-01..02, 端午 06-09, 中秋 09-15, 国庆 10-01..03) is a day
// off; 元旦 runs from 01-01 to 01-0`new_year_last_day`.
std::string Complete2027Json(const std::string& notice, int new_year_last_day) {
  std::string holidays;
  std::string off_days;
  auto add = [&](const char* name, Day from, Day to) {
    absl::StrAppend(&holidays, holidays.empty() ? "" : ", ", R"({"name": ")",
                    name, R"(", "from": ")", FormatIsoDate(from),
                    R"(", "to": ")", FormatIsoDate(to), R"(", "days": )",
                    to - from + 1, "}");
    for (Day day = from; day <= to; ++day) {
      absl::StrAppend(&off_days, off_days.empty() ? "" : ", ", "\"",
                      FormatIsoDate(day), "\"");
    }
  };
  add("元旦", D(2027, 1, 1), D(2027, 1, new_year_last_day));
  add("春节", D(2027, 2, 5), D(2027, 2, 11));
  add("清明节", D(2027, 4, 3), D(2027, 4, 5));
  add("劳动节", D(2027, 5, 1), D(2027, 5, 5));
  add("端午节", D(2027, 6, 9), D(2027, 6, 9));
  add("中秋节", D(2027, 9, 15), D(2027, 9, 15));
  add("国庆节", D(2027, 10, 1), D(2027, 10, 7));
  return absl::StrCat(R"({"2027": {"notices": [")", notice,
                      R"("], "holidays": [)", holidays, R"(], "off_days": [)",
                      off_days, R"(], "makeup_workdays": []}})");
}

// 元旦 2027-01-01..01-04 off.
std::string Json2027() { return Complete2027Json(kNotice2027, 4); }

// A correction: 元旦 2027-01-01..01-05 off.
std::string CorrectedJson2027() { return Complete2027Json(kCorrected2027, 5); }

// Only 元旦 2027-01-01..01-03: the year stays provisional.
std::string OnlyNewYearJson2027() {
  return absl::StrCat(R"({"2027": {"notices": [")", kNotice2027, R"("],
    "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03",
                  "days": 3}],
    "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"],
    "makeup_workdays": []}})");
}

using ::ogi::testing::TempDir;

// Everything a server would build around one store.
struct Parts {
  explicit Parts(const Clock* clock) : clock(clock) {}

  absl::Status Open(const std::string& path) {
    auto opened =
        ::ogi::testing::OpenStoreWithAgency("default", "本机关", path);
    if (!opened.ok()) return opened.status();
    store = std::move(*opened);
    cases = std::make_unique<CaseManager>(store.get(), clock, &case_clock,
                                          nullptr, "default");
    calendars_admin = std::make_unique<CalendarManager>(
        store.get(), clock, &registry, &case_clock, &observer);
    return absl::OkStatus();
  }

  const Clock* clock;
  CalendarRegistry registry;
  CaseClock case_clock{&registry, ClockPolicy()};
  RecordingObserver observer;
  std::unique_ptr<SqliteCaseStore> store;
  std::unique_ptr<CaseManager> cases;
  std::unique_ptr<CalendarManager> calendars_admin;
};

class CalendarManagerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_THAT(parts_->Open(":memory:"), IsOk()); }

  CalendarManager& manager() { return *parts_->calendars_admin; }
  SqliteCaseStore& store() { return *parts_->store; }

  // Logs a case handed in on `received`; returns its number.
  std::string Log(Day received) {
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    *request.mutable_case_()->mutable_arrival_date() = ToProtoDate(received);
    auto response = parts_->cases->CreateCase(request, "王科员");
    EXPECT_THAT(response, IsOk());
    return response.ok() ? response->case_().number() : "";
  }

  v1::Case Get(const std::string& number) {
    auto c = store().GetCase("default", number);
    EXPECT_THAT(c, IsOk());
    return c.value_or(v1::Case());
  }

  std::vector<v1::CaseEvent> History(const std::string& number) {
    auto events = store().ListCaseEvents("default", number);
    EXPECT_THAT(events, IsOk());
    return events.value_or(std::vector<v1::CaseEvent>{});
  }

  absl::StatusOr<v1::LoadCalendarResponse> Load(
      const std::string& json, absl::string_view actor = "管理员") {
    v1::LoadCalendarRequest request;
    request.set_json(json);
    return manager().LoadCalendar(request, actor);
  }

  absl::StatusOr<v1::AddWorkingDaysResponse> AddWorkingDays(Day start,
                                                            int days) {
    v1::AddWorkingDaysRequest request;
    *request.mutable_start() = ToProtoDate(start);
    request.set_days(days);
    return manager().AddWorkingDays(request);
  }

  ManualClock clock_{absl::FromCivil(absl::CivilSecond(2026, 12, 15, 10, 0, 0),
                                     ChinaTimeZone())};
  std::unique_ptr<Parts> parts_ = std::make_unique<Parts>(&clock_);
};

TEST_F(CalendarManagerTest, ANewYearMovesTheDueDateItDecidesAndSaysWhy) {
  const std::string affected = Log(D(2026, 12, 10));
  const std::string unaffected = Log(D(2026, 11, 2));
  ASSERT_EQ(affected, "2026-0001");
  const v1::Case before = Get(affected);
  EXPECT_EQ(FormatIsoDate(before.deadlines().answer_due()), "2027-01-08");
  EXPECT_TRUE(before.deadlines().provisional());
  EXPECT_THAT(before.deadlines().provisional_years(), ElementsAre(2027));
  EXPECT_EQ(FormatIsoDate(Get(unaffected).deadlines().answer_due()),
            "2026-11-30");
  parts_->observer.Take();

  auto loaded = Load(Json2027());
  ASSERT_THAT(loaded, IsOk());
  EXPECT_THAT(loaded->years(), ElementsAre(2027));
  ASSERT_EQ(loaded->changed_cases_size(), 1);
  const v1::RecomputedCase& moved = loaded->changed_cases(0);
  EXPECT_EQ(moved.agency_code(), "default");
  EXPECT_EQ(moved.number(), affected);
  EXPECT_EQ(FormatIsoDate(moved.old_answer_due()), "2027-01-08");
  EXPECT_EQ(FormatIsoDate(moved.new_answer_due()), "2027-01-11");

  const v1::Case after = Get(affected);
  EXPECT_EQ(FormatIsoDate(after.deadlines().answer_due()), "2027-01-11");
  EXPECT_FALSE(after.deadlines().provisional());
  EXPECT_EQ(FormatIsoDate(after.deadlines().correction_notice_due()),
            "2026-12-21");
  EXPECT_EQ(after.version(), 2);

  const std::vector<v1::CaseEvent> history = History(affected);
  ASSERT_EQ(history.size(), 2u);
  const v1::CaseEvent& event = history[1];
  EXPECT_EQ(event.type(), v1::CASE_EVENT_TYPE_DEADLINES_RECOMPUTED);
  EXPECT_EQ(event.actor(), "管理员");
  EXPECT_EQ(event.sequence(), 2);
  EXPECT_THAT(event.reason(), HasSubstr(kNotice2027));
  EXPECT_THAT(event.reason(), HasSubstr("2027"));
  EXPECT_EQ(FromProtoTimestamp(event.recorded_at()), clock_.Now());
  EXPECT_EQ(Changes(event),
            (Pairs{{"deadlines.answer_due", "2027-01-08→2027-01-11"},
                   {"deadlines.provisional", "true→false"}}));

  // The unaffected case keeps its version and history.
  EXPECT_EQ(Get(unaffected).version(), 1);
  EXPECT_EQ(History(unaffected).size(), 1u);

  // The watchers hear about the moved case only.
  const std::vector<v1::Case> told = parts_->observer.Take();
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].number(), affected);
  EXPECT_EQ(FormatIsoDate(told[0].deadlines().answer_due()), "2027-01-11");

  // The year is in force and stored, with who loaded it.
  auto count = AddWorkingDays(D(2026, 12, 10), 20);
  ASSERT_THAT(count, IsOk());
  EXPECT_EQ(FormatIsoDate(count->end()), "2027-01-11");
  EXPECT_FALSE(count->provisional());
  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].arrangement.year(), 2027);
  EXPECT_EQ((*stored)[0].loaded_by, "管理员");
  v1::GetCalendarYearRequest year;
  year.set_year(2027);
  auto got = manager().GetCalendarYear(year);
  ASSERT_THAT(got, IsOk());
  EXPECT_TRUE(got->loaded());
  EXPECT_EQ(got->source(), "loaded by 管理员 at 2026-12-15 10:00");
}

// A concluded case's review: the application copy was received Thu
// 2026-12-24, so the defence is due on the 10th working day: 12-25, 12-28 ..
// 12-31, then 2027, provisional until its arrangement is loaded: 元旦 01-01
// skipped, 01-04 .. 01-08 → 2027-01-08 (provisional). With the test
// arrangement's 元旦 01-01..01-04 off: 01-05 .. 01-08, 01-11 → 2027-01-11.
TEST_F(CalendarManagerTest, ALoadMovesTheReviewDefenceOfAConcludedCase) {
  const std::string number = Log(D(2026, 11, 2));
  auto contested = store().MutateCase(
      "default", number, [&](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
        c.set_status(v1::CASE_STATUS_CONCLUDED);
        c.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_ANSWERED);
        *c.mutable_conclusion()->mutable_served() =
            ToProtoDate(D(2026, 11, 20));
        v1::Review* r = c.add_reviews();
        r->set_id(number + "-R1");
        r->set_organ("聊城市人民政府");
        *r->mutable_filed() = ToProtoDate(D(2026, 12, 20));
        *r->mutable_copy_received() = ToProtoDate(D(2026, 12, 24));
        OGI_RETURN_IF_ERROR(RefreshProceedings(c, D(2026, 12, 15),
                                               *parts_->registry.Current()));
        OGI_RETURN_IF_ERROR(parts_->case_clock.Refresh(c, D(2026, 12, 15)));
        v1::CaseEvent event;
        event.set_type(v1::CASE_EVENT_TYPE_REVIEW_FILED);
        event.set_actor("王科员");
        return event;
      });
  ASSERT_THAT(contested, IsOk());
  EXPECT_EQ(FormatIsoDate(contested->reviews(0).defence_due()), "2027-01-08");
  EXPECT_TRUE(contested->reviews(0).dates_provisional());
  AttentionQuery duties;
  duties.duty_due_until = D(2027, 1, 8);
  ASSERT_EQ(store()
                .ListCasesNeedingAttention(duties)
                .value_or(std::vector<v1::Case>{})
                .size(),
            1u);

  auto loaded = Load(Json2027());
  ASSERT_THAT(loaded, IsOk());
  const v1::Case after = Get(number);
  EXPECT_EQ(FormatIsoDate(after.reviews(0).defence_due()), "2027-01-11");
  EXPECT_FALSE(after.reviews(0).dates_provisional());
  const std::vector<v1::CaseEvent> history = History(number);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2].type(), v1::CASE_EVENT_TYPE_DEADLINES_RECOMPUTED);
  EXPECT_THAT(Changes(history[2]),
              ::testing::Contains(std::pair<std::string, std::string>(
                  "reviews[id=" + number + "-R1].defence_due",
                  "2027-01-08→2027-01-11")));
  // The listing column moved with it.
  EXPECT_TRUE(store()
                  .ListCasesNeedingAttention(duties)
                  .value_or(std::vector<v1::Case>{})
                  .empty());
  duties.duty_due_until = D(2027, 1, 11);
  EXPECT_EQ(store()
                .ListCasesNeedingAttention(duties)
                .value_or(std::vector<v1::Case>{})
                .size(),
            1u);
}

TEST_F(CalendarManagerTest, LoadingTheSameArrangementAgainChangesNothing) {
  const std::string number = Log(D(2026, 12, 10));
  ASSERT_THAT(Load(Json2027()), IsOk());
  parts_->observer.Take();
  auto again = Load(Json2027());
  ASSERT_THAT(again, IsOk());
  EXPECT_THAT(again->changed_cases(), IsEmpty());
  EXPECT_EQ(History(number).size(), 2u);
  EXPECT_EQ(Get(number).version(), 2);
  EXPECT_THAT(parts_->observer.Take(), IsEmpty());
}

TEST_F(CalendarManagerTest, ACorrectedYearReplacesTheStoredOne) {
  const std::string number = Log(D(2026, 12, 10));
  ASSERT_THAT(Load(Json2027()), IsOk());
  clock_.Advance(absl::Hours(24));
  auto corrected = Load(CorrectedJson2027(), "李管理员");
  ASSERT_THAT(corrected, IsOk());
  ASSERT_EQ(corrected->changed_cases_size(), 1);
  EXPECT_EQ(FormatIsoDate(corrected->changed_cases(0).old_answer_due()),
            "2027-01-11");
  EXPECT_EQ(FormatIsoDate(corrected->changed_cases(0).new_answer_due()),
            "2027-01-12");

  const std::vector<v1::CaseEvent> history = History(number);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2].type(), v1::CASE_EVENT_TYPE_DEADLINES_RECOMPUTED);
  EXPECT_EQ(history[2].actor(), "李管理员");
  EXPECT_THAT(history[2].reason(), HasSubstr(kCorrected2027));
  EXPECT_EQ(Changes(history[2]),
            (Pairs{{"deadlines.answer_due", "2027-01-11→2027-01-12"}}));

  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_THAT((*stored)[0].arrangement.notices(), ElementsAre(kCorrected2027));
  EXPECT_EQ((*stored)[0].loaded_by, "李管理员");
}

TEST_F(CalendarManagerTest, ABadFileIsRefusedAndNothingIsStored) {
  const std::string number = Log(D(2026, 12, 10));
  const std::map<std::string, std::string> kBad = {
      {"empty", ""},
      {"not JSON", "{\"2027\": "},
      {"not an object", "[2027]"},
      {"a key that is not a year", R"({"二〇二七": {}})"},
      {"off days that are not the holiday's days",
       absl::StrCat(R"({"2027": {"notices": [")", kNotice2027, R"("],
         "holidays": [{"name": "元旦", "from": "2027-01-01",
                       "to": "2027-01-03", "days": 3}],
         "off_days": ["2027-01-01", "2027-01-02"]}})")},
      {"a make-up working day on a Tuesday",
       absl::StrCat(R"({"2027": {"notices": [")", kNotice2027, R"("],
         "holidays": [{"name": "元旦", "from": "2027-01-01",
                       "to": "2027-01-03", "days": 3}],
         "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"],
         "makeup_workdays": ["2027-01-05"]}})")},
      {"no notice",
       R"({"2027": {"notices": [],
         "holidays": [{"name": "元旦", "from": "2027-01-01",
                       "to": "2027-01-03", "days": 3}],
         "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"]}})"},
      {"an unknown field",
       absl::StrCat(R"({"2027": {"notices": [")", kNotice2027, R"("],
         "holidays": [{"name": "元旦", "from": "2027-01-01",
                       "to": "2027-01-03", "days": 3}],
         "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"],
         "workdays": []}})")},
  };
  for (const auto& [what, json] : kBad) {
    SCOPED_TRACE(what);
    EXPECT_THAT(Load(json), StatusIs(absl::StatusCode::kInvalidArgument,
                                     StartsWith("json: ")));
  }
  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(*stored, IsEmpty());
  v1::GetCalendarYearRequest year;
  year.set_year(2027);
  auto got = manager().GetCalendarYear(year);
  ASSERT_THAT(got, IsOk());
  EXPECT_FALSE(got->loaded());
  EXPECT_EQ(got->source(), "");
  EXPECT_EQ(Get(number).version(), 1);
  EXPECT_EQ(History(number).size(), 1u);
  EXPECT_TRUE(Get(number).deadlines().provisional());
}

TEST_F(CalendarManagerTest, LoadingNeedsAnActor) {
  EXPECT_THAT(Load(Json2027(), ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("actor")));
  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(*stored, IsEmpty());
}

// The year and every recomputed case are stored in one transaction: when one
// case cannot be recomputed, neither the year nor any case changes.
TEST_F(CalendarManagerTest, ACaseThatCannotBeRecomputedAbortsTheWholeLoad) {
  const std::string number = Log(D(2026, 12, 10));
  // A record the procedure steps would never accept: a 25-day extension.
  v1::Case broken =
      ::ogi::testing::MakeStoredCase("default", "李四", D(2026, 12, 11));
  broken.mutable_procedure()->mutable_extension()->set_working_days(25);
  ASSERT_THAT(
      store().CreateCase(broken, ::ogi::testing::MakeEvent(
                                     v1::CASE_EVENT_TYPE_CREATED, "王科员")),
      IsOk());

  EXPECT_THAT(Load(Json2027()), ::testing::Not(IsOk()));
  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(*stored, IsEmpty());
  EXPECT_EQ(History(number).size(), 1u);
  EXPECT_EQ(FormatIsoDate(Get(number).deadlines().answer_due()), "2027-01-08");
  auto count = AddWorkingDays(D(2026, 12, 10), 20);
  ASSERT_THAT(count, IsOk());
  EXPECT_EQ(FormatIsoDate(count->end()), "2027-01-08");  // not in force
  EXPECT_TRUE(count->provisional());
}

TEST_F(CalendarManagerTest, AfterARestartInitializePutsTheStoredYearInForce) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/ogi.db";
  parts_ = std::make_unique<Parts>(&clock_);
  ASSERT_THAT(parts_->Open(path), IsOk());
  ASSERT_THAT(manager().Initialize(), IsOk());
  const std::string number = Log(D(2026, 12, 10));
  ASSERT_THAT(Load(Json2027()), IsOk());

  // Restart: a new store, registry and manager on the same file.
  parts_.reset();
  parts_ = std::make_unique<Parts>(&clock_);
  ASSERT_THAT(parts_->Open(path), IsOk());
  auto before = AddWorkingDays(D(2026, 12, 10), 20);
  ASSERT_THAT(before, IsOk());
  EXPECT_EQ(FormatIsoDate(before->end()), "2027-01-08");  // built-ins only
  ASSERT_THAT(manager().Initialize(), IsOk());

  auto after = AddWorkingDays(D(2026, 12, 10), 20);
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(FormatIsoDate(after->end()), "2027-01-11");
  EXPECT_FALSE(after->provisional());
  v1::GetCalendarYearRequest year;
  year.set_year(2027);
  auto got = manager().GetCalendarYear(year);
  ASSERT_THAT(got, IsOk());
  EXPECT_TRUE(got->loaded());
  EXPECT_EQ(got->source(), "loaded by 管理员 at 2026-12-15 10:00");
  EXPECT_THAT(got->arrangement().notices(), ElementsAre(kNotice2027));
  // Cases computed from now on use it; the stored case needs no new event.
  EXPECT_EQ(FormatIsoDate(Get(number).deadlines().answer_due()), "2027-01-11");
  EXPECT_EQ(History(number).size(), 2u);
  EXPECT_FALSE(parts_->case_clock.Compute(Get(number), D(2026, 12, 15))
                   .value_or(v1::Deadlines())
                   .provisional());
}

TEST_F(CalendarManagerTest, InitializeRefreshesStaleListingDates) {
  // A case stored with no deadlines (e.g. by an older ogi): the listing
  // columns are empty, so no deadline listing can select it.
  ASSERT_THAT(
      store().CreateCase(
          ::ogi::testing::MakeStoredCase("default", "李四", D(2026, 12, 10)),
          ::ogi::testing::MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "王科员")),
      IsOk());
  AttentionQuery everything;
  everything.agency_code = "default";
  everything.answer_due_until = D(2027, 12, 31);
  everything.notice_due_until = D(2027, 12, 31);
  auto selected = store().ListCasesNeedingAttention(everything);
  ASSERT_THAT(selected, IsOk());
  EXPECT_THAT(*selected, IsEmpty());

  ASSERT_THAT(manager().Initialize(), IsOk());
  selected = store().ListCasesNeedingAttention(everything);
  ASSERT_THAT(selected, IsOk());
  ASSERT_EQ(selected->size(), 1u);
  const v1::Case& c = (*selected)[0];
  // Received Thu 2026-12-10: the 补正 notice duty falls due on 2026-12-21.
  EXPECT_EQ(FormatIsoDate(c.deadlines().correction_notice_due()), "2026-12-21");
  EXPECT_EQ(FormatIsoDate(c.deadlines().answer_due()), "2027-01-08");
  EXPECT_EQ(c.version(), 1);  // derived fields only: no new version...
  EXPECT_EQ(History(c.number()).size(), 1u);  // ... and no event
}

TEST_F(CalendarManagerTest, GetCalendarYear2025) {
  v1::GetCalendarYearRequest request;
  request.set_year(2025);
  auto year = manager().GetCalendarYear(request);
  ASSERT_THAT(year, IsOk());
  EXPECT_TRUE(year->loaded());
  EXPECT_EQ(year->source(), "builtin");
  EXPECT_EQ(year->arrangement().year(), 2025);
  ASSERT_EQ(year->days_size(), 365);
  EXPECT_EQ(FormatIsoDate(year->days(0).date()), "2025-01-01");
  EXPECT_EQ(FormatIsoDate(year->days(364).date()), "2025-12-31");

  std::map<std::string, const v1::CalendarDay*> by_date;
  std::map<v1::DayKind, int> kinds;
  for (const v1::CalendarDay& day : year->days()) {
    by_date[FormatIsoDate(day.date())] = &day;
    ++kinds[day.kind()];
  }
  EXPECT_EQ(by_date["2025-10-01"]->kind(), v1::DAY_KIND_HOLIDAY);
  EXPECT_EQ(by_date["2025-10-01"]->holiday_name(), "国庆节、中秋节");
  EXPECT_EQ(by_date["2025-10-04"]->kind(), v1::DAY_KIND_HOLIDAY);  // a Sat
  EXPECT_EQ(by_date["2025-09-28"]->kind(), v1::DAY_KIND_MAKEUP_WORKDAY);
  EXPECT_EQ(by_date["2025-09-28"]->holiday_name(), "");
  EXPECT_EQ(by_date["2025-09-26"]->kind(), v1::DAY_KIND_WORKING_WEEKDAY);
  EXPECT_EQ(by_date["2025-09-27"]->kind(), v1::DAY_KIND_WEEKEND);
  EXPECT_EQ(by_date["2025-01-28"]->holiday_name(), "春节");
  // 2025 starts on a Wednesday: 52 Saturdays, 52 Sundays, 261 weekdays.
  // 28 days off (18 of them weekdays, 10 at weekends) and 5 make-up days
  // (all at weekends): 243 working weekdays, 104 - 10 - 5 = 89 weekend days.
  EXPECT_EQ(kinds[v1::DAY_KIND_HOLIDAY], 28);
  EXPECT_EQ(kinds[v1::DAY_KIND_MAKEUP_WORKDAY], 5);
  EXPECT_EQ(kinds[v1::DAY_KIND_WEEKEND], 89);
  EXPECT_EQ(kinds[v1::DAY_KIND_WORKING_WEEKDAY], 243);
}

TEST_F(CalendarManagerTest, GetCalendarYearWithoutAnArrangement) {
  v1::GetCalendarYearRequest request;
  request.set_year(2028);
  auto year = manager().GetCalendarYear(request);
  ASSERT_THAT(year, IsOk());
  EXPECT_FALSE(year->loaded());
  EXPECT_EQ(year->source(), "");
  EXPECT_FALSE(year->has_arrangement());
  EXPECT_TRUE(year->provisional());
  EXPECT_THAT(year->missing_holidays(), IsEmpty());
  ASSERT_EQ(year->days_size(), 366);  // a leap year
  // Sat 2028-01-01 is the statutory 元旦, computed; Mon 01-03 an ordinary
  // weekday (no 补休 or 调休 is invented).
  EXPECT_EQ(year->days(0).kind(), v1::DAY_KIND_HOLIDAY);
  EXPECT_EQ(year->days(0).holiday_name(), "元旦");
  EXPECT_TRUE(year->days(0).statutory_estimate());
  EXPECT_EQ(year->days(2).kind(), v1::DAY_KIND_WORKING_WEEKDAY);
  // 中秋 2028 falls on 10-03, inside 国庆节: six festivals.
  std::vector<std::string> holidays;
  for (const v1::Holiday& h : year->statutory_holidays()) {
    holidays.push_back(absl::StrCat(h.name(), " ", FormatIsoDate(h.first_day()),
                                    " ", h.days()));
  }
  EXPECT_THAT(holidays,
              ElementsAre("元旦 2028-01-01 1", "春节 2028-01-25 4",
                          "清明节 2028-04-04 1", "劳动节 2028-05-01 2",
                          "端午节 2028-05-28 1", "国庆节 2028-10-01 3"));

  for (int bad : {0, 1900, 9999}) {
    request.set_year(bad);
    EXPECT_THAT(
        manager().GetCalendarYear(request),
        StatusIs(absl::StatusCode::kInvalidArgument,
                 absl::StrCat("year: 须在 1901 至 9998 之间，而不是 ", bad)))
        << bad;
  }
}

// A file that gives only 元旦 is stored, but 2027 stays provisional: the
// load names the festivals it leaves out, the calendar computes them, and
// the year's view says so.
TEST_F(CalendarManagerTest, AnIncompleteYearIsLoadedButStaysProvisional) {
  const std::string number = Log(D(2026, 12, 10));
  auto loaded = Load(OnlyNewYearJson2027());
  ASSERT_THAT(loaded, IsOk());
  EXPECT_THAT(loaded->years(), ElementsAre(2027));
  ASSERT_EQ(loaded->incomplete_years_size(), 1);
  EXPECT_EQ(loaded->incomplete_years(0).year(), 2027);
  EXPECT_THAT(
      loaded->incomplete_years(0).missing_holidays(),
      ElementsAre("春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"));
  // 元旦 01-01..01-03 was already skipped (01-01) or a weekend: no move.
  EXPECT_THAT(loaded->changed_cases(), IsEmpty());
  EXPECT_TRUE(Get(number).deadlines().provisional());

  v1::GetCalendarYearRequest request;
  request.set_year(2027);
  auto year = manager().GetCalendarYear(request);
  ASSERT_THAT(year, IsOk());
  EXPECT_TRUE(year->loaded());
  EXPECT_TRUE(year->provisional());
  EXPECT_EQ(year->missing_holidays_size(), 6);
  ASSERT_EQ(year->statutory_holidays_size(), 6);
  EXPECT_EQ(year->statutory_holidays(0).name(), "春节");
  EXPECT_EQ(FormatIsoDate(year->statutory_holidays(0).first_day()),
            "2027-02-05");
  // Fri 2027-02-05 (除夕) is a computed day off; 01-01 the loaded 元旦.
  EXPECT_EQ(year->days(35).holiday_name(), "春节");
  EXPECT_TRUE(year->days(35).statutory_estimate());
  EXPECT_FALSE(year->days(0).statutory_estimate());

  // Loading the complete arrangement makes the year final.
  auto complete = Load(Json2027());
  ASSERT_THAT(complete, IsOk());
  EXPECT_THAT(complete->incomplete_years(), IsEmpty());
  year = manager().GetCalendarYear(request);
  ASSERT_THAT(year, IsOk());
  EXPECT_FALSE(year->provisional());
  EXPECT_THAT(year->statutory_holidays(), IsEmpty());
}

// The year's view keeps the notices as stored and gives them without the
// maintainers' remarks for display.
TEST_F(CalendarManagerTest, DisplayNoticesLeaveOutTheRemarks) {
  v1::GetCalendarYearRequest request;
  request.set_year(2026);
  auto year = manager().GetCalendarYear(request);
  ASSERT_THAT(year, IsOk());
  ASSERT_EQ(year->arrangement().notices_size(), 1);
  EXPECT_THAT(year->arrangement().notices(0), HasSubstr("文号未核实"));
  EXPECT_THAT(year->display_notices(),
              ElementsAre("国务院办公厅关于2026年部分节假日安排的通知 "
                          "(2025-11-04)"));
  EXPECT_FALSE(year->provisional());
}

TEST_F(CalendarManagerTest, AddWorkingDays) {
  auto count = AddWorkingDays(D(2025, 9, 26), 20);
  ASSERT_THAT(count, IsOk());
  EXPECT_EQ(FormatIsoDate(count->end()), "2025-10-30");
  EXPECT_FALSE(count->provisional());
  EXPECT_THAT(count->explanation(),
              ElementsAre("计入 2025-09-28 调休上班日（第1个工作日）",
                          "跳过 2025-10-01至2025-10-08 国庆节、中秋节（放假）",
                          "计入 2025-10-11 调休上班日（第6个工作日）"));

  count = AddWorkingDays(D(2025, 9, 26), 7);  // the 补正 notice duty
  ASSERT_THAT(count, IsOk());
  EXPECT_EQ(FormatIsoDate(count->end()), "2025-10-13");

  count = AddWorkingDays(D(2025, 9, 26), 0);
  ASSERT_THAT(count, IsOk());
  EXPECT_EQ(FormatIsoDate(count->end()), "2025-09-26");
  EXPECT_THAT(count->explanation(), IsEmpty());

  count = AddWorkingDays(D(2026, 12, 10), 20);
  ASSERT_THAT(count, IsOk());
  EXPECT_EQ(FormatIsoDate(count->end()), "2027-01-08");
  EXPECT_TRUE(count->provisional());
  EXPECT_THAT(count->provisional_years(), ElementsAre(2027));
  EXPECT_THAT(count->explanation(),
              ElementsAre("跳过 2027-01-01 元旦（法定节假日；调休安排尚未公布，"
                          "暂定）"));

  EXPECT_THAT(AddWorkingDays(D(2025, 9, 26), -1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "days: 须在 0 至 3660 之间，而不是 -1"));
  EXPECT_THAT(AddWorkingDays(D(2025, 9, 26), 3661),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "days: 须在 0 至 3660 之间，而不是 3661"));
  EXPECT_THAT(manager().AddWorkingDays(v1::AddWorkingDaysRequest()),
              StatusIs(absl::StatusCode::kInvalidArgument, "start: 必须填写"));
  v1::AddWorkingDaysRequest bad_date;
  bad_date.mutable_start()->set_year(2025);
  bad_date.mutable_start()->set_month(2);
  bad_date.mutable_start()->set_day(29);
  EXPECT_THAT(manager().AddWorkingDays(bad_date),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("start")));
}

// ---------------------------------------------------------------------------
// The typed request (LoadCalendarRequest.years) and the calendar's range.

// The arrangement Json2027() describes, as a message.
v1::CalendarYear Typed2027() {
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(Json2027());
  EXPECT_THAT(years, IsOk());
  return years.ok() && years->size() == 1 ? (*years)[0] : v1::CalendarYear();
}

TEST_F(CalendarManagerTest, TypedYearsLoadAsTheFileDoes) {
  const std::string number = Log(D(2026, 12, 10));
  v1::LoadCalendarRequest request;
  *request.add_years() = Typed2027();
  auto loaded = manager().LoadCalendar(request, "管理员");
  ASSERT_THAT(loaded, IsOk());
  EXPECT_THAT(loaded->years(), ElementsAre(2027));
  EXPECT_THAT(loaded->incomplete_years(), IsEmpty());
  // As with the file: 元旦 01-01..01-04 off moves the answer to 2027-01-11.
  ASSERT_EQ(loaded->changed_cases_size(), 1);
  EXPECT_EQ(FormatIsoDate(loaded->changed_cases(0).new_answer_due()),
            "2027-01-11");
  EXPECT_EQ(FormatIsoDate(Get(number).deadlines().answer_due()), "2027-01-11");
  v1::GetCalendarYearRequest year;
  year.set_year(2027);
  auto got = manager().GetCalendarYear(year);
  ASSERT_THAT(got, IsOk());
  EXPECT_TRUE(got->loaded());
  EXPECT_FALSE(got->provisional());
}

TEST_F(CalendarManagerTest, ExactlyOneOfJsonAndYears) {
  v1::LoadCalendarRequest both;
  both.set_json(Json2027());
  *both.add_years() = Typed2027();
  EXPECT_THAT(manager().LoadCalendar(both, "管理员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "json, years: 只能给出其一（日历文件的文本，或各年的"
                       "安排）"));
  EXPECT_THAT(manager().LoadCalendar(v1::LoadCalendarRequest(), "管理员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "json: 不能为空（须给出日历文件的文本，或在 years 中"
                       "给出各年的安排）"));
  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(*stored, IsEmpty());
}

// Each bad year is named by its place in the request, with the proto's field
// names, all in one error whose details list them.
TEST_F(CalendarManagerTest, EveryBadTypedYearIsReported) {
  v1::LoadCalendarRequest request;
  v1::CalendarYear reversed = Typed2027();
  *reversed.mutable_holidays(0)->mutable_last_day() =
      ToProtoDate(D(2026, 12, 31));
  *request.add_years() = reversed;
  v1::CalendarYear whole_year = Typed2027();
  whole_year.set_year(2028);
  whole_year.clear_holidays();
  whole_year.clear_off_days();
  v1::Holiday* holiday = whole_year.add_holidays();
  holiday->set_name("全年");
  *holiday->mutable_first_day() = ToProtoDate(D(2028, 1, 1));
  *holiday->mutable_last_day() = ToProtoDate(D(2028, 12, 31));
  holiday->set_days(366);
  for (Day day = D(2028, 1, 1); day <= D(2028, 12, 31); ++day) {
    *whole_year.add_off_days() = ToProtoDate(day);
  }
  *request.add_years() = whole_year;
  const absl::Status status =
      manager().LoadCalendar(request, "管理员").status();
  EXPECT_EQ(std::string(status.message()),
            "years[0].holidays[0].last_day: 2026-12-31 早于 first_day（"
            "2027-01-01）；years[1].holidays[0]: 2028-01-01 至 2028-12-31 共 "
            "366 天，超过一个假期最多 14 天的上限（已公布的安排中最长为 10 "
            "天）");
  const google::rpc::BadRequest details = ViolationsOf(status);
  ASSERT_EQ(details.field_violations_size(), 2);
  EXPECT_EQ(details.field_violations(0).field(),
            "years[0].holidays[0].last_day");
  EXPECT_EQ(details.field_violations(1).field(), "years[1].holidays[0]");
}

// Years that disagree with each other are named as the request names them.
TEST_F(CalendarManagerTest, TypedYearsThatDisagreeAreNamedByPosition) {
  v1::CalendarYear y2027 = Typed2027();
  *y2027.add_makeup_workdays() = ToProtoDate(D(2027, 12, 26));  // a Sunday
  v1::CalendarYear y2028;
  y2028.set_year(2028);
  y2028.add_notices("测试用通知");
  v1::Holiday* new_year = y2028.add_holidays();
  new_year->set_name("元旦");
  *new_year->mutable_first_day() = ToProtoDate(D(2027, 12, 26));
  *new_year->mutable_last_day() = ToProtoDate(D(2028, 1, 1));
  new_year->set_days(7);
  for (Day day = D(2027, 12, 26); day <= D(2028, 1, 1); ++day) {
    *y2028.add_off_days() = ToProtoDate(day);
  }
  v1::LoadCalendarRequest request;
  *request.add_years() = y2027;
  *request.add_years() = y2028;
  EXPECT_THAT(manager().LoadCalendar(request, "管理员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "years[1].holidays[0]: 2027-12-26 已被 2027 年节假日"
                       "安排列为调休上班日"));
}

// A file making all of 2027 a holiday is refused before it can move any
// deadline.
TEST_F(CalendarManagerTest, ACalendarNoNoticeCouldMakeIsRefused) {
  const std::string number = Log(D(2026, 12, 10));
  std::string off_days;
  for (Day day = D(2027, 1, 1); day <= D(2027, 12, 31); ++day) {
    absl::StrAppend(&off_days, off_days.empty() ? "" : ", ", "\"",
                    FormatIsoDate(day), "\"");
  }
  EXPECT_THAT(
      Load(absl::StrCat(
          R"({"2027": {"notices": [")", kNotice2027,
          R"("], "holidays": [{"name": "全年", "from": "2027-01-01",
                        "to": "2027-12-31", "days": 365}], "off_days": [)",
          off_days, "]}}")),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "json: 2027.holidays[0]: 2027-01-01 至 2027-12-31 共 365 天，"
               "超过一个假期最多 14 天的上限（已公布的安排中最长为 10 天）"));
  EXPECT_EQ(Get(number).version(), 1);
}

TEST_F(CalendarManagerTest, AddWorkingDaysStaysWithinTheCalendarsRange) {
  EXPECT_THAT(AddWorkingDays(D(9999, 12, 31), 3660),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "start: 须在 1901-01-01 至 9998-12-31 之间（日历的范围）"
                       "，而不是 9999-12-31"));
  EXPECT_THAT(AddWorkingDays(D(9998, 12, 1), 3660),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "days: 从 9998-12-01 起算 3660 天将超出日历的范围（最晚 "
                       "9998-12-31）"));
}

// A load whose call has ended stops and stores nothing (the loop over open
// cases checks the call).
TEST_F(CalendarManagerTest, ALoadForAnEndedCallStoresNothing) {
  const std::string number = Log(D(2026, 12, 10));
  v1::LoadCalendarRequest typed;
  *typed.add_years() = Typed2027();
  CallToken token(absl::InfiniteFuture());
  token.Cancel();
  {
    ScopedCallToken in_call(&token);
    EXPECT_THAT(Load(Json2027()), StatusIs(absl::StatusCode::kCancelled));
    EXPECT_THAT(manager().LoadCalendar(typed, "管理员"),
                StatusIs(absl::StatusCode::kCancelled));
  }
  auto stored = store().ListStoredCalendarYears();
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(*stored, IsEmpty());
  EXPECT_EQ(Get(number).version(), 1);
  // Outside a call the same load goes through.
  EXPECT_THAT(Load(Json2027()), IsOk());
}

}  // namespace
}  // namespace ogi
