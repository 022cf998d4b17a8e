#include "services/report/report_manager.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/report/report_test_cases.h"
#include "tests/storage/store_test_util.h"

// ReportService's operations over a real (in-memory) store: what staff enter
// is kept per agency and year, a locked year keeps its published numbers and
// shows the cells later corrections change, and the register of documents
// counts table 二's first block.

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

// Lets `lock` lock a year whose prose was never written (the tests here are
// about the numbers).
void AllowEmptyProse(v1::LockReportRequest& lock) {
  for (const char* section : {"overview", "problems", "other_matters"}) {
    lock.add_allow_empty_sections(section);
  }
}

int64_t Cell(const v1::Report& report, absl::string_view row, int column) {
  for (const v1::Table3Row& r : report.table3().rows()) {
    if (r.key() == row) return r.cells(column);
  }
  ADD_FAILURE() << "no row " << row;
  return -1;
}

class ReportManagerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        ::ogi::testing::OpenStoreWithAgency("default", "聊城市行政审批服务局");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    manager_ = std::make_unique<ReportManager>(store_.get(), store_.get(),
                                               &clock_, "default");
  }

  // Stores the reference report's thirteen 2022 cases (and its review).
  void StoreReferenceCases() {
    for (v1::Case c : ::ogi::testing::Reference2022Cases()) {
      v1::CaseEvent created;
      created.set_type(v1::CASE_EVENT_TYPE_CREATED);
      created.set_actor("王晓");
      created.mutable_recorded_at()->set_seconds(1650000000);
      // The store numbers cases in creation order: the fixture's numbers
      // (2022-0001 ..) come out the same.
      ASSERT_THAT(store_->CreateCase(std::move(c), created), IsOk());
    }
  }

  v1::Report Get(int year) {
    v1::GetReportRequest request;
    request.set_year(year);
    absl::StatusOr<v1::Report> report = manager_->GetReport(request);
    EXPECT_THAT(report, IsOk());
    return report.ok() ? *std::move(report) : v1::Report();
  }

  ManualClock clock_{::ogi::testing::BeijingAt(Day(2023, 1, 10), 10)};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<ReportManager> manager_;
};

TEST_F(ReportManagerTest, DerivesTheReferenceTablesFromStoredCases) {
  StoreReferenceCases();
  const v1::Report report = Get(2022);
  EXPECT_EQ(report.title_agency(), "聊城市行政审批服务局");
  EXPECT_EQ(Cell(report, "new", 0), 13);
  EXPECT_EQ(Cell(report, "disclosed", 6), 12);
  EXPECT_EQ(Cell(report, "unavailable_not_held", 0), 1);
  EXPECT_EQ(Cell(report, "carried_out", 6), 0);
  EXPECT_EQ(report.table4().review().upheld(), 1);
  EXPECT_EQ(report.table4().review().total(), 1);
  for (const v1::ReportCheck& check : report.checks()) {
    EXPECT_TRUE(check.ok()) << check.identity() << ": " << check.detail();
  }
  EXPECT_EQ(report.content_hash().size(), 64u);

  // The rendered document comes with the report it renders.
  v1::RenderReportRequest render;
  render.set_year(2022);
  render.set_format(v1::REPORT_FORMAT_CSV);
  absl::StatusOr<v1::RenderedReport> rendered = manager_->RenderReport(render);
  ASSERT_THAT(rendered, IsOk());
  EXPECT_EQ(rendered->content_type(), "text/csv; charset=utf-8");
  EXPECT_THAT(rendered->content(), HasSubstr("（一）予以公开,12,"));
  EXPECT_EQ(rendered->report().content_hash(), report.content_hash());
}

