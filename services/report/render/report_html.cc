// The HTML rendering: the complete annual report as one self-contained page
// (no scripts, images, fonts or style sheets fetched from anywhere), laid out
// like the national template of Format 2021 with the merged cells of its
// tables, printable on A4 (Chromium's print-to-PDF, a browser's print).
// Every text from the message is escaped.
//
// Printing: each page carries its number at the foot, centred, in the form
// of official documents (GB/T 9704: "— 1 —"), from an @page margin box
// (@bottom-center with counter(page)), which Chromium's print and
// print-to-PDF honour (Chromium 131 and later; Debian 12 ships later ones).
// Only table 四 (one row of numbers) is kept whole on a page. Tables 二 and
// 三 may break between rows — table 三's header repeated — so that they
// follow the text before them instead of leaving the rest of a page empty:
// no cell breaks inside, except one that spans rows (table 三's
// 三、本年度办理结果 spans 21), which would otherwise hold all its rows on
// one page.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "services/report/render/report_layout.h"
#include "services/report/render/report_render.h"

namespace ogi {
namespace {

// A4 is 210 mm wide: 25 mm margins leave 160 mm for text and tables, and the
// tables lay out in fixed column widths inside that so that no label pushes
// them wider. Song (serif) is the official body face; the CJK fonts are
// named in the order Debian (fonts-noto-cjk), Windows and macOS provide them.
constexpr absl::string_view kStyle = R"css(
@page { size: A4; margin: 25mm 25mm 22mm 25mm;
  @bottom-center { content: "— " counter(page) " —";
    font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
    font-size: 11pt; vertical-align: top; padding-top: 4mm; } }
html { background: #fff; color: #000; }
body {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC",
    "SimSun", "Songti SC", "STSong", serif;
  font-size: 12pt; line-height: 1.7; margin: 0 auto; max-width: 160mm;
}
@media screen { body { padding: 12mm 8mm; } }
h1 { font-size: 18pt; font-weight: bold; text-align: center; line-height: 1.5;
  margin: 0 0 1.2em; }
h1 span { display: inline-block; }
h2 { font-size: 14pt; font-weight: bold; margin: 1.2em 0 0.6em;
  page-break-after: avoid; break-after: avoid; }
p { margin: 0 0 0.5em; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; width: 100%; table-layout: fixed;
  margin: 0.4em 0 1em; font-size: 9pt; line-height: 1.35; }
.table4 { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
td, th:not([rowspan]) { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 2px; text-align: center;
  vertical-align: middle; overflow-wrap: anywhere; word-break: break-all; }
th { font-weight: normal; }
thead th { font-weight: bold; padding: 3px 1px; }
tbody th { text-align: left; padding-left: 4px; }
tbody th.block, th.heading, th.corner { text-align: center; }
th.corner { font-weight: normal; }
th.heading { font-weight: bold; }
/* Table 四's fifteen columns: the padding leaves room for two characters, so
   the four-character headers break as 结果/维持 like the template's. */
.table4 th, .table4 td { padding: 3px 6px; }
.vertical { writing-mode: vertical-rl; text-orientation: upright;
  letter-spacing: 0.15em; display: inline-block; }
)css";

std::string Escape(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"&", "&amp;"},
                                    {"<", "&lt;"},
                                    {">", "&gt;"},
                                    {"\"", "&quot;"},
                                    {"'", "&#39;"}});
}

// <tag rowspan colspan class>escaped text</tag>; a span of 1 is left out.
std::string Cell(absl::string_view tag, absl::string_view text, int rowspan = 1,
                 int colspan = 1, absl::string_view css_class = "") {
  std::string cell = absl::StrCat("<", tag);
  if (rowspan > 1) absl::StrAppend(&cell, " rowspan=\"", rowspan, "\"");
  if (colspan > 1) absl::StrAppend(&cell, " colspan=\"", colspan, "\"");
  if (!css_class.empty()) absl::StrAppend(&cell, " class=\"", css_class, "\"");
  absl::StrAppend(&cell, ">", Escape(text), "</", tag, ">");
  return cell;
}

