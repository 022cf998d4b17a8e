#include "storage/sqlite_transaction.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sqlite_database.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;

class SqliteTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(":memory:", Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    db_ = std::move(*db);
    ASSERT_THAT(db_->Exec("CREATE TABLE t (v INTEGER PRIMARY KEY)"), IsOk());
  }

  absl::Status Insert(int v) {
    return db_->Exec("INSERT INTO t (v) VALUES (" + std::to_string(v) + ")");
  }
  int64_t Count() { return *db_->QueryInt("SELECT COUNT(*) FROM t"); }

  std::unique_ptr<Database> db_;
};

TEST_F(SqliteTransactionTest, CommitKeepsTheChanges) {
  {
    auto transaction =
        SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kImmediate);
    ASSERT_THAT(transaction, IsOk());
    EXPECT_TRUE(db_->InTransaction());
    ASSERT_THAT(Insert(1), IsOk());
    EXPECT_THAT(transaction->Commit(), IsOk());
    EXPECT_FALSE(db_->InTransaction());
  }
  EXPECT_EQ(Count(), 1);
}

TEST_F(SqliteTransactionTest, LeavingScopeUncommittedRollsBack) {
  {
    auto transaction =
        SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kDeferred);
    ASSERT_THAT(transaction, IsOk());
    ASSERT_THAT(Insert(1), IsOk());
  }
  EXPECT_FALSE(db_->InTransaction());
  EXPECT_EQ(Count(), 0);
}

TEST_F(SqliteTransactionTest, AMovedTransactionRollsBackOnce) {
  {
    auto transaction =
        SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kDeferred);
    ASSERT_THAT(transaction, IsOk());
    ASSERT_THAT(Insert(1), IsOk());
    SqliteTransaction moved = std::move(*transaction);
  }
  EXPECT_FALSE(db_->InTransaction());
  EXPECT_EQ(Count(), 0);
}

TEST_F(SqliteTransactionTest, CommitAfterSqliteRolledBackIsAborted) {
  auto transaction =
      SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kImmediate);
  ASSERT_THAT(transaction, IsOk());
  ASSERT_THAT(Insert(1), IsOk());
  ASSERT_THAT(db_->Exec("ROLLBACK"), IsOk());  // as SQLite does after errors
  EXPECT_THAT(transaction->Commit(), StatusIs(absl::StatusCode::kAborted));
  EXPECT_EQ(Count(), 0);
}

TEST_F(SqliteTransactionTest, BeginInsideATransactionFails) {
  auto outer =
      SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kImmediate);
  ASSERT_THAT(outer, IsOk());
  EXPECT_FALSE(
      SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kDeferred).ok());
  EXPECT_TRUE(db_->InTransaction());  // the outer one is untouched
}

TEST_F(SqliteTransactionTest, UnreleasedSavepointRollsBackAlone) {
  auto transaction =
      SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kImmediate);
  ASSERT_THAT(transaction, IsOk());
  {
    auto kept = SqliteSavepoint::Begin(*db_, "op");
    ASSERT_THAT(kept, IsOk());
    ASSERT_THAT(Insert(1), IsOk());
    EXPECT_THAT(kept->Release(), IsOk());
  }
  {
    auto dropped = SqliteSavepoint::Begin(*db_, "op");
    ASSERT_THAT(dropped, IsOk());
    ASSERT_THAT(Insert(2), IsOk());
  }
  EXPECT_TRUE(db_->InTransaction());
  ASSERT_THAT(transaction->Commit(), IsOk());
  EXPECT_EQ(Count(), 1);
  EXPECT_EQ(*db_->QueryInt("SELECT v FROM t"), 1);
}

}  // namespace
}  // namespace ogi
