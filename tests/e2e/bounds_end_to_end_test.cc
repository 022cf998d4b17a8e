// Bounds on what the server and the CLI accept (issue 12), through the real
// binaries: JSON bounded before parsing, a typed calendar request, calendars
// no State Council notice could make, dates within the calendar's range,
// names of control or invisible characters, resident ID birth dates, fee
// page counts, files the CLI will not read, and every violation of a
// CreateCase in one error, each under the flag the user typed.

#include <grpcpp/grpcpp.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "ogi/v1/calendar_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/e2e/manual_clock_server.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::testing::HasSubstr;

// A made-up 2027 arrangement in the calendar file format with `holidays` (JSON
// objects) and `off_days` (quoted dates).
std::string File2027(const std::string& holidays, const std::string& off_days) {
  return absl::StrCat(
      R"json({"2027": {"notices": ["国务院办公厅通知（测试用） (2026-11-20)"],
  "holidays": [)json",
      holidays, R"(], "off_days": [)", off_days,
      R"(], "makeup_workdays": []}})");
}

// 元旦 2027-01-01..01-03 alone: a small, valid (if incomplete) year.
std::string NewYear2027() {
  return File2027(
      R"({"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "days": 3})",
      R"("2027-01-01", "2027-01-02", "2027-01-03")");
}

class BoundsEndToEndTest : public ::ogi::testing::ManualClockServerTest {
 protected:
  void SetUp() override { StartServer("2026-12-21"); }

  // Expects `ogi <args>` to exit `code` with exactly "ogi: <message>" on
  // stderr and nothing on stdout.
  void ExpectError(const std::vector<std::string>& args, int code,
                   const std::string& message) {
    const ::ogi::testing::CommandResult r = Ogi(args);
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_EQ(r.err, "ogi: " + message + "\n");
    EXPECT_EQ(r.out, "");
  }

  // The same, for a server refusal.
  void ExpectInvalid(const std::vector<std::string>& args,
                     const std::string& message) {
    ExpectError(args, 1, message + "（INVALID_ARGUMENT）");
  }

  // Logs an application received in person on 2026-12-01; returns its
  // number.
  std::string CreateCase() {
    std::string number =
        OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
               "natural_person", "--channel", "in_person", "--received",
               "2026-12-01", "--description", "2025年度行政许可办理情况"});
    if (!number.empty() && number.back() == '\n') number.pop_back();
    return number;
  }

  void Authorize(grpc::ClientContext& context) {
    context.AddMetadata("authorization", server_->BearerHeader());
  }
};

// `ogi calendar load /dev/zero` ended in std::bad_alloc; now a file that is
// not a regular file is refused before reading, with exit code 1.
TEST_F(BoundsEndToEndTest, TheCliReadsOnlyRegularFilesWithinTheLimit) {
  ExpectError({"calendar", "load", "/dev/zero"}, 1,
              "日历文件 \"/dev/zero\" 不是普通文件（而是设备、管道或套接字），"
              "不能读取");
  ExpectError({"calendar", "load", dir_}, 1,
              absl::StrCat("日历文件 \"", dir_,
                           "\" 不是普通文件（而是目录），不能读取"));
  const std::string big =
      WriteFile("big.json", std::string(1024 * 1024 + 1, ' '));
  ExpectError(
      {"calendar", "load", big}, 1,
      absl::StrCat("日历文件 \"", big, "\" 有 1048577 字节，超过上限 1 MiB"));
  // The report's prose from a file: the same refusal.
  ExpectError({"report", "text", "set", "2026", "--section", "overview",
               "--file", "/dev/zero"},
              1,
              "文件 \"/dev/zero\" 不是普通文件（而是设备、管道或套接字），"
              "不能读取");
}

// 10,000 '[' took the server 4.2 s and grew quadratically; the depth is now
// checked by one pass before parsing, naming the limit and the byte.
TEST_F(BoundsEndToEndTest, DeeplyNestedJsonIsRefusedBeforeParsing) {
  ExpectInvalid({"calendar", "load",
                 WriteFile("deep.json",
                           std::string(10000, '[') + std::string(10000, ']'))},
                "FILE: 日历文件：嵌套超过 16 层（第 17 层始于第 16 字节）");
  // 100,000 deep (once more than 11 minutes of server time) through the
  // API, answered well within a 10 s deadline.
  auto stub = v1::CalendarService::NewStub(channel_);
  grpc::ClientContext context;
  Authorize(context);
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  v1::LoadCalendarRequest request;
  request.set_json(std::string(100000, '[') + std::string(100000, ']'));
  v1::LoadCalendarResponse response;
  const grpc::Status status = stub->LoadCalendar(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "json: 日历文件：嵌套超过 16 层（第 17 层始于第 16 字节）");
}

