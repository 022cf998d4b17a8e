#include "services/cases/case_manager.h"

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/common/paging.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::ogi::testing::ValidNewCase;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// 2022-03-10 10:00 in Beijing.
absl::Time BeijingTime(int y, int m, int d, int hh, int mm) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0),
                         ChinaTimeZone());
}

class CaseManagerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    manager_ = std::make_unique<CaseManager>(store_.get(), &clock_,
                                             &case_clock_, nullptr, "default");
  }

  absl::StatusOr<v1::Case> Create(const v1::Case& c,
                                  absl::string_view actor = "王科员") {
    v1::CreateCaseRequest request;
    *request.mutable_case_() = c;
    auto response = manager_->CreateCase(request, actor);
    if (!response.ok()) return response.status();
    return response->case_();
  }

  int64_t TotalCases() {
    auto list = manager_->ListCases(v1::ListCasesRequest());
    EXPECT_THAT(list, IsOk());
    return list.ok() ? list->total_count() : -1;
  }

  std::vector<v1::CaseEvent> History(const std::string& number) {
    v1::ListCaseHistoryRequest request;
    request.set_number(number);
    auto response = manager_->ListCaseHistory(request);
    EXPECT_THAT(response, IsOk());
    return response.ok()
               ? std::vector<v1::CaseEvent>(response->events().begin(),
                                            response->events().end())
               : std::vector<v1::CaseEvent>{};
  }

  ManualClock clock_{BeijingTime(2022, 3, 10, 10, 0)};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<CaseManager> manager_;
};

TEST_F(CaseManagerTest, CreateDerivesReceiptAndRecordsWhoAndWhat) {
  auto c = Create(ValidNewCase());
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->number(), "2022-0001");
  EXPECT_EQ(c->agency_code(), "default");
  EXPECT_EQ(FormatIsoDate(c->receipt_date()), "2022-03-01");
  EXPECT_EQ(c->status(), v1::CASE_STATUS_PROCESSING);
  EXPECT_EQ(c->version(), 1);
  EXPECT_EQ(c->created_at().seconds(),
            absl::ToUnixSeconds(BeijingTime(2022, 3, 10, 10, 0)));

  const auto events = History(c->number());
  ASSERT_THAT(events, SizeIs(1));
  EXPECT_EQ(events[0].type(), v1::CASE_EVENT_TYPE_CREATED);
  EXPECT_EQ(events[0].actor(), "王科员");
  bool saw_receipt = false;
  for (const auto& change : events[0].changes()) {
    if (change.field() == "receipt_date") {
      saw_receipt = true;
      EXPECT_EQ(change.new_value(), "2022-03-01");
    }
  }
  EXPECT_TRUE(saw_receipt);
}

TEST_F(CaseManagerTest, ArrivalDefaultsToTodayInBeijing) {
  // 2022-03-09 17:30 UTC is 2022-03-10 01:30 in Beijing.
  clock_.Set(absl::FromCivil(absl::CivilSecond(2022, 3, 9, 17, 30, 0),
                             absl::UTCTimeZone()));
  v1::Case c = ValidNewCase();
  c.clear_arrival_date();
  auto created = Create(c);
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(FormatIsoDate(created->arrival_date()), "2022-03-10");
  // ... and Beijing's tomorrow is refused even though it is only the 9th in
  // UTC.
  *c.mutable_arrival_date() = ToProtoDate(absl::CivilDay(2022, 3, 11));
  EXPECT_THAT(Create(c),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("arrival_date: 2022-03-11 晚于今天")));
}

TEST_F(CaseManagerTest, PendingConfirmationUntilConfirmed) {
  v1::Case c = ValidNewCase();
  c.set_channel(v1::CHANNEL_ORDINARY_MAIL);
  auto created = Create(c);
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(created->status(), v1::CASE_STATUS_PENDING_CONFIRMATION);
  EXPECT_FALSE(created->has_receipt_date());

  v1::UpdateCaseRequest update;
  update.set_number(created->number());
  *update.mutable_case_()->mutable_confirmation_date() =
      ToProtoDate(absl::CivilDay(2022, 3, 4));
  update.mutable_update_mask()->add_paths("confirmation_date");
  update.set_reason("3月4日电话联系上申请人并确认");
  auto updated = manager_->UpdateCase(update, "王科员");
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->case_().status(), v1::CASE_STATUS_PROCESSING);
  EXPECT_EQ(FormatIsoDate(updated->case_().receipt_date()), "2022-03-04");

  const auto events = History(created->number());
  ASSERT_THAT(events, SizeIs(2));
  std::vector<std::string> fields;
  for (const auto& change : events[1].changes()) {
    fields.push_back(change.field());
  }
  EXPECT_THAT(fields,
              ::testing::ElementsAre("confirmation_date", "receipt_date",
                                     "status", "deadlines.answer_due",
                                     "deadlines.correction_notice_due"));
  // Received Fri 2022-03-04: 7 working days → Tue 03-15; 20 → Fri 04-01
  // (no holiday in March 2022).
  EXPECT_EQ(events[1].changes(3).new_value(), "2022-04-01");
  EXPECT_EQ(events[1].changes(4).new_value(), "2022-03-15");
  EXPECT_EQ(FormatIsoDate(updated->case_().deadlines().answer_due()),
            "2022-04-01");
  EXPECT_EQ(events[1].reason(), "3月4日电话联系上申请人并确认");
}

