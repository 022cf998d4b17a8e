#include "storage/sqlite_case_store.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "services/common/civil_date.h"
#include "storage/schema_migrations.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/damaged_database.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::DeadlineSummaries;
using ::ogi::testing::IsOk;
using ::ogi::testing::MakeEvent;
using ::ogi::testing::MakeStoredCase;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Runs every test against both an in-memory and a file database: the two
// take different read paths (writer connection vs. reader pool).
class SqliteCaseStoreTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency(
        "a", "甲局", GetParam() ? tmp_.File("ogi.db") : ":memory:");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    v1::Agency agency;
    agency.set_code("b");
    agency.set_name("乙局");
    ASSERT_THAT(store_->UpsertAgency(agency), IsOk());
  }

  v1::Case Create(const std::string& agency, const std::string& name,
                  absl::CivilDay arrival,
                  v1::ApplicantType type = v1::APPLICANT_TYPE_NATURAL_PERSON,
                  const std::string& item = "2021年度行政许可办理情况") {
    auto c =
        store_->CreateCase(MakeStoredCase(agency, name, arrival, type, item),
                           MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
    EXPECT_THAT(c, IsOk());
    return c.ok() ? *c : v1::Case();
  }

  ::ogi::testing::TempDir tmp_;  // the file database's; outlives store_
  std::unique_ptr<SqliteCaseStore> store_;
};

TEST_P(SqliteCaseStoreTest, AgenciesAreUpsertedAndListedByCode) {
  v1::Agency renamed;
  renamed.set_code("a");
  renamed.set_name("甲市行政审批服务局");
  ASSERT_THAT(store_->UpsertAgency(renamed), IsOk());
  auto agencies = store_->ListAgencies();
  ASSERT_THAT(agencies, IsOk());
  ASSERT_EQ(agencies->size(), 2u);
  EXPECT_EQ((*agencies)[0].name(), "甲市行政审批服务局");
  EXPECT_EQ((*agencies)[1].code(), "b");
  EXPECT_THAT(store_->GetAgency("zzz"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("agency_code")));
}

TEST_P(SqliteCaseStoreTest, NumbersRunPerAgencyAndArrivalYear) {
  EXPECT_EQ(Create("a", "张三", absl::CivilDay(2022, 3, 1)).number(),
            "2022-0001");
  EXPECT_EQ(Create("a", "李四", absl::CivilDay(2022, 12, 31)).number(),
            "2022-0002");
  EXPECT_EQ(Create("a", "王五", absl::CivilDay(2023, 1, 3)).number(),
            "2023-0001");
  EXPECT_EQ(Create("b", "赵六", absl::CivilDay(2022, 5, 5)).number(),
            "2022-0001");
  const v1::Case c = Create("a", "钱七", absl::CivilDay(2022, 6, 1));
  EXPECT_EQ(c.number(), "2022-0003");
  EXPECT_EQ(c.version(), 1);
  EXPECT_EQ(c.created_at().seconds(), 1700000000);
}

