#ifndef OGI_SERVICES_ALERTS_DEADLINE_SERVICE_H_
#define OGI_SERVICES_ALERTS_DEADLINE_SERVICE_H_

// gRPC adapter of DeadlineService: ListDeadlines on the worker pool, and
// WatchAlerts as a write reactor fed by the alert hub.

#include <set>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "services/alerts/alert_hub.h"
#include "services/alerts/deadline_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. All pointers must outlive the service.
class DeadlineServiceImpl final : public v1::DeadlineService::CallbackService {
 public:
  DeadlineServiceImpl(DeadlineManager* manager, AlertHub* hub,
                      const CallEdge* edge)
      : manager_(manager), hub_(hub), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* ListDeadlines(
      grpc::CallbackServerContext* context,
      const v1::ListDeadlinesRequest* request,
      v1::ListDeadlinesResponse* response) override;
  grpc::ServerWriteReactor<v1::DeadlineAlert>* WatchAlerts(
      grpc::CallbackServerContext* context,
      const v1::WatchAlertsRequest* request) override;

  // Ends, with UNAUTHENTICATED, the open alert streams of `user_name`: those
  // opened with `token_id`, or all of the user's when it is empty (the
  // account changed). Called when access is revoked (AccessManager::
  // OnAccessRevoked), since a stream outlives the check made when it opened.
  void EndStreamsOf(absl::string_view user_name, absl::string_view token_id);

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  class AlertWriter;
  void Register(AlertWriter* writer);
  void Unregister(AlertWriter* writer);

  DeadlineManager* const manager_;
  AlertHub* const hub_;
  const CallEdge* const edge_;
  absl::Mutex streams_mu_;
  // Open streams; each removes itself when done (lock order: streams_mu_,
  // then a writer's own mutex).
  std::set<AlertWriter*> streams_ ABSL_GUARDED_BY(streams_mu_);
};

}  // namespace ogi

#endif  // OGI_SERVICES_ALERTS_DEADLINE_SERVICE_H_
