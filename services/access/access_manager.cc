#include "services/access/access_manager.h"

#include <openssl/rand.h>

#include <algorithm>
#include <set>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "services/common/field_update.h"
#include "services/common/paging.h"
#include "services/common/sha256.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"
#include "services/common/text_fields.h"
#include "services/common/timestamps.h"

namespace ogi {
namespace {

constexpr int kMaxUserNameLength = 64;
constexpr int kMaxDisplayNameLength = 64;
constexpr int kMaxNoteLength = 200;
constexpr absl::string_view kTokenPrefix = "ogi_";

absl::StatusOr<std::string> RandomHex(int bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes) != 1) {
    return absl::UnavailableError("无法为令牌生成随机字节");
  }
  return absl::BytesToHexString(raw);
}

std::string FormatMinute(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M", FromProtoTimestamp(t),
                          ChinaTimeZone());
}

// Login names and agency codes: [a-z0-9][a-z0-9._-]*, at most 64.
absl::Status ValidateIdentifier(absl::string_view name,
                                absl::string_view field) {
  if (name.empty() || name.size() > kMaxUserNameLength) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": 须为 1 至 ", kMaxUserNameLength, " 个字符"));
  }
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": \"", name,
          "\" 只能包含小写字母、数字、'.'、'_' 或 '-'，且须以字母或数字开头"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateUser(const v1::User& user) {
  OGI_RETURN_IF_ERROR(ValidateIdentifier(user.name(), "user.name"));
  OGI_RETURN_IF_ERROR(ValidateText(user.display_name(), "user.display_name",
                                   kMaxDisplayNameLength,
                                   /*multiline=*/false));
  if (user.roles().empty()) {
    return absl::InvalidArgumentError("user.roles: 至少须有一个角色");
  }
  std::set<int> seen;
  for (int role : user.roles()) {
    if (!v1::Role_IsValid(role) || role == v1::ROLE_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          absl::StrCat("user.roles: 未知的角色 ", role));
    }
    if (!seen.insert(role).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "user.roles: ", RoleName(static_cast<v1::Role>(role)), " 重复出现"));
    }
  }
  if (user.agency_code().empty()) {
    return absl::InvalidArgumentError("user.agency_code: 不能为空");
  }
  return absl::OkStatus();
}

absl::Status ValidateValidDays(int valid_days) {
  if (valid_days < 0 || valid_days > kMaxTokenValidDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("valid_days: 须为 1 至 ", kMaxTokenValidDays,
                     "（填 0 表示 ", kDefaultTokenValidDays, "）"));
  }
  return absl::OkStatus();
}

bool HasRole(const v1::User& user, v1::Role role) {
  return std::find(user.roles().begin(), user.roles().end(), role) !=
         user.roles().end();
}

absl::Status NoAgency(absl::string_view field, absl::string_view code) {
  return absl::NotFoundError(
      absl::StrCat(field, ": 机关 \"", code, "\" 不存在"));
}

}  // namespace

AccessManager::AccessManager(AccessStore* access, CaseStore* cases,
                             const Clock* clock)
    : access_(access), cases_(cases), clock_(clock) {}

