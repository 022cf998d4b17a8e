#ifndef OGI_SERVICES_ACCESS_ACCESS_MANAGER_H_
#define OGI_SERVICES_ACCESS_ACCESS_MANAGER_H_

// Accounts and bearer tokens: turns a token into a Principal (who is
// calling, with which roles, over which agencies), and carries out the
// administrators' calls of AccessService and AgencyService.PutAgency, each
// confined to the administrator's agency and the agencies under it. Also
// keeps the log of full-record reads. Pure logic over the store interfaces;
// thread-safe.
//
// Tokens: "ogi_" and 64 hex digits from OpenSSL's RAND_bytes (256 bits).
// Only their SHA-256 is stored, so a copy of the database lets nobody sign
// in; a token cannot be shown again after it is issued.

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ogi/v1/access_service.pb.h"
#include "ogi/v1/agency_service.pb.h"
#include "ogi/v1/case_service.pb.h"
#include "services/access/access_policy.h"
#include "services/common/clock.h"
#include "storage/access_store.h"
#include "storage/case_store.h"

namespace ogi {

inline constexpr int kDefaultTokenValidDays = 90;
inline constexpr int kMaxTokenValidDays = 366;

class AccessManager {
 public:
  // REQUIRES: the arguments outlive the manager.
  AccessManager(AccessStore* access, CaseStore* cases, const Clock* clock);

  // Called with (user name, token id) right after a token is revoked, and
  // with (user name, "") after an existing user is changed (disabled, moved,
  // given other roles): whatever holds that user's access open beyond one
  // call (alert streams) must end it. REQUIRES: set before serving.
  using AccessRevoked = std::function<void(absl::string_view user_name,
                                           absl::string_view token_id)>;
  void OnAccessRevoked(AccessRevoked listener) {
    on_revoked_ = std::move(listener);
  }

  // The caller behind the secret `bearer` ("" when none was sent).
  // UNAUTHENTICATED "authorization: ..." when it is missing, unknown,
  // expired or revoked, or its user is disabled.
  absl::StatusOr<Principal> Authenticate(absl::string_view bearer) const;

  absl::StatusOr<v1::WhoAmIResponse> WhoAmI(const Principal& caller) const;

  // AccessService.PutUser: creates the user, or changes only the fields the
  // request changes (update_mask, else those given a non-default value; see
  // field_update.h). Returns the user as stored, with its etag.
  // INVALID_ARGUMENT "user.<field>: ..." for a bad name, display name or
  // roles, "update_mask: 未知字段 …" for a path other than display_name,
  // agency_code, roles, disabled; NOT_FOUND "user.agency_code: 机关 …不存在"
  // for an agency out of the caller's scope; ABORTED "etag: …" when `etag`
  // is set and the stored user differs; FAILED_PRECONDITION when
  // administrators would remove their own administrator role or disable
  // themselves.
  absl::StatusOr<v1::User> PutUser(const v1::PutUserRequest& request,
                                   const Principal& caller);
  // One page of the users in the caller's scope (of request.agency_code
  // when set), by login name. INVALID_ARGUMENT for the paging fields (see
  // services/common/paging.h).
  absl::StatusOr<v1::ListUsersResponse> ListUsers(
      const v1::ListUsersRequest& request, const Principal& caller) const;
  // NOT_FOUND "user_name: 用户 …不存在" also for users out of scope;
  // INVALID_ARGUMENT for valid_days out of 0..366 or a note over 200
  // characters; FAILED_PRECONDITION for a disabled user.
  absl::StatusOr<v1::IssueTokenResponse> IssueToken(
      const v1::IssueTokenRequest& request, const Principal& caller);
  // NOT_FOUND "token_id: 令牌 …不存在" also for tokens of users out of scope.
  absl::StatusOr<v1::TokenInfo> RevokeToken(
      const v1::RevokeTokenRequest& request, const Principal& caller);
  // One page of the tokens of users in the caller's scope (of
  // request.user_name when set), newest first. INVALID_ARGUMENT for the
  // paging fields.
  absl::StatusOr<v1::ListTokensResponse> ListTokens(
      const v1::ListTokensRequest& request, const Principal& caller) const;

  // AgencyService.PutAgency (see agency_service.proto): creates the agency,
  // or changes only name and supervisor_code as update_mask (or the values
  // given) say; returns it as stored, with its etag. INVALID_ARGUMENT
  // "agency.supervisor_code: …" for a supervisor outside the caller's scope
  // or below the agency, and for clearing it unless the caller's own agency
  // is top-level; ABORTED "etag: …" for a stale etag.
  absl::StatusOr<v1::Agency> PutAgency(const v1::PutAgencyRequest& request,
                                       const Principal& caller);

  // The first administrator, from the server machine (`ogi-server
  // add-admin`): creates `user` (or, when it exists, re-enables it and adds
  // the given roles to its own) with the administrator role among its roles,
  // and issues it a token. The agency must exist.
  absl::StatusOr<v1::IssueTokenResponse> Bootstrap(v1::User user,
                                                   int valid_days);

  // Appends a read of the full record of a case (view "case" or "history")
  // by `caller`; NOT_FOUND for an unknown case.
  absl::Status RecordFullRead(const Principal& caller,
                              absl::string_view agency_code,
                              absl::string_view number, absl::string_view view);
  // CaseService.ListCaseReads: one page of the reads of the case
  // request.agency_code (REQUIRES: filled in) / request.number, oldest
  // first (read time, then insertion), by offset. The log is append-only and
  // each read is stamped with the time it is recorded, so entries added
  // between two pages come after them and nothing is skipped or repeated
  // (unless the server's clock goes back). NOT_FOUND for an unknown case;
  // INVALID_ARGUMENT for the paging fields (see services/common/paging.h).
  absl::StatusOr<v1::ListCaseReadsResponse> ListFullReads(
      const v1::ListCaseReadsRequest& request) const;

 private:
  // The user `name` if it is within `caller`'s scope; NOT_FOUND otherwise.
  absl::StatusOr<v1::User> UserInScope(absl::string_view name,
                                       const Principal& caller) const;
  absl::StatusOr<v1::IssueTokenResponse> Issue(const v1::User& user,
                                               int valid_days,
                                               absl::string_view note,
                                               absl::string_view issued_by);

  // Held from reading a user or agency to writing it, so that the etag check
  // and the write are one step for this server (the only writer of its
  // database).
  absl::Mutex put_mu_;
  AccessStore* const access_;
  CaseStore* const cases_;
  const Clock* const clock_;
  AccessRevoked on_revoked_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_ACCESS_ACCESS_MANAGER_H_
