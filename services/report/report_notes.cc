#include "services/report/report_notes.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/report/report_prose.h"

namespace ogi {

std::vector<std::string> ReportNotes(const v1::Report& report) {
  std::vector<std::string> notes;
  const bool consolidated = report.agency_codes_size() > 1;
  for (const v1::FigureOverride& override : report.table2().overridden()) {
    const absl::string_view flag = absl::StartsWith(override.figure(), "rules.")
                                       ? "--rules-source"
                                       : "--normative-source";
    notes.push_back(absl::StrCat(
        "表二 ", consolidated ? absl::StrCat(override.agency_code(), " ") : "",
        override.label(), "：输入的数字 ", override.entered(),
        " 已被登记簿统计的 ", override.counted(),
        " 取代，报告采用登记簿的数字；如应采用输入的数字，请把该行的来源设为"
        "输入（ogi report figures set ",
        report.year(), " ", flag, " entered）"));
  }
  const v1::ReportProse& prose = report.prose();
  if (absl::StripAsciiWhitespace(prose.preface()).empty()) {
    notes.push_back(absl::StrCat(
        "前言：使用系统生成的默认文字；请写明公开网址和咨询电话（ogi report "
        "text set ",
        report.year(), " --section preface --file FILE）"));
  }
  for (const std::string& key : EmptyProseSections(prose)) {
    notes.push_back(
        absl::StrCat(FindProseSection(key)->title,
                     "：尚未填写；锁定前须填写（ogi report text set ",
                     report.year(), " --section ", key,
                     "），或锁定时明确允许留空（--allow-empty ", key, "）"));
  }
  if (!GeneratesFeeSentence(prose)) {
    notes.push_back(absl::StrCat(
        "六、其他需要报告的事项：本机关的文字已提及收费，报告不再加入系统生成"
        "的收费句；请与收费通知记录核对：",
        FeeSentence(report.fees())));
  }
  return notes;
}

}  // namespace ogi
