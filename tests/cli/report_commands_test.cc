#include "cli/report_commands.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/text_encoding.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeReportStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::ogi::cli::testing::TempDir;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

constexpr char kCsv[] = "二、主动公开政府信息情况\r\n规章,0,0,0\r\n";

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reports_.report.add_agency_codes("lc-xzsp");
    reports_.report.set_year(2022);
    v1::ReportCheck& check = *reports_.report.add_checks();
    check.set_identity("一+二=三（七）+四 (总计)");
    check.set_ok(true);
    check.set_detail("13 + 0 = 13 + 0");
    reports_.rendered.set_content_type("text/csv; charset=utf-8");
    reports_.rendered.set_content(kCsv);
  }

  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return RunOgi(
        args, env_,
        [this](const GlobalOptions&) {
          auto stubs = std::make_unique<FakeStubs>(&cases_, &agencies_);
          stubs->UseReports(&reports_);
          return stubs;
        },
        out_, err_);
  }

  // Runs with `in` as standard input.
  int RunWithInput(std::vector<std::string> args, std::istream& in) {
    out_.str("");
    err_.str("");
    return RunOgi(
        args, env_,
        [this](const GlobalOptions&) {
          auto stubs = std::make_unique<FakeStubs>(&cases_, &agencies_);
          stubs->UseReports(&reports_);
          return stubs;
        },
        in, out_, err_);
  }

  // Gives the report the prose a lock requires, its title, numbers for the
  // preview and a content hash.
  void WriteProse() {
    v1::ReportProse& prose = *reports_.report.mutable_prose();
    prose.set_overview("2022年，本局……");
    prose.set_problems("政策解读工作方面存在不足。");
    prose.set_other_matters("无。");
    reports_.report.set_title_agency("聊城市行政审批服务局");
    reports_.report.set_content_hash("abc123");
    v1::Table3Row& row = *reports_.report.mutable_table3()->add_rows();
    row.set_key("new");
    for (int c = 0; c < 6; ++c) row.add_cells(c == 0 ? 13 : 0);
    row.add_cells(13);
    v1::Table3Row& total = *reports_.report.mutable_table3()->add_rows();
    total.set_key("concluded_total");
    for (int c = 0; c < 6; ++c) total.add_cells(c == 0 ? 13 : 0);
    total.add_cells(13);
  }

  // Makes the derived report fail one identity.
  void FailACheck() {
    v1::ReportCheck& check = *reports_.report.add_checks();
    check.set_identity("一+二=三（七）+四 (自然人)");
    check.set_ok(false);
    check.set_detail("13 + 0 ≠ 12 + 0");
    check.add_case_numbers("2022-0013");
  }

  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  FakeReportStub reports_;
  Environment env_;
  std::ostringstream out_, err_;
};

// --- show -------------------------------------------------------------------

TEST_F(ReportCommandTest, ShowPrintsTheRenderedDocumentExactly) {
  EXPECT_EQ(Run({"report", "show", "2022", "--format", "csv"}), 0);
  EXPECT_EQ(out_.str(), kCsv);
  EXPECT_EQ(err_.str(), "");
  // One call: the rendered report says whether its checks hold.
  ASSERT_THAT(reports_.Methods(), ElementsAre("RenderReport"));
  const auto* render = reports_.Nth<v1::RenderReportRequest>(0);
  ASSERT_NE(render, nullptr);
  EXPECT_EQ(render->year(), 2022);
  EXPECT_EQ(render->format(), v1::REPORT_FORMAT_CSV);
  EXPECT_TRUE(render->agency_codes().empty());  // the server's agency
}

TEST_F(ReportCommandTest, ShowFormats) {
  const struct {
    std::vector<std::string> args;
    v1::ReportFormat format;
  } kCases[] = {
      {{"report", "show", "2022"}, v1::REPORT_FORMAT_TEXT},
      {{"report", "show", "2022", "--format", "text"}, v1::REPORT_FORMAT_TEXT},
      {{"report", "show", "2022", "--format", "csv"}, v1::REPORT_FORMAT_CSV},
      {{"report", "show", "2022", "--format", "json"}, v1::REPORT_FORMAT_JSON},
      {{"report", "show", "2022", "--format=markdown"},
       v1::REPORT_FORMAT_MARKDOWN},
      {{"report", "show", "2022", "--format", "HTML"}, v1::REPORT_FORMAT_HTML},
      {{"--json", "report", "show", "2022"}, v1::REPORT_FORMAT_JSON},
      {{"--json", "report", "show", "2022", "--format", "json"},
       v1::REPORT_FORMAT_JSON},
  };
  for (const auto& c : kCases) {
    reports_.requests.clear();
    EXPECT_EQ(Run(c.args), 0) << err_.str();
    const auto* render = reports_.Nth<v1::RenderReportRequest>(0);
    ASSERT_NE(render, nullptr);
    EXPECT_EQ(render->format(), c.format) << c.args.back();
  }
}

