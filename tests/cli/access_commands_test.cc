#include "cli/access_commands.h"

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAccessStub;
using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::FileMode;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::ReadTestFile;
using ::ogi::cli::testing::TempDir;
using ::ogi::cli::testing::WriteTestFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::StartsWith;

constexpr char kSecret[] = "ogi_tk-3f9a0c12_9WkQz0pLr7";

// 2027-02-27 10:00 and 2026-11-29 10:00 in China.
constexpr int64_t kExpires = 1803693600;
constexpr int64_t kIssued = 1795917600;

v1::User Wang() {
  v1::User user;
  user.set_name("wang");
  user.set_display_name("王科员");
  user.set_agency_code("default");
  user.add_roles(v1::ROLE_CLERK);
  user.add_roles(v1::ROLE_APPROVER);
  user.mutable_created_at()->set_seconds(kIssued);
  user.set_created_by("admin");
  return user;
}

v1::TokenInfo WangToken() {
  v1::TokenInfo token;
  token.set_id("tk-3f9a0c12");
  token.set_user_name("wang");
  token.mutable_issued_at()->set_seconds(kIssued);
  token.mutable_expires_at()->set_seconds(kExpires);
  token.set_issued_by("admin");
  token.set_note("王科员的办公电脑");
  return token;
}

// Runs `ogi` over fakes with an environment whose $HOME is a fresh temporary
// directory, so that the token file is <home>/.config/ogi/token.
class AccessRunTest : public ::testing::Test {
 protected:
  AccessRunTest() {
    env_.home = home_.path();
    *access_.who.mutable_user() = Wang();
    *access_.who.mutable_token() = WangToken();
    access_.who.add_readable_agency_codes("default");
    access_.who.add_readable_agency_codes("lc-xzsp");
    access_.who.set_sees_personal_data(true);
  }

  int Run(std::vector<std::string> args, const std::string& input = "") {
    out_.str("");
    err_.str("");
    std::istringstream in(input);
    return RunOgi(
        args, env_,
        [this](const GlobalOptions&) {
          auto stubs = std::make_unique<FakeStubs>(&cases_, &agencies_);
          stubs->UseAccess(&access_);
          return stubs;
        },
        in, out_, err_);
  }

  std::string TokenFile() const { return home_.path() + "/.config/ogi/token"; }

  // The authorization header of the `index`-th access call ("" for none).
  std::string Authorization(size_t index) const {
    if (index >= access_.calls.size()) return "<no call>";
    const auto& metadata = access_.calls[index].metadata;
    const auto it = metadata.find("authorization");
    return it == metadata.end() ? "" : it->second;
  }

  TempDir home_;
  Environment env_;
  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  FakeAccessStub access_;
  std::ostringstream out_, err_;
};

// --- login, logout ----------------------------------------------------------

TEST_F(AccessRunTest, LoginSavesA0600FileAfterWhoAmIAccepts) {
  ASSERT_EQ(Run({"login"}, absl::StrCat(kSecret, "\n")), 0) << err_.str();
  EXPECT_EQ(out_.str(),
            "logged in as 王科员 (wang), default: 登记员、审批人; token "
            "tk-3f9a0c12 expires 2027-02-27\n");
  // No prompt: standard input is not a terminal.
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(access_.Methods(), std::vector<std::string>{"WhoAmI"});
  EXPECT_EQ(Authorization(0), absl::StrCat("Bearer ", kSecret));

  EXPECT_EQ(ReadTestFile(TokenFile()), absl::StrCat(kSecret, "\n"));
  EXPECT_EQ(FileMode(TokenFile()), 0600);
  EXPECT_EQ(FileMode(home_.path() + "/.config/ogi"), 0700);
  // Nothing but the token file is left in its directory.
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(home_.path() + "/.config/ogi")) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_THAT(names, ElementsAre("token"));

  // Later commands send the saved token.
  ASSERT_EQ(Run({"whoami"}), 0) << err_.str();
  EXPECT_EQ(Authorization(1), absl::StrCat("Bearer ", kSecret));
}

TEST_F(AccessRunTest, LoginWithTheFlagToTheNamedFile) {
  const std::string file = home_.path() + "/elsewhere/ogi.token";
  ASSERT_EQ(Run({"login", "--token", kSecret, "--token-file", file}), 0)
      << err_.str();
  EXPECT_EQ(ReadTestFile(file), absl::StrCat(kSecret, "\n"));
  EXPECT_EQ(FileMode(file), 0600);
  EXPECT_EQ(FileMode(TokenFile()), -1);
}

