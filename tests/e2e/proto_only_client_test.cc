// A client that holds ONLY the .proto files can use the whole API.
//
// This binary links no generated ogi code: at run time it parses
// proto/ogi/v1/*.proto with protobuf's compiler::Importer, builds requests as
// dynamic messages from JSON, and calls the real ogi-server through
// grpc::GenericStub with serialized bytes. Every method of every service the
// .proto files declare must be exercised (a new RPC fails the test until it is
// covered here). The server runs with --fake_clock_start, so that
// ogi.test.v1.TestingClockService is served too and "today" is a fixed day the
// expected deadlines are worked out for. Every call carries a bearer token:
// the tester's that ServerProcess signs in (shown as 王科员), or those of the
// users the test makes through AccessService. Server reflection (both
// grpc.reflection.v1 and v1alpha) and the health service are checked with
// hand-encoded messages, as a tool like grpcurl would see them: every listed
// service must be describable from reflection's answers alone, and a long
// stream must get exactly one bounded answer per request.

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>
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

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
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
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr char kAgencyName[] = "聊城市行政审批服务局";
constexpr char kAccessService[] = "ogi.v1.AccessService";
constexpr char kCaseService[] = "ogi.v1.CaseService";
constexpr char kAgencyService[] = "ogi.v1.AgencyService";
constexpr char kProcedureService[] = "ogi.v1.ProcedureService";
constexpr char kCalendarService[] = "ogi.v1.CalendarService";
constexpr char kDeadlineService[] = "ogi.v1.DeadlineService";
constexpr char kTestingClockService[] = "ogi.test.v1.TestingClockService";
constexpr char kOutcomeService[] = "ogi.v1.OutcomeService";
constexpr char kProceedingService[] = "ogi.v1.ProceedingService";
constexpr char kReportService[] = "ogi.v1.ReportService";

// The server's clock starts on Monday 2025-10-20 at 09:00 in Asia/Shanghai
// (UTC+8 without daylight saving); every expected date below is worked out
// by hand from this day and the State Council's 2025 arrangement (National
// Day and Mid-Autumn 2025-10-01..10-08 off; Sunday 2025-09-28 and Saturday
// 2025-10-11 make-up working days).
constexpr char kFakeClockStart[] = "2025-10-20T09:00:00+08:00";

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Request metadata that signs a call in with `token`.
Metadata Bearer(const std::string& token) {
  return {{"authorization", "Bearer " + token}};
}

// A call without a token.
Metadata NoToken() { return {}; }

// Every role, for a user who does everything (administrator included: loading
// a calendar and setting the test clock are administration).
constexpr char kEveryRole[] =
    R"(["ROLE_CLERK", "ROLE_APPROVER", "ROLE_LEGAL", "ROLE_STATISTICIAN",
        "ROLE_AUDITOR", "ROLE_ADMINISTRATOR"])";

// Seconds since the Unix epoch of a civil time in China Standard Time.
int64_t ChinaUnixSeconds(int year, int month, int day, int hour) {
  return absl::ToUnixSeconds(
      absl::FromCivil(absl::CivilSecond(year, month, day, hour, 0, 0),
                      absl::FixedTimeZone(8 * 3600)));
}

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

// Shuts `cq` down and drains it.
void Drain(grpc::CompletionQueue& cq) {
  cq.Shutdown();
  void* tag;
  bool ok;
  while (cq.Next(&tag, &ok)) {
  }
}

// One server-streaming call through the generic stub, made step by step so
// that a test can act between the steps (e.g. change something only after
// the server has subscribed the call). Every wait is bounded by the call's
// 30-second deadline, so a missing message fails the test instead of hanging
// it. Not thread-safe.
class ServerStream {
 public:
  // REQUIRES: `stub` outlives the stream.
  ServerStream(grpc::GenericStub& stub, const std::string& path,
               const Metadata& metadata) {
    context_.set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(30));
    for (const auto& [key, value] : metadata) context_.AddMetadata(key, value);
    call_ = stub.PrepareCall(&context_, path, &cq_);
  }

  ServerStream(const ServerStream&) = delete;
  ServerStream& operator=(const ServerStream&) = delete;

  // Ends the call (cancelling it) unless Cancel() already did.
  ~ServerStream() {
    if (!finished_) Cancel();
  }

  // Starts the call, sends `request` and half-closes, then waits for the
  // server's initial metadata. Returns false when any step failed.
  bool Start(const std::string& request) {
    call_->StartCall(Tag());
    if (!Await(cq_, tag_)) return false;
    call_->Write(ToByteBuffer(request), Tag());
    if (!Await(cq_, tag_)) return false;
    call_->WritesDone(Tag());
    if (!Await(cq_, tag_)) return false;
    call_->ReadInitialMetadata(Tag());
    return Await(cq_, tag_);
  }

  // The next message's bytes in *bytes; false when the stream ended or failed
  // (e.g. at the deadline).
  bool Read(std::string* bytes) {
    grpc::ByteBuffer buffer;
    call_->Read(&buffer, Tag());
    if (!Await(cq_, tag_)) return false;
    *bytes = FromByteBuffer(buffer);
    return true;
  }

  // Cancels the call and returns its final status.
  grpc::Status Cancel() {
    context_.TryCancel();
    grpc::Status status;
    call_->Finish(&status, Tag());
    Await(cq_, tag_);
    Drain(cq_);
    finished_ = true;
    return status;
  }

 private:
  void* Tag() { return reinterpret_cast<void*>(++tag_); }

  grpc::ClientContext context_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
  intptr_t tag_ = 0;
  bool finished_ = false;
};

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

// Table 三 of a Report: each row's seven cells joined by ",", by row key.
std::map<std::string, std::string> Table3ByKey(const Message& report) {
  std::map<std::string, std::string> rows;
  for (const Message* row : Elements(report, "table3.rows")) {
    rows[Value(*row, "key")] = absl::StrJoin(Values(*row, "cells"), ",");
  }
  return rows;
}

// The ResultCounts at `path` of a Report as "upheld,corrected,other,pending,
// total".
std::string ResultCountsText(const Message& report, const std::string& path) {
  std::vector<std::string> counts;
  for (const char* column :
       {"upheld", "corrected", "other", "pending", "total"}) {
    counts.push_back(Value(report, absl::StrCat(path, ".", column)));
  }
  return absl::StrJoin(counts, ",");
}

#define ASSERT_RPC_OK(reply)                                                 \
  ASSERT_TRUE((reply).status.ok()) << "code " << (reply).status.error_code() \
                                   << ": " << (reply).status.error_message()

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

    dir_ = testing::MakeTempDir();
    // The fake clock makes "today" fixed (hermetic deadlines) and registers
    // TestingClockService, so every service in the .proto files is served.
    absl::StatusOr<testing::ServerProcess> server =
        testing::ServerProcess::Start(
            dir_ + "/ogi.db",
            {absl::StrCat("--agency_name=", kAgencyName),
             absl::StrCat("--fake_clock_start=", kFakeClockStart)});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::make_unique<testing::ServerProcess>(std::move(*server));
    stub_ = std::make_unique<grpc::GenericStub>(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
    ASSERT_FALSE(server_->token().empty()) << "the tester was not signed in";

    // The tester, an administrator, makes the two clerks the tests act as.
    std::string token;
    ASSERT_NO_FATAL_FAILURE(
        MakeUser("clerk-li", "clerk-li", kEveryRole, &token));
    clerk_ = Bearer(token);
    ASSERT_NO_FATAL_FAILURE(
        MakeUser("zhang", "张科员", R"(["ROLE_CLERK"])", &token));
    zhang_ = Bearer(token);
  }

  void TearDown() override {
    server_.reset();  // kills the server
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // The tester ServerProcess signed in: shown as 王科员, holding every role.
  Metadata Tester() const { return Bearer(server_->token()); }
  // clerk-li (shown so), holding every role: makes the changes.
  const Metadata& Clerk() const { return clerk_; }
  // 张科员, a clerk.
  const Metadata& Zhang() const { return zhang_; }

  // Makes (as the tester) the user `name` of the default agency, shown as
  // `display_name`, with the roles of the JSON array `roles`, and issues it a
  // token, returned in *token.
  void MakeUser(const std::string& name, const std::string& display_name,
                const std::string& roles, std::string* token) {
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
    Drain(cq);
    *response = FromByteBuffer(reply);
    return status;
  }

  // The method named `full_name` (e.g. "ogi.v1.CaseService.GetCase") in the
  // .proto files, or nullptr (and a test failure).
  const MethodDescriptor* Method(const std::string& full_name) {
    const MethodDescriptor* method = pool()->FindMethodByName(full_name);
    if (method == nullptr) {
      ADD_FAILURE() << "no method " << full_name << " in the .proto files";
    }
    return method;
  }

  // "/<service>/<method>", as on the wire.
  static std::string PathOf(const MethodDescriptor& method) {
    return absl::StrCat("/", method.service()->full_name(), "/", method.name());
  }

  // `method`'s request built from JSON, typed only by the imported
  // descriptors, serialized.
  std::string RequestBytes(const MethodDescriptor& method,
                           const std::string& json) {
    std::unique_ptr<Message> request(
        factory_.GetPrototype(method.input_type())->New());
    const auto parsed =
        google::protobuf::util::JsonStringToMessage(json, request.get());
    EXPECT_TRUE(parsed.ok())
        << method.full_name() << ": " << parsed.ToString() << "\n"
        << json;
    return request->SerializeAsString();
  }

  // `bytes` parsed as `method`'s response message, or nullptr.
  std::unique_ptr<Message> ParseResponse(const MethodDescriptor& method,
                                         const std::string& bytes) {
    std::unique_ptr<Message> response(
        factory_.GetPrototype(method.output_type())->New());
    if (!response->ParseFromString(bytes)) {
      ADD_FAILURE() << method.full_name() << ": response does not parse as "
                    << method.output_type()->full_name();
      return nullptr;
    }
    return response;
  }

  // Calls the unary method named `full_name` with a request given as JSON,
  // as the tester.
  Reply Call(const std::string& full_name, const std::string& json) {
    return Call(full_name, json, Tester());
  }

  // The same with exactly `metadata` (NoToken() for none).
  Reply Call(const std::string& full_name, const std::string& json,
             const Metadata& metadata) {
    Reply reply;
    const MethodDescriptor* method = Method(full_name);
    if (method == nullptr) {
      reply.status = grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "");
      return reply;
    }
    EXPECT_FALSE(method->client_streaming() || method->server_streaming())
        << full_name << " streams; use ServerStream";
    std::string bytes;
    reply.status = CallBytes(PathOf(*method), RequestBytes(*method, json),
                             &bytes, metadata);
    if (reply.status.ok()) {
      reply.response = ParseResponse(*method, bytes);
      if (reply.response != nullptr) exercised_.insert(method->full_name());
    }
    return reply;
  }

  // The next message of `stream`, a call of the server-streaming `method`, or
  // nullptr when the stream ended or failed.
  std::unique_ptr<Message> ReadMessage(ServerStream& stream,
                                       const MethodDescriptor& method) {
    std::string bytes;
    if (!stream.Read(&bytes)) return nullptr;
    std::unique_ptr<Message> message = ParseResponse(method, bytes);
    if (message != nullptr) exercised_.insert(method.full_name());
    return message;
  }

  // Logs an in-person application that arrived (and so was received) on
  // 2025-<month>-<day>; returns the response's case.
  std::unique_ptr<Message> CreateInPersonCase(const std::string& applicant,
                                              int month, int day,
                                              const std::string& item) {
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

  // The parts of the every-RPC test, in the order it runs them. Each leaves
  // the server as the next expects (case numbers are assigned in order).
  void ExerciseAgencyAndCaseServices();
  void ExerciseCalendarService();
  void ExerciseProcedureService();
  void ExerciseListDeadlines();
  void ExerciseWatchAlertsAndSetTime();
  void ExerciseOutcomeService();
  void ExerciseProceedingService();
  void ExerciseReportService();
  void ExerciseAccessService();

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
  Metadata clerk_;
  Metadata zhang_;
};

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