absl::StatusOr<Principal> AccessManager::Authenticate(
    absl::string_view bearer) const {
  if (bearer.empty()) {
    return absl::UnauthenticatedError(
        "authorization: 缺少访问令牌；请管理员签发令牌（ogi token issue），"
        "再执行 ogi login");
  }
  if (!absl::StartsWith(bearer, kTokenPrefix)) {
    return absl::UnauthenticatedError(
        "authorization: 不是 ogi 令牌（ogi 令牌以 \"ogi_\" 开头）");
  }
  absl::StatusOr<TokenGrant> grant = access_->FindToken(Sha256Hex(bearer));
  if (absl::IsNotFound(grant.status())) {
    return absl::UnauthenticatedError("authorization: 未知的令牌");
  }
  if (!grant.ok()) return grant.status();
  const v1::TokenInfo& token = grant->token;
  if (token.has_revoked_at()) {
    return absl::UnauthenticatedError(
        absl::StrCat("authorization: 令牌 ", token.id(), " 已于 ",
                     FormatMinute(token.revoked_at()), " 吊销"));
  }
  if (clock_->Now() >= FromProtoTimestamp(token.expires_at())) {
    return absl::UnauthenticatedError(
        absl::StrCat("authorization: 令牌 ", token.id(), " 已于 ",
                     FormatMinute(token.expires_at()), " 过期"));
  }
  if (grant->user.disabled()) {
    return absl::UnauthenticatedError(
        absl::StrCat("authorization: 用户 ", grant->user.name(), " 已停用"));
  }
  OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                       cases_->ListAgencies());
  Principal principal;
  principal.user = std::move(grant->user);
  principal.token = std::move(grant->token);
  principal.readable_agencies =
      AgenciesUnder(agencies, principal.user.agency_code());
  return principal;
}

absl::StatusOr<v1::WhoAmIResponse> AccessManager::WhoAmI(
    const Principal& caller) const {
  v1::WhoAmIResponse out;
  *out.mutable_user() = caller.user;
  StampEtag(out.mutable_user());
  *out.mutable_token() = caller.token;
  for (const std::string& code : caller.readable_agencies) {
    out.add_readable_agency_codes(code);
  }
  out.set_sees_personal_data(caller.SeesPersonalData());
  return out;
}

absl::StatusOr<v1::User> AccessManager::UserInScope(
    absl::string_view name, const Principal& caller) const {
  absl::StatusOr<v1::User> user = access_->GetUser(name);
  if (user.ok() && !caller.MayRead(user->agency_code())) {
    return absl::NotFoundError(
        absl::StrCat("user_name: 用户 \"", name, "\" 不存在"));
  }
  return user;
}

absl::StatusOr<v1::User> AccessManager::PutUser(
    const v1::PutUserRequest& request, const Principal& caller) {
  // Read, check the etag and write as one step: two administrators changing
  // one user are serialised here (one server per database), so the etag
  // check cannot pass for both.
  absl::MutexLock lock(&put_mu_);
  OGI_RETURN_IF_ERROR(ValidateIdentifier(request.user().name(), "user.name"));
  absl::StatusOr<v1::User> existing = access_->GetUser(request.user().name());
  if (!existing.ok() && !absl::IsNotFound(existing.status())) {
    return existing.status();
  }
  if (existing.ok() && !caller.MayRead(existing->agency_code())) {
    // Another office's account: do not reveal that the name is taken.
    return absl::NotFoundError(
        absl::StrCat("user.name: 用户 \"", request.user().name(), "\" 不存在"));
  }
  OGI_RETURN_IF_ERROR(
      CheckEtag(request.etag(), existing.ok() ? &*existing : nullptr));
  v1::User user;
  if (existing.ok()) {
    // Only the fields the request changes (update_mask, or those given a
    // value): a user left without `disabled` stays as it is.
    user = *existing;
    OGI_RETURN_IF_ERROR(ApplyUpdate(
        request.user(), request.update_mask(),
        {"display_name", "agency_code", "roles", "disabled"}, &user));
  } else {
    // A new user is created from `user` whatever the mask.
    user = request.user();
    user.clear_created_at();
    user.clear_created_by();
  }
  user.clear_etag();
  if (user.agency_code().empty()) user.set_agency_code(caller.own_agency());
  OGI_RETURN_IF_ERROR(ValidateUser(user));
  if (!caller.MayRead(user.agency_code())) {
    return NoAgency("user.agency_code", user.agency_code());
  }
  if (user.name() == caller.user.name() &&
      (!HasRole(user, v1::ROLE_ADMINISTRATOR) || user.disabled())) {
    return absl::FailedPreconditionError(
        "user: 管理员不能取消自己的管理员角色或停用自己，须由另一位管理员操作");
  }
  if (!existing.ok()) {
    // Written once, by the first insert (the store keeps them).
    *user.mutable_created_at() = ToProtoTimestamp(clock_->Now());
    user.set_created_by(caller.user.name());
  }
  OGI_ASSIGN_OR_RETURN(v1::User stored, access_->PutUser(user));
  if (existing.ok() && on_revoked_) on_revoked_(stored.name(), "");
  StampEtag(&stored);
  return stored;
}