TEST_F(AccessRunTest, LoginPromptsOnlyOnATerminal) {
  env_.stdin_is_tty = true;
  ASSERT_EQ(Run({"login"}, absl::StrCat(kSecret, "\n")), 0) << err_.str();
  EXPECT_EQ(err_.str(), "token: \n");
}

TEST_F(AccessRunTest, RefusedLoginWritesNothing) {
  access_.errors["WhoAmI"] =
      grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "unknown token");
  EXPECT_EQ(Run({"login"}, absl::StrCat(kSecret, "\n")), 1);
  EXPECT_EQ(err_.str(),
            "ogi: 服务器拒绝了此令牌，未保存（unknown "
            "token）（UNAUTHENTICATED）\n");
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(FileMode(TokenFile()), -1);
  EXPECT_FALSE(std::filesystem::exists(home_.path() + "/.config/ogi"));

  // A token saved before stays as it was.
  WriteTestFile(TokenFile(), "ogi_tk-old_secret\n", 0600);
  EXPECT_EQ(Run({"login", "--token", kSecret}), 1);
  EXPECT_EQ(ReadTestFile(TokenFile()), "ogi_tk-old_secret\n");

  access_.errors["WhoAmI"] =
      grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection refused");
  EXPECT_EQ(Run({"login", "--token", kSecret}), 1);
  EXPECT_THAT(err_.str(), StartsWith("ogi: 无法连接服务器 127.0.0.1:50051；"));
  EXPECT_EQ(ReadTestFile(TokenFile()), "ogi_tk-old_secret\n");
}

TEST_F(AccessRunTest, LoginReplacesAFileOthersCouldRead) {
  WriteTestFile(TokenFile(), "ogi_tk-old_secret\n", 0644);
  ASSERT_EQ(Run({"login", "--token", kSecret}), 0) << err_.str();
  EXPECT_EQ(ReadTestFile(TokenFile()), absl::StrCat(kSecret, "\n"));
  EXPECT_EQ(FileMode(TokenFile()), 0600);
}

TEST_F(AccessRunTest, LoginUsageErrorsCallNothing) {
  EXPECT_EQ(Run({"login"}, ""), 2);
  EXPECT_EQ(err_.str(),
            "ogi: 未给出令牌：请用 --token TOKEN 或从标准输入给出\n");
  EXPECT_EQ(Run({"login"}, "two words\n"), 2);
  EXPECT_EQ(err_.str(),
            "ogi: standard input: 不是令牌（令牌由可打印 ASCII "
            "字符组成，不含空格）\n");
  EXPECT_EQ(Run({"login", "--token", "令牌"}), 2);
  EXPECT_THAT(err_.str(), StartsWith("ogi: --token: 不是令牌"));
  env_.home = "";
  EXPECT_EQ(Run({"login", "--token", kSecret}), 2);
  EXPECT_EQ(err_.str(),
            "ogi: 令牌无处保存：请给出 --token-file，或设置 $OGI_TOKEN_FILE、"
            "$XDG_CONFIG_HOME 或 $HOME\n");
  EXPECT_TRUE(access_.calls.empty());
}

TEST_F(AccessRunTest, LoginNotesThatOgiTokenWins) {
  env_.ogi_token = "ogi_tk-env_secret";
  ASSERT_EQ(Run({"login", "--token", kSecret}), 0) << err_.str();
  // The token checked is the one given, not $OGI_TOKEN.
  EXPECT_EQ(Authorization(0), absl::StrCat("Bearer ", kSecret));
  EXPECT_EQ(
      err_.str(),
      absl::StrCat("ogi: 注意：已设置 $OGI_TOKEN，在取消设置之前使用它而不是 ",
                   TokenFile(), "\n"));
}

TEST_F(AccessRunTest, LogoutRemovesTheFile) {
  WriteTestFile(TokenFile(), absl::StrCat(kSecret, "\n"), 0600);
  ASSERT_EQ(Run({"logout"}), 0) << err_.str();
  EXPECT_EQ(out_.str(), absl::StrCat("removed ", TokenFile(), "\n"));
  EXPECT_EQ(FileMode(TokenFile()), -1);
  ASSERT_EQ(Run({"logout"}), 0) << err_.str();
  EXPECT_EQ(out_.str(), absl::StrCat("no token file at ", TokenFile(),
                                     "; nothing to do\n"));
  // Even a file others could read can be removed.
  WriteTestFile(TokenFile(), absl::StrCat(kSecret, "\n"), 0644);
  ASSERT_EQ(Run({"logout"}), 0) << err_.str();
  EXPECT_EQ(FileMode(TokenFile()), -1);
  EXPECT_TRUE(access_.calls.empty());
}

