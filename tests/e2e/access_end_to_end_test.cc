// Access control through the real server: each role against each kind of
// RPC, agency isolation and supervising offices, token expiry and
// revocation, masking of personal data, the read log, and the open health
// service.

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/test/v1/testing_clock.grpc.pb.h"
#include "ogi/v1/access_service.grpc.pb.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/procedure_service.grpc.pb.h"
#include "ogi/v1/proceeding_service.grpc.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/varied_conclusions.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::RunCommand;
using ::ogi::testing::ServerBinary;
using ::ogi::testing::ServerProcess;
using ::ogi::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kFakeClockStart[] = "2026-03-02T09:00:00+08:00";  // a Monday
constexpr char kIdNumber[] = "371502199001011234";
constexpr char kPhone[] = "13806350000";

// A server whose tester (every role, administrator) set up this office:
//   default (聊城市人民政府)  ── county (东昌府区人民政府)
//   other (another city's office, its own administrator)
// with one user per role in "default", a clerk in "county" and one in
// "other".
class AccessEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string db = tmp_.File("ogi.db");
    // The other office's administrator, from the server machine.
    auto other = RunCommand({ServerBinary(), "add-admin", "--db=" + db,
                             "--agency_code=other", "--agency_name=另一市政府",
                             "--user=other-admin"});
    ASSERT_THAT(other, IsOk());
    ASSERT_EQ(other->exit_code, 0) << other->err;
    other_admin_ = std::string(absl::StripTrailingAsciiWhitespace(other->out));
    EXPECT_THAT(other->err, HasSubstr("it is shown only now"));

    auto server = ServerProcess::Start(
        db, {"--fake_clock_start=" + std::string(kFakeClockStart),
             "--agency_name=聊城市人民政府"});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    ASSERT_FALSE(server_->token().empty());
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    access_ = v1::AccessService::NewStub(channel_);
    agencies_ = v1::AgencyService::NewStub(channel_);
    cases_ = v1::CaseService::NewStub(channel_);
    procedure_ = v1::ProcedureService::NewStub(channel_);
    outcomes_ = v1::OutcomeService::NewStub(channel_);
    proceedings_ = v1::ProceedingService::NewStub(channel_);
    reports_ = v1::ReportService::NewStub(channel_);
    clock_ = test::v1::TestingClockService::NewStub(channel_);

    admin_ = server_->token();
    v1::PutAgencyRequest county;
    county.mutable_agency()->set_code("county");
    county.mutable_agency()->set_name("东昌府区人民政府");
    county.mutable_agency()->set_supervisor_code("default");
    v1::Agency agency;
    ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                  return agencies_->PutAgency(c, county, &agency);
                }).ok());
    for (auto [name, role] : std::vector<std::pair<std::string, v1::Role>>{
             {"clerk", v1::ROLE_CLERK},
             {"approver", v1::ROLE_APPROVER},
             {"legal", v1::ROLE_LEGAL},
             {"statistician", v1::ROLE_STATISTICIAN},
             {"auditor", v1::ROLE_AUDITOR},
             {"administrator", v1::ROLE_ADMINISTRATOR}}) {
      tokens_[name] = AddUser(admin_, name, "default", role);
    }
    tokens_["county-clerk"] =
        AddUser(admin_, "county-clerk", "county", v1::ROLE_CLERK);
    tokens_["other-clerk"] =
        AddUser(other_admin_, "other-clerk", "other", v1::ROLE_CLERK);

    // Cases to act on: 2026-0001 open, 2026-0002 answered; one in county.
    open_case_ = CreateCase(admin_, "");
    answered_case_ = CreateCase(admin_, "");
    v1::OutcomeResponse concluded;
    ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                  return outcomes_->ConcludeCase(
                      c,
                      ::ogi::testing::VariedConclusion(
                          answered_case_, absl::CivilDay(2026, 3, 2), 0),
                      &concluded);
                }).ok());
    county_case_ = CreateCase(tokens_["county-clerk"], "");
  }

  // Runs `rpc` with `token` as bearer ("" sends no authorization).
  grpc::Status Call(
      const std::string& token,
      const std::function<grpc::Status(grpc::ClientContext*)>& rpc) {
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return rpc(&context);
  }

  // Makes user `name` (shown as "<name>用户") and returns a token for it.
  std::string AddUser(const std::string& admin, const std::string& name,
                      const std::string& agency, v1::Role role) {
    v1::PutUserRequest put;
    put.mutable_user()->set_name(name);
    put.mutable_user()->set_display_name(name + "用户");
    put.mutable_user()->set_agency_code(agency);
    put.mutable_user()->add_roles(role);
    v1::User user;
    grpc::Status status = Call(admin, [&](grpc::ClientContext* c) {
      return access_->PutUser(c, put, &user);
    });
    EXPECT_TRUE(status.ok()) << name << ": " << status.error_message();
    v1::IssueTokenRequest issue;
    issue.set_user_name(name);
    issue.set_valid_days(30);
    v1::IssueTokenResponse issued;
    status = Call(admin, [&](grpc::ClientContext* c) {
      return access_->IssueToken(c, issue, &issued);
    });
    EXPECT_TRUE(status.ok()) << name << ": " << status.error_message();
    return issued.token();
  }

  // Logs an application with ID and phone numbers; returns its number ("" on
  // failure).
  std::string CreateCase(const std::string& token, const std::string& agency,
                         grpc::Status* status_out = nullptr) {
    v1::CreateCaseRequest request;
    v1::Case* c = request.mutable_case_();
    c->set_agency_code(agency);
    c->mutable_applicant()->set_name("张三");
    c->mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
    c->mutable_applicant()->set_id_type(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD);
    c->mutable_applicant()->set_id_number(kIdNumber);
    c->mutable_applicant()->set_phone(kPhone);
    c->set_channel(v1::CHANNEL_IN_PERSON);
    *c->mutable_arrival_date() = ToProtoDate(absl::CivilDay(2026, 3, 2));
    c->add_items()->set_description("2025年度行政许可办理情况");
    v1::CreateCaseResponse created;
    grpc::Status status = Call(token, [&](grpc::ClientContext* ctx) {
      return cases_->CreateCase(ctx, request, &created);
    });
    if (status_out != nullptr) *status_out = status;
    return status.ok() ? created.case_().number() : "";
  }

  grpc::Status GetCase(const std::string& token, const std::string& agency,
                       const std::string& number,
                       v1::GetCaseResponse* out = nullptr) {
    v1::GetCaseRequest request;
    request.set_agency_code(agency);
    request.set_number(number);
    v1::GetCaseResponse response;
    return Call(token, [&](grpc::ClientContext* c) {
      return cases_->GetCase(c, request, out != nullptr ? out : &response);
    });
  }

  int CaseCount(const std::string& agency) {
    v1::ListCasesRequest request;
    request.set_agency_code(agency);
    v1::ListCasesResponse response;
    EXPECT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                  return cases_->ListCases(c, request, &response);
                }).ok());
    return response.total_count();
  }

  TempDir tmp_;  // the server's data directory; outlives the server
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::AccessService::Stub> access_;
  std::unique_ptr<v1::AgencyService::Stub> agencies_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::ProcedureService::Stub> procedure_;
  std::unique_ptr<v1::OutcomeService::Stub> outcomes_;
  std::unique_ptr<v1::ProceedingService::Stub> proceedings_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
  std::unique_ptr<test::v1::TestingClockService::Stub> clock_;
  std::string admin_, other_admin_;
  std::map<std::string, std::string> tokens_;
  std::string open_case_, answered_case_, county_case_;
};

