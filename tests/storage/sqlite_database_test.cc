#include "storage/sqlite_database.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "storage/schema_migrations.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/damaged_database.h"

namespace ogi {
namespace {

using ::ogi::testing::IntegrityCheckFirstRow;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

// A database at `path` with the ogi schema and `cases` case rows (each with
// a distinct applicant name and receipt date).
void MakeDatabase(const std::string& path, int cases) {
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db, IndexCase), IsOk());
  ASSERT_THAT(
      (*db)->Exec(
          "INSERT INTO agencies (id, code, name) VALUES (1, 'a', '甲')"),
      IsOk());
  for (int i = 1; i <= cases; ++i) {
    auto insert = (*db)->Prepare(
        "INSERT INTO cases (agency_id, number, version, status, "
        "applicant_type, applicant_name, items_text, arrival_date, "
        "receipt_date, payload) VALUES (1, ?, 1, 2, 1, ?, 'x', ?, ?, x'')");
    ASSERT_THAT(insert, IsOk());
    const std::string day = absl::StrCat("2025-01-", i < 10 ? "0" : "", i);
    insert->BindText(1, absl::StrCat("2025-", 1000 + i));
    insert->BindText(2, absl::StrCat("申请人", i));
    insert->BindText(3, day);
    insert->BindText(4, day);
    ASSERT_THAT(insert->Run(), IsOk());
  }
}

TEST(CheckIntegrityTest, SoundDatabaseIsOk) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  MakeDatabase(path, 3);
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  EXPECT_THAT((*db)->CheckIntegrity(), IsOk());
  auto memory = Database::Open(":memory:", Database::Mode::kReadWrite);
  ASSERT_THAT(memory, IsOk());
  EXPECT_THAT((*memory)->CheckIntegrity(), IsOk());
}

TEST(CheckIntegrityTest, IndexOutOfStepWithItsTableIsDataLossOnOneLine) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  MakeDatabase(path, 2);
  ASSERT_THAT(::ogi::testing::MismatchReceiptDateIndex(path), IsOk());
  // The damage is real: SQLite itself reports it.
  ASSERT_THAT(IntegrityCheckFirstRow(path),
              HasSubstr("missing from index cases_by_receipt_date"));

  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  const absl::Status status = (*db)->CheckIntegrity();
  EXPECT_THAT(
      status,
      StatusIs(
          absl::StatusCode::kDataLoss,
          AllOf(HasSubstr(absl::StrCat("database ", path,
                                       " fails PRAGMA integrity_check: row ")),
                HasSubstr("missing from index "
                          "cases_by_receipt_date; row "),
                Not(HasSubstr("*** in database main ***")),
                Not(HasSubstr("\n")))));
  // Two rows, two problems: both shown, no count.
  EXPECT_THAT(status.message(), Not(HasSubstr("problems")));
}

TEST(CheckIntegrityTest, ManyProblemsShowTheFirstThreeAndTheirNumber) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  MakeDatabase(path, 5);
  ASSERT_THAT(::ogi::testing::MismatchReceiptDateIndex(path), IsOk());
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  const absl::Status status = (*db)->CheckIntegrity();
  ASSERT_THAT(status, StatusIs(absl::StatusCode::kDataLoss));
  // Five rows missing from the index (and SQLite may add a summary line).
  EXPECT_THAT(status.message(), HasSubstr(" problems)"));
  const std::string message(status.message());
  size_t shown = 0;
  for (size_t at = message.find("missing from index"); at != std::string::npos;
       at = message.find("missing from index", at + 1)) {
    ++shown;
  }
  EXPECT_EQ(shown, 3u) << message;
}

TEST(CheckIntegrityTest, GarbagePageIsDataLossNamingTheFile) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  MakeDatabase(path, 4);
  ASSERT_THAT(::ogi::testing::OverwriteRootPage(path, "cases"), IsOk());
  ASSERT_NE(IntegrityCheckFirstRow(path), "ok");

  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  EXPECT_THAT(
      (*db)->CheckIntegrity(),
      StatusIs(absl::StatusCode::kDataLoss,
               AllOf(HasSubstr(absl::StrCat("database ", path,
                                            " fails PRAGMA integrity_check")),
                     Not(HasSubstr("\n")))));
}

// The permission bits of `path`, or -1 when it does not exist.
int ModeOf(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 07777);
}

// Sets the process umask for the scope of one test.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(old_); }

 private:
  mode_t old_;
};

TEST(PrivateDatabaseFilesTest, NewDatabaseAndItsWalAndShmAreOwnerOnly) {
  const ScopedUmask umask(022);  // the usual umask: SQLite alone makes 0644
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db, IndexCase), IsOk());
  ASSERT_THAT(
      (*db)->Exec(
          "INSERT INTO agencies (id, code, name) VALUES (1, 'a', '甲')"),
      IsOk());
  EXPECT_EQ(ModeOf(path), 0600);
  EXPECT_EQ(ModeOf(path + "-wal"), 0600);
  EXPECT_EQ(ModeOf(path + "-shm"), 0600);
}

TEST(PrivateDatabaseFilesTest, UnusualUmaskStillGivesTheOwnerReadAndWrite) {
  const ScopedUmask umask(0277);
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db, IndexCase), IsOk());
  EXPECT_EQ(ModeOf(path), 0600);
}

TEST(PrivateDatabaseFilesTest, DatabaseOthersCanReadIsRefusedWithTheFix) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  MakeDatabase(path, 1);
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  EXPECT_THAT(
      Database::Open(path, Database::Mode::kReadWrite),
      StatusIs(
          absl::StatusCode::kFailedPrecondition,
          AllOf(HasSubstr(absl::StrCat("数据库文件 ", path, " 的权限为 0644")),
                HasSubstr(absl::StrCat("chmod 600 ", path)))));
  // Refused, not changed: the file keeps its rows and its mode.
  EXPECT_EQ(ModeOf(path), 0644);
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM cases"), 1);
}

TEST(PrivateDatabaseFilesTest, GroupReadableWalIsRefusedByName) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  MakeDatabase(path, 1);
  std::ofstream(path + "-wal").close();  // an empty WAL is harmless to SQLite
  ASSERT_EQ(::chmod((path + "-wal").c_str(), 0640), 0);
  EXPECT_THAT(Database::Open(path, Database::Mode::kReadWrite),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr(absl::StrCat("数据库文件 ", path,
                                              "-wal 的权限为 0640"))));
}

TEST(PrivateDatabaseFilesTest, InMemoryDatabasesNeedNoFile) {
  EXPECT_THAT(Database::Open(":memory:", Database::Mode::kReadWrite), IsOk());
  EXPECT_FALSE(std::filesystem::exists(":memory:"));
}

}  // namespace
}  // namespace ogi
