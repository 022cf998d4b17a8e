// AgencyService and CaseService through the proto-only client: agencies,
// logging applications, reading, listing, correcting, history and the read log.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
namespace {

constexpr char kFirstCase[] = R"json({"case": {
  "applicant": {
    "name": "王晓明",
    "type": "APPLICANT_TYPE_NATURAL_PERSON",
    "id_type": "ID_DOCUMENT_TYPE_RESIDENT_ID_CARD",
    "id_number": "11010519491231002X",
    "phone": "0635-8213456",
    "postal_address": "山东省聊城市东昌府区柳园南路1号"
  },
  "channel": "CHANNEL_IN_PERSON",
  "arrival_date": {"year": 2025, "month": 3, "day": 3},
  "items": [
    {"description": "2024年度东昌府区国有土地上房屋征收补偿方案"},
    {"description": "古楼街道老旧小区改造工程的立项批复"}
  ],
  "requested_form": "REQUESTED_FORM_PAPER",
  "delivery_method": "DELIVERY_METHOD_SELF_PICKUP"
}})json";

// Online: its receipt date is the date both sides confirm, so it waits.
constexpr char kSecondCase[] = R"json({"case": {
  "applicant": {
    "name": "聊城市鲁西建材有限公司",
    "type": "APPLICANT_TYPE_COMMERCIAL_ENTERPRISE"
  },
  "channel": "CHANNEL_ONLINE",
  "arrival_date": {"year": 2025, "month": 3, "day": 4},
  "items": [{"description": "2024年建筑材料政府采购项目的中标结果"}]
}})json";

constexpr char kNoApplicantName[] = R"json({"case": {
  "applicant": {"type": "APPLICANT_TYPE_NATURAL_PERSON"},
  "channel": "CHANNEL_IN_PERSON",
  "arrival_date": {"year": 2025, "month": 3, "day": 3},
  "items": [{"description": "本机关2024年度政府信息公开工作年度报告"}]
}})json";

}  // namespace

