// Accounts and tokens: who a token stands for and when it stops standing for
// anyone; administrators confined to their agency and those under it.

#include "services/access/access_manager.h"

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/clock.h"
#include "services/common/sha256.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class AccessManagerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("city", "聊城市人民政府");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->UpsertAgency(Agency("county", "city")), IsOk());
    ASSERT_THAT(store_->UpsertAgency(Agency("province", "")), IsOk());
    manager_ =
        std::make_unique<AccessManager>(store_.get(), store_.get(), &clock_);
    v1::User admin = User("admin", "city", {});
    auto issued = manager_->Bootstrap(admin, 30);
    ASSERT_THAT(issued, IsOk());
    admin_token_ = issued->token();
    auto principal = manager_->Authenticate(admin_token_);
    ASSERT_THAT(principal, IsOk());
    admin_ = *principal;
  }

  static v1::Agency Agency(std::string code, std::string supervisor) {
    v1::Agency a;
    a.set_code(std::move(code));
    a.set_name("某机关");
    a.set_supervisor_code(std::move(supervisor));
    return a;
  }

  static v1::User User(std::string name, std::string agency,
                       std::vector<v1::Role> roles) {
    v1::User u;
    u.set_name(name);
    u.set_display_name("用户" + name);
    u.set_agency_code(std::move(agency));
    for (v1::Role r : roles) u.add_roles(r);
    return u;
  }

  absl::StatusOr<v1::User> Put(const v1::User& user) {
    v1::PutUserRequest request;
    *request.mutable_user() = user;
    return manager_->PutUser(request, admin_);
  }

  absl::StatusOr<std::string> Issue(const std::string& user, int days) {
    v1::IssueTokenRequest request;
    request.set_user_name(user);
    request.set_valid_days(days);
    auto issued = manager_->IssueToken(request, admin_);
    if (!issued.ok()) return issued.status();
    return issued->token();
  }

  ManualClock clock_{
      absl::FromCivil(absl::CivilSecond(2026, 3, 2, 9, 0, 0), ChinaTimeZone())};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<AccessManager> manager_;
  std::string admin_token_;
  Principal admin_;
};

TEST_F(AccessManagerTest,
       TheBootstrapAdministratorReadsItsAgencyAndThoseBelow) {
  EXPECT_EQ(admin_.user.name(), "admin");
  EXPECT_TRUE(admin_.Has(v1::ROLE_ADMINISTRATOR));
  EXPECT_THAT(admin_.readable_agencies, ElementsAre("city", "county"));
  EXPECT_EQ(admin_.token.issued_by(), "");
  // The secret is not stored; only its digest finds the token.
  EXPECT_THAT(admin_token_, ::testing::StartsWith("ogi_"));
  EXPECT_EQ(admin_token_.size(), 4u + 64u);
  auto by_hash = store_->FindToken(Sha256Hex(admin_token_));
  ASSERT_THAT(by_hash, IsOk());
  EXPECT_EQ(by_hash->user.name(), "admin");
}

TEST_F(AccessManagerTest, IssuedTokensAuthenticateTheirUser) {
  ASSERT_THAT(Put(User("wang", "county", {v1::ROLE_CLERK})), IsOk());
  auto token = Issue("wang", 10);
  ASSERT_THAT(token, IsOk());
  auto wang = manager_->Authenticate(*token);
  ASSERT_THAT(wang, IsOk());
  EXPECT_EQ(wang->actor(), "用户wang");
  EXPECT_EQ(wang->own_agency(), "county");
  EXPECT_THAT(wang->readable_agencies, ElementsAre("county"));
  EXPECT_EQ(wang->token.issued_by(), "admin");
}