absl::StatusOr<v1::ListUsersResponse> AccessManager::ListUsers(
    const v1::ListUsersRequest& request, const Principal& caller) const {
  if (!request.agency_code().empty() &&
      !caller.MayRead(request.agency_code())) {
    return NoAgency("agency_code", request.agency_code());
  }
  // Paged by offset in the store's order, by login name (unique). A user
  // added between two pages with a name before the page's start moves the
  // later ones on by one: the next page repeats one user (AIP-158 allows it).
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListUsers"));
  OGI_ASSIGN_OR_RETURN(std::vector<v1::User> users, access_->ListUsers());
  v1::ListUsersResponse out;
  for (v1::User& user : users) {
    const bool wanted = request.agency_code().empty()
                            ? caller.MayRead(user.agency_code())
                            : user.agency_code() == request.agency_code();
    if (!wanted) continue;
    StampEtag(&user);
    *out.add_users() = std::move(user);
  }
  out.set_next_page_token(KeepPage(page, out.mutable_users()));
  return out;
}

absl::StatusOr<v1::IssueTokenResponse> AccessManager::IssueToken(
    const v1::IssueTokenRequest& request, const Principal& caller) {
  OGI_RETURN_IF_ERROR(ValidateIdentifier(request.user_name(), "user_name"));
  OGI_ASSIGN_OR_RETURN(v1::User user, UserInScope(request.user_name(), caller));
  if (user.disabled()) {
    return absl::FailedPreconditionError(
        absl::StrCat("user_name: ", user.name(), " 已停用，请先启用该用户"));
  }
  if (!request.note().empty()) {
    OGI_RETURN_IF_ERROR(
        ValidateText(request.note(), "note", kMaxNoteLength, false));
  }
  return Issue(user, request.valid_days(), request.note(), caller.user.name());
}

absl::StatusOr<v1::IssueTokenResponse> AccessManager::Issue(
    const v1::User& user, int valid_days, absl::string_view note,
    absl::string_view issued_by) {
  OGI_RETURN_IF_ERROR(ValidateValidDays(valid_days));
  if (valid_days == 0) valid_days = kDefaultTokenValidDays;
  const absl::Time now = clock_->Now();
  // A clash of 32-bit ids is possible, of 256-bit secrets not: draw again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    OGI_ASSIGN_OR_RETURN(std::string id, RandomHex(4));
    OGI_ASSIGN_OR_RETURN(std::string secret, RandomHex(32));
    NewToken token;
    token.info.set_id(absl::StrCat("tk-", id));
    token.info.set_user_name(user.name());
    *token.info.mutable_issued_at() = ToProtoTimestamp(now);
    *token.info.mutable_expires_at() =
        ToProtoTimestamp(now + absl::Hours(24) * valid_days);
    token.info.set_issued_by(std::string(issued_by));
    token.info.set_note(std::string(note));
    v1::IssueTokenResponse out;
    out.set_token(absl::StrCat(kTokenPrefix, secret));
    token.secret_hash = Sha256Hex(out.token());
    absl::Status added = access_->AddToken(token);
    if (absl::IsAlreadyExists(added)) continue;
    OGI_RETURN_IF_ERROR(added);
    *out.mutable_info() = std::move(token.info);
    return out;
  }
  return absl::UnavailableError("无法生成未使用的令牌编号");
}