void ProtoOnlyClientTest::ExerciseAgencyAndCaseServices() {
  const std::string case_service = kCaseService;
  const std::string agency_service = kAgencyService;

  // --- AgencyService
  Reply agencies = Call(agency_service + ".ListAgencies", "{}");
  ASSERT_RPC_OK(agencies);
  EXPECT_EQ(Value(*agencies.response, "default_agency_code"), "default");
  std::map<std::string, std::string> names;
  for (const Message* a : Elements(*agencies.response, "agencies")) {
    names[Value(*a, "code")] = Value(*a, "name");
  }
  EXPECT_EQ(names["default"], kAgencyName);

  Reply agency = Call(agency_service + ".GetAgency", R"({"code": "default"})");
  ASSERT_RPC_OK(agency);
  EXPECT_EQ(Value(*agency.response, "agency.code"), "default");
  EXPECT_EQ(Value(*agency.response, "agency.name"), kAgencyName);

  // --- CaseService: log two applications (by two clerks, one with a Chinese
  // display name).
  Reply first = Call(case_service + ".CreateCase", kFirstCase, Zhang());
  ASSERT_RPC_OK(first);
  const std::string number = Value(*first.response, "case.number");
  EXPECT_EQ(number, "2025-0001");
  EXPECT_EQ(Value(*first.response, "case.agency_code"), "default");
  EXPECT_EQ(Value(*first.response, "case.status"), "CASE_STATUS_PROCESSING");
  EXPECT_EQ(Value(*first.response, "case.version"), "1");
  // In person: the receipt date is the arrival date.
  EXPECT_EQ(DateAt(*first.response, "case.receipt_date"), "2025-03-03");
  // Stamped with the server's (fake) clock.
  EXPECT_EQ(Value(*first.response, "case.created_at.seconds"),
            absl::StrCat(ChinaUnixSeconds(2025, 10, 20, 9)));
  // 20 working days after Monday 2025-03-03 (no day off in March 2025):
  // long overdue by 2025-10-20.
  EXPECT_EQ(DateAt(*first.response, "case.deadlines.answer_due"), "2025-03-31");
  EXPECT_EQ(DateAt(*first.response, "case.deadlines.as_of"), "2025-10-20");

  Reply second = Call(case_service + ".CreateCase", kSecondCase, Clerk());
  ASSERT_RPC_OK(second);
  const std::string second_number = Value(*second.response, "case.number");
  EXPECT_EQ(second_number, "2025-0002");
  EXPECT_EQ(Value(*second.response, "case.status"),
            "CASE_STATUS_PENDING_CONFIRMATION");
  EXPECT_EQ(Value(*second.response, "case.receipt_date"), "<unset>");
  EXPECT_EQ(Value(*second.response, "case.deadlines.state"),
            "CLOCK_STATE_NOT_STARTED");

  Reply got = GetCase(number);
  ASSERT_RPC_OK(got);
  EXPECT_EQ(Value(*got.response, "case.number"), number);
  EXPECT_EQ(Value(*got.response, "case.applicant.name"), "王晓明");
  EXPECT_EQ(Value(*got.response, "case.applicant.type"),
            "APPLICANT_TYPE_NATURAL_PERSON");
  const std::vector<const Message*> items =
      Elements(*got.response, "case.items");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Value(*items[1], "description"),
            "古楼街道老旧小区改造工程的立项批复");

  Reply all = Call(case_service + ".ListCases", "{}");
  ASSERT_RPC_OK(all);
  EXPECT_EQ(Value(*all.response, "total_count"), "2");
  const std::vector<const Message*> listed = Elements(*all.response, "cases");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(Value(*listed[0], "number"), second_number);  // newest first
  EXPECT_EQ(Value(*listed[1], "number"), number);

  Reply by_text = Call(case_service + ".ListCases", R"({"text": "房屋征收"})");
  ASSERT_RPC_OK(by_text);
  EXPECT_EQ(Value(*by_text.response, "total_count"), "1");
  Reply pending = Call(case_service + ".ListCases",
                       R"({"status": "CASE_STATUS_PENDING_CONFIRMATION"})");
  ASSERT_RPC_OK(pending);
  ASSERT_EQ(Elements(*pending.response, "cases").size(), 1u);
  EXPECT_EQ(Value(*Elements(*pending.response, "cases")[0], "number"),
            second_number);

  const std::string correction =
      absl::StrCat(R"({"number": ")", number, R"(",)",
                   R"("case": {"applicant": {"phone": "13806351234"}},)",
                   R"("update_mask": "applicant.phone",)",
                   R"("reason": "申请人来电更正联系电话"})");
  Reply updated = Call(case_service + ".UpdateCase", correction, Clerk());
  ASSERT_RPC_OK(updated);
  EXPECT_EQ(Value(*updated.response, "case.version"), "2");
  EXPECT_EQ(Value(*updated.response, "case.applicant.phone"), "13806351234");
  EXPECT_EQ(Value(*updated.response, "case.applicant.name"), "王晓明");

  Reply history = Call(case_service + ".ListCaseHistory",
                       absl::StrCat(R"({"number": ")", number, R"("})"));
  ASSERT_RPC_OK(history);
  const std::vector<const Message*> events =
      Elements(*history.response, "events");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(Value(*events[0], "sequence"), "1");
  EXPECT_EQ(Value(*events[0], "type"), "CASE_EVENT_TYPE_CREATED");
  EXPECT_EQ(Value(*events[0], "actor"), "张科员");
  EXPECT_EQ(Value(*events[1], "sequence"), "2");
  EXPECT_EQ(Value(*events[1], "type"), "CASE_EVENT_TYPE_UPDATED");
  EXPECT_EQ(Value(*events[1], "actor"), "clerk-li");
  EXPECT_EQ(Value(*events[1], "reason"), "申请人来电更正联系电话");
  EXPECT_EQ(Value(*events[1], "snapshot.version"), "2");
  const std::vector<const Message*> changes = Elements(*events[1], "changes");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(Value(*changes[0], "field"), "applicant.phone");
  EXPECT_EQ(Value(*changes[0], "old_value"), "0635-8213456");
  EXPECT_EQ(Value(*changes[0], "new_value"), "13806351234");

  // The read log, apart from the changes and paged: the tester's GetCase
  // and ListCaseHistory above, one page of one reading each.
  Reply reads =
      Call(case_service + ".ListCaseReads",
           absl::StrCat(R"({"number": ")", number, R"(", "page_size": 1})"));
  ASSERT_RPC_OK(reads);
  std::vector<const Message*> read = Elements(*reads.response, "reads");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(Value(*read[0], "view"), "case");
  EXPECT_EQ(Value(*read[0], "user_name"), "tester");
  EXPECT_EQ(Value(*read[0], "actor"), "王科员");
  const std::string token = Value(*reads.response, "next_page_token");
  ASSERT_FALSE(token.empty());
  Reply more = Call(
      case_service + ".ListCaseReads",
      absl::StrCat(R"({"number": ")", number,
                   R"(", "page_size": 1, "page_token": ")", token, R"("})"));
  ASSERT_RPC_OK(more);
  read = Elements(*more.response, "reads");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(Value(*read[0], "view"), "history");
  EXPECT_EQ(Value(*read[0], "user_name"), "tester");
  EXPECT_EQ(Value(*more.response, "next_page_token"), "");
}

TEST_F(ProtoOnlyClientTest, MissingApplicantNameIsInvalidArgumentNamingField) {
  Reply reply = Call(std::string(kCaseService) + ".CreateCase",
                     kNoApplicantName, Clerk());
  EXPECT_THAT(
      reply, RefusedWith(grpc::StatusCode::INVALID_ARGUMENT, "applicant.name"));

  // Nothing was logged.
  Reply all = Call(std::string(kCaseService) + ".ListCases", "{}");
  ASSERT_RPC_OK(all);
  EXPECT_EQ(Value(*all.response, "total_count"), "0");
}

}  // namespace ogi::proto_only
