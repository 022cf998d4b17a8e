// The .proto files are the API's documentation (issue 12): every field a
// client sends says whether it is required, optional or output-only
// (google.api.field_behavior), and every integer it sends has documented
// bounds (ogi.v1.limits min and max), which the server checks before
// anything else. This test walks every method of every ogi.v1 service
// through the descriptor pool, into the messages its request carries, and
// names each field that lacks them, so that no field is added without.
//
// Not descended into: google.protobuf.* well-known types (Timestamp,
// FieldMask) and fields marked OUTPUT_ONLY (the server ignores or refuses
// their content). Strings need no max_length: unannotated text gets the
// server's default of 1000 characters (ogi/v1/field_limits.proto). The
// limits present must fit their field: max_length on strings and bytes,
// min/max on integers (both, min <= max, within the field's type),
// max_items on repeated fields.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/api/field_behavior.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/timestamp.pb.h"
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

namespace ogi {
namespace {

using ::google::api::FieldBehavior;
using ::google::protobuf::Descriptor;
using ::google::protobuf::DescriptorPool;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FieldDescriptorProto;
using ::google::protobuf::FieldOptions;
using ::google::protobuf::FileDescriptor;
using ::google::protobuf::FileDescriptorProto;
using ::google::protobuf::ServiceDescriptor;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kPackage[] = "ogi.v1";

// One message of each ogi/v1 service file. Naming them links the files'
// generated code, and with it every file they import, into this test: that
// is what puts a file in the generated pool (a static library drops the
// objects nothing refers to). EveryApiFileIsWalked checks that none is
// missing.
std::vector<const FileDescriptor*> ServiceFiles() {
  return {
      v1::PutUserRequest::descriptor()->file(),
      v1::PutAgencyRequest::descriptor()->file(),
      v1::LoadCalendarRequest::descriptor()->file(),
      v1::CreateCaseRequest::descriptor()->file(),
      v1::ListDeadlinesRequest::descriptor()->file(),
      v1::ConcludeCaseRequest::descriptor()->file(),
      v1::IssueFeeNoticeRequest::descriptor()->file(),
      v1::FileReviewRequest::descriptor()->file(),
      v1::SetFiguresRequest::descriptor()->file(),
  };
}

std::vector<FieldBehavior> Behaviors(const FieldDescriptor& field) {
  const FieldOptions& options = field.options();
  std::vector<FieldBehavior> behaviors;
  for (int i = 0; i < options.ExtensionSize(google::api::field_behavior); ++i) {
    behaviors.push_back(options.GetExtension(google::api::field_behavior, i));
  }
  return behaviors;
}

bool IsInteger(const FieldDescriptor& field) {
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
      return true;
    default:
      return false;
  }
}

// The smallest and largest value of an integer field's type, as int64 (the
// type of FieldLimits.min/max; uint64 beyond it cannot be a bound).
std::pair<int64_t, int64_t> TypeRange(const FieldDescriptor& field) {
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return {std::numeric_limits<int32_t>::min(),
              std::numeric_limits<int32_t>::max()};
    case FieldDescriptor::CPPTYPE_UINT32:
      return {0, std::numeric_limits<uint32_t>::max()};
    case FieldDescriptor::CPPTYPE_UINT64:
      return {0, std::numeric_limits<int64_t>::max()};
    default:
      return {std::numeric_limits<int64_t>::min(),
              std::numeric_limits<int64_t>::max()};
  }
}

