// What staff enter for a report — table 二's figures, the prose, the register
// of documents — changes only where a request says so (update_mask, or the
// values given), and a write based on a stale read is refused by its etag
// with nothing changed.

#include <memory>
#include <string>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "services/report/report_manager.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using Day = absl::CivilDay;

constexpr char kStale[] = "etag: 记录已被他人修改，请重新读取后再改";

class ReportUpdatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        ::ogi::testing::OpenStoreWithAgency("default", "聊城市行政审批服务局");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    manager_ = std::make_unique<ReportManager>(store_.get(), store_.get(),
                                               &clock_, "default");
  }

  v1::Report Get(int year) {
    v1::GetReportRequest request;
    request.set_year(year);
    absl::StatusOr<v1::Report> report = manager_->GetReport(request);
    EXPECT_THAT(report, IsOk());
    return report.ok() ? *std::move(report) : v1::Report();
  }

  absl::StatusOr<v1::Table2> SetFigures(const v1::Table2& figures,
                                        std::vector<std::string> mask = {},
                                        std::string etag = "") {
    v1::SetFiguresRequest request;
    request.set_year(2022);
    *request.mutable_figures() = figures;
    for (std::string& path : mask)
      request.mutable_update_mask()->add_paths(path);
    request.set_etag(std::move(etag));
    return manager_->SetFigures(request, "统计员");
  }

  ManualClock clock_{absl::FromCivil(absl::CivilSecond(2023, 1, 10, 9, 0, 0),
                                     ChinaTimeZone())};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<ReportManager> manager_;
};

TEST_F(ReportUpdatesTest, OneFigureNeverZeroesTheOthers) {
  v1::Table2 all;
  all.set_licensing_decisions(32866);
  all.set_penalty_decisions(1250);
  all.mutable_rules()->set_in_force(4);
  all.set_fees_wan_yuan("12872.06");
  ASSERT_THAT(SetFigures(all), IsOk());

  v1::Table2 one;
  one.set_penalty_decisions(1300);
  absl::StatusOr<v1::Table2> stored = SetFigures(one);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->penalty_decisions(), 1300);
  EXPECT_EQ(stored->licensing_decisions(), 32866);
  EXPECT_EQ(stored->rules().in_force(), 4);
  EXPECT_EQ(stored->fees_wan_yuan(), "12872.06");

  const v1::Report report = Get(2022);
  EXPECT_EQ(report.entered_figures().licensing_decisions(), 32866);
  EXPECT_EQ(report.entered_figures().penalty_decisions(), 1300);
  // The etag SetFigures answers is the one GetReport shows.
  EXPECT_EQ(report.entered_figures().etag(), stored->etag());
  EXPECT_EQ(stored->etag().size(), 32u);
}

TEST_F(ReportUpdatesTest, AMaskClearsAFigureAndRefusesUnknownPaths) {
  v1::Table2 all;
  all.set_licensing_decisions(32866);
  all.set_fees_wan_yuan("12872.06");
  ASSERT_THAT(SetFigures(all), IsOk());
  absl::StatusOr<v1::Table2> cleared =
      SetFigures(v1::Table2(), {"licensing_decisions", "fees_wan_yuan"});
  ASSERT_THAT(cleared, IsOk());
  EXPECT_EQ(cleared->licensing_decisions(), 0);
  EXPECT_EQ(cleared->fees_wan_yuan(), "0.00");
  EXPECT_THAT(
      SetFigures(all, {"licensing_decisions", "documents_from_register"}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("update_mask: 未知字段 "
                         "\"documents_from_register\"")));
  EXPECT_EQ(Get(2022).entered_figures().licensing_decisions(), 0);
}

TEST_F(ReportUpdatesTest, AStaleEtagIsAbortedAndNothingChanges) {
  v1::Table2 all;
  all.set_licensing_decisions(100);
  ASSERT_THAT(SetFigures(all), IsOk());
  const std::string read = Get(2022).entered_figures().etag();
  ASSERT_FALSE(read.empty());

  v1::Table2 mine;
  mine.set_penalty_decisions(7);
  absl::StatusOr<v1::Table2> first = SetFigures(mine, {}, read);
  ASSERT_THAT(first, IsOk());
  v1::Table2 theirs;
  theirs.set_penalty_decisions(9);
  EXPECT_THAT(SetFigures(theirs, {}, read),
              StatusIs(absl::StatusCode::kAborted, kStale));
  EXPECT_EQ(Get(2022).entered_figures().penalty_decisions(), 7);
  EXPECT_THAT(SetFigures(theirs, {}, first->etag()), IsOk());
}

