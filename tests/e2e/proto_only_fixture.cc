#include "tests/e2e/proto_only_fixture.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <filesystem>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"

namespace ogi::proto_only {
namespace {

using ::testing::IsEmpty;

// Reading a dynamic message by field path ("case.applicant.name"): every step
// but the last is a singular message field. Scalars come back as text (enums
// by value name), so expectations read like the .proto file.
const Message* Walk(const Message& message, const std::string& path,
                    const FieldDescriptor** last) {
  const Message* at = &message;
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field =
        at->GetDescriptor()->FindFieldByName(parts[i]);
    if (field == nullptr) {
      ADD_FAILURE() << at->GetDescriptor()->full_name() << " has no field "
                    << parts[i];
      return nullptr;
    }
    if (i + 1 == parts.size()) {
      *last = field;
      return at;
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
        field->is_repeated()) {
      ADD_FAILURE() << path << ": " << parts[i] << " is not a singular message";
      return nullptr;
    }
    at = &at->GetReflection()->GetMessage(*at, field);
  }
  return nullptr;
}

// A scalar as text, from the singular field or the `index`-th element of the
// repeated field `field` of `owner`.
std::string ScalarText(const Message& owner, const FieldDescriptor* field,
                       int index) {
  const google::protobuf::Reflection* r = owner.GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return repeated ? r->GetRepeatedString(owner, field, index)
                      : r->GetString(owner, field);
    case FieldDescriptor::CPPTYPE_ENUM:
      return (repeated ? r->GetRepeatedEnum(owner, field, index)
                       : r->GetEnum(owner, field))
          ->name();
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(repeated ? r->GetRepeatedInt32(owner, field, index)
                                   : r->GetInt32(owner, field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(repeated ? r->GetRepeatedInt64(owner, field, index)
                                   : r->GetInt64(owner, field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return (repeated ? r->GetRepeatedBool(owner, field, index)
                       : r->GetBool(owner, field))
                 ? "true"
                 : "false";
    default:
      return absl::StrCat("<", field->cpp_type_name(), ">");
  }
}

}  // namespace

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string FromByteBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& s : slices) {
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return out;
}

// Waits for the next event of `cq`, which must be `tag`; returns its `ok`.
bool Await(grpc::CompletionQueue& cq, intptr_t tag) {
  void* got = nullptr;
  bool ok = false;
  if (!cq.Next(&got, &ok)) {
    ADD_FAILURE() << "completion queue shut down";
    return false;
  }
  EXPECT_EQ(reinterpret_cast<intptr_t>(got), tag);
  return ok;
}

// Shuts `cq` down and drains it.
void Drain(grpc::CompletionQueue& cq) {
  cq.Shutdown();
  void* tag;
  bool ok;
  while (cq.Next(&tag, &ok)) {
  }
}

std::string Value(const Message& message, const std::string& path) {
  const FieldDescriptor* field = nullptr;
  const Message* owner = Walk(message, path, &field);
  if (owner == nullptr) return "<missing>";
  if (field->is_repeated()) return absl::StrCat("<repeated ", path, ">");
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    return owner->GetReflection()->HasField(*owner, field) ? "<set>"
                                                           : "<unset>";
  }
  return ScalarText(*owner, field, 0);
}

// The elements of the repeated scalar field at `path`, as text.
std::vector<std::string> Values(const Message& message,
                                const std::string& path) {
  std::vector<std::string> out;
  const FieldDescriptor* field = nullptr;
  const Message* owner = Walk(message, path, &field);
  if (owner == nullptr) return out;
  if (!field->is_repeated() ||
      field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    ADD_FAILURE() << path << " is not a repeated scalar field";
    return out;
  }
  for (int i = 0; i < owner->GetReflection()->FieldSize(*owner, field); ++i) {
    out.push_back(ScalarText(*owner, field, i));
  }
  return out;
}

// The ogi.v1.Date at `path` as "YYYY-MM-DD", or "<unset>".
std::string DateAt(const Message& message, const std::string& path) {
  const std::string set = Value(message, path);
  if (set != "<set>") return set;
  int year = 0, month = 0, day = 0;
  if (!absl::SimpleAtoi(Value(message, path + ".year"), &year) ||
      !absl::SimpleAtoi(Value(message, path + ".month"), &month) ||
      !absl::SimpleAtoi(Value(message, path + ".day"), &day)) {
    return "<not a date>";
  }
  return absl::FormatCivilTime(absl::CivilDay(year, month, day));
}

// The elements of the repeated message field at `path`.
std::vector<const Message*> Elements(const Message& message,
                                     const std::string& path) {
  std::vector<const Message*> out;
  const FieldDescriptor* field = nullptr;
  const Message* owner = Walk(message, path, &field);
  if (owner == nullptr) return out;
  if (!field->is_repeated() ||
      field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
    ADD_FAILURE() << path << " is not a repeated message field";
    return out;
  }
  const google::protobuf::Reflection* r = owner->GetReflection();
  for (int i = 0; i < r->FieldSize(*owner, field); ++i) {
    out.push_back(&r->GetRepeatedMessage(*owner, field, i));
  }
  return out;
}

// The FieldChange of `event` for `field`, or nullptr.
const Message* ChangeOf(const Message& event, const std::string& field) {
  for (const Message* change : Elements(event, "changes")) {
    if (Value(*change, "field") == field) return change;
  }
  return nullptr;
}

// Seconds since the Unix epoch of a civil time in China Standard Time.
int64_t ChinaUnixSeconds(int year, int month, int day, int hour) {
  return absl::ToUnixSeconds(
      absl::FromCivil(absl::CivilSecond(year, month, day, hour, 0, 0),
                      absl::FixedTimeZone(8 * 3600)));
}

ProtoOnlyClientTest::ProtoOnlyClientTest()
    : importer_(&source_tree_, &errors_) {
  source_tree_.MapPath("", OGI_PROTO_DIR);
  // google/protobuf/*.proto (timestamp, field_mask, descriptor).
  source_tree_.MapPath("", OGI_WELL_KNOWN_PROTO_DIR);
}

void ProtoOnlyClientTest::SetUp() {
  // The production API and the testing clock's package.
  for (const char* package_dir : {"ogi/v1", "ogi/test/v1"}) {
    const std::filesystem::path dir =
        std::filesystem::path(OGI_PROTO_DIR) / package_dir;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".proto") continue;
      const std::string name =
          absl::StrCat(package_dir, "/", entry.path().filename().string());
      EXPECT_NE(importer_.Import(name), nullptr) << name;
      proto_files_.push_back(name);
    }
  }
  std::sort(proto_files_.begin(), proto_files_.end());
  ASSERT_THAT(errors_.errors(), IsEmpty())
      << absl::StrJoin(errors_.errors(), "\n");
  for (const char* service :
       {kAccessService, kCaseService, kAgencyService, kProcedureService,
        kCalendarService, kDeadlineService, kTestingClockService,
        kOutcomeService, kProceedingService, kReportService}) {
    ASSERT_NE(pool()->FindServiceByName(service), nullptr) << service;
  }

  // The fake clock makes "today" fixed (hermetic deadlines) and registers
  // TestingClockService, so every service in the .proto files is served.
  absl::StatusOr<testing::ServerProcess> server = testing::ServerProcess::Start(
      dir_.File("ogi.db"),
      {absl::StrCat("--agency_name=", kAgencyName),
       absl::StrCat("--fake_clock_start=", kFakeClockStart)});
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = std::make_unique<testing::ServerProcess>(std::move(*server));
  stub_ = std::make_unique<grpc::GenericStub>(grpc::CreateChannel(
      server_->address(), grpc::InsecureChannelCredentials()));
  ASSERT_FALSE(server_->token().empty()) << "the tester was not signed in";

  // The tester, an administrator, makes the two clerks the tests act as.
  std::string token;
  ASSERT_NO_FATAL_FAILURE(MakeUser("clerk-li", "clerk-li", kEveryRole, &token));
  clerk_ = Bearer(token);
  ASSERT_NO_FATAL_FAILURE(
      MakeUser("zhang", "张科员", R"(["ROLE_CLERK"])", &token));
  zhang_ = Bearer(token);
}

