#include "services/proceedings/proceeding_service.h"

#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void ProceedingServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(), "FileReview"),
      RawUnaryHandler(this, &ProceedingServiceImpl::FileReview));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "RecordReviewProgress"),
      RawUnaryHandler(this, &ProceedingServiceImpl::RecordReviewProgress));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "DecideReview"),
      RawUnaryHandler(this, &ProceedingServiceImpl::DecideReview));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(), "ListReviews"),
      RawUnaryHandler(this, &ProceedingServiceImpl::ListReviews));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(), "FileLawsuit"),
      RawUnaryHandler(this, &ProceedingServiceImpl::FileLawsuit));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "RecordLawsuitProgress"),
      RawUnaryHandler(this, &ProceedingServiceImpl::RecordLawsuitProgress));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "JudgeLawsuit"),
      RawUnaryHandler(this, &ProceedingServiceImpl::JudgeLawsuit));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "AppealLawsuit"),
      RawUnaryHandler(this, &ProceedingServiceImpl::AppealLawsuit));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "DecideAppeal"),
      RawUnaryHandler(this, &ProceedingServiceImpl::DecideAppeal));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ProceedingService::service_full_name(),
                     "ListLawsuits"),
      RawUnaryHandler(this, &ProceedingServiceImpl::ListLawsuits));
}

template <typename Request>
grpc::ServerUnaryReactor* ProceedingServiceImpl::Handle(
    grpc::CallbackServerContext* context, absl::string_view method,
    const Request* request, v1::ProceedingResponse* response) {
  return RunScoped(context, *edge_, method, request, response,
                   [this](const Request& r, const Principal& p) {
                     return manager_->Record(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::FileReview(
    grpc::CallbackServerContext* context, const v1::FileReviewRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.FileReview", request,
                response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::RecordReviewProgress(
    grpc::CallbackServerContext* context,
    const v1::RecordReviewProgressRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.RecordReviewProgress",
                request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::DecideReview(
    grpc::CallbackServerContext* context,
    const v1::DecideReviewRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.DecideReview", request,
                response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::ListReviews(
    grpc::CallbackServerContext* context,
    const v1::ListProceedingsRequest* request,
    v1::ListReviewsResponse* response) {
  return RunScoped(
      context, *edge_, "ogi.v1.ProceedingService.ListReviews", request,
      response, [this](const v1::ListProceedingsRequest& r, const Principal&) {
        return manager_->ListReviews(r);
      });
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::FileLawsuit(
    grpc::CallbackServerContext* context, const v1::FileLawsuitRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.FileLawsuit", request,
                response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::RecordLawsuitProgress(
    grpc::CallbackServerContext* context,
    const v1::RecordLawsuitProgressRequest* request,
    v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.RecordLawsuitProgress",
                request, response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::JudgeLawsuit(
    grpc::CallbackServerContext* context,
    const v1::JudgeLawsuitRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.JudgeLawsuit", request,
                response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::AppealLawsuit(
    grpc::CallbackServerContext* context,
    const v1::AppealLawsuitRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.AppealLawsuit", request,
                response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::DecideAppeal(
    grpc::CallbackServerContext* context,
    const v1::DecideAppealRequest* request, v1::ProceedingResponse* response) {
  return Handle(context, "ogi.v1.ProceedingService.DecideAppeal", request,
                response);
}

grpc::ServerUnaryReactor* ProceedingServiceImpl::ListLawsuits(
    grpc::CallbackServerContext* context,
    const v1::ListProceedingsRequest* request,
    v1::ListLawsuitsResponse* response) {
  return RunScoped(
      context, *edge_, "ogi.v1.ProceedingService.ListLawsuits", request,
      response, [this](const v1::ListProceedingsRequest& r, const Principal&) {
        return manager_->ListLawsuits(r);
      });
}

}  // namespace ogi