TEST_F(ReportCommandTest, SeveralAgenciesMakeAConsolidatedReport) {
  EXPECT_EQ(Run({"--agency", "lc-xzsp", "report", "show", "2022", "--agency",
                 "lc-gaj", "--agency", "lc-zjj"}),
            0)
      << err_.str();
  const auto* render = reports_.Nth<v1::RenderReportRequest>(0);
  ASSERT_NE(render, nullptr);
  EXPECT_THAT(render->agency_codes(),
              ElementsAre("lc-xzsp", "lc-gaj", "lc-zjj"));
}

TEST_F(ReportCommandTest, ShowWithFailingChecksStillPrintsAndExitsThree) {
  FailACheck();
  EXPECT_EQ(Run({"report", "show", "2022", "--format", "csv"}), 3);
  EXPECT_EQ(out_.str(), kCsv);
  EXPECT_EQ(err_.str(),
            "ogi: 2022 年度报告（lc-xzsp）：2 项校验中 1 项未通过；详见 "
            "\"ogi report check 2022\"\n");
}

TEST_F(ReportCommandTest, ShowWritesToAFile) {
  const TempDir dir;
  const std::string path = dir.File("report.csv");
  EXPECT_EQ(Run({"report", "show", "2022", "--format", "csv", "-o", path}), 0)
      << err_.str();
  EXPECT_EQ(out_.str(),
            absl::StrCat("2022 年度报告（csv，", std::string(kCsv).size(),
                         " 字节）已写入 ", path, "\n"));
  std::ifstream file(path, std::ios::binary);
  std::stringstream written;
  written << file.rdbuf();
  EXPECT_EQ(written.str(), kCsv);

  // --output is the long form; a failing report is written all the same.
  FailACheck();
  const std::string other = dir.File("r.csv");
  EXPECT_EQ(Run({"report", "show", "2022", "--output", other}), 3);
  EXPECT_THAT(out_.str(), HasSubstr("已写入 " + other));
  EXPECT_THAT(err_.str(), HasSubstr("2 项校验中 1 项未通过"));
}

TEST_F(ReportCommandTest, ShowCannotWriteAFile) {
  EXPECT_EQ(Run({"report", "show", "2022", "-o", "/nonexistent-dir/r.html"}),
            1);
  EXPECT_EQ(out_.str(), "");
  EXPECT_THAT(err_.str(),
              StartsWith("ogi: cannot write \"/nonexistent-dir/r.html\""));
}

TEST_F(ReportCommandTest, UsageErrorsExitTwoWithoutACall) {
  const struct {
    std::vector<std::string> args;
    const char* message;
  } kCases[] = {
      {{"report", "show", "22x"}, "YEAR: \"22x\""},
      {{"report", "show", "1899"}, "YEAR: \"1899\""},
      {{"report", "show"}, "YEAR"},
      {{"report", "show", "2022", "--format", "pdf"}, "--format: \"pdf\""},
      {{"--json", "report", "show", "2022", "--format", "csv"},
       "--format: only json with --json"},
      {{"report", "show", "2022", "--agency", "a", "--agency", "a"},
       "--agency: a given twice"},
      {{"report", "check", "2022", "--agency", ""},
       "--agency: must not be empty"},
      {{"report", "cell", "2022", "disclosed"}, "COLUMN"},
      // One agency only: the global flag.
      {{"report", "lock", "2022", "--agency", "a", "--agency", "b"},
       "--agency: "},
      {{"report", "lock", "2022", "--yes", "--allow-empty", "preface"},
       "--allow-empty: 未知的章节“preface”"},
      // No terminal to ask on, and no --yes.
      {{"report", "lock", "2022"}, "--yes: 锁定须经确认"},
      {{"report", "show", "2022", "--format", "csv", "--encoding", "latin1"},
       "--encoding: 未知的编码“latin1”"},
      {{"report", "show", "2022", "--format", "html", "--encoding", "gb18030"},
       "--encoding: gb18030 只用于 csv 格式（现在是 html）"},
      {{"report", "show", "2022", "-o", "r.csv", "--encoding", "gb18030",
        "--format", "html"},
       "--format: --format html 与 --output 文件 r.csv 的扩展名（csv）矛盾"},
      {{"--json", "report", "show", "2022", "-o", "r.html"},
       "--json: --json 与 --output 文件 r.html 的扩展名（html）矛盾"},
      {{"report", "figures", "set", "2022", "--rules-source", "typed"},
       "--rules-source: 未知的来源“typed”；可以是 auto、register、entered"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Run(c.args), 2) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr(c.message));
    EXPECT_EQ(out_.str(), "");
  }
  EXPECT_TRUE(reports_.Methods().empty());
}

TEST_F(ReportCommandTest, ServerErrorsExitOne) {
  reports_.errors["RenderReport"] = grpc::Status(
      grpc::StatusCode::NOT_FOUND, "agency_codes: unknown agency \"lc-x\"");
  EXPECT_EQ(Run({"report", "show", "2022", "--agency", "lc-x"}), 1);
  EXPECT_EQ(out_.str(), "");
  EXPECT_THAT(err_.str(),
              AllOf(StartsWith("ogi: "), HasSubstr("unknown agency \"lc-x\""),
                    ::testing::EndsWith("\n")));
}

