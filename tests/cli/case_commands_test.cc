#include "cli/case_commands.h"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/args.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "services/common/text.h"
#include "tests/cli/fake_stubs.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeCaseStub;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::StartsWith;

ParsedArgs MustParse(std::vector<std::string> args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseArgs(args, GlobalFlags(), AllCommands());
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *std::move(parsed) : ParsedArgs();
}

// "case create" with `flags` and, where `flags` leave them out, the flags the
// command requires.
ParsedArgs CreateArgs(std::vector<std::string> flags) {
  const std::vector<std::pair<std::string, std::string>> required = {
      {"--applicant-name", "张三"},
      {"--applicant-type", "natural_person"},
      {"--channel", "in_person"},
      {"--description", "2021年度行政许可办理情况"}};
  std::vector<std::string> args = {"case", "create"};
  args.insert(args.end(), flags.begin(), flags.end());
  for (const auto& [flag, value] : required) {
    if (std::find(flags.begin(), flags.end(), flag) == flags.end()) {
      args.push_back(flag);
      args.push_back(value);
    }
  }
  return MustParse(args);
}

GlobalOptions Options() {
  GlobalOptions options;
  options.server = "127.0.0.1:50051";
  options.token = "ogi_tk-1_secret";
  options.agency = "lc-xzsp";
  return options;
}

