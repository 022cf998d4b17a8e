#include "cli/outcome_commands.h"

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/args.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeOutcomeStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::ogi::cli::testing::MustParse;
using ::ogi::cli::testing::TestOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

std::string Iso(const v1::Date& date) { return FormatIsoDate(date); }

v1::ItemDisposition Disposition(int item, v1::Outcome outcome) {
  v1::ItemDisposition d;
  d.set_item(item);
  d.set_outcome(outcome);
  return d;
}

// A case with two items, answered 2022-03-20 in person: item 1 disclosed,
// item 2 withheld as a state secret, so 部分公开 by SPEC §4 rule 2.
v1::Case ConcludedCase() {
  v1::Case c;
  c.set_agency_code("lc-xzsp");
  c.set_number("2022-0001");
  c.add_items()->set_description("甲");
  c.add_items()->set_description("乙");
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  v1::Conclusion* k = c.mutable_conclusion();
  k->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  *k->add_dispositions() = Disposition(1, v1::OUTCOME_DISCLOSED);
  *k->add_dispositions() = Disposition(2, v1::OUTCOME_WITHHELD_STATE_SECRET);
  k->set_derived_outcome(v1::OUTCOME_PARTIALLY_DISCLOSED);
  k->set_outcome(v1::OUTCOME_PARTIALLY_DISCLOSED);
  k->set_legal_basis("《中华人民共和国政府信息公开条例》第三十七条、第十四条");
  k->set_provided_summary("甲");
  k->set_withheld_summary("乙");
  k->set_service_method(v1::SERVICE_METHOD_SIGNED_IN_PERSON);
  *k->mutable_served() = MakeDate(2022, 3, 20);
  *k->mutable_due_date() = MakeDate(2022, 3, 29);
  return c;
}

// --- conclude ----------------------------------------------------------------

// The deprecated flat fields (4–16) of `request` that are set: none, since
// `ogi case conclude` fills the embedded conclusion.
std::vector<std::string> FlatFieldsSet(const v1::ConcludeCaseRequest& request) {
  std::vector<const google::protobuf::FieldDescriptor*> set;
  request.GetReflection()->ListFields(request, &set);
  std::vector<std::string> names;
  for (const google::protobuf::FieldDescriptor* field : set) {
    if (field->options().deprecated()) names.push_back(field->name());
  }
  return names;
}