// The cases ExerciseProcedureService logs, all received in person on Friday
// 2025-09-26, in this order after the two of ExerciseAgencyAndCaseServices.
// Unchanged, each would be due on the 20th working day after receipt,
// 2025-10-30, with 8 working days left on 2025-10-20; its 补正 notice was due
// on the 7th, 2025-10-13.
constexpr char kCorrectionCase[] = "2025-0003";
constexpr char kConsultationCase[] = "2025-0004";
constexpr char kFeeCase[] = "2025-0005";
constexpr char kExtensionCase[] = "2025-0006";
constexpr char kDeferralCase[] = "2025-0007";
// 王晓明's application, the first logged (ExerciseAgencyAndCaseServices), and
// 周敏's, logged already overdue by ExerciseWatchAlertsAndSetTime.
constexpr char kFirstCaseNumber[] = "2025-0001";
constexpr char kOverdueCase[] = "2025-0008";
// Logged by ExerciseOutcomeService: its applicant never answers the 补正
// notice.
constexpr char kLapsedCase[] = "2025-0009";

TEST_F(ProtoOnlyClientTest, BinaryHasNoGeneratedOgiTypes) {
  // The point of the test: everything below comes from the .proto files.
  for (const char* service :
       {kAccessService, kCaseService, kAgencyService, kProcedureService,
        kCalendarService, kDeadlineService, kTestingClockService,
        kOutcomeService, kProceedingService, kReportService}) {
    EXPECT_EQ(
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            service),
        nullptr)
        << service;
  }
  EXPECT_THAT(proto_files_, Contains("ogi/v1/access_service.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/v1/case_service.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/v1/agency_service.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/test/v1/testing_clock.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/v1/outcome_service.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/v1/proceeding_service.proto"));
  EXPECT_THAT(proto_files_, Contains("ogi/v1/report_service.proto"));
}

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
  EXPECT_EQ(anonymous.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(anonymous.status.error_message(), HasSubstr("authorization"));

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

void ProtoOnlyClientTest::ExerciseProcedureService() {
  const std::string procedure = kProcedureService;
  const std::string case_service = kCaseService;

  // Five applications received in person on Friday 2025-09-26.
  const std::vector<std::pair<std::string, std::string>> applications = {
      {"李红梅", "2025年东昌府区老旧小区改造项目资金使用情况"},
      {"张建国", "凤凰街道某地块土地征收的征地批复"},
      {"赵丽", "2024年度本机关行政许可办理情况统计"},
      {"陈志强", "聊城市某工业园区环境影响评价审批文件"},
      {"刘芳", "2023年至2025年本机关政府采购合同"}};
  const std::vector<std::string> numbers = {kCorrectionCase, kConsultationCase,
                                            kFeeCase, kExtensionCase,
                                            kDeferralCase};
  for (size_t i = 0; i < applications.size(); ++i) {
    std::unique_ptr<Message> c = CreateInPersonCase(applications[i].first, 9,
                                                    26, applications[i].second);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(Value(*c, "number"), numbers[i]);
    EXPECT_EQ(DateAt(*c, "receipt_date"), "2025-09-26");
    EXPECT_EQ(Value(*c, "deadlines.state"), "CLOCK_STATE_RUNNING");
    EXPECT_EQ(DateAt(*c, "deadlines.clock_start"), "2025-09-26");
    EXPECT_EQ(DateAt(*c, "deadlines.answer_due"), "2025-10-30");
    EXPECT_EQ(Value(*c, "deadlines.allowed_working_days"), "20");
    // (10-20, 10-30]: 10-21..24 and 10-27..30.
    EXPECT_EQ(Value(*c, "deadlines.working_days_left"), "8");
    EXPECT_EQ(DateAt(*c, "deadlines.correction_notice_due"), "2025-10-13");
    EXPECT_EQ(Value(*c, "deadlines.correction_notice_late"), "true");
  }

  // --- 补正: notice on Monday 09-29 (in time), supplement on 10-14.
  Reply notice = Call(procedure + ".SendCorrectionNotice",
                      absl::Substitute(R"json({"number": "$0",
                        "sent": {"year": 2025, "month": 9, "day": 29},
                        "items_to_supplement": "请补充申请人身份证明复印件",
                        "applicant_deadline": {"year": 2025, "month": 10,
                                               "day": 24}})json",
                                       kCorrectionCase),
                      Clerk());
  ASSERT_RPC_OK(notice);
  EXPECT_EQ(Value(*notice.response, "case.version"), "2");
  EXPECT_EQ(Value(*notice.response, "case.status"),
            "CASE_STATUS_AWAITING_CORRECTION");
  EXPECT_EQ(DateAt(*notice.response, "case.procedure.correction.sent"),
            "2025-09-29");
  EXPECT_EQ(
      Value(*notice.response, "case.procedure.correction.items_to_supplement"),
      "请补充申请人身份证明复印件");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.state"),
            "CLOCK_STATE_AWAITING_CORRECTION");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.answer_due"), "<unset>");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.correction_notice_late"),
            "false");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_CORRECTION");
  EXPECT_EQ(DateAt(*notice.response, "case.deadlines.window_end"),
            "2025-10-24");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_lapsed"), "false");

  // A second notice is against Art. 30.
  Reply second_notice = Call(procedure + ".SendCorrectionNotice",
                             absl::Substitute(R"json({"number": "$0",
                               "sent": {"year": 2025, "month": 10, "day": 9},
                               "items_to_supplement": "补充委托书",
                               "applicant_deadline": {"year": 2025,
                                                      "month": 10,
                                                      "day": 24}})json",
                                              kCorrectionCase),
                             Clerk());
  EXPECT_EQ(second_notice.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // The clock restarts from Tuesday 10-14: its 20th working day is 11-11
  // (10-15..17, 10-20..24, 10-27..31, 11-03..07, 11-10..11); 4 of them lie on
  // or before 10-20.
  Reply supplement = Call(procedure + ".ReceiveSupplement",
                          absl::Substitute(R"json({"number": "$0",
                            "received": {"year": 2025, "month": 10,
                                         "day": 14}})json",
                                           kCorrectionCase),
                          Clerk());
  ASSERT_RPC_OK(supplement);
  EXPECT_EQ(Value(*supplement.response, "case.version"), "3");
  EXPECT_EQ(Value(*supplement.response, "case.status"),
            "CASE_STATUS_PROCESSING");
  EXPECT_EQ(DateAt(*supplement.response,
                   "case.procedure.correction.supplement_received"),
            "2025-10-14");
  EXPECT_EQ(Value(*supplement.response, "case.deadlines.state"),
            "CLOCK_STATE_RUNNING");
  EXPECT_EQ(DateAt(*supplement.response, "case.deadlines.clock_start"),
            "2025-10-14");
  EXPECT_EQ(DateAt(*supplement.response, "case.deadlines.answer_due"),
            "2025-11-11");
  EXPECT_EQ(Value(*supplement.response, "case.deadlines.working_days_left"),
            "16");

  Reply history =
      Call(case_service + ".ListCaseHistory",
           absl::Substitute(R"({"number": "$0"})", kCorrectionCase));
  ASSERT_RPC_OK(history);
  const std::vector<const Message*> events =
      Elements(*history.response, "events");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(Value(*events[1], "type"),
            "CASE_EVENT_TYPE_CORRECTION_NOTICE_SENT");
  EXPECT_EQ(Value(*events[2], "type"), "CASE_EVENT_TYPE_SUPPLEMENT_RECEIVED");
  EXPECT_EQ(Value(*events[2], "actor"), "clerk-li");
  const Message* due_change = ChangeOf(*events[2], "deadlines.answer_due");
  ASSERT_NE(due_change, nullptr);
  EXPECT_EQ(Value(*due_change, "old_value"), "");
  EXPECT_EQ(Value(*due_change, "new_value"), "2025-11-11");
  const Message* status_change = ChangeOf(*events[2], "status");
  ASSERT_NE(status_change, nullptr);
  // FieldChange values are canonical text: enums as lower-case identifiers.
  EXPECT_EQ(Value(*status_change, "old_value"), "awaiting_correction");
  EXPECT_EQ(Value(*status_change, "new_value"), "processing");

  // No notice, so nothing to supplement.
  Reply stray = Call(procedure + ".ReceiveSupplement",
                     absl::Substitute(R"json({"number": "$0",
                       "received": {"year": 2025, "month": 10,
                                    "day": 14}})json",
                                      kConsultationCase),
                     Clerk());
  EXPECT_EQ(stray.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // --- Consultation: letter sent 09-29, received by the party 09-30.
  // While open, the pause is projected to the end of the party's 15 working
  // days (10-09..11, 10-13..17, 10-20..24, 10-27..28: 10-28), so the days
  // 09-29..10-28 do not count: 09-28 is the 1st, 10-29 the 2nd, ... 11-24
  // the 20th.
  Reply consultation = Call(procedure + ".SendConsultation",
                            absl::Substitute(R"json({"number": "$0",
                              "kind": "CONSULTED_PARTY_KIND_THIRD_PARTY",
                              "party": "聊城市东昌置业有限公司",
                              "sent": {"year": 2025, "month": 9, "day": 29},
                              "party_received": {"year": 2025, "month": 9,
                                                 "day": 30}})json",
                                             kConsultationCase),
                            Clerk());
  ASSERT_RPC_OK(consultation);
  const std::vector<const Message*> letters =
      Elements(*consultation.response, "case.procedure.consultations");
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(Value(*letters[0], "id"), "1");
  EXPECT_EQ(Value(*letters[0], "kind"), "CONSULTED_PARTY_KIND_THIRD_PARTY");
  EXPECT_EQ(Value(*letters[0], "party"), "聊城市东昌置业有限公司");
  EXPECT_EQ(Value(*consultation.response, "case.deadlines.state"),
            "CLOCK_STATE_PAUSED_CONSULTATION");
  EXPECT_EQ(DateAt(*consultation.response, "case.deadlines.answer_due"),
            "2025-11-24");

  // The reply on 10-10 ends the pause: only 09-29, 09-30, 10-09 and 10-10
  // are lost, so the 20th working day is 11-05 (the 24th after receipt);
  // 10-21..24, 10-27..31 and 11-03..05 are left.
  Reply reply = Call(procedure + ".ReceiveConsultationReply",
                     absl::Substitute(R"json({"number": "$0",
                       "consultation_id": 0,
                       "received": {"year": 2025, "month": 10,
                                    "day": 10}})json",
                                      kConsultationCase),
                     Clerk());
  ASSERT_RPC_OK(reply);
  const std::vector<const Message*> replied =
      Elements(*reply.response, "case.procedure.consultations");
  ASSERT_EQ(replied.size(), 1u);
  EXPECT_EQ(DateAt(*replied[0], "reply_received"), "2025-10-10");
  EXPECT_EQ(Value(*reply.response, "case.deadlines.state"),
            "CLOCK_STATE_RUNNING");
  EXPECT_EQ(DateAt(*reply.response, "case.deadlines.answer_due"), "2025-11-05");
  EXPECT_EQ(Value(*reply.response, "case.deadlines.working_days_left"), "12");

  // --- Fee: per page, 50 pages: the first 30 are free, 20 at 10 yuan.
  // Served on 10-09; the payment window is 20 working days (10-10..11-05).
  // Unpaid, the pause is projected to the window's end: 09-28..30 count,
  // then 11-06 is the 4th, ... 11-28 the 20th.
  Reply fee = Call(procedure + ".IssueFeeNotice",
                   absl::Substitute(R"json({"number": "$0",
                     "method": "FEE_METHOD_PER_PAGE", "pages": 50,
                     "served": {"year": 2025, "month": 10, "day": 9}})json",
                                    kFeeCase),
                   Clerk());
  ASSERT_RPC_OK(fee);
  EXPECT_EQ(Value(*fee.response, "case.procedure.fee.method"),
            "FEE_METHOD_PER_PAGE");
  EXPECT_EQ(Value(*fee.response, "case.procedure.fee.pages"), "50");
  EXPECT_EQ(Value(*fee.response, "case.procedure.fee.amount_yuan"), "200");
  EXPECT_EQ(Value(*fee.response, "case.deadlines.state"),
            "CLOCK_STATE_PAUSED_FEE");
  EXPECT_EQ(Value(*fee.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_FEE_PAYMENT");
  EXPECT_EQ(DateAt(*fee.response, "case.deadlines.window_end"), "2025-11-05");
  EXPECT_EQ(DateAt(*fee.response, "case.deadlines.answer_due"), "2025-11-28");

  // Paid on 10-14: 10-09..11 and 10-13..14 are lost, so the 20th working day
  // is 11-06 (the 25th after receipt), 13 left after 10-20.
  Reply paid = Call(procedure + ".ReceiveFeePayment",
                    absl::Substitute(R"json({"number": "$0",
                      "paid": {"year": 2025, "month": 10, "day": 14}})json",
                                     kFeeCase),
                    Clerk());
  ASSERT_RPC_OK(paid);
  EXPECT_EQ(DateAt(*paid.response, "case.procedure.fee.paid"), "2025-10-14");
  EXPECT_EQ(Value(*paid.response, "case.deadlines.state"),
            "CLOCK_STATE_RUNNING");
  EXPECT_EQ(Value(*paid.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_UNSPECIFIED");
  EXPECT_EQ(DateAt(*paid.response, "case.deadlines.answer_due"), "2025-11-06");
  EXPECT_EQ(Value(*paid.response, "case.deadlines.working_days_left"), "13");

  // --- Extension by 20 working days, notified today (before 10-30): the
  // 40th working day after receipt is 11-27, 28 of them after 10-20.
  Reply extended = Call(procedure + ".ExtendDeadline",
                        absl::Substitute(R"json({"number": "$0",
                          "working_days": 20, "approver": "办公室主任赵志刚",
                          "approved": {"year": 2025, "month": 10, "day": 17},
                          "notified": {"year": 2025, "month": 10,
                                       "day": 20}})json",
                                         kExtensionCase),
                        Clerk());
  ASSERT_RPC_OK(extended);
  EXPECT_EQ(Value(*extended.response, "case.procedure.extension.working_days"),
            "20");
  EXPECT_EQ(Value(*extended.response, "case.procedure.extension.approver"),
            "办公室主任赵志刚");
  EXPECT_EQ(Value(*extended.response, "case.deadlines.allowed_working_days"),
            "40");
  EXPECT_EQ(DateAt(*extended.response, "case.deadlines.answer_due"),
            "2025-11-27");
  EXPECT_EQ(Value(*extended.response, "case.deadlines.working_days_left"),
            "28");
  // Art. 33 allows one extension.
  Reply again = Call(procedure + ".ExtendDeadline",
                     absl::Substitute(R"json({"number": "$0",
                       "working_days": 5, "approver": "办公室主任赵志刚",
                       "notified": {"year": 2025, "month": 10,
                                    "day": 20}})json",
                                      kExtensionCase),
                     Clerk());
  EXPECT_EQ(again.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // --- Art. 35 deferral to 12-31: 41 working days after receipt run to
  // 11-28, December has 23 more, so 64 - 12 = 52 are left after 10-20.
  Reply deferred = Call(procedure + ".DeferDeadline",
                        absl::Substitute(R"json({"number": "$0",
                          "new_due": {"year": 2025, "month": 12, "day": 31},
                          "notified": {"year": 2025, "month": 10, "day": 20},
                          "reason": "申请内容涉及多个部门，需协调后答复"})json",
                                         kDeferralCase),
                        Clerk());
  ASSERT_RPC_OK(deferred);
  EXPECT_EQ(DateAt(*deferred.response, "case.procedure.deferral.new_due"),
            "2025-12-31");
  EXPECT_EQ(Value(*deferred.response, "case.procedure.deferral.reason"),
            "申请内容涉及多个部门，需协调后答复");
  EXPECT_EQ(DateAt(*deferred.response, "case.deadlines.answer_due"),
            "2025-12-31");
  EXPECT_EQ(Value(*deferred.response, "case.deadlines.working_days_left"),
            "52");

  // A procedural step records who made it: it needs a signed-in caller.
  Reply anonymous = Call(procedure + ".DeferDeadline",
                         absl::Substitute(R"json({"number": "$0",
                           "new_due": {"year": 2026, "month": 1, "day": 30},
                           "notified": {"year": 2025, "month": 10, "day": 20},
                           "reason": "再次延期"})json",
                                          kExtensionCase),
                         NoToken());
  EXPECT_EQ(anonymous.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(anonymous.status.error_message(), HasSubstr("authorization"));
}

