#include "storage/schema_migrations.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(SchemaMigrationsTest, EmptyDatabaseMigratesToLatest) {
  auto db = Database::Open(":memory:", Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db, IndexCase), IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                             "'cases_by_receipt_date'"),
            1);
  // Running again is a no-op.
  ASSERT_THAT(MigrateSchema(**db, IndexCase), IsOk());
}

TEST(SchemaMigrationsTest, OlderDatabaseUpgradesAndKeepsItsData) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  const v1::Case old_case = ::ogi::testing::MakeStoredCase(
      "old", "旧数据", absl::CivilDay(2021, 6, 1));
  {
    // A database as the first released schema left it, with a case in it.
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, IndexCase, 1), IsOk());
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
  auto store = OpenSqliteCaseStore(options);
  ASSERT_THAT(store, IsOk());
  auto c = (*store)->GetCase("old", "2021-0001");
  ASSERT_THAT(c, IsOk());
  EXPECT_EQ(c->applicant().name(), "旧数据");
  store->reset();
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
}

// Inserts a case row as schema version 3 wrote it: the record and the
// deadline columns of migration 3, nothing of later migrations.
void InsertV3Case(Database& db, const std::string& number,
                  const std::string& payload, const char* answer_due,
                  const char* notice_due, const char* window_end) {
  auto insert = db.Prepare(
      "INSERT INTO cases (agency_id, number, version, status, applicant_type, "
      "applicant_name, items_text, arrival_date, receipt_date, payload, "
      "is_open, answer_due, notice_due, window_end) VALUES (1, ?, 1, 2, 1, "
      "'张三', 'x', '2025-09-26', '2025-09-26', ?, 1, ?, ?, ?)");
  ASSERT_THAT(insert, IsOk());
  insert->BindText(1, number);
  insert->BindBlob(2, payload);
  int index = 3;
  for (const char* date : {answer_due, notice_due, window_end}) {
    if (date == nullptr) {
      insert->BindNull(index++);
    } else {
      insert->BindText(index++, date);
    }
  }
  ASSERT_THAT(insert->Run(), IsOk());
}

TEST(SchemaMigrationsTest, Version3DatabaseGainsDeadlineSummaries) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  {
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, IndexCase, 3), IsOk());
    ASSERT_THAT(
        (*db)->Exec("INSERT INTO agencies (id, code, name) VALUES (1, 'a', "
                    "'甲局')"),
        IsOk());
    v1::Case running = ::ogi::testing::MakeStoredCase(
        "a", "张三", absl::CivilDay(2025, 9, 26));
    running.set_number("2025-0001");
    running.mutable_deadlines()->set_state(v1::CLOCK_STATE_RUNNING);
    *running.mutable_deadlines()->mutable_answer_due() =
        ToProtoDate(absl::CivilDay(2025, 10, 30));
    InsertV3Case(**db, "2025-0001", running.SerializeAsString(), "2025-10-30",
                 nullptr, nullptr);
    v1::Case window = running;
    window.set_number("2025-0002");
    window.mutable_deadlines()->set_window_kind(
        v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT);
    *window.mutable_deadlines()->mutable_window_end() =
        ToProtoDate(absl::CivilDay(2025, 11, 5));
    window.mutable_deadlines()->set_provisional(true);
    *window.mutable_procedure()->mutable_fee()->mutable_served() =
        ToProtoDate(absl::CivilDay(2025, 10, 9));
    *window.mutable_procedure()->mutable_fee()->mutable_paid() =
        ToProtoDate(absl::CivilDay(2025, 10, 10));
    InsertV3Case(**db, "2025-0002", window.SerializeAsString(), "2025-10-30",
                 nullptr, "2025-11-05");
    v1::Case paused = running;
    paused.set_number("2025-0003");
    paused.mutable_procedure()->add_consultations()->set_party("某公司");
    InsertV3Case(**db, "2025-0003", paused.SerializeAsString(), "2025-10-30",
                 nullptr, nullptr);
    v1::Case no_deadlines = running;  // as written before migration 3
    no_deadlines.set_number("2025-0004");
    no_deadlines.clear_deadlines();
    InsertV3Case(**db, "2025-0004", no_deadlines.SerializeAsString(), nullptr,
                 nullptr, nullptr);
    InsertV3Case(**db, "2025-0005", "not a record", "2030-01-01", nullptr,
                 nullptr);
  }

  SqliteStoreOptions options;
  options.path = path;
  auto store = OpenSqliteCaseStore(options);
  ASSERT_THAT(store, IsOk());
  AttentionQuery until_2029;
  until_2029.answer_due_until = absl::CivilDay(2029, 12, 31);
  until_2029.window_end_until = absl::CivilDay(2029, 12, 31);
  auto summaries = ::ogi::testing::DeadlineSummaries(**store, until_2029);
  ASSERT_THAT(summaries, IsOk());
  ASSERT_EQ(summaries->size(), 3u);
  EXPECT_EQ((*summaries)[0].number, "2025-0001");
  EXPECT_EQ((*summaries)[0].record, nullptr);
  EXPECT_FALSE((*summaries)[0].provisional);
  EXPECT_EQ((*summaries)[1].number, "2025-0002");
  EXPECT_EQ((*summaries)[1].window_kind, v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT);
  EXPECT_EQ((*summaries)[1].window_end, absl::CivilDay(2025, 11, 5));
  EXPECT_TRUE((*summaries)[1].provisional);
  EXPECT_EQ((*summaries)[1].record, nullptr);
  EXPECT_EQ((*summaries)[2].number, "2025-0003");
  ASSERT_NE((*summaries)[2].record, nullptr);
  EXPECT_EQ((*summaries)[2].record->number(), "2025-0003");
  // The record that does not parse is reported as before the summaries.
  AttentionQuery all = until_2029;
  all.answer_due_until = absl::CivilDay(2030, 1, 1);
  EXPECT_THAT(::ogi::testing::DeadlineSummaries(**store, all),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("无法解析")));
  store->reset();

  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  // Needs the engine: the open consultation, no deadlines, no record.
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM cases WHERE "
                             "compute_in_full = 1"),
            3);
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM cases WHERE "
                             "compute_in_full = 1 AND number IN ('2025-0003', "
                             "'2025-0004', '2025-0005')"),
            3);
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE name "
                             "LIKE 'cases_by_%_due' OR name = "
                             "'cases_by_window_end'"),
            0);
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE name "
                             "LIKE 'cases_summary_by_%'"),
            3);
}

