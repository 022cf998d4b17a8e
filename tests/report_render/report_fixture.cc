#include "tests/report_render/report_fixture.h"

#include "services/report/report_rows.h"

namespace ogi::testing {

const std::vector<std::string>& OfficialTable3Labels() {
  static const auto* const labels = new std::vector<std::string>{
      "一、本年新收政府信息公开申请数量",
      "二、上年结转政府信息公开申请数量",
      "（一）予以公开",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "1.属于国家秘密",
      "2.其他法律行政法规禁止公开",
      "3.危及“三安全一稳定”",
      "4.保护第三方合法权益",
      "5.属于三类内部事务信息",
      "6.属于四类过程性信息",
      "7.属于行政执法案卷",
      "8.属于行政查询事项",
      "1.本机关不掌握相关政府信息",
      "2.没有现成信息需要另行制作",
      "3.补正后申请内容仍不明确",
      "1.信访举报投诉类申请",
      "2.重复申请",
      "3.要求提供公开出版物",
      "4.无正当理由大量反复申请",
      "5.要求行政机关确认或重新出具已获取信息",
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2."
      "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "3.其他",
      "（七）总计",
      "四、结转下年度继续办理",
  };
  return *labels;
}

v1::Report ReferenceLikeReport() {
  v1::Report report;
  report.add_agency_codes("lc-spj");
  report.set_title_agency("聊城市行政审批服务局");
  report.set_year(2022);

  v1::Table2& table2 = *report.mutable_table2();
  table2.mutable_rules();
  table2.mutable_normative_documents();
  table2.set_licensing_decisions(32866);
  table2.set_fees_wan_yuan("12872.06");

  // The rows with the keys and labels the derivation gives them.
  *report.mutable_table3() = EmptyTable3();
  // 自然人 (column 0) and 总计 (column 6).
  const auto set = [&](const std::string& key, int64_t value) {
    for (v1::Table3Row& row : *report.mutable_table3()->mutable_rows()) {
      if (row.key() == key) {
        row.set_cells(0, value);
        row.set_cells(6, value);
      }
    }
  };
  set("new", 13);
  set("disclosed", 12);
  set("unavailable_not_held", 1);
  set("concluded_total", 13);

  report.mutable_table4()->mutable_review()->set_upheld(1);
  report.mutable_table4()->mutable_review()->set_total(1);
  report.mutable_table4()->mutable_direct_suit();
  report.mutable_table4()->mutable_suit_after_review();
  report.mutable_fees();

  v1::ReportProse& prose = *report.mutable_prose();
  prose.set_overview(
      "2022年，聊城市行政审批服务局深入贯彻落实政府信息公开工作的系列重要部署。"
      "\n"
      "\n"
      "（二）依申请公开\n"
      "本年度共收到政府信息公开申请13件，依法依规按时办结答复13件，"
      "因政府信息公开发生行政复议1件，结果维持1件，全年未发生行政诉讼。");
  prose.set_problems(
      "存在问题：政策解读工作方面存在不足。\n"
      "改进措施：一是强化政策解读；二是丰富解读形式。");
  prose.set_other_matters(
      "（二）人大代表建议和政协提案办理结果公开情况\n"
      "2022年共办理人大代表建议6件、政协提案7件，目前均已按期办结。");
  return report;
}

}  // namespace ogi::testing