void ProtoOnlyClientTest::ExerciseListDeadlines() {
  // As of Monday 2025-10-20, within 12 working days, most urgent first:
  // 2025-0001 is overdue (due 03-31); 0004 is due 11-05 with exactly 12
  // working days left. The 补正 notice duties of 0001 (due 03-12) and
  // 0004..0007 (due 10-13) lapsed unsent: nothing can be done about them any
  // more, so they are not listed. 0005 (13 left), 0003 (16; its notice was
  // sent), 0006 and 0007 need nothing yet. The unconfirmed 0002 is listed
  // whatever the horizon: its receipt confirmation was due 03-06 (the
  // default 2 working days after its arrival).
  Reply listed = Call(std::string(kDeadlineService) + ".ListDeadlines",
                      R"({"within_working_days": 12})");
  ASSERT_RPC_OK(listed);
  EXPECT_EQ(DateAt(*listed.response, "as_of"), "2025-10-20");
  std::vector<std::string> got;
  for (const Message* alert : Elements(*listed.response, "alerts")) {
    got.push_back(absl::StrCat(Value(*alert, "number"), " ",
                               Value(*alert, "kind"), " ",
                               DateAt(*alert, "due")));
    EXPECT_EQ(DateAt(*alert, "as_of"), "2025-10-20");
    EXPECT_EQ(Value(*alert, "agency_code"), "default");
  }
  EXPECT_THAT(
      got,
      ElementsAre("2025-0001 ALERT_KIND_ANSWER_OVERDUE 2025-03-31",
                  "2025-0002 ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-03-06",
                  "2025-0004 ALERT_KIND_ANSWER_DUE_SOON 2025-11-05"));
  std::vector<const Message*> alerts = Elements(*listed.response, "alerts");
  ASSERT_EQ(alerts.size(), 3u);
  alerts.erase(alerts.begin() + 1);  // the confirmation; the answers follow
  EXPECT_EQ(Value(*alerts[0], "applicant_name"), "王晓明");
  int overdue = 0;
  ASSERT_TRUE(
      absl::SimpleAtoi(Value(*alerts[0], "working_days_left"), &overdue));
  EXPECT_LT(overdue, 0);
  EXPECT_EQ(Value(*alerts[1], "working_days_left"), "12");
  EXPECT_EQ(Value(*alerts[1], "applicant_name"), "张建国");

  Reply too_far = Call(std::string(kDeadlineService) + ".ListDeadlines",
                       R"({"within_working_days": 61})");
  EXPECT_EQ(too_far.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

void ProtoOnlyClientTest::ExerciseWatchAlertsAndSetTime() {
  const MethodDescriptor* watch =
      Method(std::string(kDeadlineService) + ".WatchAlerts");
  ASSERT_NE(watch, nullptr);
  ASSERT_TRUE(watch->server_streaming() && !watch->client_streaming());
  ServerStream stream(stub(), PathOf(*watch), Tester());
  // Initial metadata means the server has subscribed this watcher.
  ASSERT_TRUE(stream.Start(RequestBytes(*watch, "{}")))
      << "WatchAlerts did not start";

  // Jump to Wednesday 2025-11-05. SetTime answers once the resulting alerts
  // are queued on the stream. Three cases cross a threshold:
  //   0003 (due 11-11): 11-06, 11-07, 11-10, 11-11 left -> within 5;
  //   0004 (due 11-05): due today;
  //   0005 (due 11-06): 1 left -> within 1.
  // 0001 was already overdue and every unsent 补正 duty already late; 0006
  // (due 11-27) and 0007 (12-31) are far off.
  const int64_t moved_to = ChinaUnixSeconds(2025, 11, 5, 9);
  Reply set = Call(std::string(kTestingClockService) + ".SetTime",
                   R"({"time": "2025-11-05T09:00:00+08:00"})", Clerk());
  ASSERT_RPC_OK(set);
  EXPECT_EQ(Value(*set.response, "time.seconds"), absl::StrCat(moved_to));

  std::map<std::string, std::unique_ptr<Message>> by_number;
  for (int i = 0; i < 3; ++i) {
    std::unique_ptr<Message> alert = ReadMessage(stream, *watch);
    ASSERT_NE(alert, nullptr) << "alert " << i + 1 << " of 3 did not arrive";
    const std::string number = Value(*alert, "number");
    EXPECT_TRUE(by_number.emplace(number, std::move(alert)).second)
        << "two alerts for " << number;
  }
  for (const char* number : {kCorrectionCase, kConsultationCase, kFeeCase}) {
    ASSERT_TRUE(by_number.count(number)) << "no alert for " << number;
    const Message& alert = *by_number[number];
    EXPECT_EQ(Value(alert, "agency_code"), "default") << number;
    EXPECT_EQ(DateAt(alert, "as_of"), "2025-11-05") << number;
    EXPECT_EQ(Value(alert, "raised_at.seconds"), absl::StrCat(moved_to))
        << number;
    EXPECT_EQ(Value(alert, "provisional"), "false") << number;
  }
  const Message& soon = *by_number[kCorrectionCase];
  EXPECT_EQ(Value(soon, "applicant_name"), "李红梅");
  EXPECT_EQ(Value(soon, "kind"), "ALERT_KIND_ANSWER_DUE_SOON");
  EXPECT_EQ(DateAt(soon, "due"), "2025-11-11");
  EXPECT_EQ(Value(soon, "working_days_left"), "4");
  EXPECT_EQ(Value(soon, "threshold"), "5");
  const Message& today = *by_number[kConsultationCase];
  EXPECT_EQ(Value(today, "kind"), "ALERT_KIND_ANSWER_DUE_TODAY");
  EXPECT_EQ(DateAt(today, "due"), "2025-11-05");
  EXPECT_EQ(Value(today, "working_days_left"), "0");
  EXPECT_THAT(Value(today, "message"), HasSubstr("今日到期"));
  const Message& last_day = *by_number[kFeeCase];
  EXPECT_EQ(Value(last_day, "kind"), "ALERT_KIND_ANSWER_DUE_SOON");
  EXPECT_EQ(DateAt(last_day, "due"), "2025-11-06");
  EXPECT_EQ(Value(last_day, "working_days_left"), "1");
  EXPECT_EQ(Value(last_day, "threshold"), "1");

  // Logging an application that is already overdue alerts at once. Received
  // Monday 2025-09-01: its 20th working day is Sunday 09-28 (a make-up day),
  // 23 working days before 11-05 (09-29..30, 10-09..11, 10-13..17, 10-20..24,
  // 10-27..31, 11-03..05); its 补正 notice was due on the 7th, 09-10, 36
  // working days before 11-05. Read next, these also show that the clock
  // move queued nothing more than the three alerts above.
  std::unique_ptr<Message> late =
      CreateInPersonCase("周敏", 9, 1, "2025年本机关信访事项办理情况");
  ASSERT_NE(late, nullptr);
  const std::string late_number = Value(*late, "number");
  EXPECT_EQ(late_number, "2025-0008");
  EXPECT_EQ(DateAt(*late, "deadlines.answer_due"), "2025-09-28");
  EXPECT_EQ(Value(*late, "deadlines.working_days_left"), "-23");

  std::unique_ptr<Message> overdue = ReadMessage(stream, *watch);
  ASSERT_NE(overdue, nullptr) << "no alert for the overdue case";
  EXPECT_EQ(Value(*overdue, "number"), late_number);
  EXPECT_EQ(Value(*overdue, "applicant_name"), "周敏");
  EXPECT_EQ(Value(*overdue, "kind"), "ALERT_KIND_ANSWER_OVERDUE");
  EXPECT_EQ(DateAt(*overdue, "due"), "2025-09-28");
  EXPECT_EQ(Value(*overdue, "working_days_left"), "-23");
  EXPECT_EQ(Value(*overdue, "threshold"), "0");
  EXPECT_EQ(DateAt(*overdue, "as_of"), "2025-11-05");
  std::unique_ptr<Message> duty = ReadMessage(stream, *watch);
  ASSERT_NE(duty, nullptr) << "no 补正 duty alert for the overdue case";
  EXPECT_EQ(Value(*duty, "number"), late_number);
  EXPECT_EQ(Value(*duty, "kind"), "ALERT_KIND_CORRECTION_NOTICE_DUE");
  EXPECT_EQ(DateAt(*duty, "due"), "2025-09-10");
  EXPECT_EQ(Value(*duty, "working_days_left"), "-36");

  // The stream never ends by itself: the client cancels it.
  EXPECT_EQ(stream.Cancel().error_code(), grpc::StatusCode::CANCELLED);
}

void ProtoOnlyClientTest::ExerciseOutcomeService() {
  const std::string outcome = kOutcomeService;
  const std::string case_service = kCaseService;
  // Today is Wednesday 2025-11-05, where ExerciseWatchAlertsAndSetTime left
  // the clock.

  // --- 王晓明's two items got different answers: the compensation plan was
  // disclosed, the approval's internal deliberations withheld, so the case
  // counts as 部分公开 (SPEC §4 rule 2), its legal basis filled in from both
  // outcomes. Posted on 2025-04-08, after the due date 03-31: accepted, and
  // flagged as late.
  Reply partial = Call(outcome + ".ConcludeCase",
                       absl::Substitute(R"json({"number": "$0",
                         "dispositions": [
                           {"item": 1, "outcome": "OUTCOME_DISCLOSED"},
                           {"item": 2,
                            "outcome": "OUTCOME_WITHHELD_PROCESS_INFORMATION"}],
                         "provided_summary": "房屋征收补偿方案全文",
                         "withheld_summary": "立项审批过程中的部门间讨论记录",
                         "service_method": "SERVICE_METHOD_POSTED",
                         "served": {"year": 2025, "month": 4, "day": 8}})json",
                                        kFirstCaseNumber),
                       Clerk());
  ASSERT_RPC_OK(partial);
  EXPECT_EQ(Value(*partial.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_ANSWERED");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.derived_outcome"),
            "OUTCOME_PARTIALLY_DISCLOSED");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.outcome"),
            "OUTCOME_PARTIALLY_DISCLOSED");
  // Art. 37 for the partial disclosure, Art. 16 ¶2 for process information.
  EXPECT_THAT(Value(*partial.response, "case.conclusion.legal_basis"),
              AllOf(HasSubstr("第三十七条"), HasSubstr("第十六条第二款")));
  EXPECT_EQ(DateAt(*partial.response, "case.conclusion.served"), "2025-04-08");
  EXPECT_EQ(DateAt(*partial.response, "case.conclusion.due_date"),
            "2025-03-31");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.served_late"), "true");

  // A case is concluded once; a change is a correction.
  Reply twice = Call(outcome + ".ConcludeCase",
                     absl::Substitute(R"json({"number": "$0",
                       "outcome": "OUTCOME_DISCLOSED",
                       "service_method": "SERVICE_METHOD_POSTED",
                       "served": {"year": 2025, "month": 4, "day": 9}})json",
                                      kFirstCaseNumber),
                     Clerk());
  EXPECT_EQ(twice.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // --- 张建国's answer, handed over on its due date (today): in time.
  Reply disclosed = Call(outcome + ".ConcludeCase",
                         absl::Substitute(R"json({"number": "$0",
                           "outcome": "OUTCOME_DISCLOSED",
                           "service_method": "SERVICE_METHOD_SIGNED_IN_PERSON",
                           "served": {"year": 2025, "month": 11,
                                      "day": 5}})json",
                                          kConsultationCase),
                         Clerk());
  ASSERT_RPC_OK(disclosed);
  EXPECT_EQ(Value(*disclosed.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*disclosed.response, "case.conclusion.outcome"),
            "OUTCOME_DISCLOSED");
  EXPECT_EQ(DateAt(*disclosed.response, "case.conclusion.due_date"),
            "2025-11-05");
  EXPECT_EQ(Value(*disclosed.response, "case.conclusion.served_late"), "false");

  // The post office's receipt shows it was in fact posted the day before:
  // the conclusion is corrected, with the reason, and the history keeps both.
  Reply corrected = Call(outcome + ".CorrectConclusion",
                         absl::Substitute(R"json({"number": "$0",
                           "conclusion": {
                             "dispositions": [{"item": 1,
                                               "outcome": "OUTCOME_DISCLOSED"}],
                             "service_method": "SERVICE_METHOD_POSTED",
                             "served": {"year": 2025, "month": 11, "day": 4}},
                           "reason": "邮寄回执显示答复书于11月4日交邮"})json",
                                          kConsultationCase),
                         Clerk());
  ASSERT_RPC_OK(corrected);
  EXPECT_EQ(Value(*corrected.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_ANSWERED");
  EXPECT_EQ(Value(*corrected.response, "case.conclusion.outcome"),
            "OUTCOME_DISCLOSED");
  EXPECT_EQ(Value(*corrected.response, "case.conclusion.service_method"),
            "SERVICE_METHOD_POSTED");
  EXPECT_EQ(DateAt(*corrected.response, "case.conclusion.served"),
            "2025-11-04");
  EXPECT_EQ(DateAt(*corrected.response, "case.conclusion.due_date"),
            "2025-11-05");
  Reply history =
      Call(case_service + ".ListCaseHistory",
           absl::Substitute(R"({"number": "$0"})", kConsultationCase));
  ASSERT_RPC_OK(history);
  const std::vector<const Message*> events =
      Elements(*history.response, "events");
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(Value(*events[events.size() - 2], "type"),
            "CASE_EVENT_TYPE_CONCLUDED");
  const Message& correction = *events.back();
  EXPECT_EQ(Value(correction, "type"), "CASE_EVENT_TYPE_CONCLUSION_CORRECTED");
  EXPECT_EQ(Value(correction, "actor"), "clerk-li");
  EXPECT_EQ(Value(correction, "reason"), "邮寄回执显示答复书于11月4日交邮");
  const Message* served_change = ChangeOf(correction, "conclusion.served");
  ASSERT_NE(served_change, nullptr);
  EXPECT_EQ(Value(*served_change, "old_value"), "2025-11-05");
  EXPECT_EQ(Value(*served_change, "new_value"), "2025-11-04");
  const Message* method_change =
      ChangeOf(correction, "conclusion.service_method");
  ASSERT_NE(method_change, nullptr);
  EXPECT_EQ(Value(*method_change, "old_value"), "signed_in_person");
  EXPECT_EQ(Value(*method_change, "new_value"), "posted");

  // --- 刘芳 withdrew by telephone on 10-31: concluded as 其他. The deferred
  // due date (12-31) is what it was concluded against.
  Reply withdrawn = Call(outcome + ".WithdrawCase",
                         absl::Substitute(R"json({"number": "$0",
                           "withdrawn": {"year": 2025, "month": 10, "day": 31},
                           "note": "申请人来电撤回申请，已记录通话"})json",
                                          kDeferralCase),
                         Clerk());
  ASSERT_RPC_OK(withdrawn);
  EXPECT_EQ(Value(*withdrawn.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*withdrawn.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_WITHDRAWN");
  EXPECT_EQ(Value(*withdrawn.response, "case.conclusion.outcome"),
            "OUTCOME_OTHER");
  EXPECT_EQ(Value(*withdrawn.response, "case.conclusion.note"),
            "申请人来电撤回申请，已记录通话");
  EXPECT_EQ(DateAt(*withdrawn.response, "case.conclusion.served"),
            "2025-10-31");
  EXPECT_EQ(DateAt(*withdrawn.response, "case.conclusion.due_date"),
            "2025-12-31");

  // --- A vague application received in person on Thursday 10-09; the 补正
  // notice of 10-10 gives the applicant until Friday 10-24, and nothing
  // comes.
  std::unique_ptr<Message> vague =
      CreateInPersonCase("孙伟", 10, 9, "关于我家附近那块地的所有文件");
  ASSERT_NE(vague, nullptr);
  EXPECT_EQ(Value(*vague, "number"), kLapsedCase);
  Reply notice = Call(std::string(kProcedureService) + ".SendCorrectionNotice",
                      absl::Substitute(R"json({"number": "$0",
                        "sent": {"year": 2025, "month": 10, "day": 10},
                        "items_to_supplement":
                            "请写明所申请地块的位置及所需文件的名称",
                        "applicant_deadline": {"year": 2025, "month": 10,
                                               "day": 24}})json",
                                       kLapsedCase),
                      Clerk());
  ASSERT_RPC_OK(notice);
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_CORRECTION");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_lapsed"), "true");
  // On the window's last day nothing has lapsed yet.
  Reply early = Call(outcome + ".ConfirmLapse",
                     absl::Substitute(R"json({"number": "$0",
                       "concluded": {"year": 2025, "month": 10,
                                     "day": 24}})json",
                                      kLapsedCase),
                     Clerk());
  EXPECT_EQ(early.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(early.status.error_message(), HasSubstr("2025-10-24"));
  Reply lapsed = Call(outcome + ".ConfirmLapse",
                      absl::Substitute(R"json({"number": "$0",
                        "concluded": {"year": 2025, "month": 10, "day": 28},
                        "service_method": "SERVICE_METHOD_POSTED",
                        "note": "申请人逾期未补正，已邮寄告知不再处理"})json",
                                       kLapsedCase),
                      Clerk());
  ASSERT_RPC_OK(lapsed);
  EXPECT_EQ(Value(*lapsed.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*lapsed.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_CORRECTION_LAPSED");
  EXPECT_EQ(Value(*lapsed.response, "case.conclusion.outcome"),
            "OUTCOME_OTHER_CORRECTION_LAPSED");
  EXPECT_EQ(DateAt(*lapsed.response, "case.conclusion.served"), "2025-10-28");
  // While awaiting the supplement no answer was due.
  EXPECT_EQ(DateAt(*lapsed.response, "case.conclusion.due_date"), "<unset>");
  EXPECT_EQ(Value(*lapsed.response, "case.conclusion.served_late"), "false");
  // (RecordReAnswer follows a decision: ExerciseProceedingService.)
}

void ProtoOnlyClientTest::ExerciseProceedingService() {
  const std::string proceeding = kProceedingService;

  // --- 王晓明 asks 聊城市人民政府 to review the partial disclosure of 04-08.
  // The agency got the copy on Friday 04-25: its defence is due on the 10th
  // working day after, Tuesday 05-13 (Sunday 04-27 is a make-up day (1),
  // 04-28..30 (2..4), 05-01..05 off, 05-06..09 (5..8), 05-12..13 (9..10)).
  // Accepted on 04-28, the decision is expected 60 days later, Friday 06-27.
  Reply filed = Call(proceeding + ".FileReview",
                     absl::Substitute(R"json({"number": "$0", "review": {
                       "organ": "聊城市人民政府",
                       "filed": {"year": 2025, "month": 4, "day": 21},
                       "copy_received": {"year": 2025, "month": 4, "day": 25},
                       "accepted": {"year": 2025, "month": 4,
                                    "day": 28}}})json",
                                      kFirstCaseNumber),
                     Clerk());
  ASSERT_RPC_OK(filed);
  const std::string review_id = Value(*filed.response, "review.id");
  EXPECT_EQ(review_id, "2025-0001-R1");
  EXPECT_EQ(Value(*filed.response, "review.organ"), "聊城市人民政府");
  EXPECT_EQ(Value(*filed.response, "review.procedure"),
            "REVIEW_PROCEDURE_ORDINARY");
  EXPECT_EQ(DateAt(*filed.response, "review.defence_due"), "2025-05-13");
  EXPECT_EQ(DateAt(*filed.response, "review.decision_expected"), "2025-06-27");
  EXPECT_EQ(Value(*filed.response, "review.column"), "RESULT_COLUMN_PENDING");
  EXPECT_EQ(Value(*filed.response, "review.dates_provisional"), "false");
  EXPECT_EQ(Elements(*filed.response, "case.reviews").size(), 1u);

  // The defence went in on 05-12 and the organ took its 30 more days once:
  // 90 days after 04-28 is Sunday 07-27, so Monday 07-28.
  Reply progress = Call(proceeding + ".RecordReviewProgress",
                        absl::Substitute(R"json({"id": "$0",
                          "defence_filed": {"year": 2025, "month": 5,
                                            "day": 12},
                          "extend_decision_period": true})json",
                                         review_id),
                        Clerk());
  ASSERT_RPC_OK(progress);
  EXPECT_EQ(DateAt(*progress.response, "review.defence_filed"), "2025-05-12");
  EXPECT_EQ(Value(*progress.response, "review.decision_period_extended"),
            "true");
  EXPECT_EQ(DateAt(*progress.response, "review.decision_expected"),
            "2025-07-28");

  Reply upheld = Call(proceeding + ".DecideReview",
                      absl::Substitute(R"json({"id": "$0",
                        "decision": "PROCEEDING_DECISION_UPHELD",
                        "decided": {"year": 2025, "month": 7,
                                    "day": 21}})json",
                                       review_id),
                      Clerk());
  ASSERT_RPC_OK(upheld);
  EXPECT_EQ(Value(*upheld.response, "review.decision"),
            "PROCEEDING_DECISION_UPHELD");
  EXPECT_EQ(DateAt(*upheld.response, "review.decided"), "2025-07-21");
  EXPECT_EQ(Value(*upheld.response, "review.column"), "RESULT_COLUMN_UPHELD");
  Reply decided_again = Call(proceeding + ".DecideReview",
                             absl::Substitute(R"json({"id": "$0",
                               "decision": "PROCEEDING_DECISION_REVOKED",
                               "decided": {"year": 2025, "month": 7,
                                           "day": 22}})json",
                                              review_id),
                             Clerk());
  EXPECT_EQ(decided_again.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // --- He then sues (复议后起诉). The complaint copy arrived Friday 08-08:
  // the defence is due 15 days later, Saturday 08-23, so Monday 08-25. The
  // judgment is expected 6 months after filing, Wednesday 2026-02-04.
  Reply sued = Call(proceeding + ".FileLawsuit",
                    absl::Substitute(R"json({"number": "$0", "lawsuit": {
                      "court": "聊城市东昌府区人民法院",
                      "filed": {"year": 2025, "month": 8, "day": 4},
                      "complaint_received": {"year": 2025, "month": 8,
                                             "day": 8},
                      "after_review_id": "$1"}})json",
                                     kFirstCaseNumber, review_id),
                    Clerk());
  ASSERT_RPC_OK(sued);
  const std::string lawsuit_id = Value(*sued.response, "lawsuit.id");
  EXPECT_EQ(lawsuit_id, "2025-0001-L1");
  EXPECT_EQ(Value(*sued.response, "lawsuit.route"),
            "LAWSUIT_ROUTE_AFTER_REVIEW");
  EXPECT_EQ(Value(*sued.response, "lawsuit.role"), "LAWSUIT_ROLE_DEFENDANT");
  EXPECT_EQ(DateAt(*sued.response, "lawsuit.defence_due"), "2025-08-25");
  EXPECT_EQ(DateAt(*sued.response, "lawsuit.judgment_expected"), "2026-02-04");
  EXPECT_EQ(Value(*sued.response, "lawsuit.column"), "RESULT_COLUMN_PENDING");

  Reply answered = Call(proceeding + ".RecordLawsuitProgress",
                        absl::Substitute(R"json({"id": "$0",
                          "defence_filed": {"year": 2025, "month": 8,
                                            "day": 20}})json",
                                         lawsuit_id),
                        Clerk());
  ASSERT_RPC_OK(answered);
  EXPECT_EQ(DateAt(*answered.response, "lawsuit.defence_filed"), "2025-08-20");

  Reply judged = Call(proceeding + ".JudgeLawsuit",
                      absl::Substitute(R"json({"id": "$0",
                        "decision": "PROCEEDING_DECISION_CLAIM_DISMISSED",
                        "date": {"year": 2025, "month": 9, "day": 30}})json",
                                       lawsuit_id),
                      Clerk());
  ASSERT_RPC_OK(judged);
  EXPECT_EQ(Value(*judged.response, "lawsuit.first_instance.decision"),
            "PROCEEDING_DECISION_CLAIM_DISMISSED");
  EXPECT_EQ(Value(*judged.response, "lawsuit.column"), "RESULT_COLUMN_UPHELD");

  // Under appeal the result is not final: 尚未审结 again.
  Reply appealed = Call(proceeding + ".AppealLawsuit",
                        absl::Substitute(R"json({"id": "$0",
                          "filed": {"year": 2025, "month": 10, "day": 14},
                          "appellant": "王晓明",
                          "court": "聊城市中级人民法院"})json",
                                         lawsuit_id),
                        Clerk());
  ASSERT_RPC_OK(appealed);
  EXPECT_EQ(DateAt(*appealed.response, "lawsuit.appeal.filed"), "2025-10-14");
  EXPECT_EQ(Value(*appealed.response, "lawsuit.appeal.court"),
            "聊城市中级人民法院");
  EXPECT_EQ(Value(*appealed.response, "lawsuit.column"),
            "RESULT_COLUMN_PENDING");

  // The appeal court revokes and orders a new answer by 11-14: recorded on
  // the case as a pending re-answer.
  Reply revoked = Call(proceeding + ".DecideAppeal",
                       absl::Substitute(R"json({"id": "$0",
                         "decision": "PROCEEDING_DECISION_REVOKED",
                         "date": {"year": 2025, "month": 10, "day": 30},
                         "reanswer_due": {"year": 2025, "month": 11,
                                          "day": 14}})json",
                                        lawsuit_id),
                       Clerk());
  ASSERT_RPC_OK(revoked);
  EXPECT_EQ(Value(*revoked.response, "lawsuit.appeal.result.decision"),
            "PROCEEDING_DECISION_REVOKED");
  EXPECT_EQ(Value(*revoked.response, "lawsuit.column"),
            "RESULT_COLUMN_CORRECTED");
  const std::vector<const Message*> ordered =
      Elements(*revoked.response, "case.re_answers");
  ASSERT_EQ(ordered.size(), 1u);
  EXPECT_EQ(Value(*ordered[0], "id"), "1");
  EXPECT_EQ(Value(*ordered[0], "ordered_by"), lawsuit_id);
  EXPECT_EQ(DateAt(*ordered[0], "ordered"), "2025-10-30");
  EXPECT_EQ(DateAt(*ordered[0], "due"), "2025-11-14");
  EXPECT_EQ(DateAt(*ordered[0], "served"), "<unset>");

  // The new answer (OutcomeService), posted 11-04, in time. The case keeps
  // the category of its first conclusion.
  Reply reanswered = Call(std::string(kOutcomeService) + ".RecordReAnswer",
                          absl::Substitute(R"json({"number": "$0",
                            "ordered_by": "$1",
                            "outcome": "OUTCOME_DISCLOSED",
                            "service_method": "SERVICE_METHOD_POSTED",
                            "served": {"year": 2025, "month": 11,
                                       "day": 4}})json",
                                           kFirstCaseNumber, lawsuit_id),
                          Clerk());
  ASSERT_RPC_OK(reanswered);
  const std::vector<const Message*> re_answers =
      Elements(*reanswered.response, "case.re_answers");
  ASSERT_EQ(re_answers.size(), 1u);
  EXPECT_EQ(Value(*re_answers[0], "outcome"), "OUTCOME_DISCLOSED");
  EXPECT_EQ(DateAt(*re_answers[0], "served"), "2025-11-04");
  EXPECT_EQ(DateAt(*re_answers[0], "due"), "2025-11-14");
  EXPECT_EQ(Value(*re_answers[0], "served_late"), "false");
  EXPECT_EQ(Value(*reanswered.response, "case.conclusion.outcome"),
            "OUTCOME_PARTIALLY_DISCLOSED");

  // --- 周敏, still unanswered, asks for a review of the failure to answer.
  // Copy received Friday 10-10: Saturday 10-11 is a make-up day (1),
  // 10-13..17 (2..6), 10-20..23 (7..10): the defence is due Thursday 10-23.
  // Not accepted yet: no decision date is expected.
  Reply silence = Call(proceeding + ".FileReview",
                       absl::Substitute(R"json({"number": "$0", "review": {
                         "organ": "聊城市人民政府",
                         "filed": {"year": 2025, "month": 10, "day": 9},
                         "copy_received": {"year": 2025, "month": 10,
                                           "day": 10}}})json",
                                        kOverdueCase),
                       Clerk());
  ASSERT_RPC_OK(silence);
  EXPECT_EQ(Value(*silence.response, "review.id"), "2025-0008-R1");
  EXPECT_EQ(DateAt(*silence.response, "review.defence_due"), "2025-10-23");
  EXPECT_EQ(DateAt(*silence.response, "review.decision_expected"), "<unset>");
  EXPECT_EQ(Value(*silence.response, "case.status"), "CASE_STATUS_PROCESSING");

  // --- The listings, by filing date.
  Reply reviews = Call(proceeding + ".ListReviews", "{}");
  ASSERT_RPC_OK(reviews);
  std::vector<std::string> listed;
  for (const Message* entry : Elements(*reviews.response, "reviews")) {
    listed.push_back(absl::StrCat(
        Value(*entry, "review.id"), " ", Value(*entry, "case_number"), " ",
        Value(*entry, "applicant_name"), " ", Value(*entry, "review.column")));
  }
  EXPECT_THAT(listed,
              ElementsAre("2025-0001-R1 2025-0001 王晓明 RESULT_COLUMN_UPHELD",
                          "2025-0008-R1 2025-0008 周敏 RESULT_COLUMN_PENDING"));
  Reply open = Call(proceeding + ".ListReviews", R"({"open_only": true})");
  ASSERT_RPC_OK(open);
  const std::vector<const Message*> open_reviews =
      Elements(*open.response, "reviews");
  ASSERT_EQ(open_reviews.size(), 1u);
  EXPECT_EQ(Value(*open_reviews[0], "review.id"), "2025-0008-R1");

  Reply lawsuits = Call(proceeding + ".ListLawsuits", "{}");
  ASSERT_RPC_OK(lawsuits);
  const std::vector<const Message*> suits =
      Elements(*lawsuits.response, "lawsuits");
  ASSERT_EQ(suits.size(), 1u);
  EXPECT_EQ(Value(*suits[0], "case_number"), kFirstCaseNumber);
  EXPECT_EQ(Value(*suits[0], "applicant_name"), "王晓明");
  EXPECT_EQ(Value(*suits[0], "lawsuit.id"), lawsuit_id);
  EXPECT_EQ(Value(*suits[0], "lawsuit.route"), "LAWSUIT_ROUTE_AFTER_REVIEW");
  EXPECT_EQ(Value(*suits[0], "lawsuit.column"), "RESULT_COLUMN_CORRECTED");
}