// What is missing or wrong on one field, each "<Message>.<field>: <what>".
void CheckField(const FieldDescriptor& field, std::vector<std::string>& out) {
  const std::string name = field.full_name();
  const std::vector<FieldBehavior> behaviors = Behaviors(field);
  if (behaviors.empty()) {
    out.push_back(name + ": no google.api.field_behavior");
  }
  for (FieldBehavior behavior : behaviors) {
    if (behavior == google::api::FIELD_BEHAVIOR_UNSPECIFIED) {
      out.push_back(name + ": field_behavior FIELD_BEHAVIOR_UNSPECIFIED");
    }
  }
  const bool annotated = field.options().HasExtension(v1::limits);
  const v1::FieldLimits& limits = field.options().GetExtension(v1::limits);
  const bool text = field.type() == FieldDescriptor::TYPE_STRING ||
                    field.type() == FieldDescriptor::TYPE_BYTES;
  if (IsInteger(field)) {
    if (!annotated || !limits.has_min() || !limits.has_max()) {
      out.push_back(name + ": integer without ogi.v1.limits min and max");
    } else {
      const auto [lowest, highest] = TypeRange(field);
      if (limits.min() > limits.max()) {
        out.push_back(absl::StrCat(name, ": limits min ", limits.min(),
                                   " > max ", limits.max()));
      }
      if (limits.min() < lowest || limits.max() > highest) {
        out.push_back(absl::StrCat(name, ": limits outside the field's type"));
      }
    }
  } else if (limits.has_min() || limits.has_max()) {
    out.push_back(name + ": limits min/max on a field that is no integer");
  }
  if (limits.max_length() < 0 || (limits.max_length() > 0 && !text)) {
    out.push_back(name + ": limits max_length on a field that is no text");
  }
  if (limits.max_items() < 0 ||
      (limits.max_items() > 0 && !field.is_repeated())) {
    out.push_back(name + ": limits max_items on a field that is not repeated");
  }
}

// Checks every field of `message` and, recursively, of the messages its
// fields carry into the server (not the well-known types, not output-only
// fields). Each message is checked once (`seen`).
void CheckMessage(const Descriptor& message, std::set<std::string>& seen,
                  std::vector<std::string>& out) {
  if (!seen.insert(message.full_name()).second) return;
  for (int i = 0; i < message.field_count(); ++i) {
    const FieldDescriptor& field = *message.field(i);
    CheckField(field, out);
    if (field.cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const Descriptor& type = *field.message_type();
    if (absl::StartsWith(type.full_name(), "google.protobuf.")) continue;
    const std::vector<FieldBehavior> behaviors = Behaviors(field);
    if (std::find(behaviors.begin(), behaviors.end(),
                  google::api::OUTPUT_ONLY) != behaviors.end()) {
      continue;
    }
    CheckMessage(type, seen, out);
  }
}

// Every problem of the requests of `service`'s methods.
std::vector<std::string> AnnotationProblems(const ServiceDescriptor& service) {
  std::set<std::string> seen;
  std::vector<std::string> problems;
  for (int i = 0; i < service.method_count(); ++i) {
    CheckMessage(*service.method(i)->input_type(), seen, problems);
  }
  return problems;
}

// The ogi.v1 files that define services, as the generated pool holds them.
std::vector<const FileDescriptor*> ApiServiceFiles() {
  std::vector<const FileDescriptor*> files;
  for (const FileDescriptor* file : ServiceFiles()) {
    EXPECT_EQ(file->package(), kPackage) << file->name();
    EXPECT_GT(file->service_count(), 0) << file->name();
    files.push_back(file);
  }
  return files;
}

TEST(ProtoAnnotationsTest, EveryApiFileIsWalked) {
  // Every service file of proto/ogi/v1 is one of ServiceFiles(), and every
  // other file there is imported by one (so its messages are reached).
  std::set<std::string> linked;
  for (const FileDescriptor* file : ApiServiceFiles()) {
    linked.insert(file->name());
  }
  const std::filesystem::path dir =
      std::filesystem::path(OGI_SOURCE_DIR) / "proto" / "ogi" / "v1";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".proto") continue;
    ++files;
    const std::string name = "ogi/v1/" + entry.path().filename().string();
    const FileDescriptor* file =
        DescriptorPool::generated_pool()->FindFileByName(name);
    ASSERT_NE(file, nullptr)
        << name << " is not in the generated pool: import it from a service "
        << "file or add one of its messages to ServiceFiles()";
    if (file->service_count() > 0) {
      EXPECT_TRUE(linked.count(name) > 0)
          << name << " defines services: add one of its messages to "
          << "ServiceFiles()";
    }
  }
  EXPECT_GT(files, 10);
}

