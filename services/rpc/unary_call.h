#ifndef OGI_SERVICES_RPC_UNARY_CALL_H_
#define OGI_SERVICES_RPC_UNARY_CALL_H_

// The one edge every ogi.v1 call passes: it checks the request's documented
// field limits (request_limits.h), authenticates the bearer token, checks the
// method against the access table (services/access/access_policy.h), fills
// and checks the agencies the request acts on, runs the transport-free work
// on a worker pool (it may block on SQLite), masks personal data for callers
// who may not see it, and converts the absl::StatusOr result to the gRPC
// status. The handler itself returns at once (callback API).
//
// Cancellation: each call has a CallToken (services/common/call_cancellation.h)
// carrying its deadline, cancelled when gRPC cancels the call (the client went
// away, the deadline passed, the server is shutting down) and installed on the
// worker thread while the work runs, so long loops end early through
// CheckCallAlive(). A call cancelled while still queued is finished at once
// with CANCELLED (or DEADLINE_EXCEEDED) and its work never runs; one that is
// already running is finished by its worker when the work returns, because
// the work reads the request, which gRPC frees as soon as the call is
// finished.

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "ogi/v1/agency_service.pb.h"
#include "ogi/v1/case_service.pb.h"
#include "ogi/v1/report_service.pb.h"
#include "services/access/access_manager.h"
#include "services/access/access_policy.h"
#include "services/access/personal_data_mask.h"
#include "services/common/call_cancellation.h"
#include "services/common/thread_pool.h"
#include "services/rpc/grpc_status_util.h"
#include "services/rpc/request_limits.h"

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

namespace internal {

// A call that arrived as raw bytes (raw_unary.h): how its typed response is
// serialized into the call's buffer before an OK answer, and the typed
// request and response it keeps alive. Empty for a typed call.
struct RawCall {
  std::function<grpc::Status()> serialize_response;
  std::shared_ptr<void> keep_alive;
};

// Set by the raw adapter around its call of the typed method, on the gRPC
// thread that runs it; RunUnary takes it there (TakeRawCall) for the call's
// state.
class ScopedRawCall {
 public:
  explicit ScopedRawCall(RawCall call);
  ~ScopedRawCall();

  ScopedRawCall(const ScopedRawCall&) = delete;
  ScopedRawCall& operator=(const ScopedRawCall&) = delete;

 private:
  RawCall call_;
};

// The raw call of this thread's current typed method, moved out (empty when
// the method was called as a typed one).
RawCall TakeRawCall();

// One unary call as its reactor (gRPC threads) and its worker share it: the
// stage it is in and its CallToken. Exactly one of them finishes the call.
// Thread-safe.
class UnaryCallState {
 public:
  // `reactor`: the call's; used only until the call is finished.
  UnaryCallState(grpc::ServerUnaryReactor* reactor, absl::Time deadline);

  const CallToken& token() const { return token_; }

  // Before the work is scheduled: the raw call this call arrived as.
  void AdoptRawCall(RawCall raw) { raw_ = std::move(raw); }

  // Worker, before anything else: moves the call from queued to running and
  // returns true, or returns false when the call was already finished
  // (cancelled while queued); the worker then must touch nothing of the call
  // (request, response, reactor).
  bool StartWork();

  // Worker, after StartWork() returned true and the response (if OK) is
  // written: finishes the call with `status`. The worker must touch nothing
  // of the call afterwards.
  void FinishWork(const grpc::Status& status);

  // Reactor, when gRPC cancels the call: cancels the token, and finishes a
  // call that is still queued at once with the token's status.
  void Cancel();

 private:
  enum class Stage { kQueued, kRunning, kFinished };

  grpc::ServerUnaryReactor* const reactor_;
  CallToken token_;
  RawCall raw_;  // set before the work is scheduled, then read-only
  absl::Mutex mu_;
  Stage stage_ ABSL_GUARDED_BY(mu_) = Stage::kQueued;
};

// The reactor of every unary call: hands cancellation to the shared state
// and deletes itself when gRPC is done with the call. The state outlives it
// for as long as the queued or running work holds it.
class UnaryCallReactor final : public grpc::ServerUnaryReactor {
 public:
  explicit UnaryCallReactor(absl::Time deadline);

  const std::shared_ptr<UnaryCallState>& state() const { return state_; }

  void OnCancel() override;
  void OnDone() override;

 private:
  std::shared_ptr<UnaryCallState> state_;
};

// The call's deadline; absl::InfiniteFuture() when it has none.
absl::Time CallDeadline(const grpc::CallbackServerContext& context);

}  // namespace internal

// Runs a call that acts on no particular agency's records (or scopes them
// itself): `work` gets the admitted caller. `request` is checked against its
// field limits first.
// REQUIRES: `edge`, `context`, `request` and `response` outlive the call
// (gRPC keeps the latter three until the call is finished).
// `work`: absl::StatusOr<Response>(const Principal&).
template <typename Response, typename Work>
grpc::ServerUnaryReactor* RunUnary(grpc::CallbackServerContext* context,
                                   const CallEdge& edge,
                                   absl::string_view method,
                                   const google::protobuf::Message* request,
                                   Response* response, Work work) {
  auto* reactor =
      new internal::UnaryCallReactor(internal::CallDeadline(*context));
  reactor->state()->AdoptRawCall(internal::TakeRawCall());
  edge.pool->Schedule([call = reactor->state(), request, response,
                       access = edge.access, bearer = BearerToken(*context),
                       method = std::string(method), work = std::move(work)] {
    if (!call->StartWork()) return;
    absl::StatusOr<Response> result = [&]() -> absl::StatusOr<Response> {
      const ScopedCallToken in_call(&call->token());
      // Expired while queued, before gRPC's cancellation arrived.
      if (absl::Status alive = CheckCallAlive(); !alive.ok()) return alive;
      if (absl::Status limits = CheckRequestLimits(*request); !limits.ok()) {
        return limits;
      }
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
      call->FinishWork(grpc::Status::OK);
    } else {
      call->FinishWork(ToGrpcStatus(result.status()));
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
      context, edge, method, request, response,
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

#endif  // OGI_SERVICES_RPC_UNARY_CALL_H_
