#include "services/outcomes/outcome_service.h"

#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void OutcomeServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::OutcomeService::service_full_name(), "ConcludeCase"),
      RawUnaryHandler(this, &OutcomeServiceImpl::ConcludeCase));
  MarkMethodRawCallback(
      RawMethodIndex(v1::OutcomeService::service_full_name(), "WithdrawCase"),
      RawUnaryHandler(this, &OutcomeServiceImpl::WithdrawCase));
  MarkMethodRawCallback(
      RawMethodIndex(v1::OutcomeService::service_full_name(), "ConfirmLapse"),
      RawUnaryHandler(this, &OutcomeServiceImpl::ConfirmLapse));
  MarkMethodRawCallback(
      RawMethodIndex(v1::OutcomeService::service_full_name(),
                     "CorrectConclusion"),
      RawUnaryHandler(this, &OutcomeServiceImpl::CorrectConclusion));
  MarkMethodRawCallback(
      RawMethodIndex(v1::OutcomeService::service_full_name(), "RecordReAnswer"),
      RawUnaryHandler(this, &OutcomeServiceImpl::RecordReAnswer));
}

template <typename Request>
grpc::ServerUnaryReactor* OutcomeServiceImpl::Handle(
    grpc::CallbackServerContext* context, absl::string_view method,
    const Request* request, v1::OutcomeResponse* response) {
  return RunScoped(context, *edge_, method, request, response,
                   [this](const Request& r, const Principal& p) {
                     return manager_->Record(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::ConcludeCase(
    grpc::CallbackServerContext* context,
    const v1::ConcludeCaseRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, "ogi.v1.OutcomeService.ConcludeCase", request,
                response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::WithdrawCase(
    grpc::CallbackServerContext* context,
    const v1::WithdrawCaseRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, "ogi.v1.OutcomeService.WithdrawCase", request,
                response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::ConfirmLapse(
    grpc::CallbackServerContext* context,
    const v1::ConfirmLapseRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, "ogi.v1.OutcomeService.ConfirmLapse", request,
                response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::CorrectConclusion(
    grpc::CallbackServerContext* context,
    const v1::CorrectConclusionRequest* request,
    v1::OutcomeResponse* response) {
  return Handle(context, "ogi.v1.OutcomeService.CorrectConclusion", request,
                response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::RecordReAnswer(
    grpc::CallbackServerContext* context,
    const v1::RecordReAnswerRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, "ogi.v1.OutcomeService.RecordReAnswer", request,
                response);
}

}  // namespace ogi