void ProtoOnlyClientTest::ExerciseReportService() {
  const std::string report = kReportService;

  // The statistician writes the 2025 report on Monday 2026-01-12 (it is due
  // by 31 January, Regs Art. 49).
  Reply moved = Call(std::string(kTestingClockService) + ".SetTime",
                     R"({"time": "2026-01-12T09:00:00+08:00"})", Clerk());
  ASSERT_RPC_OK(moved);

  // --- Table 二's figures come from other systems and are entered; the fee
  // amount is kept as the canonical decimal.
  Reply figures = Call(report + ".SetFigures", R"json({"year": 2025,
    "figures": {
      "rules": {"issued": 0, "repealed": 0, "in_force": 0},
      "normative_documents": {"issued": 3, "repealed": 1, "in_force": 27},
      "licensing_decisions": 35210, "penalty_decisions": 12,
      "enforcement_decisions": 3, "fees_wan_yuan": "12872.060"}})json",
                       Clerk());
  ASSERT_RPC_OK(figures);
  EXPECT_EQ(Value(*figures.response, "licensing_decisions"), "35210");
  EXPECT_EQ(Value(*figures.response, "fees_wan_yuan"), "12872.06");

  // The agency registers its normative documents, so table 二's first block
  // is counted from the register instead of the figures entered.
  Reply registered = Call(report + ".RegisterDocument", R"json({"document": {
      "kind": "DOCUMENT_KIND_NORMATIVE_DOCUMENT",
      "title": "聊城市行政审批服务局关于进一步优化政务服务事项办理流程的通知",
      "document_number": "聊审批发〔2025〕3号",
      "issued": {"year": 2025, "month": 3, "day": 18}}})json",
                          Clerk());
  ASSERT_RPC_OK(registered);
  const std::string document_id = Value(*registered.response, "id");
  EXPECT_NE(document_id, "0");
  EXPECT_EQ(Value(*registered.response, "agency_code"), "default");
  Reply documents = Call(report + ".ListDocuments", "{}");
  ASSERT_RPC_OK(documents);
  const std::vector<const Message*> register_entries =
      Elements(*documents.response, "documents");
  ASSERT_EQ(register_entries.size(), 1u);
  EXPECT_EQ(Value(*register_entries[0], "id"), document_id);
  EXPECT_EQ(Value(*register_entries[0], "document_number"),
            "聊审批发〔2025〕3号");
  EXPECT_EQ(DateAt(*register_entries[0], "issued"), "2025-03-18");
  EXPECT_EQ(DateAt(*register_entries[0], "repealed"), "<unset>");

  constexpr char kOverview[] =
      "2025年，本机关认真贯彻《中华人民共和国政府信息公开条例》，"
      "依法办理政府信息公开申请。";
  Reply prose = Call(report + ".SetProse",
                     absl::Substitute(R"json({"year": 2025, "prose": {
                       "overview": "$0",
                       "problems": "个别申请答复超过法定期限，已建立期限预警机制。"
                     }})json",
                                      kOverview),
                     Clerk());
  ASSERT_RPC_OK(prose);
  EXPECT_EQ(Value(*prose.response, "overview"), kOverview);
  EXPECT_EQ(Value(*prose.response, "problems"),
            "个别申请答复超过法定期限，已建立期限预警机制。");

  // --- The 2025 report, from the cases the parts before logged (all from
  // natural persons). 一: the eight received in 2025, 2025-0001 and
  // 2025-0003..0009 (2025-0002 still waits for its receipt to be confirmed:
  // not received, not counted). Concluded in 2025: 0004 予以公开, 0001
  // 部分公开, 0009 逾期不补正, 0007 其他 (withdrawn). Carried over: 0003, 0005,
  // 0006, 0008.
  Reply got = Call(report + ".GetReport", R"({"year": 2025})");
  ASSERT_RPC_OK(got);
  const Message& year_2025 = *got.response;
  EXPECT_THAT(Values(year_2025, "agency_codes"), ElementsAre("default"));
  EXPECT_EQ(Value(year_2025, "title_agency"), kAgencyName);
  EXPECT_EQ(Value(year_2025, "year"), "2025");
  const std::map<std::string, std::string> table3 = Table3ByKey(year_2025);
  EXPECT_EQ(table3.size(), 25u);
  const std::map<std::string, std::string> counted = {
      {"new", "8,0,0,0,0,0,8"},
      {"disclosed", "1,0,0,0,0,0,1"},
      {"partially_disclosed", "1,0,0,0,0,0,1"},
      {"other_correction_lapsed", "1,0,0,0,0,0,1"},
      {"other", "1,0,0,0,0,0,1"},
      {"concluded_total", "4,0,0,0,0,0,4"},
      {"carried_out", "4,0,0,0,0,0,4"}};
  for (const auto& [key, cells] : counted) {
    EXPECT_TRUE(table3.count(key)) << "table 三 has no row " << key;
  }
  for (const auto& [key, cells] : table3) {
    const auto expected = counted.find(key);
    EXPECT_EQ(cells,
              expected == counted.end() ? "0,0,0,0,0,0,0" : expected->second)
        << key;
  }
  // Table 四 (upheld, corrected, other, pending, total): 王晓明's review
  // upheld and 周敏's still pending; the lawsuit after review, corrected on
  // appeal.
  EXPECT_EQ(ResultCountsText(year_2025, "table4.review"), "1,0,0,1,2");
  EXPECT_EQ(ResultCountsText(year_2025, "table4.direct_suit"), "0,0,0,0,0");
  EXPECT_EQ(ResultCountsText(year_2025, "table4.suit_after_review"),
            "0,1,0,0,1");
  // Table 二: the register's one document, the entered figures.
  EXPECT_EQ(Value(year_2025, "table2.documents_from_register"), "true");
  EXPECT_EQ(Value(year_2025, "table2.normative_documents.issued"), "1");
  EXPECT_EQ(Value(year_2025, "table2.normative_documents.repealed"), "0");
  EXPECT_EQ(Value(year_2025, "table2.normative_documents.in_force"), "1");
  EXPECT_EQ(Value(year_2025, "table2.licensing_decisions"), "35210");
  EXPECT_EQ(Value(year_2025, "table2.fees_wan_yuan"), "12872.06");
  // Section 六: 赵丽's fee notice of 10-09 (200 yuan), paid 10-14.
  EXPECT_EQ(Value(year_2025, "fees.notices_issued"), "1");
  EXPECT_EQ(Value(year_2025, "fees.amount_billed_yuan"), "200");
  EXPECT_EQ(Value(year_2025, "fees.amount_collected_yuan"), "200");
  EXPECT_EQ(Value(year_2025, "prose.overview"), kOverview);
  const std::vector<const Message*> checks = Elements(year_2025, "checks");
  EXPECT_FALSE(checks.empty());
  // Every identity holds; 2025-0002, awaiting confirmation, is named as not
  // yet countable.
  for (const Message* check : checks) {
    const bool countability = Value(*check, "identity") == "所有案件均可统计";
    EXPECT_EQ(Value(*check, "ok"), countability ? "false" : "true")
        << Value(*check, "identity") << ": " << Value(*check, "detail");
  }
  const std::vector<const Message*> uncountable =
      Elements(year_2025, "uncountable");
  ASSERT_EQ(uncountable.size(), 1u);
  EXPECT_EQ(Value(*uncountable[0], "number"), "2025-0002");
  EXPECT_THAT(Value(*uncountable[0], "reason"), HasSubstr("待确认收到："));
  EXPECT_EQ(Value(year_2025, "lock"), "<unset>");
  const std::string hash = Value(year_2025, "content_hash");
  EXPECT_EQ(hash.size(), 64u) << hash;
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos)
      << hash;

  // Nothing of it belongs to 2024.
  Reply year_2024 = Call(report + ".GetReport", R"({"year": 2024})");
  ASSERT_RPC_OK(year_2024);
  EXPECT_EQ(Table3ByKey(*year_2024.response)["new"], "0,0,0,0,0,0,0");
  EXPECT_EQ(ResultCountsText(*year_2024.response, "table4.review"),
            "0,0,0,0,0");

  // --- The cases behind a number (SPEC §4 rule 6).
  Reply carried_out = Call(report + ".GetCell", R"json({"year": 2025,
      "cell": {"table": 3, "row": "carried_out", "column": "total"}})json");
  ASSERT_RPC_OK(carried_out);
  EXPECT_EQ(Value(*carried_out.response, "value"), "4");
  std::vector<std::string> behind;
  for (const Message* record : Elements(*carried_out.response, "records")) {
    behind.push_back(absl::StrCat(Value(*record, "case_number"), " ",
                                  Value(*record, "applicant_name"), " ",
                                  DateAt(*record, "receipt_date"), " ",
                                  DateAt(*record, "concluded")));
  }
  EXPECT_THAT(behind,
              UnorderedElementsAre("2025-0003 李红梅 2025-09-26 <unset>",
                                   "2025-0005 赵丽 2025-09-26 <unset>",
                                   "2025-0006 陈志强 2025-09-26 <unset>",
                                   "2025-0008 周敏 2025-09-01 <unset>"));
  Reply corrected_suits = Call(report + ".GetCell", R"json({"year": 2025,
      "cell": {"table": 4, "row": "suit_after_review",
               "column": "corrected"}})json");
  ASSERT_RPC_OK(corrected_suits);
  EXPECT_EQ(Value(*corrected_suits.response, "value"), "1");
  const std::vector<const Message*> suits =
      Elements(*corrected_suits.response, "records");
  ASSERT_EQ(suits.size(), 1u);
  EXPECT_EQ(Value(*suits[0], "proceeding_id"), "2025-0001-L1");
  EXPECT_EQ(Value(*suits[0], "case_number"), kFirstCaseNumber);
  EXPECT_EQ(DateAt(*suits[0], "filed"), "2025-08-04");
  EXPECT_EQ(Value(*suits[0], "column_label"), "结果纠正");

  // --- The publishable tables as CSV, one record a line.
  Reply csv = Call(report + ".RenderReport",
                   R"({"year": 2025, "format": "REPORT_FORMAT_CSV"})");
  ASSERT_RPC_OK(csv);
  EXPECT_EQ(Value(*csv.response, "content_type"), "text/csv; charset=utf-8");
  EXPECT_THAT(
      Value(*csv.response, "content"),
      AllOf(
          HasSubstr("行政规范性文件,1,0,1\r\n"),
          HasSubstr("行政事业性收费,12872.06\r\n"),
          HasSubstr("一、本年新收政府信息公开申请数量,8,0,0,0,0,0,8\r\n"),
          HasSubstr("（二）部分公开（区分处理的，只计这一情形，不计其他情形）,"
                    "1,0,0,0,0,0,1\r\n"),
          HasSubstr("四、结转下年度继续办理,4,0,0,0,0,0,4\r\n"),
          HasSubstr("\r\n1,0,0,1,2,0,0,0,0,0,0,1,0,0,1\r\n")));

  // --- Before publishing, the office confirms 2025-0002's receipt with the
  // applicant: confirmed today (2026), it belongs to 2026, so the 2025
  // numbers (and hash) stay as they are and nothing is left uncountable.
  Reply confirmed = Call(std::string(kCaseService) + ".UpdateCase",
                         R"json({"number": "2025-0002",
                           "case": {"confirmation_date":
                             {"year": 2026, "month": 1, "day": 12}},
                           "update_mask": "confirmation_date",
                           "reason": "电话确认收到"})json",
                         Clerk());
  ASSERT_RPC_OK(confirmed);
  Reply recounted = Call(report + ".GetReport", R"({"year": 2025})");
  ASSERT_RPC_OK(recounted);
  EXPECT_THAT(Elements(*recounted.response, "uncountable"), IsEmpty());
  EXPECT_EQ(Value(*recounted.response, "content_hash"), hash);

  // --- Published: locked with its content hash, who and when; once.
  // Section 六 was never written: locking it empty must be said explicitly.
  Reply refused = Call(report + ".LockReport", R"({"year": 2025})", Clerk());
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("allow_empty_sections: "));
  Reply locked = Call(
      report + ".LockReport",
      R"({"year": 2025, "allow_empty_sections": ["other_matters"]})", Clerk());
  ASSERT_RPC_OK(locked);
  EXPECT_EQ(Value(*locked.response, "lock.locked_by"), "clerk-li");
  EXPECT_EQ(Value(*locked.response, "lock.locked_at.seconds"),
            absl::StrCat(ChinaUnixSeconds(2026, 1, 12, 9)));
  EXPECT_EQ(Value(*locked.response, "lock.content_hash"), hash);
  EXPECT_EQ(Value(*locked.response, "content_hash"), hash);
  Reply relocked = Call(
      report + ".LockReport",
      R"({"year": 2025, "allow_empty_sections": ["other_matters"]})", Clerk());
  EXPECT_EQ(relocked.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // --- A December answer entered in January counts in December's year
  // (SPEC §4 rule 4): 李红梅's answer was posted on 2025-12-30 (late: it was
  // due 11-11). The locked numbers stay as published; the report names each
  // cell the entry changes and the case that moved.
  Reply late = Call(std::string(kOutcomeService) + ".ConcludeCase",
                    absl::Substitute(R"json({"number": "$0",
                      "outcome": "OUTCOME_DISCLOSED",
                      "service_method": "SERVICE_METHOD_POSTED",
                      "served": {"year": 2025, "month": 12, "day": 30}})json",
                                     kCorrectionCase),
                    Clerk());
  ASSERT_RPC_OK(late);
  EXPECT_EQ(Value(*late.response, "case.conclusion.served_late"), "true");
  Reply after = Call(report + ".GetReport", R"({"year": 2025})");
  ASSERT_RPC_OK(after);
  EXPECT_EQ(Value(*after.response, "lock.content_hash"), hash);
  EXPECT_EQ(Value(*after.response, "content_hash"), hash);
  EXPECT_EQ(Table3ByKey(*after.response)["carried_out"], "4,0,0,0,0,0,4");
  std::vector<std::string> differences;
  for (const Message* d : Elements(*after.response, "differences")) {
    const std::vector<std::string> added = Values(*d, "cases_added");
    const std::vector<std::string> removed = Values(*d, "cases_removed");
    differences.push_back(absl::StrCat(
        Value(*d, "cell.table"), " ", Value(*d, "cell.row"), "×",
        Value(*d, "cell.column"), " ", Value(*d, "locked_value"), "→",
        Value(*d, "live_value"),
        added.empty() ? "" : absl::StrCat(" +", absl::StrJoin(added, ",")),
        removed.empty() ? ""
                        : absl::StrCat(" -", absl::StrJoin(removed, ","))));
  }
  EXPECT_THAT(
      differences,
      UnorderedElementsAre("3 disclosed×natural_person 1→2 +2025-0003",
                           "3 disclosed×total 1→2 +2025-0003",
                           "3 concluded_total×natural_person 4→5 +2025-0003",
                           "3 concluded_total×total 4→5 +2025-0003",
                           "3 carried_out×natural_person 4→3 -2025-0003",
                           "3 carried_out×total 4→3 -2025-0003"));
  // The drill-down shows the live records.
  Reply disclosed = Call(report + ".GetCell", R"json({"year": 2025,
      "cell": {"table": 3, "row": "disclosed",
               "column": "natural_person"}})json");
  ASSERT_RPC_OK(disclosed);
  EXPECT_EQ(Value(*disclosed.response, "value"), "2");
  std::vector<std::string> answers;
  for (const Message* record : Elements(*disclosed.response, "records")) {
    answers.push_back(absl::StrCat(Value(*record, "case_number"), " ",
                                   DateAt(*record, "concluded"), " ",
                                   Value(*record, "outcome")));
  }
  EXPECT_THAT(answers,
              UnorderedElementsAre("2025-0003 2025-12-30 OUTCOME_DISCLOSED",
                                   "2025-0004 2025-11-04 OUTCOME_DISCLOSED"));
}