// A calendar making every day of 2027 a holiday moved an open deadline by a
// year; it is refused, naming the bound, and the case keeps its date.
TEST_F(BoundsEndToEndTest, ACalendarNoNoticeCouldMakeIsRefused) {
  const std::string number = CreateCase();
  const std::string before = OgiOk({"case", "show", number});
  std::string off_days;
  for (absl::CivilDay day(2027, 1, 1); day.year() == 2027; ++day) {
    absl::StrAppend(&off_days, off_days.empty() ? "" : ", ", "\"",
                    FormatIsoDate(day), "\"");
  }
  ExpectInvalid(
      {"calendar", "load",
       WriteFile("all-year.json",
                 File2027(R"({"name": "全年", "from": "2027-01-01",
                             "to": "2027-12-31", "days": 365})",
                          off_days))},
      "FILE: 2027.holidays[0]: 2027-01-01 至 2027-12-31 共 365 天，超过一个"
      "假期最多 14 天的上限（已公布的安排中最长为 10 天）");
  EXPECT_EQ(OgiOk({"case", "show", number}), before);
}

// LoadCalendarRequest.years: the messages instead of a file's text, checked
// by the same rules, with the request's own field names.
TEST_F(BoundsEndToEndTest, TheTypedCalendarRequest) {
  auto stub = v1::CalendarService::NewStub(channel_);
  v1::CalendarYear year;
  year.set_year(2027);
  year.add_notices("国务院办公厅通知（测试用） (2026-11-20)");
  v1::Holiday* holiday = year.add_holidays();
  holiday->set_name("元旦");
  *holiday->mutable_first_day() = ToProtoDate(absl::CivilDay(2027, 1, 1));
  *holiday->mutable_last_day() = ToProtoDate(absl::CivilDay(2027, 1, 3));
  holiday->set_days(3);
  for (int d = 1; d <= 3; ++d) {
    *year.add_off_days() = ToProtoDate(absl::CivilDay(2027, 1, d));
  }
  {
    // Both forms at once.
    grpc::ClientContext context;
    Authorize(context);
    v1::LoadCalendarRequest request;
    request.set_json(NewYear2027());
    *request.add_years() = year;
    v1::LoadCalendarResponse response;
    const grpc::Status status =
        stub->LoadCalendar(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(),
              "json, years: 只能给出其一（日历文件的文本，或各年的安排）");
  }
  {
    // A bad year is named by its place and the proto's field names.
    grpc::ClientContext context;
    Authorize(context);
    v1::LoadCalendarRequest request;
    v1::CalendarYear reversed = year;
    *reversed.mutable_holidays(0)->mutable_last_day() =
        ToProtoDate(absl::CivilDay(2026, 12, 31));
    *request.add_years() = reversed;
    v1::LoadCalendarResponse response;
    const grpc::Status status =
        stub->LoadCalendar(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(),
              "years[0].holidays[0].last_day: 2026-12-31 早于 first_day（"
              "2027-01-01）");
  }
  grpc::ClientContext context;
  Authorize(context);
  v1::LoadCalendarRequest request;
  *request.add_years() = year;
  v1::LoadCalendarResponse response;
  const grpc::Status status = stub->LoadCalendar(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.years_size(), 1);
  EXPECT_EQ(response.years(0), 2027);
  // Loaded, and shown as such by the CLI.
  EXPECT_THAT(OgiOk({"calendar", "show", "2027"}), HasSubstr("元旦"));
  EXPECT_THAT(OgiOk({"calendar", "show", "2027"}), HasSubstr("测试用"));
}

// AddWorkingDays from 9999-12-31 by 3660 answered a date in year 10014;
// every date the calendar computes stays within 1901-01-01..9998-12-31.
TEST_F(BoundsEndToEndTest, DatesStayWithinTheCalendarsRange) {
  ExpectInvalid(
      {"calendar", "add-working-days", "9999-12-31", "3660"},
      "DATE: 须在 1901-01-01 至 9998-12-31 之间（日历的范围），而不是 "
      "9999-12-31");
  ExpectInvalid({"calendar", "add-working-days", "9998-12-01", "3660"},
                "N: 从 9998-12-01 起算 3660 天将超出日历的范围（最晚 "
                "9998-12-31）");
  // The last day of the range is still reached (9998 is provisional: a
  // warning goes to stderr).
  const ::ogi::testing::CommandResult last =
      Ogi({"calendar", "add-working-days", "9998-12-30", "1"});
  EXPECT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(last.out, "9998-12-31\n");
}

