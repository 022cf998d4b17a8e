#include "services/cases/case_validation.h"

#include <functional>
#include <ostream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::ogi::testing::ValidNewCase;
using ::testing::HasSubstr;

const absl::CivilDay kToday(2022, 3, 10);

v1::Date D(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

TEST(CaseValidationTest, ValidCaseIsAccepted) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  EXPECT_THAT(ValidateCaseFields(c, kToday), IsOk());
}

struct InvalidCase {
  std::string name;
  std::function<void(v1::Case&)> spoil;
  std::string expected_message;
};

// Test names and ctest entries show the case's name, not its bytes.
void PrintTo(const InvalidCase& invalid, std::ostream* out) {
  *out << invalid.name;
}

class CaseValidationRejectsTest : public ::testing::TestWithParam<InvalidCase> {
};

TEST_P(CaseValidationRejectsTest, NamesTheFieldAndTheRule) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  GetParam().spoil(c);
  EXPECT_THAT(ValidateCaseFields(c, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(GetParam().expected_message)));
}

INSTANTIATE_TEST_SUITE_P(
    Fields, CaseValidationRejectsTest,
    ::testing::Values(
        InvalidCase{"MissingName",
                    [](v1::Case& c) { c.mutable_applicant()->clear_name(); },
                    "applicant.name: 不能为空"},
        InvalidCase{"BlankName",
                    [](v1::Case& c) { c.mutable_applicant()->set_name("  "); },
                    "applicant.name: 不能为空"},
        InvalidCase{
            "NameWithNewline",
            [](v1::Case& c) { c.mutable_applicant()->set_name("张\n三"); },
            "applicant.name: 须为单行，且不能包含控制字符"},
        InvalidCase{"OversizeName",
                    [](v1::Case& c) {
                      std::string name;
                      for (int i = 0; i < 201; ++i) name += "张";
                      c.mutable_applicant()->set_name(name);
                    },
                    "applicant.name: 最多 200 个字符（实际 201 个）"},
        InvalidCase{"MissingType",
                    [](v1::Case& c) {
                      c.mutable_applicant()->set_type(
                          v1::APPLICANT_TYPE_UNSPECIFIED);
                    },
                    "applicant.type: 须为以下之一：natural_person"},
        InvalidCase{"UnknownTypeNumber",
                    [](v1::Case& c) {
                      c.mutable_applicant()->set_type(
                          static_cast<v1::ApplicantType>(42));
                    },
                    "applicant.type"},
        InvalidCase{"IdNumberWithoutType",
                    [](v1::Case& c) {
                      c.mutable_applicant()->set_id_type(
                          v1::ID_DOCUMENT_TYPE_UNSPECIFIED);
                    },
                    "applicant.id_type: 填写 id_number 时必须填写"},
        InvalidCase{
            "IdTypeWithoutNumber",
            [](v1::Case& c) { c.mutable_applicant()->clear_id_number(); },
            "applicant.id_number: 填写 id_type 时必须填写"},
        InvalidCase{"BadIdChecksum",
                    [](v1::Case& c) {
                      c.mutable_applicant()->set_id_number(
                          "440304199001011234");
                    },
                    "applicant.id_number"},
        InvalidCase{
            "BadPhone",
            [](v1::Case& c) { c.mutable_applicant()->set_phone("call me"); },
            "applicant.phone"},
        InvalidCase{
            "BadEmail",
            [](v1::Case& c) {
              c.mutable_applicant()->set_email("zhangsan.example");
            },
            "applicant.email: \"zhangsan.example\" 不是有效的电子邮件地址"},
        InvalidCase{"MissingChannel",
                    [](v1::Case& c) { c.set_channel(v1::CHANNEL_UNSPECIFIED); },
                    "channel: 须为以下之一：in_person"},
        InvalidCase{"MissingArrival",
                    [](v1::Case& c) { c.clear_arrival_date(); },
                    "arrival_date: 必须填写"},
        InvalidCase{
            "ImpossibleArrival",
            [](v1::Case& c) { *c.mutable_arrival_date() = D(2022, 2, 30); },
            "arrival_date: 2022-02-30 不是有效的日期"},
        InvalidCase{
            "ArrivalAfterToday",
            [](v1::Case& c) { *c.mutable_arrival_date() = D(2022, 3, 11); },
            "arrival_date: 2022-03-11 晚于今天（北京时间 2022-03-10）"},
        InvalidCase{
            "ArrivalBeforeRegulations",
            [](v1::Case& c) { *c.mutable_arrival_date() = D(2001, 1, 1); },
            "arrival_date: 2001-01-01 早于 "
            "2008-05-01（政府信息公开条例施行之日）"},
        InvalidCase{
            "ConfirmationForInPerson",
            [](v1::Case& c) { *c.mutable_confirmation_date() = D(2022, 3, 2); },
            "confirmation_date: 渠道 in_person 不使用确认日期"},
        InvalidCase{"ConfirmationBeforeArrival",
                    [](v1::Case& c) {
                      c.set_channel(v1::CHANNEL_ONLINE);
                      *c.mutable_confirmation_date() = D(2022, 2, 28);
                    },
                    "confirmation_date: 2022-02-28 早于到达日期 2022-03-01"},
        InvalidCase{"ConfirmationAfterToday",
                    [](v1::Case& c) {
                      c.set_channel(v1::CHANNEL_EMAIL);
                      *c.mutable_confirmation_date() = D(2022, 4, 1);
                    },
                    "confirmation_date: 2022-04-01 晚于今天"},
        InvalidCase{"NoItems", [](v1::Case& c) { c.clear_items(); },
                    "items: 至少须有一项申请内容"},
        InvalidCase{"BlankItem",
                    [](v1::Case& c) { c.add_items()->set_description(" \n "); },
                    "items[1].description: 不能为空"},
        InvalidCase{"OversizeItem",
                    [](v1::Case& c) {
                      c.mutable_items(0)->set_description(
                          std::string(2001, 'x'));
                    },
                    "items[0].description: 最多 2000 个字符"},
        InvalidCase{"TooManyItems",
                    [](v1::Case& c) {
                      for (int i = 0; i < 100; ++i)
                        c.add_items()->set_description("x");
                    },
                    "items: 最多 100 项"},
        InvalidCase{"UnknownForm",
                    [](v1::Case& c) {
                      c.set_requested_form(static_cast<v1::RequestedForm>(9));
                    },
                    "requested_form: 未知的获取信息形式"}),
    [](const auto& info) { return info.param.name; });