TEST(BuildConcludeCaseRequestTest, TheFormFromTheIssue) {
  absl::StatusOr<v1::ConcludeCaseRequest> request = BuildConcludeCaseRequest(
      MustParse({"case", "conclude", "2022-0001", "--outcome", "disclosed",
                 "--served", "2022-03-20"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->number(), "2022-0001");
  EXPECT_EQ(request->outcome(), v1::OUTCOME_DISCLOSED);
  EXPECT_EQ(Iso(request->conclusion().served()), "2022-03-20");
  EXPECT_EQ(request->conclusion().dispositions_size(), 0);
  // Left to the server, which applies the case's delivery method.
  EXPECT_EQ(request->conclusion().service_method(),
            v1::SERVICE_METHOD_UNSPECIFIED);
  EXPECT_FALSE(request->conclusion().has_answer_date());
  EXPECT_EQ(request->conclusion().legal_basis(), "");
  EXPECT_TRUE(request->has_conclusion());
  EXPECT_THAT(FlatFieldsSet(*request), ::testing::IsEmpty());
}

TEST(BuildConcludeCaseRequestTest, EveryFlag) {
  absl::StatusOr<v1::ConcludeCaseRequest> request =
      BuildConcludeCaseRequest(MustParse({"case",
                                          "conclude",
                                          "2022-0001",
                                          "--item",
                                          "2=unavailable_not_held",
                                          "--item",
                                          "1=disclosed",
                                          "--primary-item",
                                          "2",
                                          "--override",
                                          "other",
                                          "--override-reason",
                                          "经复核",
                                          "--legal-basis",
                                          "第三十六条",
                                          "--not-held-reason",
                                          "other_agency",
                                          "--responsible-agency",
                                          "市自然资源局",
                                          "--provided",
                                          "甲",
                                          "--withheld",
                                          "乙",
                                          "--note",
                                          "备注",
                                          "--answer-date",
                                          "2022-03-18",
                                          "--service",
                                          "posted",
                                          "--served",
                                          "2022-03-19"}),
                               TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->outcome(), v1::OUTCOME_UNSPECIFIED);
  ASSERT_EQ(request->conclusion().dispositions_size(), 2);
  EXPECT_EQ(request->conclusion().dispositions(0).item(), 2);
  EXPECT_EQ(request->conclusion().dispositions(0).outcome(),
            v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  EXPECT_EQ(request->conclusion().dispositions(1).item(), 1);
  EXPECT_EQ(request->conclusion().dispositions(1).outcome(),
            v1::OUTCOME_DISCLOSED);
  EXPECT_EQ(request->conclusion().primary_item(), 2);
  EXPECT_EQ(request->conclusion().override_outcome(), v1::OUTCOME_OTHER);
  EXPECT_EQ(request->conclusion().override_reason(), "经复核");
  EXPECT_EQ(request->conclusion().legal_basis(), "第三十六条");
  EXPECT_EQ(request->conclusion().not_held_reason(),
            v1::NOT_HELD_REASON_OTHER_AGENCY);
  EXPECT_EQ(request->conclusion().responsible_agency(), "市自然资源局");
  EXPECT_EQ(request->conclusion().provided_summary(), "甲");
  EXPECT_EQ(request->conclusion().withheld_summary(), "乙");
  EXPECT_EQ(request->conclusion().note(), "备注");
  EXPECT_EQ(Iso(request->conclusion().answer_date()), "2022-03-18");
  EXPECT_EQ(request->conclusion().service_method(), v1::SERVICE_METHOD_POSTED);
  EXPECT_EQ(Iso(request->conclusion().served()), "2022-03-19");
  EXPECT_THAT(FlatFieldsSet(*request), ::testing::IsEmpty());
}

// --- withdraw, lapse
// -----------------------------------------------------------

// Without --date nothing is sent: the server takes its own today.
TEST(BuildWithdrawCaseRequestTest, DateIsLeftToTheServer) {
  absl::StatusOr<v1::WithdrawCaseRequest> request = BuildWithdrawCaseRequest(
      MustParse({"case", "withdraw", "2022-0005"}), TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->number(), "2022-0005");
  EXPECT_FALSE(request->has_withdrawn());
  EXPECT_EQ(request->note(), "");

  request = BuildWithdrawCaseRequest(
      MustParse({"case", "withdraw", "2022-0005", "--date", "2022-03-28",
                 "--note", "电话撤回"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->withdrawn()), "2022-03-28");
  EXPECT_EQ(request->note(), "电话撤回");
}

TEST(BuildConfirmLapseRequestTest, DateIsLeftToTheServerServiceOptional) {
  absl::StatusOr<v1::ConfirmLapseRequest> request = BuildConfirmLapseRequest(
      MustParse({"case", "lapse", "2022-0006"}), TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_FALSE(request->has_concluded());
  EXPECT_EQ(request->service_method(), v1::SERVICE_METHOD_UNSPECIFIED);

  request = BuildConfirmLapseRequest(
      MustParse({"case", "lapse", "2022-0006", "--date", "2022-05-05",
                 "--service", "posted", "--note", "告知书已邮寄"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->concluded()), "2022-05-05");
  EXPECT_EQ(request->service_method(), v1::SERVICE_METHOD_POSTED);
  EXPECT_EQ(request->note(), "告知书已邮寄");
}

// --- correct-conclusion
// --------------------------------------------------------

TEST(BuildCorrectConclusionRequestTest, ChangesOnlyTheGivenFields) {
  absl::StatusOr<v1::CorrectConclusionRequest> request =
      BuildCorrectConclusionRequest(
          MustParse({"case", "correct-conclusion", "2022-0001", "--reason",
                     "送达日期登记错误", "--served", "2022-03-21"}),
          TestOptions(), ConcludedCase());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->reason(), "送达日期登记错误");
  v1::Conclusion expected = ConcludedCase().conclusion();
  *expected.mutable_served() = MakeDate(2022, 3, 21);
  EXPECT_EQ(request->conclusion().SerializeAsString(),
            expected.SerializeAsString());
}

TEST(BuildCorrectConclusionRequestTest, ItemReplacesOneDisposition) {
  absl::StatusOr<v1::CorrectConclusionRequest> request =
      BuildCorrectConclusionRequest(
          MustParse({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                     "--item", "2=withheld_third_party_rights"}),
          TestOptions(), ConcludedCase());
  ASSERT_TRUE(request.ok()) << request.status();
  const v1::Conclusion& k = request->conclusion();
  ASSERT_EQ(k.dispositions_size(), 2);
  EXPECT_EQ(k.dispositions(0).outcome(), v1::OUTCOME_DISCLOSED);
  EXPECT_EQ(k.dispositions(1).outcome(),
            v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS);
}

TEST(BuildCorrectConclusionRequestTest, OutcomeAnswersEveryItemAlike) {
  v1::Case current = ConcludedCase();
  current.mutable_conclusion()->set_primary_item(2);
  absl::StatusOr<v1::CorrectConclusionRequest> request =
      BuildCorrectConclusionRequest(
          MustParse({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                     "--outcome", "disclosed", "--item",
                     "1=withheld_state_secret", "--provided", "", "--withheld",
                     "", "--legal-basis", ""}),
          TestOptions(), current);
  ASSERT_TRUE(request.ok()) << request.status();
  const v1::Conclusion& k = request->conclusion();
  ASSERT_EQ(k.dispositions_size(), 2);
  EXPECT_EQ(k.dispositions(0).item(), 1);
  EXPECT_EQ(k.dispositions(0).outcome(), v1::OUTCOME_WITHHELD_STATE_SECRET);
  EXPECT_EQ(k.dispositions(1).item(), 2);
  EXPECT_EQ(k.dispositions(1).outcome(), v1::OUTCOME_DISCLOSED);
  EXPECT_EQ(k.primary_item(), 0);
  // An empty value clears.
  EXPECT_EQ(k.provided_summary(), "");
  EXPECT_EQ(k.withheld_summary(), "");
  EXPECT_EQ(k.legal_basis(), "");
}

TEST(BuildCorrectConclusionRequestTest, OverrideAndItsRemoval) {
  absl::StatusOr<v1::CorrectConclusionRequest> request =
      BuildCorrectConclusionRequest(
          MustParse({"case", "correct-conclusion", "2022-0001", "--reason",
                     "复核", "--override", "withheld_state_secret",
                     "--override-reason", "主要事项不予公开"}),
          TestOptions(), ConcludedCase());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->conclusion().override_outcome(),
            v1::OUTCOME_WITHHELD_STATE_SECRET);
  EXPECT_EQ(request->conclusion().override_reason(), "主要事项不予公开");

  v1::Case overridden = ConcludedCase();
  overridden.mutable_conclusion()->set_override_outcome(
      v1::OUTCOME_WITHHELD_STATE_SECRET);
  overridden.mutable_conclusion()->set_override_reason("主要事项不予公开");
  // The stored reason still covers a changed override outcome...
  request = BuildCorrectConclusionRequest(
      MustParse({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                 "--override", "withheld_prohibited_by_law"}),
      TestOptions(), overridden);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->conclusion().override_reason(), "主要事项不予公开");
  // ...and removing the override removes its reason.
  request = BuildCorrectConclusionRequest(
      MustParse({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                 "--override", ""}),
      TestOptions(), overridden);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->conclusion().override_outcome(), v1::OUTCOME_UNSPECIFIED);
  EXPECT_EQ(request->conclusion().override_reason(), "");
}

// --- reanswer
// ------------------------------------------------------------------

TEST(BuildRecordReAnswerRequestTest, OrderOnly) {
  absl::StatusOr<v1::RecordReAnswerRequest> request =
      BuildRecordReAnswerRequest(
          MustParse({"case", "reanswer", "2022-0013", "--ordered-by",
                     "2022-0013-R1", "--due", "2022-07-14"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->number(), "2022-0013");
  EXPECT_EQ(request->ordered_by(), "2022-0013-R1");
  EXPECT_EQ(Iso(request->due()), "2022-07-14");
  EXPECT_FALSE(request->has_ordered());
  EXPECT_FALSE(request->has_served());
  EXPECT_EQ(request->outcome(), v1::OUTCOME_UNSPECIFIED);
}

TEST(BuildRecordReAnswerRequestTest, TheNewAnswer) {
  absl::StatusOr<v1::RecordReAnswerRequest> request =
      BuildRecordReAnswerRequest(
          MustParse({"case", "reanswer", "2022-0013", "--ordered-by",
                     "2022-0013-R1", "--ordered", "2022-06-30", "--outcome",
                     "disclosed", "--served", "2022-07-10", "--service",
                     "signed_by_entrusted", "--note", "重新答复"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->ordered()), "2022-06-30");
  EXPECT_FALSE(request->has_due());
  EXPECT_EQ(request->outcome(), v1::OUTCOME_DISCLOSED);
  EXPECT_EQ(Iso(request->served()), "2022-07-10");
  EXPECT_EQ(request->service_method(), v1::SERVICE_METHOD_SIGNED_BY_ENTRUSTED);
  EXPECT_EQ(request->note(), "重新答复");
}

// --- usage errors
// ----------------------------------------------------------------

// Each command line is complete but for one flag; the message names it and
// nothing is sent.
TEST(OutcomeUsageErrorsTest, FirstMissingOrBadFlagIsNamed) {
  for (const auto& [args, message] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"case", "conclude", "1", "--served", "2022-03-20"},
            "缺少必需的选项：--outcome 或 --item（见 \"ogi case conclude "
            "--help\"）"},
           {{"case", "conclude", "1", "--outcome", "published", "--served",
             "2022-03-20"},
            "--outcome: \"published\" 不是可选的取值；可选：disclosed, "
            "partially_disclosed, withheld_state_secret, "
            "withheld_prohibited_by_law, withheld_security_stability, "
            "withheld_third_party_rights, withheld_internal_affairs, "
            "withheld_process_information, withheld_enforcement_file, "
            "withheld_administrative_query, unavailable_not_held, "
            "unavailable_needs_creation, unavailable_still_unclear, "
            "not_processed_complaint, not_processed_duplicate, "
            "not_processed_publication, not_processed_excessive, "
            "not_processed_confirmation, other_correction_lapsed, "
            "other_fee_unpaid, other"},
           {{"case", "conclude", "1", "--outcome", "disclosed"},
            "缺少必需的选项：--served（见"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--served",
             "20.3.2022"},
            "--served: \"20.3.2022\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--item",
             "1=disclosed", "--served", "2022-03-20"},
            "--item: 不能与 --outcome 同用（二者选一）"},
           {{"case", "conclude", "1", "--item", "disclosed", "--served",
             "2022-03-20"},
            "--item: \"disclosed\" 不是 N=OUTCOME 形式（例如 1=disclosed）"},
           {{"case", "conclude", "1", "--item", "0=disclosed", "--served",
             "2022-03-20"},
            "--item: \"0\" 不是 1 到 1000 之间的整数"},
           {{"case", "conclude", "1", "--item", "1=disclosed", "--item",
             "1=other", "--served", "2022-03-20"},
            "--item: 第 1 项重复给出"},
           {{"case", "conclude", "1", "--item", "1=secret", "--served",
             "2022-03-20"},
            "--item: \"secret\" 不是可选的取值"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--served",
             "2022-03-20", "--override", "other"},
            "--override-reason: 使用 --override 时须写明理由"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--served",
             "2022-03-20", "--override-reason", "因为"},
            "--override-reason: 只能与 --override 同用"},
           {{"case", "conclude", "1", "--outcome", "unavailable_not_held",
             "--served", "2022-03-20", "--not-held-reason", "lost"},
            "--not-held-reason: \"lost\" 不是可选的取值；可选："
            "does_not_exist, other_agency"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--served",
             "2022-03-20", "--service", "fax"},
            "--service: \"fax\" 不是可选的取值；可选：signed_in_person, "
            "signed_by_entrusted, posted, electronic"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--served",
             "2022-03-20", "--primary-item", "x"},
            "--primary-item: \"x\" 不是 1 到 1000 之间的整数"},
           {{"case", "conclude", "1", "--outcome", "disclosed", "--served",
             "2022-03-20", "--answer-date", "2022-02-30"},
            "--answer-date: \"2022-02-30\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"case", "withdraw", "1", "--date", "yesterday"},
            "--date: \"yesterday\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"case", "lapse", "1", "--service", "carrier_pigeon"},
            "--service: \"carrier_pigeon\" 不是可选的取值"},
           {{"case", "correct-conclusion", "1", "--served", "2022-03-21"},
            "缺少必需的选项：--reason"},
           {{"case", "correct-conclusion", "1", "--reason", "r", "--outcome",
             "x"},
            "--outcome: \"x\" 不是可选的取值"},
           {{"case", "reanswer", "1", "--due", "2022-07-14"},
            "缺少必需的选项：--ordered-by"},
           {{"case", "reanswer", "1", "--ordered-by", "1-R1", "--outcome",
             "disclosed"},
            "缺少必需的选项：--served（与 --outcome 同用）"},
           {{"case", "reanswer", "1", "--ordered-by", "1-R1", "--served",
             "2022-07-10"},
            "缺少必需的选项：--outcome（与 --served 同用）"},
           {{"case", "reanswer", "1", "--ordered-by", "1-R1", "--service",
             "posted"},
            "--service: 只能与 --served 同用"},
           {{"case", "reanswer", "1", "--ordered-by", "1-R1", "--due",
             "2022-7-14"},
            "--due: \"2022-7-14\" 不是有效日期（格式为 YYYY-MM-DD）"},
       }) {
    FakeCaseStub cases;
    FakeAgencyStub agencies;
    FakeOutcomeStub outcomes;
    std::ostringstream out, err;
    const int code = RunOgi(
        args, Environment(),
        [&](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases, &agencies, nullptr,
                                             nullptr, nullptr, &outcomes);
        },
        out, err);
    EXPECT_EQ(code, 2) << message;
    EXPECT_THAT(err.str(), ::testing::StartsWith("ogi: " + message)) << message;
    const std::string error = err.str();
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << error;
    EXPECT_EQ(out.str(), "");
    EXPECT_TRUE(outcomes.calls.empty()) << message;
    EXPECT_TRUE(cases.calls.empty()) << message;
  }
}

