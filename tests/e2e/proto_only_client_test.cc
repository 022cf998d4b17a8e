// The proto-only client as a whole: the binary holds no generated ogi type,
// and every RPC of every service the .proto files declare answers it (the
// parts, one file per service, run in order; see proto_only_fixture.h).

#include <google/protobuf/descriptor.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
using ::google::protobuf::ServiceDescriptor;
using ::testing::Contains;

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

}  // namespace ogi::proto_only
