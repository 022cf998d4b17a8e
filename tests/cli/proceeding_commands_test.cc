#include "cli/proceeding_commands.h"

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
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeProceedingStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::ogi::cli::testing::MustParse;
using ::ogi::cli::testing::TestOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::StartsWith;

std::string Iso(const v1::Date& date) { return FormatIsoDate(date); }

// Review 1 of case 2022-0013, as the server returns it after the decision.
// The copy arrived Thursday 2022-04-28; ten working days skip the Labour Day
// holiday (04-30..05-04) and count the make-up Saturday 05-07: 04-29, 05-05,
// 05-06, 05-07, 05-09 .. 05-13, 05-16 → 05-16. The decision is expected 60
// days after the acceptance: 06-26, a Sunday, moves to Monday 06-27.
// Lawsuit: the defence is due 15 days after the complaint copy (08-03 →
// Thursday 08-18), the judgment 6 months after filing (2023-02-01).
v1::Review DecidedReview() {
  v1::Review r;
  r.set_id("2022-0013-R1");
  r.set_organ("聊城市人民政府");
  *r.mutable_filed() = MakeDate(2022, 4, 25);
  *r.mutable_copy_received() = MakeDate(2022, 4, 28);
  *r.mutable_accepted() = MakeDate(2022, 4, 27);
  r.set_procedure(v1::REVIEW_PROCEDURE_ORDINARY);
  *r.mutable_defence_filed() = MakeDate(2022, 5, 10);
  r.set_decision(v1::PROCEEDING_DECISION_REVOKED);
  *r.mutable_decided() = MakeDate(2022, 6, 20);
  *r.mutable_defence_due() = MakeDate(2022, 5, 16);
  *r.mutable_decision_expected() = MakeDate(2022, 6, 27);
  r.set_column(v1::RESULT_COLUMN_CORRECTED);
  return r;
}

// Lawsuit 1 of case 2022-0013, after the review, judged at first instance
// (dates worked out above).
v1::Lawsuit JudgedLawsuit() {
  v1::Lawsuit l;
  l.set_id("2022-0013-L1");
  l.set_court("聊城市东昌府区人民法院");
  *l.mutable_filed() = MakeDate(2022, 8, 1);
  *l.mutable_complaint_received() = MakeDate(2022, 8, 3);
  l.set_after_review_id("2022-0013-R1");
  l.set_role(v1::LAWSUIT_ROLE_DEFENDANT);
  *l.mutable_defence_filed() = MakeDate(2022, 8, 15);
  l.mutable_first_instance()->set_decision(
      v1::PROCEEDING_DECISION_CLAIM_DISMISSED);
  *l.mutable_first_instance()->mutable_date() = MakeDate(2022, 10, 20);
  l.set_route(v1::LAWSUIT_ROUTE_AFTER_REVIEW);
  *l.mutable_defence_due() = MakeDate(2022, 8, 18);
  *l.mutable_judgment_expected() = MakeDate(2023, 2, 1);
  l.set_column(v1::RESULT_COLUMN_UPHELD);
  return l;
}

// --- building requests ------------------------------------------------------

