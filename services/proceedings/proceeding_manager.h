#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_MANAGER_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_MANAGER_H_

// The ProceedingService operations without the transport: each call that
// changes a review or lawsuit is one step on the contested case
// (proceeding_steps.h) run by CaseStepRunner, so it is stored with one
// history event; the listings read only the cases with a review or lawsuit.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/proceeding_service.pb.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/cases/case_step_runner.h"
#include "services/common/clock.h"
#include "services/proceedings/proceeding_ids.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. All pointers must outlive the manager; `observer` may be null.
class ProceedingManager {
 public:
  ProceedingManager(CaseStore* store, const Clock* clock,
                    const CaseClock* case_clock, CaseObserver* observer,
                    std::string default_agency_code);

  // Each returns the case as stored (deadlines and the derived fields of its
  // reviews and lawsuits as of today) and the review or lawsuit the call was
  // about. The case is the request's `number` for filings, and the id's case
  // number (the id without its "-R<n>"/"-L<n>" suffix) otherwise.
  // INVALID_ARGUMENT for a missing actor, a malformed number or id, or bad
  // fields; FAILED_PRECONDITION when the call does not fit the case or the
  // proceeding; NOT_FOUND for an unknown case, review or lawsuit; ABORTED
  // when the request's expected_version is set and the case is at another
  // version (CaseStepRunner::Run). The rules are those of the
  // ApplyStep of the same request (proceeding_steps.h).
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::FileReviewRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::RecordReviewProgressRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::DecideReviewRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::FileLawsuitRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::RecordLawsuitProgressRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::JudgeLawsuitRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::AppealLawsuitRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProceedingResponse> Record(
      const v1::DecideAppealRequest& request, absl::string_view actor);

  // The agency's reviews (lawsuits) with the contested case's number and
  // applicant, their derived fields as of today, ordered by filing date and
  // then id (ProceedingIdLess). open_only keeps those whose column as of
  // today is PENDING (no result, or a judgment under an undecided appeal);
  // filed_from/filed_to bound the filing date, inclusive. One page of them
  // (services/common/paging.h), by offset in that order: a proceeding filed
  // between two pages with an earlier filing date, or one whose column
  // changes under open_only, moves the later ones (AIP-158 allows the
  // repeat or skip). INVALID_ARGUMENT for a bad date, filed_to before
  // filed_from or bad paging fields; NOT_FOUND for an unknown agency.
  absl::StatusOr<v1::ListReviewsResponse> ListReviews(
      const v1::ListProceedingsRequest& request);
  absl::StatusOr<v1::ListLawsuitsResponse> ListLawsuits(
      const v1::ListProceedingsRequest& request);

 private:
  template <typename Request>
  absl::StatusOr<v1::ProceedingResponse> RecordOnCase(const Request& request,
                                                      absl::string_view number,
                                                      ProceedingKind kind,
                                                      absl::string_view id,
                                                      absl::string_view actor);
  template <typename Request>
  absl::StatusOr<v1::ProceedingResponse> RecordById(const Request& request,
                                                    ProceedingKind kind,
                                                    absl::string_view actor);

  // The agency's cases that have a review or a lawsuit, their derived
  // fields refreshed as of today.
  absl::StatusOr<std::vector<v1::Case>> CasesWithProceedings(
      absl::string_view agency_code) const;

  const CaseStepRunner runner_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_MANAGER_H_