// --- the token on every call ------------------------------------------------

TEST_F(AccessRunTest, TokenPrecedence) {
  WriteTestFile(TokenFile(), "ogi_tk-home_secret\n", 0600);
  const std::string other = home_.path() + "/other-token";
  WriteTestFile(other, "ogi_tk-other_secret\n", 0600);

  ASSERT_EQ(Run({"whoami"}), 0) << err_.str();
  EXPECT_EQ(Authorization(0), "Bearer ogi_tk-home_secret");
  env_.xdg_config_home = home_.path() + "/xdg";
  WriteTestFile(env_.xdg_config_home + "/ogi/token", "ogi_tk-xdg_secret\n",
                0600);
  ASSERT_EQ(Run({"whoami"}), 0) << err_.str();
  EXPECT_EQ(Authorization(1), "Bearer ogi_tk-xdg_secret");
  env_.ogi_token_file = other;
  ASSERT_EQ(Run({"whoami"}), 0) << err_.str();
  EXPECT_EQ(Authorization(2), "Bearer ogi_tk-other_secret");
  env_.ogi_token_file = "";
  ASSERT_EQ(Run({"whoami", "--token-file", other}), 0) << err_.str();
  EXPECT_EQ(Authorization(3), "Bearer ogi_tk-other_secret");
  // $OGI_TOKEN wins over every file.
  env_.ogi_token = "ogi_tk-env_secret";
  ASSERT_EQ(Run({"whoami", "--token-file", other}), 0) << err_.str();
  EXPECT_EQ(Authorization(4), "Bearer ogi_tk-env_secret");
}

TEST_F(AccessRunTest, TokenFileOthersCanReadIsRefused) {
  WriteTestFile(TokenFile(), absl::StrCat(kSecret, "\n"), 0644);
  EXPECT_EQ(Run({"whoami"}), 2);
  EXPECT_EQ(err_.str(), absl::StrCat("ogi: 令牌文件 ", TokenFile(),
                                     " 的权限为 0644，他人可读写；须为 0600"
                                     "（chmod 600 ",
                                     TokenFile(), "）\n"));
  EXPECT_EQ(out_.str(), "");
  EXPECT_TRUE(access_.calls.empty());
  EXPECT_EQ(Run({"case", "show", "2022-0001"}), 2);
  EXPECT_TRUE(cases_.calls.empty());
}

TEST_F(AccessRunTest, NoTokenGoesWithoutHeaderAndTheServerSaysWhy) {
  access_.errors["WhoAmI"] =
      grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "missing bearer token");
  EXPECT_EQ(Run({"whoami"}), 1);
  ASSERT_EQ(access_.calls.size(), 1u);
  EXPECT_THAT(access_.calls[0].metadata, IsEmpty());
  EXPECT_EQ(err_.str(),
            "ogi: 身份未通过验证：missing bearer token；请用 ogi login "
            "登录（令牌向管理员索取），或设置 OGI_TOKEN（UNAUTHENTICATED）\n");
}

