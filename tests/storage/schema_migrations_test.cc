#include "storage/schema_migrations.h"

#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

std::string NewDbPath() { return ::ogi::testing::MakeTempDir() + "/ogi.db"; }

TEST(SchemaMigrationsTest, EmptyDatabaseMigratesToLatest) {
  auto db = Database::Open(":memory:", Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db), IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                             "'cases_by_receipt_date'"),
            1);
  // Running again is a no-op.
  ASSERT_THAT(MigrateSchema(**db), IsOk());
}

TEST(SchemaMigrationsTest, OlderDatabaseUpgradesAndKeepsItsData) {
  const std::string path = NewDbPath();
  const v1::Case old_case = ::ogi::testing::MakeStoredCase(
      "old", "旧数据", absl::CivilDay(2021, 6, 1));
  {
    // A database as the first released schema left it, with a case in it.
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, 1), IsOk());
    ASSERT_EQ(*(*db)->QueryInt("PRAGMA user_version"), 1);
    ASSERT_THAT(
        (*db)->Exec(
            "INSERT INTO agencies (id, code, name) VALUES (1, 'old', '旧局')"),
        IsOk());
    auto insert = (*db)->Prepare(
        "INSERT INTO cases (agency_id, number, version, status, "
        "applicant_type, "
        "applicant_name, items_text, arrival_date, receipt_date, payload) "
        "VALUES "
        "(1, '2021-0001', 1, 2, 1, '旧数据', 'x', '2021-06-01', '2021-06-01', "
        "?)");
    ASSERT_THAT(insert, IsOk());
    v1::Case stored = old_case;
    stored.set_number("2021-0001");
    insert->BindBlob(1, stored.SerializeAsString());
    ASSERT_THAT(insert->Run(), IsOk());
  }
  SqliteStoreOptions options;
  options.path = path;
  auto store = SqliteCaseStore::Open(options);
  ASSERT_THAT(store, IsOk());
  auto c = (*store)->GetCase("old", "2021-0001");
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->applicant().name(), "旧数据");
  store->reset();
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
}

TEST(SchemaMigrationsTest, NewerDatabaseIsRefusedUntouched) {
  const std::string path = NewDbPath();
  {
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("PRAGMA user_version = 99"), IsOk());
  }
  SqliteStoreOptions options;
  options.path = path;
  EXPECT_THAT(
      SqliteCaseStore::Open(options),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               HasSubstr("schema version 99, newer than this ogi build")));
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), 99);
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master"), 0);
}

TEST(SchemaMigrationsTest, FileThatIsNotADatabaseIsRefused) {
  const std::string path = NewDbPath();
  std::ofstream(path)
      << "this is a spreadsheet, not a database, and it is long "
         "enough to look like a file header to sqlite.........";
  SqliteStoreOptions options;
  options.path = path;
  EXPECT_THAT(
      SqliteCaseStore::Open(options),
      StatusIs(absl::StatusCode::kDataLoss, HasSubstr("not a database")));
}

}  // namespace
}  // namespace ogi
