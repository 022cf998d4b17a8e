#include "storage/sqlite_backup.h"

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "services/common/civil_date.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_case_store.h"
#include "storage/sqlite_database.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/damaged_database.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::MakeEvent;
using ::ogi::testing::MakeStoredCase;
using ::ogi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

// The names of the files in `dir`.
std::set<std::string> FilesIn(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// A store at `path` with agency "a" and `cases` cases, each with one update
// (two history events), closed again.
void MakeStore(const std::string& path, int cases) {
  auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", path);
  ASSERT_THAT(store, IsOk());
  for (int i = 0; i < cases; ++i) {
    auto created = (*store)->CreateCase(
        MakeStoredCase("a", absl::StrCat("申请人", i),
                       absl::CivilDay(2025, 9, 1 + i % 28)),
        MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
    ASSERT_THAT(created, IsOk());
    ASSERT_THAT((*store)->MutateCase(
                    "a", created->number(),
                    [](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
                      c.mutable_applicant()->set_phone("0635-8902700");
                      return MakeEvent(v1::CASE_EVENT_TYPE_UPDATED, "clerk");
                    }),
                IsOk());
  }
}

// Checks what must hold in any copy taken at a commit boundary: every case
// has exactly its `version` history events, numbered 1..version, the last
// one's snapshot is the stored record, and the number sequences account for
// every case. Returns the number of cases.
int64_t ExpectConsistent(const std::string& path) {
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  EXPECT_THAT(db, IsOk());
  if (!db.ok()) return -1;
  EXPECT_THAT((*db)->CheckIntegrity(), IsOk());
  EXPECT_EQ(*(*db)->QueryInt(
                "SELECT COUNT(*) FROM cases c WHERE version != (SELECT "
                "COUNT(*) FROM case_events e WHERE e.case_id = c.id) OR "
                "version != (SELECT MAX(sequence) FROM case_events e WHERE "
                "e.case_id = c.id)"),
            0)
      << path;
  const int64_t cases = *(*db)->QueryInt("SELECT COUNT(*) FROM cases");
  EXPECT_EQ(
      *(*db)->QueryInt(
          "SELECT COALESCE(SUM(last_value), 0) FROM case_number_sequences"),
      cases)
      << path;
  auto stmt = (*db)->Prepare(
      "SELECT c.version, c.payload, e.payload FROM cases c JOIN case_events e "
      "ON e.case_id = c.id AND e.sequence = c.version");
  EXPECT_THAT(stmt, IsOk());
  if (!stmt.ok()) return -1;
  int64_t joined = 0;
  while (*stmt->Step()) {
    ++joined;
    v1::Case record;
    v1::CaseEvent last;
    EXPECT_TRUE(record.ParseFromString(stmt->ColumnBlob(1)));
    EXPECT_TRUE(last.ParseFromString(stmt->ColumnBlob(2)));
    EXPECT_EQ(record.version(), stmt->ColumnInt(0));
    EXPECT_EQ(last.snapshot().SerializeAsString(), record.SerializeAsString())
        << record.number();
  }
  EXPECT_EQ(joined, cases);
  return cases;
}

TEST(BackupDatabaseTest, CopiesEverythingIntoANewPrivateFile) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  const std::string source = dir + "/ogi.db";
  MakeStore(source, 5);
  const ::ogi::testing::TempDir out_tmp;
  const std::string out_dir = out_tmp.path();
  const std::string copy = out_dir + "/backup.db";

  auto summary = BackupDatabase(source, copy);
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->cases, 5);
  EXPECT_EQ(summary->case_events, 10);
  EXPECT_EQ(summary->agencies, 1);
  EXPECT_EQ(summary->schema_version, LatestSchemaVersion());
  EXPECT_EQ(summary->bytes,
            static_cast<int64_t>(std::filesystem::file_size(copy)));
  // Nothing but the copy in its directory: no temporary file, no journal.
  EXPECT_THAT(FilesIn(out_dir), UnorderedElementsAre("backup.db"));
  struct stat st;
  ASSERT_EQ(stat(copy.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);  // it holds personal data

  EXPECT_EQ(ExpectConsistent(copy), 5);
  // The copy is a working ogi database with the same records.
  SqliteStoreOptions options;
  options.path = copy;
  auto restored = OpenSqliteCaseStore(options);
  ASSERT_THAT(restored, IsOk());
  auto history = (*restored)->ListCaseEvents("a", "2025-0003");
  ASSERT_THAT(history, IsOk());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->back().snapshot().applicant().phone(), "0635-8902700");
}

TEST(BackupDatabaseTest, RefusesAnExistingDestinationAndLeavesItAlone) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  MakeStore(dir + "/ogi.db", 1);
  const std::string copy = dir + "/important.txt";
  std::ofstream(copy) << "keep me";
  EXPECT_THAT(BackupDatabase(dir + "/ogi.db", copy),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("destination_path: "),
                             HasSubstr(copy + " 已存在"))));
  std::ifstream in(copy);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "keep me");
  // The source itself is an existing destination too.
  EXPECT_THAT(BackupDatabase(dir + "/ogi.db", dir + "/ogi.db"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(FilesIn(dir), UnorderedElementsAre("ogi.db", "important.txt"));
}

TEST(BackupDatabaseTest, RefusesMissingFilesAndEmptyPaths) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  MakeStore(dir + "/ogi.db", 1);
  EXPECT_THAT(BackupDatabase(dir + "/none.db", dir + "/b.db"),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr(absl::StrCat("source_path: ", dir,
                                              "/none.db 不存在"))));
  EXPECT_THAT(BackupDatabase(dir + "/ogi.db", dir + "/no/such/dir/b.db"),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("destination_path: 目录 ")));
  EXPECT_THAT(BackupDatabase("", dir + "/b.db"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("source_path: 不能为空")));
  EXPECT_THAT(BackupDatabase(dir + "/ogi.db", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("destination_path: 不能为空")));
  EXPECT_THAT(FilesIn(dir), UnorderedElementsAre("ogi.db"));
}

