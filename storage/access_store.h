#ifndef OGI_STORAGE_ACCESS_STORE_H_
#define OGI_STORAGE_ACCESS_STORE_H_

// What access control needs from storage: staff accounts, the hashes of
// their bearer tokens, and the log of full-record reads. Implemented by
// SqliteCaseStore (same database, same writer), in
// storage/sqlite_access_store.cc. Agencies themselves, with their
// supervising office, are CaseStore's (UpsertAgency/ListAgencies).
//
// Nothing here is ever deleted: users are disabled, tokens revoked, and
// reads only appended, so every event's author and every read stays named.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/access.pb.h"
#include "ogi/v1/case_service.pb.h"

namespace ogi {

// A token as issued: what the store keeps of it. The secret is not here,
// only its hash.
struct NewToken {
  v1::TokenInfo info;  // id, user_name, issued_at, expires_at, issued_by, note
  std::string secret_hash;  // lower-case hex SHA-256 of the secret
};

// What a token hash stands for.
struct TokenGrant {
  v1::User user;
  v1::TokenInfo token;
};

// Thread-safe. Writes are durable when the call returns OK.
class AccessStore {
 public:
  virtual ~AccessStore() = default;

  // Creates the user `user.name()` or replaces its display name, agency,
  // roles and disabled flag; created_at and created_by are kept from the
  // first write (taken from `user` then). Returns the stored user.
  // NOT_FOUND "user.agency_code: 机关 \"X\" 不存在" for an unknown agency;
  // INVALID_ARGUMENT for ROLE_UNSPECIFIED or a number Role does not name
  // (which could not be stored). The caller validates names and roles.
  virtual absl::StatusOr<v1::User> PutUser(const v1::User& user) = 0;

  // NOT_FOUND "user_name: 用户 \"X\" 不存在".
  virtual absl::StatusOr<v1::User> GetUser(absl::string_view name) = 0;

  // Every user, ordered by name.
  virtual absl::StatusOr<std::vector<v1::User>> ListUsers() = 0;

  // Stores a new token. NOT_FOUND "user_name: 用户 \"X\" 不存在";
  // ALREADY_EXISTS when the id or the hash is taken (the caller draws again).
  virtual absl::Status AddToken(const NewToken& token) = 0;

  // The token whose secret hashes to `secret_hash`, with its user, whatever
  // their state (the caller judges expiry, revocation, disabled users).
  // NOT_FOUND when no token has that hash.
  virtual absl::StatusOr<TokenGrant> FindToken(
      absl::string_view secret_hash) = 0;

  // The token `token_id`. NOT_FOUND "token_id: 令牌 \"X\" 不存在".
  virtual absl::StatusOr<v1::TokenInfo> GetToken(
      absl::string_view token_id) = 0;

  // Sets revoked_at unless already set (the first revocation stays) and
  // returns the token. NOT_FOUND "token_id: 令牌 \"X\" 不存在".
  virtual absl::StatusOr<v1::TokenInfo> RevokeToken(
      absl::string_view token_id, const google::protobuf::Timestamp& at) = 0;

  // Tokens of `user_name` (every user's when empty), newest first.
  virtual absl::StatusOr<std::vector<v1::TokenInfo>> ListTokens(
      absl::string_view user_name) = 0;

  // Appends one read of a case's full record. NOT_FOUND as GetCase for an
  // unknown agency or case.
  virtual absl::Status RecordCaseRead(absl::string_view agency_code,
                                      absl::string_view number,
                                      const v1::RecordRead& read) = 0;

  // The reads of a case's full record, oldest first. NOT_FOUND as GetCase.
  virtual absl::StatusOr<std::vector<v1::RecordRead>> ListCaseReads(
      absl::string_view agency_code, absl::string_view number) = 0;

  // At most `limit` of those reads (a negative limit: all), from the
  // `offset`-th on (0 first), in the same order: one page of the log
  // without loading the rest. NOT_FOUND as GetCase. REQUIRES: offset >= 0.
  virtual absl::StatusOr<std::vector<v1::RecordRead>> ListCaseReadsRange(
      absl::string_view agency_code, absl::string_view number, int64_t offset,
      int64_t limit) = 0;
};

}  // namespace ogi

#endif  // OGI_STORAGE_ACCESS_STORE_H_
