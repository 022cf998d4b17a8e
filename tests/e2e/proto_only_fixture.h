#ifndef OGI_TESTS_E2E_PROTO_ONLY_FIXTURE_H_
#define OGI_TESTS_E2E_PROTO_ONLY_FIXTURE_H_

// What the proto-only client tests share (proto_only_*.cc, one file per
// gRPC service, linked into the one binary proto_only_client_test).
//
// A client that holds ONLY the .proto files can use the whole API. The binary
// links no generated ogi code: at run time it parses proto/ogi/v1/*.proto with
// protobuf's compiler::Importer, builds requests as dynamic messages from
// JSON, and calls the real ogi-server through grpc::GenericStub with
// serialized bytes. Every method of every service the .proto files declare
// must be exercised (a new RPC fails EveryRpcOfEveryServiceWorks until it is
// covered). The server runs with --fake_clock_start, so that
// ogi.test.v1.TestingClockService is served too and "today" is a fixed day the
// expected deadlines are worked out for. Every call carries a bearer token:
// the tester's that ServerProcess signs in (shown as 王科员), or those of the
// users the fixture makes through AccessService. The server's database lives
// in a TempDir removed when the test ends.

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/temp_dir.h"

namespace ogi::proto_only {

using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::MethodDescriptor;

inline constexpr char kAgencyName[] = "聊城市行政审批服务局";
inline constexpr char kAccessService[] = "ogi.v1.AccessService";
inline constexpr char kCaseService[] = "ogi.v1.CaseService";
inline constexpr char kAgencyService[] = "ogi.v1.AgencyService";
inline constexpr char kProcedureService[] = "ogi.v1.ProcedureService";
inline constexpr char kCalendarService[] = "ogi.v1.CalendarService";
inline constexpr char kDeadlineService[] = "ogi.v1.DeadlineService";
inline constexpr char kTestingClockService[] =
    "ogi.test.v1.TestingClockService";
inline constexpr char kOutcomeService[] = "ogi.v1.OutcomeService";
inline constexpr char kProceedingService[] = "ogi.v1.ProceedingService";
inline constexpr char kReportService[] = "ogi.v1.ReportService";

// The server's clock starts on Monday 2025-10-20 at 09:00 in Asia/Shanghai
// (UTC+8 without daylight saving); every expected date below is worked out
// by hand from this day and the State Council's 2025 arrangement (National
// Day and Mid-Autumn 2025-10-01..10-08 off; Sunday 2025-09-28 and Saturday
// 2025-10-11 make-up working days).
inline constexpr char kFakeClockStart[] = "2025-10-20T09:00:00+08:00";

// The cases EveryRpcOfEveryServiceWorks logs, in this order (case numbers are
// assigned in order, so each part relies on the parts before it).
// 王晓明's application, the first logged (ExerciseAgencyAndCaseServices).
inline constexpr char kFirstCaseNumber[] = "2025-0001";
// The cases ExerciseProcedureService logs, all received in person on Friday
// 2025-09-26, in this order after the two of ExerciseAgencyAndCaseServices.
// Unchanged, each would be due on the 20th working day after receipt,
// 2025-10-30, with 8 working days left on 2025-10-20; its 补正 notice was due
// on the 7th, 2025-10-13.
inline constexpr char kCorrectionCase[] = "2025-0003";
inline constexpr char kConsultationCase[] = "2025-0004";
inline constexpr char kFeeCase[] = "2025-0005";
inline constexpr char kExtensionCase[] = "2025-0006";
inline constexpr char kDeferralCase[] = "2025-0007";
// 周敏's, logged already overdue by ExerciseWatchAlertsAndSetTime.
inline constexpr char kOverdueCase[] = "2025-0008";
// Logged by ExerciseOutcomeService: its applicant never answers the 补正
// notice.
inline constexpr char kLapsedCase[] = "2025-0009";

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Request metadata that signs a call in with `token`.
inline Metadata Bearer(const std::string& token) {
  return {{"authorization", "Bearer " + token}};
}

// A call without a token.
inline Metadata NoToken() { return {}; }

// Every role, for a user who does everything (administrator included: loading
// a calendar and setting the test clock are administration).
inline constexpr char kEveryRole[] =
    R"(["ROLE_CLERK", "ROLE_APPROVER", "ROLE_LEGAL", "ROLE_STATISTICIAN",
        "ROLE_AUDITOR", "ROLE_ADMINISTRATOR"])";