// --- check ------------------------------------------------------------------

TEST_F(ReportCommandTest, CheckExitsZeroWhenEverythingHolds) {
  EXPECT_EQ(Run({"report", "check", "2022"}), 0);
  EXPECT_THAT(Lines(out_.str()),
              ElementsAre("校验：lc-xzsp 2022 年度报告",
                          "✓ 一+二=三（七）+四 (总计)  13 + 0 = 13 + 0", "",
                          "结果：全部 1 项校验通过"));
  EXPECT_EQ(err_.str(), "");
  ASSERT_THAT(reports_.Methods(), ElementsAre("GetReport"));
}

TEST_F(ReportCommandTest, CheckExitsThreeOnAFailure) {
  FailACheck();
  EXPECT_EQ(Run({"report", "check", "2022", "--agency", "lc-xzsp"}), 3);
  EXPECT_THAT(out_.str(), HasSubstr("✗ 一+二=三（七）+四 (自然人)  13 + 0 ≠ "
                                    "12 + 0\n    涉及案件：2022-0013\n"));
  EXPECT_THAT(err_.str(), HasSubstr("2 项校验中 1 项未通过"));
  const auto* get = reports_.Last<v1::GetReportRequest>();
  ASSERT_NE(get, nullptr);
  EXPECT_THAT(get->agency_codes(), ElementsAre("lc-xzsp"));
}

TEST_F(ReportCommandTest, CheckExitsThreeForAnUncountableCase) {
  v1::UncountableCase& c = *reports_.report.add_uncountable();
  c.set_number("2022-0007");
  c.set_reason("已办结但没有办理结果");
  EXPECT_EQ(Run({"report", "check", "2022"}), 3);
  EXPECT_THAT(out_.str(), HasSubstr("  2022-0007  已办结但没有办理结果\n"));
  EXPECT_THAT(err_.str(), HasSubstr("1 件案件无法统计"));
}

TEST_F(ReportCommandTest, CheckJsonIsTheReport) {
  FailACheck();
  EXPECT_EQ(Run({"--json", "report", "check", "2022"}), 3);
  EXPECT_THAT(out_.str(),
              HasSubstr("\"identity\": \"一+二=三（七）+四 (自然人)\""));
}

// --- cell -------------------------------------------------------------------

TEST_F(ReportCommandTest, CellInfersTheTableFromTheRow) {
  const struct {
    const char* row;
    const char* column;
    int table;
  } kCases[] = {
      {"disclosed", "natural_person", 3},
      {"new", "total", 3},
      {"carried_out", "commercial_enterprise", 3},
      {"unavailable_not_held", "natural_person", 3},
      {"review", "upheld", 4},
      {"direct_suit", "pending", 4},
      {"suit_after_review", "total", 4},
      {"rules", "issued", 2},
      {"normative_documents", "in_force", 2},
      {"licensing", "decisions", 2},
      {"Fees", "amount", 2},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Run({"report", "cell", "2022", c.row, c.column}), 0)
        << err_.str();
    const auto* request = reports_.Last<v1::GetCellRequest>();
    ASSERT_NE(request, nullptr);
    EXPECT_EQ(request->year(), 2022);
    EXPECT_EQ(request->cell().table(), c.table) << c.row;
    EXPECT_EQ(request->cell().row(), c.row);
    EXPECT_EQ(request->cell().column(), c.column);
  }
}

TEST_F(ReportCommandTest, CellListsTheCasesBehindTheNumber) {
  reports_.cell.set_value(2);
  const struct {
    const char* number;
    const char* name;
    int receipt_day;
  } kRecords[] = {{"2022-0001", "张丽华", 10}, {"2022-0002", "王建军", 17}};
  for (const auto& r : kRecords) {
    v1::CellRecord& record = *reports_.cell.add_records();
    record.set_agency_code("lc-xzsp");
    record.set_case_number(r.number);
    record.set_applicant_name(r.name);
    *record.mutable_receipt_date() = MakeDate(2022, 1, r.receipt_day);
    *record.mutable_concluded() = MakeDate(2022, 2, r.receipt_day);
    record.set_outcome(v1::OUTCOME_DISCLOSED);
  }
  EXPECT_EQ(Run({"report", "cell", "2022", "disclosed", "natural_person"}), 0);
  EXPECT_THAT(
      Lines(out_.str()),
      ElementsAre("2022 年 表三 disclosed × natural_person：2",
                  "案件编号   申请人  收到日期    办结日期    办理结果",
                  "2022-0001  张丽华  2022-01-10  2022-02-10  （一）予以公开",
                  "2022-0002  王建军  2022-01-17  2022-02-17  （一）予以公开",
                  "共 2 件"));
}

TEST_F(ReportCommandTest, CellUnknownRowIsTheServersError) {
  reports_.errors["GetCell"] = grpc::Status(
      grpc::StatusCode::INVALID_ARGUMENT,
      "cell.row: unknown row \"grants\" of table 三; one of: new, carried_in");
  EXPECT_EQ(Run({"report", "cell", "2022", "grants", "total"}), 1);
  EXPECT_THAT(err_.str(),
              AllOf(StartsWith("ogi: "),
                    HasSubstr("cell.row: unknown row \"grants\" of table 三; "
                              "one of: new, carried_in")));
}

