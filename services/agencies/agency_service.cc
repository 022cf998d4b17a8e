#include "services/agencies/agency_service.h"

#include "services/common/field_update.h"
#include "services/common/paging.h"
#include "services/common/status_macros.h"
#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void AgencyServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::AgencyService::service_full_name(), "ListAgencies"),
      RawUnaryHandler(this, &AgencyServiceImpl::ListAgencies));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AgencyService::service_full_name(), "GetAgency"),
      RawUnaryHandler(this, &AgencyServiceImpl::GetAgency));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AgencyService::service_full_name(), "PutAgency"),
      RawUnaryHandler(this, &AgencyServiceImpl::PutAgency));
}

grpc::ServerUnaryReactor* AgencyServiceImpl::ListAgencies(
    grpc::CallbackServerContext* context,
    const v1::ListAgenciesRequest* request,
    v1::ListAgenciesResponse* response) {
  return RunUnary(
      context, *edge_, "ogi.v1.AgencyService.ListAgencies", request, response,
      [this, request](
          const Principal& p) -> absl::StatusOr<v1::ListAgenciesResponse> {
        // By offset in the store's order, by code (unique). An agency added
        // between two pages with a code before the page's start moves the
        // later ones on by one, repeating one (AIP-158 allows it); agencies
        // are never removed, so none is skipped.
        OGI_ASSIGN_OR_RETURN(const PageRequest page,
                             PageRequest::Parse(*request, "ListAgencies"));
        OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                             store_->ListAgencies());
        v1::ListAgenciesResponse out;
        for (v1::Agency& a : agencies) {
          if (!p.MayRead(a.code())) continue;
          StampEtag(&a);
          *out.add_agencies() = std::move(a);
        }
        out.set_default_agency_code(p.own_agency());
        out.set_next_page_token(KeepPage(page, out.mutable_agencies()));
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
        StampEtag(&agency);
        v1::GetAgencyResponse out;
        *out.mutable_agency() = std::move(agency);
        return out;
      });
}

grpc::ServerUnaryReactor* AgencyServiceImpl::PutAgency(
    grpc::CallbackServerContext* context, const v1::PutAgencyRequest* request,
    v1::Agency* response) {
  return RunUnary(context, *edge_, "ogi.v1.AgencyService.PutAgency", request,
                  response, [this, request](const Principal& p) {
                    return edge_->access->PutAgency(*request, p);
                  });
}

}  // namespace ogi
