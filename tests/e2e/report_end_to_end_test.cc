// The annual report through the real binaries: ogi-server on a manual clock
// ("today" is 2023-01-10, when offices write their 2022 reports) and the ogi
// CLI doing what staff do. The thirteen applications, their answers and the
// review of 聊城市行政审批服务局's published 2022 report are entered case by
// case, and `ogi report show 2022 --format csv` must reproduce the published
// tables 二, 三 and 四 cell for cell, with their header rows. Also what an
// office meets on the way to publishing: a CSV that Excel opens (byte order
// mark, or GB 18030), the format taken from the output file's name, table-二
// figures the register overrides (with a warning), and a lock that shows what
// it freezes and refuses empty sections.

#include <iconv.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
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
using ::testing::StartsWith;

// One application of 2022 as the office logged and answered it. Channels
// that need a confirmation (online, e-mail, ordinary mail) have the day
// receipt was confirmed (Regs Art. 31); the answer is served within 20
// working days of receipt.
struct Application {
  const char* name;
  const char* channel;
  const char* received;
  const char* confirmed;  // "" for in person and signed-for post
  const char* request;
  const char* served;
};

// All natural persons (table 三 has 13 in the 自然人 column and nothing
// elsewhere); twelve answered with disclosure, the last one that the
// information is not held.
constexpr Application kApplications[] = {
    {"张丽华", "in_person", "2022-01-10", "",
     "东昌府区某小区建设项目施工许可证及附件", "2022-01-24"},
    {"王建军", "online", "2022-02-14", "2022-02-15",
     "某餐饮公司食品经营许可证核发材料", "2022-03-03"},
    {"李秀英", "signed_post", "2022-03-08", "",
     "2021年度本市建设工程规划许可证核发目录", "2022-03-25"},
    {"刘洋", "email", "2022-04-11", "2022-04-11",
     "某加油站危险化学品经营许可审批材料", "2022-04-29"},
    {"陈志刚", "in_person", "2022-05-16", "",
     "某生猪养殖场建设项目环境影响报告表审批意见", "2022-06-01"},
    {"杨静", "online", "2022-06-06", "2022-06-07",
     "本人房屋所在地块建设用地规划许可证", "2022-06-24"},
    {"赵明", "ordinary_mail", "2022-07-04", "2022-07-05",
     "某民营医院医疗机构执业许可证登记信息", "2022-07-20"},
    {"黄海涛", "in_person", "2022-08-01", "", "某道路改造工程项目立项批复文件",
     "2022-08-17"},
    {"周晓燕", "online", "2022-08-22", "2022-08-22",
     "某民办幼儿园办学许可审批材料", "2022-09-07"},
    {"吴国平", "signed_post", "2022-09-13", "",
     "某住宅小区人防工程竣工验收备案材料", "2022-09-29"},
    {"徐丽", "email", "2022-10-17", "2022-10-18",
     "某化工企业排污许可证审批文件", "2022-11-04"},
    {"孙立平", "in_person", "2022-11-14", "",
     "某出租汽车公司道路运输经营许可证", "2022-11-30"},
    {"马红梅", "online", "2022-12-05", "2022-12-05",
     "1998年本村集体土地征收审批材料", "2022-12-20"},
};

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  EXPECT_TRUE(file.is_open()) << path;
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The records of a CSV text that starts with the UTF-8 byte order mark and
// whose lines end in "\r\n" (RFC 4180), each split into its fields. None of
// the reference tables' fields is quoted.
std::vector<std::vector<std::string>> CsvRecords(absl::string_view csv) {
  std::vector<std::vector<std::string>> records;
  EXPECT_TRUE(absl::EndsWith(csv, "\r\n")) << csv;
  EXPECT_TRUE(absl::ConsumePrefix(&csv, kByteOrderMark)) << csv;
  for (absl::string_view line : absl::StrSplit(csv, "\r\n")) {
    if (line.empty()) continue;
    records.push_back(absl::StrSplit(line, ','));
  }
  return records;
}

// The expected tables, typed by hand from the reference report: one record a
// line, LF line ends (the file's own line ends are no part of the test).
std::vector<std::vector<std::string>> ExpectedRecords() {
  std::vector<std::vector<std::string>> records;
  const std::string text = ReadFile(std::string(OGI_E2E_TESTDATA_DIR) +
                                    "/reference_2022_tables.csv");
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty()) continue;
    records.push_back(absl::StrSplit(line, ','));
  }
  return records;
}

class ReportEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = tmp_.path();
    auto server = ServerProcess::Start(
        dir_ + "/ogi.db",
        {"--agency_code=lc-xzsp", "--agency_name=聊城市行政审批服务局",
         "--fake_clock_start=2023-01-10T09:00:00+08:00"});
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

  // Logs and answers the thirteen applications, files and decides the
  // review, and enters table 二's figures.
  void EnterTheYear() {
    int n = 0;
    for (const Application& a : kApplications) {
      std::vector<std::string> create = {
          "case",      "create",           "--applicant-name",
          a.name,      "--applicant-type", "natural_person",
          "--channel", a.channel,          "--received",
          a.received,  "--description",    a.request};
      if (a.confirmed[0] != '\0') {
        create.insert(create.end(), {"--confirmed", a.confirmed});
      }
      const std::string number = absl::StrFormat("2022-%04d", ++n);
      ASSERT_EQ(OgiOk(create), number + "\n") << a.name;
      std::vector<std::string> conclude = {"case", "conclude", number,
                                           "--served", a.served};
      if (n < 13) {
        conclude.insert(conclude.end(), {"--outcome", "disclosed"});
      } else {
        conclude.insert(conclude.end(),
                        {"--outcome", "unavailable_not_held",
                         "--not-held-reason", "does_not_exist"});
      }
      OgiOk(conclude);
    }

    // 陈志刚 asked 聊城市人民政府 to review the answer of 2022-06-01; the
    // answer was upheld.
    const std::string review = std::string(absl::StripTrailingAsciiWhitespace(
        OgiOk({"review", "file", "--case", "2022-0005", "--filed", "2022-07-11",
               "--organ", "聊城市人民政府", "--copy-received", "2022-07-13",
               "--accepted", "2022-07-13"})));
    ASSERT_EQ(review, "2022-0005-R1");
    OgiOk({"review", "decide", review, "--decision", "upheld", "--date",
           "2022-09-05"});

    OgiOk({"report",
           "figures",
           "set",
           "2022",
           "--rules-issued",
           "0",
           "--rules-repealed",
           "0",
           "--rules-in-force",
           "0",
           "--normative-issued",
           "0",
           "--normative-repealed",
           "0",
           "--normative-in-force",
           "0",
           "--licensing",
           "32866",
           "--penalty",
           "0",
           "--enforcement",
           "0",
           "--fees-wan-yuan",
           "12872.06"});
  }

  ::ogi::testing::TempDir tmp_;  // outlives the server
  std::string dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ReportEndToEndTest, ReproducesTheTablesOfThePublishedReport) {
  ASSERT_NO_FATAL_FAILURE(EnterTheYear());

  const std::string csv = OgiOk({"report", "show", "2022", "--format", "csv"});
  const std::vector<std::vector<std::string>> expected = ExpectedRecords();
  const std::vector<std::vector<std::string>> got = CsvRecords(csv);
  // The report title; table 二's title, 4 block headings and header rows, 6
  // rows; table 三's title, header row, 25 rows; table 四's title, its two
  // header rows and its row of 15 numbers.
  ASSERT_EQ(expected.size(), 47u);
  EXPECT_EQ(csv.substr(0, 3), kByteOrderMark);
  ASSERT_EQ(got.size(), expected.size()) << csv;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(got[i], expected[i]) << "line " << i + 1;
  }

  // Every identity holds.
  const CommandResult check = Ogi({"report", "check", "2022"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.err, "");
  EXPECT_THAT(check.out,
              AllOf(HasSubstr("校验：聊城市行政审批服务局 2022"),
                    HasSubstr("结果：全部"), ::testing::Not(HasSubstr("✗"))));

  // The twelve disclosures behind （一）予以公开 × 自然人.
  const std::string disclosed =
      OgiOk({"report", "cell", "2022", "disclosed", "natural_person"});
  EXPECT_THAT(disclosed,
              StartsWith("2022 年 表三 disclosed × natural_person：12\n"));
  EXPECT_THAT(disclosed, HasSubstr("共 12 件\n"));
  for (int n = 1; n <= 12; ++n) {
    const Application& a = kApplications[n - 1];
    EXPECT_THAT(disclosed, HasSubstr(absl::StrCat(
                               absl::StrFormat("2022-%04d", n), "  ", a.name)));
  }
  EXPECT_THAT(disclosed, ::testing::Not(HasSubstr("2022-0013")));
  // Ordinary mail counts from the confirmation (Art. 31): 赵明's receipt date.
  EXPECT_THAT(disclosed, HasSubstr("2022-07-05  2022-07-20"));

  EXPECT_THAT(
      OgiOk({"report", "cell", "2022", "unavailable_not_held", "total"}),
      AllOf(HasSubstr("：1\n"), HasSubstr("2022-0013"), HasSubstr("马红梅"),
            HasSubstr("共 1 件")));
  EXPECT_THAT(OgiOk({"report", "cell", "2022", "review", "upheld"}),
              AllOf(StartsWith("2022 年 表四 review × upheld：1\n"),
                    HasSubstr("2022-0005-R1"), HasSubstr("2022-07-11"),
                    HasSubstr("共 1 件")));

  // The publishable document, written to a file.
  const std::string html = dir_ + "/report-2022.html";
  EXPECT_THAT(OgiOk({"report", "show", "2022", "--format", "html", "-o", html}),
              HasSubstr("已写入 " + html));
  EXPECT_THAT(ReadFile(html),
              AllOf(HasSubstr("<html"), HasSubstr("聊城市行政审批服务局"),
                    HasSubstr("32866"), HasSubstr("12872.06")));

  // Locked as published, the numbers stay.
  OgiOk({"report", "text", "set", "2022", "--section", "overview", "--text",
         "2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。"});
  OgiOk({"report", "text", "set", "2022", "--section", "problems", "--text",
         "政策解读工作方面存在不足。"});
  const std::string locked = OgiOk(
      {"report", "lock", "2022", "--yes", "--allow-empty", "other_matters"});
  EXPECT_THAT(locked, AllOf(HasSubstr("将要锁定：聊城市行政审批服务局 2022 "
                                      "年度报告"),
                            HasSubstr("本年新收 13，上年结转 0，办理结果总计 "
                                      "13，结转下年 0"),
                            HasSubstr("六、其他需要报告的事项（--allow-empty "
                                      "other_matters）"),
                            HasSubstr("内容哈希"), HasSubstr("王科员")));
  EXPECT_EQ(OgiOk({"report", "show", "2022", "--format", "csv"}), csv);
  const CommandResult again = Ogi(
      {"report", "lock", "2022", "--yes", "--allow-empty", "other_matters"});
  EXPECT_EQ(again.exit_code, 1) << again.out << again.err;
  EXPECT_THAT(again.err, HasSubstr("不能再次锁定"));

  // A correction after publication: 2022-0003's information was in fact a
  // state secret. The published numbers stand; the report names the cells
  // the correction moved, and the case.
  OgiOk({"case", "correct-conclusion", "2022-0003", "--reason", "复核发现错误",
         "--override", "withheld_state_secret", "--override-reason",
         "所申请信息经确认属于国家秘密"});
  EXPECT_EQ(OgiOk({"report", "show", "2022", "--format", "csv"}), csv);
  const std::string shown = OgiOk({"report", "show", "2022"});
  EXPECT_THAT(
      shown,
      AllOf(HasSubstr("现在的记录与锁定的数字不同（4个单元格）"),
            HasSubstr("表三 （一）予以公开 × 自然人  锁定 12，现在 11  移出 "
                      "2022-0003\n"),
            HasSubstr("表三 1.属于国家秘密 × 总计  锁定 0，现在 1  新增 "
                      "2022-0003\n")));
  // The drill-down shows the live records.
  EXPECT_THAT(OgiOk({"report", "cell", "2022", "withheld_state_secret",
                     "natural_person"}),
              AllOf(HasSubstr("2022-0003"), HasSubstr("共 1 件")));
}

