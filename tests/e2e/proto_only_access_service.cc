// AccessService through the proto-only client: users, tokens, agencies and the
// audit of access.

#include <string>
#include <vector>

#include "absl/strings/substitute.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Last, so that the agency it adds changes nothing the parts before expect.
void ProtoOnlyClientTest::ExerciseAccessService() {
  const std::string access = kAccessService;
  const std::string agency_service = kAgencyService;

  // --- Who am I: clerk-li (made by SetUp) of the default agency.
  Reply me = Call(access + ".WhoAmI", "{}", Clerk());
  ASSERT_RPC_OK(me);
  EXPECT_EQ(Value(*me.response, "user.name"), "clerk-li");
  EXPECT_EQ(Value(*me.response, "user.display_name"), "clerk-li");
  EXPECT_EQ(Value(*me.response, "user.agency_code"), "default");
  EXPECT_EQ(Value(*me.response, "token.user_name"), "clerk-li");
  EXPECT_EQ(Value(*me.response, "token.issued_by"), "tester");
  EXPECT_THAT(Values(*me.response, "readable_agency_codes"),
              ElementsAre("default"));
  EXPECT_EQ(Value(*me.response, "sees_personal_data"), "true");

  // --- The users and their tokens.
  Reply users = Call(access + ".ListUsers", "{}");
  ASSERT_RPC_OK(users);
  std::vector<std::string> names;
  for (const Message* user : Elements(*users.response, "users")) {
    names.push_back(Value(*user, "name"));
  }
  EXPECT_THAT(names, ElementsAre("clerk-li", "tester", "zhang"));

  Reply extra = Call(access + ".IssueToken",
                     R"({"user_name": "zhang", "note": "窗口二号机"})");
  ASSERT_RPC_OK(extra);
  const std::string extra_id = Value(*extra.response, "info.id");
  const Metadata extra_bearer = Bearer(Value(*extra.response, "token"));
  Reply zhang_me = Call(access + ".WhoAmI", "{}", extra_bearer);
  ASSERT_RPC_OK(zhang_me);
  EXPECT_EQ(Value(*zhang_me.response, "user.display_name"), "张科员");
  EXPECT_EQ(Value(*zhang_me.response, "token.note"), "窗口二号机");

  Reply tokens = Call(access + ".ListTokens", R"({"user_name": "zhang"})");
  ASSERT_RPC_OK(tokens);
  std::vector<std::string> ids;
  for (const Message* token : Elements(*tokens.response, "tokens")) {
    EXPECT_EQ(Value(*token, "user_name"), "zhang");
    ids.push_back(Value(*token, "id"));
  }
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_THAT(ids, Contains(extra_id));

  // A revoked token is refused at once; the other keeps working.
  Reply revoked = Call(access + ".RevokeToken",
                       absl::Substitute(R"({"token_id": "$0"})", extra_id));
  ASSERT_RPC_OK(revoked);
  EXPECT_EQ(Value(*revoked.response, "id"), extra_id);
  EXPECT_EQ(Value(*revoked.response, "revoked_at"), "<set>");
  Reply refused = Call(access + ".WhoAmI", "{}", extra_bearer);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("authorization: 令牌 " + extra_id + " 已于 "));
  Reply still = Call(access + ".WhoAmI", "{}", Zhang());
  ASSERT_RPC_OK(still);

  // A clerk administers nothing.
  Reply denied = Call(access + ".ListUsers", "{}", Zhang());
  EXPECT_EQ(denied.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // --- AgencyService.PutAgency: an office under the default agency, which
  // its users then read.
  Reply put = Call(agency_service + ".PutAgency",
                   R"json({"agency": {"code": "dongchangfu",
                     "name": "聊城市东昌府区人民政府办公室",
                     "supervisor_code": "default"}})json");
  ASSERT_RPC_OK(put);
  EXPECT_EQ(Value(*put.response, "code"), "dongchangfu");
  EXPECT_EQ(Value(*put.response, "supervisor_code"), "default");
  Reply agencies = Call(agency_service + ".ListAgencies", "{}", Clerk());
  ASSERT_RPC_OK(agencies);
  std::vector<std::string> codes;
  for (const Message* a : Elements(*agencies.response, "agencies")) {
    codes.push_back(Value(*a, "code"));
  }
  EXPECT_THAT(codes, ElementsAre("default", "dongchangfu"));
}

}  // namespace ogi::proto_only
