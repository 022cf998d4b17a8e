#ifndef OGI_SERVICES_DEADLINES_DEADLINE_EXPLANATION_H_
#define OGI_SERVICES_DEADLINES_DEADLINE_EXPLANATION_H_

// The building blocks of Deadlines.explanation (deadline_engine.h): the
// Chinese phrases for the receipt basis, the days a count skipped or
// counted, provisional dates, and the steps and provisional years of a
// Deadlines message. Pure functions; thread-safe.

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

// Why the receipt date is what it is (Regs Art. 31), by channel; "" for an
// unknown channel.
const char* ReceiptBasis(v1::Channel channel);

// "跳过 A至B 春节放假，C 元旦放假；计入调休上班日 D（第1个工作日）". With
// `provisional_years` (years the count crossed whose 调休 is not published):
// "跳过 2027-01-01 元旦（法定节假日）；2027年调休安排尚未公布，日期暂定" — a
// provisional stretch is never said to have no holidays or make-up days.
std::string DescribeNotableDays(const std::vector<NotableDay>& days,
                                const std::set<int>& provisional_years);

// "" when `years` is empty; otherwise "（暂定：2027年调休安排尚未公布，已跳过
// 法定节假日）": the statutory holidays of those years are known and skipped,
// the make-up working days (调休) are not.
std::string ProvisionalNote(const std::set<int>& years);

// Appends an explanation step with `text` and, when given, its date.
void AddStep(v1::Deadlines& d, std::string text,
             std::optional<absl::CivilDay> date);

// Adds the provisional years of `count` to `years`.
void AddYears(std::set<int>& years, const WorkingDayCount& count);

// Sets provisional and provisional_years from the union of `sets`.
void SetProvisional(v1::Deadlines& d,
                    std::initializer_list<const std::set<int>*> sets);

}  // namespace ogi

#endif  // OGI_SERVICES_DEADLINES_DEADLINE_EXPLANATION_H_