// Last, so that the agency it adds changes nothing the parts before expect.
void ProtoOnlyClientTest::ExerciseAccessService() {
  const std::string access = kAccessService;
  const std::string agency_service = kAgencyService;

  // --- Who am I: clerk-li (made by SetUp) of the default agency.
  Reply me = Call(access + ".WhoAmI", "{}", Clerk());
  ASSERT_RPC_OK(me);
  EXPECT_EQ(Value(*me.response, "user.name"), "clerk-li");
  EXPECT_EQ(Value(*me.response, "user.display_name"), "clerk-li");
  EXPECT_EQ(Value(*me.response, "user.agency_code"), "default");
  EXPECT_EQ(Value(*me.response, "token.user_name"), "clerk-li");
  EXPECT_EQ(Value(*me.response, "token.issued_by"), "tester");
  EXPECT_THAT(Values(*me.response, "readable_agency_codes"),
              ElementsAre("default"));
  EXPECT_EQ(Value(*me.response, "sees_personal_data"), "true");

  // --- The users and their tokens.
  Reply users = Call(access + ".ListUsers", "{}");
  ASSERT_RPC_OK(users);
  std::vector<std::string> names;
  for (const Message* user : Elements(*users.response, "users")) {
    names.push_back(Value(*user, "name"));
  }
  EXPECT_THAT(names, ElementsAre("clerk-li", "tester", "zhang"));

  Reply extra = Call(access + ".IssueToken",
                     R"({"user_name": "zhang", "note": "窗口二号机"})");
  ASSERT_RPC_OK(extra);
  const std::string extra_id = Value(*extra.response, "info.id");
  const Metadata extra_bearer = Bearer(Value(*extra.response, "token"));
  Reply zhang_me = Call(access + ".WhoAmI", "{}", extra_bearer);
  ASSERT_RPC_OK(zhang_me);
  EXPECT_EQ(Value(*zhang_me.response, "user.display_name"), "张科员");
  EXPECT_EQ(Value(*zhang_me.response, "token.note"), "窗口二号机");

  Reply tokens = Call(access + ".ListTokens", R"({"user_name": "zhang"})");
  ASSERT_RPC_OK(tokens);
  std::vector<std::string> ids;
  for (const Message* token : Elements(*tokens.response, "tokens")) {
    EXPECT_EQ(Value(*token, "user_name"), "zhang");
    ids.push_back(Value(*token, "id"));
  }
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_THAT(ids, Contains(extra_id));

  // A revoked token is refused at once; the other keeps working.
  Reply revoked = Call(access + ".RevokeToken",
                       absl::Substitute(R"({"token_id": "$0"})", extra_id));
  ASSERT_RPC_OK(revoked);
  EXPECT_EQ(Value(*revoked.response, "id"), extra_id);
  EXPECT_EQ(Value(*revoked.response, "revoked_at"), "<set>");
  Reply refused = Call(access + ".WhoAmI", "{}", extra_bearer);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("authorization: 令牌 " + extra_id + " 已于 "));
  Reply still = Call(access + ".WhoAmI", "{}", Zhang());
  ASSERT_RPC_OK(still);

  // A clerk administers nothing.
  Reply denied = Call(access + ".ListUsers", "{}", Zhang());
  EXPECT_EQ(denied.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // --- AgencyService.PutAgency: an office under the default agency, which
  // its users then read.
  Reply put = Call(agency_service + ".PutAgency",
                   R"json({"agency": {"code": "dongchangfu",
                     "name": "聊城市东昌府区人民政府办公室",
                     "supervisor_code": "default"}})json");
  ASSERT_RPC_OK(put);
  EXPECT_EQ(Value(*put.response, "code"), "dongchangfu");
  EXPECT_EQ(Value(*put.response, "supervisor_code"), "default");
  Reply agencies = Call(agency_service + ".ListAgencies", "{}", Clerk());
  ASSERT_RPC_OK(agencies);
  std::vector<std::string> codes;
  for (const Message* a : Elements(*agencies.response, "agencies")) {
    codes.push_back(Value(*a, "code"));
  }
  EXPECT_THAT(codes, ElementsAre("default", "dongchangfu"));
}

