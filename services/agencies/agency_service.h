#ifndef OGI_SERVICES_AGENCIES_AGENCY_SERVICE_H_
#define OGI_SERVICES_AGENCIES_AGENCY_SERVICE_H_

// gRPC adapter of AgencyService (read-only directory of agencies).

#include <string>

#include "ogi/v1/agency_service.grpc.pb.h"
#include "services/rpc/unary_call.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. `store` and `edge` must outlive the service.
class AgencyServiceImpl final : public v1::AgencyService::CallbackService {
 public:
  AgencyServiceImpl(CaseStore* store, const CallEdge* edge)
      : store_(store), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* ListAgencies(
      grpc::CallbackServerContext* context,
      const v1::ListAgenciesRequest* request,
      v1::ListAgenciesResponse* response) override;
  grpc::ServerUnaryReactor* GetAgency(grpc::CallbackServerContext* context,
                                      const v1::GetAgencyRequest* request,
                                      v1::GetAgencyResponse* response) override;
  grpc::ServerUnaryReactor* PutAgency(grpc::CallbackServerContext* context,
                                      const v1::PutAgencyRequest* request,
                                      v1::Agency* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  CaseStore* const store_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_AGENCIES_AGENCY_SERVICE_H_
