#include "services/calendar/calendar_service.h"

#include "services/server/unary_call.h"

namespace ogi {

grpc::ServerUnaryReactor* CalendarServiceImpl::GetCalendarYear(
    grpc::CallbackServerContext* context,
    const v1::GetCalendarYearRequest* request,
    v1::GetCalendarYearResponse* response) {
  return RunUnary<v1::GetCalendarYearResponse>(
      context, pool_, response,
      [this, request] { return manager_->GetCalendarYear(*request); });
}

grpc::ServerUnaryReactor* CalendarServiceImpl::LoadCalendar(
    grpc::CallbackServerContext* context,
    const v1::LoadCalendarRequest* request,
    v1::LoadCalendarResponse* response) {
  return RunUnary<v1::LoadCalendarResponse>(
      context, pool_, response,
      [this, request, actor = ActorFromMetadata(*context)] {
        return manager_->LoadCalendar(*request, actor);
      });
}

grpc::ServerUnaryReactor* CalendarServiceImpl::AddWorkingDays(
    grpc::CallbackServerContext* context,
    const v1::AddWorkingDaysRequest* request,
    v1::AddWorkingDaysResponse* response) {
  return RunUnary<v1::AddWorkingDaysResponse>(
      context, pool_, response,
      [this, request] { return manager_->AddWorkingDays(*request); });
}

}  // namespace ogi