TEST_F(AccessRunTest, PermissionDeniedPassesTheServersWords) {
  env_.ogi_token = kSecret;
  access_.errors["ListUsers"] = grpc::Status(
      grpc::StatusCode::PERMISSION_DENIED,
      "ogi.v1.AccessService.ListUsers needs the role 管理员 (administrator); "
      "wang has 登记员 (clerk)");
  EXPECT_EQ(Run({"user", "list"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: 无权办理：ogi.v1.AccessService.ListUsers needs the "
            "role 管理员 (administrator); wang has 登记员 "
            "(clerk)（PERMISSION_DENIED）\n");
}

// --- whoami -----------------------------------------------------------------

TEST_F(AccessRunTest, WhoAmICard) {
  env_.ogi_token = kSecret;
  v1::Agency* own = agencies_.list_response.add_agencies();
  own->set_code("default");
  own->set_name("聊城市人民政府办公室");
  // An agency the list does not name shows its code alone.
  ASSERT_EQ(Run({"whoami"}), 0) << err_.str();
  EXPECT_EQ(access_.Methods(), std::vector<std::string>{"WhoAmI"});
  ASSERT_EQ(agencies_.calls.size(), 1u);
  EXPECT_EQ(agencies_.calls[0].method, "ListAgencies");
  EXPECT_EQ(out_.str(),
            "用户        王科员 (wang)\n"
            "机关        聊城市人民政府办公室 (default)\n"
            "角色        登记员 (clerk)、审批人 (approver)\n"
            "可查阅机关  聊城市人民政府办公室 (default)\n"
            "            lc-xzsp\n"
            "个人信息    完整显示\n"
            "令牌        tk-3f9a0c12\n"
            "有效期至    2027-02-27 10:00\n");
  access_.who.set_sees_personal_data(false);
  ASSERT_EQ(Run({"whoami"}), 0) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("个人信息    证件号码和电话部分隐去\n"));

  ASSERT_EQ(Run({"whoami", "--json"}), 0) << err_.str();
  v1::WhoAmIResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok());
  EXPECT_EQ(parsed.token().id(), "tk-3f9a0c12");
}

// --- users ------------------------------------------------------------------

TEST_F(AccessRunTest, UserAddSendsTheWholeUser) {
  env_.ogi_token = kSecret;
  ASSERT_EQ(Run({"user", "add", "li", "--display-name", "李法务", "--agency",
                 "lc-xzsp", "--roles", "legal, auditor"}),
            0)
      << err_.str();
  EXPECT_EQ(access_.Methods(),
            (std::vector<std::string>{"ListUsers", "PutUser"}));
  const auto* request = access_.Last<v1::PutUserRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->user().name(), "li");
  EXPECT_EQ(request->user().display_name(), "李法务");
  EXPECT_EQ(request->user().agency_code(), "lc-xzsp");
  EXPECT_THAT(request->user().roles(),
              ElementsAre(v1::ROLE_LEGAL, v1::ROLE_AUDITOR));
  EXPECT_FALSE(request->user().disabled());
  EXPECT_EQ(out_.str(), "added user li (李法务), lc-xzsp: 法制审核、审计员\n");
  EXPECT_EQ(Authorization(1), absl::StrCat("Bearer ", kSecret));

  // Without --agency the server decides (the administrator's own).
  ASSERT_EQ(
      Run({"user", "add", "zhao", "--display-name", "赵", "--roles", "clerk"}),
      0)
      << err_.str();
  EXPECT_EQ(access_.Last<v1::PutUserRequest>()->user().agency_code(), "");
}

TEST_F(AccessRunTest, UserAddRefusesAnExistingName) {
  env_.ogi_token = kSecret;
  *access_.users.add_users() = Wang();
  EXPECT_EQ(
      Run({"user", "add", "wang", "--display-name", "王", "--roles", "clerk"}),
      1);
  EXPECT_EQ(err_.str(),
            "ogi: 用户 wang 已存在；修改请用 \"ogi user update "
            "wang\"（ALREADY_EXISTS）\n");
  EXPECT_EQ(access_.Methods(), std::vector<std::string>{"ListUsers"});
}

TEST_F(AccessRunTest, UserUsageErrorsCallNothing) {
  env_.ogi_token = kSecret;
  for (const auto& [args, message] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"user", "add", "li", "--display-name", "李", "--roles",
             "clerk,boss"},
            "ogi: --roles: \"boss\" 不是可选的取值；可选：clerk, approver, "
            "legal, statistician, auditor, administrator\n"},
           {{"user", "add", "li", "--display-name", "李"},
            "ogi: 缺少必需的选项：--roles（见 \"ogi user add --help\"）\n"},
           {{"user", "add", "li"},
            "ogi: 缺少必需的选项：--display-name、--roles（见 \"ogi user add "
            "--help\"）\n"},
           {{"user", "add", "li", "--display-name", "李", "--roles", ","},
            "ogi: --roles: 至少给出一个角色：clerk, approver, legal, "
            "statistician, auditor, administrator\n"},
           {{"user", "add", "li", "--display-name", "李", "--roles",
             "clerk,clerk"},
            "ogi: --roles: clerk 重复给出\n"},
           {{"user", "add", "li", "--roles", "clerk"},
            "ogi: 缺少必需的选项：--display-name（见 \"ogi user add "
            "--help\"）\n"},
           {{"user", "update", "wang"},
            "ogi: 没有要修改的内容：请给出 --display-name、--agency、--roles、"
            "--disable 或 --enable\n"},
           {{"user", "update", "wang", "--disable", "--enable"},
            "ogi: --disable、--enable: 只能给出其中一个\n"},
           {{"user", "update", "wang", "--roles", "root"},
            "ogi: --roles: \"root\" 不是可选的取值；可选：clerk, approver, "
            "legal, statistician, auditor, administrator\n"},
           {{"token", "issue", "wang", "--days", "0"},
            "ogi: --days: \"0\" 不是 1 到 366 之间的整数\n"},
       }) {
    EXPECT_EQ(Run(args), 2) << message;
    EXPECT_EQ(err_.str(), message);
    EXPECT_EQ(out_.str(), "");
  }
  EXPECT_TRUE(access_.calls.empty());
}

