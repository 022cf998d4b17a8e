#ifndef OGI_SERVICES_SERVER_UNARY_CALL_H_
#define OGI_SERVICES_SERVER_UNARY_CALL_H_

// Bridges a callback-API unary RPC to transport-free logic: the handler
// returns at once, `work` runs on a worker pool (it may block on SQLite), and
// its absl::StatusOr result finishes the call.

#include <grpcpp/grpcpp.h>

#include <functional>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "services/common/thread_pool.h"
#include "services/server/grpc_status_util.h"

namespace ogi {

// REQUIRES: `pool`, `context` and `response` outlive the call (gRPC keeps the
// latter two until Finish).
template <typename Response>
grpc::ServerUnaryReactor* RunUnary(
    grpc::CallbackServerContext* context, ThreadPool* pool, Response* response,
    std::function<absl::StatusOr<Response>()> work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  pool->Schedule([reactor, response, work = std::move(work)] {
    absl::StatusOr<Response> result = work();
    if (result.ok()) {
      *response = *std::move(result);
      reactor->Finish(grpc::Status::OK);
    } else {
      reactor->Finish(ToGrpcStatus(result.status()));
    }
  });
  return reactor;
}

// The caller's name from request metadata: "ogi-actor-bin" (UTF-8, for
// Chinese names) or else "ogi-actor" (ASCII); "" when neither is sent.
std::string ActorFromMetadata(const grpc::CallbackServerContext& context);

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_UNARY_CALL_H_
