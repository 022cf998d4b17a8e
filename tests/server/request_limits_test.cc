#include "services/rpc/request_limits.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"
#include "ogi/v1/access_service.pb.h"
#include "ogi/v1/agency_service.pb.h"
#include "ogi/v1/calendar_service.pb.h"
#include "ogi/v1/case_service.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "ogi/v1/field_limits.pb.h"
#include "ogi/v1/outcome_service.pb.h"
#include "ogi/v1/procedure_service.pb.h"
#include "ogi/v1/proceeding_service.pb.h"
#include "ogi/v1/report_service.pb.h"
#include "services/common/field_violations.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// The bound the API documents for `field` of `type`, read from the
// descriptor as the server reads it (the .proto is the source of truth).
int MaxLengthOf(const Descriptor* type, const std::string& field) {
  const FieldDescriptor* f = type->FindFieldByName(field);
  EXPECT_NE(f, nullptr) << type->full_name() << "." << field;
  const int max = f->options().GetExtension(v1::limits).max_length();
  return max > 0 ? max : kDefaultMaxLength;
}

int MaxItemsOf(const Descriptor* type, const std::string& field) {
  const FieldDescriptor* f = type->FindFieldByName(field);
  EXPECT_NE(f, nullptr) << type->full_name() << "." << field;
  const int max = f->options().GetExtension(v1::limits).max_items();
  return max > 0 ? max : kDefaultMaxItems;
}

// (field, description) of every violation `status` carries.
std::vector<std::pair<std::string, std::string>> Violations(
    const absl::Status& status) {
  std::vector<std::pair<std::string, std::string>> out;
  const google::rpc::BadRequest details = ViolationsOf(status);
  for (const auto& v : details.field_violations()) {
    out.emplace_back(v.field(), v.description());
  }
  return out;
}

// `n` copies of the character `c` (UTF-8).
std::string Repeat(const std::string& c, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += c;
  return out;
}

TEST(RequestLimitsTest, AnOrdinaryRequestPasses) {
  v1::CreateCaseRequest request;
  v1::Case* c = request.mutable_case_();
  c->mutable_applicant()->set_name("张三");
  c->set_channel(v1::CHANNEL_IN_PERSON);
  c->add_items()->set_description("2024年度行政许可办理情况");
  request.set_idempotency_key("k-1");
  EXPECT_THAT(CheckRequestLimits(request), IsOk());
}

TEST(RequestLimitsTest, AHugeValueIsQuotedByAShortPrefixWithItsLength) {
  v1::GetCaseRequest request;
  request.set_agency_code(std::string(100000, 'a'));
  request.set_number("2025-0001");
  const absl::Status status = CheckRequestLimits(request);
  const int max = MaxLengthOf(v1::GetCaseRequest::descriptor(), "agency_code");
  EXPECT_THAT(status,
              StatusIs(absl::StatusCode::kInvalidArgument,
                       absl::StrCat("agency_code: \"", std::string(16, 'a'),
                                    "…\"（共 100000 个字符）超过上限 ", max,
                                    " 个字符")));
  EXPECT_LT(status.message().size(), 200u);
}

TEST(RequestLimitsTest, CountsCharactersNotBytes) {
  const int max = MaxLengthOf(v1::GetCaseRequest::descriptor(), "number");
  v1::GetCaseRequest request;
  request.set_number(Repeat("号", max));  // three bytes each
  EXPECT_THAT(CheckRequestLimits(request), IsOk());
  request.set_number(Repeat("号", max + 1));
  EXPECT_THAT(
      CheckRequestLimits(request),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr(absl::StrCat("（共 ", max + 1, " 个字符）超过上限 ",
                                      max, " 个字符"))));
}

