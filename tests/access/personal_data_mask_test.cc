// Masking of ID and phone numbers wherever they sit in a response.

#include "services/access/personal_data_mask.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.pb.h"
#include "ogi/v1/outcome_service.pb.h"

namespace ogi {
namespace {

TEST(MaskNumberTest, KeepsAHeadAndATailOfLongNumbers) {
  EXPECT_EQ(MaskNumber("371502199001011234"), "371***********1234");
  EXPECT_EQ(MaskNumber("13800000000"), "138****0000");
  EXPECT_EQ(MaskNumber("0635-8902700"), "063*****2700");
  EXPECT_EQ(MaskNumber("8902700"), "*****00");
  EXPECT_EQ(MaskNumber("1234"), "****");
  EXPECT_EQ(MaskNumber(""), "");
  // Characters, not bytes: a passport number with a Chinese prefix.
  EXPECT_EQ(MaskNumber("港澳E12345678"), "港澳E****5678");
}

v1::Case CaseWithApplicant() {
  v1::Case c;
  c.set_number("2022-0001");
  c.mutable_applicant()->set_name("张三");
  c.mutable_applicant()->set_id_number("371502199001011234");
  c.mutable_applicant()->set_phone("13800000000");
  c.mutable_applicant()->set_email("zhang@example.cn");
  c.mutable_applicant()->set_postal_address("聊城市东昌府区");
  return c;
}

TEST(MaskPersonalDataTest, ApplicantsInListsAreMasked) {
  v1::ListCasesResponse list;
  *list.add_cases() = CaseWithApplicant();
  *list.add_cases() = CaseWithApplicant();
  MaskPersonalData(&list);
  for (const v1::Case& c : list.cases()) {
    EXPECT_EQ(c.applicant().id_number(), "371***********1234");
    EXPECT_EQ(c.applicant().phone(), "138****0000");
    // Only the two numbers: the rest is what staff work with.
    EXPECT_EQ(c.applicant().name(), "张三");
    EXPECT_EQ(c.applicant().email(), "zhang@example.cn");
    EXPECT_EQ(c.number(), "2022-0001");
  }
}

TEST(MaskPersonalDataTest, HistorySnapshotsAndChangesAreMasked) {
  v1::ListCaseHistoryResponse history;
  v1::CaseEvent* event = history.add_events();
  *event->mutable_snapshot() = CaseWithApplicant();
  v1::FieldChange* phone = event->add_changes();
  phone->set_field("applicant.phone");
  phone->set_old_value("13800000000");
  phone->set_new_value("13900000000");
  v1::FieldChange* name = event->add_changes();
  name->set_field("applicant.name");
  name->set_old_value("张三");
  name->set_new_value("张三丰");
  MaskPersonalData(&history);
  EXPECT_EQ(event->snapshot().applicant().id_number(), "371***********1234");
  EXPECT_EQ(phone->old_value(), "138****0000");
  EXPECT_EQ(phone->new_value(), "139****0000");
  EXPECT_EQ(name->new_value(), "张三丰");
}

TEST(MaskPersonalDataTest, NestedResponsesAreMaskedToo) {
  v1::OutcomeResponse response;
  *response.mutable_case_() = CaseWithApplicant();
  MaskPersonalData(&response);
  EXPECT_EQ(response.case_().applicant().phone(), "138****0000");
}

}  // namespace
}  // namespace ogi
