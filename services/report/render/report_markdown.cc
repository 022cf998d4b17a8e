// The Markdown rendering: the preface (under the title) and the six sections
// with their prose as paragraphs
// and the tables as GitHub tables. GitHub tables cannot merge cells, so the
// layout is flattened: table 二 is one small table per block under the block's
// heading in bold; table 三 keeps its label column (headed by the identity
// note of the national template) with 三、本年度办理结果 and the groups
// （三）…（六） as heading rows in bold; table 四 is shown turned, one row per
// group (行政复议 and the two kinds of lawsuit) under the five result columns.
// Text from the message is escaped so it never turns into markup.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/report/render/report_layout.h"
#include "services/report/render/report_render.h"

namespace ogi {
namespace {

// `text` with every character that Markdown could read as inline markup (or
// a table cell border) backslash-escaped.
std::string EscapeInline(absl::string_view text) {
  std::string out;
  for (const char c : text) {
    if (absl::string_view("\\`*_[]<>|#~&").find(c) != absl::string_view::npos) {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

// A paragraph escaped like EscapeInline, with a start that would begin a
// list, a heading or a rule ("1.", "2)", "-", "+", "=") defused too.
std::string EscapeParagraph(absl::string_view text) {
  std::string out = EscapeInline(text);
  const size_t digits = out.find_first_not_of("0123456789");
  if (digits == std::string::npos) return out;
  if ((digits > 0 && (out[digits] == '.' || out[digits] == ')')) ||
      (digits == 0 && (out[0] == '-' || out[0] == '+' || out[0] == '='))) {
    out.insert(digits, "\\");
  }
  return out;
}

void AppendRow(std::string& out, const std::vector<std::string>& cells) {
  absl::StrAppend(&out, "| ", absl::StrJoin(cells, " | "), " |\n");
}

// The header row and the alignment row: the first column left, the rest
// (numbers) right.
void AppendHeader(std::string& out, const std::vector<std::string>& cells) {
  AppendRow(out, cells);
  std::vector<std::string> rule(cells.size(), "---:");
  rule[0] = "---";
  AppendRow(out, rule);
}

void AppendHeading(std::string& out, absl::string_view title) {
  absl::StrAppend(&out, "## ", title, "\n\n");
}

void AppendProse(std::string& out, absl::string_view prose) {
  for (const std::string& paragraph : ProseParagraphs(prose)) {
    absl::StrAppend(&out, EscapeParagraph(paragraph), "\n\n");
  }
}

void AppendTable2(std::string& out, const v1::Table2& table) {
  for (const Table2Block& block : Table2Blocks(table)) {
    absl::StrAppend(&out, "**", block.heading, "**\n\n");
    std::vector<std::string> header = {std::string(kTable2LabelHeader)};
    header.insert(header.end(), block.columns.begin(), block.columns.end());
    AppendHeader(out, header);
    for (const Table2Block::Row& row : block.rows) {
      std::vector<std::string> cells = {row.label};
      for (const std::string& value : row.values)
        cells.push_back(EscapeInline(value));
      AppendRow(out, cells);
    }
    out += "\n";
  }
}

void AppendTable3(std::string& out, const v1::Table3& table) {
  std::vector<std::string> header = {std::string(kTable3Corner)};
  for (const ColumnSpec& column : Table3Columns()) {
    header.push_back(column.label);
  }
  AppendHeader(out, header);
  const auto heading_row = [&](absl::string_view label) {
    std::vector<std::string> cells(header.size());
    cells[0] = absl::StrCat("**", label, "**");
    AppendRow(out, cells);
  };
  bool in_block = false;
  std::string group;
  for (const v1::Table3Row& row : table.rows()) {
    const bool row_in_block = InConcludedBlock(row.key());
    if (row_in_block && !in_block) heading_row(kTable3ConcludedBlock);
    in_block = row_in_block;
    std::string row_group = Table3GroupLabel(row.key());
    if (!row_group.empty() && row_group != group) heading_row(row_group);
    group = std::move(row_group);
    std::vector<std::string> cells = {EscapeInline(row.label())};
    for (int64_t cell : row.cells()) cells.push_back(absl::StrCat(cell));
    AppendRow(out, cells);
  }
  out += "\n";
}

void AppendTable4(std::string& out, const v1::Table4& table) {
  std::vector<std::string> header = {""};
  for (const ColumnSpec& column : Table4Columns()) {
    header.push_back(column.label);
  }
  AppendHeader(out, header);
  for (const Table4Line& line : Table4Lines(table)) {
    std::vector<std::string> cells = {line.label};
    for (int64_t value : line.values) cells.push_back(absl::StrCat(value));
    AppendRow(out, cells);
  }
  out += "\n";
}

}  // namespace

std::string RenderReportMarkdown(const v1::Report& report) {
  std::string out =
      absl::StrCat("# ", EscapeInline(ReportTitle(report)), "\n\n");
  AppendProse(out, PrefaceText(report));
  AppendHeading(out, kReportSectionTitles[0]);
  AppendProse(out, report.prose().overview());
  AppendHeading(out, kReportSectionTitles[1]);
  AppendTable2(out, report.table2());
  AppendHeading(out, kReportSectionTitles[2]);
  AppendTable3(out, report.table3());
  AppendHeading(out, kReportSectionTitles[3]);
  AppendTable4(out, report.table4());
  AppendHeading(out, kReportSectionTitles[4]);
  AppendProse(out, report.prose().problems());
  AppendHeading(out, kReportSectionTitles[5]);
  for (const std::string& paragraph : OtherMattersParagraphs(report)) {
    AppendProse(out, paragraph);
  }
  out.pop_back();  // one line end at the end, not two
  return out;
}

}  // namespace ogi