TEST(SchemaMigrationsTest, Version5DatabaseGainsItsOpenDutyDates) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  {
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, IndexCase, 5), IsOk());
    ASSERT_THAT(
        (*db)->Exec("INSERT INTO agencies (id, code, name) VALUES (1, 'a', "
                    "'甲局')"),
        IsOk());
    // 2025-0001: a review whose defence is due 10-20 and whose decision is
    // expected 12-01; 2025-0002: its review decided; 2025-0003: none.
    v1::Case contested = ::ogi::testing::MakeStoredCase(
        "a", "张三", absl::CivilDay(2025, 9, 26));
    contested.set_number("2025-0001");
    v1::Review* r = contested.add_reviews();
    r->set_id("2025-0001-R1");
    *r->mutable_defence_due() = ToProtoDate(absl::CivilDay(2025, 10, 20));
    *r->mutable_decision_expected() = ToProtoDate(absl::CivilDay(2025, 12, 1));
    InsertV3Case(**db, "2025-0001", contested.SerializeAsString(), nullptr,
                 nullptr, nullptr);
    v1::Case decided = contested;
    decided.set_number("2025-0002");
    decided.mutable_reviews(0)->set_id("2025-0002-R1");
    decided.mutable_reviews(0)->set_decision(v1::PROCEEDING_DECISION_UPHELD);
    InsertV3Case(**db, "2025-0002", decided.SerializeAsString(), nullptr,
                 nullptr, nullptr);
    ASSERT_THAT(
        (*db)->Exec("UPDATE cases SET has_proceedings = 1, is_open = 0"),
        IsOk());
    v1::Case plain = contested;
    plain.set_number("2025-0003");
    plain.clear_reviews();
    InsertV3Case(**db, "2025-0003", plain.SerializeAsString(), nullptr, nullptr,
                 nullptr);
  }

  SqliteStoreOptions options;
  options.path = path;
  auto store = OpenSqliteCaseStore(options);
  ASSERT_THAT(store, IsOk());
  AttentionQuery duties;
  duties.duty_due_until = absl::CivilDay(2025, 10, 31);
  auto cases = (*store)->ListCasesNeedingAttention(duties);
  ASSERT_THAT(cases, IsOk());
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ((*cases)[0].number(), "2025-0001");
  store->reset();

  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM cases WHERE duty_due = "
                             "'2025-10-20' AND number = '2025-0001'"),
            1);
  EXPECT_EQ(
      *(*db)->QueryInt("SELECT COUNT(*) FROM cases WHERE duty_due IS NULL"), 2);
}

