// A client that holds ONLY the .proto files can use the whole API.
//
// This binary links no generated ogi code: at run time it parses
// proto/ogi/v1/*.proto with protobuf's compiler::Importer, builds requests as
// dynamic messages from JSON, and calls the real ogi-server through
// grpc::GenericStub with serialized bytes. Every method of ogi.v1.CaseService
// and ogi.v1.AgencyService must be exercised (a new RPC fails the test until it
// is covered here). Server reflection and the health service are checked with
// hand-encoded messages, as a tool like grpcurl would see them.

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"

namespace ogi {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::MethodDescriptor;
using ::google::protobuf::ServiceDescriptor;
using ::google::protobuf::UnknownField;
using ::google::protobuf::UnknownFieldSet;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kAgencyName[] = "聊城市行政审批服务局";
constexpr char kCaseService[] = "ogi.v1.CaseService";
constexpr char kAgencyService[] = "ogi.v1.AgencyService";

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Collects the importer's parse errors.
class ErrorCollector
    : public google::protobuf::compiler::MultiFileErrorCollector {
 public:
  void AddError(const std::string& filename, int line, int column,
                const std::string& message) override {
    errors_.push_back(
        absl::StrCat(filename, ":", line + 1, ":", column + 1, ": ", message));
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

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

std::string Value(const Message& message, const std::string& path) {
  const FieldDescriptor* field = nullptr;
  const Message* owner = Walk(message, path, &field);
  if (owner == nullptr) return "<missing>";
  const google::protobuf::Reflection* r = owner->GetReflection();
  if (field->is_repeated()) return absl::StrCat("<repeated ", path, ">");
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return r->GetString(*owner, field);
    case FieldDescriptor::CPPTYPE_ENUM:
      return r->GetEnum(*owner, field)->name();
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(r->GetInt32(*owner, field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(r->GetInt64(*owner, field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return r->GetBool(*owner, field) ? "true" : "false";
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return r->HasField(*owner, field) ? "<set>" : "<unset>";
    default:
      return absl::StrCat("<", field->cpp_type_name(), ">");
  }
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

// The length-delimited (or varint, as text) values of field `number` in
// `bytes` read as a message of unknown type.
std::vector<std::string> RawField(const std::string& bytes, int number) {
  UnknownFieldSet fields;
  EXPECT_TRUE(fields.ParseFromString(bytes)) << "not a protobuf message";
  std::vector<std::string> out;
  for (int i = 0; i < fields.field_count(); ++i) {
    const UnknownField& f = fields.field(i);
    if (f.number() != number) continue;
    if (f.type() == UnknownField::TYPE_LENGTH_DELIMITED) {
      out.push_back(f.length_delimited());
    } else if (f.type() == UnknownField::TYPE_VARINT) {
      out.push_back(absl::StrCat(f.varint()));
    }
  }
  return out;
}

class ProtoOnlyClientTest : public ::testing::Test {
 protected:
  struct Reply {
    grpc::Status status;
    std::unique_ptr<Message> response;  // set when status is OK
  };

  ProtoOnlyClientTest() : importer_(&source_tree_, &errors_) {
    source_tree_.MapPath("", OGI_PROTO_DIR);
    // google/protobuf/*.proto (timestamp, field_mask, descriptor).
    source_tree_.MapPath("", OGI_WELL_KNOWN_PROTO_DIR);
  }

  void SetUp() override {
    const std::filesystem::path dir =
        std::filesystem::path(OGI_PROTO_DIR) / "ogi" / "v1";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".proto") continue;
      const std::string name = "ogi/v1/" + entry.path().filename().string();
      EXPECT_NE(importer_.Import(name), nullptr) << name;
      proto_files_.push_back(name);
    }
    ASSERT_THAT(errors_.errors(), IsEmpty())
        << absl::StrJoin(errors_.errors(), "\n");
    ASSERT_NE(pool()->FindServiceByName(kCaseService), nullptr);
    ASSERT_NE(pool()->FindServiceByName(kAgencyService), nullptr);

    dir_ = testing::MakeTempDir();
    absl::StatusOr<testing::ServerProcess> server =
        testing::ServerProcess::Start(
            dir_ + "/ogi.db", {absl::StrCat("--agency_name=", kAgencyName)});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::make_unique<testing::ServerProcess>(std::move(*server));
    stub_ = std::make_unique<grpc::GenericStub>(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override {
    server_.reset();  // kills the server
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  const google::protobuf::DescriptorPool* pool() { return importer_.pool(); }
  grpc::GenericStub& stub() { return *stub_; }

  // Calls `method` with bytes; the response's bytes in *response.
  grpc::Status CallBytes(const std::string& path, const std::string& request,
                         std::string* response, const Metadata& metadata = {}) {
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
    cq.Shutdown();
    void* tag;
    bool ok;
    while (cq.Next(&tag, &ok)) {
    }
    *response = FromByteBuffer(reply);
    return status;
  }

  // Calls the method named `full_name` (e.g. "ogi.v1.CaseService.GetCase")
  // with a request given as JSON, typed only by the imported descriptors.
  Reply Call(const std::string& full_name, const std::string& json,
             const Metadata& metadata = {}) {
    Reply reply;
    const MethodDescriptor* method = pool()->FindMethodByName(full_name);
    if (method == nullptr) {
      ADD_FAILURE() << "no method " << full_name << " in the .proto files";
      reply.status = grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "");
      return reply;
    }
    std::unique_ptr<Message> request(
        factory_.GetPrototype(method->input_type())->New());
    const auto parsed =
        google::protobuf::util::JsonStringToMessage(json, request.get());
    EXPECT_TRUE(parsed.ok()) << full_name << ": " << parsed.ToString();
    const std::string path =
        absl::StrCat("/", method->service()->full_name(), "/", method->name());
    std::string bytes;
    reply.status =
        CallBytes(path, request->SerializeAsString(), &bytes, metadata);
    if (reply.status.ok()) {
      reply.response.reset(factory_.GetPrototype(method->output_type())->New());
      EXPECT_TRUE(reply.response->ParseFromString(bytes))
          << full_name << ": response does not parse as "
          << method->output_type()->full_name();
      exercised_.insert(method->full_name());
    }
    return reply;
  }

  std::string dir_;  // the server's database
  std::unique_ptr<testing::ServerProcess> server_;
  std::set<std::string> exercised_;  // methods that answered OK
  std::vector<std::string> proto_files_;

 private:
  google::protobuf::compiler::DiskSourceTree source_tree_;
  ErrorCollector errors_;
  google::protobuf::compiler::Importer importer_;
  google::protobuf::DynamicMessageFactory factory_;
  std::unique_ptr<grpc::GenericStub> stub_;
};

#define ASSERT_RPC_OK(reply)                                                 \
  ASSERT_TRUE((reply).status.ok()) << "code " << (reply).status.error_code() \
                                   << ": " << (reply).status.error_message()

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

TEST_F(ProtoOnlyClientTest, BinaryHasNoGeneratedOgiTypes) {
  // The point of the test: everything below comes from the .proto files.
  EXPECT_EQ(
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          kCaseService),
      nullptr);
  EXPECT_THAT(proto_files_, Contains("ogi/v1/case_service.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/v1/agency_service.proto"));
}

TEST_F(ProtoOnlyClientTest, EveryRpcOfBothServicesWorks) {
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

  // --- CaseService: log two applications (UTF-8 and ASCII actors).
  Reply first = Call(case_service + ".CreateCase", kFirstCase,
                     {{"ogi-actor-bin", "张科员"}});
  ASSERT_RPC_OK(first);
  const std::string number = Value(*first.response, "case.number");
  EXPECT_EQ(number, "2025-0001");
  EXPECT_EQ(Value(*first.response, "case.agency_code"), "default");
  EXPECT_EQ(Value(*first.response, "case.status"), "CASE_STATUS_PROCESSING");
  EXPECT_EQ(Value(*first.response, "case.version"), "1");
  // In person: the receipt date is the arrival date.
  EXPECT_EQ(Value(*first.response, "case.receipt_date.year"), "2025");
  EXPECT_EQ(Value(*first.response, "case.receipt_date.month"), "3");
  EXPECT_EQ(Value(*first.response, "case.receipt_date.day"), "3");
  EXPECT_EQ(Value(*first.response, "case.created_at"), "<set>");

  Reply second = Call(case_service + ".CreateCase", kSecondCase,
                      {{"ogi-actor", "clerk-li"}});
  ASSERT_RPC_OK(second);
  const std::string second_number = Value(*second.response, "case.number");
  EXPECT_EQ(second_number, "2025-0002");
  EXPECT_EQ(Value(*second.response, "case.status"),
            "CASE_STATUS_PENDING_CONFIRMATION");
  EXPECT_EQ(Value(*second.response, "case.receipt_date"), "<unset>");

  Reply got = Call(case_service + ".GetCase",
                   absl::StrCat(R"({"number": ")", number, R"("})"));
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
  Reply updated = Call(case_service + ".UpdateCase", correction,
                       {{"ogi-actor", "clerk-li"}});
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

  // Every RPC the .proto files declare was called and answered OK.
  for (const std::string& name : {case_service, agency_service}) {
    const ServiceDescriptor* service = pool()->FindServiceByName(name);
    ASSERT_NE(service, nullptr) << name;
    ASSERT_GT(service->method_count(), 0) << name;
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      EXPECT_FALSE(method->client_streaming() || method->server_streaming())
          << method->full_name() << " streams; call it as a stream here";
      EXPECT_TRUE(exercised_.count(method->full_name()))
          << method->full_name() << " was not exercised";
    }
  }
}

TEST_F(ProtoOnlyClientTest, MissingApplicantNameIsInvalidArgumentNamingField) {
  Reply reply = Call(std::string(kCaseService) + ".CreateCase",
                     kNoApplicantName, {{"ogi-actor", "clerk-li"}});
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("applicant.name"));

  // Nothing was logged.
  Reply all = Call(std::string(kCaseService) + ".ListCases", "{}");
  ASSERT_RPC_OK(all);
  EXPECT_EQ(Value(*all.response, "total_count"), "0");
}

TEST_F(ProtoOnlyClientTest, ServerReflectionListsTheServices) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  grpc::CompletionQueue cq;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> stream =
      stub().PrepareCall(
          &context,
          "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
          &cq);
  stream->StartCall(reinterpret_cast<void*>(1));
  ASSERT_TRUE(Await(cq, 1));
  // ServerReflectionRequest { list_services = 7: "*" }: tag (7 << 3) | 2.
  stream->Write(ToByteBuffer(std::string("\x3a\x01*", 3)),
                reinterpret_cast<void*>(2));
  ASSERT_TRUE(Await(cq, 2));
  stream->WritesDone(reinterpret_cast<void*>(3));
  ASSERT_TRUE(Await(cq, 3));
  grpc::ByteBuffer response;
  stream->Read(&response, reinterpret_cast<void*>(4));
  ASSERT_TRUE(Await(cq, 4)) << "no reflection response";
  grpc::Status status;
  stream->Finish(&status, reinterpret_cast<void*>(5));
  Await(cq, 5);
  cq.Shutdown();
  void* tag;
  bool ok;
  while (cq.Next(&tag, &ok)) {
  }
  ASSERT_TRUE(status.ok()) << status.error_message();

  // ServerReflectionResponse.list_services_response (6)
  //   -> ListServiceResponse.service (1) -> ServiceResponse.name (1).
  std::vector<std::string> services;
  for (const std::string& list : RawField(FromByteBuffer(response), 6)) {
    for (const std::string& service : RawField(list, 1)) {
      for (const std::string& name : RawField(service, 1)) {
        services.push_back(name);
      }
    }
  }
  EXPECT_THAT(services, Contains(kCaseService));
  EXPECT_THAT(services, Contains(kAgencyService));
  EXPECT_THAT(services, Contains("grpc.health.v1.Health"));
  // And every service the .proto files declare.
  for (const std::string& file : proto_files_) {
    const google::protobuf::FileDescriptor* fd = pool()->FindFileByName(file);
    ASSERT_NE(fd, nullptr) << file;
    for (int i = 0; i < fd->service_count(); ++i) {
      EXPECT_THAT(services, Contains(fd->service(i)->full_name()));
    }
  }
}

TEST_F(ProtoOnlyClientTest, HealthServiceReportsServing) {
  std::string response;
  // HealthCheckRequest { service = "" }: the server as a whole.
  grpc::Status status =
      CallBytes("/grpc.health.v1.Health/Check", "", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  // HealthCheckResponse { status = 1: SERVING (1) }.
  EXPECT_EQ(RawField(response, 1), std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace ogi
