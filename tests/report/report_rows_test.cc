#include "services/report/report_rows.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/report/report_test_cases.h"

namespace ogi {
namespace {

using ::ogi::testing::CellAt;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The national format's row labels of table 三, written out from the format
// (国办公开办函〔2021〕30号) and the reference report.
TEST(ReportRowsTest, Table3HasTheTwentyFiveOfficialRowsInOrder) {
  std::vector<std::string> labels;
  for (const Table3RowSpec& row : Table3Rows()) labels.push_back(row.label);
  EXPECT_THAT(
      labels,
      ElementsAre(
          "一、本年新收政府信息公开申请数量",
          "二、上年结转政府信息公开申请数量", "（一）予以公开",
          "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          "1.属于国家秘密", "2.其他法律行政法规禁止公开",
          "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息",
          "7.属于行政执法案卷", "8.属于行政查询事项",
          "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
          "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请",
          "3.要求提供公开出版物", "4.无正当理由大量反复申请",
          "5.要求行政机关确认或重新出具已获取信息",
          "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "2."
          "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申"
          "请",
          "3.其他", "（七）总计", "四、结转下年度继续办理"));
  EXPECT_EQ(Table3Rows().size(), static_cast<size_t>(kTable3RowCount));
  EXPECT_EQ(Table3Rows()[kNewRow].key, "new");
  EXPECT_EQ(Table3Rows()[kCarriedInRow].key, "carried_in");
  EXPECT_EQ(Table3Rows()[kFirstLeafRow].key, "disclosed");
  EXPECT_EQ(Table3Rows()[kConcludedTotalRow].key, "concluded_total");
  EXPECT_EQ(Table3Rows()[kCarriedOutRow].key, "carried_out");
}

TEST(ReportRowsTest, EachOutcomeHasItsOwnLeafRowKeyedByItsIdentifier) {
  struct Leaf {
    v1::Outcome outcome;
    const char* key;
    int row;
  };
  const Leaf kLeaves[] = {
      {v1::OUTCOME_DISCLOSED, "disclosed", 2},
      {v1::OUTCOME_PARTIALLY_DISCLOSED, "partially_disclosed", 3},
      {v1::OUTCOME_WITHHELD_STATE_SECRET, "withheld_state_secret", 4},
      {v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY,
       "withheld_administrative_query", 11},
      {v1::OUTCOME_UNAVAILABLE_NOT_HELD, "unavailable_not_held", 12},
      {v1::OUTCOME_NOT_PROCESSED_COMPLAINT, "not_processed_complaint", 15},
      {v1::OUTCOME_OTHER_CORRECTION_LAPSED, "other_correction_lapsed", 20},
      {v1::OUTCOME_OTHER, "other", 22},
  };
  for (const Leaf& leaf : kLeaves) {
    SCOPED_TRACE(leaf.key);
    EXPECT_EQ(Table3RowOf(leaf.outcome), leaf.row);
    EXPECT_EQ(Table3Rows()[leaf.row].key, leaf.key);
    EXPECT_EQ(Table3Rows()[leaf.row].outcome, leaf.outcome);
  }
  EXPECT_EQ(Table3RowOf(v1::OUTCOME_UNSPECIFIED), -1);
  EXPECT_EQ(Table3RowOf(static_cast<v1::Outcome>(99)), -1);
  // Every one of the 21 outcomes has a distinct row.
  std::vector<int> rows;
  for (int outcome = 1; outcome <= 21; ++outcome) {
    rows.push_back(Table3RowOf(static_cast<v1::Outcome>(outcome)));
  }
  for (int i = 0; i < 21; ++i) EXPECT_EQ(rows[i], kFirstLeafRow + i);
}

TEST(ReportRowsTest, Table3ColumnsAreTheSixApplicantTypesThenTotal) {
  std::vector<std::string> labels;
  for (const ColumnSpec& column : Table3Columns())
    labels.push_back(column.label);
  EXPECT_THAT(labels,
              ElementsAre("自然人", "商业企业", "科研机构", "社会公益组织",
                          "法律服务机构", "其他", "总计"));
  EXPECT_EQ(ApplicantColumnOf(v1::APPLICANT_TYPE_NATURAL_PERSON), 0);
  EXPECT_EQ(ApplicantColumnOf(v1::APPLICANT_TYPE_LEGAL_SERVICE_INSTITUTION), 4);
  EXPECT_EQ(ApplicantColumnOf(v1::APPLICANT_TYPE_OTHER_ORGANIZATION), 5);
  EXPECT_EQ(ApplicantColumnOf(v1::APPLICANT_TYPE_UNSPECIFIED), -1);
  EXPECT_EQ(ApplicantColumnOf(static_cast<v1::ApplicantType>(7)), -1);
}

TEST(ReportRowsTest, Table4IsThreeGroupsOfFiveColumns) {
  std::vector<std::string> groups;
  for (const ColumnSpec& group : Table4Groups()) groups.push_back(group.label);
  EXPECT_THAT(groups,
              ElementsAre("行政复议", "未经复议直接起诉", "复议后起诉"));
  std::vector<std::string> columns;
  for (const ColumnSpec& column : Table4Columns())
    columns.push_back(column.label);
  EXPECT_THAT(columns, ElementsAre("结果维持", "结果纠正", "其他结果",
                                   "尚未审结", "总计"));
  EXPECT_EQ(Table4ColumnOf(v1::RESULT_COLUMN_UPHELD), 0);
  EXPECT_EQ(Table4ColumnOf(v1::RESULT_COLUMN_PENDING), 3);
  EXPECT_EQ(Table4ColumnOf(v1::RESULT_COLUMN_UNSPECIFIED), -1);
  EXPECT_EQ(Table4GroupOf(v1::LAWSUIT_ROUTE_AFTER_REVIEW),
            kSuitAfterReviewGroup);
  EXPECT_EQ(Table4GroupOf(v1::LAWSUIT_ROUTE_DIRECT), kDirectSuitGroup);
}

TEST(ReportRowsTest, Table2HasFourBlocksAndSixRows) {
  std::vector<std::string> rows;
  for (const Table2RowSpec& row : Table2Rows()) {
    std::string columns;
    for (int column : row.columns) {
      columns += " " + Table2Columns()[column].label;
    }
    rows.push_back(row.block + " " + row.label + columns);
  }
  EXPECT_THAT(
      rows,
      ElementsAre(
          "第二十条第（一）项 规章 本年制发件数 本年废止件数 现行有效件数",
          "第二十条第（一）项 行政规范性文件 本年制发件数 本年废止件数 "
          "现行有效件数",
          "第二十条第（五）项 行政许可 本年处理决定数量",
          "第二十条第（六）项 行政处罚 本年处理决定数量",
          "第二十条第（六）项 行政强制 本年处理决定数量",
          "第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）"));
}

TEST(ReportRowsTest, ResolvesCellsByKeyOrOfficialLabel) {
  struct Case {
    v1::CellAddress address;
    CellPosition expected;
  };
  const Case kCases[] = {
      {CellAt(3, "new", "natural_person"), {3, kNewRow, 0}},
      {CellAt(3, "NEW", "TOTAL"), {3, kNewRow, kTable3TotalColumn}},
      {CellAt(3, "（七）总计", "其他"), {3, kConcludedTotalRow, 5}},
      {CellAt(3, "1.本机关不掌握相关政府信息", "自然人"), {3, 12, 0}},
      {CellAt(3, "unavailable_not_held", "natural_person"), {3, 12, 0}},
      {CellAt(4, "suit_after_review", "pending"),
       {4, kSuitAfterReviewGroup, 3}},
      {CellAt(4, "行政复议", "总计"), {4, kReviewGroup, kResultTotalColumn}},
      {CellAt(2, "licensing", "decisions"), {2, 2, 3}},
      {CellAt(2, "fees", "amount"), {2, 5, 4}},
      {CellAt(2, "规章", "现行有效件数"), {2, 0, 2}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.address.DebugString());
    absl::StatusOr<CellPosition> position = ResolveCell(c.address);
    ASSERT_THAT(position, IsOk());
    EXPECT_EQ(*position, c.expected);
  }
}

TEST(ReportRowsTest, RefusesUnknownCellsNamingTheField) {
  EXPECT_THAT(ResolveCell(CellAt(5, "new", "total")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cell.table: 须为 2、3 或 4，而不是 5"));
  EXPECT_THAT(ResolveCell(CellAt(3, "received", "total")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.row: 表三没有行 \"received\"，"
                                 "须为以下之一：new, carried_in, disclosed")));
  EXPECT_THAT(ResolveCell(CellAt(3, "new", "person")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.column: 表三没有列 \"person\"，"
                                 "须为以下之一：natural_person")));
  EXPECT_THAT(ResolveCell(CellAt(4, "lawsuit", "total")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.row: 表四没有行 \"lawsuit\"，"
                                 "须为以下之一：review, direct_suit, "
                                 "suit_after_review")));
  EXPECT_THAT(ResolveCell(CellAt(4, "review", "natural_person")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.column: 表四没有列")));
  EXPECT_THAT(ResolveCell(CellAt(2, "licensing", "issued")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "cell.column: 表二的行 \"licensing\" 没有列 "
                       "\"issued\"，须为以下之一：decisions"));
  EXPECT_THAT(ResolveCell(CellAt(2, "", "amount")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.row: 表二没有行 \"\"")));
}

TEST(ReportRowsTest, EveryCellRoundTripsThroughItsAddress) {
  const std::vector<CellPosition> cells = AllCells();
  // 10 figures of table 二, 25 × 7 of 三, 3 × 5 of 四.
  EXPECT_EQ(cells.size(), 10u + 175u + 15u);
  for (const CellPosition& cell : cells) {
    absl::StatusOr<CellPosition> again = ResolveCell(AddressOf(cell));
    ASSERT_THAT(again, IsOk());
    EXPECT_EQ(*again, cell);
  }
}

TEST(ReportRowsTest, DescribesCellsByOfficialLabels) {
  EXPECT_EQ(DescribeCell({3, kNewRow, 0}),
            "表三 一、本年新收政府信息公开申请数量 × 自然人");
  EXPECT_EQ(DescribeCell({4, kSuitAfterReviewGroup, 3}),
            "表四 复议后起诉 × 尚未审结");
  EXPECT_EQ(DescribeCell({2, 2, 3}), "表二 行政许可 × 本年处理决定数量");
}

TEST(ReportRowsTest, EmptyTable3HasKeysLabelsAndZeros) {
  const v1::Table3 table = EmptyTable3();
  ASSERT_EQ(table.rows_size(), kTable3RowCount);
  for (int row = 0; row < kTable3RowCount; ++row) {
    EXPECT_EQ(table.rows(row).key(), Table3Rows()[row].key);
    EXPECT_EQ(table.rows(row).label(), Table3Rows()[row].label);
    EXPECT_THAT(table.rows(row).cells(), ElementsAre(0, 0, 0, 0, 0, 0, 0));
  }
  EXPECT_EQ(Table3Value(table, 99, 0), 0);
  EXPECT_EQ(Table3Value(table, 0, 7), 0);
}

TEST(ReportRowsTest, ReadsAndWritesTable4AndTable2ByPosition) {
  v1::Table4 table4;
  SetResultValue(MutableTable4Group(table4, kDirectSuitGroup), 1, 3);
  SetResultValue(MutableTable4Group(table4, kDirectSuitGroup),
                 kResultTotalColumn, 4);
  EXPECT_EQ(table4.direct_suit().corrected(), 3);
  EXPECT_EQ(table4.direct_suit().total(), 4);
  EXPECT_EQ(ResultValue(Table4Group(table4, kDirectSuitGroup), 1), 3);
  EXPECT_EQ(ResultValue(Table4Group(table4, kReviewGroup), 1), 0);

  v1::Table2 table2;
  table2.mutable_normative_documents()->set_repealed(2);
  table2.set_licensing_decisions(32866);
  table2.set_fees_wan_yuan("12872.06");
  EXPECT_EQ(Table2Value(table2, 1, 1), 2);
  EXPECT_EQ(Table2Value(table2, 2, 3), 32866);
  EXPECT_EQ(Table2Value(table2, 5, 4), 128720600);  // yuan
}

}  // namespace
}  // namespace ogi
