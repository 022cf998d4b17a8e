#ifndef OGI_SERVICES_PROCEDURE_PROCEDURE_SERVICE_H_
#define OGI_SERVICES_PROCEDURE_PROCEDURE_SERVICE_H_

// gRPC adapter of ProcedureService: each handler hands the request to
// ProcedureManager on the worker pool.

#include "ogi/v1/procedure_service.grpc.pb.h"
#include "services/procedure/procedure_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `manager` and `edge` must outlive the service.
class ProcedureServiceImpl final
    : public v1::ProcedureService::CallbackService {
 public:
  ProcedureServiceImpl(ProcedureManager* manager, const CallEdge* edge)
      : manager_(manager), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* SendCorrectionNotice(
      grpc::CallbackServerContext* context,
      const v1::SendCorrectionNoticeRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* ReceiveSupplement(
      grpc::CallbackServerContext* context,
      const v1::ReceiveSupplementRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* SendConsultation(
      grpc::CallbackServerContext* context,
      const v1::SendConsultationRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* ReceiveConsultationReply(
      grpc::CallbackServerContext* context,
      const v1::ReceiveConsultationReplyRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* IssueFeeNotice(
      grpc::CallbackServerContext* context,
      const v1::IssueFeeNoticeRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* ReceiveFeePayment(
      grpc::CallbackServerContext* context,
      const v1::ReceiveFeePaymentRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* ExtendDeadline(
      grpc::CallbackServerContext* context,
      const v1::ExtendDeadlineRequest* request,
      v1::ProcedureStepResponse* response) override;
  grpc::ServerUnaryReactor* DeferDeadline(
      grpc::CallbackServerContext* context,
      const v1::DeferDeadlineRequest* request,
      v1::ProcedureStepResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  template <typename Request>
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* context,
                                   absl::string_view method,
                                   const Request* request,
                                   v1::ProcedureStepResponse* response);

  ProcedureManager* const manager_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEDURE_PROCEDURE_SERVICE_H_