// --- running
// ---------------------------------------------------------------------

class OutcomeRunTest : public ::testing::Test {
 protected:
  OutcomeRunTest() {
    *stub_.response.mutable_case_() = ConcludedCase();
    v1::Case asked = ConcludedCase();
    asked.clear_conclusion();
    asked.set_delivery_method(v1::DELIVERY_METHOD_POST);
    *cases_.get_response.mutable_case_() = asked;
  }

  // Runs `ogi <args>` over the fakes; returns the exit code.
  int Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    Environment env;
    env.ogi_token = "ogi_tk-clerk_secret";
    return RunOgi(
        args, env,
        [this](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases_, &agencies_, nullptr,
                                             nullptr, nullptr, &stub_);
        },
        out_, err_);
  }

  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  FakeOutcomeStub stub_;
  std::ostringstream out_, err_;
};

TEST_F(OutcomeRunTest, ConcludeTheFormFromTheIssue) {
  ASSERT_EQ(Run({"case", "conclude", "2022-0001", "--outcome", "disclosed",
                 "--served", "2022-03-20"}),
            0)
      << err_.str();
  EXPECT_EQ(err_.str(), "");
  // No lookup: the server fills in the service method from the case's
  // delivery, so the request leaves it unspecified.
  EXPECT_TRUE(cases_.calls.empty());
  ASSERT_EQ(stub_.calls.size(), 1u);
  EXPECT_EQ(stub_.calls[0].method, "ConcludeCase");
  EXPECT_THAT(stub_.calls[0].metadata,
              ElementsAre(Pair("authorization", "Bearer ogi_tk-clerk_secret")));
  const auto* request = stub_.Last<v1::ConcludeCaseRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->outcome(), v1::OUTCOME_DISCLOSED);
  EXPECT_EQ(request->conclusion().service_method(),
            v1::SERVICE_METHOD_UNSPECIFIED);
  EXPECT_EQ(Iso(request->conclusion().served()), "2022-03-20");
  EXPECT_THAT(Lines(out_.str()),
              ElementsAre("已办结：2022-0001", "办理结果      （二）部分公开",
                          "各项答复      1. （一）予以公开",
                          "              2. （三）不予公开：属于国家秘密",
                          "法律依据      《中华人民共和国政府信息公开条例》"
                          "第三十七条、第十四条",
                          "公开部分      甲", "不予公开部分  乙",
                          "答复送达      2022-03-20 当面签收"));
}

