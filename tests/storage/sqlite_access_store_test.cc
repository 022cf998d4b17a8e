// AccessStore on SQLite (storage/sqlite_access_store.cc), and the agencies'
// supervising offices it relies on.

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::MakeEvent;
using ::ogi::testing::MakeStoredCase;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

google::protobuf::Timestamp At(int64_t seconds, int32_t nanos = 0) {
  google::protobuf::Timestamp t;
  t.set_seconds(seconds);
  t.set_nanos(nanos);
  return t;
}

v1::User MakeUser(const std::string& name, const std::string& agency,
                  std::vector<v1::Role> roles) {
  v1::User user;
  user.set_name(name);
  user.set_display_name(name + "科员");
  user.set_agency_code(agency);
  for (v1::Role role : roles) user.add_roles(role);
  *user.mutable_created_at() = At(1700000000, 123456000);
  user.set_created_by("admin");
  return user;
}

NewToken MakeToken(const std::string& id, const std::string& user,
                   const std::string& hash, int64_t issued_at) {
  NewToken token;
  token.info.set_id(id);
  token.info.set_user_name(user);
  *token.info.mutable_issued_at() = At(issued_at);
  *token.info.mutable_expires_at() = At(issued_at + 86400);
  token.info.set_issued_by("admin");
  token.info.set_note("办公电脑");
  token.secret_hash = hash;
  return token;
}

std::vector<std::string> TokenIds(const std::vector<v1::TokenInfo>& tokens) {
  std::vector<std::string> ids;
  for (const v1::TokenInfo& t : tokens) ids.push_back(t.id());
  return ids;
}

// Runs every test against both an in-memory and a file database: the two
// take different read paths (writer connection vs. reader pool).
class SqliteAccessStoreTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    auto store =
        ::ogi::testing::OpenTwoAgencyStore(GetParam() ? tmp_.path() : "");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  void PutUsers() {
    ASSERT_THAT(store_->PutUser(MakeUser("alice", "a", {v1::ROLE_CLERK})),
                IsOk());
    ASSERT_THAT(store_->PutUser(MakeUser("bob", "b", {v1::ROLE_AUDITOR})),
                IsOk());
  }

  ::ogi::testing::TempDir tmp_;  // the file database's; outlives store_
  std::unique_ptr<SqliteCaseStore> store_;
};

TEST_P(SqliteAccessStoreTest, UsersRoundTripWithTheirRolesInOrder) {
  const v1::User put =
      MakeUser("wang", "a", {v1::ROLE_APPROVER, v1::ROLE_CLERK});
  auto stored = store_->PutUser(put);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->SerializeAsString(), put.SerializeAsString());
  auto got = store_->GetUser("wang");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->SerializeAsString(), put.SerializeAsString());
  EXPECT_THAT(got->roles(), ElementsAre(v1::ROLE_APPROVER, v1::ROLE_CLERK));
  EXPECT_EQ(got->created_at().nanos(), 123456000);
  EXPECT_FALSE(got->disabled());
}

TEST_P(SqliteAccessStoreTest, UpdateReplacesAllButCreation) {
  ASSERT_THAT(store_->PutUser(MakeUser("wang", "a", {v1::ROLE_CLERK})), IsOk());
  v1::User update = MakeUser("wang", "b", {v1::ROLE_LEGAL, v1::ROLE_AUDITOR});
  update.set_display_name("王科长");
  update.set_disabled(true);
  *update.mutable_created_at() = At(1800000000);
  update.set_created_by("someone-else");
  auto stored = store_->PutUser(update);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->display_name(), "王科长");
  EXPECT_EQ(stored->agency_code(), "b");
  EXPECT_THAT(stored->roles(), ElementsAre(v1::ROLE_LEGAL, v1::ROLE_AUDITOR));
  EXPECT_TRUE(stored->disabled());
  EXPECT_EQ(stored->created_at().seconds(), 1700000000);
  EXPECT_EQ(stored->created_at().nanos(), 123456000);
  EXPECT_EQ(stored->created_by(), "admin");
  auto got = store_->GetUser("wang");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->SerializeAsString(), stored->SerializeAsString());
}

TEST_P(SqliteAccessStoreTest, UsersAreListedByName) {
  ASSERT_THAT(store_->PutUser(MakeUser("zhao", "b", {v1::ROLE_CLERK})), IsOk());
  ASSERT_THAT(store_->PutUser(MakeUser("li", "a", {v1::ROLE_ADMINISTRATOR})),
              IsOk());
  ASSERT_THAT(store_->PutUser(MakeUser("qian", "a", {v1::ROLE_STATISTICIAN})),
              IsOk());
  auto users = store_->ListUsers();
  ASSERT_THAT(users, IsOk());
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].name(), "li");
  EXPECT_EQ((*users)[1].name(), "qian");
  EXPECT_EQ((*users)[2].name(), "zhao");
  EXPECT_EQ((*users)[2].agency_code(), "b");
  EXPECT_THAT((*users)[1].roles(), ElementsAre(v1::ROLE_STATISTICIAN));
}