TEST_F(ProtoOnlyClientTest, EveryRpcOfEveryServiceWorks) {
  ASSERT_NO_FATAL_FAILURE(ExerciseAgencyAndCaseServices());
  ASSERT_NO_FATAL_FAILURE(ExerciseCalendarService());
  ASSERT_NO_FATAL_FAILURE(ExerciseProcedureService());
  ASSERT_NO_FATAL_FAILURE(ExerciseListDeadlines());
  ASSERT_NO_FATAL_FAILURE(ExerciseWatchAlertsAndSetTime());
  ASSERT_NO_FATAL_FAILURE(ExerciseOutcomeService());
  ASSERT_NO_FATAL_FAILURE(ExerciseProceedingService());
  ASSERT_NO_FATAL_FAILURE(ExerciseReportService());
  ASSERT_NO_FATAL_FAILURE(ExerciseAccessService());

  // Every RPC of every service the .proto files declare was called and
  // answered OK (a stream: delivered a message).
  int services = 0;
  for (const std::string& file : proto_files_) {
    const google::protobuf::FileDescriptor* fd = pool()->FindFileByName(file);
    ASSERT_NE(fd, nullptr) << file;
    for (int s = 0; s < fd->service_count(); ++s) {
      const ServiceDescriptor* service = fd->service(s);
      ++services;
      EXPECT_GT(service->method_count(), 0) << service->full_name();
      for (int i = 0; i < service->method_count(); ++i) {
        const MethodDescriptor* method = service->method(i);
        EXPECT_FALSE(method->client_streaming())
            << method->full_name() << " streams from the client; call it so "
            << "here";
        EXPECT_TRUE(exercised_.count(method->full_name()))
            << method->full_name() << " was not exercised";
      }
    }
  }
  EXPECT_GE(services, 10);
}

