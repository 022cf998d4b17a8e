// The columns of a case row: each holds what it names (positions cannot
// drift), and the derived index columns hold what the store's CaseIndexer
// gives, not anything the store derives itself.

#include <memory>
#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "storage/case_store.h"
#include "storage/sqlite_case_store.h"
#include "storage/sqlite_database.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::MakeEvent;
using ::ogi::testing::MakeStoredCase;
using ::ogi::testing::StatusIs;
using Day = absl::CivilDay;

// An indexer that returns `index` for every case, whatever its record says.
CaseIndexer Fixed(const CaseIndex& index) {
  return [index](const v1::Case&) { return index; };
}

// The text of `column` of the only case row of the database at `path`
// ("NULL" for NULL).
std::string Column(const std::string& path, const std::string& column) {
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  EXPECT_THAT(db, IsOk());
  if (!db.ok()) return "";
  auto stmt = (*db)->Prepare("SELECT " + column + " FROM cases");
  EXPECT_THAT(stmt, IsOk());
  if (!stmt.ok() || !*stmt->Step()) return "";
  return stmt->ColumnIsNull(0) ? "NULL" : stmt->ColumnText(0);
}

class SqliteCaseColumnsTest : public ::testing::Test {
 protected:
  // Opens the store at path_ with `indexer` and agency "a".
  void Open(CaseIndexer indexer) {
    store_.reset();
    SqliteStoreOptions options;
    options.path = path_;
    auto store = SqliteCaseStore::Open(options, std::move(indexer));
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    v1::Agency agency;
    agency.set_code("a");
    agency.set_name("甲局");
    ASSERT_THAT(store_->UpsertAgency(agency), IsOk());
  }

  const ::ogi::testing::TempDir tmp_;
  const std::string path_ = tmp_.File("ogi.db");
  std::unique_ptr<SqliteCaseStore> store_;
};

TEST_F(SqliteCaseColumnsTest, OpenWithoutAnIndexerIsRefused) {
  SqliteStoreOptions options;
  options.path = ":memory:";
  EXPECT_THAT(SqliteCaseStore::Open(options, nullptr),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(SqliteCaseColumnsTest, EachColumnHoldsWhatItNames) {
  CaseIndex index;
  index.compute_in_full = true;
  index.duty_due = Day(2026, 1, 5);
  index.proceedings_filed_from = Day(2025, 11, 2);
  index.proceedings_filed_until = Day(2025, 12, 3);
  Open(Fixed(index));
  v1::Case c =
      MakeStoredCase("a", "张三", Day(2025, 9, 26),
                     v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE, "预算公开");
  c.add_items()->set_description("决算公开");
  *c.mutable_receipt_date() = ToProtoDate(Day(2025, 9, 28));
  v1::Deadlines& d = *c.mutable_deadlines();
  d.set_state(v1::CLOCK_STATE_RUNNING);
  *d.mutable_answer_due() = ToProtoDate(Day(2025, 10, 30));
  *d.mutable_correction_notice_due() = ToProtoDate(Day(2025, 10, 13));
  d.set_window_kind(v1::APPLICANT_WINDOW_KIND_CORRECTION);
  *d.mutable_window_end() = ToProtoDate(Day(2025, 11, 14));
  d.set_provisional(true);
  *c.mutable_conclusion()->mutable_served() = ToProtoDate(Day(2025, 12, 1));
  c.add_reviews();
  ASSERT_THAT(
      store_->CreateCase(c, MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk")),
      IsOk());
  EXPECT_EQ(Column(path_, "number"), "2025-0001");
  EXPECT_EQ(Column(path_, "version"), "1");
  EXPECT_EQ(Column(path_, "status"),
            std::to_string(v1::CASE_STATUS_PROCESSING));
  EXPECT_EQ(Column(path_, "applicant_type"),
            std::to_string(v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE));
  EXPECT_EQ(Column(path_, "applicant_name"), "张三");
  EXPECT_EQ(Column(path_, "items_text"), "预算公开\n决算公开");
  EXPECT_EQ(Column(path_, "arrival_date"), "2025-09-26");
  EXPECT_EQ(Column(path_, "receipt_date"), "2025-09-28");
  EXPECT_EQ(Column(path_, "is_open"), "1");
  EXPECT_EQ(Column(path_, "answer_due"), "2025-10-30");
  EXPECT_EQ(Column(path_, "notice_due"), "2025-10-13");
  EXPECT_EQ(Column(path_, "window_end"), "2025-11-14");
  EXPECT_EQ(Column(path_, "window_kind"),
            std::to_string(v1::APPLICANT_WINDOW_KIND_CORRECTION));
  EXPECT_EQ(Column(path_, "provisional"), "1");
  EXPECT_EQ(Column(path_, "concluded_on"), "2025-12-01");
  EXPECT_EQ(Column(path_, "has_proceedings"), "1");
  // The index columns: the indexer's, although the record has no duty and
  // no filing date.
  EXPECT_EQ(Column(path_, "compute_in_full"), "1");
  EXPECT_EQ(Column(path_, "duty_due"), "2026-01-05");
  EXPECT_EQ(Column(path_, "proceedings_filed_from"), "2025-11-02");
  EXPECT_EQ(Column(path_, "proceedings_filed_until"), "2025-12-03");
}

// Whether the one case a deadline listing finds comes with its record.
absl::StatusOr<bool> ListedWithRecord(SqliteCaseStore& store) {
  AttentionQuery query;
  query.answer_due_until = Day(2100, 1, 1);
  int visits = 0;
  bool with_record = false;
  const absl::Status status =
      store.ForEachDeadlineSummary(query, [&](CaseDeadlineSummary& s) {
        ++visits;
        with_record = s.record != nullptr;
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  if (visits != 1) return absl::InternalError("not one case listed");
  return with_record;
}

TEST_F(SqliteCaseColumnsTest, AChangeRewritesTheIndexFromTheIndexer) {
  CaseIndex first;
  first.compute_in_full = false;
  first.duty_due = Day(2026, 1, 5);
  Open(Fixed(first));
  v1::Case c = MakeStoredCase("a", "张三", Day(2025, 9, 26));
  *c.mutable_deadlines()->mutable_answer_due() = ToProtoDate(Day(2025, 10, 30));
  auto created =
      store_->CreateCase(c, MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(Column(path_, "duty_due"), "2026-01-05");
  absl::StatusOr<bool> with_record = ListedWithRecord(*store_);
  ASSERT_THAT(with_record, IsOk());
  EXPECT_FALSE(*with_record);

  CaseIndex second;
  second.compute_in_full = true;
  second.proceedings_filed_until = Day(2026, 2, 1);
  Open(Fixed(second));
  ASSERT_THAT(store_->MutateCase(
                  "a", created->number(),
                  [](v1::Case&) -> absl::StatusOr<v1::CaseEvent> {
                    return MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk");
                  }),
              IsOk());
  EXPECT_EQ(Column(path_, "version"), "2");
  EXPECT_EQ(Column(path_, "compute_in_full"), "1");
  EXPECT_EQ(Column(path_, "duty_due"), "NULL");
  EXPECT_EQ(Column(path_, "proceedings_filed_from"), "NULL");
  EXPECT_EQ(Column(path_, "proceedings_filed_until"), "2026-02-01");
  // A deadline listing reads the record of a case its index says to compute
  // in full.
  with_record = ListedWithRecord(*store_);
  ASSERT_THAT(with_record, IsOk());
  EXPECT_TRUE(*with_record);
}

}  // namespace
}  // namespace ogi