v1::Date MakeDate(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// A case as the server would return it.
v1::Case SampleCase() {
  v1::Case c;
  c.set_agency_code("lc-xzsp");
  c.set_number("2022-0001");
  c.mutable_applicant()->set_name("张三");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c.mutable_applicant()->set_phone("13800000000");
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = MakeDate(2022, 3, 1);
  *c.mutable_receipt_date() = MakeDate(2022, 3, 1);
  c.add_items()->set_description("2021年度行政许可办理情况");
  c.add_items()->set_description("第二项\n续行");
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.set_version(1);
  c.mutable_created_at()->set_seconds(1646101800);  // 2022-03-01 02:30 UTC
  c.mutable_updated_at()->set_seconds(1646101800);
  return c;
}

// --- create -----------------------------------------------------------------

TEST(BuildCreateCaseRequestTest, ExampleFromTheManual) {
  const ParsedArgs args = MustParse(
      {"case", "create", "--applicant-name", "张三", "--applicant-type",
       "natural_person", "--channel", "in_person", "--received", "2022-03-01",
       "--description", "2021年度行政许可办理情况"});
  absl::StatusOr<v1::CreateCaseRequest> request =
      BuildCreateCaseRequest(args, Options());
  ASSERT_TRUE(request.ok()) << request.status();
  const v1::Case& c = request->case_();
  EXPECT_EQ(c.agency_code(), "lc-xzsp");
  EXPECT_EQ(c.applicant().name(), "张三");
  EXPECT_EQ(c.applicant().type(), v1::APPLICANT_TYPE_NATURAL_PERSON);
  EXPECT_EQ(c.channel(), v1::CHANNEL_IN_PERSON);
  ASSERT_TRUE(c.has_arrival_date());
  EXPECT_EQ(c.arrival_date().year(), 2022);
  EXPECT_EQ(c.arrival_date().month(), 3);
  EXPECT_EQ(c.arrival_date().day(), 1);
  EXPECT_FALSE(c.has_confirmation_date());
  EXPECT_FALSE(c.has_receipt_date());
  ASSERT_EQ(c.items_size(), 1);
  EXPECT_EQ(c.items(0).description(), "2021年度行政许可办理情况");
  EXPECT_EQ(c.number(), "");
  EXPECT_EQ(c.requested_form(), v1::REQUESTED_FORM_UNSPECIFIED);
}

TEST(BuildCreateCaseRequestTest, EveryFlag) {
  const ParsedArgs args =
      MustParse({"case",
                 "create",
                 "--applicant-name=某某律师事务所",
                 "--applicant-type=legal_service_institution",
                 "--id-type",
                 "unified_social_credit_code",
                 "--id-number",
                 "91371500MA3C000000",
                 "--phone",
                 "0635-1234567",
                 "--email",
                 "a@b.cn",
                 "--address",
                 "山东省聊城市",
                 "--channel",
                 "ordinary_mail",
                 "--received",
                 "2022-03-01",
                 "--confirmed",
                 "2022-03-04",
                 "--description",
                 "甲",
                 "--description",
                 "乙",
                 "--form",
                 "electronic",
                 "--delivery",
                 "email"});
  absl::StatusOr<v1::CreateCaseRequest> request =
      BuildCreateCaseRequest(args, Options());
  ASSERT_TRUE(request.ok()) << request.status();
  const v1::Case& c = request->case_();
  EXPECT_EQ(c.applicant().type(), v1::APPLICANT_TYPE_LEGAL_SERVICE_INSTITUTION);
  EXPECT_EQ(c.applicant().id_type(),
            v1::ID_DOCUMENT_TYPE_UNIFIED_SOCIAL_CREDIT_CODE);
  EXPECT_EQ(c.applicant().id_number(), "91371500MA3C000000");
  EXPECT_EQ(c.applicant().phone(), "0635-1234567");
  EXPECT_EQ(c.applicant().email(), "a@b.cn");
  EXPECT_EQ(c.applicant().postal_address(), "山东省聊城市");
  EXPECT_EQ(c.channel(), v1::CHANNEL_ORDINARY_MAIL);
  EXPECT_EQ(c.confirmation_date().day(), 4);
  ASSERT_EQ(c.items_size(), 2);
  EXPECT_EQ(c.items(0).description(), "甲");
  EXPECT_EQ(c.items(1).description(), "乙");
  EXPECT_EQ(c.requested_form(), v1::REQUESTED_FORM_ELECTRONIC);
  EXPECT_EQ(c.delivery_method(), v1::DELIVERY_METHOD_EMAIL);
}

TEST(BuildCreateCaseRequestTest, OmittedReceivedStaysUnset) {
  absl::StatusOr<v1::CreateCaseRequest> request = BuildCreateCaseRequest(
      CreateArgs({"--applicant-name", "张三"}), Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_FALSE(request->case_().has_arrival_date());
  EXPECT_EQ(request->case_().items_size(), 1);
}

TEST(BuildCreateCaseRequestTest, BadValuesAreUsageErrorsNamingTheFlag) {
  absl::StatusOr<v1::CreateCaseRequest> request = BuildCreateCaseRequest(
      CreateArgs({"--received", "2022-13-01"}), Options());
  ASSERT_FALSE(request.ok());
  EXPECT_TRUE(IsUsageError(request.status()));
  EXPECT_THAT(std::string(request.status().message()),
              StartsWith("--received: "));
  EXPECT_THAT(std::string(request.status().message()), HasSubstr("2022-13-01"));

  request = BuildCreateCaseRequest(CreateArgs({"--confirmed", "1.3.2022"}),
                                   Options());
  ASSERT_FALSE(request.ok());
  EXPECT_TRUE(IsUsageError(request.status()));
  EXPECT_EQ(request.status().message(),
            "--confirmed: \"1.3.2022\" 不是有效日期（格式为 YYYY-MM-DD）");

  request =
      BuildCreateCaseRequest(CreateArgs({"--channel", "pigeon"}), Options());
  ASSERT_FALSE(request.ok());
  EXPECT_TRUE(IsUsageError(request.status()));
  EXPECT_EQ(request.status().message(),
            "--channel: \"pigeon\" 不是可选的取值；可选：in_person, "
            "signed_post, ordinary_mail, online, fax, email");
}

TEST(RunCaseCreateTest, PrintsOnlyTheNumber) {
  FakeCaseStub stub;
  *stub.create_response.mutable_case_() = SampleCase();
  std::ostringstream out;
  const absl::Status status = RunCaseCreate(
      CreateArgs({"--applicant-name", "张三"}), Options(), stub, out);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(out.str(), "2022-0001\n");
  ASSERT_EQ(stub.create_requests.size(), 1u);
  EXPECT_EQ(stub.create_requests[0].case_().applicant().name(), "张三");
}

TEST(RunCaseCreateTest, JsonIsTheCreatedCase) {
  FakeCaseStub stub;
  *stub.create_response.mutable_case_() = SampleCase();
  GlobalOptions options = Options();
  options.json = true;
  std::ostringstream out;
  ASSERT_TRUE(RunCaseCreate(CreateArgs({}), options, stub, out).ok());
  v1::Case parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out.str(), &parsed).ok())
      << out.str();
  EXPECT_EQ(parsed.number(), "2022-0001");
  EXPECT_EQ(parsed.items_size(), 2);
}

TEST(RunCaseCreateTest, SendsTokenAndDeadline) {
  FakeCaseStub stub;
  std::ostringstream out;
  const auto before = std::chrono::system_clock::now();
  ASSERT_TRUE(RunCaseCreate(CreateArgs({}), Options(), stub, out).ok());
  ASSERT_EQ(stub.calls.size(), 1u);
  EXPECT_THAT(stub.calls[0].metadata,
              ElementsAre(Pair("authorization", "Bearer ogi_tk-1_secret")));
  const auto timeout = stub.calls[0].deadline - before;
  EXPECT_GE(timeout, std::chrono::seconds(29));
  EXPECT_LE(timeout, std::chrono::seconds(31));
}

