#include "storage/sqlite_database.h"

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/schema_migrations.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/damaged_database.h"

namespace ogi {
namespace {

using ::ogi::testing::IntegrityCheckFirstRow;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

std::string NewDbPath() { return ::ogi::testing::MakeTempDir() + "/ogi.db"; }

// A database at `path` with the ogi schema and `cases` case rows (each with
// a distinct applicant name and receipt date).
void MakeDatabase(const std::string& path, int cases) {
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db), IsOk());
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
  const std::string path = NewDbPath();
  MakeDatabase(path, 3);
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  EXPECT_THAT((*db)->CheckIntegrity(), IsOk());
  auto memory = Database::Open(":memory:", Database::Mode::kReadWrite);
  ASSERT_THAT(memory, IsOk());
  EXPECT_THAT((*memory)->CheckIntegrity(), IsOk());
}

TEST(CheckIntegrityTest, IndexOutOfStepWithItsTableIsDataLossOnOneLine) {
  const std::string path = NewDbPath();
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
  const std::string path = NewDbPath();
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
  const std::string path = NewDbPath();
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

}  // namespace
}  // namespace ogi