absl::StatusOr<v1::TokenInfo> AccessManager::RevokeToken(
    const v1::RevokeTokenRequest& request, const Principal& caller) {
  if (request.token_id().empty()) {
    return absl::InvalidArgumentError("token_id: 必须填写");
  }
  OGI_ASSIGN_OR_RETURN(v1::TokenInfo token,
                       access_->GetToken(request.token_id()));
  if (!UserInScope(token.user_name(), caller).ok()) {
    // Another office's token: as if it did not exist.
    return absl::NotFoundError(
        absl::StrCat("token_id: 令牌 \"", request.token_id(), "\" 不存在"));
  }
  OGI_ASSIGN_OR_RETURN(v1::TokenInfo revoked,
                       access_->RevokeToken(request.token_id(),
                                            ToProtoTimestamp(clock_->Now())));
  if (on_revoked_) on_revoked_(revoked.user_name(), revoked.id());
  return revoked;
}

absl::StatusOr<v1::ListTokensResponse> AccessManager::ListTokens(
    const v1::ListTokensRequest& request, const Principal& caller) const {
  if (!request.user_name().empty()) {
    OGI_RETURN_IF_ERROR(UserInScope(request.user_name(), caller).status());
  }
  // Paged by offset in the store's order: newest first (issued_at, then
  // the later insert first). A token issued between two pages moves the
  // later ones on by one: the next page repeats one token (AIP-158 allows
  // it); tokens are never deleted, so none is skipped.
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListTokens"));
  OGI_ASSIGN_OR_RETURN(std::vector<v1::User> users, access_->ListUsers());
  std::set<std::string> in_scope;
  for (const v1::User& user : users) {
    if (caller.MayRead(user.agency_code())) in_scope.insert(user.name());
  }
  OGI_ASSIGN_OR_RETURN(std::vector<v1::TokenInfo> tokens,
                       access_->ListTokens(request.user_name()));
  v1::ListTokensResponse out;
  for (v1::TokenInfo& token : tokens) {
    if (in_scope.count(token.user_name()) > 0) {
      *out.add_tokens() = std::move(token);
    }
  }
  out.set_next_page_token(KeepPage(page, out.mutable_tokens()));
  return out;
}

absl::StatusOr<v1::Agency> AccessManager::PutAgency(
    const v1::PutAgencyRequest& request, const Principal& caller) {
  // Read, check the etag and write as one step (see PutUser).
  absl::MutexLock lock(&put_mu_);
  const std::string& code = request.agency().code();
  OGI_RETURN_IF_ERROR(ValidateIdentifier(code, "agency.code"));
  OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                       cases_->ListAgencies());
  auto existing =
      std::find_if(agencies.begin(), agencies.end(),
                   [&](const v1::Agency& a) { return a.code() == code; });
  const bool is_new = existing == agencies.end();
  if (!is_new && !caller.MayRead(code)) return NoAgency("agency.code", code);
  OGI_RETURN_IF_ERROR(CheckEtag(request.etag(), is_new ? nullptr : &*existing));
  v1::Agency agency;
  if (is_new) {
    // A new agency is created from `agency` whatever the mask.
    agency = request.agency();
  } else {
    agency = *existing;
    OGI_RETURN_IF_ERROR(ApplyUpdate(request.agency(), request.update_mask(),
                                    {"name", "supervisor_code"}, &agency));
  }
  agency.clear_etag();
  OGI_RETURN_IF_ERROR(
      ValidateText(agency.name(), "agency.name", kMaxNameLength, false));
  const bool supervisor_changes =
      is_new || existing->supervisor_code() != agency.supervisor_code();
  if (supervisor_changes && agency.supervisor_code().empty() && !is_new) {
    // Under none, the agency leaves every administrator's scope but its own
    // (and the caller's too): only the administrator of a top-level agency,
    // who answers to no supervising office, may set an agency apart so.
    auto own = std::find_if(
        agencies.begin(), agencies.end(),
        [&](const v1::Agency& a) { return a.code() == caller.own_agency(); });
    if (own == agencies.end() || !own->supervisor_code().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "agency.supervisor_code: 只有最上级机关的管理员才能清空上级机关；"
          "请改为 ",
          caller.own_agency(), " 或其下级机关"));
    }
  } else if (supervisor_changes) {
    if (agency.supervisor_code().empty() ||
        !caller.MayRead(agency.supervisor_code())) {
      return absl::InvalidArgumentError(
          absl::StrCat("agency.supervisor_code: 须为 ", caller.own_agency(),
                       " 或其下级机关（",
                       QuoteForMessage(agency.supervisor_code()), " 不是）"));
    }
    const std::vector<std::string> below = AgenciesUnder(agencies, code);
    if (std::find(below.begin(), below.end(), agency.supervisor_code()) !=
        below.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("agency.supervisor_code: ", agency.supervisor_code(),
                       " 是 ", code, " 本身或其下级机关；机关不能监督自己"));
    }
  }
  OGI_ASSIGN_OR_RETURN(v1::Agency stored, cases_->UpsertAgency(agency));
  StampEtag(&stored);
  return stored;
}

