// CalendarService through the proto-only client: the shipped years, loading a
// year, and the working-day arithmetic.

#include <google/protobuf/util/json_util.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// A small, valid 2027 arrangement in the cn-holidays.json format (not an
// official one: the 2027 notice is not out) that gives every statutory day of
// 2027 (除夕 02-05 to 初三 02-08, 清明 04-05, 劳动节 05-01..02, 端午 06-09,
// 中秋 09-15), so 2027 counts as complete. 2027-01-01 is a Friday and
// 2027-10-01 a Friday; 2027-09-26 is a Sunday and 2027-10-09 a Saturday.
constexpr char k2027Arrangement[] = R"json({"2027": {
  "notices": ["测试用安排（非国务院通知）"],
  "holidays": [
    {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "days": 3},
    {"name": "春节", "from": "2027-02-05", "to": "2027-02-08", "days": 4},
    {"name": "清明节", "from": "2027-04-05", "to": "2027-04-05", "days": 1},
    {"name": "劳动节", "from": "2027-05-01", "to": "2027-05-02", "days": 2},
    {"name": "端午节", "from": "2027-06-09", "to": "2027-06-09", "days": 1},
    {"name": "中秋节", "from": "2027-09-15", "to": "2027-09-15", "days": 1},
    {"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07", "days": 7}
  ],
  "off_days": ["2027-01-01", "2027-01-02", "2027-01-03",
               "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
               "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09",
               "2027-09-15",
               "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04",
               "2027-10-05", "2027-10-06", "2027-10-07"],
  "makeup_workdays": ["2027-09-26", "2027-10-09"],
  "weekday_off_days": ["2027-01-01", "2027-02-05", "2027-02-08",
                       "2027-04-05", "2027-06-09", "2027-09-15",
                       "2027-10-01", "2027-10-04",
                       "2027-10-05", "2027-10-06", "2027-10-07"]
}})json";

}  // namespace

