#include "services/cases/case_step_runner.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::SizeIs;

class CaseStepRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    runner_ = std::make_unique<CaseStepRunner>(
        store_.get(), &clock_, &case_clock_, &observer_, "default");
    CaseManager cases(store_.get(), &clock_, &case_clock_, nullptr, "default");
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    auto created = cases.CreateCase(request, "王科员");
    ASSERT_THAT(created, IsOk());
    number_ = created->case_().number();
  }

  // A step that records a new phone number and counts its runs.
  CaseStep PhoneStep(const std::string& phone) {
    return [this, phone](v1::Case& c, const StepContext&) {
      ++steps_run_;
      c.mutable_applicant()->set_phone(phone);
      v1::CaseEvent event;
      event.set_type(v1::CASE_EVENT_TYPE_UPDATED);
      event.set_reason("电话");
      return absl::StatusOr<v1::CaseEvent>(event);
    };
  }

  ManualClock clock_{
      ::ogi::testing::BeijingAt(absl::CivilDay(2022, 3, 10), 10)};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  ::ogi::testing::RecordingObserver observer_;
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<CaseStepRunner> runner_;
  std::string number_;
  int steps_run_ = 0;
};

TEST_F(CaseStepRunnerTest, AStepOnTheExpectedVersionIsStored) {
  auto stored = runner_->Run("", number_, "王科员", 1, PhoneStep("110"));
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->version(), 2);
  EXPECT_EQ(stored->applicant().phone(), "110");
  EXPECT_THAT(observer_.Take(), SizeIs(1));
  // 0 checks nothing.
  stored = runner_->Run("", number_, "王科员", 0, PhoneStep("120"));
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->version(), 3);
}

TEST_F(CaseStepRunnerTest, AStepOnAStaleVersionIsAbortedBeforeItRuns) {
  ASSERT_THAT(runner_->Run("", number_, "王科员", 1, PhoneStep("110")), IsOk());
  observer_.Take();
  steps_run_ = 0;
  EXPECT_THAT(
      runner_->Run("", number_, "李科员", 1, PhoneStep("119")),
      StatusIs(absl::StatusCode::kAborted,
               "expected_version: 案件 2022-0001 当前版本为 2，不是 1"));
  EXPECT_EQ(steps_run_, 0);
  EXPECT_THAT(observer_.Take(), SizeIs(0));
  auto now = store_->GetCase("default", number_);
  ASSERT_THAT(now, IsOk());
  EXPECT_EQ(now->version(), 2);
  EXPECT_EQ(now->applicant().phone(), "110");
  EXPECT_THAT(*store_->ListCaseEvents("default", number_), SizeIs(2));
  // A version from the future is just as stale.
  EXPECT_THAT(runner_->Run("", number_, "李科员", 7, PhoneStep("119")),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("，不是 7")));
}

TEST_F(CaseStepRunnerTest, ANegativeVersionIsInvalid) {
  EXPECT_THAT(runner_->Run("", number_, "王科员", -1, PhoneStep("110")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected_version")));
  EXPECT_EQ(steps_run_, 0);
  // The case is looked up first: an unknown case is NOT_FOUND whatever the
  // version.
  EXPECT_THAT(runner_->Run("", "2022-0099", "王科员", 1, PhoneStep("110")),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace ogi