TEST(RunCaseCreateTest, WithoutATokenNoAuthorizationIsSent) {
  FakeCaseStub stub;
  GlobalOptions options = Options();
  options.token = "";
  std::ostringstream out;
  ASSERT_TRUE(RunCaseCreate(CreateArgs({}), options, stub, out).ok());
  ASSERT_EQ(stub.calls.size(), 1u);
  EXPECT_THAT(stub.calls[0].metadata, ::testing::IsEmpty());
}

TEST(RunCaseCreateTest, ServerRejectionWritesNothing) {
  FakeCaseStub stub;
  stub.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "applicant.name: must not be empty");
  std::ostringstream out;
  const absl::Status status =
      RunCaseCreate(CreateArgs({}), Options(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(IsUsageError(status));
  EXPECT_EQ(status.message(), "applicant.name: must not be empty");
  EXPECT_EQ(out.str(), "");
}

// --- update -----------------------------------------------------------------

TEST(BuildUpdateCaseRequestTest, MaskHasExactlyTheFlagsGiven) {
  const ParsedArgs args = MustParse(
      {"case", "update", "2022-0001", "--reason", "登记错误", "--address",
       "新地址", "--applicant-type", "commercial_enterprise", "--received",
       "2022-03-02", "--description", "甲", "--description", "乙"});
  absl::StatusOr<v1::UpdateCaseRequest> request =
      BuildUpdateCaseRequest(args, Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->number(), "2022-0001");
  EXPECT_EQ(request->reason(), "登记错误");
  EXPECT_THAT(request->update_mask().paths(),
              ElementsAre("applicant.type", "applicant.postal_address",
                          "arrival_date", "items"));
  const v1::Case& c = request->case_();
  EXPECT_EQ(c.applicant().postal_address(), "新地址");
  EXPECT_EQ(c.applicant().type(), v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE);
  EXPECT_EQ(c.arrival_date().day(), 2);
  ASSERT_EQ(c.items_size(), 2);
  EXPECT_EQ(c.items(1).description(), "乙");
  EXPECT_EQ(c.applicant().name(), "");
}

TEST(BuildUpdateCaseRequestTest, EveryFlagMapsToItsPath) {
  const ParsedArgs args = MustParse({"case",
                                     "update",
                                     "2022-0001",
                                     "--reason",
                                     "r",
                                     "--applicant-name",
                                     "n",
                                     "--applicant-type",
                                     "natural_person",
                                     "--id-type",
                                     "passport",
                                     "--id-number",
                                     "E1",
                                     "--phone",
                                     "1",
                                     "--email",
                                     "e@x",
                                     "--address",
                                     "a",
                                     "--description",
                                     "d",
                                     "--form",
                                     "paper",
                                     "--delivery",
                                     "post",
                                     "--channel",
                                     "fax",
                                     "--received",
                                     "2022-01-01",
                                     "--confirmed",
                                     "2022-01-02"});
  absl::StatusOr<v1::UpdateCaseRequest> request =
      BuildUpdateCaseRequest(args, Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(
      request->update_mask().paths(),
      ElementsAre("applicant.name", "applicant.type", "applicant.id_type",
                  "applicant.id_number", "applicant.phone", "applicant.email",
                  "applicant.postal_address", "channel", "arrival_date",
                  "confirmation_date", "items", "requested_form",
                  "delivery_method"));
  const v1::Case& c = request->case_();
  EXPECT_EQ(c.applicant().id_type(), v1::ID_DOCUMENT_TYPE_PASSPORT);
  EXPECT_EQ(c.channel(), v1::CHANNEL_FAX);
  EXPECT_EQ(c.requested_form(), v1::REQUESTED_FORM_PAPER);
  EXPECT_EQ(c.delivery_method(), v1::DELIVERY_METHOD_POST);
  EXPECT_EQ(c.confirmation_date().day(), 2);
}

TEST(BuildUpdateCaseRequestTest, EmptyValuesClear) {
  const ParsedArgs args = MustParse({"case", "update", "2022-0001", "--reason",
                                     "r", "--phone", "", "--confirmed="});
  absl::StatusOr<v1::UpdateCaseRequest> request =
      BuildUpdateCaseRequest(args, Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->update_mask().paths(),
              ElementsAre("applicant.phone", "confirmation_date"));
  EXPECT_EQ(request->case_().applicant().phone(), "");
  EXPECT_FALSE(request->case_().has_confirmation_date());
}

// The parser refuses an update without a reason or without a field, naming
// both at once when both are missing.
TEST(ParseCaseUpdateTest, NeedsAReasonAndAField) {
  const auto message = [](std::vector<std::string> args) {
    absl::StatusOr<ParsedArgs> parsed =
        ParseArgs(args, GlobalFlags(), AllCommands());
    EXPECT_FALSE(parsed.ok());
    EXPECT_TRUE(IsUsageError(parsed.status()));
    return std::string(parsed.status().message());
  };
  EXPECT_EQ(message({"case", "update", "2022-0001", "--phone", "1"}),
            "缺少必需的选项：--reason（见 \"ogi case update --help\"）");
  EXPECT_EQ(message({"case", "update", "2022-0001", "--reason", "  ", "--phone",
                     "1"}),
            "缺少必需的选项：--reason（见 \"ogi case update --help\"）");
  EXPECT_THAT(message({"case", "update", "2022-0001", "--reason", "typo"}),
              StartsWith("缺少必需的选项：--applicant-name 或 --applicant-type "
                         "或 --id-type 或 "));
  EXPECT_THAT(message({"case", "update", "2022-0001"}),
              StartsWith("缺少必需的选项：--reason、--applicant-name 或 "));
}

TEST(RunCaseUpdateTest, PrintsTheUpdatedCard) {
  FakeCaseStub stub;
  v1::Case updated = SampleCase();
  updated.mutable_applicant()->set_name("李四");
  updated.set_version(2);
  *stub.update_response.mutable_case_() = updated;
  std::ostringstream out;
  const absl::Status status =
      RunCaseUpdate(MustParse({"case", "update", "2022-0001", "--reason",
                               "笔误", "--applicant-name", "李四"}),
                    Options(), stub, out);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(out.str(), HasSubstr("申请人        李四\n"));
  EXPECT_THAT(out.str(), HasSubstr("版本          2\n"));
  ASSERT_EQ(stub.update_requests.size(), 1u);
  EXPECT_THAT(stub.update_requests[0].update_mask().paths(),
              ElementsAre("applicant.name"));
}

// --- show -------------------------------------------------------------------

TEST(RenderCaseCardTest, LabelsValuesAndAlignment) {
  std::ostringstream out;
  RenderCaseCard(SampleCase(), false, out);
  const std::string indent(14, ' ');  // 收到申请日期 is 12 columns, plus 2
  EXPECT_THAT(Lines(out.str()),
              ElementsAre("案件编号      2022-0001",                    //
                          "状态          办理中",                       //
                          "申请人        张三",                         //
                          "申请人类型    自然人",                       //
                          "联系电话      13800000000",                  //
                          "提交方式      当面提交",                     //
                          "到达日期      2022-03-01",                   //
                          "收到申请日期  2022-03-01",                   //
                          "所需信息      1. 2021年度行政许可办理情况",  //
                          indent + "2. 第二项",                         //
                          indent + "   续行",                           //
                          "版本          1",                            //
                          "登记时间      2022-03-01 10:30",             //
                          "更新时间      2022-03-01 10:30"));
}

TEST(RenderCaseCardTest, PendingReceiptAndOptionalFields) {
  v1::Case c = SampleCase();
  c.clear_receipt_date();
  c.set_channel(v1::CHANNEL_ONLINE);
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  c.mutable_applicant()->set_id_type(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD);
  c.mutable_applicant()->set_id_number("110101199003070000");
  c.set_requested_form(v1::REQUESTED_FORM_PAPER);
  c.set_delivery_method(v1::DELIVERY_METHOD_SELF_PICKUP);
  std::ostringstream out;
  RenderCaseCard(c, false, out);
  EXPECT_THAT(out.str(), HasSubstr("收到申请日期  待确认\n"));
  EXPECT_THAT(out.str(), HasSubstr("状态          待确认收到\n"));
  EXPECT_THAT(out.str(), HasSubstr("证件类型      居民身份证\n"));
  EXPECT_THAT(out.str(), HasSubstr("证件号码      110101199003070000\n"));
  EXPECT_THAT(out.str(), HasSubstr("获取方式      纸质\n"));
  EXPECT_THAT(out.str(), HasSubstr("送达方式      自行领取\n"));
  EXPECT_THAT(out.str(), Not(HasSubstr("确认日期")));
  EXPECT_THAT(out.str(), Not(HasSubstr("电子邮箱")));
}

TEST(RunCaseShowTest, AsksForTheNumberInTheAgency) {
  FakeCaseStub stub;
  *stub.get_response.mutable_case_() = SampleCase();
  std::ostringstream out;
  ASSERT_TRUE(RunCaseShow(MustParse({"case", "show", "2022-0001"}), Options(),
                          stub, out)
                  .ok());
  ASSERT_EQ(stub.get_requests.size(), 1u);
  EXPECT_EQ(stub.get_requests[0].number(), "2022-0001");
  EXPECT_EQ(stub.get_requests[0].agency_code(), "lc-xzsp");
  EXPECT_THAT(out.str(), StartsWith("案件编号      2022-0001\n"));
  EXPECT_THAT(stub.calls[0].metadata,
              ElementsAre(Pair("authorization", "Bearer ogi_tk-1_secret")));
}

TEST(RunCaseShowTest, NotFound) {
  FakeCaseStub stub;
  stub.error = grpc::Status(grpc::StatusCode::NOT_FOUND, "case 2022-0099");
  std::ostringstream out;
  const absl::Status status = RunCaseShow(
      MustParse({"case", "show", "2022-0099"}), Options(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ErrorLine(status), "ogi: 未找到：case 2022-0099（NOT_FOUND）");
  EXPECT_EQ(out.str(), "");
}

// --- list -------------------------------------------------------------------

TEST(BuildListCasesRequestTest, Filters) {
  absl::StatusOr<v1::ListCasesRequest> request = BuildListCasesRequest(
      MustParse({"case", "list", "--status", "processing", "--applicant-type",
                 "research_institution", "--from", "2022-01-01", "--to",
                 "2022-12-31", "--text", "许可", "--limit", "20",
                 "--page-token", "abc"}),
      Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->status(), v1::CASE_STATUS_PROCESSING);
  EXPECT_EQ(request->applicant_type(), v1::APPLICANT_TYPE_RESEARCH_INSTITUTION);
  EXPECT_EQ(request->received_from().month(), 1);
  EXPECT_EQ(request->received_to().day(), 31);
  EXPECT_EQ(request->text(), "许可");
  EXPECT_EQ(request->page_size(), 20);
  EXPECT_EQ(request->page_token(), "abc");
}

TEST(BuildListCasesRequestTest, NoFiltersLeavesEverythingUnset) {
  absl::StatusOr<v1::ListCasesRequest> request =
      BuildListCasesRequest(MustParse({"case", "list"}), Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_FALSE(request->has_received_from());
  EXPECT_FALSE(request->has_received_to());
  EXPECT_EQ(request->status(), v1::CASE_STATUS_UNSPECIFIED);
  EXPECT_EQ(request->page_size(), 0);
}

TEST(BuildListCasesRequestTest, BadValues) {
  for (const auto& [flag, value, message] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"--limit", "0", "--limit: \"0\" 不是正整数"},
           {"--limit", "ten", "--limit: \"ten\" 不是正整数"},
           {"--from", "", "--from: 不能为空"},
           {"--to", "2022-02-30",
            "--to: \"2022-02-30\" 不是有效日期（格式为 YYYY-MM-DD）"},
       }) {
    absl::StatusOr<v1::ListCasesRequest> request = BuildListCasesRequest(
        MustParse({"case", "list", flag, value}), Options());
    ASSERT_FALSE(request.ok()) << flag;
    EXPECT_TRUE(IsUsageError(request.status()));
    EXPECT_EQ(request.status().message(), message);
  }
  absl::StatusOr<v1::ListCasesRequest> request = BuildListCasesRequest(
      MustParse({"case", "list", "--status", "closed"}), Options());
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.status().message(),
            "--status: \"closed\" 不是可选的取值；可选："
            "pending_confirmation, processing, awaiting_correction, "
            "concluded");
}

TEST(RenderCaseTableTest, ColumnsAndWidthLimit) {
  v1::Case first = SampleCase();
  v1::Case second = SampleCase();
  second.set_number("2022-0002");
  second.clear_receipt_date();
  second.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  second.mutable_applicant()->set_name(
      "某某市某某区某某街道某某社区居民委员会");
  second.mutable_applicant()->set_type(
      v1::APPLICANT_TYPE_PUBLIC_INTEREST_ORGANIZATION);
  second.clear_items();
  second.add_items()->set_description(std::string(39, 'x') +
                                      "关于某某项目环境影响评价审批的全部"
                                      "文件、会议纪要及专家评审意见的公开申请");
  std::ostringstream out;
  RenderCaseTable({first, second}, false, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0], StartsWith("编号       状态"));
  EXPECT_THAT(lines[1], HasSubstr("2021年度行政许可办理情况（共2项）"));
  EXPECT_THAT(lines[2], HasSubstr("待确认"));
  EXPECT_THAT(lines[2], HasSubstr("…"));
  // The long applicant name is cut to 24 columns.
  EXPECT_THAT(lines[2], HasSubstr("某某市某某区某某街道某…"));
  for (const std::string& line : lines) {
    EXPECT_LE(DisplayWidth(line), kListWidth) << line;
  }
  EXPECT_EQ(DisplayWidth(lines[2]), kListWidth);
  // The items column starts at the same display column on every line.
  const auto column_of = [](const std::string& line, const std::string& s) {
    return DisplayWidth(line.substr(0, line.find(s)));
  };
  EXPECT_EQ(column_of(lines[0], "所需信息"), column_of(lines[1], "2021年度"));
  EXPECT_EQ(column_of(lines[0], "所需信息"), column_of(lines[2], "xxx"));
}

