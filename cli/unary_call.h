#ifndef OGI_CLI_UNARY_CALL_H_
#define OGI_CLI_UNARY_CALL_H_

// The one way `ogi` makes a unary call: a fresh grpc::ClientContext with the
// token and deadline of the global options (client.h PrepareContext), the
// call, and a failed call's status turned into the error the user reads
// (client.h RpcError; the command's edge then names the flags, see
// flag_fields.h). Streams (WatchAlerts) use PrepareStreamContext instead.

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/client.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace ogi::cli {

// Calls `call(context, &response)`, a grpc::Status(grpc::ClientContext*,
// Response*), once with a context prepared for `options`: the response, or
// the failure as RpcError.
template <typename Response, typename Call>
absl::StatusOr<Response> UnaryCall(const GlobalOptions& options, Call&& call) {
  Response response;
  grpc::ClientContext context;
  PrepareContext(options, &context);
  const grpc::Status status = std::forward<Call>(call)(&context, &response);
  if (!status.ok()) return RpcError(status, options.server);
  return response;
}

// Calls the stub method `method` of `stub` with `request` (e.g.
// `UnaryCall(options, stub, &v1::CaseService::StubInterface::GetCase,
// request)`), as above.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> UnaryCall(
    const GlobalOptions& options, Stub& stub,
    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                 Response*),
    const Request& request) {
  return UnaryCall<Response>(
      options, [&](grpc::ClientContext* context, Response* response) {
        return (stub.*method)(context, request, response);
      });
}

}  // namespace ogi::cli

#endif  // OGI_CLI_UNARY_CALL_H_