TEST_P(SqliteCaseStoreTest, CreateForUnknownAgencyStoresNothing) {
  auto c = store_->CreateCase(
      MakeStoredCase("nope", "张三", absl::CivilDay(2022, 3, 1)),
      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
  EXPECT_THAT(c, StatusIs(absl::StatusCode::kNotFound, HasSubstr("nope")));
  // The sequence was not consumed either: the next case is still 0001.
  EXPECT_EQ(Create("a", "张三", absl::CivilDay(2022, 3, 1)).number(),
            "2022-0001");
}

TEST_P(SqliteCaseStoreTest, GetReturnsTheStoredCaseAndNotFoundOtherwise) {
  const v1::Case created = Create("a", "张三", absl::CivilDay(2022, 3, 1));
  auto got = store_->GetCase("a", created.number());
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->SerializeAsString(), created.SerializeAsString());
  EXPECT_THAT(store_->GetCase("b", created.number()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("2022-0001")));
  EXPECT_THAT(store_->GetCase("a", "2022-0099"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(SqliteCaseStoreTest, MutationAppendsAnEventAndBumpsTheVersion) {
  const v1::Case created = Create("a", "张三", absl::CivilDay(2022, 3, 1));
  auto updated = store_->MutateCase("a", created.number(), [](v1::Case& c) {
    c.mutable_applicant()->set_name("张三丰");
    v1::CaseEvent e =
        MakeEvent(v1::CASE_EVENT_TYPE_UPDATED, "head", 1700000100);
    e.set_reason("姓名录入错误");
    return absl::StatusOr<v1::CaseEvent>(e);
  });
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->version(), 2);
  EXPECT_EQ(updated->updated_at().seconds(), 1700000100);
  EXPECT_EQ(updated->created_at().seconds(), 1700000000);

  auto events = store_->ListCaseEvents("a", created.number());
  ASSERT_THAT(events, IsOk());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].sequence(), 1);
  EXPECT_EQ((*events)[0].snapshot().applicant().name(), "张三");
  EXPECT_EQ((*events)[1].sequence(), 2);
  EXPECT_EQ((*events)[1].reason(), "姓名录入错误");
  EXPECT_EQ((*events)[1].snapshot().applicant().name(), "张三丰");
  EXPECT_EQ((*events)[1].snapshot().version(), 2);
}

TEST_P(SqliteCaseStoreTest, FailedMutationChangesNothing) {
  const v1::Case created = Create("a", "张三", absl::CivilDay(2022, 3, 1));
  auto result = store_->MutateCase("a", created.number(), [](v1::Case& c) {
    c.mutable_applicant()->set_name("不应保存");
    return absl::StatusOr<v1::CaseEvent>(absl::InvalidArgumentError("x: bad"));
  });
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument,
                               HasSubstr("x: bad")));
  auto got = store_->GetCase("a", created.number());
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->applicant().name(), "张三");
  EXPECT_EQ(got->version(), 1);
  EXPECT_EQ(store_->ListCaseEvents("a", created.number())->size(), 1u);
}

TEST_P(SqliteCaseStoreTest, ListFiltersAndCounts) {
  Create("a", "张三", absl::CivilDay(2022, 3, 1));
  Create("a", "Acme Trading 有限公司", absl::CivilDay(2022, 4, 1),
         v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE, "招标文件");
  Create("a", "李四", absl::CivilDay(2022, 5, 1),
         v1::APPLICANT_TYPE_NATURAL_PERSON, "100%_完成率 报告");
  Create("b", "张三", absl::CivilDay(2022, 3, 1));

  auto names = [&](CaseQuery q) {
    q.agency_code = "a";
    std::vector<std::string> out;
    auto page = store_->ListCases(q);
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const auto& c : page->cases) out.push_back(c.applicant().name());
    }
    return out;
  };
  EXPECT_THAT(names({}), ElementsAre("李四", "Acme Trading 有限公司", "张三"));
  CaseQuery by_type;
  by_type.applicant_type = v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE;
  EXPECT_THAT(names(by_type), ElementsAre("Acme Trading 有限公司"));
  CaseQuery by_range;
  by_range.received_from = absl::CivilDay(2022, 3, 2);
  by_range.received_to = absl::CivilDay(2022, 5, 1);
  EXPECT_THAT(names(by_range), ElementsAre("李四", "Acme Trading 有限公司"));
  CaseQuery by_text;
  by_text.text = "acme";  // ASCII case-insensitive
  EXPECT_THAT(names(by_text), ElementsAre("Acme Trading 有限公司"));
  by_text.text = "招标";  // found in the items
  EXPECT_THAT(names(by_text), ElementsAre("Acme Trading 有限公司"));
  by_text.text = "0%_";  // wildcards are literal
  EXPECT_THAT(names(by_text), ElementsAre("李四"));
  by_text.text = "%";
  EXPECT_THAT(names(by_text), ElementsAre("李四"));
  CaseQuery by_status;
  by_status.status = v1::CASE_STATUS_PENDING_CONFIRMATION;
  EXPECT_THAT(names(by_status), ElementsAre());

  // A review filed on 李四's case: only that case has proceedings.
  CaseQuery with_proceedings;
  with_proceedings.with_proceedings = true;
  EXPECT_THAT(names(with_proceedings), ElementsAre());
  ASSERT_THAT(store_->MutateCase(
                  "a", "2022-0003",
                  [](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
                    c.add_reviews()->set_organ("聊城市人民政府");
                    return MakeEvent(v1::CASE_EVENT_TYPE_REVIEW_FILED, "legal");
                  }),
              IsOk());
  EXPECT_THAT(names(with_proceedings), ElementsAre("李四"));
}