TEST(RunCaseListTest, FooterTellsTheNextPageToken) {
  FakeCaseStub stub;
  v1::ListCasesResponse page;
  *page.add_cases() = SampleCase();
  page.set_next_page_token("tok2");
  page.set_total_count(7);
  stub.list_pages.push_back(page);
  std::ostringstream out;
  ASSERT_TRUE(RunCaseList(MustParse({"case", "list", "--limit", "1"}),
                          Options(), stub, out)
                  .ok());
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[2], "共 7 件");
  EXPECT_THAT(lines[3], HasSubstr("--page-token tok2"));
  EXPECT_EQ(stub.list_requests.size(), 1u);
}

TEST(RunCaseListTest, AllFollowsPageTokens) {
  FakeCaseStub stub;
  for (int i = 1; i <= 3; ++i) {
    v1::ListCasesResponse page;
    v1::Case c = SampleCase();
    c.set_number(absl::StrCat("2022-000", i));
    *page.add_cases() = c;
    page.set_total_count(3);
    if (i < 3) page.set_next_page_token(absl::StrCat("t", i + 1));
    stub.list_pages.push_back(page);
  }
  std::ostringstream out;
  ASSERT_TRUE(RunCaseList(MustParse({"case", "list", "--all", "--status",
                                     "processing"}),
                          Options(), stub, out)
                  .ok());
  ASSERT_EQ(stub.list_requests.size(), 3u);
  EXPECT_EQ(stub.list_requests[0].page_token(), "");
  EXPECT_EQ(stub.list_requests[1].page_token(), "t2");
  EXPECT_EQ(stub.list_requests[2].page_token(), "t3");
  // Filters are repeated on every page.
  EXPECT_EQ(stub.list_requests[2].status(), v1::CASE_STATUS_PROCESSING);
  EXPECT_EQ(stub.calls.size(), 3u);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_THAT(lines[1], StartsWith("2022-0001"));
  EXPECT_THAT(lines[3], StartsWith("2022-0003"));
  EXPECT_EQ(lines[4], "共 3 件");
}

