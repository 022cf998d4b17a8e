#include "services/proceedings/proceeding_service.h"

#include "services/server/unary_call.h"

namespace ogi {

template <typename Request>
grpc::ServerUnaryReactor* ProceedingServiceImpl::Handle(
    grpc::CallbackServerContext* context, const Request* request,
    v1::ProceedingResponse* response) {
  return RunUnary<v1::ProceedingResponse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->Record(*request, actor);
      });
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::FileReview(
    grpc::CallbackServerContext* context, const v1::FileReviewRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::RecordReviewProgress(
    grpc::CallbackServerContext* context,
    const v1::RecordReviewProgressRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::DecideReview(
    grpc::CallbackServerContext* context,
    const v1::DecideReviewRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::ListReviews(
    grpc::CallbackServerContext* context,
    const v1::ListProceedingsRequest* request,
    v1::ListReviewsResponse* response) {
  return RunUnary<v1::ListReviewsResponse>(
      context, pool_, response,
      [this, request] { return manager_->ListReviews(*request); });
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::FileLawsuit(
    grpc::CallbackServerContext* context, const v1::FileLawsuitRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::RecordLawsuitProgress(
    grpc::CallbackServerContext* context,
    const v1::RecordLawsuitProgressRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::JudgeLawsuit(
    grpc::CallbackServerContext* context,
    const v1::JudgeLawsuitRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::AppealLawsuit(
    grpc::CallbackServerContext* context,
    const v1::AppealLawsuitRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::DecideAppeal(
    grpc::CallbackServerContext* context,
    const v1::DecideAppealRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::ListLawsuits(
    grpc::CallbackServerContext* context,
    const v1::ListProceedingsRequest* request,
    v1::ListLawsuitsResponse* response) {
  return RunUnary<v1::ListLawsuitsResponse>(
      context, pool_, response,
      [this, request] { return manager_->ListLawsuits(*request); });
}

}  // namespace ogi