// --- lock -------------------------------------------------------------------

TEST_F(ReportCommandTest, LockPrintsTheHashWhoAndWhen) {
  reports_.locked = reports_.report;
  reports_.locked.set_title_agency("聊城市行政审批服务局");
  v1::ReportLock& lock = *reports_.locked.mutable_lock();
  lock.set_content_hash(
      "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
  lock.set_locked_by("王科员");
  lock.mutable_locked_at()->set_seconds(1673314200);  // 2023-01-10 09:30 CST
  WriteProse();
  EXPECT_EQ(Run({"--agency", "lc-xzsp", "report", "lock", "2022", "--yes"}), 0)
      << err_.str();
  // What it freezes first, then the lock.
  EXPECT_THAT(
      out_.str(),
      AllOf(StartsWith(
                "将要锁定：聊城市行政审批服务局 2022 年度报告（lc-xzsp）\n"),
            HasSubstr("表三        本年新收 13，上年结转 0，办理结果总计 "
                      "13，结转下年 0\n"),
            HasSubstr("留空的章节  无\n"), HasSubstr("内容哈希    abc123\n")));
  const std::string lock_card =
      out_.str().substr(out_.str().find("\n\n已锁定") + 2);
  EXPECT_THAT(
      Lines(lock_card),
      ElementsAre("已锁定    聊城市行政审批服务局 2022 年度报告",
                  "内容哈希  5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a"
                  "11ef721d1542d8",
                  "锁定人    王科员", "锁定时间  2023-01-10 09:30"));
  EXPECT_EQ(err_.str(), "");
  ASSERT_THAT(reports_.Methods(), ElementsAre("GetReport", "LockReport"));
  const auto* request = reports_.Last<v1::LockReportRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->year(), 2022);
  // The numbers shown are the numbers locked.
  EXPECT_EQ(request->expected_content_hash(), "abc123");
  EXPECT_THAT(request->allow_empty_sections(), IsEmpty());
}

TEST_F(ReportCommandTest, LockWithJsonPrintsOnlyTheJsonOnStdout) {
  WriteProse();
  reports_.locked = reports_.report;
  reports_.locked.mutable_lock()->set_content_hash("abc123");
  EXPECT_EQ(Run({"--json", "report", "lock", "2022", "--yes"}), 0);
  EXPECT_THAT(out_.str(), StartsWith("{"));
  EXPECT_THAT(err_.str(), StartsWith("将要锁定："));
}

TEST_F(ReportCommandTest, ShowConvertsCsvToGb18030) {
  reports_.rendered.set_content(absl::StrCat("\xEF\xBB\xBF", kCsv));
  EXPECT_EQ(Run({"report", "show", "2022", "--format", "csv"}), 0);
  EXPECT_EQ(out_.str(), absl::StrCat("\xEF\xBB\xBF", kCsv));
  EXPECT_EQ(Run({"report", "show", "2022", "--format", "csv", "--encoding",
                 "gb18030"}),
            0)
      << err_.str();
  // No byte order mark, and the text reads back the same.
  EXPECT_EQ(*Gb18030ToUtf8(out_.str()), kCsv);
  EXPECT_NE(out_.str(), kCsv);

  // What cannot be converted is an error naming the flag; nothing printed.
  reports_.rendered.set_content("\xEF\xBB\xBF\xFF");
  EXPECT_EQ(Run({"report", "show", "2022", "--format", "csv", "--encoding",
                 "gb18030"}),
            1);
  EXPECT_EQ(out_.str(), "");
  EXPECT_THAT(err_.str(), HasSubstr("--encoding: 第 0 字节处的字符无法用"));
}

TEST_F(ReportCommandTest, TheOutputFilesExtensionPicksTheFormat) {
  const struct {
    std::vector<std::string> flags;
    v1::ReportFormat format;
  } kCases[] = {
      {{"-o", "r.html"}, v1::REPORT_FORMAT_HTML},
      {{"-o", "dir.d/R.HTM"}, v1::REPORT_FORMAT_HTML},
      {{"-o", "r.csv"}, v1::REPORT_FORMAT_CSV},
      {{"-o", "r.json"}, v1::REPORT_FORMAT_JSON},
      {{"-o", "r.md"}, v1::REPORT_FORMAT_MARKDOWN},
      {{"-o", "r.markdown"}, v1::REPORT_FORMAT_MARKDOWN},
      {{"-o", "r.txt"}, v1::REPORT_FORMAT_TEXT},
      {{"-o", "report"}, v1::REPORT_FORMAT_TEXT},
      {{"-o", "a.csv/report"}, v1::REPORT_FORMAT_TEXT},
      {{"-o", ".csv"}, v1::REPORT_FORMAT_TEXT},
      {{"-o", "r.txt", "--format", "csv"}, v1::REPORT_FORMAT_CSV},
      {{"-o", "r.csv", "--format", "csv"}, v1::REPORT_FORMAT_CSV},
  };
  for (const auto& c : kCases) {
    // Only the request is built: nothing is written.
    std::vector<std::string> all = {"report", "show", "2022"};
    all.insert(all.end(), c.flags.begin(), c.flags.end());
    absl::StatusOr<ParsedArgs> args =
        ParseArgs(all, GlobalFlags(), AllCommands());
    ASSERT_TRUE(args.ok()) << args.status();
    absl::StatusOr<v1::RenderReportRequest> request =
        BuildRenderReportRequest(*args, GlobalOptions());
    ASSERT_TRUE(request.ok()) << request.status();
    EXPECT_EQ(request->format(), c.format) << c.flags[1];
  }
}

