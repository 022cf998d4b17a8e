#include "services/agencies/agency_service.h"

#include "services/common/status_macros.h"
#include "services/server/unary_call.h"

namespace ogi {

grpc::ServerUnaryReactor* AgencyServiceImpl::ListAgencies(
    grpc::CallbackServerContext* context,
    const v1::ListAgenciesRequest* request,
    v1::ListAgenciesResponse* response) {
  return RunUnary<v1::ListAgenciesResponse>(
      context, pool_, response,
      [this]() -> absl::StatusOr<v1::ListAgenciesResponse> {
        OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                             store_->ListAgencies());
        v1::ListAgenciesResponse out;
        for (v1::Agency& a : agencies) *out.add_agencies() = std::move(a);
        out.set_default_agency_code(default_agency_code_);
        return out;
      });
}

grpc::ServerUnaryReactor* AgencyServiceImpl::GetAgency(
    grpc::CallbackServerContext* context, const v1::GetAgencyRequest* request,
    v1::GetAgencyResponse* response) {
  return RunUnary<v1::GetAgencyResponse>(
      context, pool_, response,
      [this, request]() -> absl::StatusOr<v1::GetAgencyResponse> {
        OGI_ASSIGN_OR_RETURN(
            v1::Agency agency,
            store_->GetAgency(request->code().empty() ? default_agency_code_
                                                      : request->code()));
        v1::GetAgencyResponse out;
        *out.mutable_agency() = std::move(agency);
        return out;
      });
}

}  // namespace ogi