// The bootstrap command names the flag it refuses, exits 2, and writes no
// account.
TEST(AddAdminTest, RefusalsNameTheFlag) {
  const TempDir tmp;
  const std::string db = tmp.File("ogi.db");
  auto bad_user = RunCommand(
      {ServerBinary(), "add-admin", "--db=" + db, "--user=Bad Name"});
  ASSERT_THAT(bad_user, IsOk());
  EXPECT_EQ(bad_user->exit_code, 2);
  EXPECT_THAT(bad_user->err, HasSubstr("add-admin: --user: \"Bad Name\""));
  EXPECT_EQ(bad_user->out, "");
  auto bad_days = RunCommand({ServerBinary(), "add-admin", "--db=" + db,
                              "--user=ok", "--valid_days=999"});
  ASSERT_THAT(bad_days, IsOk());
  EXPECT_EQ(bad_days->exit_code, 2);
  EXPECT_THAT(bad_days->err,
              HasSubstr("--valid_days: 须为 1 至 366（填 0 表示 90）"));
  auto bad_role = RunCommand({ServerBinary(), "add-admin", "--db=" + db,
                              "--user=ok", "--roles=clerk,boss"});
  ASSERT_THAT(bad_role, IsOk());
  EXPECT_EQ(bad_role->exit_code, 2);
  EXPECT_THAT(bad_role->err, HasSubstr("--roles:"));
}