TEST_F(ReportCommandTest, LockAsksOnATerminal) {
  WriteProse();
  env_.stdin_is_tty = true;
  std::istringstream yes("yes\n");
  EXPECT_EQ(RunWithInput({"report", "lock", "2022"}, yes), 0) << err_.str();
  // The preview and the question on stderr, the lock on stdout.
  EXPECT_THAT(err_.str(),
              AllOf(StartsWith("将要锁定："), HasSubstr("内容哈希    abc123"),
                    ::testing::EndsWith("确认锁定？输入 yes 确认，其他任何输入"
                                        "取消：")));
  EXPECT_THAT(out_.str(), StartsWith("已锁定"));
  EXPECT_THAT(reports_.Methods(), ElementsAre("GetReport", "LockReport"));

  reports_.calls.clear();
  reports_.requests.clear();
  std::istringstream no("n\n");
  EXPECT_EQ(RunWithInput({"report", "lock", "2022"}, no), 1);
  EXPECT_THAT(err_.str(), HasSubstr("ogi: 未确认，2022 年度报告没有锁定\n"));
  EXPECT_EQ(out_.str(), "");
  EXPECT_THAT(reports_.Methods(), ElementsAre("GetReport"));
}

TEST_F(ReportCommandTest, LockRefusesEmptySectionsNamingTheFlag) {
  reports_.report.mutable_prose()->set_overview("2022年，本局……");
  EXPECT_EQ(Run({"report", "lock", "2022", "--yes"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: --allow-empty: 2022 年度报告的章节为空，未锁定："
            "五、存在的主要问题及改进情况、六、其他需要报告的事项；请先用 ogi "
            "report text set 填写，或加 --allow-empty problems --allow-empty "
            "other_matters 明确允许留空\n");
  EXPECT_THAT(reports_.Methods(), ElementsAre("GetReport"));

  EXPECT_EQ(Run({"report", "lock", "2022", "--yes", "--allow-empty", "problems",
                 "--allow-empty", "other_matters"}),
            0)
      << err_.str();
  EXPECT_THAT(
      out_.str(),
      HasSubstr("留空的章节  五、存在的主要问题及改进情况（--allow-empty "
                "problems）、六、其他需要报告的事项（--allow-empty "
                "other_matters）\n"));
  const auto* request = reports_.Last<v1::LockReportRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_THAT(request->allow_empty_sections(),
              ElementsAre("problems", "other_matters"));
}

TEST_F(ReportCommandTest, LockRefusesAFailingOrLockedReportBeforeAsking) {
  WriteProse();
  FailACheck();
  env_.stdin_is_tty = true;
  std::istringstream yes("yes\n");
  EXPECT_EQ(RunWithInput({"report", "lock", "2022"}, yes), 1);
  EXPECT_THAT(err_.str(), StartsWith("ogi: 2022 年度报告有 1 项校验未通过"));
  EXPECT_THAT(err_.str(), ::testing::Not(HasSubstr("确认锁定")));

  reports_.report.mutable_checks()->RemoveLast();
  reports_.report.mutable_lock()->set_locked_by("王科员");
  EXPECT_EQ(Run({"report", "lock", "2022", "--yes"}), 1);
  EXPECT_THAT(err_.str(), HasSubstr("由 王科员 锁定，不能再次锁定"));
}

TEST_F(ReportCommandTest, LockingTwiceIsTheServersError) {
  WriteProse();
  reports_.errors["LockReport"] =
      grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                   "2022 is already locked (2023-01-10 09:30, 王科员)");
  EXPECT_EQ(Run({"report", "lock", "2022", "--yes"}), 1);
  EXPECT_THAT(err_.str(), HasSubstr("2022 is already locked"));
}

// --- figures ----------------------------------------------------------------

TEST_F(ReportCommandTest, FiguresSetSendsOnlyTheFlagsGivenByMask) {
  // The server's answer: the figures as stored, the others kept.
  reports_.figures.set_licensing_decisions(32866);
  reports_.figures.set_penalty_decisions(3);
  EXPECT_EQ(Run({"--agency", "lc-xzsp", "report", "figures", "set", "2022",
                 "--penalty", "3", "--normative-issued", "0"}),
            0)
      << err_.str();
  // Nothing is read first: the mask says what changes.
  ASSERT_THAT(reports_.Methods(), ElementsAre("SetFigures"));
  const auto* set = reports_.Last<v1::SetFiguresRequest>();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->agency_code(), "lc-xzsp");
  EXPECT_EQ(set->year(), 2022);
  v1::Table2 expected;
  expected.set_penalty_decisions(3);
  expected.mutable_normative_documents();  // issued 0, masked
  EXPECT_EQ(set->figures().SerializeAsString(), expected.SerializeAsString())
      << set->figures().DebugString();
  EXPECT_THAT(set->update_mask().paths(),
              ElementsAre("normative_documents.issued", "penalty_decisions"));
  EXPECT_THAT(out_.str(), StartsWith("2022 年表二数字已保存\n规章"));
  EXPECT_THAT(out_.str(), HasSubstr("行政处罚            本年处理决定 3\n"));
  EXPECT_THAT(out_.str(),
              HasSubstr("行政许可            本年处理决定 32866\n"));
  EXPECT_EQ(err_.str(), "");
}

