#include "services/access/access_service.h"

#include "services/rpc/raw_unary.h"

namespace ogi {

void AccessServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::AccessService::service_full_name(), "WhoAmI"),
      RawUnaryHandler(this, &AccessServiceImpl::WhoAmI));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AccessService::service_full_name(), "PutUser"),
      RawUnaryHandler(this, &AccessServiceImpl::PutUser));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AccessService::service_full_name(), "ListUsers"),
      RawUnaryHandler(this, &AccessServiceImpl::ListUsers));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AccessService::service_full_name(), "IssueToken"),
      RawUnaryHandler(this, &AccessServiceImpl::IssueToken));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AccessService::service_full_name(), "RevokeToken"),
      RawUnaryHandler(this, &AccessServiceImpl::RevokeToken));
  MarkMethodRawCallback(
      RawMethodIndex(v1::AccessService::service_full_name(), "ListTokens"),
      RawUnaryHandler(this, &AccessServiceImpl::ListTokens));
}

grpc::ServerUnaryReactor* AccessServiceImpl::WhoAmI(
    grpc::CallbackServerContext* context, const v1::WhoAmIRequest* request,
    v1::WhoAmIResponse* response) {
  return RunUnary(
      context, *edge_, "ogi.v1.AccessService.WhoAmI", request, response,
      [this](const Principal& p) { return edge_->access->WhoAmI(p); });
}

grpc::ServerUnaryReactor* AccessServiceImpl::PutUser(
    grpc::CallbackServerContext* context, const v1::PutUserRequest* request,
    v1::User* response) {
  return RunUnary(context, *edge_, "ogi.v1.AccessService.PutUser", request,
                  response, [this, request](const Principal& p) {
                    return edge_->access->PutUser(*request, p);
                  });
}

grpc::ServerUnaryReactor* AccessServiceImpl::ListUsers(
    grpc::CallbackServerContext* context, const v1::ListUsersRequest* request,
    v1::ListUsersResponse* response) {
  return RunUnary(context, *edge_, "ogi.v1.AccessService.ListUsers", request,
                  response, [this, request](const Principal& p) {
                    return edge_->access->ListUsers(*request, p);
                  });
}

grpc::ServerUnaryReactor* AccessServiceImpl::IssueToken(
    grpc::CallbackServerContext* context, const v1::IssueTokenRequest* request,
    v1::IssueTokenResponse* response) {
  return RunUnary(context, *edge_, "ogi.v1.AccessService.IssueToken", request,
                  response, [this, request](const Principal& p) {
                    return edge_->access->IssueToken(*request, p);
                  });
}

grpc::ServerUnaryReactor* AccessServiceImpl::RevokeToken(
    grpc::CallbackServerContext* context, const v1::RevokeTokenRequest* request,
    v1::TokenInfo* response) {
  return RunUnary(context, *edge_, "ogi.v1.AccessService.RevokeToken", request,
                  response, [this, request](const Principal& p) {
                    return edge_->access->RevokeToken(*request, p);
                  });
}

grpc::ServerUnaryReactor* AccessServiceImpl::ListTokens(
    grpc::CallbackServerContext* context, const v1::ListTokensRequest* request,
    v1::ListTokensResponse* response) {
  return RunUnary(context, *edge_, "ogi.v1.AccessService.ListTokens", request,
                  response, [this, request](const Principal& p) {
                    return edge_->access->ListTokens(*request, p);
                  });
}

}  // namespace ogi
