#ifndef OGI_TESTS_CASES_CASE_TEST_UTIL_H_
#define OGI_TESTS_CASES_CASE_TEST_UTIL_H_

#include "ogi/v1/case.pb.h"
#include "services/common/civil_date.h"

namespace ogi::testing {

// A complete, valid case as a clerk would enter it (no output-only fields).
inline v1::Case ValidNewCase() {
  v1::Case c;
  v1::Applicant* a = c.mutable_applicant();
  a->set_name("张三");
  a->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  a->set_id_type(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD);
  a->set_id_number("440304199001011233");
  a->set_phone("0635-8902700");
  a->set_email("zhangsan@example.cn");
  a->set_postal_address("聊城市昌润南路153号");
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = ToProtoDate(absl::CivilDay(2022, 3, 1));
  c.add_items()->set_description("2021年度行政许可办理情况");
  c.set_requested_form(v1::REQUESTED_FORM_ELECTRONIC);
  c.set_delivery_method(v1::DELIVERY_METHOD_EMAIL);
  return c;
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_CASES_CASE_TEST_UTIL_H_
