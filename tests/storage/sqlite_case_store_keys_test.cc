// SqliteCaseStore::CreateCaseOnce: idempotency keys stored with the case in
// one write transaction (schema migration 7).

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "services/common/civil_date.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::MakeEvent;
using ::ogi::testing::MakeStoredCase;
using ::ogi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::Each;
using ::testing::HasSubstr;

// Runs every test against an in-memory and a file database (the file one
// has a reader pool, so reads and the writer really run side by side).
class SqliteCaseStoreKeysTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    auto store =
        ::ogi::testing::OpenTwoAgencyStore(GetParam() ? tmp_.path() : "");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  absl::StatusOr<KeyedCreation> CreateOnce(const std::string& agency,
                                           const std::string& name,
                                           const std::string& key,
                                           const std::string& hash) {
    return store_->CreateCaseOnce(
        MakeStoredCase(agency, name, absl::CivilDay(2022, 3, 1)),
        MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"), {key, hash});
  }

  int64_t CaseCount(const std::string& agency) {
    CaseQuery query;
    query.agency_code = agency;
    auto page = store_->ListCases(query);
    EXPECT_THAT(page, IsOk());
    return page.ok() ? page->total_count : -1;
  }

  ::ogi::testing::TempDir tmp_;  // the file database's; outlives store_
  std::unique_ptr<SqliteCaseStore> store_;
};

INSTANTIATE_TEST_SUITE_P(MemoryAndFile, SqliteCaseStoreKeysTest,
                         ::testing::Bool());

TEST_P(SqliteCaseStoreKeysTest, ARepeatedKeyReturnsTheFirstCase) {
  auto first = CreateOnce("a", "张三", "retry-1", "h1");
  ASSERT_THAT(first, IsOk());
  EXPECT_FALSE(first->replayed);
  EXPECT_EQ(first->stored.number(), "2022-0001");
  EXPECT_EQ(first->stored.version(), 1);

  // The store trusts the hash: the body of a replay is not looked at.
  auto again = CreateOnce("a", "张三", "retry-1", "h1");
  ASSERT_THAT(again, IsOk());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->stored.SerializeAsString(),
            first->stored.SerializeAsString());
  EXPECT_EQ(CaseCount("a"), 1);
  EXPECT_EQ(store_->ListCaseEvents("a", "2022-0001")->size(), 1u);

  // A replay consumed no number.
  auto other = CreateOnce("a", "李四", "retry-2", "h2");
  ASSERT_THAT(other, IsOk());
  EXPECT_FALSE(other->replayed);
  EXPECT_EQ(other->stored.number(), "2022-0002");
}

TEST_P(SqliteCaseStoreKeysTest, AReplayReturnsTheCaseAsItIsNow) {
  ASSERT_THAT(CreateOnce("a", "张三", "k", "h"), IsOk());
  ASSERT_THAT(store_->MutateCase("a", "2022-0001",
                                 [](v1::Case& c) {
                                   c.mutable_applicant()->set_name("张三丰");
                                   return absl::StatusOr<v1::CaseEvent>(
                                       MakeEvent(v1::CASE_EVENT_TYPE_UPDATED,
                                                 "head", 1700000100));
                                 }),
              IsOk());
  auto again = CreateOnce("a", "张三", "k", "h");
  ASSERT_THAT(again, IsOk());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->stored.number(), "2022-0001");
  EXPECT_EQ(again->stored.version(), 2);
  EXPECT_EQ(again->stored.applicant().name(), "张三丰");
}

TEST_P(SqliteCaseStoreKeysTest, TheSameKeyForAnotherRequestIsRefused) {
  ASSERT_THAT(CreateOnce("a", "张三", "k", "h1"), IsOk());
  EXPECT_THAT(CreateOnce("a", "李四", "k", "h2"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("idempotency_key: \"k\""),
                             HasSubstr("2022-0001"))));
  EXPECT_EQ(CaseCount("a"), 1);
  // Nothing of the refused call was kept: the next number is still 0002.
  auto next = CreateOnce("a", "李四", "k2", "h2");
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->stored.number(), "2022-0002");
}

TEST_P(SqliteCaseStoreKeysTest, KeysBelongToTheirAgency) {
  auto in_a = CreateOnce("a", "张三", "k", "h");
  auto in_b = CreateOnce("b", "张三", "k", "h");
  ASSERT_THAT(in_a, IsOk());
  ASSERT_THAT(in_b, IsOk());
  EXPECT_FALSE(in_b->replayed);
  EXPECT_EQ(in_b->stored.agency_code(), "b");
  EXPECT_EQ(CaseCount("a"), 1);
  EXPECT_EQ(CaseCount("b"), 1);
}

TEST_P(SqliteCaseStoreKeysTest, AFailedCreateKeepsNoKey) {
  EXPECT_THAT(CreateOnce("nowhere", "张三", "k", "h"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nowhere")));
  EXPECT_THAT(CreateOnce("a", "张三", "", "h"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("idempotency_key")));
  // "k" is still free in agency a.
  auto created = CreateOnce("a", "张三", "k", "other");
  ASSERT_THAT(created, IsOk());
  EXPECT_FALSE(created->replayed);
}

TEST_P(SqliteCaseStoreKeysTest, ConcurrentRetriesCreateOneCase) {
  constexpr int kThreads = 8;
  absl::Mutex mu;
  std::vector<std::string> numbers;
  int created = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto result = CreateOnce("a", "张三", "same-key", "same-hash");
      ASSERT_THAT(result, IsOk());
      absl::MutexLock lock(&mu);
      numbers.push_back(result->stored.number());
      if (!result->replayed) ++created;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(created, 1);
  EXPECT_THAT(numbers, ::testing::SizeIs(kThreads));
  EXPECT_THAT(numbers, Each(std::string("2022-0001")));
  EXPECT_EQ(CaseCount("a"), 1);
}

TEST_P(SqliteCaseStoreKeysTest, PlainCreatesNeedNoKey) {
  auto plain = store_->CreateCase(
      MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
  ASSERT_THAT(plain, IsOk());
  auto keyed = CreateOnce("a", "张三", "k", "h");
  ASSERT_THAT(keyed, IsOk());
  EXPECT_EQ(keyed->stored.number(), "2022-0002");
}

// A database of schema version 6 (before keys) gains the key table on open
// and keeps its cases.
TEST(SqliteCaseStoreKeysMigrationTest, Version6DatabaseGainsKeys) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.path() + "/ogi.db";
  {
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, IndexCase, 6), IsOk());
    EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE "
                               "name = 'idempotency_keys'"),
              0);
  }
  {
    auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", path);
    ASSERT_THAT(store, IsOk());
    auto first = (*store)->CreateCaseOnce(
        MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
        MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"), {"k", "h"});
    ASSERT_THAT(first, IsOk());
    EXPECT_FALSE(first->replayed);
  }
  // The key survives a restart.
  auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", path);
  ASSERT_THAT(store, IsOk());
  auto again = (*store)->CreateCaseOnce(
      MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"), {"k", "h"});
  ASSERT_THAT(again, IsOk());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->stored.number(), "2022-0001");
  store->reset();

  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  EXPECT_GE(LatestSchemaVersion(), 7);
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM idempotency_keys"), 1);
}

}  // namespace
}  // namespace ogi