TEST_F(ReportUpdatesTest, FeesMustBeASaneDecimal) {
  v1::Table2 fees;
  fees.set_fees_wan_yuan("1000000.0001");
  EXPECT_THAT(SetFigures(fees),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("figures.fees_wan_yuan: 须在 0 至 1000000 "
                                 "万元之间")));
  fees.set_fees_wan_yuan("1000000");
  EXPECT_THAT(SetFigures(fees), IsOk());
  fees.set_fees_wan_yuan(std::string(100000, '9'));
  const absl::Status long_value = SetFigures(fees).status();
  EXPECT_THAT(long_value, StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("figures.fees_wan_yuan: \"9999")));
  EXPECT_LT(long_value.message().size(), 300u);  // never echoed whole
  fees.set_fees_wan_yuan("-1");
  EXPECT_THAT(SetFigures(fees), StatusIs(absl::StatusCode::kInvalidArgument,
                                         HasSubstr("figures.fees_wan_yuan")));
}

TEST_F(ReportUpdatesTest, ProseSectionsAreKeptClearedAndVersioned) {
  v1::SetProseRequest request;
  request.set_year(2022);
  // Nothing stored yet: the etag GetReport shows for the empty prose holds.
  request.set_etag(Get(2022).prose().etag());
  request.mutable_prose()->set_overview("2022年，本局……");
  request.mutable_prose()->set_problems("解读不足。");
  absl::StatusOr<v1::ReportProse> stored =
      manager_->SetProse(request, "统计员");
  ASSERT_THAT(stored, IsOk());

  v1::SetProseRequest clear;
  clear.set_year(2022);
  clear.mutable_update_mask()->add_paths("problems");
  clear.set_etag(stored->etag());
  absl::StatusOr<v1::ReportProse> cleared = manager_->SetProse(clear, "统计员");
  ASSERT_THAT(cleared, IsOk());
  EXPECT_EQ(cleared->problems(), "");
  EXPECT_EQ(cleared->overview(), "2022年，本局……");
  const v1::Report report = Get(2022);
  EXPECT_EQ(report.prose().problems(), "");
  EXPECT_EQ(report.prose().etag(), cleared->etag());

  // The same request again is based on a version that is gone.
  EXPECT_THAT(manager_->SetProse(clear, "统计员"),
              StatusIs(absl::StatusCode::kAborted, kStale));
  // Without a mask an empty request changes nothing and says so.
  v1::SetProseRequest empty;
  empty.set_year(2022);
  EXPECT_THAT(
      manager_->SetProse(empty, "统计员"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("prose:")));
}

TEST_F(ReportUpdatesTest, ARegisterEntryIsRepealedAndRestoredByMask) {
  v1::RegisterDocumentRequest add;
  add.mutable_document()->set_kind(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT);
  add.mutable_document()->set_title("关于规范行政审批服务的若干规定");
  add.mutable_document()->set_document_number("聊审批发〔2020〕1号");
  *add.mutable_document()->mutable_issued() = ToProtoDate(Day(2020, 3, 1));
  absl::StatusOr<v1::RegisteredDocument> added =
      manager_->RegisterDocument(add, "法制科");
  ASSERT_THAT(added, IsOk());
  ASSERT_FALSE(added->etag().empty());

  // The repeal alone: id, the date and the etag read.
  v1::RegisterDocumentRequest repeal;
  repeal.mutable_document()->set_id(added->id());
  *repeal.mutable_document()->mutable_repealed() =
      ToProtoDate(Day(2022, 6, 30));
  repeal.set_etag(added->etag());
  absl::StatusOr<v1::RegisteredDocument> repealed =
      manager_->RegisterDocument(repeal, "法制科");
  ASSERT_THAT(repealed, IsOk());
  EXPECT_EQ(repealed->title(), "关于规范行政审批服务的若干规定");
  EXPECT_EQ(repealed->document_number(), "聊审批发〔2020〕1号");
  EXPECT_EQ(FormatIsoDate(repealed->repealed()), "2022-06-30");
  EXPECT_THAT(manager_->RegisterDocument(repeal, "法制科"),
              StatusIs(absl::StatusCode::kAborted, kStale));

  // In force again: the mask clears the repeal date.
  v1::RegisterDocumentRequest restore;
  restore.mutable_document()->set_id(added->id());
  restore.mutable_update_mask()->add_paths("repealed");
  absl::StatusOr<v1::RegisteredDocument> restored =
      manager_->RegisterDocument(restore, "法制科");
  ASSERT_THAT(restored, IsOk());
  EXPECT_FALSE(restored->has_repealed());
  absl::StatusOr<v1::ListDocumentsResponse> listed =
      manager_->ListDocuments(v1::ListDocumentsRequest());
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->documents_size(), 1);
  EXPECT_EQ(listed->documents(0).etag(), restored->etag());
  EXPECT_FALSE(listed->documents(0).has_repealed());
}

}  // namespace
}  // namespace ogi
