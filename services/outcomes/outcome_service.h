#ifndef OGI_SERVICES_OUTCOMES_OUTCOME_SERVICE_H_
#define OGI_SERVICES_OUTCOMES_OUTCOME_SERVICE_H_

// gRPC adapter of OutcomeService: each handler hands the request to
// OutcomeManager on the worker pool.

#include "ogi/v1/outcome_service.grpc.pb.h"
#include "services/outcomes/outcome_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `manager` and `edge` must outlive the service.
class OutcomeServiceImpl final : public v1::OutcomeService::CallbackService {
 public:
  OutcomeServiceImpl(OutcomeManager* manager, const CallEdge* edge)
      : manager_(manager), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* ConcludeCase(
      grpc::CallbackServerContext* context,
      const v1::ConcludeCaseRequest* request,
      v1::OutcomeResponse* response) override;
  grpc::ServerUnaryReactor* WithdrawCase(
      grpc::CallbackServerContext* context,
      const v1::WithdrawCaseRequest* request,
      v1::OutcomeResponse* response) override;
  grpc::ServerUnaryReactor* ConfirmLapse(
      grpc::CallbackServerContext* context,
      const v1::ConfirmLapseRequest* request,
      v1::OutcomeResponse* response) override;
  grpc::ServerUnaryReactor* CorrectConclusion(
      grpc::CallbackServerContext* context,
      const v1::CorrectConclusionRequest* request,
      v1::OutcomeResponse* response) override;
  grpc::ServerUnaryReactor* RecordReAnswer(
      grpc::CallbackServerContext* context,
      const v1::RecordReAnswerRequest* request,
      v1::OutcomeResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  template <typename Request>
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* context,
                                   absl::string_view method,
                                   const Request* request,
                                   v1::OutcomeResponse* response);

  OutcomeManager* const manager_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_OUTCOMES_OUTCOME_SERVICE_H_