TEST_P(SqliteCaseStoreTest, PagesCoverEveryCaseOnceWithTotals) {
  for (int i = 0; i < 7; ++i)
    Create("a", "申请人" + std::to_string(i), absl::CivilDay(2022, 3, 1));
  CaseQuery q;
  q.agency_code = "a";
  q.page_size = 3;
  std::set<std::string> seen;
  int pages = 0;
  while (true) {
    auto page = store_->ListCases(q);
    ASSERT_THAT(page, IsOk());
    EXPECT_EQ(page->total_count, 7);
    ++pages;
    for (const auto& c : page->cases)
      EXPECT_TRUE(seen.insert(c.number()).second);
    if (page->next_cursor == 0) break;
    q.before_cursor = page->next_cursor;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 7u);
}

TEST_P(SqliteCaseStoreTest, ConcurrentCreatesGetDistinctNumbers) {
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> numbers(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto c = store_->CreateCase(
            MakeStoredCase("a", "并发", absl::CivilDay(2024, 1, 2)),
            MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "c"));
        if (c.ok()) numbers[t].push_back(c->number());
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& n : numbers) all.insert(n.begin(), n.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(*all.rbegin(), "2024-0200");
}

// Stored deadlines as the deadline engine would leave them (only the fields
// the store copies into columns matter here).
v1::Case WithDeadlines(v1::Case c, absl::CivilDay answer_due,
                       absl::CivilDay notice_due) {
  v1::Deadlines* d = c.mutable_deadlines();
  d->set_state(v1::CLOCK_STATE_RUNNING);
  *d->mutable_answer_due() = ToProtoDate(answer_due);
  *d->mutable_correction_notice_due() = ToProtoDate(notice_due);
  return c;
}

// A query over every stored deadline date.
AttentionQuery Everything(const std::string& agency = "") {
  AttentionQuery query;
  query.agency_code = agency;
  query.answer_due_until = absl::CivilDay(2099, 12, 31);
  query.notice_due_until = absl::CivilDay(2099, 12, 31);
  query.window_end_until = absl::CivilDay(2099, 12, 31);
  return query;
}

// "agency/number" of each summary.
std::vector<std::string> Listed(
    const std::vector<CaseDeadlineSummary>& summaries) {
  std::vector<std::string> out;
  for (const CaseDeadlineSummary& s : summaries) {
    out.push_back(absl::StrCat(s.agency_code, "/", s.number));
  }
  return out;
}

std::vector<std::string> Listed(const std::vector<v1::Case>& cases) {
  std::vector<std::string> out;
  for (const v1::Case& c : cases) {
    out.push_back(absl::StrCat(c.agency_code(), "/", c.number()));
  }
  return out;
}

std::string DayText(const std::optional<absl::CivilDay>& day) {
  return day ? FormatIsoDate(*day) : "-";
}

// "number answer notice window kind provisional record" of a summary.
std::string Describe(const CaseDeadlineSummary& s) {
  return absl::StrCat(s.number, " ", DayText(s.answer_due), " ",
                      DayText(s.notice_due), " ", DayText(s.window_end), " ",
                      v1::ApplicantWindowKind_Name(s.window_kind),
                      s.provisional ? " provisional" : "",
                      s.record != nullptr ? " record" : "");
}

