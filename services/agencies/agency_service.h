#ifndef OGI_SERVICES_AGENCIES_AGENCY_SERVICE_H_
#define OGI_SERVICES_AGENCIES_AGENCY_SERVICE_H_

// gRPC adapter of AgencyService (read-only directory of agencies).

#include <string>

#include "ogi/v1/agency_service.grpc.pb.h"
#include "services/common/thread_pool.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. `store` and `pool` must outlive the service.
class AgencyServiceImpl final : public v1::AgencyService::CallbackService {
 public:
  AgencyServiceImpl(CaseStore* store, ThreadPool* pool,
                    std::string default_agency_code)
      : store_(store),
        pool_(pool),
        default_agency_code_(std::move(default_agency_code)) {}

  grpc::ServerUnaryReactor* ListAgencies(
      grpc::CallbackServerContext* context,
      const v1::ListAgenciesRequest* request,
      v1::ListAgenciesResponse* response) override;
  grpc::ServerUnaryReactor* GetAgency(grpc::CallbackServerContext* context,
                                      const v1::GetAgencyRequest* request,
                                      v1::GetAgencyResponse* response) override;

 private:
  CaseStore* const store_;
  ThreadPool* const pool_;
  const std::string default_agency_code_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_AGENCIES_AGENCY_SERVICE_H_
