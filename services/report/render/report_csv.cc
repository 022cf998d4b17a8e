// The CSV rendering, for spreadsheets (Excel on Chinese Windows first):
// UTF-8 with a byte order mark (EF BB BF) so that Excel reads it as UTF-8
// rather than the system code page, and RFC 4180 otherwise (CRLF line ends,
// fields quoted only when they hold a comma, a double quote or a line break,
// quotes doubled). `ogi report show --encoding gb18030` converts it for
// programs that want the national encoding instead.
//
// Layout — the report title, then the three tables one after another, each
// introduced by a line of a single field naming it with its section title,
// each with its header rows as the national template prints them:
//
//   <agency><year>年政府信息公开工作年度报告
//   二、主动公开政府信息情况
//   第二十条第（一）项                             (block heading)
//   信息内容,本年制发件数,本年废止件数,现行有效件数   (header row)
//   规章,<n>,<n>,<n>
//   行政规范性文件,<n>,<n>,<n>
//   第二十条第（五）项
//   信息内容,本年处理决定数量
//   行政许可,<n>
//   第二十条第（六）项
//   信息内容,本年处理决定数量
//   行政处罚,<n>
//   行政强制,<n>
//   第二十条第（八）项
//   信息内容,本年收费金额（单位：万元）
//   行政事业性收费,<amount with two decimals, e.g. 12872.06>
//   三、收到和处理政府信息公开申请情况
//   <identity
//   note>,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计
//   <official row label>,<7 numbers>         (one line per row, 25 rows:
//        一、…, 二、…, （一）予以公开 … 3.其他, （七）总计, 四、…)
//   四、政府信息公开行政复议、行政诉讼情况
//   行政复议,,,,,行政诉讼（未经复议直接起诉）,,,,,行政诉讼（复议后起诉）,,,,
//   结果维持,结果纠正,其他结果,尚未审结,总计,<the same five>,<the same five>
//   <15 numbers in the columns above>
//
// A heading over several columns (a merged cell of the template) stands in
// the first of them, the others empty. The row labels are the official texts
// exactly (Table3Row.label); the groups of table 三's 本年度办理结果 block
// (（三）不予公开 …) carry no numbers and have no line.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "services/report/render/report_layout.h"
#include "services/report/render/report_render.h"

namespace ogi {
namespace {

std::string CsvField(absl::string_view text) {
  if (text.find_first_of(",\"\r\n") == absl::string_view::npos) {
    return std::string(text);
  }
  return absl::StrCat("\"", absl::StrReplaceAll(text, {{"\"", "\"\""}}), "\"");
}

void AppendRecord(std::string& out, const std::vector<std::string>& fields) {
  absl::StrAppend(&out,
                  absl::StrJoin(fields, ",",
                                [](std::string* to, const std::string& field) {
                                  to->append(CsvField(field));
                                }),
                  "\r\n");
}

void AppendTable2(std::string& out, const v1::Table2& table) {
  for (const Table2Block& block : Table2Blocks(table)) {
    AppendRecord(out, {block.heading});
    std::vector<std::string> header = {std::string(kTable2LabelHeader)};
    header.insert(header.end(), block.columns.begin(), block.columns.end());
    AppendRecord(out, header);
    for (const Table2Block::Row& row : block.rows) {
      std::vector<std::string> fields = {row.label};
      fields.insert(fields.end(), row.values.begin(), row.values.end());
      AppendRecord(out, fields);
    }
  }
}

void AppendTable3(std::string& out, const v1::Table3& table) {
  std::vector<std::string> header = {std::string(kTable3Corner)};
  for (const ColumnSpec& column : Table3Columns()) {
    header.push_back(column.label);
  }
  AppendRecord(out, header);
  for (const v1::Table3Row& row : table.rows()) {
    std::vector<std::string> fields = {row.label()};
    for (int64_t cell : row.cells()) fields.push_back(absl::StrCat(cell));
    AppendRecord(out, fields);
  }
}

void AppendTable4(std::string& out, const v1::Table4& table) {
  std::vector<std::string> groups;
  std::vector<std::string> columns;
  std::vector<std::string> numbers;
  for (const Table4Line& line : Table4Lines(table)) {
    groups.push_back(line.label);
    groups.resize(groups.size() + kTable4ColumnCount - 1);
    for (const ColumnSpec& column : Table4Columns()) {
      columns.push_back(column.label);
    }
    for (int64_t value : line.values) numbers.push_back(absl::StrCat(value));
  }
  AppendRecord(out, groups);
  AppendRecord(out, columns);
  AppendRecord(out, numbers);
}

}  // namespace

const absl::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

std::string RenderReportCsv(const v1::Report& report) {
  std::string out(kUtf8ByteOrderMark);
  AppendRecord(out, {ReportTitle(report)});
  AppendRecord(out, {std::string(kReportSectionTitles[1])});
  AppendTable2(out, report.table2());
  AppendRecord(out, {std::string(kReportSectionTitles[2])});
  AppendTable3(out, report.table3());
  AppendRecord(out, {std::string(kReportSectionTitles[3])});
  AppendTable4(out, report.table4());
  return out;
}

}  // namespace ogi
