#ifndef OGI_SERVICES_COMMON_STEP_RULES_H_
#define OGI_SERVICES_COMMON_STEP_RULES_H_

// The checks every step that changes a case makes (procedure, proceedings,
// conclusions): the case has its receipt date, a request date is given, real
// and not in the future, and a date does not precede an earlier one. One
// wording for each rule, so that a client sees the same error from every
// step. Pure functions; thread-safe.
//
// Errors follow the server's "field: rule" form (`field`: the request
// field's path, the rule in Chinese): a date the request gets wrong is
// INVALID_ARGUMENT; a date that contradicts what the case already records
// is FAILED_PRECONDITION.

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/common.pb.h"

namespace ogi {

// The case's number as messages show it: "（未编号）" while it has none.
std::string CaseName(const v1::Case& c);

// FAILED_PRECONDITION "案件 <number> <what>": the step does not fit the
// case's state (`what` says why, in Chinese).
absl::Status CaseRefused(const v1::Case& c, absl::string_view what);

// The case's receipt date. FAILED_PRECONDITION "案件 <number>
// 尚无收到申请日期（待确认收到）" while it has none (confirmation pending);
// INVALID_ARGUMENT "receipt_date: ..." when the stored date is not real.
absl::StatusOr<absl::CivilDay> ReceiptDay(const v1::Case& c);

// A required date of the request: INVALID_ARGUMENT "<field>: 必须填写" when
// unset, "<field>: ..." when not a calendar date.
absl::StatusOr<absl::CivilDay> RequiredDate(bool has, const v1::Date& date,
                                            absl::string_view field);

// INVALID_ARGUMENT "<field>: <day> 晚于今天（<today>）" when `day` is after
// `today`.
absl::Status NotAfterToday(absl::CivilDay day, absl::CivilDay today,
                           absl::string_view field);

// A required date of something that has happened: RequiredDate, then
// NotAfterToday.
absl::StatusOr<absl::CivilDay> PastDate(bool has, const v1::Date& date,
                                        absl::string_view field,
                                        absl::CivilDay today);

// As PastDate, but optional: std::nullopt when unset.
absl::StatusOr<std::optional<absl::CivilDay>> OptionalPastDate(
    bool has, const v1::Date& date, absl::string_view field,
    absl::CivilDay today);

// As PastDate, but `today` when unset: the rule every client gets for a step
// whose date defaults to the day it is recorded (China time).
absl::StatusOr<absl::CivilDay> PastDateOrToday(bool has, const v1::Date& date,
                                               absl::string_view field,
                                               absl::CivilDay today);

// FAILED_PRECONDITION "<field>: <day> 早于<what>（<bound>）" when `day` is
// before `bound` (`what` names the bound, e.g. "收到申请日期"). No bound: OK.
absl::Status NotBefore(absl::CivilDay day, std::optional<absl::CivilDay> bound,
                       absl::string_view field, absl::string_view what);

// NotBefore with the case's receipt date as the bound: "<field>: <day>
// 早于案件 <number> 的收到申请日期（<receipt>）". Nothing a step records
// about the application happens before the agency received it.
absl::Status NotBeforeReceipt(absl::CivilDay day, absl::CivilDay receipt,
                              const v1::Case& c, absl::string_view field);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_STEP_RULES_H_