// One call of each kind of operation, made as each role: allowed exactly
// where the access table says, PERMISSION_DENIED elsewhere, and a refused
// call changes nothing.
TEST_F(AccessEndToEndTest, EachRoleAgainstEachKindOfCall) {
  using Rpc = std::function<grpc::Status(const std::string& token)>;
  const std::vector<std::pair<std::string, Rpc>> kinds = {
      {"read reference (WhoAmI)",
       [&](const std::string& t) {
         v1::WhoAmIResponse r;
         return Call(t, [&](grpc::ClientContext* c) {
           return access_->WhoAmI(c, v1::WhoAmIRequest(), &r);
         });
       }},
      {"read cases (ListCases)",
       [&](const std::string& t) {
         v1::ListCasesResponse r;
         return Call(t, [&](grpc::ClientContext* c) {
           return cases_->ListCases(c, v1::ListCasesRequest(), &r);
         });
       }},
      {"log cases (CreateCase)",
       [&](const std::string& t) {
         grpc::Status status;
         CreateCase(t, "", &status);
         return status;
       }},
      {"decide (ExtendDeadline)",
       [&](const std::string& t) {
         v1::ExtendDeadlineRequest extend;
         extend.set_number(open_case_);
         extend.set_working_days(10);
         extend.set_approver("李局长");
         *extend.mutable_notified() = ToProtoDate(absl::CivilDay(2026, 3, 2));
         v1::ProcedureStepResponse r;
         return Call(t, [&](grpc::ClientContext* c) {
           return procedure_->ExtendDeadline(c, extend, &r);
         });
       }},
      {"litigate (FileReview)",
       [&](const std::string& t) {
         v1::FileReviewRequest file;
         file.set_number(answered_case_);
         file.mutable_review()->set_organ("聊城市人民政府");
         *file.mutable_review()->mutable_filed() =
             ToProtoDate(absl::CivilDay(2026, 3, 2));
         v1::ProceedingResponse r;
         return Call(t, [&](grpc::ClientContext* c) {
           return proceedings_->FileReview(c, file, &r);
         });
       }},
      {"read reports (GetReport)",
       [&](const std::string& t) {
         v1::GetReportRequest get;
         get.set_year(2026);
         v1::Report r;
         return Call(t, [&](grpc::ClientContext* c) {
           return reports_->GetReport(c, get, &r);
         });
       }},
      {"edit reports (SetProse)",
       [&](const std::string& t) {
         v1::SetProseRequest set;
         set.set_year(2026);
         set.mutable_prose()->set_overview("本年度依申请公开工作平稳有序。");
         v1::ReportProse r;
         return Call(t, [&](grpc::ClientContext* c) {
           return reports_->SetProse(c, set, &r);
         });
       }},
      {"administer (ListUsers)",
       [&](const std::string& t) {
         v1::ListUsersResponse r;
         return Call(t, [&](grpc::ClientContext* c) {
           return access_->ListUsers(c, v1::ListUsersRequest(), &r);
         });
       }},
  };
  // Which kinds each role may call, in the order of `kinds`.
  const std::map<std::string, std::string> allowed = {
      {"clerk", "RRL....."},   {"approver", "RR.D...."},
      {"legal", "RR..L..."},   {"statistician", "RR...RE."},
      {"auditor", "RR...R.."}, {"administrator", "R......A"},
  };
  for (const auto& [role, pattern] : allowed) {
    for (size_t k = 0; k < kinds.size(); ++k) {
      const int cases_before = CaseCount("");
      const grpc::Status status = kinds[k].second(tokens_[role]);
      if (pattern[k] != '.') {
        EXPECT_TRUE(status.ok()) << role << " / " << kinds[k].first << ": "
                                 << status.error_message();
      } else {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << role << " / " << kinds[k].first << ": "
            << status.error_message();
        EXPECT_THAT(status.error_message(), HasSubstr("需要以下角色之一："));
        EXPECT_EQ(CaseCount(""), cases_before) << role;
      }
    }
  }
  // The denied decisions changed nothing: one extension, one review, by the
  // roles allowed to.
  v1::ListCaseHistoryRequest history;
  history.set_number(open_case_);
  v1::ListCaseHistoryResponse events;
  ASSERT_TRUE(Call(tokens_["auditor"], [&](grpc::ClientContext* c) {
                return cases_->ListCaseHistory(c, history, &events);
              }).ok());
  ASSERT_EQ(events.events_size(), 2);
  EXPECT_EQ(events.events(1).type(), v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED);
  // The author of every change is the authenticated user.
  EXPECT_EQ(events.events(1).actor(), "approver用户");
}

