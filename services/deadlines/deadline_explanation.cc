#include "services/deadlines/deadline_explanation.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"

namespace ogi {

// Why the receipt date is what it is (Regs Art. 31), by channel.
const char* ReceiptBasis(v1::Channel channel) {
  switch (channel) {
    case v1::CHANNEL_IN_PERSON:
      return "当面提交，以提交之日为准";
    case v1::CHANNEL_SIGNED_POST:
      return "邮寄，以签收之日为准";
    case v1::CHANNEL_ORDINARY_MAIL:
      return "平常信函，以与申请人确认之日为准";
    case v1::CHANNEL_ONLINE:
      return "网络平台提交，以双方确认之日为准";
    case v1::CHANNEL_FAX:
      return "传真，以双方确认之日为准";
    case v1::CHANNEL_EMAIL:
      return "电子邮件，以双方确认之日为准";
    default:
      return "";
  }
}

// "跳过 A至B 春节放假，C 元旦放假；计入调休上班日 D（第1个工作日）". With
// `provisional_years` (years the count crossed whose 调休 is not published):
// "跳过 2027-01-01 元旦（法定节假日）；2027年调休安排尚未公布，日期暂定" — a
// provisional stretch is never said to have no holidays or make-up days.
std::string DescribeNotableDays(const std::vector<NotableDay>& days,
                                const std::set<int>& provisional_years) {
  std::vector<std::string> holidays;
  std::vector<std::string> makeups;
  for (const NotableRun& run : GroupNotableDays(days)) {
    if (run.first.kind == v1::DAY_KIND_HOLIDAY) {
      holidays.push_back(absl::StrCat(
          RunDates(run), " ", run.first.holiday_name,
          run.first.statutory_estimate ? "（法定节假日）" : "放假"));
    } else {
      makeups.push_back(
          absl::StrCat(RunDates(run), "（第", run.ordinal, "个工作日）"));
    }
  }
  std::vector<std::string> parts;
  if (!holidays.empty()) {
    parts.push_back(absl::StrCat("跳过 ", absl::StrJoin(holidays, "，")));
  }
  if (!makeups.empty()) {
    parts.push_back(
        absl::StrCat("计入调休上班日 ", absl::StrJoin(makeups, "、")));
  }
  if (provisional_years.empty()) {
    if (parts.empty()) return "期间无节假日放假或调休上班日";
    return absl::StrJoin(parts, "；");
  }
  std::vector<std::string> names;
  for (int year : provisional_years) names.push_back(absl::StrCat(year, "年"));
  if (holidays.empty()) parts.insert(parts.begin(), "期间无法定节假日");
  parts.push_back(
      absl::StrCat(absl::StrJoin(names, "、"), "调休安排尚未公布，日期暂定"));
  return absl::StrJoin(parts, "；");
}

// "" when `years` is empty; otherwise "（暂定：2027年调休安排尚未公布，已跳过
// 法定节假日）": the statutory holidays of those years are known and skipped,
// the make-up working days (调休) are not.
std::string ProvisionalNote(const std::set<int>& years) {
  if (years.empty()) return "";
  std::vector<std::string> names;
  for (int year : years) names.push_back(absl::StrCat(year, "年"));
  return absl::StrCat("（暂定：", absl::StrJoin(names, "、"),
                      "调休安排尚未公布，已跳过法定节假日）");
}

void AddStep(v1::Deadlines& d, std::string text,
             std::optional<absl::CivilDay> date) {
  v1::ExplanationStep* step = d.add_explanation();
  step->set_text(std::move(text));
  if (date.has_value()) *step->mutable_date() = ToProtoDate(*date);
}

void AddYears(std::set<int>& years, const WorkingDayCount& count) {
  years.insert(count.provisional_years.begin(), count.provisional_years.end());
}

// Sets provisional and provisional_years from the union of `sets`.
void SetProvisional(v1::Deadlines& d,
                    std::initializer_list<const std::set<int>*> sets) {
  std::set<int> years;
  for (const std::set<int>* set : sets) years.insert(set->begin(), set->end());
  d.set_provisional(!years.empty());
  for (int year : years) d.add_provisional_years(year);
}

}  // namespace ogi
