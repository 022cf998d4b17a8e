#include "services/cases/case_service.h"

#include "services/common/status_macros.h"
#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void CaseServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::CaseService::service_full_name(), "CreateCase"),
      RawUnaryHandler(this, &CaseServiceImpl::CreateCase));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CaseService::service_full_name(), "GetCase"),
      RawUnaryHandler(this, &CaseServiceImpl::GetCase));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CaseService::service_full_name(), "ListCases"),
      RawUnaryHandler(this, &CaseServiceImpl::ListCases));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CaseService::service_full_name(), "UpdateCase"),
      RawUnaryHandler(this, &CaseServiceImpl::UpdateCase));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CaseService::service_full_name(), "ListCaseHistory"),
      RawUnaryHandler(this, &CaseServiceImpl::ListCaseHistory));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CaseService::service_full_name(), "ListCaseReads"),
      RawUnaryHandler(this, &CaseServiceImpl::ListCaseReads));
}

grpc::ServerUnaryReactor* CaseServiceImpl::CreateCase(
    grpc::CallbackServerContext* context, const v1::CreateCaseRequest* request,
    v1::CreateCaseResponse* response) {
  return RunScoped(context, *edge_, "ogi.v1.CaseService.CreateCase", request,
                   response,
                   [this](const v1::CreateCaseRequest& r, const Principal& p) {
                     return manager_->CreateCase(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* CaseServiceImpl::GetCase(
    grpc::CallbackServerContext* context, const v1::GetCaseRequest* request,
    v1::GetCaseResponse* response) {
  return RunScoped(
      context, *edge_, "ogi.v1.CaseService.GetCase", request, response,
      [this](const v1::GetCaseRequest& r,
             const Principal& p) -> absl::StatusOr<v1::GetCaseResponse> {
        OGI_ASSIGN_OR_RETURN(v1::GetCaseResponse out, manager_->GetCase(r));
        // Answered in full: the read itself becomes part of the record,
        // before the caller sees anything.
        if (p.SeesPersonalData()) {
          OGI_RETURN_IF_ERROR(edge_->access->RecordFullRead(
              p, r.agency_code(), out.case_().number(), "case"));
        }
        return out;
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCases(
    grpc::CallbackServerContext* context, const v1::ListCasesRequest* request,
    v1::ListCasesResponse* response) {
  return RunScoped(context, *edge_, "ogi.v1.CaseService.ListCases", request,
                   response,
                   [this](const v1::ListCasesRequest& r, const Principal&) {
                     return manager_->ListCases(r);
                   });
}

grpc::ServerUnaryReactor* CaseServiceImpl::UpdateCase(
    grpc::CallbackServerContext* context, const v1::UpdateCaseRequest* request,
    v1::UpdateCaseResponse* response) {
  return RunScoped(context, *edge_, "ogi.v1.CaseService.UpdateCase", request,
                   response,
                   [this](const v1::UpdateCaseRequest& r, const Principal& p) {
                     return manager_->UpdateCase(r, p.actor());
                   });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCaseHistory(
    grpc::CallbackServerContext* context,
    const v1::ListCaseHistoryRequest* request,
    v1::ListCaseHistoryResponse* response) {
  return RunScoped(
      context, *edge_, "ogi.v1.CaseService.ListCaseHistory", request, response,
      [this](const v1::ListCaseHistoryRequest& r, const Principal& p)
          -> absl::StatusOr<v1::ListCaseHistoryResponse> {
        OGI_ASSIGN_OR_RETURN(v1::ListCaseHistoryResponse out,
                             manager_->ListCaseHistory(r));
        // Every page shows the snapshots unmasked, so every page is a
        // reading: a kept token must not open a later page unrecorded. The
        // read log itself is no longer in this response (ListCaseReads).
        if (p.SeesPersonalData()) {
          OGI_RETURN_IF_ERROR(edge_->access->RecordFullRead(
              p, r.agency_code(), r.number(), "history"));
        }
        return out;
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCaseReads(
    grpc::CallbackServerContext* context,
    const v1::ListCaseReadsRequest* request,
    v1::ListCaseReadsResponse* response) {
  // Who read the full record, and when: staff names, none of the
  // applicant's data. Listing it records no reading of its own (it shows no
  // personal data, and the log must not grow under its own pages).
  return RunScoped(context, *edge_, "ogi.v1.CaseService.ListCaseReads", request,
                   response,
                   [this](const v1::ListCaseReadsRequest& r, const Principal&) {
                     return edge_->access->ListFullReads(r);
                   });
}

}  // namespace ogi
