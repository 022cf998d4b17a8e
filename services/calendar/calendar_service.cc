#include "services/calendar/calendar_service.h"

#include <algorithm>

#include "services/common/status_macros.h"
#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void CalendarServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::CalendarService::service_full_name(),
                     "GetCalendarYear"),
      RawUnaryHandler(this, &CalendarServiceImpl::GetCalendarYear));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CalendarService::service_full_name(), "LoadCalendar"),
      RawUnaryHandler(this, &CalendarServiceImpl::LoadCalendar));
  MarkMethodRawCallback(
      RawMethodIndex(v1::CalendarService::service_full_name(),
                     "AddWorkingDays"),
      RawUnaryHandler(this, &CalendarServiceImpl::AddWorkingDays));
}

grpc::ServerUnaryReactor* CalendarServiceImpl::GetCalendarYear(
    grpc::CallbackServerContext* context,
    const v1::GetCalendarYearRequest* request,
    v1::GetCalendarYearResponse* response) {
  return RunUnary(context, *edge_, "ogi.v1.CalendarService.GetCalendarYear",
                  request, response, [this, request](const Principal&) {
                    return manager_->GetCalendarYear(*request);
                  });
}

grpc::ServerUnaryReactor* CalendarServiceImpl::LoadCalendar(
    grpc::CallbackServerContext* context,
    const v1::LoadCalendarRequest* request,
    v1::LoadCalendarResponse* response) {
  return RunUnary(
      context, *edge_, "ogi.v1.CalendarService.LoadCalendar", request, response,
      [this, request](
          const Principal& p) -> absl::StatusOr<v1::LoadCalendarResponse> {
        OGI_ASSIGN_OR_RETURN(v1::LoadCalendarResponse out,
                             manager_->LoadCalendar(*request, p.actor()));
        // The calendar is the whole server's; the list of the cases it moved
        // shows only those the administrator's scope covers.
        auto* changed = out.mutable_changed_cases();
        changed->erase(std::remove_if(changed->begin(), changed->end(),
                                      [&p](const v1::RecomputedCase& c) {
                                        return !p.MayRead(c.agency_code());
                                      }),
                       changed->end());
        return out;
      });
}

grpc::ServerUnaryReactor* CalendarServiceImpl::AddWorkingDays(
    grpc::CallbackServerContext* context,
    const v1::AddWorkingDaysRequest* request,
    v1::AddWorkingDaysResponse* response) {
  return RunUnary(context, *edge_, "ogi.v1.CalendarService.AddWorkingDays",
                  request, response, [this, request](const Principal&) {
                    return manager_->AddWorkingDays(*request);
                  });
}

}  // namespace ogi
