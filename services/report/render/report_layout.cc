#include "services/report/render/report_layout.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ogi/v1/outcome.pb.h"
#include "services/outcomes/outcome_rules.h"
#include "services/report/table2_figures.h"

namespace ogi {

const std::array<absl::string_view, 6> kReportSectionTitles = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

std::string ReportTitle(const v1::Report& report) {
  return absl::StrCat(report.title_agency(), ReportTitleAfterAgency(report));
}

std::string ReportTitleAfterAgency(const v1::Report& report) {
  return absl::StrCat(report.year(), "年政府信息公开工作年度报告");
}

const absl::string_view kTable2LabelHeader = "信息内容";

namespace {

// Table2Columns()'s "amount": the fee amount, printed as entered (万元).
constexpr absl::string_view kAmountColumn = "amount";

}  // namespace

std::vector<Table2Block> Table2Blocks(const v1::Table2& table) {
  std::vector<Table2Block> blocks;
  const std::vector<Table2RowSpec>& rows = Table2Rows();
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const Table2RowSpec& spec = rows[r];
    if (blocks.empty() || blocks.back().heading != spec.block) {
      Table2Block block;
      block.heading = spec.block;
      for (int column : spec.columns) {
        block.columns.push_back(Table2Columns()[column].label);
      }
      blocks.push_back(std::move(block));
    }
    Table2Block::Row row;
    row.label = spec.label;
    for (int column : spec.columns) {
      if (Table2Columns()[column].key == kAmountColumn) {
        // Whatever form it was stored in ("13105.4" before amounts were
        // kept with two decimals), printed as money.
        const absl::StatusOr<int64_t> yuan =
            WanYuanToYuan(table.fees_wan_yuan(), "fees_wan_yuan");
        row.values.push_back(yuan.ok() ? YuanToWanYuan(*yuan)
                                       : table.fees_wan_yuan());
      } else {
        row.values.push_back(absl::StrCat(Table2Value(table, r, column)));
      }
    }
    blocks.back().rows.push_back(std::move(row));
  }
  return blocks;
}

const absl::string_view kTable3Corner =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const absl::string_view kTable3ApplicantHeader = "申请人情况";
const absl::string_view kTable3OrganizationHeader = "法人或其他组织";
const absl::string_view kTable3ConcludedBlock = "三、本年度办理结果";

namespace {

// The spec of the row with `key`; nullptr when no row has it.
const Table3RowSpec* FindRow(absl::string_view key) {
  for (const Table3RowSpec& row : Table3Rows()) {
    if (row.key == key) return &row;
  }
  return nullptr;
}

}  // namespace

bool InConcludedBlock(absl::string_view row_key) {
  const Table3RowSpec* row = FindRow(row_key);
  return row != nullptr && (row->outcome != v1::OUTCOME_UNSPECIFIED ||
                            row->key == Table3Rows()[kConcludedTotalRow].key);
}

std::string Table3GroupLabel(absl::string_view row_key) {
  const Table3RowSpec* row = FindRow(row_key);
  // Leaves numbered 1., 2., … sit under their group; （一） and （二） are
  // rows of their own.
  if (row == nullptr || OutcomeLeafNumber(row->outcome) == 0) return "";
  return OutcomeGroupLabel(GroupOf(row->outcome));
}

const absl::string_view kTable4Litigation = "行政诉讼";

std::vector<Table4Line> Table4Lines(const v1::Table4& table) {
  std::vector<Table4Line> lines;
  for (int group = 0; group < kTable4GroupCount; ++group) {
    Table4Line line;
    const std::string& name = Table4Groups()[group].label;
    line.label = group == kReviewGroup
                     ? name
                     : absl::StrCat(kTable4Litigation, "（", name, "）");
    for (int column = 0; column < kTable4ColumnCount; ++column) {
      line.values.push_back(ResultValue(Table4Group(table, group), column));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<int64_t> Table4Values(const v1::Table4& table) {
  std::vector<int64_t> values;
  for (const Table4Line& line : Table4Lines(table)) {
    values.insert(values.end(), line.values.begin(), line.values.end());
  }
  return values;
}

std::vector<std::string> OtherMattersParagraphs(const v1::Report& report) {
  std::vector<std::string> paragraphs;
  if (GeneratesFeeSentence(report.prose())) {
    paragraphs.push_back(FeeSentence(report.fees()));
  }
  for (std::string& paragraph :
       ProseParagraphs(report.prose().other_matters())) {
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

std::vector<std::string> ProseParagraphs(absl::string_view prose) {
  std::vector<std::string> paragraphs;
  for (absl::string_view line : absl::StrSplit(prose, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty()) paragraphs.emplace_back(line);
  }
  return paragraphs;
}

std::string CellName(const v1::CellAddress& cell) {
  const absl::StatusOr<CellPosition> position = ResolveCell(cell);
  if (position.ok()) return DescribeCell(*position);
  return absl::StrCat("表", cell.table(), " ", cell.row(), " × ",
                      cell.column());
}

}  // namespace ogi
