#ifndef OGI_SERVICES_CALENDAR_CALENDAR_SERVICE_H_
#define OGI_SERVICES_CALENDAR_CALENDAR_SERVICE_H_

// gRPC adapter of CalendarService.

#include "ogi/v1/calendar_service.grpc.pb.h"
#include "services/calendar/calendar_manager.h"
#include "services/rpc/unary_call.h"

namespace ogi {

// Thread-safe. `manager` and `edge` must outlive the service.
class CalendarServiceImpl final : public v1::CalendarService::CallbackService {
 public:
  CalendarServiceImpl(CalendarManager* manager, const CallEdge* edge)
      : manager_(manager), edge_(edge) {
    ServeRawBytes();
  }

  grpc::ServerUnaryReactor* GetCalendarYear(
      grpc::CallbackServerContext* context,
      const v1::GetCalendarYearRequest* request,
      v1::GetCalendarYearResponse* response) override;
  grpc::ServerUnaryReactor* LoadCalendar(
      grpc::CallbackServerContext* context,
      const v1::LoadCalendarRequest* request,
      v1::LoadCalendarResponse* response) override;
  grpc::ServerUnaryReactor* AddWorkingDays(
      grpc::CallbackServerContext* context,
      const v1::AddWorkingDaysRequest* request,
      v1::AddWorkingDaysResponse* response) override;

 private:
  // Registers each unary method as a raw-bytes one, so that a request that
  // does not decode is answered INVALID_ARGUMENT (raw_unary.h).
  void ServeRawBytes();
  CalendarManager* const manager_;
  const CallEdge* const edge_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_CALENDAR_SERVICE_H_