// Seconds since the Unix epoch of a civil time in China Standard Time.
int64_t ChinaUnixSeconds(int year, int month, int day, int hour);

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

// A gRPC byte buffer holding `bytes`, and back.
grpc::ByteBuffer ToByteBuffer(const std::string& bytes);
std::string FromByteBuffer(const grpc::ByteBuffer& buffer);

// Waits for the next event of `cq`, which must be `tag`; returns its `ok`.
bool Await(grpc::CompletionQueue& cq, intptr_t tag);

// Shuts `cq` down and drains it.
void Drain(grpc::CompletionQueue& cq);

// One streaming call through the generic stub, made step by step so that a
// test can act between the steps (e.g. change something only after the server
// has subscribed the call). Every wait is bounded by the call's 30-second
// deadline, so a missing message fails the test instead of hanging it. Each
// step returns false when it failed (or, for Read, when the stream ended).
// Both the server-streaming calls of the API and the bidirectional reflection
// stream use it. Not thread-safe.
class StreamingCall {
 public:
  // Prepares the call of `path` ("/<service>/<method>") with `metadata`.
  // REQUIRES: `stub` outlives the stream.
  StreamingCall(grpc::GenericStub& stub, const std::string& path,
                const Metadata& metadata = {}) {
    context_.set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(30));
    for (const auto& [key, value] : metadata) context_.AddMetadata(key, value);
    call_ = stub.PrepareCall(&context_, path, &cq_);
  }

  StreamingCall(const StreamingCall&) = delete;
  StreamingCall& operator=(const StreamingCall&) = delete;

  // Ends the call (cancelling it) unless Finish() or Cancel() already did.
  ~StreamingCall() {
    if (!finished_) Cancel();
    Drain(cq_);
  }

  // For a server-streaming call: starts it, sends `request` and half-closes,
  // then waits for the server's initial metadata.
  bool Start(const std::string& request) {
    return StartCall() && Write(request) && WritesDone() &&
           Step([&](void* tag) { call_->ReadInitialMetadata(tag); });
  }

  bool StartCall() {
    return Step([&](void* tag) { call_->StartCall(tag); });
  }
  bool Write(const std::string& bytes) {
    return Step([&](void* tag) { call_->Write(ToByteBuffer(bytes), tag); });
  }
  bool WritesDone() {
    return Step([&](void* tag) { call_->WritesDone(tag); });
  }

  // The next message's bytes in *bytes.
  bool Read(std::string* bytes) {
    grpc::ByteBuffer buffer;
    if (!Step([&](void* tag) { call_->Read(&buffer, tag); })) return false;
    *bytes = FromByteBuffer(buffer);
    return true;
  }

  // Waits for the call's final status.
  grpc::Status Finish() {
    grpc::Status status;
    Step([&](void* tag) { call_->Finish(&status, tag); });
    finished_ = true;
    return status;
  }

  // Cancels the call and returns its final status.
  grpc::Status Cancel() {
    context_.TryCancel();
    return Finish();
  }

 private:
  // Starts one operation with a fresh tag and waits for it.
  template <typename Operation>
  bool Step(Operation operation) {
    operation(reinterpret_cast<void*>(++tag_));
    return Await(cq_, tag_);
  }

  grpc::ClientContext context_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
  intptr_t tag_ = 0;
  bool finished_ = false;
};

// Reading a dynamic message by field path ("case.applicant.name"): every step
// but the last is a singular message field. Scalars come back as text (enums
// by value name), so expectations read like the .proto file.
//
// The scalar at `path` as text; "<set>"/"<unset>" for a message field.
std::string Value(const Message& message, const std::string& path);
// The elements of the repeated scalar field at `path`, as text.
std::vector<std::string> Values(const Message& message,
                                const std::string& path);
// The ogi.v1.Date at `path` as "YYYY-MM-DD", or "<unset>".
std::string DateAt(const Message& message, const std::string& path);
// The elements of the repeated message field at `path`.
std::vector<const Message*> Elements(const Message& message,
                                     const std::string& path);