TEST_F(ReportCommandTest, FiguresSetChoosesTheSourceAndWarnsOfOverrides) {
  // The server's answer: table 二 as the report now counts it.
  reports_.figures.set_rules_source(v1::DOCUMENT_COUNT_SOURCE_REGISTER);
  reports_.figures.set_rules_from_register(true);
  v1::FigureOverride& override = *reports_.figures.add_overridden();
  override.set_figure("rules.in_force");
  override.set_label("规章 现行有效件数");
  override.set_entered(4);
  override.set_counted(1);
  EXPECT_EQ(Run({"report", "figures", "set", "2022", "--source", "register",
                 "--normative-source", "entered"}),
            0)
      << err_.str();
  const auto* set = reports_.Last<v1::SetFiguresRequest>();
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->figures().rules_source(), v1::DOCUMENT_COUNT_SOURCE_REGISTER);
  EXPECT_EQ(set->figures().normative_documents_source(),
            v1::DOCUMENT_COUNT_SOURCE_ENTERED);
  EXPECT_THAT(set->update_mask().paths(),
              ElementsAre("rules_source", "normative_documents_source"));
  EXPECT_EQ(
      err_.str(),
      "ogi: 警告：表二 规章 现行有效件数 输入的是 4，报告采用登记簿统计的 "
      "1；如应采用输入的数字：ogi report figures set 2022 --rules-source "
      "entered\n");
  EXPECT_THAT(
      out_.str(),
      HasSubstr("规章来源            按登记簿统计（来源：register）\n"));

  EXPECT_EQ(Run({"report", "figures", "set", "2022", "--rules-source", "auto"}),
            0);
  // auto is the default value: the mask makes it reach the server.
  EXPECT_EQ(reports_.Last<v1::SetFiguresRequest>()->figures().rules_source(),
            v1::DOCUMENT_COUNT_SOURCE_UNSPECIFIED);
  EXPECT_THAT(reports_.Last<v1::SetFiguresRequest>()->update_mask().paths(),
              ElementsAre("rules_source"));
}

TEST_F(ReportCommandTest, EveryFigureFlagSetsItsField) {
  EXPECT_EQ(Run({"report",
                 "figures",
                 "set",
                 "2022",
                 "--rules-issued",
                 "1",
                 "--rules-repealed",
                 "2",
                 "--rules-in-force",
                 "3",
                 "--normative-issued",
                 "4",
                 "--normative-repealed",
                 "5",
                 "--normative-in-force",
                 "6",
                 "--licensing",
                 "7",
                 "--penalty",
                 "8",
                 "--enforcement",
                 "9",
                 "--fees-wan-yuan",
                 "10.5"}),
            0)
      << err_.str();
  const auto* set = reports_.Last<v1::SetFiguresRequest>();
  ASSERT_NE(set, nullptr);
  const v1::Table2& f = set->figures();
  EXPECT_EQ(f.rules().issued(), 1);
  EXPECT_EQ(f.rules().repealed(), 2);
  EXPECT_EQ(f.rules().in_force(), 3);
  EXPECT_EQ(f.normative_documents().issued(), 4);
  EXPECT_EQ(f.normative_documents().repealed(), 5);
  EXPECT_EQ(f.normative_documents().in_force(), 6);
  EXPECT_EQ(f.licensing_decisions(), 7);
  EXPECT_EQ(f.penalty_decisions(), 8);
  EXPECT_EQ(f.enforcement_decisions(), 9);
  EXPECT_EQ(f.fees_wan_yuan(), "10.5");
}

