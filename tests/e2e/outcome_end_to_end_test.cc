// Concluding cases, administrative reviews and lawsuits through the real ogi
// binary against the real ogi-server (temporary database, free loopback
// port), asserting on the text staff read. The server runs on a fake clock
// (--fake_clock_start) so that "today" is 2023-03-01 and the 2022 dates
// below lie in the past; the bare forms that default to today run against a
// server on the real clock.
//
// Hand-worked dates (State Council arrangements for 2022):
//  - Received Tuesday 2022-03-01: the answer is due 20 working days later,
//    2022-03-29 (March 2022 has no day off besides weekends).
//  - Fee notice served 2022-03-02: the payment window is 20 working days from
//    the next day, 03-03 .. 03-30; the lapse can be confirmed from 03-31.
//  - Review copy received Thursday 2022-04-28: ten working days skip the
//    Labour Day holiday 04-30..05-04 and count the make-up Saturday 05-07:
//    04-29, 05-05, 05-06, 05-07, 05-09 .. 05-13, 05-16 → defence due
//    2022-05-16. Accepted 04-27: 60 days → 06-26, a Sunday → 2022-06-27.
//  - Lawsuit complaint copy received 2022-09-16: 15 days → 10-01, inside the
//    National Day holiday 10-01..10-07 → the make-up working Saturday
//    2022-10-08. Filed 2022-09-14: judgment expected six months later,
//    2023-03-14.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::CliBinary;
using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kFakeToday[] = "2023-03-01T10:00:00+08:00";

class OutcomeEndToEndTest : public ::testing::Test {
 protected:
  // Starts the server; on the fake clock unless `real_clock`.
  void StartServer(bool real_clock = false) {
    std::vector<std::string> args = {"--agency_name=聊城市行政审批服务局"};
    if (!real_clock) {
      args.push_back(absl::StrCat("--fake_clock_start=", kFakeToday));
    }
    auto server = ServerProcess::Start(tmp_.File("ogi.db"), std::move(args));
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
  }

  // Runs `ogi <args>` against the server as clerk 王科员.
  CommandResult Ogi(std::vector<std::string> args) {
    return ::ogi::testing::RunOgiCli(*server_, std::move(args));
  }

  // Expects success with nothing on stderr; returns stdout.
  std::string OgiOk(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCliOk(*server_, args);
  }

  // Expects exit `code` with one line on stderr containing `message`.
  void OgiFails(const std::vector<std::string>& args, int code,
                const std::string& message) {
    ::ogi::testing::RunOgiCliFails(*server_, args, code, message);
  }