void ProtoOnlyClientTest::ExerciseCalendarService() {
  const std::string calendar = kCalendarService;

  // 2025 ships with the server.
  Reply year = Call(calendar + ".GetCalendarYear", R"({"year": 2025})");
  ASSERT_RPC_OK(year);
  EXPECT_EQ(Value(*year.response, "loaded"), "true");
  EXPECT_EQ(Value(*year.response, "source"), "builtin");
  EXPECT_EQ(Value(*year.response, "arrangement.year"), "2025");
  EXPECT_THAT(Values(*year.response, "arrangement.notices"),
              Contains(HasSubstr("国办发明电〔2024〕12号")));
  const std::vector<const Message*> days = Elements(*year.response, "days");
  ASSERT_EQ(days.size(), 365u);
  EXPECT_EQ(DateAt(*days.front(), "date"), "2025-01-01");
  EXPECT_EQ(DateAt(*days.back(), "date"), "2025-12-31");
  std::map<std::string, std::pair<std::string, std::string>> by_date;
  std::map<std::string, int> kinds;
  for (const Message* day : days) {
    by_date[DateAt(*day, "date")] = {Value(*day, "kind"),
                                     Value(*day, "holiday_name")};
    ++kinds[Value(*day, "kind")];
  }
  EXPECT_EQ(by_date.size(), 365u) << "a date is listed twice";
  // From deploy/calendar/cn-holidays.json: 28 days off (18 of them on
  // Monday–Friday) and 5 make-up days among 2025's 104 Saturdays and Sundays.
  EXPECT_THAT(kinds, UnorderedElementsAre(Pair("DAY_KIND_WORKING_WEEKDAY", 243),
                                          Pair("DAY_KIND_WEEKEND", 89),
                                          Pair("DAY_KIND_HOLIDAY", 28),
                                          Pair("DAY_KIND_MAKEUP_WORKDAY", 5)));
  EXPECT_EQ(
      by_date["2025-01-01"],
      std::make_pair(std::string("DAY_KIND_HOLIDAY"), std::string("元旦")));
  EXPECT_EQ(by_date["2025-09-26"].first, "DAY_KIND_WORKING_WEEKDAY");
  EXPECT_EQ(by_date["2025-09-27"].first, "DAY_KIND_WEEKEND");
  EXPECT_EQ(by_date["2025-09-28"].first, "DAY_KIND_MAKEUP_WORKDAY");
  EXPECT_EQ(by_date["2025-10-01"],
            std::make_pair(std::string("DAY_KIND_HOLIDAY"),
                           std::string("国庆节、中秋节")));
  EXPECT_EQ(by_date["2025-10-08"].first, "DAY_KIND_HOLIDAY");
  EXPECT_EQ(by_date["2025-10-11"].first, "DAY_KIND_MAKEUP_WORKDAY");

  // Day 1 is Sunday 09-28 (make-up), 2..3 are 09-29..30, 10-01..08 are off,
  // 6 is Saturday 10-11 (make-up), and the 20th is Thursday 10-30.
  Reply added = Call(calendar + ".AddWorkingDays",
                     R"({"start": {"year": 2025, "month": 9, "day": 26},
                         "days": 20})");
  ASSERT_RPC_OK(added);
  EXPECT_EQ(DateAt(*added.response, "end"), "2025-10-30");
  EXPECT_EQ(Value(*added.response, "provisional"), "false");
  EXPECT_THAT(Values(*added.response, "provisional_years"), IsEmpty());
  EXPECT_THAT(Values(*added.response, "explanation"),
              ElementsAre("计入 2025-09-28 调休上班日（第1个工作日）",
                          "跳过 2025-10-01至2025-10-08 国庆节、中秋节（放假）",
                          "计入 2025-10-11 调休上班日（第6个工作日）"));

  // 2027 has no arrangement yet: provisional, its statutory 国庆节
  // (Fri 10-01 to Sun 10-03) skipped.
  const std::string after_2027_09_30 =
      R"({"start": {"year": 2027, "month": 9, "day": 30}, "days": 1})";
  Reply provisional = Call(calendar + ".AddWorkingDays", after_2027_09_30);
  ASSERT_RPC_OK(provisional);
  EXPECT_EQ(DateAt(*provisional.response, "end"), "2027-10-04");
  EXPECT_EQ(Value(*provisional.response, "provisional"), "true");
  EXPECT_THAT(Values(*provisional.response, "provisional_years"),
              ElementsAre("2027"));
  Reply unloaded = Call(calendar + ".GetCalendarYear", R"({"year": 2027})");
  ASSERT_RPC_OK(unloaded);
  EXPECT_EQ(Value(*unloaded.response, "loaded"), "false");
  EXPECT_EQ(Value(*unloaded.response, "arrangement"), "<unset>");
  EXPECT_EQ(Elements(*unloaded.response, "days").size(), 365u);

  // Loading is a recorded change: it needs a signed-in caller.
  google::protobuf::util::JsonPrintOptions print;
  std::string load_json;
  {
    // LoadCalendarRequest { json: <the file> }, the file text escaped as a
    // JSON string by protobuf itself.
    const MethodDescriptor* load = Method(calendar + ".LoadCalendar");
    ASSERT_NE(load, nullptr);
    std::unique_ptr<Message> request(
        factory_.GetPrototype(load->input_type())->New());
    request->GetReflection()->SetString(
        request.get(), load->input_type()->FindFieldByName("json"),
        k2027Arrangement);
    ASSERT_TRUE(
        google::protobuf::util::MessageToJsonString(*request, &load_json, print)
            .ok());
  }
  Reply anonymous = Call(calendar + ".LoadCalendar", load_json, NoToken());
  EXPECT_THAT(anonymous,
              RefusedWith(grpc::StatusCode::UNAUTHENTICATED, "authorization"));

  Reply loaded = Call(calendar + ".LoadCalendar", load_json, Clerk());
  ASSERT_RPC_OK(loaded);
  EXPECT_THAT(Values(*loaded.response, "years"), ElementsAre("2027"));
  // Every open case's dates lie in 2025: none moves.
  EXPECT_THAT(Elements(*loaded.response, "changed_cases"), IsEmpty());

  Reply year_2027 = Call(calendar + ".GetCalendarYear", R"({"year": 2027})");
  ASSERT_RPC_OK(year_2027);
  EXPECT_EQ(Value(*year_2027.response, "loaded"), "true");
  EXPECT_EQ(Value(*year_2027.response, "source"),
            "loaded by clerk-li at 2025-10-20 09:00");
  EXPECT_THAT(Values(*year_2027.response, "arrangement.notices"),
              ElementsAre("测试用安排（非国务院通知）"));
  EXPECT_EQ(Elements(*year_2027.response, "arrangement.holidays").size(), 7u);
  std::map<std::string, std::pair<std::string, std::string>> days_2027;
  for (const Message* day : Elements(*year_2027.response, "days")) {
    days_2027[DateAt(*day, "date")] = {Value(*day, "kind"),
                                       Value(*day, "holiday_name")};
  }
  EXPECT_EQ(days_2027.size(), 365u);
  EXPECT_EQ(
      days_2027["2027-01-01"],
      std::make_pair(std::string("DAY_KIND_HOLIDAY"), std::string("元旦")));
  EXPECT_EQ(days_2027["2027-09-26"].first, "DAY_KIND_MAKEUP_WORKDAY");
  EXPECT_EQ(
      days_2027["2027-10-04"],
      std::make_pair(std::string("DAY_KIND_HOLIDAY"), std::string("国庆节")));
  EXPECT_EQ(days_2027["2027-10-08"].first, "DAY_KIND_WORKING_WEEKDAY");
  EXPECT_EQ(days_2027["2027-10-09"].first, "DAY_KIND_MAKEUP_WORKDAY");

  // Now the day after 2027-09-30 skips the National Day week, for certain.
  Reply settled = Call(calendar + ".AddWorkingDays", after_2027_09_30);
  ASSERT_RPC_OK(settled);
  EXPECT_EQ(DateAt(*settled.response, "end"), "2027-10-08");
  EXPECT_EQ(Value(*settled.response, "provisional"), "false");
  EXPECT_THAT(Values(*settled.response, "explanation"),
              ElementsAre("跳过 2027-10-01至2027-10-07 国庆节（放假）"));
}

}  // namespace ogi::proto_only