TEST_F(CaseManagerTest, InvalidCreateStoresNothing) {
  v1::Case c = ValidNewCase();
  c.mutable_applicant()->clear_name();
  EXPECT_THAT(Create(c), StatusIs(absl::StatusCode::kInvalidArgument,
                                  HasSubstr("applicant.name: 不能为空")));
  EXPECT_THAT(
      Create(ValidNewCase(), ""),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("actor: 缺失")));
  v1::Case with_number = ValidNewCase();
  with_number.set_number("2022-0001");
  EXPECT_THAT(Create(with_number),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("case.number: 由服务器生成，请留空")));
  v1::Case other_agency = ValidNewCase();
  other_agency.set_agency_code("nowhere");
  EXPECT_THAT(Create(other_agency), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(TotalCases(), 0);
  // The first valid case still gets the first number.
  EXPECT_EQ(Create(ValidNewCase())->number(), "2022-0001");
}

TEST_F(CaseManagerTest, UpdateNeedsAReasonAndARealChange) {
  auto created = Create(ValidNewCase());
  ASSERT_THAT(created, IsOk());
  v1::UpdateCaseRequest update;
  update.set_number(created->number());
  update.mutable_case_()->mutable_applicant()->set_name("张三");
  update.mutable_update_mask()->add_paths("applicant.name");
  EXPECT_THAT(manager_->UpdateCase(update, "王科员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("reason: 须写明更正理由")));
  update.set_reason("核对");
  EXPECT_THAT(
      manager_->UpdateCase(update, "王科员"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("update_mask: 更正内容与原记录相同，没有改动")));
  update.mutable_case_()->mutable_applicant()->set_name("");
  EXPECT_THAT(manager_->UpdateCase(update, "王科员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("applicant.name: 不能为空")));
  update.mutable_case_()->mutable_applicant()->set_name("张叁");
  update.set_number("2022-0404");
  EXPECT_THAT(manager_->UpdateCase(update, "王科员"),
              StatusIs(absl::StatusCode::kNotFound));

  // None of the failures left a trace.
  v1::GetCaseRequest get;
  get.set_number(created->number());
  EXPECT_EQ(manager_->GetCase(get)->case_().version(), 1);
  EXPECT_THAT(History(created->number()), SizeIs(1));
}

TEST_F(CaseManagerTest, ListValidatesItsArguments) {
  v1::ListCasesRequest request;
  request.set_page_size(501);
  EXPECT_THAT(
      manager_->ListCases(request),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
  request.set_page_size(10);
  request.set_page_token("garbage");
  EXPECT_THAT(
      manager_->ListCases(request),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  request.clear_page_token();
  *request.mutable_received_from() = ToProtoDate(absl::CivilDay(2022, 3, 5));
  *request.mutable_received_to() = ToProtoDate(absl::CivilDay(2022, 3, 1));
  EXPECT_THAT(
      manager_->ListCases(request),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("received_to: 2022-03-01 早于 received_from")));
}

TEST_F(CaseManagerTest, ListPagesWithOpaqueTokens) {
  for (int i = 0; i < 5; ++i) ASSERT_THAT(Create(ValidNewCase()), IsOk());
  v1::ListCasesRequest request;
  request.set_page_size(2);
  std::vector<std::string> numbers;
  do {
    auto page = manager_->ListCases(request);
    ASSERT_THAT(page, IsOk());
    EXPECT_EQ(page->total_count(), 5);
    for (const auto& c : page->cases()) numbers.push_back(c.number());
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  EXPECT_THAT(numbers,
              ::testing::ElementsAre("2022-0005", "2022-0004", "2022-0003",
                                     "2022-0002", "2022-0001"));
}

// A case may hold 100 items of 2,000 characters (600 kB in UTF-8): a page
// of them ends early so that the response stays under 3.5 MB, and the next
// page goes on after the last case sent. A token of other filters is
// refused.
TEST_F(CaseManagerTest, ListPagesEndEarlyWithinTheByteBudget) {
  v1::Case big = ValidNewCase();
  big.clear_items();
  std::string text;
  for (int k = 0; k < 2000; ++k) text += "申";  // 3 bytes each
  for (int i = 0; i < 100; ++i) big.add_items()->set_description(text);
  for (int i = 0; i < 8; ++i) ASSERT_THAT(Create(big), IsOk());
  v1::ListCasesRequest request;  // page_size 0: up to 50 cases
  std::vector<std::string> numbers;
  std::vector<int> sizes;
  std::string first_token;
  do {
    auto page = manager_->ListCases(request);
    ASSERT_THAT(page, IsOk());
    EXPECT_LT(page->ByteSizeLong(), kMaxPageBytes);
    sizes.push_back(page->cases_size());
    for (const auto& c : page->cases()) numbers.push_back(c.number());
    if (first_token.empty()) first_token = page->next_page_token();
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty() && sizes.size() < 10);
  // 600 kB a case: 6 fit in 3.5 MB, the other 2 come on the next page.
  EXPECT_THAT(sizes, ::testing::ElementsAre(6, 2));
  EXPECT_THAT(numbers, ::testing::ElementsAre(
                           "2022-0008", "2022-0007", "2022-0006", "2022-0005",
                           "2022-0004", "2022-0003", "2022-0002", "2022-0001"));

  request.set_page_token(first_token);
  request.set_text("申");
  EXPECT_THAT(manager_->ListCases(request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("page_token: 与本次查询条件不符")));
}

TEST_F(CaseManagerTest, GetRejectsMalformedNumbers) {
  v1::GetCaseRequest request;
  request.set_number("13");
  EXPECT_THAT(
      manager_->GetCase(request),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("number: \"13\" 不是形如 2022-0013 的案件编号")));
  request.set_number("2022-0001");
  EXPECT_THAT(manager_->GetCase(request),
              StatusIs(absl::StatusCode::kNotFound));
}

// A create request with an idempotency key.
v1::CreateCaseRequest KeyedRequest(const v1::Case& c, const std::string& key) {
  v1::CreateCaseRequest request;
  *request.mutable_case_() = c;
  request.set_idempotency_key(key);
  return request;
}

TEST_F(CaseManagerTest, ARetriedKeyedCreateReturnsTheFirstCase) {
  v1::Case c = ValidNewCase();
  c.clear_arrival_date();  // today, 2022-03-10
  auto first = manager_->CreateCase(KeyedRequest(c, "form-17/try"), "王科员");
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->case_().number(), "2022-0001");

  // Retried the next day by someone else: the request, not its defaults, is
  // what identifies it.
  clock_.Set(BeijingTime(2022, 3, 11, 9, 0));
  auto retry = manager_->CreateCase(KeyedRequest(c, "form-17/try"), "李科员");
  ASSERT_THAT(retry, IsOk());
  EXPECT_EQ(retry->case_().number(), "2022-0001");
  EXPECT_EQ(FormatIsoDate(retry->case_().arrival_date()), "2022-03-10");
  EXPECT_EQ(retry->case_().version(), 1);
  EXPECT_TRUE(retry->case_().has_deadlines());
  EXPECT_EQ(TotalCases(), 1);
  EXPECT_THAT(History("2022-0001"), SizeIs(1));

  // The same request under the default agency's explicit code is the same.
  c.set_agency_code("default");
  auto explicit_agency =
      manager_->CreateCase(KeyedRequest(c, "form-17/try"), "王科员");
  ASSERT_THAT(explicit_agency, IsOk());
  EXPECT_EQ(explicit_agency->case_().number(), "2022-0001");

  // Without a key, or with another, it is a new case.
  c.clear_agency_code();
  EXPECT_EQ(Create(c)->number(), "2022-0002");
  auto other = manager_->CreateCase(KeyedRequest(c, "form-18"), "王科员");
  ASSERT_THAT(other, IsOk());
  EXPECT_EQ(other->case_().number(), "2022-0003");
  EXPECT_EQ(TotalCases(), 3);
}

TEST_F(CaseManagerTest, AKeyReusedForAnotherCaseIsRefused) {
  ASSERT_THAT(manager_->CreateCase(KeyedRequest(ValidNewCase(), "k"), "王科员"),
              IsOk());
  v1::Case other = ValidNewCase();
  other.mutable_applicant()->set_name("李四");
  EXPECT_THAT(manager_->CreateCase(KeyedRequest(other, "k"), "王科员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("idempotency_key: \"k\""),
                             HasSubstr("2022-0001"))));
  EXPECT_EQ(TotalCases(), 1);
}

TEST_F(CaseManagerTest, AReplayShowsTheCaseAsItIsNow) {
  ASSERT_THAT(manager_->CreateCase(KeyedRequest(ValidNewCase(), "k"), "王科员"),
              IsOk());
  v1::UpdateCaseRequest update;
  update.set_number("2022-0001");
  update.set_reason("电话号码有误");
  update.mutable_case_()->mutable_applicant()->set_phone("0635-8888888");
  update.mutable_update_mask()->add_paths("applicant.phone");
  ASSERT_THAT(manager_->UpdateCase(update, "王科员"), IsOk());
  auto replay =
      manager_->CreateCase(KeyedRequest(ValidNewCase(), "k"), "王科员");
  ASSERT_THAT(replay, IsOk());
  EXPECT_EQ(replay->case_().version(), 2);
  EXPECT_EQ(replay->case_().applicant().phone(), "0635-8888888");
}

TEST_F(CaseManagerTest, KeysAreShortPrintableAscii) {
  EXPECT_THAT(
      manager_->CreateCase(KeyedRequest(ValidNewCase(), std::string(129, 'k')),
                           "王科员"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("idempotency_key: 最多 128 个字符")));
  for (const std::string& bad :
       std::vector<std::string>{"tab\there", "键", std::string("a\0b", 3)}) {
    EXPECT_THAT(
        manager_->CreateCase(KeyedRequest(ValidNewCase(), bad), "王科员"),
        StatusIs(absl::StatusCode::kInvalidArgument,
                 HasSubstr("idempotency_key: 只能包含可打印的 ASCII 字符")))
        << bad;
  }
  EXPECT_EQ(TotalCases(), 0);
  EXPECT_THAT(
      manager_->CreateCase(KeyedRequest(ValidNewCase(), std::string(128, '~')),
                           "王科员"),
      IsOk());
  EXPECT_THAT(
      manager_->CreateCase(KeyedRequest(ValidNewCase(), "a key ~!"), "王科员"),
      IsOk());
}

TEST_F(CaseManagerTest, ConcurrentKeyedRetriesCreateOneCase) {
  constexpr int kThreads = 8;
  std::vector<std::string> numbers(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto response =
          manager_->CreateCase(KeyedRequest(ValidNewCase(), "same"), "王科员");
      if (response.ok()) numbers[i] = response->case_().number();
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(numbers, ::testing::Each(std::string("2022-0001")));
  EXPECT_EQ(TotalCases(), 1);
}

TEST_F(CaseManagerTest, UpdateWithAStaleVersionIsAborted) {
  ASSERT_THAT(Create(ValidNewCase()), IsOk());
  v1::UpdateCaseRequest update;
  update.set_number("2022-0001");
  update.set_reason("电话号码有误");
  update.mutable_case_()->mutable_applicant()->set_phone("0635-8888888");
  update.mutable_update_mask()->add_paths("applicant.phone");
  update.set_expected_version(1);
  auto updated = manager_->UpdateCase(update, "王科员");
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->case_().version(), 2);

  // A second client that also read version 1.
  update.mutable_case_()->mutable_applicant()->set_phone("0635-9999999");
  EXPECT_THAT(
      manager_->UpdateCase(update, "李科员"),
      StatusIs(absl::StatusCode::kAborted,
               "expected_version: 案件 2022-0001 当前版本为 2，不是 1"));
  update.set_expected_version(-1);
  EXPECT_THAT(manager_->UpdateCase(update, "李科员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected_version: -1 为负数")));
  EXPECT_THAT(History("2022-0001"), SizeIs(2));

  // With the current version, or none, it goes through.
  update.set_expected_version(2);
  ASSERT_THAT(manager_->UpdateCase(update, "李科员"), IsOk());
  update.mutable_case_()->mutable_applicant()->set_phone("0635-7777777");
  update.set_expected_version(0);
  auto unchecked = manager_->UpdateCase(update, "李科员");
  ASSERT_THAT(unchecked, IsOk());
  EXPECT_EQ(unchecked->case_().version(), 4);
}

TEST(ExpectedVersionTest, ChecksOnlyWhenSet) {
  v1::Case c;
  c.set_number("2022-0013");
  c.set_version(3);
  EXPECT_THAT(CheckExpectedVersion(c, 0), IsOk());
  EXPECT_THAT(CheckExpectedVersion(c, 3), IsOk());
  EXPECT_THAT(
      CheckExpectedVersion(c, 2),
      StatusIs(absl::StatusCode::kAborted,
               "expected_version: 案件 2022-0013 当前版本为 3，不是 2"));
  EXPECT_THAT(CheckExpectedVersion(c, 4),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("，不是 4")));
  EXPECT_THAT(ValidateExpectedVersion(0), IsOk());
  EXPECT_THAT(ValidateExpectedVersion(-5),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected_version")));
}

}  // namespace
}  // namespace ogi
