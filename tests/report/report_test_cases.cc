#include "tests/report/report_test_cases.h"

#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"

namespace ogi::testing {
namespace {

using Day = absl::CivilDay;

v1::ConclusionKind KindOf(v1::Outcome outcome) {
  switch (outcome) {
    case v1::OUTCOME_OTHER:
      return v1::CONCLUSION_KIND_WITHDRAWN;
    case v1::OUTCOME_OTHER_CORRECTION_LAPSED:
      return v1::CONCLUSION_KIND_CORRECTION_LAPSED;
    case v1::OUTCOME_OTHER_FEE_UNPAID:
      return v1::CONCLUSION_KIND_FEE_UNPAID;
    default:
      return v1::CONCLUSION_KIND_ANSWERED;
  }
}

}  // namespace

v1::Case ReceivedCase(absl::string_view number, absl::string_view applicant,
                      v1::ApplicantType type, Day receipt) {
  v1::Case c;
  c.set_agency_code("default");
  c.set_number(std::string(number));
  c.mutable_applicant()->set_name(std::string(applicant));
  c.mutable_applicant()->set_type(type);
  c.mutable_applicant()->set_phone("0635-8902700");
  c.mutable_applicant()->set_postal_address("山东省聊城市东昌府区柳园街道");
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = ToProtoDate(receipt);
  *c.mutable_receipt_date() = ToProtoDate(receipt);
  c.add_items()->set_description("申请公开本机关办理的相关行政许可决定书");
  c.set_requested_form(v1::REQUESTED_FORM_PAPER);
  c.set_delivery_method(v1::DELIVERY_METHOD_POST);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.set_version(1);
  return c;
}

void Conclude(v1::Case& c, Day served, v1::Outcome outcome) {
  v1::Conclusion& conclusion = *c.mutable_conclusion();
  conclusion.set_kind(KindOf(outcome));
  if (conclusion.kind() == v1::CONCLUSION_KIND_ANSWERED) {
    v1::ItemDisposition& item = *conclusion.add_dispositions();
    item.set_item(1);
    item.set_outcome(outcome);
    conclusion.set_service_method(v1::SERVICE_METHOD_POSTED);
  }
  conclusion.set_derived_outcome(outcome);
  conclusion.set_outcome(outcome);
  *conclusion.mutable_served() = ToProtoDate(served);
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  c.set_version(c.version() + 1);
}

v1::Review& FileReview(v1::Case& c, Day filed) {
  v1::Review& review = *c.add_reviews();
  review.set_id(absl::StrCat(c.number(), "-R", c.reviews_size()));
  review.set_organ("聊城市人民政府");
  *review.mutable_filed() = ToProtoDate(filed);
  return review;
}

void DecideReview(v1::Review& review, v1::ProceedingDecision decision,
                  Day decided) {
  review.set_decision(decision);
  *review.mutable_decided() = ToProtoDate(decided);
}

v1::Lawsuit& FileLawsuit(v1::Case& c, Day filed,
                         absl::string_view after_review_id) {
  v1::Lawsuit& lawsuit = *c.add_lawsuits();
  lawsuit.set_id(absl::StrCat(c.number(), "-L", c.lawsuits_size()));
  lawsuit.set_court("聊城市东昌府区人民法院");
  *lawsuit.mutable_filed() = ToProtoDate(filed);
  lawsuit.set_after_review_id(std::string(after_review_id));
  lawsuit.set_role(v1::LAWSUIT_ROLE_DEFENDANT);
  return lawsuit;
}

void JudgeFirstInstance(v1::Lawsuit& lawsuit, v1::ProceedingDecision decision,
                        Day date) {
  lawsuit.mutable_first_instance()->set_decision(decision);
  *lawsuit.mutable_first_instance()->mutable_date() = ToProtoDate(date);
}

void FileAppeal(v1::Lawsuit& lawsuit, Day filed) {
  *lawsuit.mutable_appeal()->mutable_filed() = ToProtoDate(filed);
  lawsuit.mutable_appeal()->set_appellant("原告");
  lawsuit.mutable_appeal()->set_court("聊城市中级人民法院");
}

void DecideAppeal(v1::Lawsuit& lawsuit, v1::ProceedingDecision decision,
                  Day date) {
  v1::Judgment& result = *lawsuit.mutable_appeal()->mutable_result();
  result.set_decision(decision);
  *result.mutable_date() = ToProtoDate(date);
}

void AddFeeNotice(v1::Case& c, int64_t amount_yuan, Day served, Day paid) {
  v1::FeeNotice& fee = *c.mutable_procedure()->mutable_fee();
  fee.set_method(v1::FEE_METHOD_PER_PAGE);
  fee.set_pages(30 + static_cast<int>(amount_yuan / 10));
  fee.set_amount_yuan(amount_yuan);
  *fee.mutable_served() = ToProtoDate(served);
  if (paid != Day()) *fee.mutable_paid() = ToProtoDate(paid);
}

v1::CellAddress CellAt(int table, absl::string_view row,
                       absl::string_view column) {
  v1::CellAddress address;
  address.set_table(table);
  address.set_row(std::string(row));
  address.set_column(std::string(column));
  return address;
}

std::vector<v1::Case> Reference2022Cases() {
  struct Application {
    const char* applicant;
    Day received;
    Day served;
    const char* request;
  };
  // Received and answered on working days of 2022 (within 20 working days).
  const Application kApplications[] = {
      {"张伟", Day(2022, 1, 10), Day(2022, 1, 24),
       "本人名下门面房的不动产登记相关行政许可材料"},
      {"王芳", Day(2022, 2, 15), Day(2022, 3, 4),
       "某小区建设工程规划许可证及附图"},
      {"李娜", Day(2022, 3, 8), Day(2022, 3, 22),
       "2021年度食品经营许可证核发情况"},
      {"刘洋", Day(2022, 3, 29), Day(2022, 4, 14),
       "某公司道路运输经营许可证的批准文件"},
      {"陈静", Day(2022, 4, 20), Day(2022, 5, 11),
       "本村集体土地上建设项目的施工许可证"},
      {"杨磊", Day(2022, 5, 17), Day(2022, 5, 31),
       "某药店药品经营许可证变更登记材料"},
      {"赵敏", Day(2022, 6, 14), Day(2022, 6, 28),
       "2015年某企业环境影响评价审批的全部会议记录"},
      {"黄强", Day(2022, 7, 5), Day(2022, 7, 19),
       "某幼儿园办学许可证的审批结果"},
      {"周丽", Day(2022, 7, 26), Day(2022, 8, 9),
       "某加油站危险化学品经营许可证"},
      {"吴军", Day(2022, 8, 23), Day(2022, 9, 6), "某小区商品房预售许可证"},
      {"徐霞", Day(2022, 9, 20), Day(2022, 10, 11),
       "2022年上半年建筑工程施工许可证发放清单"},
      {"孙涛", Day(2022, 11, 1), Day(2022, 11, 15),
       "某物业公司营业执照登记信息"},
      {"马艳", Day(2022, 12, 6), Day(2022, 12, 20),
       "某诊所医疗机构执业许可证校验结果"},
  };
  std::vector<v1::Case> cases;
  int sequence = 0;
  for (const Application& application : kApplications) {
    ++sequence;
    v1::Case c = ReceivedCase(
        absl::StrCat("2022-00", sequence < 10 ? "0" : "", sequence),
        application.applicant, v1::APPLICANT_TYPE_NATURAL_PERSON,
        application.received);
    c.mutable_items(0)->set_description(application.request);
    const bool not_held = c.number() == "2022-0007";
    Conclude(
        c, application.served,
        not_held ? v1::OUTCOME_UNAVAILABLE_NOT_HELD : v1::OUTCOME_DISCLOSED);
    if (not_held) {
      c.mutable_conclusion()->set_not_held_reason(
          v1::NOT_HELD_REASON_DOES_NOT_EXIST);
      DecideReview(FileReview(c, Day(2022, 7, 20)),
                   v1::PROCEEDING_DECISION_UPHELD, Day(2022, 9, 15));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace ogi::testing