// The bytes of `text` converted from GB 18030 to UTF-8 with iconv, as a
// spreadsheet on Chinese Windows reads them.
std::string FromGb18030(const std::string& text) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());
  size_t in_left = text.size();
  char* to = out.data();
  size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &to, &out_left), static_cast<size_t>(-1))
      << "not GB 18030";
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST_F(ReportEndToEndTest, TheCsvOpensInExcelAndInTheNationalEncoding) {
  OgiOk({"report", "figures", "set", "2022", "--licensing", "32866",
         "--fees-wan-yuan", "13105.4"});
  const std::string csv = OgiOk({"report", "show", "2022", "--format", "csv"});
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  const std::vector<std::vector<std::string>> records = CsvRecords(csv);
  ASSERT_GE(records.size(), 4u);
  EXPECT_THAT(records[0],
              ::testing::ElementsAre(
                  "聊城市行政审批服务局2022年政府信息公开工作年度报告"));
  EXPECT_THAT(records[3],
              ::testing::ElementsAre("信息内容", "本年制发件数", "本年废止件数",
                                     "现行有效件数"));
  // Money with two decimals.
  EXPECT_THAT(csv, HasSubstr("\r\n行政事业性收费,13105.40\r\n"));

  // GB 18030: no byte order mark, and it reads back as the same document.
  const std::string gb = OgiOk(
      {"report", "show", "2022", "--format", "csv", "--encoding", "gb18030"});
  EXPECT_NE(gb.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(FromGb18030(gb), csv.substr(3));
  EXPECT_NE(gb, csv.substr(3));  // really another encoding

  ::ogi::testing::RunOgiCliFails(
      *server_, {"report", "show", "2022", "--encoding", "gb18030"}, 2,
      "--encoding: gb18030 只用于 csv");
  ::ogi::testing::RunOgiCliFails(
      *server_,
      {"report", "show", "2022", "--format", "csv", "--encoding", "big5"}, 2,
      "--encoding: 未知的编码");
}

TEST_F(ReportEndToEndTest, TheOutputFilesExtensionPicksTheFormat) {
  OgiOk({"report", "figures", "set", "2022", "--licensing", "32866"});
  const std::string html = dir_ + "/report.html";
  EXPECT_THAT(OgiOk({"report", "show", "2022", "-o", html}),
              HasSubstr("（html，"));
  EXPECT_THAT(ReadFile(html), StartsWith("<!DOCTYPE html>"));
  const std::string csv = dir_ + "/report.csv";
  OgiOk({"report", "show", "2022", "-o", csv});
  EXPECT_THAT(ReadFile(csv), StartsWith("\xEF\xBB\xBF聊城市行政审批服务局"));
  const std::string markdown = dir_ + "/report.md";
  OgiOk({"report", "show", "2022", "--output", markdown});
  EXPECT_THAT(ReadFile(markdown), StartsWith("# 聊城市行政审批服务局"));
  const std::string json = dir_ + "/report.json";
  OgiOk({"report", "show", "2022", "-o", json});
  EXPECT_THAT(ReadFile(json), StartsWith("{"));
  // An extension that names no format: the default, text.
  const std::string text = dir_ + "/report.txt";
  EXPECT_THAT(OgiOk({"report", "show", "2022", "-o", text}),
              HasSubstr("（text，"));
  EXPECT_THAT(
      ReadFile(text),
      StartsWith("聊城市行政审批服务局2022年政府信息公开工作年度报告\n"));
  // An explicit --format that agrees is fine; one that contradicts is
  // refused before anything is written.
  OgiOk({"report", "show", "2022", "--format", "html", "-o", html});
  const std::string refused = dir_ + "/refused.csv";
  const CommandResult r =
      Ogi({"report", "show", "2022", "--format", "html", "-o", refused});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, AllOf(HasSubstr("--format"), HasSubstr("--output"),
                           HasSubstr("refused.csv")));
  EXPECT_FALSE(std::ifstream(refused).is_open());
}

