#ifndef OGI_SERVICES_ACCESS_ACCESS_SERVICE_H_
#define OGI_SERVICES_ACCESS_ACCESS_SERVICE_H_

// gRPC adapter of AccessService: each handler hands the request to
// AccessManager through the call edge (which admits the caller first).

#include "ogi/v1/access_service.grpc.pb.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `edge` must outlive the service.
class AccessServiceImpl final : public v1::AccessService::CallbackService {
 public:
  explicit AccessServiceImpl(const CallEdge* edge) : edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* WhoAmI(grpc::CallbackServerContext* context,
                                   const v1::WhoAmIRequest* request,
                                   v1::WhoAmIResponse* response) override;
  grpc::ServerUnaryReactor* PutUser(grpc::CallbackServerContext* context,
                                    const v1::PutUserRequest* request,
                                    v1::User* response) override;
  grpc::ServerUnaryReactor* ListUsers(grpc::CallbackServerContext* context,
                                      const v1::ListUsersRequest* request,
                                      v1::ListUsersResponse* response) override;
  grpc::ServerUnaryReactor* IssueToken(
      grpc::CallbackServerContext* context,
      const v1::IssueTokenRequest* request,
      v1::IssueTokenResponse* response) override;
  grpc::ServerUnaryReactor* RevokeToken(grpc::CallbackServerContext* context,
                                        const v1::RevokeTokenRequest* request,
                                        v1::TokenInfo* response) override;
  grpc::ServerUnaryReactor* ListTokens(
      grpc::CallbackServerContext* context,
      const v1::ListTokensRequest* request,
      v1::ListTokensResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_ACCESS_ACCESS_SERVICE_H_