TEST_F(AccessRunTest, UserUpdateChangesOnlyTheFieldsGiven) {
  env_.ogi_token = kSecret;
  v1::User other;
  other.set_name("li");
  *access_.users.add_users() = other;
  v1::User listed = Wang();
  listed.set_etag("etag-of-wang");
  *access_.users.add_users() = listed;
  ASSERT_EQ(
      Run({"user", "update", "wang", "--roles", "approver,legal", "--disable"}),
      0)
      << err_.str();
  EXPECT_EQ(access_.Methods(),
            (std::vector<std::string>{"ListUsers", "PutUser"}));
  // Every user in scope is searched, not those of --agency.
  EXPECT_EQ(access_.calls.size(), 2u);
  const auto* request = access_.Last<v1::PutUserRequest>();
  ASSERT_NE(request, nullptr);
  // Only the fields given, named in the mask, against the version read.
  v1::User expected;
  expected.set_name("wang");
  expected.add_roles(v1::ROLE_APPROVER);
  expected.add_roles(v1::ROLE_LEGAL);
  expected.set_disabled(true);
  EXPECT_EQ(request->user().SerializeAsString(), expected.SerializeAsString())
      << request->user().DebugString();
  EXPECT_THAT(request->update_mask().paths(), ElementsAre("roles", "disabled"));
  EXPECT_EQ(request->etag(), "etag-of-wang");
  // The line shows the server's answer (the fake echoes the request).
  EXPECT_EQ(out_.str(), "updated user wang, -: 审批人、法制审核, disabled\n");

  // Now disabled in the fake's list; enable and move it.
  access_.users.mutable_users(1)->set_disabled(true);
  ASSERT_EQ(Run({"user", "update", "wang", "--enable", "--agency", "lc-xzsp",
                 "--display-name", "王科长"}),
            0)
      << err_.str();
  request = access_.Last<v1::PutUserRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->user().display_name(), "王科长");
  EXPECT_EQ(request->user().agency_code(), "lc-xzsp");
  EXPECT_TRUE(request->user().roles().empty());  // not given: kept
  EXPECT_FALSE(request->user().disabled());
  // The mask carries disabled, so false means "enable", not "not given".
  EXPECT_THAT(request->update_mask().paths(),
              ElementsAre("display_name", "agency_code", "disabled"));
  const auto* list = dynamic_cast<const v1::ListUsersRequest*>(
      access_.requests[access_.requests.size() - 2].get());
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->agency_code(), "");
}

TEST_F(AccessRunTest, UserUpdateOfAnUnknownUser) {
  env_.ogi_token = kSecret;
  *access_.users.add_users() = Wang();
  EXPECT_EQ(Run({"user", "update", "zhao", "--disable"}), 1);
  EXPECT_EQ(err_.str(), "ogi: 未找到用户 zhao（NOT_FOUND）\n");
  EXPECT_EQ(access_.Methods(), std::vector<std::string>{"ListUsers"});
}

TEST_F(AccessRunTest, UserListTable) {
  env_.ogi_token = kSecret;
  *access_.users.add_users() = Wang();
  v1::User li;
  li.set_name("li");
  li.set_display_name("李法务");
  li.set_agency_code("lc-xzsp");
  li.add_roles(v1::ROLE_LEGAL);
  li.set_disabled(true);
  *access_.users.add_users() = li;
  ASSERT_EQ(Run({"user", "list", "--agency", "lc-xzsp"}), 0) << err_.str();
  EXPECT_EQ(access_.Last<v1::ListUsersRequest>()->agency_code(), "lc-xzsp");
  EXPECT_EQ(
      out_.str(),
      "用户名  姓名    机关     角色                               状态\n"
      "wang    王科员  default  登记员 (clerk)、审批人 (approver)  启用\n"
      "li      李法务  lc-xzsp  法制审核 (legal)                   已停用\n");
  ASSERT_EQ(Run({"user", "list", "--json"}), 0) << err_.str();
  EXPECT_EQ(access_.Last<v1::ListUsersRequest>()->agency_code(), "");
  EXPECT_THAT(out_.str(), HasSubstr("\"ROLE_LEGAL\""));
}

