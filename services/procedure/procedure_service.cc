#include "services/procedure/procedure_service.h"

#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void ProcedureServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "SendCorrectionNotice"),
      RawUnaryHandler(this, &ProcedureServiceImpl::SendCorrectionNotice));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "ReceiveSupplement"),
      RawUnaryHandler(this, &ProcedureServiceImpl::ReceiveSupplement));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "SendConsultation"),
      RawUnaryHandler(this, &ProcedureServiceImpl::SendConsultation));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "ReceiveConsultationReply"),
      RawUnaryHandler(this, &ProcedureServiceImpl::ReceiveConsultationReply));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "IssueFeeNotice"),
      RawUnaryHandler(this, &ProcedureServiceImpl::IssueFeeNotice));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "ReceiveFeePayment"),
      RawUnaryHandler(this, &ProcedureServiceImpl::ReceiveFeePayment));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "ExtendDeadline"),
      RawUnaryHandler(this, &ProcedureServiceImpl::ExtendDeadline));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProcedureService::service_full_name(),
                     "DeferDeadline"),
      RawUnaryHandler(this, &ProcedureServiceImpl::DeferDeadline));
}

template <typename Request>
grpc::ServerUnaryReactor* ProcedureServiceImpl::Handle(
    grpc::CallbackServerContext* context, absl::string_view method,
    const Request* request, v1::ProcedureStepResponse* response) {
  return RunScoped(context, *edge_, method, request, response,
                   [this](const Request& r, const Principal& p) {
                     return manager_->Record(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::SendCorrectionNotice(
    grpc::CallbackServerContext* context,
    const v1::SendCorrectionNoticeRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.SendCorrectionNotice",
                request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ReceiveSupplement(
    grpc::CallbackServerContext* context,
    const v1::ReceiveSupplementRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.ReceiveSupplement", request,
                response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::SendConsultation(
    grpc::CallbackServerContext* context,
    const v1::SendConsultationRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.SendConsultation", request,
                response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ReceiveConsultationReply(
    grpc::CallbackServerContext* context,
    const v1::ReceiveConsultationReplyRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.ReceiveConsultationReply",
                request, response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::IssueFeeNotice(
    grpc::CallbackServerContext* context,
    const v1::IssueFeeNoticeRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.IssueFeeNotice", request,
                response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ReceiveFeePayment(
    grpc::CallbackServerContext* context,
    const v1::ReceiveFeePaymentRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.ReceiveFeePayment", request,
                response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::ExtendDeadline(
    grpc::CallbackServerContext* context,
    const v1::ExtendDeadlineRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.ExtendDeadline", request,
                response);
}

grpc::ServerUnaryReactor* ProcedureServiceImpl::DeferDeadline(
    grpc::CallbackServerContext* context,
    const v1::DeferDeadlineRequest* request,
    v1::ProcedureStepResponse* response) {
  return Handle(context, "ogi.v1.ProcedureService.DeferDeadline", request,
                response);
}

}  // namespace ogi