TEST_F(ReportEndToEndTest, FiguresTheRegisterOverridesAreNotSilentlyReplaced) {
  OgiOk({"report", "figures", "set", "2022", "--normative-in-force", "3"});
  OgiOk({"report", "documents", "add", "--kind", "normative_document",
         "--title", "关于进一步优化政务服务事项办理流程的通知", "--issued",
         "2022-03-18"});

  // The register wins (automatic: it holds a normative document), and says
  // so wherever the figures are shown.
  const std::string shown = OgiOk({"report", "figures", "show", "2022"});
  EXPECT_THAT(
      shown,
      AllOf(HasSubstr("行政规范性文件      本年制发 1，本年废止 0，现行有效 1"),
            HasSubstr("按登记簿统计（来源：auto，登记簿中有该类文件）"),
            HasSubstr("被登记簿取代的输入数字"),
            HasSubstr("表二 行政规范性文件 现行有效件数 输入的是 3，"
                      "报告采用登记簿统计的 1")));
  EXPECT_THAT(OgiOk({"report", "check", "2022"}),
              AllOf(HasSubstr("提示（"),
                    HasSubstr("表二 行政规范性文件 现行有效件数：输入的数字 3 "
                              "已被登记簿统计的 1 取代")));
  // Entering another figure warns on stderr; the entered 3 is kept.
  const CommandResult set =
      Ogi({"report", "figures", "set", "2022", "--licensing", "5"});
  EXPECT_EQ(set.exit_code, 0) << set.err;
  EXPECT_THAT(set.err, AllOf(StartsWith("ogi: 警告：表二 行政规范性文件"),
                             HasSubstr("输入的是 3，报告采用登记簿统计的 1"),
                             HasSubstr("--normative-source entered")));
  const CommandResult show = Ogi({"report", "show", "2022"});
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_THAT(show.err, HasSubstr("警告：表二 行政规范性文件 现行有效件数"));

  // The statistician chooses the figures entered: they count, no warning.
  EXPECT_THAT(OgiOk({"report", "figures", "set", "2022", "--normative-source",
                     "entered"}),
              AllOf(HasSubstr("现行有效 3"),
                    HasSubstr("用输入的数字（来源：entered）")));
  EXPECT_THAT(OgiOk({"report", "show", "2022", "--format", "csv"}),
              HasSubstr("\r\n行政规范性文件,0,0,3\r\n"));
  // And back to the register, for both rows.
  EXPECT_THAT(
      Ogi({"report", "figures", "set", "2022", "--source", "register"}).err,
      HasSubstr("警告"));
  ::ogi::testing::RunOgiCliFails(
      *server_, {"report", "figures", "set", "2022", "--source", "excel"}, 2,
      "--source: 未知的来源");
}

