// Server reflection (grpc.reflection.v1 and v1alpha) and the health service
// through hand-encoded messages, as a tool like grpcurl would see them: every
// listed service must be describable from reflection's answers alone, and a
// long stream must get exactly one bounded answer per request.

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>
#include <google/protobuf/unknown_field_set.h>

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
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
namespace {

using ::google::protobuf::ServiceDescriptor;
using ::google::protobuf::UnknownField;
using ::google::protobuf::UnknownFieldSet;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

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
  ReflectionStream(grpc::GenericStub& stub, const std::string& package)
      : stream_(stub, absl::StrCat("/", package,
                                   ".ServerReflection/ServerReflectionInfo")),
        started_(stream_.StartCall()) {}

  // Sends `request` and returns the next response's bytes in *response;
  // false when the stream failed.
  bool Ask(const std::string& request, std::string* response) {
    return started_ && stream_.Write(request) && stream_.Read(response);
  }

  // Half-closes; returns the number of messages the server still sent (0
  // when every request got exactly one answer) and its final status.
  grpc::Status Close(int* left_over) {
    *left_over = 0;
    stream_.WritesDone();
    std::string ignored;
    while (stream_.Read(&ignored)) ++*left_over;
    return stream_.Finish();
  }

 private:
  StreamingCall stream_;
  const bool started_;
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

}  // namespace

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

}  // namespace ogi::proto_only
