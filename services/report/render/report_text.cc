// The terminal rendering: the title and the preface, each table as aligned
// columns (labels left, numbers right, by display width so Chinese text lines
// up), then section 六 (the fee sentence and the office's text),
// the checks, the cases that cannot be counted and the lock. Table 四 is
// shown turned: one line per group (行政复议 and the two kinds of lawsuit)
// under the five result columns, which reads better than fifteen columns.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "services/common/clock.h"
#include "services/common/text.h"
#include "services/common/timestamps.h"
#include "services/report/render/report_layout.h"
#include "services/report/render/report_render.h"

namespace ogi {
namespace {

constexpr absl::string_view kGap = "  ";
// Table-三 labels wider than this continue on the next line, so the table
// stays within about 112 columns.
constexpr size_t kMaxLabelWidth = 44;
// Prose (the preface, section 六) wraps at this many display columns.
constexpr size_t kProseWidth = 80;

// A line of text without trailing spaces, ended by "\n".
void AppendLine(std::string& out, std::string line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  absl::StrAppend(&out, line, "\n");
}

// `text` cut into lines of at most `width` display columns, at character
// boundaries (Chinese text needs no word boundaries), preferring to break
// after the last 、，； that fits.
std::vector<std::string> WrapToWidth(absl::string_view text, size_t width) {
  std::vector<std::string> lines(1);
  size_t used = 0;
  size_t break_at = 0;  // bytes of lines.back() up to its last break, or 0
  for (size_t pos = 0; pos < text.size();) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const size_t length = lead < 0xC0   ? 1
                          : lead < 0xE0 ? 2
                          : lead < 0xF0 ? 3
                                        : 4;
    const absl::string_view character = text.substr(pos, length);
    pos += length;
    const size_t w = DisplayWidth(character);
    if (used + w > width && used > 0) {
      std::string rest;
      if (break_at > 0) {
        rest = lines.back().substr(break_at);
        lines.back().resize(break_at);
      }
      lines.push_back(std::move(rest));
      used = DisplayWidth(lines.back());
      break_at = 0;
    }
    lines.back().append(character.data(), character.size());
    used += w;
    if (character == "、" || character == "，" || character == "；") {
      break_at = lines.back().size();
    }
  }
  return lines;
}

// `text` padded on the left to `width` display columns.
std::string AlignRight(absl::string_view text, size_t width) {
  const size_t have = DisplayWidth(text);
  return absl::StrCat(std::string(have < width ? width - have : 0, ' '), text);
}

// A table: a left-aligned label column, then right-aligned value columns.
// Rows with fewer cells than the widest leave the rest blank.
struct Grid {
  std::vector<std::vector<std::string>> header_lines;  // label + headers
  std::vector<std::vector<std::string>> rows;          // label + values
};

std::vector<size_t> ColumnWidths(const Grid& grid) {
  std::vector<size_t> widths;
  const auto widen = [&](const std::vector<std::string>& cells) {
    if (widths.size() < cells.size()) widths.resize(cells.size(), 0);
    for (size_t c = 0; c < cells.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(cells[c]));
    }
  };
  for (const auto& line : grid.header_lines) widen(line);
  for (const auto& row : grid.rows) widen(row);
  return widths;
}

std::string FormatCells(const std::vector<std::string>& cells,
                        const std::vector<size_t>& widths) {
  std::string line;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c == 0) {
      line = PadToWidth(cells[0], widths[0]);
    } else {
      absl::StrAppend(&line, kGap, AlignRight(cells[c], widths[c]));
    }
  }
  return line;
}

// Renders `grid`; the label column is at least `label_width` wide (so that
// several grids can share it).
void AppendGrid(std::string& out, const Grid& grid, size_t label_width = 0) {
  std::vector<size_t> widths = ColumnWidths(grid);
  widths[0] = std::max(widths[0], label_width);
  for (const auto& line : grid.header_lines) {
    AppendLine(out, FormatCells(line, widths));
  }
  for (const auto& row : grid.rows) AppendLine(out, FormatCells(row, widths));
}