TEST(RequestLimitsTest, ListsEveryViolationWithItsPath) {
  v1::CreateCaseRequest request;
  v1::Case* c = request.mutable_case_();
  const int name_max = MaxLengthOf(v1::Applicant::descriptor(), "name");
  const int description_max =
      MaxLengthOf(v1::RequestedItem::descriptor(), "description");
  c->mutable_applicant()->set_name(std::string(name_max + 1, 'n'));
  c->add_items()->set_description("短");
  c->add_items()->set_description(std::string(description_max + 5, 'd'));
  c->set_channel(static_cast<v1::Channel>(99));
  const absl::Status status = CheckRequestLimits(request);
  ASSERT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  const auto violations = Violations(status);
  ASSERT_EQ(violations.size(), 3u) << status;
  std::vector<std::string> fields;
  for (const auto& [field, description] : violations) fields.push_back(field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre(
                          "case.applicant.name", "case.items[1].description",
                          "case.channel"));
  for (const auto& [field, description] : violations) {
    if (field == "case.channel") {
      EXPECT_EQ(description, "99 不是有效的取值");
    }
    if (field == "case.items[1].description") {
      EXPECT_THAT(description,
                  HasSubstr(absl::StrCat("（共 ", description_max + 5,
                                         " 个字符）超过上限 ", description_max,
                                         " 个字符")));
    }
  }
}

TEST(RequestLimitsTest, RepeatedFieldsAreBoundedAndTheirElementsChecked) {
  const int max_items =
      MaxItemsOf(v1::GetReportRequest::descriptor(), "agency_codes");
  const int code_max =
      MaxLengthOf(v1::GetReportRequest::descriptor(), "agency_codes");
  v1::GetReportRequest request;
  request.add_agency_codes(std::string(code_max + 1, 'x'));
  for (int i = 1; i < max_items + 1; ++i) request.add_agency_codes("a");
  const absl::Status status = CheckRequestLimits(request);
  EXPECT_THAT(
      Violations(status),
      ElementsAre(Pair("agency_codes",
                       absl::StrCat("共 ", max_items + 1, " 项，超过上限 ",
                                    max_items, " 项")),
                  Pair("agency_codes[0]", HasSubstr("超过上限"))));
}

TEST(RequestLimitsTest, WellKnownTypesAreWalkedToo) {
  v1::UpdateCaseRequest request;
  request.mutable_update_mask()->add_paths("status");
  request.mutable_update_mask()->add_paths(
      std::string(kDefaultMaxLength + 1, 'p'));
  EXPECT_THAT(
      Violations(CheckRequestLimits(request)),
      ElementsAre(Pair(
          "update_mask.paths[1]",
          HasSubstr(absl::StrCat("超过上限 ", kDefaultMaxLength, " 个字符")))));
}

TEST(RequestLimitsTest, AnIntegerOutOfItsRangeNamesTheRange) {
  v1::GetCalendarYearRequest request;
  request.set_year(1900);
  EXPECT_THAT(CheckRequestLimits(request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "year: 须在 1901 至 9998 之间，而不是 1900"));
  request.set_year(1901);
  EXPECT_THAT(CheckRequestLimits(request), IsOk());
}

// The wording of a range violation (request_limits.h).
std::string RangeRule(const v1::FieldLimits& limits, int64_t value) {
  if (limits.has_min() && limits.has_max()) {
    return absl::StrCat("须在 ", limits.min(), " 至 ", limits.max(),
                        " 之间，而不是 ", value);
  }
  if (limits.has_min()) {
    return absl::StrCat("不能小于 ", limits.min(), "，而不是 ", value);
  }
  return absl::StrCat("不能大于 ", limits.max(), "，而不是 ", value);
}

