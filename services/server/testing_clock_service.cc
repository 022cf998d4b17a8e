#include "services/server/testing_clock_service.h"

#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void TestingClockServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(test::v1::TestingClockService::service_full_name(),
                     "SetTime"),
      RawUnaryHandler(this, &TestingClockServiceImpl::SetTime));
}

grpc::ServerUnaryReactor* TestingClockServiceImpl::SetTime(
    grpc::CallbackServerContext* context,
    const test::v1::SetTimeRequest* request,
    test::v1::SetTimeResponse* response) {
  return RunUnary(
      context, *edge_, "ogi.test.v1.TestingClockService.SetTime", request,
      response,
      [this,
       request](const Principal&) -> absl::StatusOr<test::v1::SetTimeResponse> {
        if (!request->has_time()) {
          return absl::InvalidArgumentError("time: 必须填写");
        }
        clock_->Set(FromProtoTimestamp(request->time()));
        OGI_RETURN_IF_ERROR(hub_->CheckDayRollover().status());
        test::v1::SetTimeResponse out;
        *out.mutable_time() = ToProtoTimestamp(clock_->Now());
        return out;
      });
}

}  // namespace ogi