// --- tokens -----------------------------------------------------------------

TEST_F(AccessRunTest, TokenIssuePrintsTheSecretAloneOnStdout) {
  env_.ogi_token = "ogi_tk-admin_secret";
  access_.issued.set_token(kSecret);
  *access_.issued.mutable_info() = WangToken();
  ASSERT_EQ(Run({"token", "issue", "wang", "--days", "90", "--note",
                 "王科员的办公电脑"}),
            0)
      << err_.str();
  EXPECT_EQ(out_.str(), absl::StrCat(kSecret, "\n"));
  EXPECT_EQ(err_.str(),
            "token tk-3f9a0c12 for wang expires 2027-02-27; the secret above "
            "is shown only this once\n");
  const auto* request = access_.Last<v1::IssueTokenRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->user_name(), "wang");
  EXPECT_EQ(request->valid_days(), 90);
  EXPECT_EQ(request->note(), "王科员的办公电脑");

  // Without --days the server's default applies.
  ASSERT_EQ(Run({"token", "issue", "wang"}), 0) << err_.str();
  EXPECT_EQ(access_.Last<v1::IssueTokenRequest>()->valid_days(), 0);
}

TEST_F(AccessRunTest, TokenRevokeAndList) {
  env_.ogi_token = "ogi_tk-admin_secret";
  access_.revoked = WangToken();
  access_.revoked.mutable_revoked_at()->set_seconds(1775113200);
  ASSERT_EQ(Run({"token", "revoke", "tk-3f9a0c12"}), 0) << err_.str();
  EXPECT_EQ(access_.Last<v1::RevokeTokenRequest>()->token_id(), "tk-3f9a0c12");
  EXPECT_EQ(out_.str(),
            "revoked token tk-3f9a0c12 of wang at 2026-04-02 15:00\n");

  *access_.tokens.add_tokens() = access_.revoked;
  v1::TokenInfo plain;
  plain.set_id("tk-0000beef");
  plain.set_user_name("li");
  plain.mutable_issued_at()->set_seconds(1772328600);
  plain.mutable_expires_at()->set_seconds(1780104600);
  *access_.tokens.add_tokens() = plain;
  ASSERT_EQ(Run({"token", "list", "--user", "wang"}), 0) << err_.str();
  EXPECT_EQ(access_.Last<v1::ListTokensRequest>()->user_name(), "wang");
  const std::vector<std::string> lines = Lines(out_.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(
      lines[0],
      "编号         用户  签发              到期              吊销        "
      "      备注");
  EXPECT_EQ(lines[1],
            "tk-3f9a0c12  wang  2026-11-29 10:00  2027-02-27 10:00  2026-04-02 "
            "15:00  王科员的办公电脑");
  EXPECT_EQ(lines[2], "tk-0000beef  li    2026-03-01 09:30  2026-05-30 09:30");
}

// --- pieces -----------------------------------------------------------------

TEST(ParseRolesTest, IdentifiersInOrder) {
  absl::StatusOr<std::vector<v1::Role>> roles =
      ParseRoles("administrator,Clerk");
  ASSERT_TRUE(roles.ok()) << roles.status();
  EXPECT_THAT(*roles, ElementsAre(v1::ROLE_ADMINISTRATOR, v1::ROLE_CLERK));
  roles = ParseRoles("unspecified");
  ASSERT_FALSE(roles.ok());
  EXPECT_TRUE(IsUsageError(roles.status()));
}

TEST(LoginLineTest, AsInTheManual) {
  v1::WhoAmIResponse who;
  *who.mutable_user() = Wang();
  *who.mutable_token() = WangToken();
  EXPECT_EQ(LoginLine(who),
            "logged in as 王科员 (wang), default: 登记员、审批人; token "
            "tk-3f9a0c12 expires 2027-02-27");
}

}  // namespace
}  // namespace ogi::cli