// The FieldChange of `event` for `field`, or nullptr.
const Message* ChangeOf(const Message& event, const std::string& field);

#define ASSERT_RPC_OK(reply)                                                 \
  ASSERT_TRUE((reply).status.ok()) << "code " << (reply).status.error_code() \
                                   << ": " << (reply).status.error_message()

// Matches a ProtoOnlyClientTest::Reply whose call failed with `code` and a
// message containing `text` (e.g. the field it names).
MATCHER_P2(RefusedWith, code, text, "") {
  *result_listener << "code " << arg.status.error_code() << ": "
                   << arg.status.error_message();
  return arg.status.error_code() == code &&
         arg.status.error_message().find(text) != std::string::npos;
}

// The fixture of every proto-only client test: parses the .proto files, starts
// ogi-server on a fresh database in a TempDir, and makes the two clerks the
// tests act as.
class ProtoOnlyClientTest : public ::testing::Test {
 protected:
  struct Reply {
    grpc::Status status;
    std::unique_ptr<Message> response;  // set when status is OK
  };

  ProtoOnlyClientTest();
  void SetUp() override;
  void TearDown() override;

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
                const std::string& roles, std::string* token);

  const google::protobuf::DescriptorPool* pool() { return importer_.pool(); }
  grpc::GenericStub& stub() { return *stub_; }

  // Calls `path` ("/<service>/<method>") with bytes; the response's bytes in
  // *response.
  grpc::Status CallBytes(const std::string& path, const std::string& request,
                         std::string* response, const Metadata& metadata = {});

  // The method named `full_name` (e.g. "ogi.v1.CaseService.GetCase") in the
  // .proto files, or nullptr (and a test failure).
  const MethodDescriptor* Method(const std::string& full_name);

  // "/<service>/<method>", as on the wire.
  static std::string PathOf(const MethodDescriptor& method);

  // `method`'s request built from JSON, typed only by the imported
  // descriptors, serialized.
  std::string RequestBytes(const MethodDescriptor& method,
                           const std::string& json);

  // `bytes` parsed as `method`'s response message, or nullptr.
  std::unique_ptr<Message> ParseResponse(const MethodDescriptor& method,
                                         const std::string& bytes);

  // Calls the unary method named `full_name` with a request given as JSON,
  // as the tester.
  Reply Call(const std::string& full_name, const std::string& json);

  // The same with exactly `metadata` (NoToken() for none).
  Reply Call(const std::string& full_name, const std::string& json,
             const Metadata& metadata);

  // CaseService.GetCase of case `number`, as the tester.
  Reply GetCase(const std::string& number);

  // The next message of `stream`, a call of the server-streaming `method`, or
  // nullptr when the stream ended or failed.
  std::unique_ptr<Message> ReadMessage(StreamingCall& stream,
                                       const MethodDescriptor& method);

  // Logs an in-person application that arrived (and so was received) on
  // 2025-<month>-<day>; returns the response's case.
  std::unique_ptr<Message> CreateInPersonCase(const std::string& applicant,
                                              int month, int day,
                                              const std::string& item);

  // The parts of the every-RPC test, in the order it runs them, one file per
  // service. Each leaves the server as the next expects (case numbers are
  // assigned in order).
  void ExerciseAgencyAndCaseServices();  // proto_only_case_service.cc
  void ExerciseCalendarService();        // proto_only_calendar_service.cc
  void ExerciseProcedureService();       // proto_only_procedure_service.cc
  void ExerciseListDeadlines();          // proto_only_deadline_service.cc
  void ExerciseWatchAlertsAndSetTime();  // proto_only_deadline_service.cc
  void ExerciseOutcomeService();         // proto_only_outcome_service.cc
  void ExerciseProceedingService();      // proto_only_proceeding_service.cc
  void ExerciseReportService();          // proto_only_report_service.cc
  void ExerciseAccessService();          // proto_only_access_service.cc

  testing::TempDir dir_;  // the server's database; outlives the server
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

}  // namespace ogi::proto_only

#endif  // OGI_TESTS_E2E_PROTO_ONLY_FIXTURE_H_
