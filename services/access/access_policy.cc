#include "services/access/access_policy.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/enum_names.h"

namespace ogi {
namespace {

using v1::Role;

// Every RPC of every ogi.v1 service. A method missing here is refused
// (access_policy_test checks that the table covers the whole API).
const absl::flat_hash_map<std::string, Operation>& MethodTable() {
  static const auto* const table =
      new absl::flat_hash_map<std::string, Operation>{
          // Reference data any signed-in user needs.
          {"ogi.v1.AccessService.WhoAmI", Operation::kReadReference},
          {"ogi.v1.AgencyService.ListAgencies", Operation::kReadReference},
          {"ogi.v1.AgencyService.GetAgency", Operation::kReadReference},
          {"ogi.v1.CalendarService.GetCalendarYear", Operation::kReadReference},
          {"ogi.v1.CalendarService.AddWorkingDays", Operation::kReadReference},
          // Reading cases.
          {"ogi.v1.CaseService.GetCase", Operation::kReadCases},
          {"ogi.v1.CaseService.ListCases", Operation::kReadCases},
          {"ogi.v1.CaseService.ListCaseHistory", Operation::kReadCases},
          {"ogi.v1.CaseService.ListCaseReads", Operation::kReadCases},
          {"ogi.v1.DeadlineService.ListDeadlines", Operation::kReadCases},
          {"ogi.v1.DeadlineService.WatchAlerts", Operation::kReadCases},
          {"ogi.v1.ProceedingService.ListReviews", Operation::kReadCases},
          {"ogi.v1.ProceedingService.ListLawsuits", Operation::kReadCases},
          // The clerk's work.
          {"ogi.v1.CaseService.CreateCase", Operation::kLogCases},
          {"ogi.v1.CaseService.UpdateCase", Operation::kLogCases},
          {"ogi.v1.ProcedureService.SendCorrectionNotice",
           Operation::kLogCases},
          {"ogi.v1.ProcedureService.ReceiveSupplement", Operation::kLogCases},
          {"ogi.v1.ProcedureService.SendConsultation", Operation::kLogCases},
          {"ogi.v1.ProcedureService.ReceiveConsultationReply",
           Operation::kLogCases},
          {"ogi.v1.ProcedureService.IssueFeeNotice", Operation::kLogCases},
          {"ogi.v1.ProcedureService.ReceiveFeePayment", Operation::kLogCases},
          // Decisions: they change what the agency owes the applicant.
          {"ogi.v1.ProcedureService.ExtendDeadline", Operation::kDecide},
          {"ogi.v1.ProcedureService.DeferDeadline", Operation::kDecide},
          {"ogi.v1.OutcomeService.ConcludeCase", Operation::kDecide},
          {"ogi.v1.OutcomeService.WithdrawCase", Operation::kDecide},
          {"ogi.v1.OutcomeService.ConfirmLapse", Operation::kDecide},
          {"ogi.v1.OutcomeService.CorrectConclusion", Operation::kDecide},
          {"ogi.v1.OutcomeService.RecordReAnswer", Operation::kDecide},
          // Reviews and lawsuits.
          {"ogi.v1.ProceedingService.FileReview", Operation::kLitigate},
          {"ogi.v1.ProceedingService.RecordReviewProgress",
           Operation::kLitigate},
          {"ogi.v1.ProceedingService.DecideReview", Operation::kLitigate},
          {"ogi.v1.ProceedingService.FileLawsuit", Operation::kLitigate},
          {"ogi.v1.ProceedingService.RecordLawsuitProgress",
           Operation::kLitigate},
          {"ogi.v1.ProceedingService.JudgeLawsuit", Operation::kLitigate},
          {"ogi.v1.ProceedingService.AppealLawsuit", Operation::kLitigate},
          {"ogi.v1.ProceedingService.DecideAppeal", Operation::kLitigate},
          // The annual report.
          {"ogi.v1.ReportService.GetReport", Operation::kReadReports},
          {"ogi.v1.ReportService.RenderReport", Operation::kReadReports},
          {"ogi.v1.ReportService.GetCell", Operation::kReadReports},
          {"ogi.v1.ReportService.ListDocuments", Operation::kReadReports},
          {"ogi.v1.ReportService.LockReport", Operation::kEditReports},
          {"ogi.v1.ReportService.SetFigures", Operation::kEditReports},
          {"ogi.v1.ReportService.SetProse", Operation::kEditReports},
          {"ogi.v1.ReportService.RegisterDocument", Operation::kEditReports},
          // Administration.
          {"ogi.v1.AccessService.PutUser", Operation::kAdminister},
          {"ogi.v1.AccessService.ListUsers", Operation::kAdminister},
          {"ogi.v1.AccessService.IssueToken", Operation::kAdminister},
          {"ogi.v1.AccessService.RevokeToken", Operation::kAdminister},
          {"ogi.v1.AccessService.ListTokens", Operation::kAdminister},
          {"ogi.v1.AgencyService.PutAgency", Operation::kAdminister},
          {"ogi.v1.CalendarService.LoadCalendar", Operation::kAdminister},
          {"ogi.test.v1.TestingClockService.SetTime", Operation::kAdminister},
      };
  return *table;
}

std::string RoleList(const std::vector<Role>& roles) {
  return absl::StrJoin(roles, "、", [](std::string* out, Role role) {
    absl::StrAppend(out, EnumLabel(v1::Role_descriptor(), role), " (",
                    RoleName(role), ")");
  });
}

}  // namespace

bool ChangesRecords(Operation op) {
  switch (op) {
    case Operation::kLogCases:
    case Operation::kDecide:
    case Operation::kLitigate:
    case Operation::kEditReports:
      return true;
    case Operation::kReadReference:
    case Operation::kReadCases:
    case Operation::kReadReports:
    case Operation::kAdminister:  // scoped by AccessManager itself
      return false;
  }
  return true;
}

const std::vector<Role>& RolesFor(Operation op) {
  static const auto* const roles = new std::map<Operation, std::vector<Role>>{
      {Operation::kReadReference,
       {v1::ROLE_CLERK, v1::ROLE_APPROVER, v1::ROLE_LEGAL,
        v1::ROLE_STATISTICIAN, v1::ROLE_AUDITOR, v1::ROLE_ADMINISTRATOR}},
      {Operation::kReadCases,
       {v1::ROLE_CLERK, v1::ROLE_APPROVER, v1::ROLE_LEGAL,
        v1::ROLE_STATISTICIAN, v1::ROLE_AUDITOR}},
      {Operation::kLogCases, {v1::ROLE_CLERK}},
      {Operation::kDecide, {v1::ROLE_APPROVER}},
      {Operation::kLitigate, {v1::ROLE_LEGAL}},
      {Operation::kReadReports, {v1::ROLE_STATISTICIAN, v1::ROLE_AUDITOR}},
      {Operation::kEditReports, {v1::ROLE_STATISTICIAN}},
      {Operation::kAdminister, {v1::ROLE_ADMINISTRATOR}},
  };
  return roles->at(op);
}

absl::StatusOr<Operation> OperationOf(absl::string_view method) {
  auto it = MethodTable().find(method);
  if (it == MethodTable().end()) {
    return absl::NotFoundError(absl::StrCat(method, ": 不在访问控制表中"));
  }
  return it->second;
}

bool Principal::Has(Role role) const {
  return std::find(user.roles().begin(), user.roles().end(), role) !=
         user.roles().end();
}

bool Principal::MayRead(absl::string_view agency_code) const {
  return std::find(readable_agencies.begin(), readable_agencies.end(),
                   agency_code) != readable_agencies.end();
}

bool Principal::SeesPersonalData() const {
  return Has(v1::ROLE_CLERK) || Has(v1::ROLE_APPROVER) || Has(v1::ROLE_LEGAL);
}

absl::Status CheckRole(const Principal& principal, Operation op,
                       absl::string_view method) {
  const std::vector<Role>& allowed = RolesFor(op);
  for (Role role : allowed) {
    if (principal.Has(role)) return absl::OkStatus();
  }
  std::vector<Role> held;
  for (int role : principal.user.roles()) {
    held.push_back(static_cast<Role>(role));
  }
  return absl::PermissionDeniedError(
      absl::StrCat(method, " 需要以下角色之一：", RoleList(allowed), "；",
                   principal.user.name(), " 的角色：",
                   held.empty() ? "无" : RoleList(held)));
}

absl::Status CheckAgency(const Principal& principal, Operation op,
                         absl::string_view agency_code) {
  if (!principal.MayRead(agency_code)) {
    return absl::NotFoundError(
        absl::StrCat("agency_code: 机关 \"", agency_code, "\" 不存在"));
  }
  if (ChangesRecords(op) && agency_code != principal.own_agency()) {
    return absl::PermissionDeniedError(absl::StrCat(
        "agency_code: ", principal.own_agency(), " 的 ", principal.user.name(),
        " 可以查阅下级机关 ", agency_code, " 的记录，但不能修改"));
  }
  return absl::OkStatus();
}

std::vector<std::string> AgenciesUnder(const std::vector<v1::Agency>& agencies,
                                       absl::string_view root) {
  std::multimap<std::string, std::string> children;  // supervisor -> agency
  for (const v1::Agency& agency : agencies) {
    if (!agency.supervisor_code().empty()) {
      children.emplace(agency.supervisor_code(), agency.code());
    }
  }
  std::set<std::string> found;
  std::vector<std::string> frontier = {std::string(root)};
  while (!frontier.empty()) {
    const std::string code = frontier.back();
    frontier.pop_back();
    auto [begin, end] = children.equal_range(code);
    for (auto it = begin; it != end; ++it) {
      if (it->second != root && found.insert(it->second).second) {
        frontier.push_back(it->second);
      }
    }
  }
  std::vector<std::string> out = {std::string(root)};
  out.insert(out.end(), found.begin(), found.end());
  return out;
}

std::string RoleName(Role role) {
  return EnumIdentifier(v1::Role_descriptor(), role);
}

}  // namespace ogi
