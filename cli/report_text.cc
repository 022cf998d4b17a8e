#include "cli/report_text.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/outcome_text.h"
#include "cli/render.h"
#include "services/common/civil_date.h"

namespace ogi::cli {
namespace {

std::string TableName(int32_t table) {
  switch (table) {
    case 2:
      return "表二";
    case 3:
      return "表三";
    case 4:
      return "表四";
    default:
      return absl::StrCat("表", table);
  }
}

// "表三 disclosed × natural_person".
std::string CellText(const v1::CellAddress& cell) {
  return absl::StrCat(TableName(cell.table()), " ", cell.row(), " × ",
                      cell.column());
}

std::string DateOrEmpty(bool present, const v1::Date& date) {
  return present && !IsUnset(date) ? FormatIsoDate(date) : "";
}

std::string DocumentKindText(v1::DocumentKind kind) {
  switch (kind) {
    case v1::DOCUMENT_KIND_RULE:
      return "规章";
    case v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT:
      return "行政规范性文件";
    default:
      return "未指定";
  }
}

int FailedChecks(const v1::Report& report) {
  int failed = 0;
  for (const v1::ReportCheck& check : report.checks()) {
    if (!check.ok()) ++failed;
  }
  return failed;
}

// "lc-xzsp 2022-0005" in a consolidated report, else "2022-0005".
std::string UncountableName(const v1::Report& report,
                            const v1::UncountableCase& c) {
  return report.agency_codes_size() > 1
             ? absl::StrCat(c.agency_code(), " ", c.number())
             : c.number();
}

void RenderDifferences(const v1::Report& report, std::ostream& out) {
  if (report.differences_size() == 0) {
    out << "现有记录与锁定的数字一致\n";
    return;
  }
  out << "与锁定数字不同的单元格（" << report.differences_size() << " 个）：\n";
  for (const v1::CellDifference& d : report.differences()) {
    out << "  " << CellText(d.cell()) << "：锁定 " << d.locked_value()
        << "，现在 " << d.live_value();
    if (d.cases_added_size() > 0) {
      out << "；新增 " << absl::StrJoin(d.cases_added(), "、");
    }
    if (d.cases_removed_size() > 0) {
      out << "；移出 " << absl::StrJoin(d.cases_removed(), "、");
    }
    out << '\n';
  }
}

std::string ReportName(const v1::Report& report) {
  const std::string who = !report.title_agency().empty()
                              ? report.title_agency()
                              : absl::StrJoin(report.agency_codes(), "、");
  return absl::StrCat(who, who.empty() ? "" : " ", report.year(), " 年度报告");
}

// The 总计 column of the table-三 row `key`; 0 when the row is missing.
int64_t Table3Total(const v1::Report& report, absl::string_view key) {
  for (const v1::Table3Row& row : report.table3().rows()) {
    if (row.key() == key && row.cells_size() > 0) {
      return row.cells(row.cells_size() - 1);
    }
  }
  return 0;
}

// How a row of table 二's first block is counted, e.g. "按登记簿统计（自动：
// 登记簿中有该类文件）".
std::string SourceText(v1::DocumentCountSource source, bool from_register) {
  const std::string taken = from_register ? "按登记簿统计" : "用输入的数字";
  switch (source) {
    case v1::DOCUMENT_COUNT_SOURCE_REGISTER:
      return absl::StrCat(taken, "（来源：register）");
    case v1::DOCUMENT_COUNT_SOURCE_ENTERED:
      return absl::StrCat(taken, "（来源：entered）");
    default:
      return absl::StrCat(taken, from_register
                                     ? "（来源：auto，登记簿中有该类文件）"
                                     : "（来源：auto，登记簿中没有该类文件）");
  }
}

}  // namespace

bool ReportPasses(const v1::Report& report) {
  return FailedChecks(report) == 0 && report.uncountable_size() == 0;
}

std::string ReportWarning(const v1::Report& report) {
  std::vector<std::string> problems;
  const int failed = FailedChecks(report);
  if (failed > 0) {
    problems.push_back(
        absl::StrCat(report.checks_size(), " 项校验中 ", failed, " 项未通过"));
  }
  if (report.uncountable_size() > 0) {
    problems.push_back(
        absl::StrCat(report.uncountable_size(), " 件案件无法统计"));
  }
  std::string agencies;
  if (report.agency_codes_size() > 0) {
    agencies =
        absl::StrCat("（", absl::StrJoin(report.agency_codes(), "、"), "）");
  }
  return absl::StrCat(report.year(), " 年度报告", agencies, "：",
                      absl::StrJoin(problems, "，"),
                      "；详见 \"ogi report check ", report.year(), "\"");
}

void RenderReportChecks(const v1::Report& report, bool color,
                        std::ostream& out) {
  out << Bold(absl::StrCat("校验：", ReportName(report)), color) << '\n';
  for (const v1::ReportCheck& check : report.checks()) {
    const std::string line =
        absl::StrCat(check.ok() ? "✓ " : "✗ ", check.identity(),
                     check.detail().empty() ? "" : "  ", check.detail());
    out << (check.ok() ? line : Colorize(line, Tint::kRed, color)) << '\n';
    if (!check.ok() && check.case_numbers_size() > 0) {
      out << "    涉及案件：" << absl::StrJoin(check.case_numbers(), "、")
          << '\n';
    }
  }
  if (report.uncountable_size() > 0) {
    out << '\n'
        << Colorize(absl::StrCat("无法统计的案件（", report.uncountable_size(),
                                 " 件）："),
                    Tint::kRed, color)
        << '\n';
    for (const v1::UncountableCase& c : report.uncountable()) {
      out << "  " << UncountableName(report, c) << "  " << c.reason() << '\n';
    }
  }
  if (report.notes_size() > 0) {
    out << "\n提示（" << report.notes_size() << " 条，不妨碍发布）：\n";
    for (const std::string& note : report.notes()) {
      out << "  " << note << '\n';
    }
  }
  if (report.has_lock()) {
    out << '\n';
    RenderLock(report, color, out);
    RenderDifferences(report, out);
  }
  out << '\n';
  const int failed = FailedChecks(report);
  if (ReportPasses(report)) {
    out << "结果：全部 " << report.checks_size() << " 项校验通过\n";
    return;
  }
  std::vector<std::string> problems;
  if (failed > 0) {
    problems.push_back(
        absl::StrCat(report.checks_size(), " 项校验中 ", failed, " 项未通过"));
  }
  if (report.uncountable_size() > 0) {
    problems.push_back(
        absl::StrCat(report.uncountable_size(), " 件案件无法统计"));
  }
  out << Colorize(absl::StrCat("结果：", absl::StrJoin(problems, "，")),
                  Tint::kRed, color)
      << '\n';
}

void RenderCell(int32_t year, const v1::CellAddress& cell,
                const v1::GetCellResponse& response, bool color,
                std::ostream& out) {
  std::string value = absl::StrCat(response.value());
  if (cell.table() == 2 && cell.row() == "fees") {
    value = absl::StrCat(YuanAsWanYuan(response.value()), " 万元（",
                         response.value(), ".00 元）");
  }
  out << Bold(absl::StrCat(year, " 年 ", CellText(cell), "：", value), color)
      << '\n';
  if (response.records_size() == 0) {
    out << "没有明细记录\n";
    return;
  }
  std::set<std::string> agencies;
  for (const v1::CellRecord& r : response.records()) {
    agencies.insert(r.agency_code());
  }
  const bool with_agency = agencies.size() > 1;
  const bool proceedings = cell.table() == 4;
  std::vector<std::string> headers;
  if (with_agency) headers.push_back("机关");
  if (proceedings) {
    headers.insert(headers.end(),
                   {"编号", "案件编号", "申请人", "提起日期", "结果"});
  } else {
    headers.insert(headers.end(),
                   {"案件编号", "申请人", "收到日期", "办结日期", "办理结果"});
  }
  Table table(headers);
  for (const v1::CellRecord& r : response.records()) {
    std::vector<std::string> cells;
    if (with_agency) cells.push_back(r.agency_code());
    if (proceedings) {
      cells.insert(cells.end(),
                   {r.proceeding_id(), r.case_number(), r.applicant_name(),
                    DateOrEmpty(r.has_filed(), r.filed()), r.column_label()});
    } else {
      const std::string concluded =
          DateOrEmpty(r.has_concluded(), r.concluded());
      cells.insert(
          cells.end(),
          {r.case_number(), r.applicant_name(),
           DateOrEmpty(r.has_receipt_date(), r.receipt_date()),
           concluded.empty() ? "未办结" : concluded,
           r.outcome() == v1::OUTCOME_UNSPECIFIED ? ""
                                                  : OutcomeText(r.outcome())});
    }
    table.AddRow(std::move(cells));
  }
  table.Render(out, color);
  out << "共 " << response.records_size() << " 件\n";
}

void RenderLock(const v1::Report& report, bool color, std::ostream& out) {
  const v1::ReportLock& lock = report.lock();
  Card card;
  card.Add("已锁定", ReportName(report));
  card.Add("内容哈希", lock.content_hash());
  card.AddIfPresent("锁定人", lock.locked_by());
  card.AddIfPresent("锁定时间", FormatChinaTime(lock.locked_at()));
  card.Render(out, color);
}

void RenderFigures(const v1::Table2& figures, bool color, std::ostream& out) {
  const auto documents = [](const v1::DocumentCounts& counts) {
    return absl::StrCat("本年制发 ", counts.issued(), "，本年废止 ",
                        counts.repealed(), "，现行有效 ", counts.in_force());
  };
  const auto decisions = [](int64_t n) {
    return absl::StrCat("本年处理决定 ", n);
  };
  Card card;
  card.Add("规章", documents(figures.rules()));
  card.Add("行政规范性文件", documents(figures.normative_documents()));
  card.Add("行政许可", decisions(figures.licensing_decisions()));
  card.Add("行政处罚", decisions(figures.penalty_decisions()));
  card.Add("行政强制", decisions(figures.enforcement_decisions()));
  card.Add("行政事业性收费",
           absl::StrCat(figures.fees_wan_yuan().empty()
                            ? "0.00"
                            : WanYuanAsMoney(figures.fees_wan_yuan()),
                        " 万元"));
  card.Add("规章来源",
           SourceText(figures.rules_source(), figures.rules_from_register()));
  card.Add("行政规范性文件来源",
           SourceText(figures.normative_documents_source(),
                      figures.normative_documents_from_register()));
  card.Render(out, color);
}

std::vector<std::string> OverrideWarnings(const v1::Table2& figures,
                                          int32_t year) {
  std::vector<std::string> lines;
  for (const v1::FigureOverride& o : figures.overridden()) {
    const bool rules = absl::StartsWith(o.figure(), "rules.");
    lines.push_back(absl::StrCat(
        "表二 ", o.label(), " 输入的是 ", o.entered(),
        "，报告采用登记簿统计的 ", o.counted(),
        "；如应采用输入的数字：ogi report figures set ", year,
        rules ? " --rules-source" : " --normative-source", " entered"));
  }
  return lines;
}

void RenderOverrides(const v1::Table2& figures, int32_t year,
                     std::ostream& out) {
  const std::vector<std::string> lines = OverrideWarnings(figures, year);
  if (lines.empty()) return;
  out << "\n被登记簿取代的输入数字（" << lines.size() << " 个）：\n";
  for (const std::string& line : lines) out << "  " << line << '\n';
}

void RenderLockPreview(const v1::Report& report,
                       const std::vector<std::string>& left_empty,
                       std::ostream& out) {
  out << "将要锁定：" << ReportName(report) << "（"
      << absl::StrJoin(report.agency_codes(), "、") << "）\n";
  Card card;
  const v1::Table2& t2 = report.table2();
  card.Add("表二",
           absl::StrCat("规章 现行有效 ", t2.rules().in_force(),
                        "，行政规范性文件 现行有效 ",
                        t2.normative_documents().in_force(), "，行政许可 ",
                        t2.licensing_decisions(), "，收费 ",
                        t2.fees_wan_yuan().empty()
                            ? "0.00"
                            : WanYuanAsMoney(t2.fees_wan_yuan()),
                        " 万元"));
  card.Add("表三",
           absl::StrCat("本年新收 ", Table3Total(report, "new"), "，上年结转 ",
                        Table3Total(report, "carried_in"), "，办理结果总计 ",
                        Table3Total(report, "concluded_total"), "，结转下年 ",
                        Table3Total(report, "carried_out")));
  const v1::Table4& t4 = report.table4();
  card.Add("表四", absl::StrCat("行政复议 ", t4.review().total(),
                                "，行政诉讼 未经复议直接起诉 ",
                                t4.direct_suit().total(), "，复议后起诉 ",
                                t4.suit_after_review().total()));
  card.Add("前言", report.prose().preface().empty() ? "系统生成的默认文字"
                                                    : "本机关填写");
  card.Add("留空的章节",
           left_empty.empty() ? "无" : absl::StrJoin(left_empty, "、"));
  card.Add("内容哈希", report.content_hash());
  card.Render(out, /*color=*/false);
  if (report.notes_size() > 0) {
    out << "提示：" << report.notes_size() << " 条，见 ogi report check "
        << report.year() << '\n';
  }
  out << "锁定后，报告的数字保持为发布时的数字；以后的录入和更正只显示为差异。"
         "\n";
}

void RenderDocuments(const v1::ListDocumentsResponse& response, bool color,
                     std::ostream& out) {
  Table table({"编号", "类别", "标题", "文号", "制发日期", "废止日期"});
  for (const v1::RegisteredDocument& d : response.documents()) {
    table.AddRow({absl::StrCat(d.id()), DocumentKindText(d.kind()), d.title(),
                  d.document_number(), DateOrEmpty(d.has_issued(), d.issued()),
                  DateOrEmpty(d.has_repealed(), d.repealed())});
  }
  table.Render(out, color);
  out << "共 " << response.documents_size() << " 件\n";
}

std::string YuanAsWanYuan(int64_t yuan) {
  const bool negative = yuan < 0;
  // Unsigned, so that the most negative value has a magnitude too.
  const uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(yuan) : static_cast<uint64_t>(yuan);
  std::string text = absl::StrCat(negative ? "-" : "", magnitude / 10000);
  std::string fraction = absl::StrFormat("%04d", magnitude % 10000);
  while (fraction.size() > 2 && fraction.back() == '0') fraction.pop_back();
  absl::StrAppend(&text, ".", fraction);
  return text;
}

std::string WanYuanAsMoney(const std::string& wan_yuan) {
  const size_t point = wan_yuan.find('.');
  if (point == std::string::npos) return absl::StrCat(wan_yuan, ".00");
  const size_t decimals = wan_yuan.size() - point - 1;
  return decimals >= 2 ? wan_yuan
                       : absl::StrCat(wan_yuan, std::string(2 - decimals, '0'));
}

}  // namespace ogi::cli