std::string Number(int64_t value) { return Cell("td", absl::StrCat(value)); }

void AppendProse(std::string& out, absl::string_view prose) {
  for (const std::string& paragraph : ProseParagraphs(prose)) {
    absl::StrAppend(&out, "<p>", Escape(paragraph), "</p>\n");
  }
}

void AppendParagraphs(std::string& out,
                      const std::vector<std::string>& paragraphs) {
  for (const std::string& paragraph : paragraphs) {
    absl::StrAppend(&out, "<p>", Escape(paragraph), "</p>\n");
  }
}

void AppendSectionTitle(std::string& out, int section) {
  absl::StrAppend(&out, "<h2>", kReportSectionTitles[section], "</h2>\n");
}

// Table 二: four columns; each block a heading row across all four, a header
// row (信息内容 and its value columns; a single value column spans three),
// and its rows.
void AppendTable2(std::string& out, const v1::Table2& table) {
  out +=
      "<table class=\"table2\">\n<colgroup><col style=\"width:28%\">"
      "<col style=\"width:24%\"><col style=\"width:24%\"><col "
      "style=\"width:24%\"></colgroup>\n<tbody>\n";
  for (const Table2Block& block : Table2Blocks(table)) {
    const int span = block.columns.size() == 1 ? 3 : 1;
    absl::StrAppend(&out, "<tr>", Cell("th", block.heading, 1, 4, "heading"),
                    "</tr>\n<tr>",
                    Cell("th", kTable2LabelHeader, 1, 1, "heading"));
    for (const std::string& column : block.columns) {
      absl::StrAppend(&out, Cell("th", column, 1, span, "heading"));
    }
    out += "</tr>\n";
    for (const Table2Block::Row& row : block.rows) {
      absl::StrAppend(&out, "<tr>", Cell("th", row.label));
      for (const std::string& value : row.values) {
        absl::StrAppend(&out, Cell("td", value, 1, span));
      }
      out += "</tr>\n";
    }
  }
  out += "</tbody>\n</table>\n";
}

// Number of rows from `begin` on that satisfy `same`.
template <typename Predicate>
int RunLength(const v1::Table3& table, int begin, Predicate same) {
  int end = begin;
  while (end < table.rows_size() && same(table.rows(end))) ++end;
  return end - begin;
}

