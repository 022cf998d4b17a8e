#ifndef OGI_SERVICES_REPORT_REPORT_SERVICE_H_
#define OGI_SERVICES_REPORT_REPORT_SERVICE_H_

// gRPC adapter of ReportService: each handler hands the request to
// ReportManager on the worker pool.

#include "ogi/v1/report_service.grpc.pb.h"
#include "services/report/report_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `manager` and `edge` must outlive the service.
class ReportServiceImpl final : public v1::ReportService::CallbackService {
 public:
  ReportServiceImpl(ReportManager* manager, const CallEdge* edge)
      : manager_(manager), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* context,
                                      const v1::GetReportRequest* request,
                                      v1::Report* response) override;
  grpc::ServerUnaryReactor* RenderReport(grpc::CallbackServerContext* context,
                                         const v1::RenderReportRequest* request,
                                         v1::RenderedReport* response) override;
  grpc::ServerUnaryReactor* GetCell(grpc::CallbackServerContext* context,
                                    const v1::GetCellRequest* request,
                                    v1::GetCellResponse* response) override;
  grpc::ServerUnaryReactor* LockReport(grpc::CallbackServerContext* context,
                                       const v1::LockReportRequest* request,
                                       v1::Report* response) override;
  grpc::ServerUnaryReactor* SetFigures(grpc::CallbackServerContext* context,
                                       const v1::SetFiguresRequest* request,
                                       v1::Table2* response) override;
  grpc::ServerUnaryReactor* SetProse(grpc::CallbackServerContext* context,
                                     const v1::SetProseRequest* request,
                                     v1::ReportProse* response) override;
  grpc::ServerUnaryReactor* RegisterDocument(
      grpc::CallbackServerContext* context,
      const v1::RegisterDocumentRequest* request,
      v1::RegisteredDocument* response) override;
  grpc::ServerUnaryReactor* ListDocuments(
      grpc::CallbackServerContext* context,
      const v1::ListDocumentsRequest* request,
      v1::ListDocumentsResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  ReportManager* const manager_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_SERVICE_H_
