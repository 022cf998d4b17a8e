#include "services/report/report_prose.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/report/table2_figures.h"

namespace ogi {

const std::vector<ProseSectionSpec>& ProseSections() {
  static const auto* const kSections = new std::vector<ProseSectionSpec>{
      {"preface", "前言", false},
      {"overview", "一、总体情况", true},
      {"problems", "五、存在的主要问题及改进情况", true},
      {"other_matters", "六、其他需要报告的事项", true},
  };
  return *kSections;
}

const ProseSectionSpec* FindProseSection(absl::string_view key) {
  for (const ProseSectionSpec& section : ProseSections()) {
    if (section.key == key) return &section;
  }
  return nullptr;
}

const std::string& ProseText(const v1::ReportProse& prose,
                             absl::string_view key) {
  if (key == "preface") return prose.preface();
  if (key == "overview") return prose.overview();
  if (key == "problems") return prose.problems();
  if (key == "other_matters") return prose.other_matters();
  static const auto* const kEmpty = new std::string();
  return *kEmpty;
}

std::vector<std::string> EmptyProseSections(const v1::ReportProse& prose) {
  std::vector<std::string> empty;
  for (const ProseSectionSpec& section : ProseSections()) {
    if (section.required &&
        absl::StripAsciiWhitespace(ProseText(prose, section.key)).empty()) {
      empty.emplace_back(section.key);
    }
  }
  return empty;
}

bool MentionsFees(absl::string_view text) {
  // 信息处理费 contains neither of the others, so it is named too.
  return absl::StrContains(text, "收费") || absl::StrContains(text, "费用") ||
         absl::StrContains(text, "信息处理费");
}

bool GeneratesFeeSentence(const v1::ReportProse& prose) {
  return !MentionsFees(prose.other_matters());
}

std::string FeeSentence(const v1::FeeSummary& fees) {
  if (fees.notices_issued() == 0 && fees.amount_billed_yuan() == 0 &&
      fees.amount_collected_yuan() == 0) {
    return "本年度未收取政府信息公开信息处理费。";
  }
  return absl::StrCat("本年度共发出收费通知", fees.notices_issued(),
                      "件，应收信息处理费", YuanText(fees.amount_billed_yuan()),
                      "元，实收", YuanText(fees.amount_collected_yuan()),
                      "元。");
}

std::string DefaultPreface(absl::string_view agency, int year) {
  const std::string who =
      agency.empty() ? std::string("本机关") : std::string(agency);
  return absl::StrCat(
      "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
      "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕"
      "30号）的要求，由",
      who,
      "编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息"
      "公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题"
      "及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自",
      year, "年1月1日起至", year, "年12月31日止。本报告电子版可在", who,
      "门户网站政府信息公开专栏查阅或下载。如对本报告有任何疑问，请与", who,
      "政府信息公开工作机构联系。");
}

std::string PrefaceText(const v1::Report& report) {
  if (!absl::StripAsciiWhitespace(report.prose().preface()).empty()) {
    return report.prose().preface();
  }
  return DefaultPreface(report.title_agency(), report.year());
}

}  // namespace ogi
