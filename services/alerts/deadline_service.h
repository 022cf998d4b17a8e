#ifndef OGI_SERVICES_ALERTS_DEADLINE_SERVICE_H_
#define OGI_SERVICES_ALERTS_DEADLINE_SERVICE_H_

// gRPC adapter of DeadlineService: ListDeadlines on the worker pool, and
// WatchAlerts as a write reactor fed by the alert hub.

#include "ogi/v1/deadline_service.grpc.pb.h"
#include "services/alerts/alert_hub.h"
#include "services/alerts/deadline_manager.h"
#include "services/server/unary_call.h"

namespace ogi {

// Thread-safe. All pointers must outlive the service.
class DeadlineServiceImpl final : public v1::DeadlineService::CallbackService {
 public:
  DeadlineServiceImpl(DeadlineManager* manager, AlertHub* hub,
                      const CallEdge* edge)
      : manager_(manager), hub_(hub), edge_(edge) {}

  grpc::ServerUnaryReactor* ListDeadlines(
      grpc::CallbackServerContext* context,
      const v1::ListDeadlinesRequest* request,
      v1::ListDeadlinesResponse* response) override;
  grpc::ServerWriteReactor<v1::DeadlineAlert>* WatchAlerts(
      grpc::CallbackServerContext* context,
      const v1::WatchAlertsRequest* request) override;

 private:
  DeadlineManager* const manager_;
  AlertHub* const hub_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_ALERTS_DEADLINE_SERVICE_H_