TEST(RunCaseListTest, AllStopsOnARepeatedToken) {
  FakeCaseStub stub;
  v1::ListCasesResponse page;
  *page.add_cases() = SampleCase();
  page.set_next_page_token("same");
  for (int i = 0; i < 5; ++i) stub.list_pages.push_back(page);
  std::ostringstream out;
  const absl::Status status =
      RunCaseList(MustParse({"case", "list", "--all"}), Options(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("服务器重复给出翻页标记 \"same\""));
  EXPECT_EQ(stub.list_requests.size(), 2u);
  EXPECT_EQ(out.str(), "");
}

TEST(RunCaseListTest, FailureOnALaterPageWritesNothing) {
  FakeCaseStub stub;
  v1::ListCasesResponse page;
  *page.add_cases() = SampleCase();
  page.set_next_page_token("t2");
  stub.list_pages.push_back(page);
  // The first page arrives, the second call fails.
  stub.error = grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone");
  stub.succeed_calls = 1;
  std::ostringstream out;
  const absl::Status status =
      RunCaseList(MustParse({"case", "list", "--all"}), Options(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(stub.list_requests.size(), 2u);
  EXPECT_EQ(out.str(), "");
}

TEST(RunCaseListTest, JsonObject) {
  FakeCaseStub stub;
  v1::ListCasesResponse page;
  *page.add_cases() = SampleCase();
  page.set_next_page_token("tok2");
  page.set_total_count(9);
  stub.list_pages.push_back(page);
  GlobalOptions options = Options();
  options.json = true;
  std::ostringstream out;
  ASSERT_TRUE(
      RunCaseList(MustParse({"case", "list"}), options, stub, out).ok());
  EXPECT_THAT(out.str(), HasSubstr("\"cases\""));
  EXPECT_THAT(out.str(), HasSubstr("\"next_page_token\": \"tok2\""));
  EXPECT_THAT(out.str(), HasSubstr("\"total_count\""));
  v1::ListCasesResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out.str(), &parsed).ok());
  EXPECT_EQ(parsed.total_count(), 9);
  ASSERT_EQ(parsed.cases_size(), 1);
  EXPECT_EQ(parsed.cases(0).applicant().name(), "张三");
}

TEST(RunCaseListTest, EmptyResult) {
  FakeCaseStub stub;
  std::ostringstream out;
  ASSERT_TRUE(
      RunCaseList(MustParse({"case", "list"}), Options(), stub, out).ok());
  EXPECT_EQ(out.str(), "共 0 件\n");
}

// --- history ----------------------------------------------------------------

v1::ListCaseHistoryResponse SampleHistory() {
  v1::ListCaseHistoryResponse history;
  v1::CaseEvent* created = history.add_events();
  created->set_sequence(1);
  created->set_type(v1::CASE_EVENT_TYPE_CREATED);
  created->mutable_recorded_at()->set_seconds(1646101800);  // 10:30 in China
  created->set_actor("clerk");
  v1::CaseEvent* updated = history.add_events();
  updated->set_sequence(2);
  updated->set_type(v1::CASE_EVENT_TYPE_UPDATED);
  updated->mutable_recorded_at()->set_seconds(1646101800 + 3600);
  updated->set_actor("王科长");
  updated->set_reason("登记错误");
  v1::FieldChange* name = updated->add_changes();
  name->set_field("applicant.name");
  name->set_old_value("张三");
  name->set_new_value("张叁");
  v1::FieldChange* phone = updated->add_changes();
  phone->set_field("applicant.phone");
  phone->set_new_value("13800000000");
  v1::FieldChange* channel = updated->add_changes();
  channel->set_field("channel");
  channel->set_old_value("in_person");
  channel->set_new_value("signed_post");
  v1::FieldChange* items = updated->add_changes();
  items->set_field("items");
  items->set_old_value("甲");
  items->set_new_value("甲\n乙");
  return history;
}

TEST(RenderCaseHistoryTest, ChangesOnePerLineAligned) {
  std::ostringstream out;
  RenderCaseHistory(SampleHistory(), v1::ListCaseReadsResponse(), false, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0], "序号  时间              操作  操作人  原因      变更");
  EXPECT_EQ(lines[1], "1     2022-03-01 10:30  登记  clerk");
  EXPECT_EQ(lines[2],
            "2     2022-03-01 11:30  更正  王科长  登记错误  "
            "申请人: 张三 → 张叁");
  const std::string indent(
      DisplayWidth("2     2022-03-01 11:30  更正  王科长  登记错误  "), ' ');
  EXPECT_EQ(lines[3], indent + "联系电话: （空） → 13800000000");
  EXPECT_EQ(lines[4], indent + "提交方式: 当面提交 → 邮寄(需签收)");
  EXPECT_EQ(lines[5], indent + "所需信息: 甲 → 甲；乙");
}

