// The CSV rendering (RFC 4180: CRLF line ends, fields quoted only when they
// hold a comma, a double quote or a line break, quotes doubled).
//
// Layout — the three tables one after another, each introduced by a line of
// a single field naming it with its section title; every other line holds at
// least two fields, so a reader tells the two apart by the field count:
//
//   二、主动公开政府信息情况
//   规章,<本年制发件数>,<本年废止件数>,<现行有效件数>
//   行政规范性文件,<本年制发件数>,<本年废止件数>,<现行有效件数>
//   行政许可,<本年处理决定数量>
//   行政处罚,<本年处理决定数量>
//   行政强制,<本年处理决定数量>
//   行政事业性收费,<本年收费金额（单位：万元）>
//   三、收到和处理政府信息公开申请情况
//   <official row label>,<自然人>,<商业企业>,<科研机构>,<社会公益组织>,
//       <法律服务机构>,<其他>,<总计>          (one line per row, 24 rows:
//        一、…, 二、…, （一）予以公开 … 3.其他, （七）总计, 四、…)
//   四、政府信息公开行政复议、行政诉讼情况
//   <15 numbers: 行政复议 结果维持,结果纠正,其他结果,尚未审结,总计; then
//    行政诉讼 未经复议直接起诉 the same five; then 复议后起诉 the same five>
//
// The row labels are the official texts exactly (Table3Row.label); the block
// and group headings of the national template (三、本年度办理结果,
// （三）不予公开 …) carry no numbers and have no line.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "services/report_render/report_layout.h"
#include "services/report_render/report_render.h"

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

}  // namespace

std::string RenderReportCsv(const v1::Report& report) {
  std::string out;

  AppendRecord(out, {std::string(kReportSectionTitles[1])});
  for (const Table2Block& block : Table2Blocks(report.table2())) {
    for (const Table2Block::Row& row : block.rows) {
      std::vector<std::string> fields = {row.label};
      fields.insert(fields.end(), row.values.begin(), row.values.end());
      AppendRecord(out, fields);
    }
  }

  AppendRecord(out, {std::string(kReportSectionTitles[2])});
  for (const v1::Table3Row& row : report.table3().rows()) {
    std::vector<std::string> fields = {row.label()};
    for (int64_t cell : row.cells()) fields.push_back(absl::StrCat(cell));
    AppendRecord(out, fields);
  }

  AppendRecord(out, {std::string(kReportSectionTitles[3])});
  std::vector<std::string> numbers;
  for (int64_t value : Table4Values(report.table4())) {
    numbers.push_back(absl::StrCat(value));
  }
  AppendRecord(out, numbers);
  return out;
}

}  // namespace ogi