TEST(ProtoAnnotationsTest, EveryRequestFieldIsAnnotated) {
  int methods = 0;
  for (const FileDescriptor* file : ApiServiceFiles()) {
    for (int i = 0; i < file->service_count(); ++i) {
      const ServiceDescriptor& service = *file->service(i);
      methods += service.method_count();
      EXPECT_THAT(AnnotationProblems(service), IsEmpty())
          << service.full_name();
    }
  }
  // The API has more than fifty methods; a walk of far fewer missed files.
  EXPECT_GT(methods, 45);
}

// Spot checks that the annotations reach the generated pool as written (and
// so reach the server's generic checks).
TEST(ProtoAnnotationsTest, AnnotationsReadAsWritten) {
  // AIP-158: a page size above a list's maximum is coerced, not refused;
  // only ListCases refuses one above 500, as it documented first.
  const FieldDescriptor* page_size =
      v1::ListUsersRequest::descriptor()->FindFieldByName("page_size");
  ASSERT_NE(page_size, nullptr);
  const v1::FieldLimits& paging = page_size->options().GetExtension(v1::limits);
  EXPECT_EQ(paging.min(), 0);
  EXPECT_EQ(paging.max(), std::numeric_limits<int32_t>::max());
  const FieldDescriptor* case_page_size =
      v1::ListCasesRequest::descriptor()->FindFieldByName("page_size");
  ASSERT_NE(case_page_size, nullptr);
  EXPECT_EQ(case_page_size->options().GetExtension(v1::limits).max(), 500);

  const FieldDescriptor* json =
      v1::LoadCalendarRequest::descriptor()->FindFieldByName("json");
  ASSERT_NE(json, nullptr);
  EXPECT_EQ(json->options().GetExtension(v1::limits).max_length(), 1048576);

  const FieldDescriptor* number =
      v1::Case::descriptor()->FindFieldByName("number");
  ASSERT_NE(number, nullptr);
  EXPECT_THAT(Behaviors(*number),
              UnorderedElementsAre(google::api::OUTPUT_ONLY));

  const FieldDescriptor* served =
      v1::ConcludeCaseRequest::descriptor()->FindFieldByName("served");
  ASSERT_NE(served, nullptr);
  // Deprecated flat form (issue 13): required only when `conclusion` is not
  // given, whose own served is required.
  EXPECT_THAT(Behaviors(*served), UnorderedElementsAre(google::api::OPTIONAL));
  EXPECT_TRUE(served->options().deprecated());
  const FieldDescriptor* conclusion_served =
      v1::Conclusion::descriptor()->FindFieldByName("served");
  ASSERT_NE(conclusion_served, nullptr);
  EXPECT_THAT(Behaviors(*conclusion_served),
              UnorderedElementsAre(google::api::REQUIRED));
  const FieldDescriptor* service_method =
      v1::ConcludeCaseRequest::descriptor()->FindFieldByName("service_method");
  ASSERT_NE(service_method, nullptr);
  EXPECT_THAT(Behaviors(*service_method),
              UnorderedElementsAre(google::api::OPTIONAL));
}

// ---- The checks themselves, on a service built for the purpose ----

FieldDescriptorProto* AddField(google::protobuf::DescriptorProto& message,
                               const std::string& name,
                               FieldDescriptorProto::Type type,
                               const std::string& type_name = "") {
  FieldDescriptorProto* field = message.add_field();
  field->set_name(name);
  field->set_number(message.field_size());
  field->set_type(type);
  field->set_label(FieldDescriptorProto::LABEL_OPTIONAL);
  if (!type_name.empty()) field->set_type_name(type_name);
  return field;
}

void SetBehavior(FieldDescriptorProto& field, FieldBehavior behavior) {
  field.mutable_options()->AddExtension(google::api::field_behavior, behavior);
}

v1::FieldLimits& Limits(FieldDescriptorProto& field) {
  return *field.mutable_options()->MutableExtension(v1::limits);
}