TEST(RenderCaseHistoryTest, ReadsFollowTheEvents) {
  v1::ListCaseReadsResponse reads;
  v1::RecordRead* shown = reads.add_reads();
  shown->mutable_read_at()->set_seconds(1646101800 + 7200);  // 12:30
  shown->set_actor("王科员");
  shown->set_user_name("wang");
  shown->set_view("case");
  v1::RecordRead* listed = reads.add_reads();
  listed->mutable_read_at()->set_seconds(1646101800 + 86400);
  listed->set_actor("李法务");
  listed->set_user_name("li");
  listed->set_view("history");
  std::ostringstream with_reads, without_reads;
  RenderCaseHistory(SampleHistory(), reads, false, with_reads);
  RenderCaseHistory(SampleHistory(), v1::ListCaseReadsResponse(), false,
                    without_reads);
  // The events are rendered as before, then the reads under their heading.
  const std::vector<std::string> lines = Lines(with_reads.str());
  ASSERT_EQ(lines.size(), 11u) << with_reads.str();
  EXPECT_EQ(absl::StrJoin(lines.begin(), lines.begin() + 6, "\n") + "\n",
            without_reads.str());
  EXPECT_EQ(lines[6], "");
  EXPECT_EQ(lines[7], "查阅记录");
  EXPECT_EQ(lines[8], "时间              查阅人         查看");
  EXPECT_EQ(lines[9], "2022-03-01 12:30  王科员 (wang)  案件");
  EXPECT_EQ(lines[10], "2022-03-02 10:30  李法务 (li)    历史");
}