TEST_P(SqliteCaseStoreTest, DeadlineSummariesCarryWhatAListingNeeds) {
  const absl::CivilDay day(2025, 9, 26);
  const absl::CivilDay answer(2025, 10, 30), notice(2025, 10, 13);
  // 1: the clock runs; the 补正 notice duty is pending.
  Create("a", "张三", day);
  ASSERT_THAT(store_->MutateCase("a", "2025-0001",
                                 [&](v1::Case& c) {
                                   c = WithDeadlines(c, answer, notice);
                                   return MakeEvent(v1::CASE_EVENT_TYPE_UPDATED,
                                                    "clerk");
                                 }),
              IsOk());
  // 2: the notice is sent: no duty; the applicant's window is open.
  v1::Case sent =
      WithDeadlines(MakeStoredCase("a", "李四", day), answer, notice);
  *sent.mutable_procedure()->mutable_correction()->mutable_sent() =
      ToProtoDate(absl::CivilDay(2025, 10, 9));
  sent.mutable_deadlines()->clear_answer_due();
  sent.mutable_deadlines()->set_window_kind(
      v1::APPLICANT_WINDOW_KIND_CORRECTION);
  *sent.mutable_deadlines()->mutable_window_end() =
      ToProtoDate(absl::CivilDay(2025, 10, 24));
  // 3: dates in a year with no holiday arrangement.
  v1::Case provisional = WithDeadlines(MakeStoredCase("a", "王五", day),
                                       absl::CivilDay(2027, 1, 7), notice);
  provisional.mutable_deadlines()->set_provisional(true);
  // 4: a consultation awaits its reply: the listing needs the record.
  v1::Case paused =
      WithDeadlines(MakeStoredCase("a", "赵六", day), answer, notice);
  paused.mutable_procedure()->add_consultations()->set_party("某公司");
  // 5: an unpaid fee: the same.
  v1::Case unpaid =
      WithDeadlines(MakeStoredCase("a", "孙七", day), answer, notice);
  *unpaid.mutable_procedure()->mutable_fee()->mutable_served() =
      ToProtoDate(day);
  for (v1::Case* c : {&sent, &provisional, &paused, &unpaid}) {
    ASSERT_THAT(
        store_->CreateCase(*c, MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
        IsOk());
  }

  auto summaries = DeadlineSummaries(*store_, Everything("a"));
  ASSERT_THAT(summaries, IsOk());
  std::vector<std::string> described;
  for (const CaseDeadlineSummary& s : *summaries) {
    described.push_back(Describe(s));
  }
  EXPECT_THAT(
      described,
      ElementsAre(
          "2025-0001 2025-10-30 2025-10-13 - APPLICANT_WINDOW_KIND_UNSPECIFIED",
          "2025-0002 - - 2025-10-24 APPLICANT_WINDOW_KIND_CORRECTION",
          "2025-0003 2027-01-07 2025-10-13 - APPLICANT_WINDOW_KIND_UNSPECIFIED "
          "provisional",
          "2025-0004 2025-10-30 2025-10-13 - APPLICANT_WINDOW_KIND_UNSPECIFIED "
          "record",
          "2025-0005 2025-10-30 2025-10-13 - APPLICANT_WINDOW_KIND_UNSPECIFIED "
          "record"));
  ASSERT_EQ(summaries->size(), 5u);
  const CaseDeadlineSummary& first = (*summaries)[0];
  EXPECT_EQ(first.agency_code, "a");
  EXPECT_EQ(first.applicant_name, "张三");
  EXPECT_EQ((*summaries)[3].record->procedure().consultations(0).party(),
            "某公司");
  EXPECT_EQ((*summaries)[3].record->number(), "2025-0004");
}

TEST_P(SqliteCaseStoreTest,
       DeadlineSummariesSelectWhatTheAttentionListingDoes) {
  const absl::CivilDay day(2025, 9, 26);
  auto add = [&](const std::string& agency, absl::CivilDay answer,
                 absl::CivilDay notice,
                 v1::ClockState state = v1::CLOCK_STATE_RUNNING) {
    v1::Case c =
        WithDeadlines(MakeStoredCase(agency, "张三", day), answer, notice);
    c.mutable_deadlines()->set_state(state);
    ASSERT_THAT(
        store_->CreateCase(c, MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
        IsOk());
  };
  add("a", absl::CivilDay(2025, 10, 30), absl::CivilDay(2025, 10, 13));  // a/1
  add("b", absl::CivilDay(2025, 10, 31), absl::CivilDay(2025, 10, 20));  // b/1
  add("a", absl::CivilDay(2025, 11, 20), absl::CivilDay(2025, 10, 31));  // a/2
  add("a", absl::CivilDay(2025, 10, 30), absl::CivilDay(2025, 10, 30),
      v1::CLOCK_STATE_STOPPED);  // a/3: concluded, never listed
  add("a", absl::CivilDay(2025, 12, 1), absl::CivilDay(2025, 11, 3));  // a/4

  AttentionQuery soon;  // answers due by 10-31, duties 10-13..10-31
  soon.answer_due_until = absl::CivilDay(2025, 10, 31);
  soon.notice_due_from = absl::CivilDay(2025, 10, 13);
  soon.notice_due_until = absl::CivilDay(2025, 10, 31);
  AttentionQuery only_a = soon;
  only_a.agency_code = "a";
  AttentionQuery answers;  // answers due 10-31..11-20
  answers.answer_due_from = absl::CivilDay(2025, 10, 31);
  answers.answer_due_until = absl::CivilDay(2025, 11, 20);
  const std::vector<std::pair<AttentionQuery, std::vector<std::string>>>
      kQueries = {
          // a/1 is in both ranges, and listed once.
          {soon, {"a/2025-0001", "b/2025-0001", "a/2025-0002"}},
          {only_a, {"a/2025-0001", "a/2025-0002"}},
          {answers, {"b/2025-0001", "a/2025-0002"}},
          {Everything(),
           {"a/2025-0001", "b/2025-0001", "a/2025-0002", "a/2025-0004"}},
      };
  for (const auto& [query, expected] : kQueries) {
    auto summaries = DeadlineSummaries(*store_, query);
    ASSERT_THAT(summaries, IsOk());
    EXPECT_EQ(Listed(*summaries), expected);
    auto cases = store_->ListCasesNeedingAttention(query);
    ASSERT_THAT(cases, IsOk());
    EXPECT_EQ(Listed(*cases), expected);  // in creation order
  }
  auto no_range = DeadlineSummaries(*store_, AttentionQuery());
  ASSERT_THAT(no_range, IsOk());
  EXPECT_TRUE(no_range->empty());
  EXPECT_THAT(DeadlineSummaries(*store_, Everything("nope")),
              StatusIs(absl::StatusCode::kNotFound));
  // The first error of the visitor ends the listing, and is returned.
  int visited = 0;
  EXPECT_THAT(
      store_->ForEachDeadlineSummary(Everything(),
                                     [&](CaseDeadlineSummary&) {
                                       ++visited;
                                       return absl::CancelledError("enough");
                                     }),
      StatusIs(absl::StatusCode::kCancelled, HasSubstr("enough")));
  EXPECT_EQ(visited, 1);
}

TEST_P(SqliteCaseStoreTest, DutiesAfterTheAnswerAreFoundOpenOrConcluded) {
  const absl::CivilDay day(2025, 9, 1);
  const absl::CivilDay answer(2025, 9, 29), notice(2025, 9, 8);
  // a/1: open, its silence contested: a review's defence due 10-20.
  v1::Case open =
      WithDeadlines(MakeStoredCase("a", "张三", day), answer, notice);
  v1::Review* r = open.add_reviews();
  r->set_id("2025-0001-R1");
  *r->mutable_defence_due() = ToProtoDate(absl::CivilDay(2025, 10, 20));
  // a/2: concluded; a lawsuit's defence due 11-10.
  v1::Case sued =
      WithDeadlines(MakeStoredCase("a", "李四", day), answer, notice);
  sued.mutable_deadlines()->set_state(v1::CLOCK_STATE_STOPPED);
  v1::Lawsuit* l = sued.add_lawsuits();
  l->set_id("2025-0002-L1");
  *l->mutable_defence_due() = ToProtoDate(absl::CivilDay(2025, 11, 10));
  // a/3: concluded; its review decided: nothing left.
  v1::Case decided = sued;
  decided.clear_lawsuits();
  v1::Review* done = decided.add_reviews();
  done->set_id("2025-0003-R1");
  *done->mutable_defence_due() = ToProtoDate(absl::CivilDay(2025, 10, 1));
  done->set_decision(v1::PROCEEDING_DECISION_UPHELD);
  // b/1: concluded; a re-answer due 10-25.
  v1::Case reanswer = sued;
  reanswer.set_agency_code("b");
  reanswer.clear_lawsuits();
  reanswer.add_reviews()->set_id("2025-0001-R1");
  v1::ReAnswer* a = reanswer.add_re_answers();
  a->set_id(1);
  a->set_ordered_by("2025-0001-R1");
  *a->mutable_due() = ToProtoDate(absl::CivilDay(2025, 10, 25));
  for (const v1::Case* c : {&open, &sued, &decided, &reanswer}) {
    ASSERT_THAT(
        store_->CreateCase(*c, MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
        IsOk());
  }

  AttentionQuery duties;  // duties due by 10-31
  duties.duty_due_until = absl::CivilDay(2025, 10, 31);
  AttentionQuery duties_of_a = duties;
  duties_of_a.agency_code = "a";
  AttentionQuery with_answers = duties;  // and answers due by 10-31
  with_answers.answer_due_until = absl::CivilDay(2025, 10, 31);
  AttentionQuery later = duties;
  later.duty_due_from = absl::CivilDay(2025, 10, 21);
  later.duty_due_until = absl::CivilDay(2025, 12, 31);
  struct Expected {
    AttentionQuery query;
    std::vector<std::string> summaries;  // "agency/number[ duties]"
    std::vector<std::string> cases;
  };
  const Expected kQueries[] = {
      {duties,
       {"a/2025-0001 duties", "b/2025-0001 duties"},
       {"a/2025-0001", "b/2025-0001"}},
      {duties_of_a, {"a/2025-0001 duties"}, {"a/2025-0001"}},
      // An open case is visited for its deadlines and once more for its
      // duties; ListCasesNeedingAttention returns it once.
      {with_answers,
       {"a/2025-0001", "a/2025-0001 duties", "b/2025-0001 duties"},
       {"a/2025-0001", "b/2025-0001"}},
      {later,
       {"a/2025-0002 duties", "b/2025-0001 duties"},
       {"a/2025-0002", "b/2025-0001"}},
  };
  for (const Expected& t : kQueries) {
    auto summaries = DeadlineSummaries(*store_, t.query);
    ASSERT_THAT(summaries, IsOk());
    std::vector<std::string> described;
    for (const CaseDeadlineSummary& s : *summaries) {
      described.push_back(absl::StrCat(s.agency_code, "/", s.number,
                                       s.for_duties ? " duties" : ""));
      // A duty visit carries the record its duties are read from.
      EXPECT_EQ(s.record != nullptr, s.for_duties) << described.back();
    }
    EXPECT_EQ(described, t.summaries);
    auto cases = store_->ListCasesNeedingAttention(t.query);
    ASSERT_THAT(cases, IsOk());
    EXPECT_EQ(Listed(*cases), t.cases);
  }

  // Filing the defence clears the duty, and the case leaves the range.
  ASSERT_THAT(store_->MutateCase(
                  "a", "2025-0001",
                  [](v1::Case& c) {
                    *c.mutable_reviews(0)->mutable_defence_filed() =
                        ToProtoDate(absl::CivilDay(2025, 10, 15));
                    return MakeEvent(v1::CASE_EVENT_TYPE_UPDATED, "clerk");
                  }),
              IsOk());
  auto cases = store_->ListCasesNeedingAttention(duties);
  ASSERT_THAT(cases, IsOk());
  EXPECT_EQ(Listed(*cases), std::vector<std::string>{"b/2025-0001"});
}

TEST_P(SqliteCaseStoreTest, DeadlineSummariesFollowEveryWrite) {
  const absl::CivilDay day(2025, 9, 26);
  v1::Case c =
      WithDeadlines(MakeStoredCase("a", "张三", day),
                    absl::CivilDay(2025, 10, 30), absl::CivilDay(2025, 10, 13));
  c.mutable_procedure()->add_consultations()->set_party("某公司");
  ASSERT_THAT(
      store_->CreateCase(c, MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
      IsOk());
  auto only = [&]() -> std::string {
    auto summaries = DeadlineSummaries(*store_, Everything());
    EXPECT_THAT(summaries, IsOk());
    if (!summaries.ok() || summaries->size() != 1) return "?";
    return Describe(summaries->front());
  };
  EXPECT_EQ(only(),
            "2025-0001 2025-10-30 2025-10-13 - "
            "APPLICANT_WINDOW_KIND_UNSPECIFIED record");
  // The reply ends the pause; a sent 补正 notice ends the duty.
  ASSERT_THAT(
      store_->MutateCase(
          "a", "2025-0001",
          [](v1::Case& c) {
            *c.mutable_procedure()
                 ->mutable_consultations(0)
                 ->mutable_reply_received() =
                ToProtoDate(absl::CivilDay(2025, 10, 9));
            *c.mutable_procedure()->mutable_correction()->mutable_sent() =
                ToProtoDate(absl::CivilDay(2025, 10, 9));
            return MakeEvent(v1::CASE_EVENT_TYPE_UPDATED, "clerk");
          }),
      IsOk());
  EXPECT_EQ(only(),
            "2025-0001 2025-10-30 - - APPLICANT_WINDOW_KIND_UNSPECIFIED");
  // A refresh of derived deadlines (no event) rewrites the summary too.
  ASSERT_THAT(
      store_->StoreCalendarAndUpdateOpenCases(
          {},
          [](v1::Case& c) -> absl::StatusOr<std::optional<v1::CaseEvent>> {
            c.mutable_deadlines()->set_provisional(true);
            return std::nullopt;
          }),
      IsOk());
  EXPECT_EQ(only(),
            "2025-0001 2025-10-30 - - APPLICANT_WINDOW_KIND_UNSPECIFIED "
            "provisional");
}

INSTANTIATE_TEST_SUITE_P(MemoryAndFile, SqliteCaseStoreTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "File" : "Memory";
                         });

TEST(SqliteCaseStoreFileTest, EverythingSurvivesReopening) {
  SqliteStoreOptions options;
  const ::ogi::testing::TempDir tmp;
  options.path = tmp.File("ogi.db");
  std::string number;
  {
    auto store = OpenSqliteCaseStore(options);
    ASSERT_THAT(store, IsOk());
    v1::Agency agency;
    agency.set_code("a");
    agency.set_name("甲局");
    ASSERT_THAT((*store)->UpsertAgency(agency), IsOk());
    auto c = (*store)->CreateCase(
        MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
        MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
    ASSERT_THAT(c, IsOk());
    number = c->number();
  }
  auto store = OpenSqliteCaseStore(options);
  ASSERT_THAT(store, IsOk());
  auto c = (*store)->GetCase("a", number);
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->applicant().name(), "张三");
  EXPECT_EQ((*store)->ListCaseEvents("a", number)->size(), 1u);
}

TEST(SqliteCaseStoreFileTest, HistoryAndCasesCannotBeDeletedOrRewritten) {
  SqliteStoreOptions options;
  const ::ogi::testing::TempDir tmp;
  options.path = tmp.File("ogi.db");
  {
    auto store = OpenSqliteCaseStore(options);
    ASSERT_THAT(store, IsOk());
    v1::Agency agency;
    agency.set_code("a");
    agency.set_name("甲局");
    ASSERT_THAT((*store)->UpsertAgency(agency), IsOk());
    ASSERT_THAT((*store)->CreateCase(
                    MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
                    MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
                IsOk());
  }
  auto db = Database::Open(options.path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  EXPECT_THAT((*db)->Exec("DELETE FROM case_events"),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("append-only")));
  EXPECT_THAT((*db)->Exec("UPDATE case_events SET actor = 'x'"),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("append-only")));
  EXPECT_THAT((*db)->Exec("DELETE FROM cases"),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("never deleted")));
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM case_events"), 1);
}

TEST(SqliteCaseStoreFileTest, DeadlineSummaryWithABadStoredDateIsDataLoss) {
  SqliteStoreOptions options;
  const ::ogi::testing::TempDir tmp;
  options.path = tmp.File("ogi.db");
  auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", options.path);
  ASSERT_THAT(store, IsOk());
  ASSERT_THAT(
      (*store)->CreateCase(
          WithDeadlines(
              MakeStoredCase("a", "张三", absl::CivilDay(2025, 9, 26)),
              absl::CivilDay(2025, 10, 30), absl::CivilDay(2025, 10, 13)),
          MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
      IsOk());
  {
    auto db = Database::Open(options.path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("UPDATE cases SET answer_due = '2025-02-30'"),
                IsOk());
  }
  EXPECT_THAT(DeadlineSummaries(**store, Everything()),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("2025-02-30")));
}

TEST(SqliteCaseStoreFileTest, UsesWalWithFullSyncAndForeignKeys) {
  const ::ogi::testing::TempDir tmp;
  auto db = Database::Open(tmp.File("ogi.db"), Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  absl::StatusOr<Statement> mode = (*db)->Prepare("PRAGMA journal_mode");
  ASSERT_THAT(mode, IsOk());
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->ColumnText(0), "wal");
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA foreign_keys"), 1);
}

TEST(SqliteCaseStoreFileTest, OpenRefusesADatabaseThatFailsIntegrityCheck) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  {
    auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", path);
    ASSERT_THAT(store, IsOk());
    for (const char* name : {"张三", "李四", "王五"}) {
      ASSERT_THAT((*store)->CreateCase(
                      MakeStoredCase("a", name, absl::CivilDay(2025, 9, 26)),
                      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
                  IsOk());
    }
  }
  ASSERT_THAT(::ogi::testing::OverwriteRootPage(path, "case_events"), IsOk());
  // The damage is real (SQLite's own report), and it is in a table that
  // opening, migrating and reading an agency never touch.
  ASSERT_NE(::ogi::testing::IntegrityCheckFirstRow(path), "ok");

  SqliteStoreOptions options;
  options.path = path;
  const auto store = OpenSqliteCaseStore(options);
  EXPECT_THAT(store,
              StatusIs(absl::StatusCode::kDataLoss,
                       ::testing::AllOf(HasSubstr(absl::StrCat(
                                            "database ", path,
                                            " fails PRAGMA integrity_check: ")),
                                        ::testing::Not(HasSubstr("\n")))));
}

TEST(SqliteCaseStoreFileTest, OpenRefusesAnIndexOutOfStepWithItsTable) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  {
    auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", path);
    ASSERT_THAT(store, IsOk());
    ASSERT_THAT((*store)->CreateCase(
                    MakeStoredCase("a", "张三", absl::CivilDay(2025, 9, 26)),
                    MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
                IsOk());
  }
  ASSERT_THAT(::ogi::testing::MismatchReceiptDateIndex(path), IsOk());
  SqliteStoreOptions options;
  options.path = path;
  EXPECT_THAT(OpenSqliteCaseStore(options),
              StatusIs(absl::StatusCode::kDataLoss,
                       HasSubstr("row 1 missing from index "
                                 "cases_by_receipt_date")));
}

}  // namespace
}  // namespace ogi