void ProtoOnlyClientTest::TearDown() {
  server_.reset();  // kills the server; dir_ goes with the fixture
}

void ProtoOnlyClientTest::MakeUser(const std::string& name,
                                   const std::string& display_name,
                                   const std::string& roles,
                                   std::string* token) {
  const std::string access = kAccessService;
  Reply user = Call(access + ".PutUser",
                    absl::Substitute(R"json({"user": {"name": "$0",
                      "display_name": "$1", "agency_code": "default",
                      "roles": $2}})json",
                                     name, display_name, roles),
                    Tester());
  ASSERT_RPC_OK(user);
  EXPECT_EQ(Value(*user.response, "name"), name);
  EXPECT_EQ(Value(*user.response, "display_name"), display_name);
  EXPECT_EQ(Value(*user.response, "created_by"), "tester");
  Reply issued = Call(access + ".IssueToken",
                      absl::Substitute(R"json({"user_name": "$0",
                        "valid_days": 366})json",
                                       name),
                      Tester());
  ASSERT_RPC_OK(issued);
  EXPECT_EQ(Value(*issued.response, "info.user_name"), name);
  *token = Value(*issued.response, "token");
  ASSERT_FALSE(token->empty());
}

grpc::Status ProtoOnlyClientTest::CallBytes(const std::string& path,
                                            const std::string& request,
                                            std::string* response,
                                            const Metadata& metadata) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
  grpc::CompletionQueue cq;
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> call =
      stub_->PrepareUnaryCall(&context, path, ToByteBuffer(request), &cq);
  call->StartCall();
  grpc::ByteBuffer reply;
  grpc::Status status;
  call->Finish(&reply, &status, reinterpret_cast<void*>(1));
  Await(cq, 1);
  Drain(cq);
  *response = FromByteBuffer(reply);
  return status;
}

