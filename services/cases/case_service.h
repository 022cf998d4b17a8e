#ifndef OGI_SERVICES_CASES_CASE_SERVICE_H_
#define OGI_SERVICES_CASES_CASE_SERVICE_H_

// gRPC adapter of CaseService: each handler hands the request to CaseManager
// on the worker pool and converts the result at the status edge.

#include "ogi/v1/case_service.grpc.pb.h"
#include "services/cases/case_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `manager` and `edge` must outlive the service.
class CaseServiceImpl final : public v1::CaseService::CallbackService {
 public:
  CaseServiceImpl(CaseManager* manager, const CallEdge* edge)
      : manager_(manager), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* CreateCase(
      grpc::CallbackServerContext* context,
      const v1::CreateCaseRequest* request,
      v1::CreateCaseResponse* response) override;
  grpc::ServerUnaryReactor* GetCase(grpc::CallbackServerContext* context,
                                    const v1::GetCaseRequest* request,
                                    v1::GetCaseResponse* response) override;
  grpc::ServerUnaryReactor* ListCases(grpc::CallbackServerContext* context,
                                      const v1::ListCasesRequest* request,
                                      v1::ListCasesResponse* response) override;
  grpc::ServerUnaryReactor* UpdateCase(
      grpc::CallbackServerContext* context,
      const v1::UpdateCaseRequest* request,
      v1::UpdateCaseResponse* response) override;
  grpc::ServerUnaryReactor* ListCaseHistory(
      grpc::CallbackServerContext* context,
      const v1::ListCaseHistoryRequest* request,
      v1::ListCaseHistoryResponse* response) override;
  grpc::ServerUnaryReactor* ListCaseReads(
      grpc::CallbackServerContext* context,
      const v1::ListCaseReadsRequest* request,
      v1::ListCaseReadsResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  CaseManager* const manager_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_SERVICE_H_
