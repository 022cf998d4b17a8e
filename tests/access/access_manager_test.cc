// Accounts and tokens: who a token stands for and when it stops standing for
// anyone; administrators confined to their agency and those under it.

#include "services/access/access_manager.h"

#include "absl/strings/str_cat.h"
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
  v1::ListCaseReadsRequest request;
  request.set_agency_code("city");
  request.set_number("2026-0001");
  auto reads = manager_->ListFullReads(request);
  ASSERT_THAT(reads, IsOk());
  ASSERT_EQ(reads->reads_size(), 2);
  EXPECT_EQ(reads->reads(0).view(), "case");
  EXPECT_EQ(reads->reads(1).view(), "history");
  EXPECT_EQ(reads->reads(1).user_name(), "admin");
  EXPECT_EQ(reads->next_page_token(), "");
  EXPECT_THAT(manager_->RecordFullRead(admin_, "city", "2026-0999", "case"),
              StatusIs(absl::StatusCode::kNotFound));
  request.set_number("2026-0999");
  EXPECT_THAT(manager_->ListFullReads(request),
              StatusIs(absl::StatusCode::kNotFound));
}

// The log is read a page at a time from the store: every read exactly once,
// oldest first, whatever is recorded between the pages.
TEST_F(AccessManagerTest, FullReadsComeInPages) {
  auto c = store_->CreateCase(
      ::ogi::testing::MakeStoredCase("city", "张三",
                                     absl::CivilDay(2026, 3, 2)),
      ::ogi::testing::MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "王科员"));
  ASSERT_THAT(c, IsOk());
  for (int i = 0; i < 25; ++i) {
    clock_.Advance(absl::Seconds(1));
    ASSERT_THAT(manager_->RecordFullRead(admin_, "city", c->number(),
                                         absl::StrCat("v", i)),
                IsOk());
  }
  v1::ListCaseReadsRequest request;
  request.set_agency_code("city");
  request.set_number(c->number());
  request.set_page_size(10);
  std::vector<std::string> views;
  int pages = 0;
  do {
    auto page = manager_->ListFullReads(request);
    ASSERT_THAT(page, IsOk());
    ++pages;
    for (const v1::RecordRead& read : page->reads()) {
      views.push_back(read.view());
    }
    if (pages == 1) {
      // Recorded after the first page: it comes last, nothing shifts.
      clock_.Advance(absl::Seconds(1));
      ASSERT_THAT(manager_->RecordFullRead(admin_, "city", c->number(), "v25"),
                  IsOk());
    }
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(views.size(), 26u);
  for (int i = 0; i < 26; ++i) EXPECT_EQ(views[i], absl::StrCat("v", i));

  request.set_page_token("");
  request.set_page_size(-1);
  EXPECT_THAT(
      manager_->ListFullReads(request),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
}

// PutUser changes only what the request changes: a user left without
// `disabled` stays disabled; a mask clears or resets exactly its paths.
TEST_F(AccessManagerTest, PutUserChangesOnlyWhatTheRequestChanges) {
  v1::User wang = User("wang", "county", {v1::ROLE_CLERK});
  wang.set_disabled(true);
  ASSERT_THAT(Put(wang), IsOk());

  v1::User rename;
  rename.set_name("wang");
  rename.set_display_name("王科长");
  auto renamed = Put(rename);
  ASSERT_THAT(renamed, IsOk());
  EXPECT_EQ(renamed->display_name(), "王科长");
  EXPECT_TRUE(renamed->disabled());  // not re-enabled by omission
  EXPECT_EQ(renamed->agency_code(), "county");
  EXPECT_THAT(renamed->roles(), ElementsAre(v1::ROLE_CLERK));
  EXPECT_EQ(renamed->created_by(), "admin");

  v1::PutUserRequest enable;
  enable.mutable_user()->set_name("wang");
  enable.mutable_update_mask()->add_paths("disabled");
  auto enabled = manager_->PutUser(enable, admin_);
  ASSERT_THAT(enabled, IsOk());
  EXPECT_FALSE(enabled->disabled());
  EXPECT_EQ(enabled->display_name(), "王科长");

  // Clearing the roles is refused by the rule that a user has one.
  v1::PutUserRequest strip = enable;
  strip.mutable_update_mask()->set_paths(0, "roles");
  EXPECT_THAT(manager_->PutUser(strip, admin_),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "user.roles: 至少须有一个角色"));
  strip.mutable_update_mask()->set_paths(0, "created_by");
  EXPECT_THAT(manager_->PutUser(strip, admin_),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("update_mask: 未知字段 \"created_by\"")));
}