TEST_F(ProtoOnlyClientTest, MissingApplicantNameIsInvalidArgumentNamingField) {
  Reply reply = Call(std::string(kCaseService) + ".CreateCase",
                     kNoApplicantName, Clerk());
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("applicant.name"));

  // Nothing was logged.
  Reply all = Call(std::string(kCaseService) + ".ListCases", "{}");
  ASSERT_RPC_OK(all);
  EXPECT_EQ(Value(*all.response, "total_count"), "0");
}

TEST_F(ProtoOnlyClientTest,
       ConcludeCaseWithoutServedIsInvalidArgumentNamingField) {
  std::unique_ptr<Message> c =
      CreateInPersonCase("赵丽", 9, 26, "2024年度本机关行政许可办理情况统计");
  ASSERT_NE(c, nullptr);
  const std::string number = Value(*c, "number");
  Reply reply = Call(std::string(kOutcomeService) + ".ConcludeCase",
                     absl::Substitute(R"json({"number": "$0",
                       "outcome": "OUTCOME_DISCLOSED",
                       "service_method": "SERVICE_METHOD_SIGNED_IN_PERSON"})json",
                                      number),
                     Clerk());
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("served:"));

  // Nothing was recorded.
  Reply got = Call(std::string(kCaseService) + ".GetCase",
                   absl::Substitute(R"({"number": "$0"})", number));
  ASSERT_RPC_OK(got);
  EXPECT_EQ(Value(*got.response, "case.status"), "CASE_STATUS_PROCESSING");
  EXPECT_EQ(Value(*got.response, "case.conclusion"), "<unset>");
  EXPECT_EQ(Value(*got.response, "case.version"), "1");
}

TEST_F(ProtoOnlyClientTest,
       FileReviewWithoutOrganIsInvalidArgumentNamingField) {
  std::unique_ptr<Message> c = CreateInPersonCase(
      "陈志强", 9, 26, "聊城市某工业园区环境影响评价审批文件");
  ASSERT_NE(c, nullptr);
  const std::string number = Value(*c, "number");
  Reply reply = Call(std::string(kProceedingService) + ".FileReview",
                     absl::Substitute(R"json({"number": "$0", "review": {
                       "filed": {"year": 2025, "month": 10, "day": 9}}})json",
                                      number),
                     Clerk());
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(), HasSubstr("review.organ"));

  // Nothing was recorded.
  Reply got = Call(std::string(kCaseService) + ".GetCase",
                   absl::Substitute(R"({"number": "$0"})", number));
  ASSERT_RPC_OK(got);
  EXPECT_THAT(Elements(*got.response, "case.reviews"), IsEmpty());
  EXPECT_EQ(Value(*got.response, "case.version"), "1");
}

TEST_F(ProtoOnlyClientTest,
       ReportBeforeTheFirstYearIsInvalidArgumentNamingYear) {
  // The Regulations' first reporting year is 2008.
  Reply reply =
      Call(std::string(kReportService) + ".GetReport", R"({"year": 1999})");
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(),
              AllOf(HasSubstr("year:"), HasSubstr("1999")));
}

// Both packages of the standard reflection protocol; tools use either.
constexpr const char* kReflectionPackages[] = {"grpc.reflection.v1",
                                               "grpc.reflection.v1alpha"};