void AppendTable2(std::string& out, const v1::Report& report) {
  const std::vector<Table2Block> blocks = Table2Blocks(report.table2());
  size_t label_width = 0;
  std::vector<Grid> grids;
  for (const Table2Block& block : blocks) {
    Grid grid;
    std::vector<std::string> header = {block.heading};
    header.insert(header.end(), block.columns.begin(), block.columns.end());
    grid.header_lines.push_back(std::move(header));
    for (const Table2Block::Row& row : block.rows) {
      std::vector<std::string> cells = {row.label};
      cells.insert(cells.end(), row.values.begin(), row.values.end());
      grid.rows.push_back(std::move(cells));
    }
    label_width = std::max(label_width, ColumnWidths(grid)[0]);
    grids.push_back(std::move(grid));
  }
  for (const Grid& grid : grids) AppendGrid(out, grid, label_width);
}

// Table 三: the block 三、本年度办理结果 and its groups become heading lines
// and indentation; long labels continue on the next line.
void AppendTable3(std::string& out, const v1::Report& report) {
  Grid grid;
  std::vector<std::string> columns = {""};
  for (const ColumnSpec& column : Table3Columns()) {
    columns.push_back(column.label);
  }
  grid.header_lines.push_back(std::move(columns));

  bool in_block = false;
  std::string group;
  for (const v1::Table3Row& row : report.table3().rows()) {
    const bool row_in_block = InConcludedBlock(row.key());
    if (row_in_block && !in_block) {
      grid.rows.push_back({std::string(kTable3ConcludedBlock)});
    }
    in_block = row_in_block;
    std::string row_group = Table3GroupLabel(row.key());
    if (!row_group.empty() && row_group != group) {
      grid.rows.push_back({absl::StrCat("  ", row_group)});
    }
    group = std::move(row_group);

    const std::string indent(!in_block ? 0 : group.empty() ? 2 : 4, ' ');
    const std::vector<std::string> label_lines =
        WrapToWidth(row.label(), kMaxLabelWidth - indent.size());
    std::vector<std::string> cells = {indent + label_lines[0]};
    for (int64_t cell : row.cells()) cells.push_back(absl::StrCat(cell));
    grid.rows.push_back(std::move(cells));
    for (size_t l = 1; l < label_lines.size(); ++l) {
      grid.rows.push_back({indent + label_lines[l]});
    }
  }

  // 法人或其他组织 centred over the organisation columns (grid columns 2 to
  // kApplicantColumnCount; 0 is the label, 1 自然人), above the column names.
  const std::vector<size_t> widths = ColumnWidths(grid);
  const size_t start = widths[0] + widths[1] + 2 * kGap.size();
  size_t span = 0;
  for (int c = 2; c <= kApplicantColumnCount; ++c) {
    span += widths[c] + (c > 2 ? kGap.size() : 0);
  }
  const size_t text = DisplayWidth(kTable3OrganizationHeader);
  AppendLine(
      out, absl::StrCat(
               std::string(start + (span > text ? (span - text) / 2 : 0), ' '),
               kTable3OrganizationHeader));
  AppendGrid(out, grid);
}

void AppendTable4(std::string& out, const v1::Report& report) {
  Grid grid;
  std::vector<std::string> header = {""};
  for (const ColumnSpec& column : Table4Columns()) {
    header.push_back(column.label);
  }
  grid.header_lines.push_back(std::move(header));
  for (const Table4Line& line : Table4Lines(report.table4())) {
    std::vector<std::string> cells = {line.label};
    for (int64_t value : line.values) cells.push_back(absl::StrCat(value));
    grid.rows.push_back(std::move(cells));
  }
  AppendGrid(out, grid);
}