TEST(BuildFileReviewRequestTest, TheFormFromTheIssue) {
  absl::StatusOr<v1::FileReviewRequest> request = BuildFileReviewRequest(
      MustParse({"review", "file", "--case", "2022-0013", "--filed",
                 "2022-04-25", "--organ", "聊城市人民政府"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->number(), "2022-0013");
  EXPECT_EQ(request->review().organ(), "聊城市人民政府");
  EXPECT_EQ(Iso(request->review().filed()), "2022-04-25");
  EXPECT_FALSE(request->review().has_copy_received());
  EXPECT_FALSE(request->review().has_accepted());
  EXPECT_EQ(request->review().procedure(), v1::REVIEW_PROCEDURE_ORDINARY);
}

TEST(BuildFileReviewRequestTest, OptionalFlags) {
  absl::StatusOr<v1::FileReviewRequest> request = BuildFileReviewRequest(
      MustParse({"review", "file", "--case", "2022-0013", "--filed",
                 "2022-04-25", "--organ", "聊城市人民政府", "--copy-received",
                 "2022-04-28", "--accepted", "2022-04-27", "--simplified",
                 "--note", "邮寄送达副本"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->review().copy_received()), "2022-04-28");
  EXPECT_EQ(Iso(request->review().accepted()), "2022-04-27");
  EXPECT_EQ(request->review().procedure(), v1::REVIEW_PROCEDURE_SIMPLIFIED);
  EXPECT_EQ(request->review().note(), "邮寄送达副本");
}

TEST(BuildReviewProgressRequestTest, EachFlagGivenIsRecorded) {
  absl::StatusOr<v1::RecordReviewProgressRequest> request =
      BuildReviewProgressRequest(
          MustParse({"review", "progress", "2022-0013-R1", "--copy-received",
                     "2022-04-28", "--extend-decision"}),
          TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->id(), "2022-0013-R1");
  EXPECT_EQ(Iso(request->copy_received()), "2022-04-28");
  EXPECT_TRUE(request->extend_decision_period());
  EXPECT_FALSE(request->has_accepted());
  EXPECT_FALSE(request->has_defence_filed());
  EXPECT_EQ(request->procedure(), v1::REVIEW_PROCEDURE_UNSPECIFIED);

  request = BuildReviewProgressRequest(
      MustParse({"review", "progress", "2022-0013-R1", "--simplified=false",
                 "--accepted", "2022-04-27", "--defence-filed", "2022-05-10"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->procedure(), v1::REVIEW_PROCEDURE_ORDINARY);
  EXPECT_EQ(Iso(request->accepted()), "2022-04-27");
  EXPECT_EQ(Iso(request->defence_filed()), "2022-05-10");
  EXPECT_FALSE(request->extend_decision_period());
}

TEST(BuildDefenceRequestTest, FiledDefaultsToToday) {
  const absl::CivilDay today(2022, 5, 10);
  absl::StatusOr<v1::RecordReviewProgressRequest> review =
      BuildReviewDefenceRequest(MustParse({"review", "defend", "2022-0013-R1"}),
                                TestOptions(), today);
  ASSERT_TRUE(review.ok()) << review.status();
  EXPECT_EQ(Iso(review->defence_filed()), "2022-05-10");
  EXPECT_FALSE(review->has_copy_received());

  review = BuildReviewDefenceRequest(
      MustParse({"review", "defend", "2022-0013-R1", "--filed", "2022-05-09"}),
      TestOptions(), today);
  ASSERT_TRUE(review.ok()) << review.status();
  EXPECT_EQ(Iso(review->defence_filed()), "2022-05-09");

  absl::StatusOr<v1::RecordLawsuitProgressRequest> lawsuit =
      BuildLawsuitDefenceRequest(
          MustParse({"lawsuit", "defend", "2022-0013-L1",
                     "--complaint-received", "2022-08-03"}),
          TestOptions(), today);
  ASSERT_TRUE(lawsuit.ok()) << lawsuit.status();
  EXPECT_EQ(lawsuit->id(), "2022-0013-L1");
  EXPECT_EQ(Iso(lawsuit->defence_filed()), "2022-05-10");
  EXPECT_EQ(Iso(lawsuit->complaint_received()), "2022-08-03");
}

TEST(BuildDecideReviewRequestTest, TheFormFromTheIssue) {
  absl::StatusOr<v1::DecideReviewRequest> request = BuildDecideReviewRequest(
      MustParse({"review", "decide", "2022-0013-R1", "--decision", "upheld",
                 "--date", "2022-06-20"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->id(), "2022-0013-R1");
  EXPECT_EQ(request->decision(), v1::PROCEEDING_DECISION_UPHELD);
  EXPECT_EQ(Iso(request->decided()), "2022-06-20");
  EXPECT_FALSE(request->has_reanswer_due());

  request = BuildDecideReviewRequest(
      MustParse({"review", "decide", "2022-0013-R1", "--decision", "revoked",
                 "--date", "2022-06-20", "--reanswer-due", "2022-07-04"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->decision(), v1::PROCEEDING_DECISION_REVOKED);
  EXPECT_EQ(Iso(request->reanswer_due()), "2022-07-04");
}

TEST(BuildListProceedingsRequestTest, Filters) {
  absl::StatusOr<v1::ListProceedingsRequest> request =
      BuildListProceedingsRequest(MustParse({"review", "list"}), TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_FALSE(request->open_only());
  EXPECT_FALSE(request->has_filed_from());
  EXPECT_FALSE(request->has_filed_to());

  request = BuildListProceedingsRequest(
      MustParse({"lawsuit", "list", "--open", "--from", "2022-01-01", "--to",
                 "2022-12-31"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_TRUE(request->open_only());
  EXPECT_EQ(Iso(request->filed_from()), "2022-01-01");
  EXPECT_EQ(Iso(request->filed_to()), "2022-12-31");
}

TEST(BuildFileLawsuitRequestTest, DirectAndAfterReview) {
  absl::StatusOr<v1::FileLawsuitRequest> request = BuildFileLawsuitRequest(
      MustParse({"lawsuit", "file", "--case", "2022-0013", "--filed",
                 "2022-08-01", "--court", "聊城市东昌府区人民法院"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->number(), "2022-0013");
  EXPECT_EQ(request->lawsuit().court(), "聊城市东昌府区人民法院");
  EXPECT_EQ(Iso(request->lawsuit().filed()), "2022-08-01");
  EXPECT_EQ(request->lawsuit().after_review_id(), "");
  EXPECT_EQ(request->lawsuit().role(), v1::LAWSUIT_ROLE_DEFENDANT);
  EXPECT_FALSE(request->lawsuit().simplified());

  request = BuildFileLawsuitRequest(
      MustParse({"lawsuit", "file", "--case", "2022-0013", "--filed",
                 "2022-08-01", "--court", "聊城市东昌府区人民法院",
                 "--after-review", "2022-0013-R1", "--complaint-received",
                 "2022-08-03", "--co-defendant", "--simplified"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->lawsuit().after_review_id(), "2022-0013-R1");
  EXPECT_EQ(Iso(request->lawsuit().complaint_received()), "2022-08-03");
  EXPECT_EQ(request->lawsuit().role(),
            v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
  EXPECT_TRUE(request->lawsuit().simplified());
}

TEST(BuildJudgeRequestsTest, FirstInstanceAndAppeal) {
  absl::StatusOr<v1::JudgeLawsuitRequest> first = BuildJudgeLawsuitRequest(
      MustParse({"lawsuit", "judge", "2022-0013-L1", "--decision",
                 "claim_dismissed", "--date", "2022-10-20"}),
      TestOptions());
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->decision(), v1::PROCEEDING_DECISION_CLAIM_DISMISSED);
  EXPECT_EQ(Iso(first->date()), "2022-10-20");

  absl::StatusOr<v1::DecideAppealRequest> appeal = BuildDecideAppealRequest(
      MustParse({"lawsuit", "judge", "2022-0013-L1", "--appeal", "--decision",
                 "revoked", "--date", "2023-01-10", "--reanswer-due",
                 "2023-02-10"}),
      TestOptions());
  ASSERT_TRUE(appeal.ok()) << appeal.status();
  EXPECT_EQ(appeal->agency_code(), "lc-xzsp");
  EXPECT_EQ(appeal->id(), "2022-0013-L1");
  EXPECT_EQ(appeal->decision(), v1::PROCEEDING_DECISION_REVOKED);
  EXPECT_EQ(Iso(appeal->date()), "2023-01-10");
  EXPECT_EQ(Iso(appeal->reanswer_due()), "2023-02-10");
}

TEST(BuildAppealLawsuitRequestTest, ByAndCourtOptional) {
  absl::StatusOr<v1::AppealLawsuitRequest> request = BuildAppealLawsuitRequest(
      MustParse({"lawsuit", "appeal", "2022-0013-L1", "--filed", "2022-11-01",
                 "--by", "原告", "--court", "聊城市中级人民法院"}),
      TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(Iso(request->filed()), "2022-11-01");
  EXPECT_EQ(request->appellant(), "原告");
  EXPECT_EQ(request->court(), "聊城市中级人民法院");
}

// --- usage errors
// ----------------------------------------------------------------

TEST(ProceedingUsageErrorsTest, FirstMissingOrBadFlagIsNamed) {
  for (const auto& [args, message] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"review", "file", "--filed", "2022-04-25", "--organ", "o"},
            "缺少必需的选项：--case"},
           {{"review", "file", "--case", "1", "--organ", "o"},
            "缺少必需的选项：--filed（"},
           {{"review", "file", "--case", "1", "--filed", "2022-04-25"},
            "缺少必需的选项：--organ"},
           {{"review", "file", "--case", "1", "--filed", "2022-04-25",
             "--organ", "o", "--copy-received", "2022-04-31"},
            "--copy-received: \"2022-04-31\" 不是有效日期（格式为 "
            "YYYY-MM-DD）"},
           {{"review", "progress", "1-R1"},
            "缺少必需的选项：--copy-received 或 --accepted 或 --simplified 或 "
            "--extend-decision 或 --defence-filed 或 --note"},
           {{"review", "defend", "1-R1", "--filed", "May 10"},
            "--filed: \"May 10\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"review", "decide", "1-R1", "--date", "2022-06-20"},
            "缺少必需的选项：--decision（"},
           {{"review", "decide", "1-R1", "--decision", "quashed", "--date",
             "2022-06-20"},
            "--decision: \"quashed\" 不是可选的取值"},
           {{"review", "decide", "1-R1", "--decision", "upheld"},
            "缺少必需的选项：--date（"},
           {{"review", "list", "--from", "2022"},
            "--from: \"2022\" 不是有效日期（格式为 YYYY-MM-DD）"},
           {{"lawsuit", "file", "--case", "1", "--filed", "2022-08-01"},
            "缺少必需的选项：--court"},
           {{"lawsuit", "file", "--case", "1", "--filed", "2022-08-01",
             "--court", "c", "--after-review", ""},
            "--after-review: 不能为空"},
           {{"lawsuit", "progress", "1-L1"},
            "缺少必需的选项：--complaint-received 或 --defence-filed 或 "
            "--simplified 或 --note"},
           {{"lawsuit", "judge", "1-L1", "--decision", "claim_dismissed"},
            "缺少必需的选项：--date（"},
           {{"lawsuit", "judge", "1-L1", "--appeal", "--date", "2023-01-10"},
            "缺少必需的选项：--decision"},
           {{"lawsuit", "appeal", "1-L1", "--by", "原告"},
            "缺少必需的选项：--filed（"},
           {{"lawsuit", "list", "--to", "2022-13-01"},
            "--to: \"2022-13-01\" 不是有效日期（格式为 YYYY-MM-DD）"},
       }) {
    FakeCaseStub cases;
    FakeAgencyStub agencies;
    FakeProceedingStub proceedings;
    std::ostringstream out, err;
    const int code = RunOgi(
        args, Environment(),
        [&](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases, &agencies, nullptr,
                                             nullptr, nullptr, nullptr,
                                             &proceedings);
        },
        out, err);
    EXPECT_EQ(code, 2) << message;
    EXPECT_THAT(err.str(), StartsWith("ogi: " + message)) << message;
    const std::string error = err.str();
    EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1) << error;
    EXPECT_EQ(out.str(), "");
    EXPECT_TRUE(proceedings.calls.empty()) << message;
  }
}

// --- running
// ---------------------------------------------------------------------

class ProceedingRunTest : public ::testing::Test {
 protected:
  int Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    Environment env;
    env.ogi_token = "ogi_tk-legal_secret";
    return RunOgi(
        args, env,
        [this](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases_, &agencies_, nullptr,
                                             nullptr, nullptr, nullptr, &stub_);
        },
        out_, err_);
  }

  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  FakeProceedingStub stub_;
  std::ostringstream out_, err_;
};

TEST_F(ProceedingRunTest, FilePrintsTheIdAlone) {
  stub_.response.mutable_case_()->set_number("2022-0013");
  stub_.response.mutable_review()->set_id("2022-0013-R1");
  ASSERT_EQ(Run({"review", "file", "--case", "2022-0013", "--filed",
                 "2022-04-25", "--organ", "聊城市人民政府"}),
            0)
      << err_.str();
  EXPECT_EQ(out_.str(), "2022-0013-R1\n");
  EXPECT_EQ(err_.str(), "");
  ASSERT_EQ(stub_.calls.size(), 1u);
  EXPECT_EQ(stub_.calls[0].method, "FileReview");
  EXPECT_THAT(stub_.calls[0].metadata,
              ElementsAre(Pair("authorization", "Bearer ogi_tk-legal_secret")));

  stub_.response.clear_review();
  stub_.response.mutable_lawsuit()->set_id("2022-0013-L1");
  ASSERT_EQ(Run({"lawsuit", "file", "--case", "2022-0013", "--filed",
                 "2022-08-01", "--court", "聊城市东昌府区人民法院",
                 "--after-review", "2022-0013-R1"}),
            0)
      << err_.str();
  EXPECT_EQ(out_.str(), "2022-0013-L1\n");
  EXPECT_EQ(stub_.calls.back().method, "FileLawsuit");
}

TEST_F(ProceedingRunTest, DecidePrintsTheColumnAndTheOrderedReAnswer) {
  *stub_.response.mutable_review() = DecidedReview();
  v1::ReAnswer* r = stub_.response.mutable_case_()->add_re_answers();
  r->set_id(1);
  r->set_ordered_by("2022-0013-R1");
  *r->mutable_ordered() = MakeDate(2022, 6, 20);
  *r->mutable_due() = MakeDate(2022, 7, 4);
  ASSERT_EQ(Run({"review", "decide", "2022-0013-R1", "--decision", "revoked",
                 "--date", "2022-06-20", "--reanswer-due", "2022-07-04"}),
            0)
      << err_.str();
  EXPECT_EQ(stub_.calls[0].method, "DecideReview");
  EXPECT_THAT(
      Lines(out_.str()),
      ElementsAre(
          "已记录行政复议决定：2022-0013-R1 撤销 → 结果纠正",
          "行政复议  2022-0013-R1  聊城市人民政府（普通程序）",
          "          申请 2022-04-25，收到副本 2022-04-28，受理 2022-04-27",
          "          答辩期限 2022-05-16（已答辩 2022-05-10）",
          "          决定期限 2022-06-27",
          "          决定 撤销（2022-06-20）  结果纠正",
          "重新答复  1. 依 2022-0013-R1（2022-06-20）责令重新答复，期限 "
          "2022-07-04；尚未答复"));
}

TEST_F(ProceedingRunTest, DefendConfirmsTheDate) {
  *stub_.response.mutable_review() = DecidedReview();
  ASSERT_EQ(Run({"review", "defend", "2022-0013-R1", "--filed", "2022-05-10"}),
            0)
      << err_.str();
  EXPECT_EQ(stub_.calls[0].method, "RecordReviewProgress");
  EXPECT_THAT(out_.str(),
              StartsWith("已记录行政复议答辩：2022-0013-R1（2022-05-10）\n"));

  *stub_.response.mutable_lawsuit() = JudgedLawsuit();
  ASSERT_EQ(Run({"lawsuit", "defend", "2022-0013-L1", "--filed", "2022-08-15"}),
            0)
      << err_.str();
  EXPECT_EQ(stub_.calls.back().method, "RecordLawsuitProgress");
  EXPECT_THAT(out_.str(),
              StartsWith("已记录行政诉讼答辩：2022-0013-L1（2022-08-15）\n"));
}

TEST_F(ProceedingRunTest, JudgeFirstInstanceAndAppealCallTheirMethods) {
  *stub_.response.mutable_lawsuit() = JudgedLawsuit();
  ASSERT_EQ(Run({"lawsuit", "judge", "2022-0013-L1", "--decision",
                 "claim_dismissed", "--date", "2022-10-20"}),
            0)
      << err_.str();
  EXPECT_EQ(stub_.calls.back().method, "JudgeLawsuit");
  EXPECT_THAT(
      Lines(out_.str()),
      ElementsAre("已记录一审裁判：2022-0013-L1 判决驳回诉讼请求 → 结果维持",
                  "行政诉讼  2022-0013-L1  聊城市东昌府区人民法院（复议后起诉 "
                  "2022-0013-R1）",
                  "          立案 2022-08-01，收到起诉状副本 2022-08-03",
                  "          答辩期限 2022-08-18（已答辩 2022-08-15）",
                  "          一审期限 2023-02-01",
                  "          一审 判决驳回诉讼请求（2022-10-20）",
                  "          表四 结果维持"));

  v1::Lawsuit* l = stub_.response.mutable_lawsuit();
  l->mutable_appeal()->set_appellant("原告");
  *l->mutable_appeal()->mutable_filed() = MakeDate(2022, 11, 1);
  l->mutable_appeal()->set_court("聊城市中级人民法院");
  l->set_column(v1::RESULT_COLUMN_PENDING);
  ASSERT_EQ(Run({"lawsuit", "appeal", "2022-0013-L1", "--filed", "2022-11-01",
                 "--by", "原告"}),
            0)
      << err_.str();
  EXPECT_EQ(stub_.calls.back().method, "AppealLawsuit");
  EXPECT_THAT(out_.str(),
              StartsWith("已记录上诉：2022-0013-L1（2022-11-01）\n"));
  EXPECT_THAT(out_.str(),
              HasSubstr("\n          上诉 2022-11-01 原告，聊城市中级人民法院；"
                        "二审 未决定\n          表四 尚未审结\n"));

  l->mutable_appeal()->mutable_result()->set_decision(
      v1::PROCEEDING_DECISION_APPEAL_DISMISSED);
  *l->mutable_appeal()->mutable_result()->mutable_date() =
      MakeDate(2023, 1, 10);
  l->set_column(v1::RESULT_COLUMN_UPHELD);
  ASSERT_EQ(Run({"lawsuit", "judge", "2022-0013-L1", "--appeal", "--decision",
                 "appeal_dismissed", "--date", "2023-01-10"}),
            0)
      << err_.str();
  EXPECT_EQ(stub_.calls.back().method, "DecideAppeal");
  EXPECT_THAT(out_.str(),
              StartsWith("已记录二审裁判：2022-0013-L1 驳回上诉、维持原判 → "
                         "结果维持\n"));
}

TEST_F(ProceedingRunTest, ServerRejectionIsOneLine) {
  stub_.error = grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                             "review 2022-0013-R1 was already decided");
  EXPECT_EQ(Run({"review", "decide", "2022-0013-R1", "--decision", "upheld",
                 "--date", "2022-06-20"}),
            1);
  EXPECT_EQ(err_.str(),
            "ogi: 当前状态下不能办理：review 2022-0013-R1 was already "
            "decided（FAILED_PRECONDITION）\n");
  EXPECT_EQ(out_.str(), "");
}

TEST_F(ProceedingRunTest, ReviewListTable) {
  v1::ReviewEntry* e = stub_.reviews.add_reviews();
  e->set_case_number("2022-0013");
  e->set_applicant_name("张三");
  *e->mutable_review() = DecidedReview();
  e = stub_.reviews.add_reviews();
  e->set_case_number("2022-0020");
  e->set_applicant_name("李四");
  v1::Review* open = e->mutable_review();
  open->set_id("2022-0020-R1");
  open->set_organ("山东省人民政府");
  *open->mutable_filed() = MakeDate(2022, 9, 1);
  ASSERT_EQ(Run({"review", "list", "--open"}), 0) << err_.str();
  EXPECT_TRUE(stub_.Last<v1::ListProceedingsRequest>()->open_only());
  EXPECT_THAT(
      Lines(out_.str()),
      ElementsAre(
          "编号          案件       申请人  复议机关        申请日期    "
          "答辩期限                         决定                表四",
          "2022-0013-R1  2022-0013  张三    聊城市人民政府  2022-04-25  "
          "2022-05-16（已答辩 2022-05-10）  撤销（2022-06-20）  结果纠正",
          "2022-0020-R1  2022-0020  李四    山东省人民政府  2022-09-01  "
          "未收到副本（未答辩）             未决定              尚未审结",
          "共 2 件"));
}

TEST_F(ProceedingRunTest, LawsuitListTableAndJson) {
  v1::LawsuitEntry* e = stub_.lawsuits.add_lawsuits();
  e->set_case_number("2022-0013");
  e->set_applicant_name("张三");
  *e->mutable_lawsuit() = JudgedLawsuit();
  ASSERT_EQ(Run({"lawsuit", "list"}), 0) << err_.str();
  const std::vector<std::string> lines = Lines(out_.str());
  ASSERT_EQ(lines.size(), 3u) << out_.str();
  EXPECT_THAT(lines[0], StartsWith("编号          案件       申请人  法院"));
  EXPECT_THAT(lines[1], HasSubstr("复议后起诉 2022-0013-R1"));
  EXPECT_THAT(lines[1], HasSubstr("一审 判决驳回诉讼请求（2022-10-20）"));
  EXPECT_THAT(lines[1], HasSubstr("结果维持"));
  EXPECT_EQ(lines[2], "共 1 件");

  ASSERT_EQ(Run({"lawsuit", "list", "--json"}), 0);
  v1::ListLawsuitsResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok())
      << out_.str();
  ASSERT_EQ(parsed.lawsuits_size(), 1);
  EXPECT_EQ(parsed.lawsuits(0).lawsuit().id(), "2022-0013-L1");
}

TEST_F(ProceedingRunTest, EmptyList) {
  ASSERT_EQ(Run({"review", "list"}), 0);
  EXPECT_EQ(out_.str(), "共 0 件\n");
}

// --- expected version
// ----------------------------------------------------------

TEST(ProceedingExpectedVersionTest, EveryChangeCarriesIt) {
  auto file = BuildFileReviewRequest(
      MustParse({"review", "file", "--case", "2022-0013", "--filed",
                 "2022-04-25", "--organ", "聊城市人民政府",
                 "--expected-version", "3"}),
      TestOptions());
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->expected_version(), 3);
  auto appeal_decision = BuildDecideAppealRequest(
      MustParse({"lawsuit", "judge", "2022-0013-L1", "--appeal", "--decision",
                 "appeal_dismissed", "--date", "2023-03-01",
                 "--expected-version", "9"}),
      TestOptions());
  ASSERT_TRUE(appeal_decision.ok()) << appeal_decision.status();
  EXPECT_EQ(appeal_decision->expected_version(), 9);
  auto progress = BuildReviewProgressRequest(
      MustParse(
          {"review", "progress", "2022-0013-R1", "--accepted", "2022-04-27"}),
      TestOptions());
  ASSERT_TRUE(progress.ok()) << progress.status();
  EXPECT_EQ(progress->expected_version(), 0);
  for (const CommandSpec& spec : ProceedingCommandSpecs()) {
    bool has = false;
    for (const FlagSpec& flag : spec.flags) {
      has = has || flag.name == "expected-version";
    }
    EXPECT_EQ(has, spec.words.back() != "list") << CommandName(spec);
  }
}

}  // namespace
}  // namespace ogi::cli
