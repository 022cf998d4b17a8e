#include "services/proceedings/proceeding_manager.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "services/common/paging.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/proceedings/proceeding_derived.h"
#include "services/proceedings/proceeding_ids.h"
#include "services/proceedings/proceeding_steps.h"

namespace ogi {
namespace {

// The filters of a listing, validated.
struct ListFilter {
  bool open_only = false;
  std::optional<absl::CivilDay> from, to;

  bool Matches(const v1::Date& filed, v1::ResultColumn column) const {
    if (open_only && column != v1::RESULT_COLUMN_PENDING) return false;
    if (!from.has_value() && !to.has_value()) return true;
    const std::optional<absl::CivilDay> day = RecordedDay(true, filed);
    if (!day.has_value()) return false;
    return (!from.has_value() || *day >= *from) &&
           (!to.has_value() || *day <= *to);
  }
};

absl::StatusOr<ListFilter> ParseFilter(const v1::ListProceedingsRequest& r) {
  ListFilter filter;
  filter.open_only = r.open_only();
  OGI_ASSIGN_OR_RETURN(
      filter.from,
      ToOptionalCivilDay(r.has_filed_from(), r.filed_from(), "filed_from"));
  OGI_ASSIGN_OR_RETURN(filter.to, ToOptionalCivilDay(r.has_filed_to(),
                                                     r.filed_to(), "filed_to"));
  if (filter.from.has_value() && filter.to.has_value() &&
      *filter.to < *filter.from) {
    return absl::InvalidArgumentError(
        absl::StrCat("filed_to: ", FormatIsoDate(*filter.to),
                     " 早于 filed_from（", FormatIsoDate(*filter.from), "）"));
  }
  return filter;
}

// Adds an entry for each proceeding of `cases` that `filter` keeps (`list`
// gives a case's reviews or lawsuits, `get`/`set` an entry's proceeding),
// ordered by filing date, then id as people count them.
template <typename Entry, typename List, typename Get, typename Set>
void Collect(const std::vector<v1::Case>& cases, const ListFilter& filter,
             List list, Get get, Set set,
             google::protobuf::RepeatedPtrField<Entry>& entries) {
  for (const v1::Case& c : cases) {
    for (const auto& proceeding : list(c)) {
      if (!filter.Matches(proceeding.filed(), proceeding.column())) continue;
      Entry* entry = entries.Add();
      entry->set_case_number(c.number());
      entry->set_applicant_name(c.applicant().name());
      set(*entry, proceeding);
    }
  }
  std::stable_sort(
      entries.begin(), entries.end(), [&get](const Entry& a, const Entry& b) {
        const auto& pa = get(a);
        const auto& pb = get(b);
        const auto da = std::make_tuple(pa.filed().year(), pa.filed().month(),
                                        pa.filed().day());
        const auto db = std::make_tuple(pb.filed().year(), pb.filed().month(),
                                        pb.filed().day());
        if (da != db) return da < db;
        return ProceedingIdLess(pa.id(), pb.id());
      });
}

template <typename Message>
const Message* FindById(const google::protobuf::RepeatedPtrField<Message>& list,
                        absl::string_view id) {
  for (const Message& m : list) {
    if (m.id() == id) return &m;
  }
  return nullptr;
}

}  // namespace

ProceedingManager::ProceedingManager(CaseStore* store, const Clock* clock,
                                     const CaseClock* case_clock,
                                     CaseObserver* observer,
                                     std::string default_agency_code)
    : runner_(store, clock, case_clock, observer,
              std::move(default_agency_code)) {}

// `id` names the proceeding the call is about; empty for a filing, which is
// the last one of its kind on the stored case.
template <typename Request>
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::RecordOnCase(
    const Request& request, absl::string_view number, ProceedingKind kind,
    absl::string_view id, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(v1::Case stored,
                       runner_.RunRequestOn(request, number, actor));
  v1::ProceedingResponse response;
  if (kind == ProceedingKind::kReview) {
    const v1::Review* review = id.empty()
                                   ? &stored.reviews(stored.reviews_size() - 1)
                                   : FindById(stored.reviews(), id);
    if (review != nullptr) *response.mutable_review() = *review;
  } else {
    const v1::Lawsuit* lawsuit =
        id.empty() ? &stored.lawsuits(stored.lawsuits_size() - 1)
                   : FindById(stored.lawsuits(), id);
    if (lawsuit != nullptr) *response.mutable_lawsuit() = *lawsuit;
  }
  *response.mutable_case_() = std::move(stored);
  return response;
}

template <typename Request>
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::RecordById(
    const Request& request, ProceedingKind kind, absl::string_view actor) {
  // The actor first, as for every call that changes a case.
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  OGI_ASSIGN_OR_RETURN(const ProceedingId id,
                       ParseProceedingId(request.id(), kind, "id"));
  return RecordOnCase(request, id.case_number, kind, request.id(), actor);
}

absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::FileReviewRequest& request, absl::string_view actor) {
  return RecordOnCase(request, request.number(), ProceedingKind::kReview, "",
                      actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::RecordReviewProgressRequest& request, absl::string_view actor) {
  return RecordById(request, ProceedingKind::kReview, actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::DecideReviewRequest& request, absl::string_view actor) {
  return RecordById(request, ProceedingKind::kReview, actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::FileLawsuitRequest& request, absl::string_view actor) {
  return RecordOnCase(request, request.number(), ProceedingKind::kLawsuit, "",
                      actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::RecordLawsuitProgressRequest& request, absl::string_view actor) {
  return RecordById(request, ProceedingKind::kLawsuit, actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::JudgeLawsuitRequest& request, absl::string_view actor) {
  return RecordById(request, ProceedingKind::kLawsuit, actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::AppealLawsuitRequest& request, absl::string_view actor) {
  return RecordById(request, ProceedingKind::kLawsuit, actor);
}
absl::StatusOr<v1::ProceedingResponse> ProceedingManager::Record(
    const v1::DecideAppealRequest& request, absl::string_view actor) {
  return RecordById(request, ProceedingKind::kLawsuit, actor);
}

// A scan of every case of the agency, a page of 1000 at a time: there is no
// index of proceedings yet. Replace this function with an indexed query
// when the store offers one.
absl::StatusOr<std::vector<v1::Case>> ProceedingManager::CasesWithProceedings(
    absl::string_view agency_code) const {
  const absl::CivilDay today = TodayInChina(*runner_.clock());
  const std::shared_ptr<const WorkingCalendar> calendar =
      runner_.case_clock()->calendars().Current();
  CaseQuery query;
  query.agency_code = runner_.AgencyOrDefault(agency_code);
  query.with_proceedings = true;
  query.page_size = 1000;
  std::vector<v1::Case> found;
  while (true) {
    OGI_ASSIGN_OR_RETURN(CasePage page, runner_.store()->ListCases(query));
    for (v1::Case& c : page.cases) {
      OGI_RETURN_IF_ERROR(RefreshProceedings(c, today, *calendar));
      found.push_back(std::move(c));
    }
    if (page.next_cursor == 0) break;
    query.before_cursor = page.next_cursor;
  }
  return found;
}

absl::StatusOr<v1::ListReviewsResponse> ProceedingManager::ListReviews(
    const v1::ListProceedingsRequest& request) {
  OGI_ASSIGN_OR_RETURN(const ListFilter filter, ParseFilter(request));
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListReviews"));
  OGI_ASSIGN_OR_RETURN(const std::vector<v1::Case> cases,
                       CasesWithProceedings(request.agency_code()));
  v1::ListReviewsResponse response;
  Collect(
      cases, filter,
      [](const v1::Case& c) -> const auto& { return c.reviews(); },
      [](const v1::ReviewEntry& e) -> const auto& { return e.review(); },
      [](v1::ReviewEntry& e, const v1::Review& r) { *e.mutable_review() = r; },
      *response.mutable_reviews());
  response.set_next_page_token(KeepPage(page, response.mutable_reviews()));
  return response;
}

absl::StatusOr<v1::ListLawsuitsResponse> ProceedingManager::ListLawsuits(
    const v1::ListProceedingsRequest& request) {
  OGI_ASSIGN_OR_RETURN(const ListFilter filter, ParseFilter(request));
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListLawsuits"));
  OGI_ASSIGN_OR_RETURN(const std::vector<v1::Case> cases,
                       CasesWithProceedings(request.agency_code()));
  v1::ListLawsuitsResponse response;
  Collect(
      cases, filter,
      [](const v1::Case& c) -> const auto& { return c.lawsuits(); },
      [](const v1::LawsuitEntry& e) -> const auto& { return e.lawsuit(); },
      [](v1::LawsuitEntry& e, const v1::Lawsuit& l) {
        *e.mutable_lawsuit() = l;
      },
      *response.mutable_lawsuits());
  response.set_next_page_token(KeepPage(page, response.mutable_lawsuits()));
  return response;
}

}  // namespace ogi