const MethodDescriptor* ProtoOnlyClientTest::Method(
    const std::string& full_name) {
  const MethodDescriptor* method = pool()->FindMethodByName(full_name);
  if (method == nullptr) {
    ADD_FAILURE() << "no method " << full_name << " in the .proto files";
  }
  return method;
}

std::string ProtoOnlyClientTest::PathOf(const MethodDescriptor& method) {
  return absl::StrCat("/", method.service()->full_name(), "/", method.name());
}

std::string ProtoOnlyClientTest::RequestBytes(const MethodDescriptor& method,
                                              const std::string& json) {
  std::unique_ptr<Message> request(
      factory_.GetPrototype(method.input_type())->New());
  const auto parsed =
      google::protobuf::util::JsonStringToMessage(json, request.get());
  EXPECT_TRUE(parsed.ok()) << method.full_name() << ": " << parsed.ToString()
                           << "\n"
                           << json;
  return request->SerializeAsString();
}

std::unique_ptr<Message> ProtoOnlyClientTest::ParseResponse(
    const MethodDescriptor& method, const std::string& bytes) {
  std::unique_ptr<Message> response(
      factory_.GetPrototype(method.output_type())->New());
  if (!response->ParseFromString(bytes)) {
    ADD_FAILURE() << method.full_name() << ": response does not parse as "
                  << method.output_type()->full_name();
    return nullptr;
  }
  return response;
}

ProtoOnlyClientTest::Reply ProtoOnlyClientTest::Call(
    const std::string& full_name, const std::string& json) {
  return Call(full_name, json, Tester());
}

ProtoOnlyClientTest::Reply ProtoOnlyClientTest::Call(
    const std::string& full_name, const std::string& json,
    const Metadata& metadata) {
  Reply reply;
  const MethodDescriptor* method = Method(full_name);
  if (method == nullptr) {
    reply.status = grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "");
    return reply;
  }
  EXPECT_FALSE(method->client_streaming() || method->server_streaming())
      << full_name << " streams; use StreamingCall";
  std::string bytes;
  reply.status =
      CallBytes(PathOf(*method), RequestBytes(*method, json), &bytes, metadata);
  if (reply.status.ok()) {
    reply.response = ParseResponse(*method, bytes);
    if (reply.response != nullptr) exercised_.insert(method->full_name());
  }
  return reply;
}

ProtoOnlyClientTest::Reply ProtoOnlyClientTest::GetCase(
    const std::string& number) {
  return Call(std::string(kCaseService) + ".GetCase",
              absl::Substitute(R"({"number": "$0"})", number));
}

std::unique_ptr<Message> ProtoOnlyClientTest::ReadMessage(
    StreamingCall& stream, const MethodDescriptor& method) {
  std::string bytes;
  if (!stream.Read(&bytes)) return nullptr;
  std::unique_ptr<Message> message = ParseResponse(method, bytes);
  if (message != nullptr) exercised_.insert(method.full_name());
  return message;
}

std::unique_ptr<Message> ProtoOnlyClientTest::CreateInPersonCase(
    const std::string& applicant, int month, int day, const std::string& item) {
  Reply created = Call(std::string(kCaseService) + ".CreateCase",
                       absl::Substitute(R"json({"case": {
                         "applicant": {"name": "$0",
                                       "type": "APPLICANT_TYPE_NATURAL_PERSON"},
                         "channel": "CHANNEL_IN_PERSON",
                         "arrival_date": {"year": 2025, "month": $1, "day": $2},
                         "items": [{"description": "$3"}]
                       }})json",
                                        applicant, month, day, item),
                       Clerk());
  EXPECT_TRUE(created.status.ok()) << created.status.error_message();
  if (!created.status.ok() || created.response == nullptr) return nullptr;
  const Message& c = created.response->GetReflection()->GetMessage(
      *created.response,
      created.response->GetDescriptor()->FindFieldByName("case"));
  std::unique_ptr<Message> out(c.New());
  out->CopyFrom(c);
  return out;
}

}  // namespace ogi::proto_only