TEST_P(SqliteAccessStoreTest, UnknownUserOrAgencyIsNotFound) {
  EXPECT_THAT(store_->GetUser("nobody"),
              StatusIs(absl::StatusCode::kNotFound,
                       "user_name: 用户 \"nobody\" 不存在"));
  EXPECT_THAT(store_->PutUser(MakeUser("wang", "zzz", {v1::ROLE_CLERK})),
              StatusIs(absl::StatusCode::kNotFound,
                       "user.agency_code: 机关 \"zzz\" 不存在"));
  EXPECT_THAT(store_->GetUser("wang"), StatusIs(absl::StatusCode::kNotFound));
  auto users = store_->ListUsers();
  ASSERT_THAT(users, IsOk());
  EXPECT_THAT(*users, IsEmpty());
}

TEST_P(SqliteAccessStoreTest, RoleThatCannotBeStoredIsInvalid) {
  EXPECT_THAT(
      store_->PutUser(MakeUser("wang", "a", {v1::ROLE_UNSPECIFIED})),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user.roles")));
  v1::User odd = MakeUser("wang", "a", {v1::ROLE_CLERK});
  odd.add_roles(static_cast<v1::Role>(99));
  EXPECT_THAT(store_->PutUser(odd), StatusIs(absl::StatusCode::kInvalidArgument,
                                             HasSubstr("user.roles: 99")));
  EXPECT_THAT(store_->GetUser("wang"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(SqliteAccessStoreTest, TokensAreFoundByHashWithTheirUser) {
  PutUsers();
  const NewToken token = MakeToken("tk-1", "alice", "aa11", 1700000000);
  ASSERT_THAT(store_->AddToken(token), IsOk());
  auto grant = store_->FindToken("aa11");
  ASSERT_THAT(grant, IsOk());
  EXPECT_EQ(grant->token.SerializeAsString(), token.info.SerializeAsString());
  EXPECT_FALSE(grant->token.has_revoked_at());
  EXPECT_EQ(grant->user.name(), "alice");
  EXPECT_EQ(grant->user.agency_code(), "a");
  EXPECT_THAT(grant->user.roles(), ElementsAre(v1::ROLE_CLERK));
  EXPECT_THAT(store_->FindToken("ffff"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(SqliteAccessStoreTest, FindTokenReportsADisabledUserAsStored) {
  PutUsers();
  ASSERT_THAT(store_->AddToken(MakeToken("tk-1", "alice", "aa11", 1700000000)),
              IsOk());
  v1::User disabled = MakeUser("alice", "a", {v1::ROLE_CLERK});
  disabled.set_disabled(true);
  ASSERT_THAT(store_->PutUser(disabled), IsOk());
  auto grant = store_->FindToken("aa11");
  ASSERT_THAT(grant, IsOk());
  EXPECT_TRUE(grant->user.disabled());
}

TEST_P(SqliteAccessStoreTest, TakenIdOrHashAlreadyExistsAndUnknownUserIsNot) {
  PutUsers();
  ASSERT_THAT(store_->AddToken(MakeToken("tk-1", "alice", "aa11", 1700000000)),
              IsOk());
  EXPECT_THAT(store_->AddToken(MakeToken("tk-1", "bob", "bb22", 1700000001)),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("tk-1")));
  EXPECT_THAT(store_->AddToken(MakeToken("tk-2", "bob", "aa11", 1700000001)),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(store_->AddToken(MakeToken("tk-3", "carol", "cc33", 1700000001)),
              StatusIs(absl::StatusCode::kNotFound,
                       "user_name: 用户 \"carol\" 不存在"));
  // None of the refused tokens was stored.
  auto tokens = store_->ListTokens("");
  ASSERT_THAT(tokens, IsOk());
  EXPECT_THAT(TokenIds(*tokens), ElementsAre("tk-1"));
  EXPECT_THAT(store_->FindToken("bb22"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->FindToken("cc33"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(SqliteAccessStoreTest, TokensAreListedNewestFirstPerUserOrAll) {
  PutUsers();
  ASSERT_THAT(store_->AddToken(MakeToken("tk-old", "alice", "h1", 1000)),
              IsOk());
  ASSERT_THAT(store_->AddToken(MakeToken("tk-new", "alice", "h2", 3000)),
              IsOk());
  ASSERT_THAT(store_->AddToken(MakeToken("tk-bob", "bob", "h3", 2000)), IsOk());
  // Issued in the same microsecond as tk-new, but stored later.
  ASSERT_THAT(store_->AddToken(MakeToken("tk-same", "bob", "h4", 3000)),
              IsOk());
  auto all = store_->ListTokens("");
  ASSERT_THAT(all, IsOk());
  EXPECT_THAT(TokenIds(*all),
              ElementsAre("tk-same", "tk-new", "tk-bob", "tk-old"));
  auto alice = store_->ListTokens("alice");
  ASSERT_THAT(alice, IsOk());
  EXPECT_THAT(TokenIds(*alice), ElementsAre("tk-new", "tk-old"));
  EXPECT_EQ((*alice)[0].expires_at().seconds(), 3000 + 86400);
  EXPECT_EQ((*alice)[0].note(), "办公电脑");
  auto nobody = store_->ListTokens("nobody");
  ASSERT_THAT(nobody, IsOk());
  EXPECT_THAT(*nobody, IsEmpty());
}

TEST_P(SqliteAccessStoreTest, FirstRevocationStays) {
  PutUsers();
  ASSERT_THAT(store_->AddToken(MakeToken("tk-1", "alice", "aa11", 1000)),
              IsOk());
  ASSERT_THAT(store_->AddToken(MakeToken("tk-2", "alice", "bb22", 1000)),
              IsOk());
  auto revoked = store_->RevokeToken("tk-1", At(5000, 7000));
  ASSERT_THAT(revoked, IsOk());
  EXPECT_EQ(revoked->id(), "tk-1");
  EXPECT_EQ(revoked->revoked_at().seconds(), 5000);
  EXPECT_EQ(revoked->revoked_at().nanos(), 7000);
  auto again = store_->RevokeToken("tk-1", At(9000));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->revoked_at().seconds(), 5000);
  auto grant = store_->FindToken("aa11");
  ASSERT_THAT(grant, IsOk());
  EXPECT_EQ(grant->token.revoked_at().seconds(), 5000);
  // The other token is untouched.
  auto other = store_->FindToken("bb22");
  ASSERT_THAT(other, IsOk());
  EXPECT_FALSE(other->token.has_revoked_at());
  EXPECT_THAT(
      store_->RevokeToken("tk-9", At(9000)),
      StatusIs(absl::StatusCode::kNotFound, "token_id: 令牌 \"tk-9\" 不存在"));
}

TEST_P(SqliteAccessStoreTest, TokensAreFoundById) {
  PutUsers();
  ASSERT_THAT(store_->AddToken(MakeToken("tk-1", "alice", "aa11", 1000)),
              IsOk());
  auto token = store_->GetToken("tk-1");
  ASSERT_THAT(token, IsOk());
  EXPECT_EQ(token->user_name(), "alice");
  EXPECT_EQ(token->issued_at().seconds(), 1000);
  EXPECT_THAT(
      store_->GetToken("tk-9"),
      StatusIs(absl::StatusCode::kNotFound, "token_id: 令牌 \"tk-9\" 不存在"));
}

v1::RecordRead MakeRead(int64_t seconds, const std::string& user,
                        const std::string& view) {
  v1::RecordRead read;
  *read.mutable_read_at() = At(seconds);
  read.set_actor(user + "科员");
  read.set_user_name(user);
  read.set_view(view);
  return read;
}

TEST_P(SqliteAccessStoreTest, CaseReadsAreAppendedAndListedOldestFirst) {
  auto created = store_->CreateCase(
      MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
  ASSERT_THAT(created, IsOk());
  auto other = store_->CreateCase(
      MakeStoredCase("a", "李四", absl::CivilDay(2022, 3, 2)),
      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
  ASSERT_THAT(other, IsOk());
  const std::string number = created->number();
  ASSERT_THAT(
      store_->RecordCaseRead("a", number, MakeRead(2000, "bob", "case")),
      IsOk());
  ASSERT_THAT(
      store_->RecordCaseRead("a", number, MakeRead(1000, "alice", "history")),
      IsOk());
  ASSERT_THAT(
      store_->RecordCaseRead("a", number, MakeRead(2000, "carol", "case")),
      IsOk());
  ASSERT_THAT(store_->RecordCaseRead("a", other->number(),
                                     MakeRead(1500, "dave", "case")),
              IsOk());
  auto reads = store_->ListCaseReads("a", number);
  ASSERT_THAT(reads, IsOk());
  ASSERT_EQ(reads->size(), 3u);
  EXPECT_EQ((*reads)[0].SerializeAsString(),
            MakeRead(1000, "alice", "history").SerializeAsString());
  EXPECT_EQ((*reads)[1].user_name(), "bob");  // same second: stored order
  EXPECT_EQ((*reads)[2].user_name(), "carol");
  EXPECT_EQ((*reads)[2].actor(), "carol科员");
  EXPECT_EQ((*reads)[2].view(), "case");
}

TEST_P(SqliteAccessStoreTest, CaseReadsOfUnknownCaseAreNotFoundAsGetCase) {
  auto created = store_->CreateCase(
      MakeStoredCase("a", "张三", absl::CivilDay(2022, 3, 1)),
      MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "clerk"));
  ASSERT_THAT(created, IsOk());
  for (const auto& [agency, number] :
       std::vector<std::pair<std::string, std::string>>{
           {"a", "2022-0099"},
           {"b", created->number()},
           {"zzz", "2022-0001"}}) {
    SCOPED_TRACE(agency + " " + number);
    const absl::Status get = store_->GetCase(agency, number).status();
    ASSERT_THAT(get, StatusIs(absl::StatusCode::kNotFound));
    EXPECT_EQ(
        store_->RecordCaseRead(agency, number, MakeRead(1000, "bob", "case")),
        get);
    EXPECT_EQ(store_->ListCaseReads(agency, number).status(), get);
  }
  auto reads = store_->ListCaseReads("a", created->number());
  ASSERT_THAT(reads, IsOk());
  EXPECT_THAT(*reads, IsEmpty());
}

TEST_P(SqliteAccessStoreTest, AgenciesKeepTheirSupervisor) {
  v1::Agency county;
  county.set_code("c");
  county.set_name("丙县局");
  county.set_supervisor_code("a");
  auto stored = store_->UpsertAgency(county);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->supervisor_code(), "a");
  auto got = store_->GetAgency("c");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->supervisor_code(), "a");
  auto agencies = store_->ListAgencies();
  ASSERT_THAT(agencies, IsOk());
  ASSERT_EQ(agencies->size(), 3u);
  EXPECT_EQ((*agencies)[0].supervisor_code(), "");
  EXPECT_EQ((*agencies)[1].supervisor_code(), "");
  EXPECT_EQ((*agencies)[2].code(), "c");
  EXPECT_EQ((*agencies)[2].supervisor_code(), "a");
  // Moved under b, then under none.
  county.set_supervisor_code("b");
  ASSERT_THAT(store_->UpsertAgency(county), IsOk());
  EXPECT_EQ(store_->GetAgency("c")->supervisor_code(), "b");
  county.clear_supervisor_code();
  ASSERT_THAT(store_->UpsertAgency(county), IsOk());
  EXPECT_EQ(store_->GetAgency("c")->supervisor_code(), "");
}

TEST_P(SqliteAccessStoreTest, SupervisorMustBeAnotherKnownAgency) {
  v1::Agency agency;
  agency.set_code("b");
  agency.set_name("乙局改名");
  agency.set_supervisor_code("b");
  EXPECT_THAT(store_->UpsertAgency(agency),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "agency.supervisor_code: 机关不能监督自己"));
  agency.set_supervisor_code("zzz");
  EXPECT_THAT(store_->UpsertAgency(agency),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "agency.supervisor_code: 机关 \"zzz\" 不存在"));
  agency.set_code("new");
  EXPECT_THAT(store_->UpsertAgency(agency),
              StatusIs(absl::StatusCode::kInvalidArgument));
  // Neither refused write changed anything.
  auto b = store_->GetAgency("b");
  ASSERT_THAT(b, IsOk());
  EXPECT_EQ(b->name(), "乙局");
  EXPECT_EQ(b->supervisor_code(), "");
  EXPECT_THAT(store_->GetAgency("new"), StatusIs(absl::StatusCode::kNotFound));
}

INSTANTIATE_TEST_SUITE_P(InMemoryAndFile, SqliteAccessStoreTest,
                         ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "File" : "InMemory";
                         });

// The stored form of roles, which other tools (and later migrations) read.
TEST(SqliteAccessStoreFileTest, RolesAreStoredAsLowerCaseNamesInOrder) {
  const ::ogi::testing::TempDir tmp;
  const std::string path = tmp.path() + "/ogi.db";
  {
    auto store = ::ogi::testing::OpenStoreWithAgency("a", "甲局", path);
    ASSERT_THAT(store, IsOk());
    ASSERT_THAT((*store)->PutUser(MakeUser(
                    "wang", "a", {v1::ROLE_STATISTICIAN, v1::ROLE_CLERK})),
                IsOk());
  }
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  ASSERT_THAT(db, IsOk());
  auto stmt = (*db)->Prepare("SELECT roles, created_at FROM users");
  ASSERT_THAT(stmt, IsOk());
  auto row = stmt->Step();
  ASSERT_THAT(row, IsOk());
  ASSERT_TRUE(*row);
  EXPECT_EQ(stmt->ColumnText(0), "statistician,clerk");
  EXPECT_EQ(stmt->ColumnInt(1), int64_t{1700000000123456});
}

}  // namespace
}  // namespace ogi
