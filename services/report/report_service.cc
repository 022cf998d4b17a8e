#include "services/report/report_service.h"

#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void ReportServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "GetReport"),
      RawUnaryHandler(this, &ReportServiceImpl::GetReport));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "RenderReport"),
      RawUnaryHandler(this, &ReportServiceImpl::RenderReport));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "GetCell"),
      RawUnaryHandler(this, &ReportServiceImpl::GetCell));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "LockReport"),
      RawUnaryHandler(this, &ReportServiceImpl::LockReport));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "SetFigures"),
      RawUnaryHandler(this, &ReportServiceImpl::SetFigures));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "SetProse"),
      RawUnaryHandler(this, &ReportServiceImpl::SetProse));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(),
                     "RegisterDocument"),
      RawUnaryHandler(this, &ReportServiceImpl::RegisterDocument));
  MarkMethodRawCallback(
      RawMethodIndex(v1::ReportService::service_full_name(), "ListDocuments"),
      RawUnaryHandler(this, &ReportServiceImpl::ListDocuments));
}

grpc::ServerUnaryReactor* ReportServiceImpl::GetReport(
    grpc::CallbackServerContext* context, const v1::GetReportRequest* request,
    v1::Report* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.GetReport", request,
                   response, [this](const auto& r, const Principal&) {
                     return manager_->GetReport(r);
                   });
}

grpc::ServerUnaryReactor* ReportServiceImpl::RenderReport(
    grpc::CallbackServerContext* context,
    const v1::RenderReportRequest* request, v1::RenderedReport* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.RenderReport",
                   request, response, [this](const auto& r, const Principal&) {
                     return manager_->RenderReport(r);
                   });
}

grpc::ServerUnaryReactor* ReportServiceImpl::GetCell(
    grpc::CallbackServerContext* context, const v1::GetCellRequest* request,
    v1::GetCellResponse* response) {
  return RunScoped(
      context, *edge_, "ogi.v1.ReportService.GetCell", request, response,
      [this](const auto& r, const Principal&) { return manager_->GetCell(r); });
}

grpc::ServerUnaryReactor* ReportServiceImpl::LockReport(
    grpc::CallbackServerContext* context, const v1::LockReportRequest* request,
    v1::Report* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.LockReport", request,
                   response, [this](const auto& r, const Principal& p) {
                     return manager_->LockReport(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* ReportServiceImpl::SetFigures(
    grpc::CallbackServerContext* context, const v1::SetFiguresRequest* request,
    v1::Table2* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.SetFigures", request,
                   response, [this](const auto& r, const Principal& p) {
                     return manager_->SetFigures(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* ReportServiceImpl::SetProse(
    grpc::CallbackServerContext* context, const v1::SetProseRequest* request,
    v1::ReportProse* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.SetProse", request,
                   response, [this](const auto& r, const Principal& p) {
                     return manager_->SetProse(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* ReportServiceImpl::RegisterDocument(
    grpc::CallbackServerContext* context,
    const v1::RegisterDocumentRequest* request,
    v1::RegisteredDocument* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.RegisterDocument",
                   request, response,
                   [this](const auto& r, const Principal& p) {
                     return manager_->RegisterDocument(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* ReportServiceImpl::ListDocuments(
    grpc::CallbackServerContext* context,
    const v1::ListDocumentsRequest* request,
    v1::ListDocumentsResponse* response) {
  return RunScoped(context, *edge_, "ogi.v1.ReportService.ListDocuments",
                   request, response, [this](const auto& r, const Principal&) {
                     return manager_->ListDocuments(r);
                   });
}

}  // namespace ogi
