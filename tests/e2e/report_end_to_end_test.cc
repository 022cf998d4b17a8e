// The annual report through the real binaries: ogi-server on a manual clock
// ("today" is 2023-01-10, when offices write their 2022 reports) and the ogi
// CLI doing what staff do. The thirteen applications, their answers and the
// review of 聊城市行政审批服务局's 2022 report
// (/work/shared/reference/000_e42161fe7aa08ef3.txt) are entered case by case,
// and `ogi report show 2022 --format csv` must reproduce the published tables
// 二, 三 and 四 cell for cell.

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
#include "tests/e2e/ogi_cli_runner.h"
#include "tests/common/status_matchers.h"

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

// The records of a CSV text whose lines end in "\r\n" (RFC 4180), each split
// into its fields. None of the reference tables' fields is quoted.
std::vector<std::vector<std::string>> CsvRecords(const std::string& csv) {
  std::vector<std::vector<std::string>> records;
  EXPECT_TRUE(absl::EndsWith(csv, "\r\n")) << csv;
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
    dir_ = ::ogi::testing::MakeTempDir();
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

  std::string dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ReportEndToEndTest, ReproducesTheTablesOfThePublishedReport) {
  ASSERT_NO_FATAL_FAILURE(EnterTheYear());

  const std::string csv = OgiOk({"report", "show", "2022", "--format", "csv"});
  const std::vector<std::vector<std::string>> expected = ExpectedRecords();
  const std::vector<std::vector<std::string>> got = CsvRecords(csv);
  ASSERT_EQ(expected.size(), 35u);  // 3 titles, 6 + 25 + 1 rows
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
  EXPECT_THAT(OgiOk({"report", "lock", "2022"}),
              AllOf(HasSubstr("内容哈希"), HasSubstr("王科员")));
  EXPECT_EQ(OgiOk({"report", "show", "2022", "--format", "csv"}), csv);
  const CommandResult again = Ogi({"report", "lock", "2022"});
  EXPECT_EQ(again.exit_code, 1) << again.out << again.err;

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

}  // namespace
}  // namespace ogi
