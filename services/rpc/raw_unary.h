#ifndef OGI_SERVICES_RPC_RAW_UNARY_H_
#define OGI_SERVICES_RPC_RAW_UNARY_H_

// Undecodable requests answered as what they are. gRPC 1.51's callback
// handler (CallbackUnaryHandler::RunHandler) drops the status of a request
// that does not decode and answers UNIMPLEMENTED with an empty message, which
// reads as "no such method". So every unary ogi method is registered as a
// raw-bytes method whose handler decodes the request itself: bytes that are
// not the method's request message get INVALID_ARGUMENT naming the expected
// type; decoded requests go to the service's typed method as before, and the
// typed response is serialized into the call's buffer just before the call
// is finished (UnaryCallState, unary_call.h).

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/server_callback_handlers.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// The index gRPC gives `method` of the service `service_full_name` (its
// position in the .proto file). Aborts for a name the service does not
// have: a typo in a service's method list is a programming error.
int RawMethodIndex(absl::string_view service_full_name,
                   absl::string_view method);

// Finishes `context`'s call with INVALID_ARGUMENT: its bytes are not a
// `request_type` message.
grpc::ServerUnaryReactor* RefuseUndecodable(
    grpc::CallbackServerContext* context, absl::string_view request_type);

// The raw-bytes handler of `service`'s typed unary `method`, for
// grpc::Service::MarkMethodRawCallback (which each service calls in its
// constructor for each of its unary methods).
template <typename Impl, typename Request, typename Response>
grpc::internal::MethodHandler* RawUnaryHandler(
    Impl* service,
    grpc::ServerUnaryReactor* (Impl::*method)(grpc::CallbackServerContext*,
                                              const Request*, Response*)) {
  return new grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer,
                                                  grpc::ByteBuffer>(
      [service, method](grpc::CallbackServerContext* context,
                        const grpc::ByteBuffer* in,
                        grpc::ByteBuffer* out) -> grpc::ServerUnaryReactor* {
        // Request and response live as long as the call's state, which
        // outlives both the work and the call.
        auto messages = std::make_shared<std::pair<Request, Response>>();
        grpc::ByteBuffer bytes(*in);  // shares the slices; decoding clears it
        if (!grpc::SerializationTraits<Request>::Deserialize(&bytes,
                                                             &messages->first)
                 .ok()) {
          return RefuseUndecodable(context, Request::descriptor()->full_name());
        }
        internal::RawCall raw;
        raw.serialize_response = [messages, out] {
          bool own_buffer = false;
          return grpc::SerializationTraits<Response>::Serialize(
              messages->second, out, &own_buffer);
        };
        raw.keep_alive = messages;
        const internal::ScopedRawCall in_raw_call(std::move(raw));
        return (service->*method)(context, &messages->first, &messages->second);
      });
}

}  // namespace ogi

#endif  // OGI_SERVICES_RPC_RAW_UNARY_H_