TEST(BackupDatabaseTest, RefusesWhatIsNotAnOgiDatabase) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  {
    auto db = Database::Open(dir + "/other.db", Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);"),
                IsOk());
  }
  std::ofstream(dir + "/notes.txt")
      << "this is a spreadsheet, not a database, and it is long "
         "enough to look like a file header to sqlite.........";
  const ::ogi::testing::TempDir out_tmp;
  const std::string out = out_tmp.path();
  EXPECT_THAT(BackupDatabase(dir + "/other.db", out + "/b.db"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("不是 ogi 数据库")));
  EXPECT_THAT(
      BackupDatabase(dir + "/notes.txt", out + "/b.db"),
      StatusIs(absl::StatusCode::kDataLoss, HasSubstr("not a database")));
  EXPECT_THAT(FilesIn(out), ::testing::IsEmpty());
}

TEST(BackupDatabaseTest, DamagedSourceIsRefusedAndNothingIsWritten) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  const std::string source = dir + "/ogi.db";
  MakeStore(source, 3);
  ASSERT_THAT(::ogi::testing::OverwriteRootPage(source, "case_events"), IsOk());
  ASSERT_NE(::ogi::testing::IntegrityCheckFirstRow(source), "ok");
  const ::ogi::testing::TempDir out_tmp;
  const std::string out = out_tmp.path();
  EXPECT_THAT(
      BackupDatabase(source, out + "/b.db"),
      StatusIs(absl::StatusCode::kDataLoss,
               AllOf(HasSubstr(absl::StrCat("source_path: ", source,
                                            " 已损坏，未写入备份：其副本未通过 "
                                            "PRAGMA integrity_check: ")),
                     ::testing::Not(HasSubstr("\n")))));
  EXPECT_THAT(FilesIn(out), ::testing::IsEmpty());
}

TEST(BackupDatabaseTest, SourceWithoutAServerIsLeftAsItWas) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  MakeStore(dir + "/ogi.db", 2);
  ASSERT_THAT(FilesIn(dir), UnorderedElementsAre("ogi.db"));
  const auto before = std::filesystem::last_write_time(dir + "/ogi.db");
  auto summary = BackupDatabase(dir + "/ogi.db", dir + "/b.db");
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->cases, 2);
  EXPECT_EQ(std::filesystem::last_write_time(dir + "/ogi.db"), before);
  // No -wal or -shm left beside it.
  EXPECT_THAT(FilesIn(dir), UnorderedElementsAre("ogi.db", "b.db"));
  EXPECT_EQ(ExpectConsistent(dir + "/b.db"), 2);
}

// The point of the backup API: a store keeps committing (creating cases and
// appending history) while copies are taken; each copy is the state after
// one commit — every case with all of its history up to its version, the
// number sequences in step — and later copies hold at least as much.
TEST(BackupDatabaseTest, EachCopyIsOneCommitWhileTheStoreKeepsWriting) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  const std::string source = dir + "/ogi.db";
  auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", source);
  ASSERT_THAT(store, IsOk());
  std::atomic<bool> stop{false};
  absl::Mutex mu;
  // Guarded by `mu`. A local variable: ABSL_GUARDED_BY applies only to
  // members and globals (clang ignores it here, with a warning).
  int created = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&, w] {
      std::vector<std::string> numbers;
      for (int i = 0; !stop.load(); ++i) {
        auto c = (*store)->CreateCase(
            MakeStoredCase("a", absl::StrCat("w", w, "-", i),
                           absl::CivilDay(2025, 9, 1 + i % 28)),
            MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
        ASSERT_THAT(c, IsOk());
        {
          absl::MutexLock lock(&mu);
          ++created;
        }
        numbers.push_back(c->number());
        // A few more history events on an earlier case of this writer.
        const std::string& target = numbers[(i * 7) % numbers.size()];
        ASSERT_THAT((*store)->MutateCase(
                        "a", target,
                        [i](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
                          c.mutable_applicant()->set_phone(
                              absl::StrCat("0635-", 1000 + i));
                          return MakeEvent(v1::CASE_EVENT_TYPE_UPDATED,
                                           "clerk");
                        }),
                    IsOk());
      }
    });
  }
  int64_t previous = 0;
  for (int k = 0; k < 4; ++k) {
    // Let the writers get ahead of the last copy first.
    int before = 0;
    {
      absl::MutexLock lock(&mu);
      const int target = 20 * (k + 1);
      auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
        return created >= target;
      };
      ASSERT_TRUE(
          mu.AwaitWithTimeout(absl::Condition(&enough), absl::Seconds(60)));
      before = created;
    }
    const std::string copy = absl::StrCat(dir, "/copy", k, ".db");
    auto summary = BackupDatabase(source, copy);
    ASSERT_THAT(summary, IsOk());
    EXPECT_GE(summary->cases, before);
    EXPECT_GE(summary->cases, previous);
    EXPECT_EQ(ExpectConsistent(copy), summary->cases);
    previous = summary->cases;
  }
  stop = true;
  for (std::thread& t : writers) t.join();
  store->reset();
  EXPECT_GE(ExpectConsistent(source), previous);
}

}  // namespace
}  // namespace ogi
