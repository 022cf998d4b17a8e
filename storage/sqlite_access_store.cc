// AccessStore on SQLite: SqliteCaseStore's user, token and read-log methods
// (same writer, same readers). Tables: schema migration 8 in
// storage/schema_migrations.cc.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "storage/sqlite_case_store.h"
#include "storage/sqlite_rows.h"

namespace ogi {
namespace {

google::protobuf::Timestamp TimestampFromMicros(int64_t micros) {
  return ToProtoTimestamp(absl::FromUnixMicros(micros));
}

// The roles column: "clerk,approver" (EnumIdentifier of each, in order).
// INVALID_ARGUMENT for a value the Role enum does not name, or
// ROLE_UNSPECIFIED, which could not be read back.
absl::StatusOr<std::string> RolesColumn(const v1::User& user) {
  std::vector<std::string> names;
  for (int role : user.roles()) {
    std::string name = EnumIdentifier(v1::Role_descriptor(), role);
    if (name.empty() || role == v1::ROLE_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          absl::StrCat("user.roles: ", role, " 不是角色"));
    }
    names.push_back(std::move(name));
  }
  return absl::StrJoin(names, ",");
}

// The columns ReadUser reads, in order.
constexpr char kUserColumns[] =
    "u.name, u.display_name, a.code, u.roles, u.disabled, u.created_at, "
    "u.created_by";
constexpr char kUsersFrom[] =
    " FROM users u JOIN agencies a ON a.id = u.agency_id";

// Reads a row of kUserColumns. DATA_LOSS for a role name that is not one.
absl::StatusOr<v1::User> ReadUser(const Statement& stmt) {
  v1::User user;
  user.set_name(stmt.ColumnText(0));
  user.set_display_name(stmt.ColumnText(1));
  user.set_agency_code(stmt.ColumnText(2));
  for (absl::string_view name :
       absl::StrSplit(stmt.ColumnText(3), ',', absl::SkipEmpty())) {
    absl::StatusOr<int> role =
        ParseEnumIdentifier(v1::Role_descriptor(), name, "roles");
    if (!role.ok()) {
      return absl::DataLossError(absl::StrCat(
          "用户 ", user.name(), "：存储的角色 \"", name, "\" 不是角色"));
    }
    user.add_roles(static_cast<v1::Role>(*role));
  }
  user.set_disabled(stmt.ColumnInt(4) != 0);
  *user.mutable_created_at() = TimestampFromMicros(stmt.ColumnInt(5));
  user.set_created_by(stmt.ColumnText(6));
  return user;
}

// The user `name`; NOT_FOUND "user_name: no user ..." when there is none.
absl::StatusOr<v1::User> FindUser(Database& db, absl::string_view name) {
  OGI_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(absl::StrCat(
                                           "SELECT ", kUserColumns, kUsersFrom,
                                           " WHERE u.name = ?")));
  stmt.BindText(1, name);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return absl::NotFoundError(
        absl::StrCat("user_name: 用户 \"", name, "\" 不存在"));
  }
  return ReadUser(stmt);
}

// The columns ReadToken reads, in order.
constexpr char kTokenColumns[] =
    "id, user_name, issued_at, expires_at, revoked_at, issued_by, note";

v1::TokenInfo ReadToken(const Statement& stmt) {
  v1::TokenInfo token;
  token.set_id(stmt.ColumnText(0));
  token.set_user_name(stmt.ColumnText(1));
  *token.mutable_issued_at() = TimestampFromMicros(stmt.ColumnInt(2));
  *token.mutable_expires_at() = TimestampFromMicros(stmt.ColumnInt(3));
  if (!stmt.ColumnIsNull(4)) {
    *token.mutable_revoked_at() = TimestampFromMicros(stmt.ColumnInt(4));
  }
  token.set_issued_by(stmt.ColumnText(5));
  token.set_note(stmt.ColumnText(6));
  return token;
}

// The token with id `id`; NOT_FOUND "token_id: no token ..." when there is
// none.
absl::StatusOr<v1::TokenInfo> FindTokenById(Database& db,
                                            absl::string_view id) {
  OGI_ASSIGN_OR_RETURN(Statement stmt,
                       db.Prepare(absl::StrCat("SELECT ", kTokenColumns,
                                               " FROM tokens WHERE id = ?")));
  stmt.BindText(1, id);
  OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return absl::NotFoundError(
        absl::StrCat("token_id: 令牌 \"", id, "\" 不存在"));
  }
  return ReadToken(stmt);
}