TEST_F(OutcomeRunTest, GivenServiceNeedsNoLookup) {
  ASSERT_EQ(Run({"case", "conclude", "2022-0001", "--outcome", "disclosed",
                 "--served", "2022-03-20", "--service", "electronic"}),
            0)
      << err_.str();
  EXPECT_TRUE(cases_.calls.empty());
  EXPECT_EQ(
      stub_.Last<v1::ConcludeCaseRequest>()->conclusion().service_method(),
      v1::SERVICE_METHOD_ELECTRONIC);
}

TEST_F(OutcomeRunTest, LateAnswerIsMarked) {
  v1::Conclusion* k = stub_.response.mutable_case_()->mutable_conclusion();
  k->set_served_late(true);
  *k->mutable_served() = MakeDate(2022, 3, 31);
  ASSERT_EQ(Run({"case", "conclude", "2022-0001", "--outcome", "disclosed",
                 "--served", "2022-03-31", "--service", "signed_in_person"}),
            0);
  EXPECT_THAT(out_.str(),
              HasSubstr("答复送达      2022-03-31 当面签收（逾期送达，答复期限 "
                        "2022-03-29）\n"));
}

TEST_F(OutcomeRunTest, ServerRejectionNamesTheMissingDetail) {
  stub_.error =
      grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                   "not_held_reason: 须写明原因（可选：does_not_exist, "
                   "other_agency）");
  EXPECT_EQ(Run({"case", "conclude", "2022-0001", "--outcome",
                 "unavailable_not_held", "--served", "2022-03-20"}),
            1);
  EXPECT_EQ(err_.str(),
            "ogi: --not-held-reason: 须写明原因（可选：does_not_exist, "
            "other_agency）（INVALID_ARGUMENT）\n");
  EXPECT_EQ(out_.str(), "");
}