TEST_F(ReportManagerTest, YearOutsideTheReportingYearsIsRefused) {
  v1::GetReportRequest request;
  request.set_year(2007);
  EXPECT_THAT(manager_->GetReport(request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("year: 须在 2008 至 2023 之间，而不是 2007")));
  request.set_year(2024);  // "today" is 2023-01-10
  EXPECT_THAT(manager_->GetReport(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("year")));
  request.set_year(2022);
  request.add_agency_codes("default");
  request.add_agency_codes("nope");
  EXPECT_THAT(manager_->GetReport(request),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("agency_codes: 机关 \"nope\" 不存在")));
}

TEST_F(ReportManagerTest, FiguresAndProseAreKeptPerYearNewestFirst) {
  v1::SetFiguresRequest figures;
  figures.set_year(2022);
  figures.mutable_figures()->set_licensing_decisions(32866);
  figures.mutable_figures()->set_fees_wan_yuan("12872.060");
  absl::StatusOr<v1::Table2> stored = manager_->SetFigures(figures, "统计员");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->fees_wan_yuan(), "12872.06");  // canonical decimal

  figures.mutable_figures()->set_licensing_decisions(-1);
  EXPECT_THAT(manager_->SetFigures(figures, "统计员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("figures.licensing_decisions")));
  figures.mutable_figures()->set_licensing_decisions(1);
  EXPECT_THAT(manager_->SetFigures(figures, ""),
              StatusIs(absl::StatusCode::kInvalidArgument));

  v1::SetProseRequest prose;
  prose.set_year(2022);
  prose.mutable_prose()->set_overview("2022年，本局深入贯彻落实……");
  ASSERT_THAT(manager_->SetProse(prose, "统计员"), IsOk());
  prose.mutable_prose()->clear_overview();
  prose.mutable_prose()->set_problems("政策解读工作方面存在不足。");
  ASSERT_THAT(manager_->SetProse(prose, "统计员"), IsOk());

  const v1::Report report = Get(2022);
  EXPECT_EQ(report.table2().licensing_decisions(), 32866);
  EXPECT_EQ(report.table2().fees_wan_yuan(), "12872.06");
  // The second call kept the overview and added the problems.
  EXPECT_EQ(report.prose().overview(), "2022年，本局深入贯彻落实……");
  EXPECT_EQ(report.prose().problems(), "政策解读工作方面存在不足。");
  // Another year is untouched.
  EXPECT_EQ(Get(2021).table2().licensing_decisions(), 0);
}

TEST_F(ReportManagerTest, RegisterCountsTheFirstBlockOfTable2) {
  auto add = [&](v1::DocumentKind kind, Day issued,
                 std::optional<Day> repealed) {
    v1::RegisterDocumentRequest request;
    request.mutable_document()->set_kind(kind);
    request.mutable_document()->set_title("关于规范行政审批服务的若干规定");
    *request.mutable_document()->mutable_issued() = ToProtoDate(issued);
    if (repealed) {
      *request.mutable_document()->mutable_repealed() = ToProtoDate(*repealed);
    }
    absl::StatusOr<v1::RegisteredDocument> stored =
        manager_->RegisterDocument(request, "法制科");
    EXPECT_THAT(stored, IsOk());
    return stored.ok() ? *stored : v1::RegisteredDocument();
  };
  add(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT, Day(2020, 3, 1), std::nullopt);
  add(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT, Day(2022, 5, 1), std::nullopt);
  v1::RegisteredDocument old =
      add(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT, Day(2019, 1, 1), std::nullopt);
  add(v1::DOCUMENT_KIND_RULE, Day(2022, 8, 1), std::nullopt);
  // The old one is repealed in 2022: a new version of the same entry.
  v1::RegisterDocumentRequest repeal;
  *repeal.mutable_document() = old;
  *repeal.mutable_document()->mutable_repealed() =
      ToProtoDate(Day(2022, 6, 30));
  ASSERT_THAT(manager_->RegisterDocument(repeal, "法制科"), IsOk());

  v1::ListDocumentsRequest list;
  absl::StatusOr<v1::ListDocumentsResponse> documents =
      manager_->ListDocuments(list);
  ASSERT_THAT(documents, IsOk());
  EXPECT_EQ(documents->documents_size(), 4);

  const v1::Report report = Get(2022);
  EXPECT_TRUE(report.table2().documents_from_register());
  EXPECT_EQ(report.table2().normative_documents().issued(), 1);
  EXPECT_EQ(report.table2().normative_documents().repealed(), 1);
  EXPECT_EQ(report.table2().normative_documents().in_force(), 2);
  EXPECT_EQ(report.table2().rules().issued(), 1);
  EXPECT_EQ(report.table2().rules().in_force(), 1);

  v1::RegisterDocumentRequest bad;
  bad.mutable_document()->set_kind(v1::DOCUMENT_KIND_RULE);
  bad.mutable_document()->set_title("无日期");
  EXPECT_THAT(manager_->RegisterDocument(bad, "法制科"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("document.issued")));
  bad.mutable_document()->set_id(999);
  *bad.mutable_document()->mutable_issued() = ToProtoDate(Day(2022, 1, 1));
  EXPECT_THAT(manager_->RegisterDocument(bad, "法制科"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("document.id")));
}

TEST_F(ReportManagerTest, LockedYearKeepsItsNumbersAndShowsWhatMoved) {
  StoreReferenceCases();
  v1::LockReportRequest lock;
  lock.set_year(2022);
  AllowEmptyProse(lock);
  absl::StatusOr<v1::Report> locked = manager_->LockReport(lock, "统计员");
  ASSERT_THAT(locked, IsOk());
  EXPECT_EQ(locked->lock().locked_by(), "统计员");
  EXPECT_EQ(locked->lock().content_hash(), locked->content_hash());
  EXPECT_THAT(manager_->LockReport(lock, "统计员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("already locked")));

  // A correction after publication: 2022-0003 was in fact 部分公开.
  ASSERT_THAT(store_->MutateCase(
                  "default", "2022-0003",
                  [](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
                    c.mutable_conclusion()->set_outcome(
                        v1::OUTCOME_PARTIALLY_DISCLOSED);
                    v1::CaseEvent event;
                    event.set_type(v1::CASE_EVENT_TYPE_CONCLUSION_CORRECTED);
                    event.set_actor("王晓");
                    event.set_reason("答复书实际为部分公开");
                    event.mutable_recorded_at()->set_seconds(1673000000);
                    return event;
                  }),
              IsOk());

  const v1::Report report = Get(2022);
  // The published numbers stand.
  EXPECT_EQ(Cell(report, "disclosed", 0), 12);
  EXPECT_EQ(Cell(report, "partially_disclosed", 0), 0);
  EXPECT_EQ(report.lock().content_hash(), locked->content_hash());
  // And the live records' differences name the case that moved.
  std::vector<std::string> moved_cells;
  for (const v1::CellDifference& difference : report.differences()) {
    if (difference.cell().table() != 3) continue;
    moved_cells.push_back(absl::StrCat(
        difference.cell().row(), "/", difference.cell().column(), ":",
        difference.locked_value(), "->", difference.live_value()));
    EXPECT_THAT(
        difference.cases_added().size() + difference.cases_removed().size(),
        1u);
  }
  EXPECT_THAT(moved_cells,
              ::testing::UnorderedElementsAre(
                  "disclosed/natural_person:12->11", "disclosed/total:12->11",
                  "partially_disclosed/natural_person:0->1",
                  "partially_disclosed/total:0->1"));
  for (const v1::CellDifference& difference : report.differences()) {
    for (const std::string& c : difference.cases_added()) {
      EXPECT_EQ(c, "2022-0003");
    }
    for (const std::string& c : difference.cases_removed()) {
      EXPECT_EQ(c, "2022-0003");
    }
  }

  // The drill-down lists the live records.
  v1::GetCellRequest cell;
  cell.set_year(2022);
  *cell.mutable_cell() =
      ::ogi::testing::CellAt(3, "partially_disclosed", "natural_person");
  absl::StatusOr<v1::GetCellResponse> records = manager_->GetCell(cell);
  ASSERT_THAT(records, IsOk());
  EXPECT_EQ(records->value(), 1);
  ASSERT_EQ(records->records_size(), 1);
  EXPECT_EQ(records->records(0).case_number(), "2022-0003");
}

TEST_F(ReportManagerTest, RegisterEntriesThatMovedAfterTheLockAreNamed) {
  StoreReferenceCases();
  auto add = [&](int64_t id, const std::string& title, Day issued) {
    v1::RegisterDocumentRequest request;
    request.mutable_document()->set_id(id);
    request.mutable_document()->set_kind(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT);
    request.mutable_document()->set_title(title);
    *request.mutable_document()->mutable_issued() = ToProtoDate(issued);
    absl::StatusOr<v1::RegisteredDocument> stored =
        manager_->RegisterDocument(request, "法制科");
    EXPECT_THAT(stored, IsOk());
    return stored.ok() ? stored->id() : -1;
  };
  const int64_t first =
      add(0, "关于规范行政审批服务的若干规定", Day(2022, 5, 1));
  v1::LockReportRequest lock;
  lock.set_year(2022);
  AllowEmptyProse(lock);
  ASSERT_THAT(manager_->LockReport(lock, "统计员"), IsOk());

  // After publication: the entry was in fact issued in 2021, and another,
  // registered late, was issued in 2022. The count of documents issued in
  // 2022 stays 1; the entries behind it changed.
  add(first, "关于规范行政审批服务的若干规定", Day(2021, 12, 1));
  const int64_t late = add(0, "行政审批容缺受理办法", Day(2022, 9, 1));
  const v1::Report report = Get(2022);
  EXPECT_EQ(report.table2().normative_documents().issued(), 1);
  std::vector<std::string> moved;
  for (const v1::CellDifference& difference : report.differences()) {
    ASSERT_EQ(difference.cell().table(), 2);
    moved.push_back(absl::StrCat(
        difference.cell().row(), "/", difference.cell().column(), " ",
        difference.locked_value(), "->", difference.live_value(), " +",
        absl::StrJoin(difference.cases_added(), ","), " -",
        absl::StrJoin(difference.cases_removed(), ",")));
  }
  const std::string first_ref =
      absl::StrCat("default/文件", first, " 关于规范行政审批服务的若干规定");
  const std::string late_ref =
      absl::StrCat("default/文件", late, " 行政审批容缺受理办法");
  EXPECT_THAT(moved,
              ElementsAre(absl::StrCat("normative_documents/issued 1->1 +",
                                       late_ref, " -", first_ref),
                          absl::StrCat("normative_documents/in_force 1->2 +",
                                       late_ref, " -")));
}

TEST_F(ReportManagerTest, UnbalancedYearCannotBeLocked) {
  // Concluded with no outcome: the derivation cannot count it.
  v1::Case c = ::ogi::testing::ReceivedCase(
      "", "张伟", v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2022, 3, 1));
  ::ogi::testing::Conclude(c, Day(2022, 3, 20), v1::OUTCOME_DISCLOSED);
  c.mutable_conclusion()->clear_outcome();
  c.mutable_conclusion()->clear_derived_outcome();
  v1::CaseEvent created;
  created.set_type(v1::CASE_EVENT_TYPE_CREATED);
  created.set_actor("王晓");
  created.mutable_recorded_at()->set_seconds(1650000000);
  ASSERT_THAT(store_->CreateCase(c, created), IsOk());

  v1::LockReportRequest lock;
  lock.set_year(2022);

  AllowEmptyProse(lock);
  EXPECT_THAT(manager_->LockReport(lock, "统计员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("年度报告的校验未通过，不能锁定")));
  EXPECT_THAT(Get(2022).uncountable(), ::testing::SizeIs(1));
}

TEST_F(ReportManagerTest, ConcludedWithoutReceiptDateIsNamedNotDropped) {
  v1::Case c = ::ogi::testing::ReceivedCase(
      "", "赵敏", v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2022, 5, 9));
  ::ogi::testing::Conclude(c, Day(2022, 5, 30), v1::OUTCOME_DISCLOSED);
  c.clear_receipt_date();
  v1::CaseEvent created;
  created.set_type(v1::CASE_EVENT_TYPE_CREATED);
  created.set_actor("王晓");
  created.mutable_recorded_at()->set_seconds(1650000000);
  ASSERT_THAT(store_->CreateCase(c, created), IsOk());
  const v1::Report report = Get(2022);
  ASSERT_EQ(report.uncountable_size(), 1);
  EXPECT_EQ(report.uncountable(0).number(), "2022-0001");
  // Another year it plays no part in.
  EXPECT_THAT(Get(2021).uncountable(), IsEmpty());
}

TEST_F(ReportManagerTest, LastYearsLockFeedsTheCarriedInCheck) {
  // Received 2021-12-20, concluded 2022-01-10: carried out of 2021, in 2022.
  v1::Case c = ::ogi::testing::ReceivedCase(
      "", "李娜", v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE, Day(2021, 12, 20));
  ::ogi::testing::Conclude(c, Day(2022, 1, 10), v1::OUTCOME_DISCLOSED);
  v1::CaseEvent created;
  created.set_type(v1::CASE_EVENT_TYPE_CREATED);
  created.set_actor("王晓");
  created.mutable_recorded_at()->set_seconds(1640000000);
  ASSERT_THAT(store_->CreateCase(c, created), IsOk());
  v1::LockReportRequest lock;
  lock.set_year(2021);
  AllowEmptyProse(lock);
  ASSERT_THAT(manager_->LockReport(lock, "统计员"), IsOk());

  const v1::Report report = Get(2022);
  EXPECT_EQ(Cell(report, "carried_in", 1), 1);
  for (const v1::ReportCheck& check : report.checks()) {
    EXPECT_TRUE(check.ok()) << check.identity() << ": " << check.detail();
  }
}

// Registers a normative document of `agency` issued on `issued`.
void RegisterNormative(ReportManager& manager, Day issued) {
  v1::RegisterDocumentRequest request;
  request.mutable_document()->set_kind(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT);
  request.mutable_document()->set_title(
      "关于进一步优化政务服务事项办理流程的通知");
  *request.mutable_document()->mutable_issued() = ToProtoDate(issued);
  ASSERT_THAT(manager.RegisterDocument(request, "法制科"), IsOk());
}

TEST_F(ReportManagerTest, TheRegisterOverridesEnteredFiguresAndSaysSo) {
  v1::SetFiguresRequest set;
  set.set_year(2022);
  set.mutable_figures()->mutable_normative_documents()->set_in_force(3);
  set.mutable_figures()->mutable_rules()->set_in_force(2);
  ASSERT_THAT(manager_->SetFigures(set, "统计员"), IsOk());
  RegisterNormative(*manager_, Day(2022, 3, 18));

  // Automatic: the register holds a normative document, so that row comes
  // from it; it holds no rule, so the rules row stays as entered.
  v1::Report report = Get(2022);
  EXPECT_EQ(report.table2().normative_documents().in_force(), 1);
  EXPECT_EQ(report.table2().normative_documents().issued(), 1);
  EXPECT_TRUE(report.table2().normative_documents_from_register());
  EXPECT_EQ(report.table2().rules().in_force(), 2);
  EXPECT_FALSE(report.table2().rules_from_register());
  EXPECT_TRUE(report.table2().documents_from_register());
  // Both figures the count changed, each with both numbers.
  ASSERT_EQ(report.table2().overridden_size(), 2);
  EXPECT_EQ(report.table2().overridden(0).figure(),
            "normative_documents.issued");
  EXPECT_EQ(report.table2().overridden(0).entered(), 0);
  EXPECT_EQ(report.table2().overridden(0).counted(), 1);
  EXPECT_EQ(report.table2().overridden(1).figure(),
            "normative_documents.in_force");
  EXPECT_EQ(report.table2().overridden(1).label(),
            "行政规范性文件 现行有效件数");
  EXPECT_EQ(report.table2().overridden(1).entered(), 3);
  EXPECT_EQ(report.table2().overridden(1).counted(), 1);
  EXPECT_THAT(report.notes(),
              ::testing::Contains(AllOf(
                  HasSubstr("表二 行政规范性文件 现行有效件数：输入的数字 3 "
                            "已被登记簿统计的 1 取代"),
                  HasSubstr("--normative-source entered"))));
  // What was entered is kept and shown apart.
  EXPECT_EQ(report.entered_figures().normative_documents().in_force(), 3);

  // The statistician chooses the entered figures: they count, no warning.
  set.mutable_figures()->set_normative_documents_source(
      v1::DOCUMENT_COUNT_SOURCE_ENTERED);
  absl::StatusOr<v1::Table2> stored = manager_->SetFigures(set, "统计员");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->normative_documents().in_force(), 3);
  EXPECT_THAT(stored->overridden(), IsEmpty());
  report = Get(2022);
  EXPECT_EQ(report.table2().normative_documents().in_force(), 3);
  EXPECT_FALSE(report.table2().normative_documents_from_register());
  EXPECT_EQ(report.table2().normative_documents_source(),
            v1::DOCUMENT_COUNT_SOURCE_ENTERED);
  EXPECT_THAT(report.table2().overridden(), IsEmpty());
  for (const std::string& note : report.notes()) {
    EXPECT_THAT(note, ::testing::Not(HasSubstr("表二")));
  }
}

TEST_F(ReportManagerTest, SetFiguresReturnsTheOverrideItCauses) {
  RegisterNormative(*manager_, Day(2021, 3, 18));
  v1::SetFiguresRequest set;
  set.set_year(2022);
  set.mutable_figures()->mutable_normative_documents()->set_in_force(5);
  // Register for both rows: no rule registered, so 规章 counts 0.
  set.mutable_figures()->mutable_rules()->set_in_force(4);
  set.mutable_figures()->set_rules_source(v1::DOCUMENT_COUNT_SOURCE_REGISTER);
  absl::StatusOr<v1::Table2> stored = manager_->SetFigures(set, "统计员");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->rules().in_force(), 0);
  EXPECT_TRUE(stored->rules_from_register());
  EXPECT_EQ(stored->normative_documents().in_force(), 1);
  EXPECT_TRUE(stored->documents_from_register());
  ASSERT_EQ(stored->overridden_size(), 2);
  EXPECT_EQ(stored->overridden(0).figure(), "rules.in_force");
  EXPECT_EQ(stored->overridden(0).counted(), 0);
  EXPECT_EQ(stored->overridden(1).figure(), "normative_documents.in_force");

  set.mutable_figures()->set_rules_source(
      static_cast<v1::DocumentCountSource>(7));
  EXPECT_THAT(manager_->SetFigures(set, "统计员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("figures.rules_source:")));
}

TEST_F(ReportManagerTest, WhereTheFiguresComeFromDoesNotChangeTheHash) {
  v1::SetFiguresRequest set;
  set.set_year(2022);
  set.mutable_figures()->mutable_normative_documents()->set_in_force(1);
  set.mutable_figures()->mutable_normative_documents()->set_issued(1);
  ASSERT_THAT(manager_->SetFigures(set, "统计员"), IsOk());
  const std::string entered = Get(2022).content_hash();
  RegisterNormative(*manager_, Day(2022, 3, 18));
  const v1::Report counted = Get(2022);
  EXPECT_TRUE(counted.table2().normative_documents_from_register());
  EXPECT_EQ(counted.content_hash(), entered);
}

TEST_F(ReportManagerTest, LockRefusesEmptySectionsUnlessAllowed) {
  StoreReferenceCases();
  v1::LockReportRequest lock;
  lock.set_year(2022);
  EXPECT_THAT(
      manager_->LockReport(lock, "统计员"),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               AllOf(HasSubstr("allow_empty_sections:"),
                     HasSubstr("一、总体情况（overview）"),
                     HasSubstr("五、存在的主要问题及改进情况（problems）"),
                     HasSubstr("六、其他需要报告的事项（other_matters）"))));
  EXPECT_FALSE(Get(2022).has_lock());
  // Only the sections the notes call empty are named.
  EXPECT_THAT(Get(2022).notes(),
              ::testing::Contains(HasSubstr("--allow-empty problems")));

  v1::SetProseRequest prose;
  prose.set_year(2022);
  prose.mutable_prose()->set_overview("2022年，本局深入贯彻落实……");
  prose.mutable_prose()->set_problems("政策解读工作方面存在不足。");
  ASSERT_THAT(manager_->SetProse(prose, "统计员"), IsOk());
  EXPECT_THAT(manager_->LockReport(lock, "统计员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("other_matters"),
                             ::testing::Not(HasSubstr("overview")))));
  lock.add_allow_empty_sections("preface");
  EXPECT_THAT(manager_->LockReport(lock, "统计员"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("allow_empty_sections: 未知的章节“preface”")));
  lock.clear_allow_empty_sections();
  lock.add_allow_empty_sections("other_matters");
  ASSERT_THAT(manager_->LockReport(lock, "统计员"), IsOk());
  EXPECT_TRUE(Get(2022).has_lock());
}

TEST_F(ReportManagerTest, LockRefusesNumbersThatChangedSinceTheyWereShown) {
  StoreReferenceCases();
  const std::string shown = Get(2022).content_hash();
  v1::LockReportRequest lock;
  lock.set_year(2022);
  AllowEmptyProse(lock);
  v1::SetFiguresRequest set;
  set.set_year(2022);
  set.mutable_figures()->set_licensing_decisions(32866);
  ASSERT_THAT(manager_->SetFigures(set, "另一位统计员"), IsOk());
  lock.set_expected_content_hash(shown);
  EXPECT_THAT(manager_->LockReport(lock, "统计员"),
              StatusIs(absl::StatusCode::kAborted,
                       HasSubstr("expected_content_hash:")));
  EXPECT_FALSE(Get(2022).has_lock());
  lock.set_expected_content_hash(Get(2022).content_hash());
  absl::StatusOr<v1::Report> locked = manager_->LockReport(lock, "统计员");
  ASSERT_THAT(locked, IsOk());
  EXPECT_EQ(locked->lock().content_hash(), lock.expected_content_hash());
}

TEST_F(ReportManagerTest, ThePrefaceIsKeptWithTheProse) {
  EXPECT_THAT(Get(2022).notes(),
              ::testing::Contains(HasSubstr("前言：使用系统生成的默认文字")));
  v1::SetProseRequest prose;
  prose.set_year(2022);
  prose.mutable_prose()->set_preface("本报告依据《条例》编制。");
  absl::StatusOr<v1::ReportProse> stored = manager_->SetProse(prose, "统计员");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->preface(), "本报告依据《条例》编制。");
  const v1::Report report = Get(2022);
  EXPECT_EQ(report.prose().preface(), "本报告依据《条例》编制。");
  for (const std::string& note : report.notes()) {
    EXPECT_THAT(note, ::testing::Not(HasSubstr("前言")));
  }
}

}  // namespace
}  // namespace ogi