TEST_F(ReportEndToEndTest, LockShowsWhatItFreezesAndRefusesEmptySections) {
  OgiOk({"report", "figures", "set", "2022", "--licensing", "32866"});
  // Not on a terminal: a script must say --yes.
  ::ogi::testing::RunOgiCliFails(*server_, {"report", "lock", "2022"}, 2,
                                 "--yes");
  // Empty sections are refused, each named with the flag that allows it.
  ::ogi::testing::RunOgiCliFails(
      *server_, {"report", "lock", "2022", "--yes"}, 1,
      "--allow-empty: 2022 年度报告的章节为空，未锁定：一、总体情况、"
      "五、存在的主要问题及改进情况、六、其他需要报告的事项");
  OgiOk({"report", "text", "set", "2022", "--section", "overview", "--text",
         "2022年，本局认真贯彻落实《条例》。"});
  ::ogi::testing::RunOgiCliFails(
      *server_,
      {"report", "lock", "2022", "--yes", "--allow-empty", "problems"}, 1,
      "--allow-empty other_matters");
  EXPECT_THAT(OgiOk({"report", "check", "2022"}),
              HasSubstr("前言：使用系统生成的默认文字"));

  OgiOk({"report", "text", "set", "2022", "--section", "preface", "--text",
         "本报告依据《条例》编制，电子版见 www.liaocheng.gov.cn。"});
  OgiOk({"report", "text", "set", "2022", "--section", "other_matters",
         "--text", "本年度未收取任何费用。"});
  const std::string locked =
      OgiOk({"report", "lock", "2022", "--yes", "--allow-empty", "problems"});
  EXPECT_THAT(locked,
              AllOf(HasSubstr("将要锁定：聊城市行政审批服务局 2022 年度报告"),
                    HasSubstr("行政许可 32866"), HasSubstr("前言"),
                    HasSubstr("本机关填写"),
                    HasSubstr("五、存在的主要问题及改进情况（--allow-empty "
                              "problems）"),
                    HasSubstr("已锁定"), HasSubstr("内容哈希")));

  // The published document opens with the office's preface, and its own fee
  // text stands alone in section 六.
  const std::string html =
      OgiOk({"report", "show", "2022", "--format", "html"});
  EXPECT_THAT(html,
              AllOf(HasSubstr("<p class=\"preface\">本报告依据《条例》编制"),
                    HasSubstr("<p>本年度未收取任何费用。</p>"),
                    ::testing::Not(HasSubstr("信息处理费")),
                    HasSubstr("counter(page)")));
}

}  // namespace
}  // namespace ogi