absl::StatusOr<v1::IssueTokenResponse> AccessManager::Bootstrap(
    v1::User user, int valid_days) {
  // Before anything is written: a refused bootstrap leaves no account.
  OGI_RETURN_IF_ERROR(ValidateValidDays(valid_days));
  if (!HasRole(user, v1::ROLE_ADMINISTRATOR)) {
    user.add_roles(v1::ROLE_ADMINISTRATOR);
  }
  absl::StatusOr<v1::User> existing = access_->GetUser(user.name());
  if (existing.ok()) {
    for (int role : existing->roles()) {
      const auto known = static_cast<v1::Role>(role);
      if (!HasRole(user, known)) user.add_roles(known);
    }
    if (user.display_name().empty()) {
      user.set_display_name(existing->display_name());
    }
  } else if (!absl::IsNotFound(existing.status())) {
    return existing.status();
  }
  if (user.display_name().empty()) user.set_display_name(user.name());
  user.set_disabled(false);
  OGI_RETURN_IF_ERROR(ValidateUser(user));
  OGI_RETURN_IF_ERROR(cases_->GetAgency(user.agency_code()).status());
  *user.mutable_created_at() = ToProtoTimestamp(clock_->Now());
  user.set_created_by("");
  OGI_ASSIGN_OR_RETURN(v1::User stored, access_->PutUser(user));
  return Issue(stored, valid_days, "ogi-server add-admin", "");
}

absl::Status AccessManager::RecordFullRead(const Principal& caller,
                                           absl::string_view agency_code,
                                           absl::string_view number,
                                           absl::string_view view) {
  v1::RecordRead read;
  *read.mutable_read_at() = ToProtoTimestamp(clock_->Now());
  read.set_actor(caller.actor());
  read.set_user_name(caller.user.name());
  read.set_view(std::string(view));
  return access_->RecordCaseRead(agency_code, number, read);
}

absl::StatusOr<v1::ListCaseReadsResponse> AccessManager::ListFullReads(
    const v1::ListCaseReadsRequest& request) const {
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListCaseReads"));
  // Only this page's rows, and one more that tells whether a page follows:
  // the log grows with every reading and is never loaded whole.
  OGI_ASSIGN_OR_RETURN(
      std::vector<v1::RecordRead> reads,
      access_->ListCaseReadsRange(request.agency_code(), request.number(),
                                  page.position(), page.size() + 1));
  v1::ListCaseReadsResponse out;
  PageBudget budget(page.size());
  size_t taken = 0;
  while (taken < reads.size() && budget.Admit(reads[taken].ByteSizeLong())) {
    *out.add_reads() = std::move(reads[taken]);
    ++taken;
  }
  if (taken < reads.size()) {
    out.set_next_page_token(
        page.NextToken(page.position() + static_cast<int64_t>(taken)));
  }
  return out;
}

}  // namespace ogi
