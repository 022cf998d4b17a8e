#include "storage/group_commit_writer.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/call_cancellation.h"
#include "services/common/status_macros.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;

class GroupCommitWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.File("w.db");
    auto db = Database::Open(path_, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("CREATE TABLE t (v INTEGER PRIMARY KEY)"), IsOk());
    writer_ = std::make_unique<GroupCommitWriter>(std::move(*db), 64);
  }

  static absl::Status Insert(Database& db, int v) {
    OGI_ASSIGN_OR_RETURN(Statement s,
                         db.Prepare("INSERT INTO t (v) VALUES (?)"));
    s.BindInt(1, v);
    return s.Run();
  }

  int64_t Count() {
    auto db = Database::Open(path_, Database::Mode::kReadOnly);
    return *(*db)->QueryInt("SELECT COUNT(*) FROM t");
  }

  ::ogi::testing::TempDir tmp_;  // holds path_; outlives the writer
  std::string path_;
  std::unique_ptr<GroupCommitWriter> writer_;
};

TEST_F(GroupCommitWriterTest, CommittedWritesAreVisibleToOtherConnections) {
  ASSERT_THAT(writer_->Run([](Database& db) { return Insert(db, 1); }), IsOk());
  EXPECT_EQ(Count(), 1);
}

TEST_F(GroupCommitWriterTest, AFailingOperationRollsBackAloneInItsBatch) {
  // Hold the writer so the next operations queue up and commit as one batch.
  absl::Notification entered, release;
  std::thread holder([&] {
    EXPECT_THAT(writer_->Run([&](Database& db) {
      entered.Notify();
      release.WaitForNotification();
      return Insert(db, 1);
    }),
                IsOk());
  });
  entered.WaitForNotification();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, failed{0};
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      absl::Status s = writer_->Run([i](Database& db) -> absl::Status {
        OGI_RETURN_IF_ERROR(Insert(db, 100 + i));
        // Odd operations fail after writing: their row must not survive.
        if (i % 2 == 1) return absl::InvalidArgumentError("odd");
        return absl::OkStatus();
      });
      (s.ok() ? ok : failed)++;
    });
  }
  release.Notify();
  for (auto& t : threads) t.join();
  holder.join();
  EXPECT_EQ(ok.load(), 10);
  EXPECT_EQ(failed.load(), 10);
  EXPECT_EQ(Count(), 11);
}

TEST_F(GroupCommitWriterTest, ConstraintErrorIsReportedAndOthersCommit) {
  ASSERT_THAT(writer_->Run([](Database& db) { return Insert(db, 7); }), IsOk());
  EXPECT_THAT(
      writer_->Run([](Database& db) { return Insert(db, 7); }),
      StatusIs(absl::StatusCode::kAborted, ::testing::HasSubstr("UNIQUE")));
  ASSERT_THAT(writer_->Run([](Database& db) { return Insert(db, 8); }), IsOk());
  EXPECT_EQ(Count(), 2);
}

// The writer thread works for the caller's gRPC call: the operation sees the
// call's token, so a load cancelled meanwhile stops and is rolled back alone.
TEST_F(GroupCommitWriterTest, TheOperationRunsUnderTheCallersToken) {
  CallToken token(absl::InfiniteFuture());
  const ScopedCallToken in_call(&token);
  EXPECT_THAT(writer_->Run([&](Database& db) -> absl::Status {
    EXPECT_EQ(CurrentCallToken(), &token);
    OGI_RETURN_IF_ERROR(Insert(db, 1));
    token.Cancel();  // the client goes away while the write runs
    OGI_RETURN_IF_ERROR(CheckCallAlive());
    return Insert(db, 2);
  }),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_EQ(Count(), 0);  // the cancelled operation left nothing behind
}

TEST_F(GroupCommitWriterTest, AWriteWhoseCallerIsGoneNeverStarts) {
  CallToken expired(absl::Now() - absl::Seconds(1));
  const ScopedCallToken in_call(&expired);
  bool ran = false;
  EXPECT_THAT(writer_->Run([&](Database& db) {
    ran = true;
    return Insert(db, 1);
  }),
              StatusIs(absl::StatusCode::kDeadlineExceeded));
  EXPECT_FALSE(ran);
  EXPECT_EQ(Count(), 0);
}

TEST_F(GroupCommitWriterTest, OutsideACallTheWriterHasNoToken) {
  EXPECT_THAT(writer_->Run([](Database& db) -> absl::Status {
    if (CurrentCallToken() != nullptr) return absl::InternalError("token");
    return Insert(db, 1);
  }),
              IsOk());
  EXPECT_EQ(Count(), 1);
}

TEST_F(GroupCommitWriterTest, DestructionFinishesQueuedWork) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&, i] {
      EXPECT_THAT(writer_->Run([i](Database& db) { return Insert(db, i); }),
                  IsOk());
    });
  }
  for (auto& t : threads) t.join();
  writer_.reset();
  EXPECT_EQ(Count(), 10);
}

}  // namespace
}  // namespace ogi