TEST_F(AccessEndToEndTest, NoTokenOrABadOneIsUnauthenticated) {
  for (const std::string& token :
       {std::string(), std::string("ogi_") + std::string(64, 'a'),
        std::string("not-a-token")}) {
    v1::ListCasesResponse r;
    const grpc::Status status = Call(token, [&](grpc::ClientContext* c) {
      return cases_->ListCases(c, v1::ListCasesRequest(), &r);
    });
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << token;
    EXPECT_THAT(status.error_message(), HasSubstr("authorization:"));
  }
  // The old actor header identifies nobody.
  grpc::ClientContext context;
  context.AddMetadata("ogi-actor", "clerk01");
  v1::ListCasesResponse r;
  EXPECT_EQ(
      cases_->ListCases(&context, v1::ListCasesRequest(), &r).error_code(),
      grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AccessEndToEndTest, HealthStaysOpen) {
  grpc::GenericStub generic(channel_);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  // An empty HealthCheckRequest (the whole server): zero bytes.
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  grpc::Status health;
  absl::Notification done;
  generic.UnaryCall(&context, "/grpc.health.v1.Health/Check",
                    grpc::StubOptions(), &request, &response,
                    [&](grpc::Status s) {
                      health = std::move(s);
                      done.Notify();
                    });
  done.WaitForNotification();
  EXPECT_TRUE(health.ok()) << health.error_message();
  // Reflection without a token: ProtoOnlyClientTest.ServerReflectionLists-
  // TheServices lists every service through it.
}

TEST_F(AccessEndToEndTest, AnotherOfficesCasesDoNotExistForItsNeighbours) {
  // The other office's clerk: default's cases and the agency itself are
  // NOT_FOUND with the words used for what does not exist.
  const std::string& other = tokens_["other-clerk"];
  grpc::Status status = GetCase(other, "default", open_case_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  grpc::Status nowhere = GetCase(other, "nowhere", open_case_);
  EXPECT_EQ(
      status.error_message(),
      absl::StrReplaceAll(nowhere.error_message(), {{"nowhere", "default"}}));
  // Its own agency (the default for its requests) has no such case.
  EXPECT_EQ(GetCase(other, "", open_case_).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::GetAgencyRequest get_agency;
  get_agency.set_code("default");
  v1::GetAgencyResponse agency;
  EXPECT_EQ(Call(other,
                 [&](grpc::ClientContext* c) {
                   return agencies_->GetAgency(c, get_agency, &agency);
                 })
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListAgenciesResponse listed;
  ASSERT_TRUE(Call(other, [&](grpc::ClientContext* c) {
                return agencies_->ListAgencies(c, v1::ListAgenciesRequest(),
                                               &listed);
              }).ok());
  ASSERT_EQ(listed.agencies_size(), 1);
  EXPECT_EQ(listed.agencies(0).code(), "other");
  EXPECT_EQ(listed.default_agency_code(), "other");
  // Its cases are numbered in its own agency.
  EXPECT_EQ(CreateCase(other, ""), "2026-0001");
  // Its administrator neither sees nor reaches default's users.
  v1::ListUsersResponse users;
  ASSERT_TRUE(Call(other_admin_, [&](grpc::ClientContext* c) {
                return access_->ListUsers(c, v1::ListUsersRequest(), &users);
              }).ok());
  std::vector<std::string> names;
  for (const v1::User& u : users.users()) names.push_back(u.name());
  EXPECT_THAT(names, ElementsAre("other-admin", "other-clerk"));
  v1::IssueTokenRequest steal;
  steal.set_user_name("clerk");
  v1::IssueTokenResponse stolen;
  EXPECT_EQ(Call(other_admin_,
                 [&](grpc::ClientContext* c) {
                   return access_->IssueToken(c, steal, &stolen);
                 })
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(AccessEndToEndTest, TheSupervisingOfficeReadsAndReportsButDoesNotWrite) {
  const std::string& clerk = tokens_["clerk"];
  // default is above county: its users read county's cases...
  EXPECT_TRUE(GetCase(clerk, "county", county_case_).ok());
  // ...but change nothing there.
  grpc::Status status;
  CreateCase(clerk, "county", &status);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("可以查阅下级机关"));
  // County's clerk does not see upwards.
  EXPECT_EQ(
      GetCase(tokens_["county-clerk"], "default", open_case_).error_code(),
      grpc::StatusCode::NOT_FOUND);
  // The statistician consolidates both.
  v1::GetReportRequest consolidated;
  consolidated.add_agency_codes("default");
  consolidated.add_agency_codes("county");
  consolidated.set_year(2026);
  v1::Report report;
  ASSERT_TRUE(Call(tokens_["statistician"], [&](grpc::ClientContext* c) {
                return reports_->GetReport(c, consolidated, &report);
              }).ok());
  EXPECT_THAT(report.agency_codes(),
              ::testing::UnorderedElementsAre("default", "county"));
  consolidated.add_agency_codes("other");
  EXPECT_EQ(Call(tokens_["statistician"],
                 [&](grpc::ClientContext* c) {
                   return reports_->GetReport(c, consolidated, &report);
                 })
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(AccessEndToEndTest, TokensExpireAndAreRevokedAtOnce) {
  v1::IssueTokenRequest issue;
  issue.set_user_name("clerk");
  issue.set_valid_days(1);
  v1::IssueTokenResponse day;
  ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                return access_->IssueToken(c, issue, &day);
              }).ok());
  v1::WhoAmIResponse me;
  auto who = [&](const std::string& token) {
    return Call(token, [&](grpc::ClientContext* c) {
      return access_->WhoAmI(c, v1::WhoAmIRequest(), &me);
    });
  };
  ASSERT_TRUE(who(day.token()).ok());
  EXPECT_EQ(me.user().name(), "clerk");
  EXPECT_TRUE(me.sees_personal_data());

  // A day later (the server's clock), the token is refused.
  test::v1::SetTimeRequest later;
  later.mutable_time()->set_seconds(absl::ToUnixSeconds(absl::FromCivil(
      absl::CivilSecond(2026, 3, 3, 9, 0, 1), absl::FixedTimeZone(8 * 3600))));
  test::v1::SetTimeResponse set;
  ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                return clock_->SetTime(c, later, &set);
              }).ok());
  grpc::Status expired = who(day.token());
  EXPECT_EQ(expired.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(expired.error_message(), HasSubstr("已于 2026-03-03 09:00 过期"));
  // The 30-day token still works, until it is revoked.
  ASSERT_TRUE(who(tokens_["clerk"]).ok());
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(me.token().id());
  v1::TokenInfo revoked;
  ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                return access_->RevokeToken(c, revoke, &revoked);
              }).ok());
  EXPECT_TRUE(revoked.has_revoked_at());
  grpc::Status refused = who(tokens_["clerk"]);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(refused.error_message(), HasSubstr(" 吊销"));
  // Tokens are listed without their secrets.
  v1::ListTokensRequest list;
  list.set_user_name("clerk");
  v1::ListTokensResponse tokens;
  ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                return access_->ListTokens(c, list, &tokens);
              }).ok());
  EXPECT_EQ(tokens.tokens_size(), 2);
  for (const v1::TokenInfo& t : tokens.tokens()) {
    EXPECT_EQ(t.user_name(), "clerk");
    EXPECT_EQ(t.issued_by(), "tester");
  }
}