TEST(ProtoAnnotationsTest, NamesEveryFieldWithoutAnnotations) {
  DescriptorPool pool;
  FileDescriptorProto timestamp_file;
  google::protobuf::Timestamp::descriptor()->file()->CopyTo(&timestamp_file);
  ASSERT_NE(pool.BuildFile(timestamp_file), nullptr);

  FileDescriptorProto file;
  file.set_name("fake/fake.proto");
  file.set_package("fake");
  file.set_syntax("proto3");
  file.add_dependency("google/protobuf/timestamp.proto");
  using T = FieldDescriptorProto;

  google::protobuf::DescriptorProto& inner = *file.add_message_type();
  inner.set_name("Inner");
  AddField(inner, "note", T::TYPE_STRING);  // no behavior

  google::protobuf::DescriptorProto& output = *file.add_message_type();
  output.set_name("Output");
  AddField(output, "anything", T::TYPE_INT64);  // never reached

  google::protobuf::DescriptorProto& request = *file.add_message_type();
  request.set_name("Request");
  SetBehavior(*AddField(request, "name", T::TYPE_STRING),
              google::api::REQUIRED);
  SetBehavior(*AddField(request, "count", T::TYPE_INT32),
              google::api::OPTIONAL);  // no bounds
  FieldDescriptorProto& size = *AddField(request, "size", T::TYPE_INT64);
  SetBehavior(size, google::api::OPTIONAL);
  Limits(size).set_min(0);  // no max
  FieldDescriptorProto& bounded = *AddField(request, "bounded", T::TYPE_INT32);
  SetBehavior(bounded, google::api::OPTIONAL);
  Limits(bounded).set_min(0);
  Limits(bounded).set_max(10);
  SetBehavior(*AddField(request, "inner", T::TYPE_MESSAGE, ".fake.Inner"),
              google::api::OPTIONAL);
  SetBehavior(
      *AddField(request, "at", T::TYPE_MESSAGE, ".google.protobuf.Timestamp"),
      google::api::OPTIONAL);
  SetBehavior(*AddField(request, "output", T::TYPE_MESSAGE, ".fake.Output"),
              google::api::OUTPUT_ONLY);
  AddField(request, "plain", T::TYPE_BOOL);  // no behavior
  FieldDescriptorProto& upside_down =
      *AddField(request, "upside_down", T::TYPE_INT32);
  SetBehavior(upside_down, google::api::OPTIONAL);
  Limits(upside_down).set_min(5);
  Limits(upside_down).set_max(1);
  FieldDescriptorProto& too_wide =
      *AddField(request, "too_wide", T::TYPE_INT32);
  SetBehavior(too_wide, google::api::OPTIONAL);
  Limits(too_wide).set_min(0);
  Limits(too_wide).set_max(int64_t{1} << 40);
  FieldDescriptorProto& misplaced =
      *AddField(request, "misplaced", T::TYPE_BOOL);
  SetBehavior(misplaced, google::api::OPTIONAL);
  Limits(misplaced).set_max_length(3);
  Limits(misplaced).set_max_items(3);
  FieldDescriptorProto& unspecified =
      *AddField(request, "unspecified", T::TYPE_STRING);
  SetBehavior(unspecified, google::api::FIELD_BEHAVIOR_UNSPECIFIED);

  google::protobuf::ServiceDescriptorProto& service = *file.add_service();
  service.set_name("FakeService");
  google::protobuf::MethodDescriptorProto& method = *service.add_method();
  method.set_name("Do");
  method.set_input_type(".fake.Request");
  method.set_output_type(".fake.Output");

  const FileDescriptor* built = pool.BuildFile(file);
  ASSERT_NE(built, nullptr);
  EXPECT_THAT(
      AnnotationProblems(*built->service(0)),
      UnorderedElementsAre(
          "fake.Request.count: integer without ogi.v1.limits min and max",
          "fake.Request.size: integer without ogi.v1.limits min and max",
          "fake.Inner.note: no google.api.field_behavior",
          "fake.Request.plain: no google.api.field_behavior",
          "fake.Request.upside_down: limits min 5 > max 1",
          "fake.Request.too_wide: limits outside the field's type",
          "fake.Request.misplaced: limits max_length on a field that is no "
          "text",
          "fake.Request.misplaced: limits max_items on a field that is not "
          "repeated",
          "fake.Request.unspecified: field_behavior "
          "FIELD_BEHAVIOR_UNSPECIFIED"));
}

}  // namespace
}  // namespace ogi
