#ifndef OGI_SERVICES_CASES_CASE_MANAGER_H_
#define OGI_SERVICES_CASES_CASE_MANAGER_H_

// The CaseService operations without the transport: validation, defaults,
// receipt-date derivation and history events, on top of a CaseStore.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/case_service.pb.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe (as thread-safe as the store and clock it is given).
class CaseManager {
 public:
  // `store`, `clock`, `case_clock` and `observer` (may be null) must outlive
  // the manager. Requests with an empty agency_code use
  // `default_agency_code`. Every case returned carries its deadlines as of
  // today (Asia/Shanghai).
  CaseManager(CaseStore* store, const Clock* clock, const CaseClock* case_clock,
              CaseObserver* observer, std::string default_agency_code);

  // Logs a new case. arrival_date defaults to today (Asia/Shanghai); the
  // receipt date and status are derived (PENDING_CONFIRMATION while a needed
  // confirmation date is missing). With an idempotency_key, a repeat of the
  // request (the same case, for the same agency) returns the case the key
  // created, as it is now, and creates nothing (CaseStore::CreateCaseOnce).
  // INVALID_ARGUMENT for bad fields, a missing actor, output-only fields set
  // or a key that is longer than kMaxIdempotencyKeyLength or not printable
  // ASCII; FAILED_PRECONDITION "idempotency_key: ..." for a key used with a
  // different case; NOT_FOUND for an unknown agency.
  absl::StatusOr<v1::CreateCaseResponse> CreateCase(
      const v1::CreateCaseRequest& request, absl::string_view actor);

  // NOT_FOUND for an unknown case; INVALID_ARGUMENT for a malformed number.
  absl::StatusOr<v1::GetCaseResponse> GetCase(
      const v1::GetCaseRequest& request);

  // One page of the matching cases, newest first: page_size 0 gives 50, at
  // most 500; a page also ends early to stay under 3.5 MB (paging.h).
  // INVALID_ARGUMENT for bad filters, page size or page token.
  absl::StatusOr<v1::ListCasesResponse> ListCases(
      const v1::ListCasesRequest& request);

  // Applies the masked fields, re-derives receipt date and status, validates
  // the result and records one UPDATED event with the reason and every field
  // change. INVALID_ARGUMENT when the reason is missing, the mask is bad, the
  // result is invalid, nothing changes or expected_version is negative;
  // ABORTED when expected_version is set and the case is at another version
  // (see CheckExpectedVersion); FAILED_PRECONDITION when a concluded case
  // would lose its receipt date or get one after its conclusion date;
  // NOT_FOUND for an unknown case.
  absl::StatusOr<v1::UpdateCaseResponse> UpdateCase(
      const v1::UpdateCaseRequest& request, absl::string_view actor);

  // One page of the case's events, oldest first (see paging.h).
  // NOT_FOUND for an unknown case; INVALID_ARGUMENT for a malformed number
  // or the paging fields.
  absl::StatusOr<v1::ListCaseHistoryResponse> ListCaseHistory(
      const v1::ListCaseHistoryRequest& request);

  const std::string& default_agency_code() const {
    return default_agency_code_;
  }

 private:
  std::string AgencyOrDefault(absl::string_view code) const;
  // Sets c.deadlines() as of today.
  absl::Status RefreshDeadlines(v1::Case& c) const;
  void Notify(const v1::Case& c) const;

  CaseStore* const store_;
  const Clock* const clock_;
  const CaseClock* const case_clock_;
  CaseObserver* const observer_;
  const std::string default_agency_code_;
};

// Derives receipt_date and status of `c` from its channel and dates: without
// a receipt date PENDING_CONFIRMATION; with one, PROCESSING unless the
// procedure already moved the status on (AWAITING_CORRECTION, CONCLUDED).
// REQUIRES: c.arrival_date() is a valid date.
void DeriveReceipt(v1::Case& c);

// INVALID_ARGUMENT "number: ..." unless `number` looks like "2022-0013".
absl::Status ValidateCaseNumber(absl::string_view number);

// The longest CreateCaseRequest.idempotency_key accepted.
inline constexpr size_t kMaxIdempotencyKeyLength = 128;

// INVALID_ARGUMENT "idempotency_key: ..." unless `key` is empty (no key) or
// at most kMaxIdempotencyKeyLength printable ASCII characters (' ' to '~').
absl::Status ValidateIdempotencyKey(absl::string_view key);

// INVALID_ARGUMENT "expected_version: ..." when `expected_version` (of a
// request that changes a case; 0: no check) is negative.
absl::Status ValidateExpectedVersion(int64_t expected_version);

// ABORTED "expected_version: 案件 <number> 当前版本为 V，不是 E" unless
// `expected_version` is 0 or c.version(). For the mutations that run in the
// store's write transaction (CaseStore::MutateCase), where `c` is the case as
// stored, so that the check and the write are one atomic step.
absl::Status CheckExpectedVersion(const v1::Case& c, int64_t expected_version);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_MANAGER_H_