TEST_F(AccessManagerTest, MissingUnknownExpiredRevokedAndDisabledAreRefused) {
  EXPECT_THAT(manager_->Authenticate(""),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       HasSubstr("authorization: 缺少访问令牌")));
  EXPECT_THAT(manager_->Authenticate("ogi_" + std::string(64, '0')),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       "authorization: 未知的令牌"));
  EXPECT_THAT(manager_->Authenticate("Basic abc"),
              StatusIs(absl::StatusCode::kUnauthenticated));

  ASSERT_THAT(Put(User("wang", "city", {v1::ROLE_CLERK})), IsOk());
  auto token = Issue("wang", 1);
  ASSERT_THAT(token, IsOk());
  clock_.Advance(absl::Hours(24) - absl::Seconds(1));
  EXPECT_THAT(manager_->Authenticate(*token), IsOk());
  clock_.Advance(absl::Seconds(1));
  EXPECT_THAT(manager_->Authenticate(*token),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       HasSubstr("已于 2026-03-03 09:00 过期")));

  auto second = Issue("wang", 0);  // 90 days
  ASSERT_THAT(second, IsOk());
  auto principal = manager_->Authenticate(*second);
  ASSERT_THAT(principal, IsOk());
  EXPECT_EQ(absl::FromUnixSeconds(principal->token.expires_at().seconds()) -
                absl::FromUnixSeconds(principal->token.issued_at().seconds()),
            absl::Hours(24 * 90));
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(principal->token.id());
  ASSERT_THAT(manager_->RevokeToken(revoke, admin_), IsOk());
  EXPECT_THAT(manager_->Authenticate(*second),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       ::testing::AllOf(HasSubstr("已于 2026-03-03"),
                                        HasSubstr("吊销"))));

  auto third = Issue("wang", 5);
  ASSERT_THAT(third, IsOk());
  v1::User disabled = User("wang", "city", {v1::ROLE_CLERK});
  disabled.set_disabled(true);
  ASSERT_THAT(Put(disabled), IsOk());
  EXPECT_THAT(manager_->Authenticate(*third),
              StatusIs(absl::StatusCode::kUnauthenticated,
                       "authorization: 用户 wang 已停用"));
  EXPECT_THAT(Issue("wang", 5), StatusIs(absl::StatusCode::kFailedPrecondition,
                                         HasSubstr("已停用")));
}

TEST_F(AccessManagerTest, ARefusedBootstrapLeavesNoAccount) {
  EXPECT_THAT(
      manager_->Bootstrap(User("second", "city", {}), 367),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("valid_days")));
  EXPECT_THAT(store_->GetUser("second"), StatusIs(absl::StatusCode::kNotFound));
  v1::User nameless = User("third", "city", {});
  nameless.set_name("Third User");
  EXPECT_THAT(
      manager_->Bootstrap(nameless, 5),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user.name")));
  auto users = store_->ListUsers();
  ASSERT_THAT(users, IsOk());
  EXPECT_EQ(users->size(), 1u);  // the administrator of SetUp
}

TEST_F(AccessManagerTest, UsersAreValidated) {
  EXPECT_THAT(
      Put(User("Wang Li", "city", {v1::ROLE_CLERK})),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user.name:")));
  EXPECT_THAT(Put(User("wang", "city", {})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "user.roles: 至少须有一个角色"));
  EXPECT_THAT(Put(User("wang", "city", {v1::ROLE_CLERK, v1::ROLE_CLERK})),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "user.roles: clerk 重复出现"));
  v1::User nameless = User("wang", "city", {v1::ROLE_CLERK});
  nameless.set_display_name("");
  EXPECT_THAT(Put(nameless), StatusIs(absl::StatusCode::kInvalidArgument,
                                      HasSubstr("user.display_name")));
  EXPECT_THAT(Issue("nobody", 5), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Issue("admin", 367), StatusIs(absl::StatusCode::kInvalidArgument,
                                            HasSubstr("valid_days")));
}