  // Logs an application received in person on 2022-03-01 with `items`
  // requested items; returns its number.
  std::string LogCase(int items = 1, const std::string& delivery = "") {
    std::vector<std::string> args = {
        "case",      "create",           "--applicant-name",
        "张三",      "--applicant-type", "natural_person",
        "--channel", "in_person",        "--received",
        "2022-03-01"};
    for (int i = 1; i <= items; ++i) {
      args.push_back("--description");
      args.push_back(absl::StrCat("第", i, "项信息"));
    }
    if (!delivery.empty()) {
      args.push_back("--delivery");
      args.push_back(delivery);
    }
    std::string out = OgiOk(args);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  // The server's data directory, removed after the server stops.
  ::ogi::testing::TempDir tmp_;
  std::unique_ptr<ServerProcess> server_;
};

// One outcome of table 三 and the commands that reach it. "{N}" in a command
// stands for the case number.
struct Category {
  std::string outcome;  // the identifier given to --outcome
  std::string shown;    // how the card names it
  int items = 1;
  // Run before concluding (e.g. the 补正 notice whose window lapses).
  std::vector<std::vector<std::string>> setup;
  // Attempts the server refuses (exit 1), each with what its message names.
  std::vector<std::pair<std::vector<std::string>, std::string>> refused;
  // The command that concludes the case.
  std::vector<std::string> conclude;
  // Lines of the case card the conclusion must show (besides the outcome).
  std::vector<std::string> card_lines;
};

std::vector<std::string> Conclude(const std::string& outcome,
                                  std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"case",      "conclude", "{N}",
                                   "--outcome", outcome,    "--served",
                                   "2022-03-20"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A withheld outcome: the legal basis is filled in with its article.
Category Withheld(const std::string& outcome, const std::string& leaf,
                  const std::string& article) {
  return {outcome,
          absl::StrCat("（三）不予公开：", leaf),
          1,
          {},
          {},
          Conclude(outcome),
          {absl::StrCat("法律依据      《中华人民共和国政府信息公开条例》",
                        article)}};
}

Category Leaf(const std::string& outcome, const std::string& shown) {
  return {outcome, shown, 1, {}, {}, Conclude(outcome), {}};
}

std::vector<Category> Categories() {
  return {
      // The exact form of the issue.
      {"disclosed",
       "（一）予以公开",
       1,
       {},
       {},
       Conclude("disclosed"),
       {"答复送达      2022-03-20 当面签收"}},
      // Derived from the items (SPEC §4 rule 2): one provided, one withheld.
      {"partially_disclosed",
       "（二）部分公开",
       2,
       {},
       {{{"case", "conclude", "{N}", "--item", "1=disclosed", "--item",
          "2=withheld_state_secret", "--served", "2022-03-20"},
         "部分公开须写明提供的信息和不予公开的信息"},
        {{"case", "conclude", "{N}", "--item", "1=disclosed", "--item",
          "2=withheld_state_secret", "--served", "2022-03-20", "--provided",
          "第1项"},
         "部分公开须写明不予公开的信息"}},
       {"case", "conclude", "{N}", "--item", "1=disclosed", "--item",
        "2=withheld_state_secret", "--served", "2022-03-20", "--provided",
        "第1项", "--withheld", "第2项"},
       {"各项答复      1. （一）予以公开",
        "              2. （三）不予公开：属于国家秘密",
        "法律依据      《中华人民共和国政府信息公开条例》第三十七条、第十四条",
        "公开部分      第1项", "不予公开部分  第2项"}},
      Withheld("withheld_state_secret", "属于国家秘密", "第十四条"),
      Withheld("withheld_prohibited_by_law", "其他法律行政法规禁止公开",
               "第十四条"),
      Withheld("withheld_security_stability", "危及“三安全一稳定”", "第十四条"),
      Withheld("withheld_third_party_rights", "保护第三方合法权益", "第十五条"),
      Withheld("withheld_internal_affairs", "属于三类内部事务信息",
               "第十六条第一款"),
      Withheld("withheld_process_information", "属于四类过程性信息",
               "第十六条第二款"),
      Withheld("withheld_enforcement_file", "属于行政执法案卷",
               "第十六条第二款"),
      Withheld("withheld_administrative_query", "属于行政查询事项",
               "第三十六条第（七）项"),
      {"unavailable_not_held",
       "（四）无法提供：本机关不掌握相关政府信息",
       1,
       {},
       {{Conclude("unavailable_not_held"),
         "本机关不掌握相关政府信息须写明原因（可选值：does_not_exist, "
         "other_agency）"},
        {Conclude("unavailable_not_held",
                  {"--not-held-reason", "other_agency"}),
         "属于其他机关负责公开的，须写明负责公开该信息的机关"}},
       Conclude("unavailable_not_held",
                {"--not-held-reason", "other_agency", "--responsible-agency",
                 "聊城市自然资源和规划局"}),
       {"不掌握原因    属于其他机关负责公开：聊城市自然资源和规划局"}},
      Leaf("unavailable_needs_creation",
           "（四）无法提供：没有现成信息需要另行制作"),
      Leaf("unavailable_still_unclear",
           "（四）无法提供：补正后申请内容仍不明确"),
      Leaf("not_processed_complaint", "（五）不予处理：信访举报投诉类申请"),
      // Served after the due date: accepted and flagged.
      {"not_processed_duplicate",
       "（五）不予处理：重复申请",
       1,
       {},
       {},
       {"case", "conclude", "{N}", "--outcome", "not_processed_duplicate",
        "--served", "2022-03-31", "--service", "posted"},
       {"答复送达      2022-03-31 邮寄（交邮）（逾期送达，答复期限 "
        "2022-03-29）"}},
      Leaf("not_processed_publication", "（五）不予处理：要求提供公开出版物"),
      Leaf("not_processed_excessive", "（五）不予处理：无正当理由大量反复申请"),
      Leaf("not_processed_confirmation",
           "（五）不予处理：要求行政机关确认或重新出具已获取信息"),
      {"other_correction_lapsed",
       "（六）其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息"
       "公开申请",
       1,
       {{"case", "correction-notice", "{N}", "--sent", "2022-03-02", "--items",
         "身份证明", "--deadline", "2022-03-16"}},
       {{{"case", "conclude", "{N}", "--outcome", "other_correction_lapsed",
          "--served", "2022-03-16"},
         "仍在申请人的补正期限内（2022-03-16 届满），届满之后才能确认逾期"}},
       {"case", "conclude", "{N}", "--outcome", "other_correction_lapsed",
        "--served", "2022-03-17"},
       {"办结方式      逾期不补正"}},
      {"other_fee_unpaid",
       "（六）其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
       "其政府信息公开申请",
       1,
       {{"case", "fee-notice", "{N}", "--method", "per_application", "--prior",
         "10", "--served", "2022-03-02"}},
       {{{"case", "lapse", "{N}", "--date", "2022-03-30"},
         "仍在申请人的缴费期限内（2022-03-30 届满）"}},
       {"case", "lapse", "{N}", "--date", "2022-03-31"},
       {"办结方式      逾期未缴费", "办结日期      2022-03-31"}},
      {"other",
       "（六）其他处理：其他",
       1,
       {},
       {{Conclude("other"), "其他处理须写明具体情况"}},
       Conclude("other", {"--note", "申请人无法联系"}),
       {"办结说明      申请人无法联系"}},
  };
}

std::vector<std::string> WithNumber(std::vector<std::string> args,
                                    const std::string& number) {
  for (std::string& arg : args) {
    arg = absl::StrReplaceAll(arg, {{"{N}", number}});
  }
  return args;
}

TEST_F(OutcomeEndToEndTest, EveryOutcomeOfTable3ThroughTheCli) {
  StartServer();
  const std::vector<Category> categories = Categories();
  ASSERT_EQ(categories.size(), 21u);  // the leaf rows of table 三
  for (const Category& category : categories) {
    SCOPED_TRACE(category.outcome);
    const std::string number = LogCase(category.items);
    for (const auto& step : category.setup) OgiOk(WithNumber(step, number));
    for (const auto& [args, message] : category.refused) {
      OgiFails(WithNumber(args, number), 1, message);
    }
    const std::string confirmation =
        OgiOk(WithNumber(category.conclude, number));
    EXPECT_THAT(confirmation, StartsWith("已办结"));
    EXPECT_THAT(confirmation, HasSubstr(category.shown));

    const std::string card = OgiOk({"case", "show", number});
    EXPECT_THAT(card, HasSubstr("状态          已办结\n"));
    EXPECT_THAT(
        card, HasSubstr(absl::StrCat("办理结果      ", category.shown, "\n")));
    for (const std::string& line : category.card_lines) {
      EXPECT_THAT(card, HasSubstr(line + "\n"));
    }
    // A concluded case is concluded once.
    OgiFails(WithNumber(Conclude("disclosed"), number), 1, "已办结（送达日期 ");
  }
  // ...and takes no further clock step.
  OgiFails({"case", "extend", "2022-0001", "--days", "10", "--approver",
            "李主任", "--notified", "2022-03-25"},
           1,
           "案件 2022-0001 已办结（送达日期 2022-03-20），不能再记录办理步骤");
  EXPECT_THAT(OgiOk({"case", "list", "--status", "concluded"}),
              HasSubstr("共 21 件"));

  // A correction needs a reason and is recorded with it.
  OgiFails({"case", "correct-conclusion", "2022-0001", "--service",
            "signed_by_entrusted"},
           2, "缺少必需的选项：--reason");
  EXPECT_THAT(OgiOk({"case", "correct-conclusion", "2022-0001", "--reason",
                     "送达方式登记错误", "--service", "signed_by_entrusted"}),
              AllOf(StartsWith("已更正办理结果：2022-0001\n"),
                    HasSubstr("答复送达  2022-03-20 委托送达签收\n")));
  // An override of the derived outcome, with its reason.
  EXPECT_THAT(OgiOk({"case", "correct-conclusion", "2022-0002", "--reason",
                     "复核", "--override", "withheld_state_secret",
                     "--override-reason", "主要请求的信息属于国家秘密"}),
              AllOf(HasSubstr("办理结果      （三）不予公开：属于国家秘密\n"),
                    HasSubstr("计算结果      （二）部分公开\n"),
                    HasSubstr("调整理由      主要请求的信息属于国家秘密\n")));
  EXPECT_THAT(OgiOk({"case", "history", "2022-0001"}),
              AllOf(HasSubstr("更正办理结果"), HasSubstr("送达方式登记错误"),
                    HasSubstr("答复送达方式: 当面签收 → 委托送达签收")));
  EXPECT_THAT(OgiOk({"case", "history", "2022-0002"}),
              AllOf(HasSubstr("第2项答复: （空） → 属于国家秘密"),
                    HasSubstr("调整结果: （空） → 属于国家秘密")));
}

// Today is 2023-03-01 (Wed). A review's copy received Mon 2023-02-27: the
// defence is due ten working days later, 02-28, 03-01 .. 03-03, 03-06 ..
// 03-10, 03-13 → 2023-03-13, 8 working days from today (03-02 .. 03-13).
// Accepted 02-28: the decision is expected 60 days later, 04-29, a make-up
// working Saturday in 2023 → 2023-04-29.
TEST_F(OutcomeEndToEndTest, DefenceAndReAnswerDuesAreInTheDeadlineListing) {
  StartServer();
  ASSERT_EQ(LogCase(), "2022-0001");
  OgiOk({"case", "conclude", "2022-0001", "--outcome",
         "withheld_process_information", "--served", "2022-03-20"});
  OgiOk({"review", "file", "--case", "2022-0001", "--filed", "2023-02-24",
         "--organ", "聊城市人民政府"});
  OgiOk({"review", "progress", "2022-0001-R1", "--copy-received", "2023-02-27",
         "--accepted", "2023-02-28"});

  // Beyond the default 5 working days; within 10.
  EXPECT_EQ(OgiOk({"deadlines"}), "无需提醒的案件（截至 2023-03-01）\n");
  EXPECT_THAT(OgiOk({"deadlines", "--within", "10"}),
              AllOf(HasSubstr("复议答复期限 2022-0001-R1"),
                    HasSubstr("2023-03-13"), HasSubstr("共 1 项")));
  EXPECT_THAT(
      OgiOk({"--json", "deadlines", "--within", "10"}),
      AllOf(HasSubstr("\"kind\": \"ALERT_KIND_REVIEW_DEFENCE_DUE\""),
            HasSubstr("\"reference\": \"2022-0001-R1\""),
            HasSubstr("\"working_days_left\": 8"),
            HasSubstr("行政复议 2022-0001-R1（聊城市人民政府）"
                      "书面答复和证据提交期限 2023-03-13，剩余 8 个工作日")));

  // The defence is filed; the decision comes early, ordering a re-answer by
  // Fri 03-03 (2 working days away).
  OgiOk({"review", "defend", "2022-0001-R1", "--filed", "2023-03-01"});
  EXPECT_EQ(OgiOk({"deadlines", "--within", "10"}),
            "无需提醒的案件（截至 2023-03-01）\n");
  EXPECT_THAT(OgiOk({"deadlines", "--within", "60"}),
              AllOf(Not(HasSubstr("复议答复期限")), HasSubstr("共 1 项")));
  OgiOk({"review", "decide", "2022-0001-R1", "--decision", "revoked", "--date",
         "2023-03-01", "--reanswer-due", "2023-03-03"});
  EXPECT_THAT(OgiOk({"alerts"}),
              HasSubstr("重新答复期限 2022-0001-R1 2022-0001 张三 期限 "
                        "2023-03-03"));
  // Served: nothing left to do.
  OgiOk({"case", "reanswer", "2022-0001", "--ordered-by", "2022-0001-R1",
         "--outcome", "disclosed", "--served", "2023-03-01"});
  EXPECT_EQ(OgiOk({"deadlines", "--within", "60"}),
            "无需提醒的案件（截至 2023-03-01）\n");
}

TEST_F(OutcomeEndToEndTest, WithheldAnswerReviewedRevokedReansweredThenSued) {
  StartServer();
  const std::string number = LogCase(1, "post");
  ASSERT_EQ(number, "2022-0001");

  // Answered 不予公开; served by post, as the applicant asked.
  EXPECT_EQ(OgiOk({"case", "conclude", "2022-0001", "--outcome",
                   "withheld_process_information", "--served", "2022-03-20"}),
            "已办结：2022-0001\n"
            "办理结果  （三）不予公开：属于四类过程性信息\n"
            "法律依据  《中华人民共和国政府信息公开条例》第十六条第二款\n"
            "答复送达  2022-03-20 邮寄（交邮）\n");

  // The review: filed, copy received, defended, decided 撤销.
  EXPECT_EQ(OgiOk({"review", "file", "--case", "2022-0001", "--filed",
                   "2022-04-25", "--organ", "聊城市人民政府"}),
            "2022-0001-R1\n");
  EXPECT_THAT(OgiOk({"review", "progress", "2022-0001-R1", "--copy-received",
                     "2022-04-28", "--accepted", "2022-04-27"}),
              AllOf(HasSubstr("答辩期限 2022-05-16（未答辩）\n"),
                    HasSubstr("决定期限 2022-06-27\n")));
  EXPECT_THAT(OgiOk({"review", "list", "--open"}),
              AllOf(HasSubstr("2022-0001-R1"), HasSubstr("尚未审结"),
                    HasSubstr("共 1 件")));
  EXPECT_THAT(
      OgiOk({"review", "defend", "2022-0001-R1", "--filed", "2022-05-10"}),
      AllOf(StartsWith("已记录行政复议答辩：2022-0001-R1（2022-05-10）\n"),
            HasSubstr("答辩期限 2022-05-16（已答辩 2022-05-10）\n")));
  OgiFails({"review", "decide", "2022-0001-R1", "--decision", "claim_dismissed",
            "--date", "2022-06-20"},
           1, "不是行政复议决定");
  EXPECT_EQ(OgiOk({"review", "decide", "2022-0001-R1", "--decision", "revoked",
                   "--date", "2022-06-20", "--reanswer-due", "2022-07-04"}),
            "已记录行政复议决定：2022-0001-R1 撤销 → 结果纠正\n"
            "行政复议  2022-0001-R1  聊城市人民政府（普通程序）\n"
            "          申请 2022-04-25，收到副本 2022-04-28，受理 2022-04-27\n"
            "          答辩期限 2022-05-16（已答辩 2022-05-10）\n"
            "          决定期限 2022-06-27\n"
            "          决定 撤销（2022-06-20）  结果纠正\n"
            "重新答复  1. 依 2022-0001-R1（2022-06-20）责令重新答复，期限 "
            "2022-07-04；尚未答复\n");

  // The new answer; the report category stays that of the first answer.
  EXPECT_THAT(
      OgiOk({"case", "reanswer", "2022-0001", "--ordered-by", "2022-0001-R1",
             "--outcome", "disclosed", "--served", "2022-07-01"}),
      AllOf(StartsWith("已记录重新答复：2022-0001\n"),
            HasSubstr("办理结果  （三）不予公开：属于四类过程性信息\n"),
            HasSubstr("重新答复  1. 依 2022-0001-R1（2022-06-20）责令重新答复，"
                      "期限 2022-07-04；2022-07-01 邮寄（交邮）：（一）予以公开"
                      "\n")));

  // The lawsuit after the review; the defence due date crosses National Day.
  EXPECT_EQ(OgiOk({"lawsuit", "file", "--case", "2022-0001", "--filed",
                   "2022-09-14", "--court", "聊城市东昌府区人民法院",
                   "--after-review", "2022-0001-R1"}),
            "2022-0001-L1\n");
  EXPECT_THAT(
      OgiOk({"lawsuit", "defend", "2022-0001-L1", "--complaint-received",
             "2022-09-16", "--filed", "2022-09-28"}),
      AllOf(HasSubstr("答辩期限 2022-10-08（已答辩 2022-09-28）\n"),
            HasSubstr("一审期限 2023-03-14\n")));
  EXPECT_THAT(OgiOk({"lawsuit", "judge", "2022-0001-L1", "--decision",
                     "claim_dismissed", "--date", "2022-12-20"}),
              StartsWith("已记录一审裁判：2022-0001-L1 判决驳回诉讼请求 → "
                         "结果维持\n"));
  EXPECT_THAT(
      OgiOk({"lawsuit", "appeal", "2022-0001-L1", "--filed", "2022-12-30",
             "--by", "原告", "--court", "聊城市中级人民法院"}),
      HasSubstr("          表四 尚未审结\n"));
  EXPECT_THAT(
      OgiOk({"lawsuit", "judge", "2022-0001-L1", "--appeal", "--decision",
             "appeal_dismissed", "--date", "2023-02-20"}),
      AllOf(StartsWith("已记录二审裁判：2022-0001-L1 驳回上诉、维持原判 "
                       "→ 结果维持\n"),
            HasSubstr("          表四 结果维持\n")));

  // The card shows the outcome, the re-answer, the review and the lawsuit.
  EXPECT_THAT(
      OgiOk({"case", "show", "2022-0001"}),
      AllOf(
          HasSubstr("状态          已办结\n"),
          HasSubstr("办理结果      （三）不予公开：属于四类过程性信息\n"),
          HasSubstr("答复送达      2022-03-20 邮寄（交邮）\n"),
          HasSubstr("重新答复      1. 依 2022-0001-R1"),
          HasSubstr("行政复议      2022-0001-R1  聊城市人民政府（普通程序）\n"),
          HasSubstr("              决定 撤销（2022-06-20）  结果纠正\n"),
          HasSubstr("行政诉讼      2022-0001-L1  聊城市东昌府区人民法院（复议后"
                    "起诉 2022-0001-R1）\n"),
          HasSubstr("              上诉 2022-12-30 原告，聊城市中级人民法院；"
                    "二审 驳回上诉、维持原判（2023-02-20）\n")));

  // Every step is in the history, in order, with its changes in Chinese.
  const std::string history = OgiOk({"case", "history", "2022-0001"});
  size_t at = 0;
  for (const char* step :
       {"登记", "办结", "行政复议申请", "行政复议进展", "行政复议进展",
        "行政复议决定", "重新答复", "行政诉讼立案", "行政诉讼进展", "一审裁判",
        "提起上诉", "二审裁判"}) {
    const size_t found = history.find(absl::StrCat("  ", step, " "), at);
    ASSERT_NE(found, std::string::npos) << step << " after " << at << "\n"
                                        << history;
    at = found + 1;
  }
  EXPECT_THAT(
      history,
      AllOf(HasSubstr("办理结果: （空） → 属于四类过程性信息"),
            HasSubstr("答复送达方式: （空） → 邮寄（交邮）"),
            HasSubstr("复议2022-0001-R1·复议机关: （空） → 聊城市人民政府"),
            HasSubstr("复议2022-0001-R1·答辩期限: （空） → 2022-05-16"),
            HasSubstr("复议2022-0001-R1·答辩日期: （空） → 2022-05-10"),
            HasSubstr("复议2022-0001-R1·复议决定: （空） → 撤销"),
            HasSubstr("复议2022-0001-R1·表四结果: 尚未审结 → 结果纠正"),
            HasSubstr("重新答复1·答复期限: （空） → 2022-07-04"),
            HasSubstr("重新答复1·答复结果: （空） → 予以公开"),
            HasSubstr("诉讼2022-0001-L1·前置复议: （空） → 2022-0001-R1"),
            HasSubstr("诉讼2022-0001-L1·起诉类别: （空） → 复议后起诉"),
            HasSubstr("诉讼2022-0001-L1·答辩期限: （空） → 2022-10-08"),
            HasSubstr("诉讼2022-0001-L1·一审裁判: （空） → 判决驳回诉讼请求"),
            HasSubstr("诉讼2022-0001-L1·表四结果: 结果维持 → 尚未审结"),
            HasSubstr("诉讼2022-0001-L1·二审裁判: （空） → 驳回上诉、维持原判"),
            Not(HasSubstr("reviews[")), Not(HasSubstr("lawsuits[")),
            Not(HasSubstr("conclusion.")), Not(HasSubstr("re_answers["))));

  // The lists.
  EXPECT_THAT(
      OgiOk({"review", "list"}),
      AllOf(HasSubstr("2022-0001-R1  2022-0001  张三    聊城市人民政府  "
                      "2022-04-25  2022-05-16（已答辩 2022-05-10）  "
                      "撤销（2022-06-20）  结果纠正\n"),
            HasSubstr("共 1 件\n")));
  EXPECT_EQ(OgiOk({"review", "list", "--open"}), "共 0 件\n");
  EXPECT_THAT(
      OgiOk({"lawsuit", "list", "--from", "2022-01-01", "--to", "2022-12-31"}),
      AllOf(HasSubstr("2022-0001-L1  2022-0001  张三    "
                      "聊城市东昌府区人民法院  复议后起诉 2022-0001-R1  "
                      "2022-09-14  2022-10-08（已答辩 2022-09-28）  "
                      "二审 驳回上诉、维持原判（2023-02-20）  结果维持\n"),
            HasSubstr("共 1 件\n")));
  EXPECT_EQ(OgiOk({"lawsuit", "list", "--from", "2023-01-01"}), "共 0 件\n");
}

// The bare forms default their date to today in China, which only a server
// on the real clock agrees with.
TEST_F(OutcomeEndToEndTest, BareFormsUseTodayInChina) {
  StartServer(/*real_clock=*/true);
  const SystemClock clock;
  const std::string before = FormatIsoDate(TodayInChina(clock));
  std::string number = OgiOk({"case", "create", "--applicant-name", "李四",
                              "--applicant-type", "natural_person", "--channel",
                              "in_person", "--description", "道路规划图"});
  ASSERT_FALSE(number.empty());
  number.pop_back();

  const std::string withdrawn = OgiOk({"case", "withdraw", number});
  const std::string after = FormatIsoDate(TodayInChina(clock));
  EXPECT_THAT(
      withdrawn,
      AllOf(StartsWith(absl::StrCat("已办结（申请人撤回）：", number, "\n")),
            HasSubstr("办理结果  （六）其他处理：其他\n"),
            HasSubstr("办结方式  申请人撤回\n")));
  EXPECT_TRUE(absl::StrContains(withdrawn, "办结日期  " + before + "\n") ||
              absl::StrContains(withdrawn, "办结日期  " + after + "\n"))
      << withdrawn;

  const std::string review = absl::StrCat(number, "-R1");
  EXPECT_EQ(OgiOk({"review", "file", "--case", number, "--filed", after,
                   "--organ", "聊城市人民政府", "--copy-received", after}),
            review + "\n");
  EXPECT_THAT(
      OgiOk({"review", "defend", review}),
      HasSubstr(absl::StrCat("（已答辩 ", FormatIsoDate(TodayInChina(clock)))));
}

// Litigation law Art. 45: a suit after review waits for the decision or for
// the end of the review organ's decision period; a direct suit does not.
// Review filed 2022-04-25, accepted 2022-04-27: the 60 days end Sunday
// 06-26, so Monday 2022-06-27; a suit after it is possible from 06-28.
TEST_F(OutcomeEndToEndTest, SuitAfterAnUndecidedReviewWaitsForItsPeriod) {
  StartServer();
  const std::string number = LogCase();
  OgiOk({"case", "conclude", number, "--outcome",
         "withheld_process_information", "--served", "2022-03-20"});
  const std::string review = number + "-R1";
  EXPECT_EQ(OgiOk({"review", "file", "--case", number, "--filed", "2022-04-25",
                   "--organ", "聊城市人民政府", "--accepted", "2022-04-27"}),
            review + "\n");

  OgiFails({"lawsuit", "file", "--case", number, "--filed", "2022-06-27",
            "--court", "聊城市东昌府区人民法院", "--after-review", review},
           1,
           "2022-06-27 不能复议后起诉：复议 " + review +
               " 尚未作出决定，复议期限至 2022-06-27 届满；自 2022-06-28 "
               "起方可复议后起诉（行政诉讼法第四十五条）；不经复议直接起诉"
               "不受此限");
  // Refused, nothing recorded: the case has no lawsuit.
  EXPECT_THAT(OgiOk({"case", "show", number}), Not(HasSubstr("-L1")));

  // A direct suit is possible while the review is pending.
  EXPECT_EQ(OgiOk({"lawsuit", "file", "--case", number, "--filed", "2022-06-01",
                   "--court", "聊城市东昌府区人民法院"}),
            number + "-L1\n");
  // After the period, the suit after review is accepted.
  EXPECT_EQ(OgiOk({"lawsuit", "file", "--case", number, "--filed", "2022-06-28",
                   "--court", "聊城市中级人民法院", "--after-review", review}),
            number + "-L2\n");
  EXPECT_THAT(OgiOk({"lawsuit", "list"}),
              AllOf(HasSubstr(number + "-L1"), HasSubstr(number + "-L2")));
}

}  // namespace
}  // namespace ogi
