#include "services/report/report_service.h"

#include "services/server/unary_call.h"

namespace ogi {

grpc::ServerUnaryReactor* ReportServiceImpl::GetReport(
    grpc::CallbackServerContext* context, const v1::GetReportRequest* request,
    v1::Report* response) {
  return RunUnary<v1::Report>(context, pool_, response, [this, request] {
    return manager_->GetReport(*request);
  });
}

grpc::ServerUnaryReactor* ReportServiceImpl::RenderReport(
    grpc::CallbackServerContext* context,
    const v1::RenderReportRequest* request, v1::RenderedReport* response) {
  return RunUnary<v1::RenderedReport>(context, pool_, response,
                                      [this, request] {
                                        return manager_->RenderReport(*request);
                                      });
}

grpc::ServerUnaryReactor* ReportServiceImpl::GetCell(
    grpc::CallbackServerContext* context, const v1::GetCellRequest* request,
    v1::GetCellResponse* response) {
  return RunUnary<v1::GetCellResponse>(context, pool_, response,
                                       [this, request] {
                                         return manager_->GetCell(*request);
                                       });
}

grpc::ServerUnaryReactor* ReportServiceImpl::LockReport(
    grpc::CallbackServerContext* context, const v1::LockReportRequest* request,
    v1::Report* response) {
  return RunUnary<v1::Report>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->LockReport(*request, actor);
      });
}

grpc::ServerUnaryReactor* ReportServiceImpl::SetFigures(
    grpc::CallbackServerContext* context, const v1::SetFiguresRequest* request,
    v1::Table2* response) {
  return RunUnary<v1::Table2>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->SetFigures(*request, actor);
      });
}

grpc::ServerUnaryReactor* ReportServiceImpl::SetProse(
    grpc::CallbackServerContext* context, const v1::SetProseRequest* request,
    v1::ReportProse* response) {
  return RunUnary<v1::ReportProse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->SetProse(*request, actor);
      });
}

grpc::ServerUnaryReactor* ReportServiceImpl::RegisterDocument(
    grpc::CallbackServerContext* context,
    const v1::RegisterDocumentRequest* request,
    v1::RegisteredDocument* response) {
  return RunUnary<v1::RegisteredDocument>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->RegisterDocument(*request, actor);
      });
}

grpc::ServerUnaryReactor* ReportServiceImpl::ListDocuments(
    grpc::CallbackServerContext* context,
    const v1::ListDocumentsRequest* request,
    v1::ListDocumentsResponse* response) {
  return RunUnary<v1::ListDocumentsResponse>(
      context, pool_, response,
      [this, request] { return manager_->ListDocuments(*request); });
}

}  // namespace ogi