TEST_F(AccessEndToEndTest,
       PersonalDataIsMaskedForRolesThatDoNotNeedItAndFullReadsAreLogged) {
  v1::GetCaseResponse full;
  ASSERT_TRUE(GetCase(tokens_["clerk"], "", open_case_, &full).ok());
  EXPECT_EQ(full.case_().applicant().id_number(), kIdNumber);
  EXPECT_EQ(full.case_().applicant().phone(), kPhone);

  for (const std::string role : {"auditor", "statistician"}) {
    v1::GetCaseResponse masked;
    ASSERT_TRUE(GetCase(tokens_[role], "", open_case_, &masked).ok());
    EXPECT_EQ(masked.case_().applicant().id_number(), "371***********1234")
        << role;
    EXPECT_EQ(masked.case_().applicant().phone(), "138****0000") << role;
    v1::ListCasesResponse list;
    ASSERT_TRUE(Call(tokens_[role], [&](grpc::ClientContext* c) {
                  return cases_->ListCases(c, v1::ListCasesRequest(), &list);
                }).ok());
    for (const v1::Case& c : list.cases()) {
      EXPECT_EQ(c.applicant().phone(), "138****0000") << role;
    }
  }
  // The auditor's history: snapshots masked, and the one full read so far
  // (the clerk's), not the masked ones.
  v1::ListCaseHistoryRequest history;
  history.set_number(open_case_);
  v1::ListCaseHistoryResponse audited;
  ASSERT_TRUE(Call(tokens_["auditor"], [&](grpc::ClientContext* c) {
                return cases_->ListCaseHistory(c, history, &audited);
              }).ok());
  EXPECT_EQ(audited.events(0).snapshot().applicant().id_number(),
            "371***********1234");
  // The read log has its own call (ListCaseReads), no longer in the history.
  v1::ListCaseReadsRequest log;
  log.set_number(open_case_);
  v1::ListCaseReadsResponse reads;
  ASSERT_TRUE(Call(tokens_["auditor"], [&](grpc::ClientContext* c) {
                return cases_->ListCaseReads(c, log, &reads);
              }).ok());
  ASSERT_EQ(reads.reads_size(), 1);
  EXPECT_EQ(reads.reads(0).user_name(), "clerk");
  EXPECT_EQ(reads.reads(0).actor(), "clerk用户");
  EXPECT_EQ(reads.reads(0).view(), "case");
  // The legal officer reads the history in full: that read is logged too.
  v1::ListCaseHistoryResponse in_full;
  ASSERT_TRUE(Call(tokens_["legal"], [&](grpc::ClientContext* c) {
                return cases_->ListCaseHistory(c, history, &in_full);
              }).ok());
  EXPECT_EQ(in_full.events(0).snapshot().applicant().id_number(), kIdNumber);
  ASSERT_TRUE(Call(tokens_["legal"], [&](grpc::ClientContext* c) {
                return cases_->ListCaseReads(c, log, &reads);
              }).ok());
  ASSERT_EQ(reads.reads_size(), 2);
  EXPECT_EQ(reads.reads(1).user_name(), "legal");
  EXPECT_EQ(reads.reads(1).view(), "history");
  // Reads do not change the case: its version is the same.
  v1::GetCaseResponse again;
  ASSERT_TRUE(GetCase(tokens_["auditor"], "", open_case_, &again).ok());
  EXPECT_EQ(again.case_().version(), full.case_().version());
}