TEST(SchemaMigrationsTest, BackfillsStoreWhatTheIndexerGives) {
  const ::ogi::testing::TempDir tmp;
  auto db = Database::Open(tmp.File("ogi.db"), Database::Mode::kReadWrite);
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT(MigrateSchema(**db, IndexCase, 5), IsOk());
  ASSERT_THAT((*db)->Exec("INSERT INTO agencies (id, code, name) VALUES (1, "
                          "'a', '甲局')"),
              IsOk());
  // A record with no review, lawsuit or duty: whatever migration 6 stores
  // comes from the indexer alone.
  const v1::Case c =
      ::ogi::testing::MakeStoredCase("a", "张三", absl::CivilDay(2025, 9, 26));
  InsertV3Case(**db, "2025-0001", c.SerializeAsString(), nullptr, nullptr,
               nullptr);
  ASSERT_THAT((*db)->Exec("UPDATE cases SET has_proceedings = 1"), IsOk());
  CaseIndex index;
  index.duty_due = absl::CivilDay(2026, 1, 5);
  index.proceedings_filed_from = absl::CivilDay(2025, 11, 2);
  index.proceedings_filed_until = absl::CivilDay(2025, 12, 3);
  ASSERT_THAT(MigrateSchema(
                  **db, [&](const v1::Case&) { return index; }, 6),
              IsOk());
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM cases WHERE duty_due = "
                             "'2026-01-05' AND proceedings_filed_from = "
                             "'2025-11-02' AND proceedings_filed_until = "
                             "'2025-12-03'"),
            1);
}

TEST(SchemaMigrationsTest, Version7DatabaseGainsAccessControl) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  {
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, IndexCase, 7), IsOk());
    ASSERT_THAT(
        (*db)->Exec("INSERT INTO agencies (id, code, name) VALUES (1, 'a', "
                    "'甲局'), (2, 'b', '乙局')"),
        IsOk());
  }

  SqliteStoreOptions options;
  options.path = path;
  auto store = OpenSqliteCaseStore(options);
  ASSERT_THAT(store, IsOk());
  auto agencies = (*store)->ListAgencies();
  ASSERT_THAT(agencies, IsOk());
  ASSERT_EQ(agencies->size(), 2u);
  EXPECT_EQ((*agencies)[0].code(), "a");
  EXPECT_EQ((*agencies)[0].name(), "甲局");
  EXPECT_EQ((*agencies)[0].supervisor_code(), "");
  EXPECT_EQ((*agencies)[1].code(), "b");
  EXPECT_EQ((*agencies)[1].supervisor_code(), "");
  // The new tables are there and empty, and take an account.
  auto users = (*store)->ListUsers();
  ASSERT_THAT(users, IsOk());
  EXPECT_TRUE(users->empty());
  v1::User user;
  user.set_name("wang");
  user.set_display_name("王科员");
  user.set_agency_code("b");
  user.add_roles(v1::ROLE_CLERK);
  EXPECT_THAT((*store)->PutUser(user), IsOk());
  store->reset();

  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE name "
                             "IN ('users', 'tokens', 'case_reads', "
                             "'tokens_by_user', 'case_reads_by_case')"),
            5);
}

TEST(SchemaMigrationsTest, NewerDatabaseIsRefusedUntouched) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  {
    auto db = Database::Open(path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("PRAGMA user_version = 99"), IsOk());
  }
  SqliteStoreOptions options;
  options.path = path;
  EXPECT_THAT(
      OpenSqliteCaseStore(options),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               HasSubstr("schema version 99, newer than this ogi build")));
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), 99);
  EXPECT_EQ(*(*db)->QueryInt("SELECT COUNT(*) FROM sqlite_master"), 0);
}

TEST(SchemaMigrationsTest, FileThatIsNotADatabaseIsRefused) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.File("ogi.db");
  std::ofstream(path)
      << "this is a spreadsheet, not a database, and it is long "
         "enough to look like a file header to sqlite.........";
  // Private, as a database must be (see storage/private_file.h), so that the
  // refusal is about the contents.
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write);
  SqliteStoreOptions options;
  options.path = path;
  EXPECT_THAT(
      OpenSqliteCaseStore(options),
      StatusIs(absl::StatusCode::kDataLoss, HasSubstr("not a database")));
}

}  // namespace
}  // namespace ogi
