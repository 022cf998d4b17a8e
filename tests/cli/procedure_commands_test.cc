#include "cli/procedure_commands.h"

#include <chrono>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/args.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeProcedureStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::kTestToken;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::ogi::cli::testing::MustParse;
using ::ogi::cli::testing::TestOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

std::string Iso(const v1::Date& date) { return FormatIsoDate(date); }

// A case as the server returns it after a step: running, due 2025-11-27.
v1::Case SteppedCase() {
  v1::Case c;
  c.set_agency_code("lc-xzsp");
  c.set_number("2025-0001");
  v1::Deadlines* d = c.mutable_deadlines();
  *d->mutable_as_of() = MakeDate(2025, 10, 28);
  d->set_state(v1::CLOCK_STATE_RUNNING);
  *d->mutable_clock_start() = MakeDate(2025, 9, 26);
  *d->mutable_answer_due() = MakeDate(2025, 11, 27);
  d->set_working_days_left(22);
  d->set_allowed_working_days(40);
  return c;
}

// --- request building ------------------------------------------------------

TEST(BuildExtendDeadlineRequestTest, TheFormFromTheManual) {
  absl::StatusOr<v1::ExtendDeadlineRequest> request =
      BuildExtendDeadlineRequest(
          MustParse({"case", "extend", "2025-0001", "--days", "20",
                     "--approver", "李主任", "--notified", "2025-10-28"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->number(), "2025-0001");
  EXPECT_EQ(request->working_days(), 20);
  EXPECT_EQ(request->approver(), "李主任");
  EXPECT_EQ(Iso(request->notified()), "2025-10-28");
  // Absent --approved leaves the field unset: the server takes --notified.
  EXPECT_FALSE(request->has_approved());
}

TEST(BuildExtendDeadlineRequestTest, ApprovedDate) {
  absl::StatusOr<v1::ExtendDeadlineRequest> request =
      BuildExtendDeadlineRequest(
          MustParse({"case", "extend", "2025-0001", "--days=5", "--approver=Li",
                     "--notified=2025-10-28", "--approved=2025-10-27"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->working_days(), 5);
  ASSERT_TRUE(request->has_approved());
  EXPECT_EQ(Iso(request->approved()), "2025-10-27");
}

TEST(BuildSendCorrectionNoticeRequestTest, EveryFlag) {
  absl::StatusOr<v1::SendCorrectionNoticeRequest> request =
      BuildSendCorrectionNoticeRequest(
          MustParse({"case", "correction-notice", "2025-0002", "--sent",
                     "2025-09-30", "--items", "身份证明复印件", "--deadline",
                     "2025-10-20"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->number(), "2025-0002");
  EXPECT_EQ(Iso(request->sent()), "2025-09-30");
  EXPECT_EQ(request->items_to_supplement(), "身份证明复印件");
  EXPECT_EQ(Iso(request->applicant_deadline()), "2025-10-20");
}

TEST(BuildReceiveSupplementRequestTest, Received) {
  absl::StatusOr<v1::ReceiveSupplementRequest> request =
      BuildReceiveSupplementRequest(
          MustParse(
              {"case", "supplement", "2025-0002", "--received", "2025-10-15"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->number(), "2025-0002");
  EXPECT_EQ(Iso(request->received()), "2025-10-15");
}

TEST(BuildSendConsultationRequestTest, KindsAndOptionalPartyReceived) {
  absl::StatusOr<v1::SendConsultationRequest> request =
      BuildSendConsultationRequest(
          MustParse({"case", "consult", "2025-0003", "--kind", "third_party",
                     "--party", "某某公司", "--sent", "2025-10-16"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->kind(), v1::CONSULTED_PARTY_KIND_THIRD_PARTY);
  EXPECT_EQ(request->party(), "某某公司");
  EXPECT_EQ(Iso(request->sent()), "2025-10-16");
  EXPECT_FALSE(request->has_party_received());

  request = BuildSendConsultationRequest(
      MustParse({"case", "consult", "2025-0003", "--kind", "other_agency",
                 "--party", "市自然资源局", "--sent", "2025-10-16",
                 "--party-received", "2025-10-17"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->kind(), v1::CONSULTED_PARTY_KIND_OTHER_AGENCY);
  ASSERT_TRUE(request->has_party_received());
  EXPECT_EQ(Iso(request->party_received()), "2025-10-17");
}

TEST(BuildReceiveConsultationReplyRequestTest, ConsultationIsOptional) {
  absl::StatusOr<v1::ReceiveConsultationReplyRequest> request =
      BuildReceiveConsultationReplyRequest(
          MustParse({"case", "consult-reply", "2025-0003", "--received",
                     "2025-10-24"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->received()), "2025-10-24");
  EXPECT_EQ(request->consultation_id(), 0);

  request = BuildReceiveConsultationReplyRequest(
      MustParse({"case", "consult-reply", "2025-0003", "--received",
                 "2025-10-24", "--consultation", "2"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->consultation_id(), 2);
}

TEST(BuildIssueFeeNoticeRequestTest, PerApplication) {
  absl::StatusOr<v1::IssueFeeNoticeRequest> request =
      BuildIssueFeeNoticeRequest(
          MustParse({"case", "fee-notice", "2025-0004", "--method",
                     "per_application", "--served", "2025-10-21", "--prior",
                     "10", "--units", "2"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->method(), v1::FEE_METHOD_PER_APPLICATION);
  EXPECT_EQ(Iso(request->served()), "2025-10-21");
  EXPECT_EQ(request->prior_applications_this_month(), 10);
  EXPECT_EQ(request->units(), 2);
  EXPECT_EQ(request->pages(), 0);
}

TEST(BuildIssueFeeNoticeRequestTest, PerPage) {
  absl::StatusOr<v1::IssueFeeNoticeRequest> request =
      BuildIssueFeeNoticeRequest(
          MustParse({"case", "fee-notice", "2025-0004", "--method", "per_page",
                     "--served", "2025-10-21", "--pages", "120"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->method(), v1::FEE_METHOD_PER_PAGE);
  EXPECT_EQ(request->pages(), 120);
  EXPECT_EQ(request->units(), 0);
  EXPECT_EQ(request->prior_applications_this_month(), 0);
}

TEST(BuildReceiveFeePaymentRequestTest, Paid) {
  absl::StatusOr<v1::ReceiveFeePaymentRequest> request =
      BuildReceiveFeePaymentRequest(
          MustParse({"case", "fee-paid", "2025-0004", "--paid", "2025-10-23"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->number(), "2025-0004");
  EXPECT_EQ(Iso(request->paid()), "2025-10-23");
}

TEST(BuildDeferDeadlineRequestTest, EveryFlag) {
  absl::StatusOr<v1::DeferDeadlineRequest> request = BuildDeferDeadlineRequest(
      MustParse({"case", "defer", "2025-0005", "--until", "2026-01-15",
                 "--notified", "2025-11-20", "--reason", "需要会商"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->new_due()), "2026-01-15");
  EXPECT_EQ(Iso(request->notified()), "2025-11-20");
  EXPECT_EQ(request->reason(), "需要会商");
}

// --- usage errors ----------------------------------------------------------

// Each command line is complete but for one flag; the message names it.
TEST(ProcedureUsageErrorsTest, FirstMissingOrBadFlagIsNamed) {
  for (const auto& [args, message] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"case", "correction-notice", "1", "--items", "x", "--deadline",
             "2025-10-20"},
            "缺少必需的选项：--sent（"},
           {{"case", "correction-notice", "1", "--sent", "2025-09-30",
             "--deadline", "2025-10-20"},
            "缺少必需的选项：--items"},
           {{"case", "correction-notice", "1", "--sent", "2025-09-30",
             "--items", "  ", "--deadline", "2025-10-20"},
            "缺少必需的选项：--items"},
           {{"case", "correction-notice", "1", "--sent", "2025-09-30",
             "--items", "x"},
            "缺少必需的选项：--deadline（"},
           {{"case", "correction-notice", "1", "--sent", "30.9.2025", "--items",
             "x", "--deadline", "2025-10-20"},
            "--sent: \"30.9.2025\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"case", "supplement", "1"}, "缺少必需的选项：--received（"},
           {{"case", "supplement", "1", "--received", "2025-02-29"},
            "--received: \"2025-02-29\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"case", "consult", "1", "--party", "p", "--sent", "2025-10-16"},
            "缺少必需的选项：--kind（"},
           {{"case", "consult", "1", "--kind", "neighbour", "--party", "p",
             "--sent", "2025-10-16"},
            "--kind: \"neighbour\" 不是可选的取值；可选：third_party, "
            "other_agency"},
           {{"case", "consult", "1", "--kind", "third_party", "--sent",
             "2025-10-16"},
            "缺少必需的选项：--party"},
           {{"case", "consult", "1", "--kind", "third_party", "--party", "p",
             "--sent", "2025-10-16", "--party-received", "2025-13-01"},
            "--party-received: \"2025-13-01\" 不是有效日期（格式为 "
            "YYYY-MM-DD）"},
           {{"case", "consult-reply", "1", "--received", "2025-10-24",
             "--consultation", "0"},
            "--consultation: \"0\" 不是 1 到 1000000 之间的整数"},
           {{"case", "fee-notice", "1", "--served", "2025-10-21"},
            "缺少必需的选项：--method（"},
           {{"case", "fee-notice", "1", "--method", "per_word", "--served",
             "2025-10-21"},
            "--method: \"per_word\" 不是可选的取值；可选：per_application, "
            "per_page"},
           {{"case", "fee-notice", "1", "--method", "per_page", "--served",
             "2025-10-21"},
            "缺少必需的选项：--pages（--method per_page 时）"},
           {{"case", "fee-notice", "1", "--method", "per_page", "--served",
             "2025-10-21", "--pages", "3", "--units", "2"},
            "--units: 只能与 --method per_application 同用"},
           {{"case", "fee-notice", "1", "--method", "per_application",
             "--served", "2025-10-21", "--pages", "3"},
            "--pages: 只能与 --method per_page 同用"},
           {{"case", "fee-notice", "1", "--method", "per_application",
             "--served", "2025-10-21", "--prior", "-1"},
            "--prior: \"-1\" 不是 0 到 1000000 之间的整数"},
           {{"case", "fee-notice", "1", "--method", "per_application"},
            "缺少必需的选项：--served（"},
           {{"case", "fee-paid", "1"}, "缺少必需的选项：--paid（"},
           {{"case", "extend", "1", "--approver", "a", "--notified",
             "2025-10-28"},
            "缺少必需的选项：--days（"},
           {{"case", "extend", "1", "--days", "21", "--approver", "a",
             "--notified", "2025-10-28"},
            "--days: \"21\" 不是 1 到 20 之间的整数"},
           {{"case", "extend", "1", "--days", "twenty", "--approver", "a",
             "--notified", "2025-10-28"},
            "--days: \"twenty\" 不是 1 到 20 之间的整数"},
           {{"case", "extend", "1", "--days", "20", "--notified", "2025-10-28"},
            "缺少必需的选项：--approver"},
           {{"case", "extend", "1", "--days", "20", "--approver", "a"},
            "缺少必需的选项：--notified（"},
           {{"case", "extend", "1", "--days", "20", "--approver", "a",
             "--notified", "2025-10-28", "--approved", "yesterday"},
            "--approved: \"yesterday\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"case", "defer", "1", "--notified", "2025-11-20", "--reason", "r"},
            "缺少必需的选项：--until（"},
           {{"case", "defer", "1", "--until", "2026-01-15", "--reason", "r"},
            "缺少必需的选项：--notified（"},
           {{"case", "defer", "1", "--until", "2026-01-15", "--notified",
             "2025-11-20"},
            "缺少必需的选项：--reason"},
       }) {
    FakeCaseStub cases;
    FakeAgencyStub agencies;
    FakeProcedureStub procedures;
    std::ostringstream out, err;
    const int code = RunOgi(
        args, Environment(),
        [&](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases, &agencies, &procedures);
        },
        out, err);
    EXPECT_EQ(code, 2) << message;
    EXPECT_THAT(err.str(), ::testing::StartsWith("ogi: " + message));
    const std::string error = err.str();
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << error;
    EXPECT_EQ(out.str(), "");
    EXPECT_TRUE(procedures.calls.empty()) << message;
  }
}

// --- running the steps -----------------------------------------------------

class ProcedureRunTest : public ::testing::Test {
 protected:
  ProcedureRunTest() { *stub_.response.mutable_case_() = SteppedCase(); }

  FakeProcedureStub stub_;
  std::ostringstream out_;
};

TEST_F(ProcedureRunTest, ExtendPrintsConfirmationAndSummary) {
  const absl::Status status = RunCaseExtend(
      MustParse({"case", "extend", "2025-0001", "--days", "20", "--approver",
                 "李主任", "--notified", "2025-10-28"}),
      TestOptions(), stub_, out_);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(Lines(out_.str()),
              ElementsAre("已记录延期：2025-0001 延长 20 个工作日（批准人 "
                          "李主任）",
                          "期限状态  计时中",
                          "答复期限  2025-11-27（剩余 22 个工作日）"));
  ASSERT_EQ(stub_.calls.size(), 1u);
  EXPECT_EQ(stub_.calls[0].method, "ExtendDeadline");
  ASSERT_NE(stub_.Last<v1::ExtendDeadlineRequest>(), nullptr);
  EXPECT_EQ(stub_.Last<v1::ExtendDeadlineRequest>()->approver(), "李主任");
}

TEST_F(ProcedureRunTest, EveryStepCallsItsOwnMethod) {
  using Runner =
      absl::Status (*)(const ParsedArgs&, const GlobalOptions&,
                       v1::ProcedureService::StubInterface&, std::ostream&);
  for (const auto& [runner, args, method, first_line] :
       std::vector<std::tuple<Runner, std::vector<std::string>, std::string,
                              std::string>>{
           {RunCaseCorrectionNotice,
            {"case", "correction-notice", "2025-0001", "--sent", "2025-09-30",
             "--items", "x", "--deadline", "2025-10-20"},
            "SendCorrectionNotice",
            "已记录补正通知：2025-0001，补正期限 2025-10-20"},
           {RunCaseSupplement,
            {"case", "supplement", "2025-0001", "--received", "2025-10-15"},
            "ReceiveSupplement",
            "已记录收到补正材料：2025-0001（2025-10-15）"},
           {RunCaseConsultReply,
            {"case", "consult-reply", "2025-0001", "--received", "2025-10-24",
             "--consultation", "2"},
            "ReceiveConsultationReply",
            "已记录征求意见回复：2025-0001 第 2 号（2025-10-24）"},
           {RunCaseFeePaid,
            {"case", "fee-paid", "2025-0001", "--paid", "2025-10-23"},
            "ReceiveFeePayment",
            "已记录缴费：2025-0001（2025-10-23）"},
           {RunCaseDefer,
            {"case", "defer", "2025-0001", "--until", "2026-01-15",
             "--notified", "2025-11-20", "--reason", "需要会商"},
            "DeferDeadline",
            "已记录另定期限：2025-0001 答复期限改为 2026-01-15"},
       }) {
    stub_.calls.clear();
    out_.str("");
    const absl::Status status =
        runner(MustParse(args), TestOptions(), stub_, out_);
    ASSERT_TRUE(status.ok()) << status;
    ASSERT_EQ(stub_.calls.size(), 1u) << method;
    EXPECT_EQ(stub_.calls[0].method, method);
    EXPECT_THAT(stub_.calls[0].metadata,
                ElementsAre(Pair("authorization",
                                 absl::StrCat("Bearer ", kTestToken))));
    const std::vector<std::string> lines = Lines(out_.str());
    ASSERT_EQ(lines.size(), 3u) << out_.str();
    EXPECT_EQ(lines[0], first_line);
    EXPECT_EQ(lines[2], "答复期限  2025-11-27（剩余 22 个工作日）");
  }
}

TEST_F(ProcedureRunTest, ConsultNamesTheIdTheServerAssigned) {
  v1::Consultation* earlier =
      stub_.response.mutable_case_()->mutable_procedure()->add_consultations();
  earlier->set_id(1);
  earlier->set_party("甲公司");
  *earlier->mutable_sent() = MakeDate(2025, 10, 10);
  v1::Consultation* added =
      stub_.response.mutable_case_()->mutable_procedure()->add_consultations();
  added->set_id(2);
  added->set_party("某某公司");
  *added->mutable_sent() = MakeDate(2025, 10, 16);
  stub_.response.mutable_case_()->mutable_deadlines()->set_state(
      v1::CLOCK_STATE_PAUSED_CONSULTATION);
  ASSERT_TRUE(RunCaseConsult(MustParse({"case", "consult", "2025-0001",
                                        "--kind", "third_party", "--party",
                                        "某某公司", "--sent", "2025-10-16"}),
                             TestOptions(), stub_, out_)
                  .ok());
  EXPECT_THAT(
      Lines(out_.str()),
      ElementsAre("已记录征求意见：2025-0001 第 2 号（第三方 某某公司）",
                  "期限状态  征求意见暂停",
                  "答复期限  2025-11-27（剩余 22 个工作日）"));
}

TEST_F(ProcedureRunTest, FeeNoticePrintsTheComputedAmount) {
  v1::FeeNotice* fee =
      stub_.response.mutable_case_()->mutable_procedure()->mutable_fee();
  fee->set_method(v1::FEE_METHOD_PER_APPLICATION);
  fee->set_amount_yuan(100);
  v1::Deadlines* d = stub_.response.mutable_case_()->mutable_deadlines();
  d->set_state(v1::CLOCK_STATE_PAUSED_FEE);
  d->set_window_kind(v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT);
  *d->mutable_window_end() = MakeDate(2025, 11, 18);
  ASSERT_TRUE(
      RunCaseFeeNotice(MustParse({"case", "fee-notice", "2025-0001", "--method",
                                  "per_application", "--served", "2025-10-21",
                                  "--prior", "10"}),
                       TestOptions(), stub_, out_)
          .ok());
  EXPECT_THAT(Lines(out_.str()),
              ElementsAre("已记录收费通知：2025-0001，按件计收，应缴 100 元",
                          "期限状态  待缴费暂停",
                          "答复期限  2025-11-27（剩余 22 个工作日）",
                          "缴费期限  2025-11-18"));
}

TEST_F(ProcedureRunTest, ProvisionalSummaryWarns) {
  v1::Deadlines* d = stub_.response.mutable_case_()->mutable_deadlines();
  d->set_provisional(true);
  d->add_provisional_years(2026);
  ASSERT_TRUE(RunCaseFeePaid(MustParse({"case", "fee-paid", "2025-0001",
                                        "--paid", "2025-10-23"}),
                             TestOptions(), stub_, out_)
                  .ok());
  EXPECT_THAT(out_.str(),
              HasSubstr("注意      暂定：2026 年调休安排尚未公布，已跳过法定"
                        "节假日\n"));
}

TEST_F(ProcedureRunTest, JsonIsTheReturnedCase) {
  GlobalOptions options = TestOptions();
  options.json = true;
  ASSERT_TRUE(RunCaseSupplement(MustParse({"case", "supplement", "2025-0001",
                                           "--received", "2025-10-15"}),
                                options, stub_, out_)
                  .ok());
  v1::Case parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok())
      << out_.str();
  EXPECT_EQ(parsed.number(), "2025-0001");
  EXPECT_EQ(parsed.deadlines().working_days_left(), 22);
  EXPECT_THAT(out_.str(), HasSubstr("\"state\": \"CLOCK_STATE_RUNNING\""));
}

TEST_F(ProcedureRunTest, RejectionWritesNothing) {
  stub_.error = grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                             "the deadline was already extended once");
  const absl::Status status = RunCaseExtend(
      MustParse({"case", "extend", "2025-0001", "--days", "20", "--approver",
                 "李主任", "--notified", "2025-10-28"}),
      TestOptions(), stub_, out_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorLine(status),
            "ogi: 当前状态下不能办理：the deadline was already extended "
            "once（FAILED_PRECONDITION）");
  EXPECT_EQ(out_.str(), "");
}

// The exact form from the manual, end to end through RunOgi: the request
// reaches ProcedureService with the token and a 30-second deadline.
TEST(RunOgiExtendTest, ExactForm) {
  FakeCaseStub cases;
  FakeAgencyStub agencies;
  FakeProcedureStub procedures;
  *procedures.response.mutable_case_() = SteppedCase();
  Environment env;
  env.ogi_token = "ogi_tk-wang_secret";
  std::ostringstream out, err;
  const auto before = std::chrono::system_clock::now();
  const int code = RunOgi(
      {"case", "extend", "2025-0001", "--days", "20", "--approver", "李主任",
       "--notified", "2025-10-28"},
      env,
      [&](const GlobalOptions&) {
        return std::make_unique<FakeStubs>(&cases, &agencies, &procedures);
      },
      out, err);
  EXPECT_EQ(code, 0) << err.str();
  EXPECT_EQ(err.str(), "");
  EXPECT_EQ(out.str(),
            "已记录延期：2025-0001 延长 20 个工作日（批准人 李主任）\n"
            "期限状态  计时中\n"
            "答复期限  2025-11-27（剩余 22 个工作日）\n");
  ASSERT_EQ(procedures.calls.size(), 1u);
  EXPECT_THAT(procedures.calls[0].metadata,
              ElementsAre(Pair("authorization", "Bearer ogi_tk-wang_secret")));
  const auto timeout = procedures.calls[0].deadline - before;
  EXPECT_GE(timeout, std::chrono::seconds(29));
  EXPECT_LE(timeout, std::chrono::seconds(31));
  const auto* request = procedures.Last<v1::ExtendDeadlineRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->agency_code(), "");
  EXPECT_EQ(request->working_days(), 20);
  EXPECT_EQ(Iso(request->notified()), "2025-10-28");
}

// --- explain ---------------------------------------------------------------

// Received 2025-09-26 (in person): 20 working days skip the National Day
// holiday 10-01..10-08 and count the make-up days 09-28 and 10-11, so the
// answer is due 2025-10-30; on 2025-10-27 three working days are left
// (10-28, 10-29, 10-30). The 补正 notice was due 7 working days after
// receipt: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13.
v1::Case ExplainedCase() {
  v1::Case c = SteppedCase();
  v1::Deadlines* d = c.mutable_deadlines();
  *d->mutable_as_of() = MakeDate(2025, 10, 27);
  *d->mutable_answer_due() = MakeDate(2025, 10, 30);
  d->set_working_days_left(3);
  d->set_allowed_working_days(20);
  *d->mutable_correction_notice_due() = MakeDate(2025, 10, 13);
  d->set_correction_notice_late(true);
  v1::ExplanationStep* step = d->add_explanation();
  step->set_text("收到申请之日 2025-09-26（当面提交）");
  *step->mutable_date() = MakeDate(2025, 9, 26);
  d->add_explanation()->set_text(
      "国庆节、中秋节 2025-10-01 至 2025-10-08 放假，不计入");
  d->add_explanation()->set_text("2025-09-28、2025-10-11 调休上班，计入");
  step = d->add_explanation();
  step->set_text("自次日起算 20 个工作日");
  *step->mutable_date() = MakeDate(2025, 10, 30);
  return c;
}

TEST(RunCaseExplainTest, StepsAndMarks) {
  FakeCaseStub stub;
  *stub.get_response.mutable_case_() = ExplainedCase();
  std::ostringstream out;
  ASSERT_TRUE(RunCaseExplain(MustParse({"case", "explain", "2025-0001"}),
                             TestOptions(), stub, out)
                  .ok());
  ASSERT_EQ(stub.get_requests.size(), 1u);
  EXPECT_EQ(stub.get_requests[0].number(), "2025-0001");
  EXPECT_EQ(stub.get_requests[0].agency_code(), "lc-xzsp");
  EXPECT_THAT(Lines(out.str()),
              ElementsAre("案件编号      2025-0001",                      //
                          "期限状态      计时中",                         //
                          "起算日        2025-09-26",                     //
                          "答复期限      2025-10-30（剩余 3 个工作日）",  //
                          "答复时限      20 个工作日",                    //
                          "补正通知期限  2025-10-13（已逾期）",           //
                          "计算日期      2025-10-27",                     //
                          "",                                             //
                          "推算过程：",                                   //
                          "  1. 收到申请之日 2025-09-26（当面提交）",
                          "  2. 国庆节、中秋节 2025-10-01 至 2025-10-08 "
                          "放假，不计入",
                          "  3. 2025-09-28、2025-10-11 调休上班，计入",
                          "  4. 自次日起算 20 个工作日 → 2025-10-30"));
}

TEST(RunCaseExplainTest, WindowProposalAndProvisional) {
  v1::Case c = SteppedCase();
  v1::Deadlines* d = c.mutable_deadlines();
  d->set_state(v1::CLOCK_STATE_AWAITING_CORRECTION);
  d->clear_answer_due();
  d->set_working_days_left(0);
  d->set_window_kind(v1::APPLICANT_WINDOW_KIND_CORRECTION);
  *d->mutable_window_end() = MakeDate(2025, 11, 5);
  d->set_window_lapsed(true);
  d->set_proposal(v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED);
  d->set_provisional(true);
  d->add_provisional_years(2026);
  for (int i = 1; i <= 10; ++i) {
    d->add_explanation()->set_text(absl::StrCat("第", i, "步"));
  }
  FakeCaseStub stub;
  *stub.get_response.mutable_case_() = c;
  std::ostringstream out;
  ASSERT_TRUE(RunCaseExplain(MustParse({"case", "explain", "2025-0001"}),
                             TestOptions(), stub, out)
                  .ok());
  const std::string text = out.str();
  // No 补正 notice duty here, so the labels are at most four characters wide.
  EXPECT_THAT(text, HasSubstr("期限状态  等待补正\n"));
  EXPECT_THAT(text, HasSubstr("答复期限  收到补正材料后重新起算\n"));
  EXPECT_THAT(text, HasSubstr("答复时限  40 个工作日（含延长 20 个工作日）\n"));
  EXPECT_THAT(text, HasSubstr("补正期限  2025-11-05（已过）\n"));
  EXPECT_THAT(text,
              HasSubstr("建议结论  逾期不补正，不再处理（需人工确认）\n"));
  EXPECT_THAT(text, HasSubstr("注意      暂定：2026 年调休安排尚未公布，"
                              "已跳过法定节假日\n"));
  EXPECT_THAT(text, Not(HasSubstr("补正通知期限")));
  // Ten steps: the numbers are right-aligned.
  EXPECT_THAT(text, HasSubstr("\n   1. 第1步\n"));
  EXPECT_THAT(text, HasSubstr("\n  10. 第10步\n"));
}

TEST(RunCaseExplainTest, JsonIsTheDeadlinesMessage) {
  FakeCaseStub stub;
  *stub.get_response.mutable_case_() = ExplainedCase();
  GlobalOptions options = TestOptions();
  options.json = true;
  std::ostringstream out;
  ASSERT_TRUE(RunCaseExplain(MustParse({"case", "explain", "2025-0001"}),
                             options, stub, out)
                  .ok());
  v1::Deadlines parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out.str(), &parsed).ok())
      << out.str();
  EXPECT_EQ(parsed.explanation_size(), 4);
  EXPECT_EQ(Iso(parsed.answer_due()), "2025-10-30");
  EXPECT_THAT(out.str(), Not(HasSubstr("\"number\"")));
}

TEST(RunCaseExplainTest, CaseWithoutDeadlinesIsAnError) {
  FakeCaseStub stub;
  v1::Case c = ExplainedCase();
  c.clear_deadlines();
  *stub.get_response.mutable_case_() = c;
  std::ostringstream out;
  const absl::Status status = RunCaseExplain(
      MustParse({"case", "explain", "2025-0001"}), TestOptions(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(status.message(),
            "服务器 127.0.0.1:50051 没有返回案件 2025-0001 "
            "的期限（服务器版本较旧，不计算期限）（UNIMPLEMENTED）");
  EXPECT_EQ(out.str(), "");
}

TEST(RunCaseExplainTest, ColourMarksWhatIsLateOnlyWhenAllowed) {
  FakeCaseStub stub;
  v1::Case c = ExplainedCase();
  c.mutable_deadlines()->set_working_days_left(-2);
  *stub.get_response.mutable_case_() = c;
  GlobalOptions options = TestOptions();
  options.color = true;
  std::ostringstream out;
  ASSERT_TRUE(RunCaseExplain(MustParse({"case", "explain", "2025-0001"}),
                             options, stub, out)
                  .ok());
  EXPECT_THAT(out.str(),
              HasSubstr("\x1b[31m2025-10-30（已逾期 2 个工作日）\x1b[0m"));
  EXPECT_THAT(out.str(), HasSubstr("\x1b[31m2025-10-13（已逾期）\x1b[0m"));
  options.color = false;
  out.str("");
  ASSERT_TRUE(RunCaseExplain(MustParse({"case", "explain", "2025-0001"}),
                             options, stub, out)
                  .ok());
  EXPECT_THAT(out.str(), Not(HasSubstr("\x1b")));
}

// --- expected version
// ----------------------------------------------------------

TEST(ProcedureExpectedVersionTest, EveryStepCarriesIt) {
  auto extend = BuildExtendDeadlineRequest(
      MustParse({"case", "extend", "2025-0001", "--days", "20", "--approver",
                 "Li", "--notified", "2025-10-27", "--expected-version", "4"}),
      TestOptions());
  ASSERT_TRUE(extend.ok()) << extend.status();
  EXPECT_EQ(extend->expected_version(), 4);
  auto supplement = BuildReceiveSupplementRequest(
      MustParse(
          {"case", "supplement", "2025-0002", "--received", "2025-10-10"}),
      TestOptions());
  ASSERT_TRUE(supplement.ok()) << supplement.status();
  EXPECT_EQ(supplement->expected_version(), 0);
  auto bad = BuildReceiveFeePaymentRequest(
      MustParse({"case", "fee-paid", "2025-0004", "--paid", "2025-10-23",
                 "--expected-version", "zero"}),
      TestOptions());
  EXPECT_TRUE(IsUsageError(bad.status()));
  // Every step command takes the flag; explain only reads.
  for (const CommandSpec& spec : ProcedureCommandSpecs()) {
    bool has = false;
    for (const FlagSpec& flag : spec.flags) {
      has = has || flag.name == "expected-version";
    }
    EXPECT_EQ(has, spec.words.back() != "explain") << CommandName(spec);
  }
}

}  // namespace
}  // namespace ogi::cli
