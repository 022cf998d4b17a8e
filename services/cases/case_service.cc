#include "services/cases/case_service.h"

#include "services/server/unary_call.h"

namespace ogi {

grpc::ServerUnaryReactor* CaseServiceImpl::CreateCase(
    grpc::CallbackServerContext* context, const v1::CreateCaseRequest* request,
    v1::CreateCaseResponse* response) {
  return RunUnary<v1::CreateCaseResponse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->CreateCase(*request, actor);
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::GetCase(
    grpc::CallbackServerContext* context, const v1::GetCaseRequest* request,
    v1::GetCaseResponse* response) {
  return RunUnary<v1::GetCaseResponse>(
      context, pool_, response,
      [this, request] { return manager_->GetCase(*request); });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCases(
    grpc::CallbackServerContext* context, const v1::ListCasesRequest* request,
    v1::ListCasesResponse* response) {
  return RunUnary<v1::ListCasesResponse>(
      context, pool_, response,
      [this, request] { return manager_->ListCases(*request); });
}

grpc::ServerUnaryReactor* CaseServiceImpl::UpdateCase(
    grpc::CallbackServerContext* context, const v1::UpdateCaseRequest* request,
    v1::UpdateCaseResponse* response) {
  return RunUnary<v1::UpdateCaseResponse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->UpdateCase(*request, actor);
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCaseHistory(
    grpc::CallbackServerContext* context,
    const v1::ListCaseHistoryRequest* request,
    v1::ListCaseHistoryResponse* response) {
  return RunUnary<v1::ListCaseHistoryResponse>(
      context, pool_, response,
      [this, request] { return manager_->ListCaseHistory(*request); });
}

}  // namespace ogi