// Whether `sql`, with ?1 bound to `value`, returns a row.
absl::StatusOr<bool> Exists(Database& db, const std::string& sql,
                            absl::string_view value) {
  OGI_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
  stmt.BindText(1, value);
  return stmt.Step();
}

}  // namespace

absl::StatusOr<v1::User> SqliteCaseStore::PutUser(const v1::User& user) {
  OGI_ASSIGN_OR_RETURN(const std::string roles, RolesColumn(user));
  v1::User stored;
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    absl::StatusOr<int64_t> agency_id = AgencyId(db, user.agency_code());
    if (absl::IsNotFound(agency_id.status())) {
      return absl::NotFoundError(absl::StrCat("user.agency_code: 机关 \"",
                                              user.agency_code(), "\" 不存在"));
    }
    OGI_RETURN_IF_ERROR(agency_id.status());
    // created_at and created_by are written once, by the first insert.
    OGI_ASSIGN_OR_RETURN(
        Statement put,
        db.Prepare("INSERT INTO users (name, display_name, agency_id, roles, "
                   "disabled, created_at, created_by) VALUES (?, ?, ?, ?, ?, "
                   "?, ?) ON CONFLICT (name) DO UPDATE SET display_name = "
                   "excluded.display_name, agency_id = excluded.agency_id, "
                   "roles = excluded.roles, disabled = excluded.disabled"));
    put.BindText(1, user.name());
    put.BindText(2, user.display_name());
    put.BindInt(3, *agency_id);
    put.BindText(4, roles);
    put.BindInt(5, user.disabled());
    put.BindInt(6, ToUnixMicros(user.created_at()));
    put.BindText(7, user.created_by());
    OGI_RETURN_IF_ERROR(put.Run());
    OGI_ASSIGN_OR_RETURN(stored, FindUser(db, user.name()));
    return absl::OkStatus();
  }));
  return stored;
}

absl::StatusOr<v1::User> SqliteCaseStore::GetUser(absl::string_view name) {
  v1::User user;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(user, FindUser(db, name));
    return absl::OkStatus();
  }));
  return user;
}

absl::StatusOr<std::vector<v1::User>> SqliteCaseStore::ListUsers() {
  std::vector<v1::User> users;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    users.clear();
    OGI_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(absl::StrCat(
                                             "SELECT ", kUserColumns,
                                             kUsersFrom, " ORDER BY u.name")));
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return absl::OkStatus();
      OGI_ASSIGN_OR_RETURN(v1::User user, ReadUser(stmt));
      users.push_back(std::move(user));
    }
  }));
  return users;
}

absl::Status SqliteCaseStore::AddToken(const NewToken& token) {
  const v1::TokenInfo& info = token.info;
  return writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        bool user_known,
        Exists(db, "SELECT 1 FROM users WHERE name = ?", info.user_name()));
    if (!user_known) {
      return absl::NotFoundError(
          absl::StrCat("user_name: 用户 \"", info.user_name(), "\" 不存在"));
    }
    // Checked rather than left to the constraints, whose error (ABORTED)
    // does not say which was taken.
    OGI_ASSIGN_OR_RETURN(
        bool id_taken,
        Exists(db, "SELECT 1 FROM tokens WHERE id = ?", info.id()));
    if (id_taken) {
      return absl::AlreadyExistsError(
          absl::StrCat("token.id: \"", info.id(), "\" 已被占用"));
    }
    OGI_ASSIGN_OR_RETURN(
        bool hash_taken,
        Exists(db, "SELECT 1 FROM tokens WHERE secret_hash = ?",
               token.secret_hash));
    if (hash_taken) {
      return absl::AlreadyExistsError("token: 已有另一令牌的密钥哈希与之相同");
    }
    OGI_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare("INSERT INTO tokens (id, user_name, secret_hash, issued_at, "
                   "expires_at, revoked_at, issued_by, note) VALUES (?, ?, ?, "
                   "?, ?, ?, ?, ?)"));
    insert.BindText(1, info.id());
    insert.BindText(2, info.user_name());
    insert.BindText(3, token.secret_hash);
    insert.BindInt(4, ToUnixMicros(info.issued_at()));
    insert.BindInt(5, ToUnixMicros(info.expires_at()));
    if (info.has_revoked_at()) {
      insert.BindInt(6, ToUnixMicros(info.revoked_at()));
    } else {
      insert.BindNull(6);
    }
    insert.BindText(7, info.issued_by());
    insert.BindText(8, info.note());
    return insert.Run();
  });
}