// Every missing detail the server names comes back under the user's flags.
// The server names the embedded conclusion's fields, which conclude fills.
TEST_F(OutcomeRunTest, EmbeddedConclusionErrorsNameTheFlags) {
  stub_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                             "conclusion.provided_summary, "
                             "conclusion.withheld_summary: "
                             "部分公开须写明提供的信息和不予公开的信息");
  EXPECT_EQ(Run({"case", "conclude", "2022-0001", "--outcome",
                 "partially_disclosed", "--served", "2022-03-20"}),
            1);
  EXPECT_EQ(err_.str(),
            "ogi: --provided, --withheld: "
            "部分公开须写明提供的信息和不予公开的信息（INVALID_ARGUMENT）\n");
}

TEST_F(OutcomeRunTest, ServerRejectionNamesEveryMissingDetailAsFlags) {
  stub_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                             "provided_summary, withheld_summary: "
                             "部分公开须写明提供的信息和不予公开的信息");
  EXPECT_EQ(Run({"case", "conclude", "2022-0001", "--outcome",
                 "partially_disclosed", "--served", "2022-03-20"}),
            1);
  EXPECT_EQ(err_.str(),
            "ogi: --provided, --withheld: "
            "部分公开须写明提供的信息和不予公开的信息（INVALID_ARGUMENT）\n");

  stub_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                             "conclusion.note: 其他处理须写明具体情况");
  *cases_.get_response.mutable_case_() = ConcludedCase();
  EXPECT_EQ(Run({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                 "--outcome", "other"}),
            1);
  EXPECT_EQ(err_.str(),
            "ogi: --note: 其他处理须写明具体情况（INVALID_ARGUMENT）\n");

  stub_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                             "concluded: 2022-03-25 晚于今天");
  EXPECT_EQ(Run({"case", "lapse", "2022-0001", "--date", "2022-03-25"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: --date: 2022-03-25 晚于今天（INVALID_ARGUMENT）\n");
}

TEST_F(OutcomeRunTest, ConcludeOfAnUnknownCaseIsTheServersAnswer) {
  stub_.error = grpc::Status(grpc::StatusCode::NOT_FOUND, "case 2022-0099");
  EXPECT_EQ(Run({"case", "conclude", "2022-0099", "--outcome", "disclosed",
                 "--served", "2022-03-20"}),
            1);
  EXPECT_EQ(err_.str(), "ogi: 未找到：case 2022-0099（NOT_FOUND）\n");
  EXPECT_TRUE(cases_.calls.empty());
  EXPECT_EQ(out_.str(), "");
}

TEST_F(OutcomeRunTest, WithdrawBareForm) {
  v1::Case& c = *stub_.response.mutable_case_();
  v1::Conclusion* k = c.mutable_conclusion();
  k->Clear();
  k->set_kind(v1::CONCLUSION_KIND_WITHDRAWN);
  k->set_derived_outcome(v1::OUTCOME_OTHER);
  k->set_outcome(v1::OUTCOME_OTHER);
  k->set_note("申请人撤回申请");
  *k->mutable_served() = MakeDate(2022, 4, 1);
  ASSERT_EQ(Run({"case", "withdraw", "2022-0001"}), 0) << err_.str();
  const auto* request = stub_.Last<v1::WithdrawCaseRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(stub_.calls[0].method, "WithdrawCase");
  // Today is the server's to fill in.
  EXPECT_FALSE(request->has_withdrawn());
  EXPECT_THAT(
      Lines(out_.str()),
      ElementsAre("已办结（申请人撤回）：2022-0001",
                  "办理结果  （六）其他处理：其他", "办结方式  申请人撤回",
                  "办结说明  申请人撤回申请", "办结日期  2022-04-01"));
}

TEST_F(OutcomeRunTest, LapseCallsConfirmLapse) {
  ASSERT_EQ(Run({"case", "lapse", "2022-0001", "--date", "2022-05-06"}), 0)
      << err_.str();
  EXPECT_EQ(stub_.calls[0].method, "ConfirmLapse");
  EXPECT_EQ(Iso(stub_.Last<v1::ConfirmLapseRequest>()->concluded()),
            "2022-05-06");
  EXPECT_THAT(out_.str(), ::testing::StartsWith(
                              "已办结（申请人逾期，不再处理）：2022-0001\n"));
}

TEST_F(OutcomeRunTest, CorrectionFetchesThenSendsTheWholeConclusion) {
  *cases_.get_response.mutable_case_() = ConcludedCase();
  ASSERT_EQ(Run({"case", "correct-conclusion", "2022-0001", "--reason",
                 "送达日期登记错误", "--served", "2022-03-21"}),
            0)
      << err_.str();
  ASSERT_EQ(cases_.calls.size(), 1u);
  EXPECT_EQ(cases_.calls[0].method, "GetCase");
  ASSERT_EQ(stub_.calls.size(), 1u);
  EXPECT_EQ(stub_.calls[0].method, "CorrectConclusion");
  const auto* request = stub_.Last<v1::CorrectConclusionRequest>();
  EXPECT_EQ(request->reason(), "送达日期登记错误");
  EXPECT_EQ(Iso(request->conclusion().served()), "2022-03-21");
  EXPECT_EQ(request->conclusion().dispositions_size(), 2);
  EXPECT_THAT(out_.str(), ::testing::StartsWith("已更正办理结果：2022-0001\n"));
}

TEST_F(OutcomeRunTest, CorrectionOverrideReasonDependsOnTheStoredCase) {
  // No override stored: a reason alone is refused after the lookup, before
  // any change is sent.
  *cases_.get_response.mutable_case_() = ConcludedCase();
  EXPECT_EQ(Run({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                 "--override-reason", "因为"}),
            2);
  EXPECT_EQ(err_.str(), "ogi: --override-reason: 只能与 --override 同用\n");
  EXPECT_TRUE(stub_.calls.empty());
}

TEST_F(OutcomeRunTest, ReanswerOrderThenAnswer) {
  v1::ReAnswer* r = stub_.response.mutable_case_()->add_re_answers();
  r->set_id(1);
  r->set_ordered_by("2022-0001-R1");
  *r->mutable_ordered() = MakeDate(2022, 6, 30);
  *r->mutable_due() = MakeDate(2022, 7, 14);
  ASSERT_EQ(Run({"case", "reanswer", "2022-0001", "--ordered-by",
                 "2022-0001-R1", "--due", "2022-07-14"}),
            0)
      << err_.str();
  EXPECT_TRUE(cases_.calls.empty());
  EXPECT_THAT(out_.str(),
              ::testing::StartsWith("已记录责令重新答复：2022-0001\n"));
  EXPECT_THAT(out_.str(), HasSubstr("重新答复      1. 依 2022-0001-R1（"
                                    "2022-06-30）责令重新答复，期限 "
                                    "2022-07-14；尚未答复\n"));

  r->set_outcome(v1::OUTCOME_DISCLOSED);
  r->set_service_method(v1::SERVICE_METHOD_POSTED);
  *r->mutable_served() = MakeDate(2022, 7, 10);
  ASSERT_EQ(
      Run({"case", "reanswer", "2022-0001", "--ordered-by", "2022-0001-R1",
           "--outcome", "disclosed", "--served", "2022-07-10"}),
      0)
      << err_.str();
  EXPECT_TRUE(cases_.calls.empty());  // the server defaults the method
  EXPECT_EQ(stub_.Last<v1::RecordReAnswerRequest>()->service_method(),
            v1::SERVICE_METHOD_UNSPECIFIED);
  EXPECT_THAT(out_.str(), ::testing::StartsWith("已记录重新答复：2022-0001\n"));
  EXPECT_THAT(out_.str(),
              HasSubstr("；2022-07-10 邮寄（交邮）：（一）予以公开\n"));
  // The report category stays that of the first conclusion.
  EXPECT_THAT(out_.str(), HasSubstr("办理结果      （二）部分公开\n"));
}

TEST_F(OutcomeRunTest, JsonIsTheReturnedCase) {
  ASSERT_EQ(Run({"--json", "case", "conclude", "2022-0001", "--outcome",
                 "disclosed", "--served", "2022-03-20", "--service", "posted"}),
            0);
  v1::Case parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok())
      << out_.str();
  EXPECT_EQ(parsed.conclusion().outcome(), v1::OUTCOME_PARTIALLY_DISCLOSED);
  EXPECT_THAT(out_.str(), HasSubstr("\"CASE_STATUS_CONCLUDED\""));
}

// --- expected version
// ----------------------------------------------------------

TEST(OutcomeExpectedVersionTest, EveryCommandCarriesIt) {
  auto withdraw = BuildWithdrawCaseRequest(
      MustParse({"case", "withdraw", "2022-0001", "--expected-version", "2"}),
      TestOptions());
  ASSERT_TRUE(withdraw.ok()) << withdraw.status();
  EXPECT_EQ(withdraw->expected_version(), 2);
  auto conclude = BuildConcludeCaseRequest(
      MustParse({"case", "conclude", "2022-0001", "--outcome", "disclosed",
                 "--served", "2022-03-20"}),
      TestOptions());
  ASSERT_TRUE(conclude.ok()) << conclude.status();
  EXPECT_EQ(conclude->expected_version(), 0);
  for (const CommandSpec& spec : OutcomeCommandSpecs()) {
    bool has = false;
    for (const FlagSpec& flag : spec.flags) {
      has = has || flag.name == "expected-version";
    }
    EXPECT_TRUE(has) << CommandName(spec);
  }
}

// correct-conclusion restates the conclusion it read: by default it asks for
// the version it read, so a change made meanwhile is not overwritten.
TEST(OutcomeExpectedVersionTest, CorrectConclusionExpectsTheVersionItRead) {
  v1::Case current = ConcludedCase();
  current.set_version(5);
  auto request = BuildCorrectConclusionRequest(
      MustParse({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                 "--served", "2022-03-21"}),
      TestOptions(), current);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->expected_version(), 5);
  auto given = BuildCorrectConclusionRequest(
      MustParse({"case", "correct-conclusion", "2022-0001", "--reason", "r",
                 "--served", "2022-03-21", "--expected-version", "4"}),
      TestOptions(), current);
  ASSERT_TRUE(given.ok()) << given.status();
  EXPECT_EQ(given->expected_version(), 4);
}

}  // namespace
}  // namespace ogi::cli