// Table 三: three label columns and seven number columns. The header is the
// template's: the identity note over the label columns and three header rows,
// 申请人情况 over all seven, 自然人 and 总计 over two rows, 法人或其他组织
// over the five organisation columns. In the body, rows outside
// 三、本年度办理结果 span the three label columns; the block's own cell spans
// its rows (written vertically); a group (（三）不予公开 …) spans its leaves;
// a row without group spans the group and leaf columns.
void AppendTable3(std::string& out, const v1::Table3& table) {
  // The number columns are just wide enough for a four-character header
  // (商业企业) on one line at 9pt.
  out +=
      "<table class=\"table3\">\n<colgroup><col style=\"width:4%\">"
      "<col style=\"width:9%\"><col style=\"width:26%\">";
  for (int c = 0; c < kTable3ColumnCount; ++c) {
    out += "<col style=\"width:8.7%\">";
  }
  absl::StrAppend(
      &out, "</colgroup>\n<thead>\n<tr>",
      Cell("th", kTable3Corner, 3, 3, "corner"),
      Cell("th", kTable3ApplicantHeader, 1, kTable3ColumnCount), "</tr>\n<tr>",
      Cell("th", Table3Columns()[0].label, 2),
      Cell("th", kTable3OrganizationHeader, 1, kApplicantColumnCount - 1),
      Cell("th", Table3Columns()[kTable3TotalColumn].label, 2), "</tr>\n<tr>");
  for (int c = 1; c < kApplicantColumnCount; ++c) {
    absl::StrAppend(&out, Cell("th", Table3Columns()[c].label));
  }
  out += "</tr>\n</thead>\n<tbody>\n";

  for (int r = 0; r < table.rows_size(); ++r) {
    const v1::Table3Row& row = table.rows(r);
    out += "<tr>";
    const bool in_block = InConcludedBlock(row.key());
    if (!in_block) {
      absl::StrAppend(&out, Cell("th", row.label(), 1, 3));
    } else {
      const bool block_starts =
          r == 0 || !InConcludedBlock(table.rows(r - 1).key());
      if (block_starts) {
        const int rows = RunLength(table, r, [](const v1::Table3Row& next) {
          return InConcludedBlock(next.key());
        });
        absl::StrAppend(&out, "<th rowspan=\"", rows,
                        "\" class=\"block\"><span class=\"vertical\">",
                        Escape(kTable3ConcludedBlock), "</span></th>");
      }
      const std::string group = Table3GroupLabel(row.key());
      if (group.empty()) {
        absl::StrAppend(&out, Cell("th", row.label(), 1, 2));
      } else {
        if (r == 0 || Table3GroupLabel(table.rows(r - 1).key()) != group) {
          const int leaves =
              RunLength(table, r, [&](const v1::Table3Row& next) {
                return Table3GroupLabel(next.key()) == group;
              });
          absl::StrAppend(&out, Cell("th", group, leaves, 1, "block"));
        }
        absl::StrAppend(&out, Cell("th", row.label()));
      }
    }
    for (int64_t cell : row.cells()) absl::StrAppend(&out, Number(cell));
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

// Table 四: fifteen columns under a three-row header: 行政复议 over its five
// results (each over two rows); 行政诉讼 over 未经复议直接起诉 and 复议后起诉,
// each over its five results. One row of numbers.
void AppendTable4(std::string& out, const v1::Table4& table) {
  absl::StrAppend(
      &out, "<table class=\"table4\">\n<thead>\n<tr>",
      Cell("th", Table4Groups()[kReviewGroup].label, 1, kTable4ColumnCount),
      Cell("th", kTable4Litigation, 1, 2 * kTable4ColumnCount), "</tr>\n<tr>");
  for (const ColumnSpec& column : Table4Columns()) {
    absl::StrAppend(&out, Cell("th", column.label, 2));
  }
  absl::StrAppend(
      &out,
      Cell("th", Table4Groups()[kDirectSuitGroup].label, 1, kTable4ColumnCount),
      Cell("th", Table4Groups()[kSuitAfterReviewGroup].label, 1,
           kTable4ColumnCount),
      "</tr>\n<tr>");
  for (int group = kDirectSuitGroup; group <= kSuitAfterReviewGroup; ++group) {
    for (const ColumnSpec& column : Table4Columns()) {
      absl::StrAppend(&out, Cell("th", column.label));
    }
  }
  out += "</tr>\n</thead>\n<tbody>\n<tr>";
  for (int64_t value : Table4Values(table))
    absl::StrAppend(&out, Number(value));
  out += "</tr>\n</tbody>\n</table>\n";
}

}  // namespace

std::string RenderReportHtml(const v1::Report& report) {
  const std::string title = Escape(ReportTitle(report));
  // The heading breaks, if it must, between the agency and the rest.
  const std::string heading =
      absl::StrCat("<span>", Escape(report.title_agency()), "</span><span>",
                   Escape(ReportTitleAfterAgency(report)), "</span>");
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n"
      "<title>",
      title, "</title>\n<style>", kStyle,
      "</style>\n</head>\n<body>\n"
      "<h1>",
      heading, "</h1>\n");
  for (const std::string& paragraph : ProseParagraphs(PrefaceText(report))) {
    absl::StrAppend(&out, "<p class=\"preface\">", Escape(paragraph), "</p>\n");
  }
  AppendSectionTitle(out, 0);
  AppendProse(out, report.prose().overview());
  AppendSectionTitle(out, 1);
  AppendTable2(out, report.table2());
  AppendSectionTitle(out, 2);
  AppendTable3(out, report.table3());
  AppendSectionTitle(out, 3);
  AppendTable4(out, report.table4());
  AppendSectionTitle(out, 4);
  AppendProse(out, report.prose().problems());
  AppendSectionTitle(out, 5);
  AppendParagraphs(out, OtherMattersParagraphs(report));
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace ogi