// One CreateCase with three faults gets all three in one error: in the
// message, under the flags typed, and in the standard details.
TEST_F(BoundsEndToEndTest, EveryViolationOfACreateAtOnce) {
  ExpectInvalid(
      {"case", "create", "--applicant-name", "\u3000\u200B", "--applicant-type",
       "natural_person", "--id-type", "resident_id_card", "--id-number",
       "110105199002301231", "--channel", "in_person", "--received",
       "2099-01-01", "--description", "x"},
      "--applicant-name: 不能只由空白或不可见字符组成；--id-number: "
      "\"110105199002301231\" 第 7 至 14 位的出生日期 19900230 不是有效的"
      "日期；--received: 2099-01-01 晚于今天（北京时间 2026-12-21）");
  // Nothing was created.
  EXPECT_THAT(OgiOk({"case", "list"}), HasSubstr("共 0 件"));

  // The same through the API: google.rpc.BadRequest lists each field.
  auto stub = v1::CaseService::NewStub(channel_);
  grpc::ClientContext context;
  Authorize(context);
  v1::CreateCaseRequest request;
  v1::Case& c = *request.mutable_case_();
  c.mutable_applicant()->set_name("\u3000");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c.mutable_applicant()->set_id_type(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD);
  c.mutable_applicant()->set_id_number("110105199002301231");
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = ToProtoDate(absl::CivilDay(2099, 1, 1));
  c.add_items()->set_description("x");
  v1::CreateCaseResponse response;
  const grpc::Status status = stub->CreateCase(&context, request, &response);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  google::rpc::BadRequest bad_request;
  for (const google::protobuf::Any& any : details.details()) {
    if (any.UnpackTo(&bad_request)) break;
  }
  std::vector<std::string> fields;
  for (const auto& violation : bad_request.field_violations()) {
    fields.push_back(violation.field());
  }
  EXPECT_THAT(fields,
              ::testing::ElementsAre("applicant.name", "applicant.id_number",
                                     "arrival_date"));
}

// Names of C1 controls (U+0085, U+009B) or only of invisible characters
// were accepted; so was a resident ID born in the future.
TEST_F(BoundsEndToEndTest, NamesAndResidentIdsMustMakeSense) {
  const std::vector<std::string> create = {
      "case",          "create",    "--applicant-type", "natural_person",
      "--channel",     "in_person", "--received",       "2026-12-01",
      "--description", "x"};
  auto with = [&create](std::vector<std::string> more) {
    std::vector<std::string> args = create;
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  ExpectInvalid(with({"--applicant-name", "张\u0085三"}),
                "--applicant-name: 须为单行，且不能包含控制字符");
  ExpectInvalid(with({"--applicant-name", "\u009B31m"}),
                "--applicant-name: 须为单行，且不能包含控制字符");
  ExpectInvalid(with({"--applicant-name", "\uFEFF"}),
                "--applicant-name: 不能只由空白或不可见字符组成");
  // Born 2099-01-01; the check digit is right.
  ExpectInvalid(with({"--applicant-name", "张三", "--id-type",
                      "resident_id_card", "--id-number", "110105209901011234"}),
                "--id-number: \"110105209901011234\" 的出生日期 2099-01-01 "
                "晚于今天（北京时间 2026-12-21）");
  EXPECT_THAT(OgiOk({"case", "list"}), HasSubstr("共 0 件"));
}

// 2147483647 pages came to a fee of 85,899,340,580 元.
TEST_F(BoundsEndToEndTest, FeeNoticePagesAreBounded) {
  const std::string number = CreateCase();
  // The request's documented bound (checked first by the gRPC edge) and the
  // fee rules' own (ComputeFeeYuan) are both 100,000 pages.
  const ::ogi::testing::CommandResult refused =
      Ogi({"case", "fee-notice", number, "--method", "per_page", "--pages",
           "200000", "--served", "2026-12-10"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(
      refused.err,
      ::testing::AllOf(::testing::StartsWith("ogi: --pages: "),
                       HasSubstr("100000"), HasSubstr("INVALID_ARGUMENT")));
  EXPECT_THAT(OgiOk({"case", "fee-notice", number, "--method", "per_page",
                     "--pages", "100000", "--served", "2026-12-10"}),
              HasSubstr("3994700"));
}

}  // namespace
}  // namespace ogi