// The request messages of every ogi.v1 RPC (a message of each service file
// names the file, which also links its descriptor in).
std::vector<const Descriptor*> RequestTypes() {
  std::vector<const Descriptor*> out;
  for (const google::protobuf::FileDescriptor* file :
       {v1::WhoAmIRequest::descriptor()->file(),
        v1::GetAgencyRequest::descriptor()->file(),
        v1::GetCalendarYearRequest::descriptor()->file(),
        v1::GetCaseRequest::descriptor()->file(),
        v1::ListDeadlinesRequest::descriptor()->file(),
        v1::ConcludeCaseRequest::descriptor()->file(),
        v1::SendCorrectionNoticeRequest::descriptor()->file(),
        v1::FileReviewRequest::descriptor()->file(),
        v1::GetReportRequest::descriptor()->file()}) {
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        out.push_back(file->service(s)->method(m)->input_type());
      }
    }
  }
  return out;
}

std::unique_ptr<Message> NewMessage(const Descriptor* type) {
  return std::unique_ptr<Message>(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(type)
          ->New());
}

// Every top-level string field of every request accepts its documented
// maximum and refuses one character more, naming the field.
TEST(RequestLimitsTest, EveryRequestStringFieldIsBoundedAsDocumented) {
  int checked = 0;
  for (const Descriptor* type : RequestTypes()) {
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (field->type() != FieldDescriptor::TYPE_STRING ||
          field->is_repeated()) {
        continue;
      }
      const int max = MaxLengthOf(type, field->name());
      std::unique_ptr<Message> request = NewMessage(type);
      request->GetReflection()->SetString(request.get(), field,
                                          std::string(max, 'x'));
      EXPECT_THAT(CheckRequestLimits(*request), IsOk()) << field->full_name();
      request->GetReflection()->SetString(request.get(), field,
                                          std::string(max + 1, 'x'));
      EXPECT_THAT(
          Violations(CheckRequestLimits(*request)),
          ElementsAre(Pair(field->name(), HasSubstr(absl::StrCat(
                                              "超过上限 ", max, " 个字符")))))
          << field->full_name();
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);
}

// Every annotated integer field of every request accepts its bounds and
// refuses the numbers just outside them.
TEST(RequestLimitsTest, EveryAnnotatedIntegerIsBoundedAsDocumented) {
  int checked = 0;
  for (const Descriptor* type : RequestTypes()) {
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      const v1::FieldLimits& limits = field->options().GetExtension(v1::limits);
      if (field->is_repeated() ||
          (field->cpp_type() != FieldDescriptor::CPPTYPE_INT32 &&
           field->cpp_type() != FieldDescriptor::CPPTYPE_INT64)) {
        continue;
      }
      const bool wide = field->cpp_type() == FieldDescriptor::CPPTYPE_INT64;
      const int64_t lowest = wide ? INT64_MIN : INT32_MIN;
      const int64_t highest = wide ? INT64_MAX : INT32_MAX;
      auto check = [&](int64_t value) {
        std::unique_ptr<Message> request = NewMessage(type);
        if (wide) {
          request->GetReflection()->SetInt64(request.get(), field, value);
        } else {
          request->GetReflection()->SetInt32(request.get(), field,
                                             static_cast<int32_t>(value));
        }
        return CheckRequestLimits(*request);
      };
      if (limits.has_max()) {
        ++checked;
        if (limits.max() != 0) {
          EXPECT_THAT(check(limits.max()), IsOk()) << field->full_name();
        }
        if (limits.max() < highest) {
          EXPECT_THAT(Violations(check(limits.max() + 1)),
                      ElementsAre(Pair(field->name(),
                                       RangeRule(limits, limits.max() + 1))))
              << field->full_name();
        }
      }
      if (limits.has_min()) {
        ++checked;
        if (limits.min() != 0) {
          EXPECT_THAT(check(limits.min()), IsOk()) << field->full_name();
        }
        if (limits.min() > lowest && limits.min() - 1 != 0) {
          EXPECT_THAT(Violations(check(limits.min() - 1)),
                      ElementsAre(Pair(field->name(),
                                       RangeRule(limits, limits.min() - 1))))
              << field->full_name();
        }
      }
    }
  }
  EXPECT_GT(checked, 0) << "no request integer carries (ogi.v1.limits)";
}

}  // namespace
}  // namespace ogi
