#include "services/agencies/agency_service.h"

#include "services/common/status_macros.h"
#include "services/server/unary_call.h"

namespace ogi {

grpc::ServerUnaryReactor* AgencyServiceImpl::ListAgencies(
    grpc::CallbackServerContext* context,
    const v1::ListAgenciesRequest* request,
    v1::ListAgenciesResponse* response) {
  return RunUnary(
      context, *edge_, "ogi.v1.AgencyService.ListAgencies", response,
      [this](const Principal& p) -> absl::StatusOr<v1::ListAgenciesResponse> {
        OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                             store_->ListAgencies());
        v1::ListAgenciesResponse out;
        for (v1::Agency& a : agencies) {
          if (p.MayRead(a.code())) *out.add_agencies() = std::move(a);
        }
        out.set_default_agency_code(p.own_agency());
        return out;
      });
}

grpc::ServerUnaryReactor* AgencyServiceImpl::GetAgency(
    grpc::CallbackServerContext* context, const v1::GetAgencyRequest* request,
    v1::GetAgencyResponse* response) {
  return RunScoped(
      context, *edge_, "ogi.v1.AgencyService.GetAgency", request, response,
      [this](const v1::GetAgencyRequest& r,
             const Principal&) -> absl::StatusOr<v1::GetAgencyResponse> {
        OGI_ASSIGN_OR_RETURN(v1::Agency agency, store_->GetAgency(r.code()));
        v1::GetAgencyResponse out;
        *out.mutable_agency() = std::move(agency);
        return out;
      });
}

grpc::ServerUnaryReactor* AgencyServiceImpl::PutAgency(
    grpc::CallbackServerContext* context, const v1::PutAgencyRequest* request,
    v1::Agency* response) {
  return RunUnary(context, *edge_, "ogi.v1.AgencyService.PutAgency", response,
                  [this, request](const Principal& p) {
                    return edge_->access->PutAgency(*request, p);
                  });
}

}  // namespace ogi