absl::StatusOr<TokenGrant> SqliteCaseStore::FindToken(
    absl::string_view secret_hash) {
  TokenGrant grant;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare(absl::StrCat("SELECT ", kTokenColumns,
                                " FROM tokens WHERE secret_hash = ?")));
    stmt.BindText(1, secret_hash);
    OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
    // The hash is not echoed: it names nothing a person could check.
    if (!row) return absl::NotFoundError("token: 没有与该密钥对应的令牌");
    grant.token = ReadToken(stmt);
    OGI_ASSIGN_OR_RETURN(grant.user, FindUser(db, grant.token.user_name()));
    return absl::OkStatus();
  }));
  return grant;
}

absl::StatusOr<v1::TokenInfo> SqliteCaseStore::GetToken(
    absl::string_view token_id) {
  v1::TokenInfo token;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(token, FindTokenById(db, token_id));
    return absl::OkStatus();
  }));
  return token;
}

absl::StatusOr<v1::TokenInfo> SqliteCaseStore::RevokeToken(
    absl::string_view token_id, const google::protobuf::Timestamp& at) {
  v1::TokenInfo token;
  OGI_RETURN_IF_ERROR(writer_->Run([&](Database& db) -> absl::Status {
    OGI_RETURN_IF_ERROR(FindTokenById(db, token_id).status());
    OGI_ASSIGN_OR_RETURN(
        Statement revoke,
        db.Prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND "
                   "revoked_at IS NULL"));
    revoke.BindInt(1, ToUnixMicros(at));
    revoke.BindText(2, token_id);
    OGI_RETURN_IF_ERROR(revoke.Run());
    OGI_ASSIGN_OR_RETURN(token, FindTokenById(db, token_id));
    return absl::OkStatus();
  }));
  return token;
}

absl::StatusOr<std::vector<v1::TokenInfo>> SqliteCaseStore::ListTokens(
    absl::string_view user_name) {
  // Ties in issued_at fall to the later insert.
  const std::string sql =
      absl::StrCat("SELECT ", kTokenColumns, " FROM tokens",
                   user_name.empty() ? "" : " WHERE user_name = ?",
                   " ORDER BY issued_at DESC, rowid DESC");
  std::vector<v1::TokenInfo> tokens;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    tokens.clear();
    OGI_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
    if (!user_name.empty()) stmt.BindText(1, user_name);
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return absl::OkStatus();
      tokens.push_back(ReadToken(stmt));
    }
  }));
  return tokens;
}

absl::Status SqliteCaseStore::RecordCaseRead(absl::string_view agency_code,
                                             absl::string_view number,
                                             const v1::RecordRead& read) {
  return writer_->Run([&](Database& db) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(int64_t case_id, CaseId(db, agency_code, number));
    OGI_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare("INSERT INTO case_reads (case_id, read_at, actor, "
                   "user_name, view) VALUES (?, ?, ?, ?, ?)"));
    insert.BindInt(1, case_id);
    insert.BindInt(2, ToUnixMicros(read.read_at()));
    insert.BindText(3, read.actor());
    insert.BindText(4, read.user_name());
    insert.BindText(5, read.view());
    return insert.Run();
  });
}

absl::StatusOr<std::vector<v1::RecordRead>> SqliteCaseStore::ListCaseReads(
    absl::string_view agency_code, absl::string_view number) {
  // SQLite reads a negative LIMIT as no limit.
  return ListCaseReadsRange(agency_code, number, 0, -1);
}

absl::StatusOr<std::vector<v1::RecordRead>> SqliteCaseStore::ListCaseReadsRange(
    absl::string_view agency_code, absl::string_view number, int64_t offset,
    int64_t limit) {
  std::vector<v1::RecordRead> reads;
  OGI_RETURN_IF_ERROR(Read([&](Database& db) -> absl::Status {
    reads.clear();
    OGI_ASSIGN_OR_RETURN(int64_t case_id, CaseId(db, agency_code, number));
    // Ties in read_at fall to the earlier insert. The index on (case_id,
    // read_at) serves the order; OFFSET steps over index entries without
    // reading the skipped rows into memory.
    OGI_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT read_at, actor, user_name, view FROM case_reads "
                   "WHERE case_id = ? ORDER BY read_at, rowid LIMIT ? "
                   "OFFSET ?"));
    stmt.BindInt(1, case_id);
    stmt.BindInt(2, limit);
    stmt.BindInt(3, offset);
    while (true) {
      OGI_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return absl::OkStatus();
      v1::RecordRead& read = reads.emplace_back();
      *read.mutable_read_at() = TimestampFromMicros(stmt.ColumnInt(0));
      read.set_actor(stmt.ColumnText(1));
      read.set_user_name(stmt.ColumnText(2));
      read.set_view(stmt.ColumnText(3));
    }
  }));
  return reads;
}

}  // namespace ogi