TEST_F(ReportCommandTest, MalformedFiguresExitTwoNamingTheFlag) {
  const struct {
    std::vector<std::string> flags;
    const char* message;
  } kCases[] = {
      {{"--licensing", "-1"}, "--licensing: \"-1\""},
      {{"--penalty", "3.5"}, "--penalty: \"3.5\""},
      {{"--rules-in-force", "many"}, "--rules-in-force: \"many\""},
      {{"--fees-wan-yuan", "12872.06789"}, "--fees-wan-yuan: \"12872.06789\""},
      {{"--fees-wan-yuan", "-3"}, "--fees-wan-yuan: \"-3\""},
      {{"--fees-wan-yuan", "1,000"}, "--fees-wan-yuan: \"1,000\""},
      {{"--fees-wan-yuan", "12."}, "--fees-wan-yuan: \"12.\""},
      {{"--fees-wan-yuan", ".5"}, "--fees-wan-yuan: \".5\""},
      {{"--fees-wan-yuan", "12872.06 万元"}, "--fees-wan-yuan"},
      {{}, "没有给出任何数字或来源"},
      {{"--source", "typed"}, "--source: 未知的来源“typed”"},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> args = {"report", "figures", "set", "2022"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    EXPECT_EQ(Run(args), 2) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr(c.message));
  }
  EXPECT_TRUE(reports_.Methods().empty());
}

TEST_F(ReportCommandTest, FiguresShow) {
  reports_.report.mutable_table2()->set_licensing_decisions(32866);
  EXPECT_EQ(Run({"report", "figures", "show", "2022"}), 0);
  EXPECT_THAT(out_.str(),
              HasSubstr("行政许可            本年处理决定 32866\n"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("被登记簿取代")));
  // An override is shown with the figures (not as a warning: nothing was
  // set just now).
  v1::FigureOverride& override =
      *reports_.report.mutable_table2()->add_overridden();
  override.set_figure("normative_documents.in_force");
  override.set_label("行政规范性文件 现行有效件数");
  override.set_entered(3);
  override.set_counted(1);
  EXPECT_EQ(Run({"report", "figures", "show", "2022"}), 0);
  EXPECT_THAT(
      out_.str(),
      HasSubstr("\n被登记簿取代的输入数字（1 个）：\n  表二 行政规范性文件 "
                "现行有效件数 输入的是 3，报告采用登记簿统计的 1；如应采用"
                "输入的数字：ogi report figures set 2022 "
                "--normative-source entered\n"));
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(Run({"--json", "report", "figures", "show", "2022"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("\"licensing_decisions\": \"32866\""));
}

// --- text -------------------------------------------------------------------

TEST_F(ReportCommandTest, TextSetFromAFlagOrAFile) {
  EXPECT_EQ(Run({"report", "text", "set", "2022", "--section", "problems",
                 "--text", "存在问题 1: 政策解读工作方面存在不足。"}),
            0)
      << err_.str();
  EXPECT_EQ(out_.str(), "2022 年度报告 五、存在的主要问题及改进情况 已保存\n");
  const auto* request = reports_.Last<v1::SetProseRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->year(), 2022);
  EXPECT_EQ(request->prose().problems(),
            "存在问题 1: 政策解读工作方面存在不足。");
  EXPECT_EQ(request->prose().overview(), "");
  EXPECT_EQ(request->prose().other_matters(), "");
  EXPECT_THAT(request->update_mask().paths(), ElementsAre("problems"));

  const TempDir dir;
  const std::string path = dir.File("overview.txt");
  std::ofstream(path) << "2022 年，聊城市行政审批服务局深入贯彻落实……\n\n"
                         "（一）主动公开\n";
  EXPECT_EQ(Run({"report", "text", "set", "2022", "--section", "overview",
                 "--file", path}),
            0)
      << err_.str();
  request = reports_.Last<v1::SetProseRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->prose().overview(),
            "2022 年，聊城市行政审批服务局深入贯彻落实……\n\n（一）主动公开\n");
  EXPECT_EQ(out_.str(), "2022 年度报告 一、总体情况 已保存\n");

  // --clear empties the section: in the mask, with no text.
  EXPECT_EQ(Run({"report", "text", "set", "2022", "--section", "problems",
                 "--clear"}),
            0)
      << err_.str();
  request = reports_.Last<v1::SetProseRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->prose().problems(), "");
  EXPECT_THAT(request->update_mask().paths(), ElementsAre("problems"));
  EXPECT_EQ(out_.str(), "2022 年度报告 五、存在的主要问题及改进情况 已清空\n");
}

