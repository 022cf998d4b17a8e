// Property test: the listing fast path agrees with the full deadline engine.
//
// A deadline listing (DeadlineManager::ListDeadlines) does not compute a
// case's deadlines: it reads the summary columns stored with the case
// (answer_due, notice_due, window_end, window_kind, provisional) and brings
// them to the listing day by calendar arithmetic (DeadlineListing), unless
// the case's index says they need full computation. The alert stream does the
// same with DeadlinesAsOf. Both must give exactly what the engine gives when
// it computes the case in full as of that day.
//
// From a fixed seed, this test builds thousands of random case histories
// through the real managers (CaseManager, ProcedureManager, OutcomeManager:
// the same ApplyStep functions the server runs, so every recorded history is
// one the server accepts; a step it refuses is simply not part of the
// history) over a real in-memory SqliteCaseStore, then lists each case on
// several random later days and compares, for each listing day:
//  - the listing's alerts for the case with AlertsForCase on the stored
//    record computed in full for that day (CaseClock::Refresh), message for
//    message;
//  - the alert ranks (RanksOf: what the stream alerts on) of DeadlinesAsOf
//    with those of the full computation.

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "services/alerts/deadline_alerts.h"
#include "services/alerts/deadline_manager.h"
#include "services/calendar/calendar_registry.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "services/outcomes/outcome_manager.h"
#include "services/procedure/procedure_manager.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using Day = absl::CivilDay;

constexpr uint32_t kSeed = 20261208;
constexpr int kHistories = 6000;
// Histories share an in-memory store in batches, each in its own agency (a
// listing names one agency, so cases never see each other's alerts).
constexpr int kHistoriesPerStore = 40;
constexpr int kListingDaysPerHistory = 4;
constexpr char kActor[] = "王科员";

const std::vector<int> kThresholds = {5, 3, 1};

// One alert, all of it, for comparison and for a readable failure.
std::string Describe(const v1::DeadlineAlert& a) {
  return absl::StrCat(
      v1::AlertKind_Name(a.kind()), " due ", FormatIsoDate(a.due()), " left ",
      a.working_days_left(), a.provisional() ? " provisional" : "", " ",
      v1::ProposedConclusion_Name(a.proposal()), " [", a.message(), "]");
}

std::string Describe(const AlertRanks& r) {
  std::string out =
      absl::StrCat("answer ", r.answer, " notice ", r.correction_notice,
                   " window ", r.window, " confirmation ", r.confirmation);
  for (const auto& [key, rank] : r.duties) {
    absl::StrAppend(&out, " duty ", std::get<0>(key), "/", std::get<1>(key),
                    "/", std::get<2>(key), "=", rank);
  }
  return out;
}

// The days 2019–2026 on which the calendar departs from the plain week: the
// statutory holidays and the make-up working days (调休上班).
std::vector<Day> NotableDays(const WorkingCalendar& calendar) {
  std::vector<Day> days;
  for (Day day(2019, 1, 1); day <= Day(2026, 12, 31); ++day) {
    const v1::DayKind kind = calendar.Classify(day).kind;
    if (kind == v1::DAY_KIND_HOLIDAY || kind == v1::DAY_KIND_MAKEUP_WORKDAY) {
      days.push_back(day);
    }
  }
  return days;
}