TEST(RunCaseHistoryTest, JsonEvents) {
  FakeCaseStub stub;
  stub.history_response = SampleHistory();
  GlobalOptions options = Options();
  options.json = true;
  std::ostringstream out;
  ASSERT_TRUE(RunCaseHistory(MustParse({"case", "history", "2022-0001"}),
                             options, stub, out)
                  .ok());
  EXPECT_EQ(stub.history_requests.at(0).number(), "2022-0001");
  EXPECT_THAT(out.str(), HasSubstr("\"events\""));
  EXPECT_THAT(out.str(), HasSubstr("\"CASE_EVENT_TYPE_UPDATED\""));
  v1::ListCaseHistoryResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out.str(), &parsed).ok());
  ASSERT_EQ(parsed.events_size(), 2);
  EXPECT_EQ(parsed.events(1).changes(3).new_value(), "甲\n乙");
}

// The read log comes from its own call (ListCaseReads), for the same case,
// under the events; --json keeps the shape {"events": […], "reads": […]}.
TEST(RunCaseHistoryTest, ReadsComeFromListCaseReads) {
  FakeCaseStub stub;
  stub.history_response = SampleHistory();
  v1::RecordRead* read = stub.reads_response.add_reads();
  read->mutable_read_at()->set_seconds(1646101800 + 7200);  // 12:30
  read->set_actor("王科员");
  read->set_user_name("wang");
  read->set_view("case");
  std::ostringstream table;
  ASSERT_TRUE(RunCaseHistory(MustParse({"case", "history", "2022-0001"}),
                             Options(), stub, table)
                  .ok());
  ASSERT_EQ(stub.reads_requests.size(), 1u);
  EXPECT_EQ(stub.reads_requests[0].number(), "2022-0001");
  EXPECT_EQ(stub.reads_requests[0].agency_code(), "lc-xzsp");
  EXPECT_THAT(table.str(), HasSubstr("查阅记录"));
  EXPECT_THAT(table.str(), HasSubstr("2022-03-01 12:30  王科员 (wang)  案件"));

  GlobalOptions options = Options();
  options.json = true;
  std::ostringstream json;
  ASSERT_TRUE(RunCaseHistory(MustParse({"case", "history", "2022-0001"}),
                             options, stub, json)
                  .ok());
  v1::ListCaseReadsResponse reads;
  google::protobuf::util::JsonParseOptions lenient;
  lenient.ignore_unknown_fields = true;  // "events"
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(json.str(), &reads, lenient)
          .ok());
  ASSERT_EQ(reads.reads_size(), 1);
  EXPECT_EQ(reads.reads(0).user_name(), "wang");
  EXPECT_THAT(json.str(), HasSubstr("\"events\""));
}