// ServerReflectionRequest fields (the same numbers in both packages).
constexpr int kHost = 1;
constexpr int kFileByFilename = 3;
constexpr int kFileContainingSymbol = 4;
constexpr int kListServices = 7;
// ServerReflectionResponse fields.
constexpr int kFileDescriptorResponse = 4;
constexpr int kListServicesResponse = 6;
constexpr int kErrorResponse = 7;

// A ServerReflectionRequest with the string `value` in field `number`,
// encoded by hand as a generic tool's own copy of the protocol would.
std::string ReflectionRequest(int number, const std::string& value) {
  UnknownFieldSet fields;
  fields.AddLengthDelimited(number, value);
  std::string bytes;
  EXPECT_TRUE(fields.SerializeToString(&bytes));
  return bytes;
}

// One ServerReflectionInfo stream of `package` (e.g. "grpc.reflection.v1"),
// driven one request at a time through the generic stub, every wait bounded
// by the call's 30-second deadline. Not thread-safe.
class ReflectionStream {
 public:
  // REQUIRES: `stub` outlives the stream.
  ReflectionStream(grpc::GenericStub& stub, const std::string& package) {
    context_.set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(30));
    call_ = stub.PrepareCall(
        &context_,
        absl::StrCat("/", package, ".ServerReflection/ServerReflectionInfo"),
        &cq_);
    call_->StartCall(Tag());
    started_ = Await(cq_, tag_);
  }

  ReflectionStream(const ReflectionStream&) = delete;
  ReflectionStream& operator=(const ReflectionStream&) = delete;

  ~ReflectionStream() {
    if (!finished_) {
      context_.TryCancel();
      grpc::Status ignored;
      call_->Finish(&ignored, Tag());
      Await(cq_, tag_);
    }
    Drain(cq_);
  }

  // Sends `request` and returns the next response's bytes in *response;
  // false when the stream failed.
  bool Ask(const std::string& request, std::string* response) {
    if (!started_) return false;
    call_->Write(ToByteBuffer(request), Tag());
    if (!Await(cq_, tag_)) return false;
    grpc::ByteBuffer buffer;
    call_->Read(&buffer, Tag());
    if (!Await(cq_, tag_)) return false;
    *response = FromByteBuffer(buffer);
    return true;
  }

  // Half-closes; returns the number of messages the server still sent (0
  // when every request got exactly one answer) and its final status.
  grpc::Status Close(int* left_over) {
    *left_over = 0;
    call_->WritesDone(Tag());
    Await(cq_, tag_);
    for (;;) {
      grpc::ByteBuffer buffer;
      call_->Read(&buffer, Tag());
      if (!Await(cq_, tag_)) break;
      ++*left_over;
    }
    grpc::Status status;
    call_->Finish(&status, Tag());
    Await(cq_, tag_);
    finished_ = true;
    return status;
  }

 private:
  void* Tag() { return reinterpret_cast<void*>(++tag_); }

  grpc::ClientContext context_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
  intptr_t tag_ = 0;
  bool started_ = false;
  bool finished_ = false;
};

// The service names of a list_services answer.
std::vector<std::string> ListedServices(const std::string& response) {
  std::vector<std::string> services;
  for (const std::string& list : RawField(response, kListServicesResponse)) {
    for (const std::string& service : RawField(list, 1)) {
      for (const std::string& name : RawField(service, 1)) {
        services.push_back(name);
      }
    }
  }
  return services;
}

// The serialized FileDescriptorProtos of a file answer.
std::vector<std::string> AnsweredFiles(const std::string& response) {
  std::vector<std::string> files;
  for (const std::string& answer :
       RawField(response, kFileDescriptorResponse)) {
    for (const std::string& file : RawField(answer, 1)) files.push_back(file);
  }
  return files;
}

// The names of `files` (serialized FileDescriptorProtos), in order.
std::vector<std::string> FileNames(const std::vector<std::string>& files) {
  std::vector<std::string> names;
  for (const std::string& bytes : files) {
    google::protobuf::FileDescriptorProto file;
    EXPECT_TRUE(file.ParseFromString(bytes));
    names.push_back(file.name());
  }
  return names;
}

// The error_code and error_message of an ErrorResponse answer ("" when the
// answer is no error).
std::pair<std::string, std::string> ErrorOf(const std::string& response) {
  std::vector<std::string> errors = RawField(response, kErrorResponse);
  if (errors.empty()) return {"", ""};
  std::vector<std::string> code = RawField(errors.front(), 1);
  std::vector<std::string> message = RawField(errors.front(), 2);
  return {code.empty() ? "0" : code.front(),
          message.empty() ? "" : message.front()};
}

TEST_F(ProtoOnlyClientTest, ServerReflectionListsTheServices) {
  for (const char* package : kReflectionPackages) {
    SCOPED_TRACE(package);
    ReflectionStream stream(stub(), package);
    std::string response;
    ASSERT_TRUE(stream.Ask(ReflectionRequest(kListServices, "*"), &response))
        << "no reflection response";
    int left_over = 0;
    grpc::Status status = stream.Close(&left_over);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(left_over, 0);

    const std::vector<std::string> services = ListedServices(response);
    EXPECT_THAT(services, Contains(kCaseService));
    EXPECT_THAT(services, Contains(kAgencyService));
    // Served only because the fake clock is on.
    EXPECT_THAT(services, Contains(kTestingClockService));
    EXPECT_THAT(services, Contains("grpc.health.v1.Health"));
    EXPECT_THAT(services, Contains("grpc.reflection.v1.ServerReflection"));
    EXPECT_THAT(services, Contains("grpc.reflection.v1alpha.ServerReflection"));
    // And every service the .proto files declare, each once.
    for (const std::string& file : proto_files_) {
      const google::protobuf::FileDescriptor* fd = pool()->FindFileByName(file);
      ASSERT_NE(fd, nullptr) << file;
      for (int i = 0; i < fd->service_count(); ++i) {
        EXPECT_EQ(std::count(services.begin(), services.end(),
                             fd->service(i)->full_name()),
                  1)
            << fd->service(i)->full_name();
      }
    }
  }
}

// What a generic tool does before its first call: list the services, ask
// for the file of each, and build the types from the answers alone. Every
// listed service, health included, must resolve with every method's input
// and output type; ogi's own must match the .proto files.
TEST_F(ProtoOnlyClientTest, EveryListedServiceIsDescribableByReflection) {
  for (const char* package : kReflectionPackages) {
    SCOPED_TRACE(package);
    ReflectionStream stream(stub(), package);
    std::string listed;
    ASSERT_TRUE(stream.Ask(ReflectionRequest(kListServices, ""), &listed));
    const std::vector<std::string> services = ListedServices(listed);
    ASSERT_GE(services.size(), 13u);
    for (const std::string& name : services) {
      SCOPED_TRACE(name);
      std::string response;
      ASSERT_TRUE(stream.Ask(ReflectionRequest(kFileContainingSymbol, name),
                             &response));
      ASSERT_EQ(ErrorOf(response).second, "");
      const std::vector<std::string> files = AnsweredFiles(response);
      ASSERT_FALSE(files.empty());
      google::protobuf::SimpleDescriptorDatabase answer;
      for (const std::string& bytes : files) {
        google::protobuf::FileDescriptorProto file;
        ASSERT_TRUE(file.ParseFromString(bytes));
        ASSERT_TRUE(answer.Add(file)) << file.name();
      }
      google::protobuf::DescriptorPool described(&answer);
      const ServiceDescriptor* service = described.FindServiceByName(name);
      ASSERT_NE(service, nullptr) << "not described by its own answer";
      EXPECT_GT(service->method_count(), 0);
      for (int i = 0; i < service->method_count(); ++i) {
        const MethodDescriptor* method = service->method(i);
        ASSERT_NE(method->input_type(), nullptr) << method->full_name();
        ASSERT_NE(method->output_type(), nullptr) << method->full_name();
      }
      const ServiceDescriptor* declared = pool()->FindServiceByName(name);
      if (declared == nullptr) continue;  // health, reflection
      ASSERT_EQ(service->method_count(), declared->method_count());
      for (int i = 0; i < declared->method_count(); ++i) {
        const MethodDescriptor* ours = service->method(i);
        const MethodDescriptor* theirs = declared->method(i);
        EXPECT_EQ(ours->full_name(), theirs->full_name());
        EXPECT_EQ(ours->input_type()->full_name(),
                  theirs->input_type()->full_name());
        EXPECT_EQ(ours->output_type()->full_name(),
                  theirs->output_type()->full_name());
        EXPECT_EQ(ours->server_streaming(), theirs->server_streaming());
      }
    }
    int left_over = 0;
    EXPECT_TRUE(stream.Close(&left_over).ok());
    EXPECT_EQ(left_over, 0);
  }
}

// Debian's gRPC 1.51 plugin piled earlier answers into later ones: after 185
// requests one answer was 4.17 MB. Here the same question gets the same
// answer every time, the file once in it.
TEST_F(ProtoOnlyClientTest, ReflectionAnswersEachRequestOnceOnOneStream) {
  for (const char* package : kReflectionPackages) {
    SCOPED_TRACE(package);
    ReflectionStream stream(stub(), package);
    std::string first;
    for (int i = 0; i < 200; ++i) {
      std::string response;
      ASSERT_TRUE(stream.Ask(
          ReflectionRequest(kFileByFilename, "ogi/v1/common.proto"), &response))
          << "request " << i;
      const std::vector<std::string> names = FileNames(AnsweredFiles(response));
      ASSERT_FALSE(names.empty()) << "request " << i;
      EXPECT_EQ(names.front(), "ogi/v1/common.proto");
      EXPECT_EQ(std::count(names.begin(), names.end(), "ogi/v1/common.proto"),
                1)
          << "request " << i;
      EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(),
                names.size())
          << "a file twice in answer " << i;
      if (i == 0) {
        first = response;
      } else {
        ASSERT_EQ(response.size(), first.size()) << "request " << i;
        EXPECT_EQ(response, first) << "request " << i;
      }
    }
    int left_over = 0;
    grpc::Status status = stream.Close(&left_over);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(left_over, 0) << "answers beyond one per request";
  }
}

TEST_F(ProtoOnlyClientTest, ReflectionRefusesUnknownSymbolsWithNotFound) {
  for (const char* package : kReflectionPackages) {
    SCOPED_TRACE(package);
    ReflectionStream stream(stub(), package);
    std::string response;
    ASSERT_TRUE(stream.Ask(
        ReflectionRequest(kFileContainingSymbol, "ogi.v1.NoSuchService"),
        &response));
    EXPECT_THAT(AnsweredFiles(response), IsEmpty());
    EXPECT_EQ(
        ErrorOf(response),
        std::make_pair(
            std::string("5"),  // NOT_FOUND
            std::string(
                R"(file_containing_symbol: 未找到符号 "ogi.v1.NoSuchService")")));

    // A 100,000-character name: a short answer quoting a short prefix (and
    // the request's own echo cut short too), and the stream goes on.
    const std::string huge(100000, 'x');
    UnknownFieldSet request;
    request.AddLengthDelimited(kHost, std::string(100000, 'h'));
    request.AddLengthDelimited(kFileContainingSymbol, huge);
    std::string bytes;
    ASSERT_TRUE(request.SerializeToString(&bytes));
    ASSERT_TRUE(stream.Ask(bytes, &response));
    EXPECT_LT(response.size(), 1000u);
    EXPECT_EQ(ErrorOf(response).first, "5");
    EXPECT_THAT(ErrorOf(response).second,
                AllOf(HasSubstr("file_containing_symbol: "), HasSubstr("xxxx…"),
                      HasSubstr("100000 个字符")));

    ASSERT_TRUE(stream.Ask(
        ReflectionRequest(kFileContainingSymbol, kCaseService), &response));
    EXPECT_THAT(FileNames(AnsweredFiles(response)),
                Contains("ogi/v1/case_service.proto"));
    int left_over = 0;
    EXPECT_TRUE(stream.Close(&left_over).ok());
    EXPECT_EQ(left_over, 0);
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
