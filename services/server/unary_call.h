#ifndef OGI_SERVICES_SERVER_UNARY_CALL_H_
#define OGI_SERVICES_SERVER_UNARY_CALL_H_

// The one edge every ogi.v1 call passes: it authenticates the bearer token,
// checks the method against the access table (services/access/
// access_policy.h), fills and checks the agencies the request acts on, runs
// the transport-free work on a worker pool (it may block on SQLite), masks
// personal data for callers who may not see it, and converts the
// absl::StatusOr result to the gRPC status. The handler itself returns at
// once (callback API).

#include <grpcpp/grpcpp.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/agency_service.pb.h"
#include "ogi/v1/case_service.pb.h"
#include "ogi/v1/report_service.pb.h"
#include "services/access/access_manager.h"
#include "services/access/access_policy.h"
#include "services/access/personal_data_mask.h"
#include "services/common/thread_pool.h"
#include "services/server/grpc_status_util.h"

namespace ogi {

// What every service adapter needs to run calls. Both must outlive the
// services.
struct CallEdge {
  ThreadPool* pool = nullptr;
  AccessManager* access = nullptr;
};

// The token of "authorization: Bearer <token>" request metadata; "" when
// absent or in another form.
std::string BearerToken(const grpc::CallbackServerContext& context);

// Authenticates `bearer` and checks that its user's roles allow `method`
// (its full name, e.g. "ogi.v1.CaseService.GetCase"). UNAUTHENTICATED or
// PERMISSION_DENIED as AccessService documents; PERMISSION_DENIED for a
// method missing from the access table.
absl::StatusOr<Principal> Admit(const AccessManager& access,
                                absl::string_view bearer,
                                absl::string_view method);

// Fills each empty code with the caller's own agency, then checks each with
// CheckAgency for the method's operation.
absl::Status ScopeAgencies(const Principal& principal, absl::string_view method,
                           const std::vector<std::string*>& codes);

// Where a request names the agencies it acts on. Most requests have
// `agency_code`; the overloads below are the exceptions. A request with
// neither does not compile with RunScoped.
template <typename Request>
std::vector<std::string*> RequestAgencies(Request& request) {
  return {request.mutable_agency_code()};
}
std::vector<std::string*> RequestAgencies(v1::CreateCaseRequest& request);
std::vector<std::string*> RequestAgencies(v1::GetAgencyRequest& request);
std::vector<std::string*> RequestAgencies(v1::GetReportRequest& request);
std::vector<std::string*> RequestAgencies(v1::RenderReportRequest& request);
std::vector<std::string*> RequestAgencies(v1::GetCellRequest& request);
std::vector<std::string*> RequestAgencies(v1::RegisterDocumentRequest& request);

// Runs a call that acts on no particular agency's records (or scopes them
// itself): `work` gets the admitted caller.
// REQUIRES: `edge`, `context` and `response` outlive the call (gRPC keeps the
// latter two until Finish).
// `work`: absl::StatusOr<Response>(const Principal&).
template <typename Response, typename Work>
grpc::ServerUnaryReactor* RunUnary(grpc::CallbackServerContext* context,
                                   const CallEdge& edge,
                                   absl::string_view method, Response* response,
                                   Work work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  edge.pool->Schedule([reactor, response, access = edge.access,
                       bearer = BearerToken(*context),
                       method = std::string(method), work = std::move(work)] {
    absl::StatusOr<Response> result = [&]() -> absl::StatusOr<Response> {
      absl::StatusOr<Principal> principal = Admit(*access, bearer, method);
      if (!principal.ok()) return principal.status();
      absl::StatusOr<Response> out = work(*principal);
      if (out.ok() && !principal->SeesPersonalData()) {
        MaskPersonalData(&*out);
      }
      return out;
    }();
    if (result.ok()) {
      *response = *std::move(result);
      reactor->Finish(grpc::Status::OK);
    } else {
      reactor->Finish(ToGrpcStatus(result.status()));
    }
  });
  return reactor;
}

// Runs a call on one or more agencies' records: `work` gets a copy of the
// request whose agency codes are filled (empty: the caller's agency) and
// within the caller's scope for the method's operation.
// `work`: absl::StatusOr<Response>(const Request&, const Principal&).
template <typename Request, typename Response, typename Work>
grpc::ServerUnaryReactor* RunScoped(grpc::CallbackServerContext* context,
                                    const CallEdge& edge,
                                    absl::string_view method,
                                    const Request* request, Response* response,
                                    Work work) {
  return RunUnary<Response>(
      context, edge, method, response,
      [request, method = std::string(method), work = std::move(work)](
          const Principal& principal) -> absl::StatusOr<Response> {
        Request scoped = *request;
        absl::Status in_scope =
            ScopeAgencies(principal, method, RequestAgencies(scoped));
        if (!in_scope.ok()) return in_scope;
        return work(scoped, principal);
      });
}

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_UNARY_CALL_H_