// An alert stream outlives the check made when it opened: revoking its token,
// or changing its user's account, ends it at once.
TEST_F(AccessEndToEndTest, RevocationEndsOpenAlertStreams) {
  auto deadlines = v1::DeadlineService::NewStub(channel_);
  struct Watch {
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReader<v1::DeadlineAlert>> reader;
  };
  auto watch = [&](const std::string& token) {
    auto w = std::make_unique<Watch>();
    w->context.AddMetadata("authorization", "Bearer " + token);
    w->context.set_deadline(std::chrono::system_clock::now() +
                            std::chrono::seconds(30));
    w->reader = deadlines->WatchAlerts(&w->context, v1::WatchAlertsRequest());
    w->reader->WaitForInitialMetadata();  // subscribed
    return w;
  };
  auto ended = [](Watch& w) {
    v1::DeadlineAlert alert;
    while (w.reader->Read(&alert)) {
    }
    return w.reader->Finish();
  };
  std::unique_ptr<Watch> clerk = watch(tokens_["clerk"]);
  std::unique_ptr<Watch> auditor = watch(tokens_["auditor"]);

  v1::WhoAmIResponse me;
  ASSERT_TRUE(Call(tokens_["clerk"], [&](grpc::ClientContext* c) {
                return access_->WhoAmI(c, v1::WhoAmIRequest(), &me);
              }).ok());
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(me.token().id());
  v1::TokenInfo revoked;
  ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                return access_->RevokeToken(c, revoke, &revoked);
              }).ok());
  grpc::Status status = ended(*clerk);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(),
              HasSubstr("authorization: 令牌 " + me.token().id() + " 已吊销"));

  v1::PutUserRequest disable;
  disable.mutable_user()->set_name("auditor");
  disable.mutable_user()->set_display_name("auditor用户");
  disable.mutable_user()->add_roles(v1::ROLE_AUDITOR);
  disable.mutable_user()->set_disabled(true);
  v1::User user;
  ASSERT_TRUE(Call(admin_, [&](grpc::ClientContext* c) {
                return access_->PutUser(c, disable, &user);
              }).ok());
  status = ended(*auditor);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("auditor"));
  // And a new stream is refused.
  std::unique_ptr<Watch> again = watch(tokens_["auditor"]);
  EXPECT_EQ(ended(*again).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

// The CLI as staff use it: the administrator logs in (a 0600 token file),
// makes a user and issues its token; that user sees masked numbers and is
// refused what its role does not allow; a revoked token and a token file
// others could read are refused with one line each.
TEST_F(AccessEndToEndTest, CliLoginAdministrationMaskingAndRefusals) {
  const TempDir tmp;
  const std::string home = tmp.path();
  const std::string token_file = home + "/.config/ogi/token";
  auto ogi = [&](std::vector<std::string> args, const std::string& token = "") {
    args.insert(args.begin(), ::ogi::testing::CliBinary());
    std::map<std::string, std::string> env = {
        {"OGI_SERVER", server_->address()}, {"HOME", home}, {"NO_COLOR", "1"}};
    if (!token.empty()) env["OGI_TOKEN"] = token;
    auto result = RunCommand(args, env);
    EXPECT_THAT(result, IsOk());
    return result.ok() ? *result : ::ogi::testing::CommandResult{};
  };

  // Logging in checks the token with the server, then keeps it privately.
  auto refused = ogi({"login", "--token", "ogi_" + std::string(64, 'b')});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("未保存"));
  EXPECT_FALSE(std::filesystem::exists(token_file));
  auto login = ogi({"login", "--token", admin_});
  ASSERT_EQ(login.exit_code, 0) << login.err;
  EXPECT_THAT(login.out, HasSubstr("王科员 (tester)"));
  EXPECT_EQ(
      std::filesystem::status(token_file).permissions() &
          std::filesystem::perms::all,
      std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  // Administration from the token file.
  auto added = ogi({"user", "add", "li", "--display-name", "李统计", "--roles",
                    "statistician"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto issued = ogi({"token", "issue", "li", "--days", "5"});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  const std::string li =
      std::string(absl::StripTrailingAsciiWhitespace(issued.out));
  EXPECT_THAT(li, ::testing::StartsWith("ogi_"));
  EXPECT_EQ(li.find('\n'), std::string::npos);

  // The statistician sees the card with the numbers masked...
  auto card = ogi({"case", "show", open_case_}, li);
  ASSERT_EQ(card.exit_code, 0) << card.err;
  EXPECT_THAT(card.out, HasSubstr("371***********1234"));
  EXPECT_THAT(card.out, HasSubstr("138****0000"));
  EXPECT_THAT(card.out, ::testing::Not(HasSubstr(kPhone)));
  // ...while the administrator's own CLI as clerk (the tester) sees them.
  auto full = ogi({"case", "show", open_case_});
  EXPECT_THAT(full.out, HasSubstr(kPhone));
  // A change the role does not allow: one line, exit 1, nothing changed.
  auto denied = ogi({"case", "update", open_case_, "--phone", "0635-1234567",
                     "--reason", "更正电话"},
                    li);
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_THAT(denied.err, HasSubstr("需要以下角色之一：登记员 (clerk)"));
  EXPECT_EQ(std::count(denied.err.begin(), denied.err.end(), '\n'), 1);
  EXPECT_THAT(ogi({"case", "show", open_case_}).out, HasSubstr(kPhone));
  // The history names each full read: the tester's card above.
  auto history = ogi({"case", "history", open_case_});
  EXPECT_THAT(history.out, HasSubstr("查阅记录"));
  EXPECT_THAT(history.out, HasSubstr("王科员 (tester)"));

  // Revoked: refused at once, with the way out.
  auto listed = ogi({"--json", "token", "list", "--user", "li"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const size_t at = listed.out.find("\"tk-");
  ASSERT_NE(at, std::string::npos) << listed.out;
  const std::string id = listed.out.substr(at + 1, 11);
  ASSERT_EQ(ogi({"token", "revoke", id}).exit_code, 0);
  auto revoked = ogi({"case", "list"}, li);
  EXPECT_EQ(revoked.exit_code, 1);
  EXPECT_THAT(revoked.err, HasSubstr(" 吊销"));
  EXPECT_THAT(revoked.err, HasSubstr("ogi login"));

  // A token file others could read is not used.
  std::filesystem::permissions(token_file, std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  auto exposed = ogi({"whoami"});
  EXPECT_EQ(exposed.exit_code, 2);
  EXPECT_THAT(exposed.err, HasSubstr("须为 0600"));
  ASSERT_EQ(ogi({"logout"}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(token_file));
}

}  // namespace
}  // namespace ogi