TEST_F(AccessManagerTest, AdministratorsStayWithinTheirScope) {
  // Not in scope: reads as unknown.
  EXPECT_THAT(Put(User("li", "province", {v1::ROLE_CLERK})),
              StatusIs(absl::StatusCode::kNotFound,
                       "user.agency_code: 机关 \"province\" 不存在"));
  // Another office's account and token are invisible.
  v1::User outsider = User("li", "province", {v1::ROLE_ADMINISTRATOR});
  ASSERT_THAT(store_->PutUser(outsider), IsOk());
  EXPECT_THAT(Issue("li", 5), StatusIs(absl::StatusCode::kNotFound));
  NewToken theirs;
  theirs.info.set_id("tk-other");
  theirs.info.set_user_name("li");
  theirs.secret_hash = std::string(64, 'f');
  ASSERT_THAT(store_->AddToken(theirs), IsOk());
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id("tk-other");
  EXPECT_THAT(manager_->RevokeToken(revoke, admin_),
              StatusIs(absl::StatusCode::kNotFound,
                       "token_id: 令牌 \"tk-other\" 不存在"));
  revoke.set_token_id("tk-none");
  EXPECT_THAT(manager_->RevokeToken(revoke, admin_),
              StatusIs(absl::StatusCode::kNotFound,
                       "token_id: 令牌 \"tk-none\" 不存在"));
  auto still = store_->GetToken("tk-other");
  ASSERT_THAT(still, IsOk());
  EXPECT_FALSE(still->has_revoked_at());
  EXPECT_THAT(Put(User("li", "city", {v1::ROLE_CLERK})),
              StatusIs(absl::StatusCode::kNotFound));
  v1::ListUsersRequest all;
  auto users = manager_->ListUsers(all, admin_);
  ASSERT_THAT(users, IsOk());
  ASSERT_EQ(users->users_size(), 1);
  EXPECT_EQ(users->users(0).name(), "admin");
  // No administrator locks itself out.
  EXPECT_THAT(Put(User("admin", "city", {v1::ROLE_CLERK})),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(AccessManagerTest, AgenciesGoUnderTheAdministratorsScopeWithoutCycles) {
  v1::PutAgencyRequest town;
  *town.mutable_agency() = Agency("town", "county");
  ASSERT_THAT(manager_->PutAgency(town, admin_), IsOk());
  auto refreshed = manager_->Authenticate(admin_token_);
  ASSERT_THAT(refreshed, IsOk());
  EXPECT_THAT(refreshed->readable_agencies,
              ElementsAre("city", "county", "town"));

  v1::PutAgencyRequest request;
  *request.mutable_agency() = Agency("village", "");
  EXPECT_THAT(manager_->PutAgency(request, *refreshed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("agency.supervisor_code")));
  *request.mutable_agency() = Agency("village", "province");
  EXPECT_THAT(manager_->PutAgency(request, *refreshed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("agency.supervisor_code")));
  *request.mutable_agency() = Agency("county", "town");
  EXPECT_THAT(manager_->PutAgency(request, *refreshed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("机关不能监督自己")));
  *request.mutable_agency() = Agency("province", "city");
  EXPECT_THAT(manager_->PutAgency(request, *refreshed),
              StatusIs(absl::StatusCode::kNotFound));
  // Renaming its own agency keeps the supervisor it has.
  *request.mutable_agency() = Agency("city", "");
  request.mutable_agency()->set_name("聊城市人民政府办公室");
  EXPECT_THAT(manager_->PutAgency(request, *refreshed), IsOk());
}

TEST_F(AccessManagerTest, FullReadsAreKeptInOrder) {
  auto c = store_->CreateCase(
      ::ogi::testing::MakeStoredCase("city", "张三",
                                     absl::CivilDay(2026, 3, 2)),
      ::ogi::testing::MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "王科员"));
  ASSERT_THAT(c, IsOk());
  ASSERT_EQ(c->number(), "2026-0001");
  ASSERT_THAT(manager_->RecordFullRead(admin_, "city", "2026-0001", "case"),
              IsOk());
  clock_.Advance(absl::Minutes(5));
  ASSERT_THAT(manager_->RecordFullRead(admin_, "city", "2026-0001", "history"),
              IsOk());
  auto reads = manager_->ListFullReads("city", "2026-0001");
  ASSERT_THAT(reads, IsOk());
  ASSERT_EQ(reads->size(), 2u);
  EXPECT_EQ((*reads)[0].view(), "case");
  EXPECT_EQ((*reads)[1].view(), "history");
  EXPECT_EQ((*reads)[1].user_name(), "admin");
  EXPECT_THAT(manager_->RecordFullRead(admin_, "city", "2026-0999", "case"),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace ogi
