#include "services/outcomes/outcome_service.h"

#include "services/server/unary_call.h"

namespace ogi {

template <typename Request>
grpc::ServerUnaryReactor* OutcomeServiceImpl::Handle(
    grpc::CallbackServerContext* context, const Request* request,
    v1::OutcomeResponse* response) {
  return RunUnary<v1::OutcomeResponse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->Record(*request, actor);
      });
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::ConcludeCase(
    grpc::CallbackServerContext* context,
    const v1::ConcludeCaseRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::WithdrawCase(
    grpc::CallbackServerContext* context,
    const v1::WithdrawCaseRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::ConfirmLapse(
    grpc::CallbackServerContext* context,
    const v1::ConfirmLapseRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::CorrectConclusion(
    grpc::CallbackServerContext* context,
    const v1::CorrectConclusionRequest* request,
    v1::OutcomeResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* OutcomeServiceImpl::RecordReAnswer(
    grpc::CallbackServerContext* context,
    const v1::RecordReAnswerRequest* request, v1::OutcomeResponse* response) {
  return Handle(context, request, response);
}

}  // namespace ogi