TEST(CaseValidationTest, MultiLineItemsAndConfirmationChannelsAreFine) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  c.mutable_items(0)->set_description("第一项\n\t第二行");
  c.set_channel(v1::CHANNEL_ORDINARY_MAIL);
  *c.mutable_confirmation_date() = D(2022, 3, 1);  // same day as arrival
  EXPECT_THAT(ValidateCaseFields(c, kToday), IsOk());
  c.clear_confirmation_date();  // not yet confirmed is allowed
  EXPECT_THAT(ValidateCaseFields(c, kToday), IsOk());
}

TEST(CaseValidationTest, OrganisationWithCreditCode) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  c.mutable_applicant()->set_name("某某律师事务所");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_LEGAL_SERVICE_INSTITUTION);
  c.mutable_applicant()->set_id_type(
      v1::ID_DOCUMENT_TYPE_UNIFIED_SOCIAL_CREDIT_CODE);
  c.mutable_applicant()->set_id_number("91350100M000100Y43");
  EXPECT_THAT(ValidateCaseFields(c, kToday), IsOk());
}

// Issue 12: every violation at once, in the message and in the details.
TEST(CaseValidationTest, ReportsEveryViolationAtOnce) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  c.mutable_applicant()->set_name("\u3000");
  c.set_channel(static_cast<v1::Channel>(77));
  // Check digit correct, birth date 1990-02-30 impossible.
  c.mutable_applicant()->set_id_number("110105199002301231");
  const absl::Status status = ValidateCaseFields(c, kToday);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              ::testing::StartsWith(
                  "applicant.name: 不能只由空白或不可见字符组成；"
                  "applicant.id_number: \"110105199002301231\" 第 7 至 14 位的"
                  "出生日期 19900230 不是有效的日期；channel: 须为以下之一："));
  const google::rpc::BadRequest details = ViolationsOf(status);
  ASSERT_EQ(details.field_violations_size(), 3);
  EXPECT_EQ(details.field_violations(0).field(), "applicant.name");
  EXPECT_EQ(details.field_violations(1).field(), "applicant.id_number");
  EXPECT_EQ(details.field_violations(2).field(), "channel");
  EXPECT_EQ(details.field_violations(0).description(),
            "不能只由空白或不可见字符组成");
}

TEST(CaseValidationTest, DependentChecksWaitForTheirInputs) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  // A bad arrival date: the confirmation is not compared with it, and one
  // violation per field is reported.
  c.set_channel(v1::CHANNEL_ONLINE);
  *c.mutable_arrival_date() = D(2022, 2, 30);
  *c.mutable_confirmation_date() = D(2022, 4, 1);
  c.clear_items();
  const google::rpc::BadRequest details =
      ViolationsOf(ValidateCaseFields(c, kToday));
  ASSERT_EQ(details.field_violations_size(), 3);
  EXPECT_EQ(details.field_violations(0).field(), "arrival_date");
  EXPECT_EQ(details.field_violations(1).field(), "confirmation_date");
  EXPECT_EQ(details.field_violations(2).field(), "items");
  // An unknown channel is reported once, not again on the confirmation date.
  c = ValidNewCase();
  c.set_agency_code("default");
  c.set_channel(v1::CHANNEL_UNSPECIFIED);
  *c.mutable_confirmation_date() = D(2022, 3, 2);
  const google::rpc::BadRequest channel_only =
      ViolationsOf(ValidateCaseFields(c, kToday));
  ASSERT_EQ(channel_only.field_violations_size(), 1);
  EXPECT_EQ(channel_only.field_violations(0).field(), "channel");
}

TEST(CaseValidationTest, EveryBadItemIsNamed) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  c.mutable_items(0)->set_description("\u200B");
  c.add_items()->set_description("第二项");
  c.add_items()->set_description("第三\u0085项");
  EXPECT_THAT(ValidateCaseFields(c, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "items[0].description: 不能只由空白或不可见字符组成；"
                       "items[2].description: 不能包含控制字符"));
}

// A long phone or e-mail address is quoted by its first characters only.
TEST(CaseValidationTest, LongValuesAreNotEchoedWhole) {
  v1::Case c = ValidNewCase();
  c.set_agency_code("default");
  c.mutable_applicant()->set_email(std::string(200, 'a'));
  EXPECT_THAT(ValidateCaseFields(c, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "applicant.email: \"" + std::string(32, 'a') +
                           "…\"（共 200 个字符） 不是有效的电子邮件地址"));
}

}  // namespace
}  // namespace ogi