TEST_F(ReportCommandTest, TextSetUsageErrors) {
  const struct {
    std::vector<std::string> flags;
    const char* message;
  } kCases[] = {
      {{"--text", "x"}, "缺少必需的选项：--section"},
      {{"--section", "summary", "--text", "x"}, "--section: \"summary\""},
      {{"--section", "overview"}, "--text: give either --text or --file"},
      {{"--section", "overview", "--text", "x", "--file", "f"},
       "--text: give either --text or --file"},
      {{"--section", "overview", "--text", " \n"}, "--text: the text must not"},
      {{"--section", "overview", "--file", "/nonexistent/prose.txt"},
       "\"/nonexistent/prose.txt\""},
      {{"--section", "overview", "--clear", "--text", "x"},
       "--clear: 不能与 --text 或 --file 同时给出"},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> args = {"report", "text", "set", "2022"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    EXPECT_EQ(Run(args), 2) << c.message;
    EXPECT_THAT(err_.str(), HasSubstr(c.message));
  }
  EXPECT_TRUE(reports_.Methods().empty());
}

// --- documents --------------------------------------------------------------

TEST_F(ReportCommandTest, DocumentsAdd) {
  reports_.document.set_id(7);
  reports_.document.set_title("聊城市行政审批服务局行政许可容缺受理办法");
  reports_.document.set_document_number("聊审批发〔2022〕4号");
  EXPECT_EQ(Run({"--agency", "lc-xzsp", "report", "documents", "add", "--kind",
                 "normative_document", "--title",
                 "聊城市行政审批服务局行政许可容缺受理办法", "--number",
                 "聊审批发〔2022〕4号", "--issued", "2022-03-01"}),
            0)
      << err_.str();
  EXPECT_EQ(out_.str(),
            "已登记 "
            "7：聊城市行政审批服务局行政许可容缺受理办法（聊审批发〔2022〕4号）"
            "\n");
  const auto* request = reports_.Last<v1::RegisterDocumentRequest>();
  ASSERT_NE(request, nullptr);
  const v1::RegisteredDocument& d = request->document();
  EXPECT_EQ(d.id(), 0);
  EXPECT_EQ(d.agency_code(), "lc-xzsp");
  EXPECT_EQ(d.kind(), v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT);
  EXPECT_EQ(FormatIsoDate(d.issued()), "2022-03-01");
  EXPECT_FALSE(d.has_repealed());

  EXPECT_EQ(Run({"report", "documents", "add", "--kind", "law", "--title", "x",
                 "--issued", "2022-03-01"}),
            2);
  EXPECT_THAT(err_.str(), HasSubstr("--kind: \"law\""));
  EXPECT_EQ(
      Run({"report", "documents", "add", "--kind", "rule", "--title", "x"}), 2);
  EXPECT_THAT(err_.str(), HasSubstr("--issued"));
}

TEST_F(ReportCommandTest, DocumentsRepealKeepsTheEntryAndAddsTheDate) {
  for (int id : {6, 7}) {
    v1::RegisteredDocument& d = *reports_.documents.add_documents();
    d.set_id(id);
    d.set_agency_code("lc-xzsp");
    d.set_kind(v1::DOCUMENT_KIND_RULE);
    d.set_title(absl::StrCat("规章 ", id));
    d.set_document_number(absl::StrCat("聊政发〔2020〕", id, "号"));
    *d.mutable_issued() = MakeDate(2020, 5, id);
  }
  reports_.documents.mutable_documents(1)->set_etag("etag-of-7");
  reports_.document = reports_.documents.documents(1);
  EXPECT_EQ(Run({"report", "documents", "repeal", "7", "--date", "2022-11-30"}),
            0)
      << err_.str();
  EXPECT_EQ(out_.str(), "已记录废止 7：规章 7，废止日期 2022-11-30\n");
  ASSERT_THAT(reports_.Methods(),
              ElementsAre("ListDocuments", "RegisterDocument"));
  const auto* request = reports_.Last<v1::RegisterDocumentRequest>();
  ASSERT_NE(request, nullptr);
  // Only the repeal date, by mask, against the version listed.
  EXPECT_EQ(request->document().id(), 7);
  EXPECT_EQ(request->document().agency_code(), "lc-xzsp");
  EXPECT_EQ(request->document().title(), "");
  EXPECT_EQ(FormatIsoDate(request->document().repealed()), "2022-11-30");
  EXPECT_THAT(request->update_mask().paths(), ElementsAre("repealed"));
  EXPECT_EQ(request->etag(), "etag-of-7");

  EXPECT_EQ(Run({"report", "documents", "repeal", "9", "--date", "2022-11-30"}),
            1);
  EXPECT_EQ(err_.str(), "ogi: not found: document 9 is not in the register\n");
  EXPECT_EQ(Run({"report", "documents", "repeal", "0", "--date", "2022-11-30"}),
            2);
  EXPECT_EQ(Run({"report", "documents", "repeal", "7"}), 2);
  EXPECT_THAT(err_.str(), HasSubstr("--date"));
}

TEST_F(ReportCommandTest, DocumentsList) {
  v1::RegisteredDocument& d = *reports_.documents.add_documents();
  d.set_id(6);
  d.set_kind(v1::DOCUMENT_KIND_RULE);
  d.set_title("聊城市政务服务管理办法");
  *d.mutable_issued() = MakeDate(2020, 5, 6);
  EXPECT_EQ(Run({"--agency", "lc-xzsp", "report", "documents", "list"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("6     规章  聊城市政务服务管理办法"));
  EXPECT_THAT(out_.str(), HasSubstr("共 1 件\n"));
  const auto* request = reports_.Last<v1::ListDocumentsRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
}

// --- help -------------------------------------------------------------------

TEST_F(ReportCommandTest, HelpShowsTheShortOutputFlagAndTheExitCode) {
  EXPECT_EQ(Run({"report", "show", "--help"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("-o, --output FILE"));
  EXPECT_THAT(out_.str(), HasSubstr("Exit code 3"));
  EXPECT_EQ(Run({"help", "report"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("figures set"));
}

}  // namespace
}  // namespace ogi::cli
