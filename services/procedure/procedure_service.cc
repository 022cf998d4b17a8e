#include "services/procedure/procedure_service.h"

#include "services/server/unary_call.h"

namespace ogi {

template <typename Request>
grpc::ServerUnaryReactor* ProcedureServiceImpl::Handle(
    grpc::CallbackServerContext* context, const Request* request,
    v1::ProcedureStepResponse* response) {
  return RunUnary<v1::ProcedureStepResponse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->Record(*request, actor);
      });
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::SendCorrectionNotice(
    grpc::CallbackServerContext* context,
    const v1::SendCorrectionNoticeRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ReceiveSupplement(
    grpc::CallbackServerContext* context,
    const v1::ReceiveSupplementRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::SendConsultation(
    grpc::CallbackServerContext* context,
    const v1::SendConsultationRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ReceiveConsultationReply(
    grpc::CallbackServerContext* context,
    const v1::ReceiveConsultationReplyRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::IssueFeeNotice(
    grpc::CallbackServerContext* context,
    const v1::IssueFeeNoticeRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ReceiveFeePayment(
    grpc::CallbackServerContext* context,
    const v1::ReceiveFeePaymentRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ExtendDeadline(
    grpc::CallbackServerContext* context,
    const v1::ExtendDeadlineRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::DeferDeadline(
    grpc::CallbackServerContext* context,
    const v1::DeferDeadlineRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, request, response);
}

}  // namespace ogi