class FastPathAgreementTest : public ::testing::Test {
 protected:
  void OpenStore() {
    auto store = ::ogi::testing::OpenStoreWithAgency("p0", "第0局");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    for (int i = 1; i < kHistoriesPerStore; ++i) {
      v1::Agency agency;
      agency.set_code(absl::StrCat("p", i));
      agency.set_name(absl::StrCat("第", i, "局"));
      ASSERT_THAT(store_->UpsertAgency(agency), IsOk());
    }
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           nullptr, "p0");
    procedure_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "p0");
    outcomes_ = std::make_unique<OutcomeManager>(store_.get(), &clock_,
                                                 &case_clock_, nullptr, "p0");
    deadlines_ = std::make_unique<DeadlineManager>(store_.get(), &clock_,
                                                   &case_clock_, "p0");
  }

  // Sets the server's day (9:00 Beijing time); the clock never goes back.
  void SetToday(Day day) {
    if (day < today_) day = today_;
    today_ = day;
    clock_.Set(::ogi::testing::BeijingAt(day, 9));
  }

  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }

  Day RandomReceipt() {
    if (Chance(40)) {
      // Around a holiday or a make-up working day.
      const Day near =
          notable_[Uniform(0, static_cast<int>(notable_.size()) - 1)];
      return near + Uniform(-8, 3);
    }
    return Day(2019, 1, 1) + Uniform(0, Day(2026, 12, 31) - Day(2019, 1, 1));
  }

  // The case as stored now.
  v1::Case Stored() {
    absl::StatusOr<v1::Case> c = store_->GetCase(agency_, number_);
    EXPECT_THAT(c, IsOk());
    return c.ok() ? *std::move(c) : v1::Case();
  }

  // Records one random step dated `on` (the server's day moves to `on`, or
  // a few days later: steps are often recorded late). Returns false once the
  // case is concluded.
  bool RandomStep(Day on) {
    SetToday(on + (Chance(70) ? 0 : Uniform(1, 4)));
    const v1::Case c = Stored();
    const v1::Date date = ToProtoDate(on);
    bool ok = false;
    int kind = Uniform(0, 9);
    // Answer what is pending more often than a blind draw would, so that
    // supplements, replies and payments are well represented.
    bool open_consultation = false;
    for (const v1::Consultation& k : c.procedure().consultations()) {
      open_consultation |= !k.has_reply_received();
    }
    if (c.status() == v1::CASE_STATUS_AWAITING_CORRECTION && Chance(50)) {
      kind = 1;
    } else if (open_consultation && Chance(35)) {
      kind = 4;
    } else if (c.procedure().has_fee() && !c.procedure().fee().has_paid() &&
               Chance(35)) {
      kind = 6;
    }
    switch (kind) {
      case 0: {
        v1::SendCorrectionNoticeRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        *r.mutable_sent() = date;
        r.set_items_to_supplement("请写明所需信息的名称或文号");
        *r.mutable_applicant_deadline() = ToProtoDate(on + Uniform(1, 30));
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 1: {
        v1::ReceiveSupplementRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        *r.mutable_received() = date;
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 2:
      case 3: {
        v1::SendConsultationRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        r.set_kind(Chance(50) ? v1::CONSULTED_PARTY_KIND_THIRD_PARTY
                              : v1::CONSULTED_PARTY_KIND_OTHER_AGENCY);
        r.set_party("聊城某建设有限公司");
        *r.mutable_sent() = date;
        if (Chance(50)) {
          const Day received = on + Uniform(0, 3);
          SetToday(received);
          *r.mutable_party_received() = ToProtoDate(received);
        }
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 4: {
        v1::ReceiveConsultationReplyRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        *r.mutable_received() = date;
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 5: {
        v1::IssueFeeNoticeRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        r.set_method(v1::FEE_METHOD_PER_PAGE);
        r.set_pages(Uniform(120, 900));
        *r.mutable_served() = date;
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 6: {
        v1::ReceiveFeePaymentRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        *r.mutable_paid() = date;
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 7: {
        v1::ExtendDeadlineRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        r.set_working_days(Uniform(1, 20));
        r.set_approver("李局长");
        *r.mutable_notified() = date;
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      case 8: {
        v1::DeferDeadlineRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        const std::optional<Day> due = RecordedDay(
            c.deadlines().has_answer_due(), c.deadlines().answer_due());
        *r.mutable_new_due() = ToProtoDate(due.value_or(on) + Uniform(1, 40));
        *r.mutable_notified() = date;
        r.set_reason("需要调取档案馆馆藏资料");
        ok = procedure_->Record(r, kActor).ok();
        break;
      }
      default: {
        if (!Chance(40)) break;
        v1::WithdrawCaseRequest r;
        r.set_agency_code(agency_);
        r.set_number(number_);
        *r.mutable_withdrawn() = date;
        if (outcomes_->Record(r, kActor).ok()) {
          ++steps_recorded_[kind];
          return false;
        }
        break;
      }
    }
    if (ok) ++steps_recorded_[kind];
    return true;
  }

  // Compares the listing of the current case on `day` with the engine.
  void CompareOn(Day day) {
    SetToday(day);
    const int within = Uniform(1, DeadlineManager::kMaxWithin);
    v1::ListDeadlinesRequest request;
    request.set_agency_code(agency_);
    request.set_within_working_days(within);
    absl::StatusOr<v1::ListDeadlinesResponse> listed =
        deadlines_->ListDeadlines(request);
    ASSERT_THAT(listed, IsOk());
    ASSERT_TRUE(listed->next_page_token().empty());
    std::vector<std::string> fast;
    for (const v1::DeadlineAlert& a : listed->alerts()) {
      fast.push_back(Describe(a));
    }

    const v1::Case stored = Stored();
    v1::Case full = stored;
    ASSERT_THAT(case_clock_.Refresh(full, today_), IsOk());
    const std::shared_ptr<const WorkingCalendar> calendar =
        calendars_.Current();
    std::vector<v1::DeadlineAlert> expected_alerts =
        AlertsForCase(full, *calendar, today_, within);
    SortByUrgency(expected_alerts);
    std::vector<std::string> expected;
    for (const v1::DeadlineAlert& a : expected_alerts) {
      expected.push_back(Describe(a));
    }
    const std::string context =
        absl::StrCat("history ", history_, " case ", agency_, "/", number_,
                     " listed on ", FormatIsoDate(today_), " within ", within,
                     "\nstored: ", stored.ShortDebugString());
    EXPECT_EQ(fast, expected) << context;

    absl::StatusOr<v1::Deadlines> as_of =
        DeadlinesAsOf(stored, today_, *calendar, case_clock_);
    ASSERT_THAT(as_of, IsOk());
    v1::Case carried = stored;
    *carried.mutable_deadlines() = *std::move(as_of);
    EXPECT_EQ(Describe(RanksOf(carried, *calendar, today_, kThresholds)),
              Describe(RanksOf(full, *calendar, today_, kThresholds)))
        << context;
    ++comparisons_;
    alerts_compared_ += static_cast<int64_t>(expected.size());
  }

  // One random history of a new case in agency `agency`, then its listings.
  void RunHistory(const std::string& agency) {
    agency_ = agency;
    today_ = Day(2000, 1, 1);
    const Day receipt = RandomReceipt();
    SetToday(receipt + (Chance(80) ? 0 : Uniform(1, 3)));
    v1::CreateCaseRequest create;
    *create.mutable_case_() = ::ogi::testing::ValidNewCase();
    create.mutable_case_()->set_agency_code(agency_);
    *create.mutable_case_()->mutable_arrival_date() = ToProtoDate(receipt);
    absl::StatusOr<v1::CreateCaseResponse> created =
        cases_->CreateCase(create, kActor);
    ASSERT_THAT(created, IsOk());
    number_ = created->case_().number();

    Day on = receipt;
    const int steps = Uniform(0, 7);
    for (int i = 0; i < steps; ++i) {
      on = std::max(on, today_ - Uniform(0, 2)) + Uniform(0, 12);
      if (!RandomStep(on)) break;
    }
    for (int i = 0; i < kListingDaysPerHistory; ++i) {
      const Day day = today_ + (Chance(75) ? Uniform(0, 45) : Uniform(46, 400));
      CompareOn(day);
      if (HasFailure()) return;
    }
  }

  ManualClock clock_{::ogi::testing::BeijingAt(Day(2019, 1, 1), 9)};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> procedure_;
  std::unique_ptr<OutcomeManager> outcomes_;
  std::unique_ptr<DeadlineManager> deadlines_;

  std::mt19937 rng_{kSeed};
  std::vector<Day> notable_ = NotableDays(*calendars_.Current());
  Day today_;
  int history_ = 0;
  std::string agency_;
  std::string number_;
  // Steps recorded, by the kind RandomStep drew (0..9).
  int64_t steps_recorded_[10] = {};
  int64_t comparisons_ = 0;
  int64_t alerts_compared_ = 0;
};

TEST_F(FastPathAgreementTest, DeadlineListingAndAlertStreamAgreeWithTheEngine) {
  ASSERT_FALSE(notable_.empty());
  for (history_ = 0; history_ < kHistories; ++history_) {
    if (history_ % kHistoriesPerStore == 0) {
      OpenStore();
      if (HasFailure()) return;
    }
    RunHistory(absl::StrCat("p", history_ % kHistoriesPerStore));
    if (HasFailure()) return;
  }
  RecordProperty("histories", kHistories);
  RecordProperty("comparisons", static_cast<int>(comparisons_));
  // Each kind of step must have happened, or the histories miss a case.
  const char* const kKinds[10] = {
      "补正通知", "补正材料", "征求意见", "征求意见", "意见回复",
      "收费通知", "缴费",     "延长",     "另行确定", "撤回"};
  std::string by_kind;
  int64_t steps = 0;
  for (int k = 0; k < 10; ++k) {
    steps += steps_recorded_[k];
    if (k != 2) {
      EXPECT_GT(steps_recorded_[k], 0) << kKinds[k];
    }
    if (k == 3) continue;  // counted with 2
    absl::StrAppend(
        &by_kind, by_kind.empty() ? "" : ", ", kKinds[k], " ",
        k == 2 ? steps_recorded_[2] + steps_recorded_[3] : steps_recorded_[k]);
  }
  std::printf(
      "fast path agreement: %d random histories (seed %u), %lld steps "
      "recorded (%s), %lld listing comparisons, %lld alerts compared\n",
      kHistories, kSeed, static_cast<long long>(steps), by_kind.c_str(),
      static_cast<long long>(comparisons_),
      static_cast<long long>(alerts_compared_));
  EXPECT_EQ(comparisons_, int64_t{kHistories} * kListingDaysPerHistory);
}

}  // namespace
}  // namespace ogi