// --- safe writes -------------------------------------------------------------

TEST(BuildCreateCaseRequestTest, IdempotencyKey) {
  const std::vector<std::string> base = {
      "case",      "create",           "--applicant-name",
      "张三",      "--applicant-type", "natural_person",
      "--channel", "in_person",        "--description",
      "x"};
  auto plain = BuildCreateCaseRequest(MustParse(base), Options());
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->idempotency_key(), "");

  std::vector<std::string> keyed = base;
  keyed.insert(keyed.end(), {"--idempotency-key", "form-17"});
  auto request = BuildCreateCaseRequest(MustParse(keyed), Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->idempotency_key(), "form-17");

  std::vector<std::string> empty = base;
  empty.insert(empty.end(), {"--idempotency-key", ""});
  auto refused = BuildCreateCaseRequest(MustParse(empty), Options());
  EXPECT_TRUE(IsUsageError(refused.status()));
  EXPECT_THAT(refused.status().message(), HasSubstr("--idempotency-key"));
}

TEST(BuildUpdateCaseRequestTest, ExpectedVersion) {
  auto request = BuildUpdateCaseRequest(
      MustParse({"case", "update", "2022-0001", "--reason", "r", "--phone", "1",
                 "--expected-version", "3"}),
      Options());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->expected_version(), 3);
  auto unchecked =
      BuildUpdateCaseRequest(MustParse({"case", "update", "2022-0001",
                                        "--reason", "r", "--phone", "1"}),
                             Options());
  ASSERT_TRUE(unchecked.ok()) << unchecked.status();
  EXPECT_EQ(unchecked->expected_version(), 0);
  for (const std::string bad : {"0", "-2", "v3"}) {
    auto refused = BuildUpdateCaseRequest(
        MustParse({"case", "update", "2022-0001", "--reason", "r", "--phone",
                   "1", "--expected-version", bad}),
        Options());
    EXPECT_TRUE(IsUsageError(refused.status())) << bad;
    EXPECT_THAT(refused.status().message(),
                HasSubstr("--expected-version: \"" + bad + "\""));
  }
}

TEST(CaseCommandSpecsTest, OnlyUpdateTakesAnExpectedVersion) {
  for (const CommandSpec& spec : CaseCommandSpecs()) {
    bool has = false;
    for (const FlagSpec& flag : spec.flags) {
      has = has || flag.name == "expected-version";
    }
    EXPECT_EQ(has, spec.words.back() == "update") << CommandName(spec);
  }
}

TEST(RunCaseUpdateTest, AStaleVersionIsOneLineAndExitOne) {
  FakeCaseStub stub;
  stub.error =
      grpc::Status(grpc::StatusCode::ABORTED,
                   "expected_version: case 2022-0001 is at version 2, not 1");
  std::ostringstream out;
  const absl::Status status =
      RunCaseUpdate(MustParse({"case", "update", "2022-0001", "--reason", "r",
                               "--phone", "1", "--expected-version", "1"}),
                    Options(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(ExitCode(status), 1);
  // The edge (RunOgi) names the flag; RunCaseUpdate passes the server's words.
  EXPECT_EQ(ErrorLine(status),
            "ogi: 未执行，记录已有变化：expected_version: case 2022-0001 is at "
            "version 2, not 1（ABORTED）");
  ASSERT_EQ(stub.update_requests.size(), 1u);
  EXPECT_EQ(stub.update_requests[0].expected_version(), 1);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace ogi::cli
