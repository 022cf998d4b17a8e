#ifndef OGI_SERVICES_ACCESS_ACCESS_POLICY_H_
#define OGI_SERVICES_ACCESS_ACCESS_POLICY_H_

// Who may do what: the one table that maps every RPC to the kind of
// operation it is, the roles each kind needs, and the agency scope a caller
// reaches. The gRPC edge (services/rpc/unary_call.h) applies it to every
// call before any work is done. Pure logic: no gRPC, no storage.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/access.pb.h"
#include "ogi/v1/common.pb.h"

namespace ogi {

// The kinds of operation. Each RPC is exactly one of them.
enum class Operation {
  kReadReference,  // any valid token: who am I, agencies, the calendar
  kReadCases,      // cases, their histories, deadlines, alerts, proceedings
  kLogCases,       // log and correct applications, procedural steps
  kDecide,         // extensions, deferrals, conclusions, re-answers
  kLitigate,       // administrative reviews and lawsuits
  kReadReports,    // annual report tables, cells, the document register
  kEditReports,    // figures, prose, register entries, locking
  kAdminister,     // users, tokens, agencies, calendar loads, the test clock
};

// Whether the operation changes an agency's records (and so is allowed only
// in the caller's own agency, not in the agencies under it).
bool ChangesRecords(Operation op);

// The roles that may perform `op`, in enum order.
const std::vector<v1::Role>& RolesFor(Operation op);

// The operation of a method by its full name, e.g.
// "ogi.v1.CaseService.CreateCase". NOT_FOUND for a method the table does not
// know (the edge then refuses the call: access is closed by default).
absl::StatusOr<Operation> OperationOf(absl::string_view method);

// An authenticated caller. Built by AccessManager::Authenticate.
struct Principal {
  v1::User user;
  v1::TokenInfo token;
  // The user's agency first, then every agency under it, by code.
  std::vector<std::string> readable_agencies;

  bool Has(v1::Role role) const;
  // The author named in history events and report versions.
  const std::string& actor() const { return user.display_name(); }
  const std::string& own_agency() const { return user.agency_code(); }
  bool MayRead(absl::string_view agency_code) const;
  // ID and phone numbers in full: clerk, approver and legal, who deal with
  // the applicant; statisticians, auditors and administrators see them
  // masked.
  bool SeesPersonalData() const;
};

// OK when one of the principal's roles allows `op`; otherwise
// PERMISSION_DENIED naming the method, the roles it needs and those the user
// has, e.g. "ogi.v1.OutcomeService.ConcludeCase needs the role 审批人
// (approver); wang has 登记员 (clerk)".
absl::Status CheckRole(const Principal& principal, Operation op,
                       absl::string_view method);

// OK when the principal may perform `op` on `agency_code`'s records. An
// agency out of scope, or unknown, is NOT_FOUND `agency_code: 机关 "X" 不存在`
// (the same words as for an agency that does not exist, so scope leaks
// nothing); a change to an agency under the user's own is PERMISSION_DENIED.
absl::Status CheckAgency(const Principal& principal, Operation op,
                         absl::string_view agency_code);

// The codes of `root` and of every agency under it, directly or through
// others, `root` first and the rest by code. Supervisor cycles (which
// PutAgency refuses) are not followed twice.
std::vector<std::string> AgenciesUnder(const std::vector<v1::Agency>& agencies,
                                       absl::string_view root);

// "clerk" for ROLE_CLERK: the identifier users type (EnumIdentifier).
std::string RoleName(v1::Role role);

}  // namespace ogi

#endif  // OGI_SERVICES_ACCESS_ACCESS_POLICY_H_