TEST_F(AccessManagerTest, PutUserWithAStaleEtagIsAbortedAndChangesNothing) {
  auto created = Put(User("li", "city", {v1::ROLE_CLERK}));
  ASSERT_THAT(created, IsOk());
  ASSERT_EQ(created->etag().size(), 32u);
  const std::string read_etag = created->etag();

  // Another administrator changes the user meanwhile.
  v1::PutUserRequest first;
  first.mutable_user()->set_name("li");
  first.mutable_user()->set_display_name("李科员");
  first.set_etag(read_etag);
  auto changed = manager_->PutUser(first, admin_);
  ASSERT_THAT(changed, IsOk());
  EXPECT_NE(changed->etag(), read_etag);

  v1::PutUserRequest second;
  second.mutable_user()->set_name("li");
  second.mutable_user()->add_roles(v1::ROLE_AUDITOR);
  second.set_etag(read_etag);
  EXPECT_THAT(manager_->PutUser(second, admin_),
              StatusIs(absl::StatusCode::kAborted,
                       "etag: 记录已被他人修改，请重新读取后再改"));
  auto listed = manager_->ListUsers(v1::ListUsersRequest(), admin_);
  ASSERT_THAT(listed, IsOk());
  bool found = false;
  for (const v1::User& user : listed->users()) {
    if (user.name() != "li") continue;
    found = true;
    EXPECT_THAT(user.roles(), ElementsAre(v1::ROLE_CLERK));
    EXPECT_EQ(user.etag(), changed->etag());  // lists carry the same etag
  }
  EXPECT_TRUE(found);
  second.set_etag(changed->etag());
  EXPECT_THAT(manager_->PutUser(second, admin_), IsOk());
}

TEST_F(AccessManagerTest, PutAgencyUpdatesPartlyChecksTheEtagAndClears) {
  v1::PutAgencyRequest town;
  *town.mutable_agency() = Agency("town", "county");
  auto created = manager_->PutAgency(town, admin_);
  ASSERT_THAT(created, IsOk());
  ASSERT_FALSE(created->etag().empty());
  // The administrator's scope as of now (town is new).
  auto refreshed = manager_->Authenticate(admin_token_);
  ASSERT_THAT(refreshed, IsOk());
  admin_ = *refreshed;

  v1::PutAgencyRequest rename;
  rename.mutable_agency()->set_code("town");
  rename.mutable_agency()->set_name("某镇人民政府");
  rename.set_etag(created->etag());
  auto renamed = manager_->PutAgency(rename, admin_);
  ASSERT_THAT(renamed, IsOk());
  EXPECT_EQ(renamed->supervisor_code(), "county");  // kept
  EXPECT_THAT(manager_->PutAgency(rename, admin_),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("etag: ")));

  // Leaving an agency under none: the top-level administrator (city has no
  // supervisor) may; nothing else changes.
  v1::PutAgencyRequest clear;
  clear.mutable_agency()->set_code("town");
  clear.mutable_update_mask()->add_paths("supervisor_code");
  auto cleared = manager_->PutAgency(clear, admin_);
  ASSERT_THAT(cleared, IsOk());
  EXPECT_EQ(cleared->supervisor_code(), "");
  EXPECT_EQ(cleared->name(), "某镇人民政府");
}

TEST_F(AccessManagerTest, OnlyATopLevelAdministratorLeavesAnAgencyUnderNone) {
  ASSERT_THAT(store_->UpsertAgency(Agency("town", "county")), IsOk());
  ASSERT_THAT(Put(User("zhao", "county", {v1::ROLE_ADMINISTRATOR})), IsOk());
  auto token = Issue("zhao", 10);
  ASSERT_THAT(token, IsOk());
  auto county_admin = manager_->Authenticate(*token);
  ASSERT_THAT(county_admin, IsOk());
  v1::PutAgencyRequest clear;
  clear.mutable_agency()->set_code("town");
  clear.mutable_update_mask()->add_paths("supervisor_code");
  EXPECT_THAT(manager_->PutAgency(clear, *county_admin),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("agency.supervisor_code: 只有最上级机关")));
  auto town = store_->GetAgency("town");
  ASSERT_THAT(town, IsOk());
  EXPECT_EQ(town->supervisor_code(), "county");
}

}  // namespace
}  // namespace ogi
