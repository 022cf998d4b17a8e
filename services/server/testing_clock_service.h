#ifndef OGI_SERVICES_SERVER_TESTING_CLOCK_SERVICE_H_
#define OGI_SERVICES_SERVER_TESTING_CLOCK_SERVICE_H_

// TestingClockService: moves the server's ManualClock, then lets the alert
// hub see the new day before answering, so a test that moves the clock has
// every resulting alert queued when the call returns. Registered only with
// --fake_clock_start.

#include "ogi/test/v1/testing_clock.grpc.pb.h"
#include "services/alerts/alert_hub.h"
#include "services/common/clock.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. All pointers must outlive the service.
class TestingClockServiceImpl final
    : public test::v1::TestingClockService::CallbackService {
 public:
  TestingClockServiceImpl(ManualClock* clock, AlertHub* hub,
                          const CallEdge* edge)
      : clock_(clock), hub_(hub), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* SetTime(
      grpc::CallbackServerContext* context,
      const test::v1::SetTimeRequest* request,
      test::v1::SetTimeResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  ManualClock* const clock_;
  AlertHub* const hub_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_TESTING_CLOCK_SERVICE_H_