std::string ChinaTime(const google::protobuf::Timestamp& timestamp) {
  return absl::FormatTime("%Y-%m-%d %H:%M", FromProtoTimestamp(timestamp),
                          ChinaTimeZone());
}

void AppendChecks(std::string& out, const v1::Report& report) {
  if (report.checks().empty()) return;
  AppendLine(out, "核对");
  for (const v1::ReportCheck& check : report.checks()) {
    std::string line = absl::StrCat(check.ok() ? "✓ " : "✗ ", check.identity());
    if (!check.detail().empty()) absl::StrAppend(&line, "  ", check.detail());
    if (!check.case_numbers().empty()) {
      absl::StrAppend(&line, "  涉及案件 ",
                      absl::StrJoin(check.case_numbers(), ", "));
    }
    AppendLine(out, std::move(line));
  }
  out += "\n";
}

void AppendUncountable(std::string& out, const v1::Report& report) {
  if (report.uncountable().empty()) return;
  AppendLine(
      out, absl::StrCat("无法统计的案件（", report.uncountable_size(), "件）"));
  const bool several_agencies = report.agency_codes_size() > 1;
  for (const v1::UncountableCase& uncountable : report.uncountable()) {
    AppendLine(out,
               absl::StrCat("  ",
                            several_agencies
                                ? absl::StrCat(uncountable.agency_code(), " ")
                                : "",
                            uncountable.number(), "  ", uncountable.reason()));
  }
  out += "\n";
}

void AppendLock(std::string& out, const v1::Report& report) {
  if (!report.has_lock()) return;
  const v1::ReportLock& lock = report.lock();
  AppendLine(
      out, absl::StrCat("已锁定：", ChinaTime(lock.locked_at()), "，",
                        lock.locked_by(), "，内容摘要 ", lock.content_hash()));
  if (report.differences().empty()) {
    AppendLine(out, "现在的记录与锁定的数字一致。");
    return;
  }
  AppendLine(out, absl::StrCat("现在的记录与锁定的数字不同（",
                               report.differences_size(), "个单元格）："));
  for (const v1::CellDifference& difference : report.differences()) {
    std::string line = absl::StrCat("  ", CellName(difference.cell()),
                                    "  锁定 ", difference.locked_value(),
                                    "，现在 ", difference.live_value());
    if (!difference.cases_added().empty()) {
      absl::StrAppend(&line, "  新增 ",
                      absl::StrJoin(difference.cases_added(), ", "));
    }
    if (!difference.cases_removed().empty()) {
      absl::StrAppend(&line, "  移出 ",
                      absl::StrJoin(difference.cases_removed(), ", "));
    }
    AppendLine(out, std::move(line));
  }
}

}  // namespace

std::string RenderReportText(const v1::Report& report) {
  std::string out;
  AppendLine(out, ReportTitle(report));
  out += "\n";
  for (const std::string& paragraph : ProseParagraphs(PrefaceText(report))) {
    for (const std::string& line : WrapToWidth(paragraph, kProseWidth)) {
      AppendLine(out, line);
    }
  }
  out += "\n";
  AppendLine(out, std::string(kReportSectionTitles[1]));
  AppendTable2(out, report);
  out += "\n";
  AppendLine(out, std::string(kReportSectionTitles[2]));
  AppendTable3(out, report);
  out += "\n";
  AppendLine(out, std::string(kReportSectionTitles[3]));
  AppendTable4(out, report);
  out += "\n";
  AppendLine(out, std::string(kReportSectionTitles[5]));
  for (const std::string& paragraph : OtherMattersParagraphs(report)) {
    for (const std::string& line : WrapToWidth(paragraph, kProseWidth)) {
      AppendLine(out, line);
    }
  }
  out += "\n";
  AppendChecks(out, report);
  AppendUncountable(out, report);
  AppendLock(out, report);
  while (absl::EndsWith(out, "\n\n")) out.pop_back();
  return out;
}

}  // namespace ogi
