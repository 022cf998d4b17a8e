#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_SERVICE_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_SERVICE_H_

// gRPC adapter of ProceedingService: each handler hands the request to
// ProceedingManager on the worker pool.

#include "ogi/v1/proceeding_service.grpc.pb.h"
#include "services/proceedings/proceeding_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `manager` and `edge` must outlive the service.
class ProceedingServiceImpl final
    : public v1::ProceedingService::CallbackService {
 public:
  ProceedingServiceImpl(ProceedingManager* manager, const CallEdge* edge)
      : manager_(manager), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* FileReview(
      grpc::CallbackServerContext* context,
      const v1::FileReviewRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* RecordReviewProgress(
      grpc::CallbackServerContext* context,
      const v1::RecordReviewProgressRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* DecideReview(
      grpc::CallbackServerContext* context,
      const v1::DecideReviewRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* ListReviews(
      grpc::CallbackServerContext* context,
      const v1::ListProceedingsRequest* request,
      v1::ListReviewsResponse* response) override;
  grpc::ServerUnaryReactor* FileLawsuit(
      grpc::CallbackServerContext* context,
      const v1::FileLawsuitRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* RecordLawsuitProgress(
      grpc::CallbackServerContext* context,
      const v1::RecordLawsuitProgressRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* JudgeLawsuit(
      grpc::CallbackServerContext* context,
      const v1::JudgeLawsuitRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* AppealLawsuit(
      grpc::CallbackServerContext* context,
      const v1::AppealLawsuitRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* DecideAppeal(
      grpc::CallbackServerContext* context,
      const v1::DecideAppealRequest* request,
      v1::ProceedingResponse* response) override;
  grpc::ServerUnaryReactor* ListLawsuits(
      grpc::CallbackServerContext* context,
      const v1::ListProceedingsRequest* request,
      v1::ListLawsuitsResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  template <typename Request>
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* context,
                                   absl::string_view method,
                                   const Request* request,
                                   v1::ProceedingResponse* response);

  ProceedingManager* const manager_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_SERVICE_H_
