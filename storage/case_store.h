#ifndef OGI_STORAGE_CASE_STORE_H_
#define OGI_STORAGE_CASE_STORE_H_

// The durable store of agencies, cases and their append-only history.
// Implementations: SqliteCaseStore (storage/sqlite_case_store.h).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/timestamp.pb.h"
#include "ogi/v1/calendar.pb.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/common.pb.h"

namespace ogi {

// Filters and position of one page of ListCases. Cases come newest first
// (by creation order).
struct CaseQuery {
  std::string agency_code;
  v1::CaseStatus status = v1::CASE_STATUS_UNSPECIFIED;                // any
  v1::ApplicantType applicant_type = v1::APPLICANT_TYPE_UNSPECIFIED;  // any
  std::optional<absl::CivilDay> received_from;  // receipt date >= (inclusive)
  std::optional<absl::CivilDay> received_to;    // receipt date <= (inclusive)
  std::string
      text;  // substring of applicant name or item text, ASCII case-insensitive
  // Only cases with a review or lawsuit (an index serves it: they are few).
  bool with_proceedings = false;
  int page_size = 50;  // REQUIRES: 1..1000
  int64_t before_cursor =
      0;  // 0: from the newest; else the cursor a page returned
};

// Which cases ListCasesNeedingAttention returns: those with any of the
// stored dates inside its range (a range applies only when its `until` is
// set; `from` is optional). The dates are the open case's stored deadlines:
// the answer due date, the 补正 notice due date while no notice is sent, and
// the end of an open applicant window; and, for any case, open or concluded,
// the earliest of its open duties after the answer (CaseIndex::duty_due, as
// of the case's last write); and, with pending_confirmation, every case
// awaiting receipt confirmation.
struct AttentionQuery {
  std::string agency_code;  // "" for every agency
  std::optional<absl::CivilDay> answer_due_from, answer_due_until;
  std::optional<absl::CivilDay> notice_due_from, notice_due_until;
  std::optional<absl::CivilDay> window_end_from, window_end_until;
  std::optional<absl::CivilDay> duty_due_from, duty_due_until;
  // Also every case awaiting receipt confirmation (status 待确认收到): it has
  // none of the dates above, yet its confirmation is a duty (its date
  // depends on the server's policy, so it is computed, not stored).
  bool pending_confirmation = false;
};

// What a deadline listing needs of one open case, read from the summary
// columns a case row carries beside its record (ForEachDeadlineSummary), so
// that a listing need not parse every record. The dates are those of the
// case's stored deadlines, computed when the case was last written; none of
// them depends on the day, so a listing brings them to its day by calendar
// arithmetic alone, as DeadlinesAsOf does (services/alerts/deadline_alerts.h).
// When that is not enough (CaseIndex::compute_in_full), `record` holds the
// whole case instead.
struct CaseDeadlineSummary {
  int64_t creation_order = 0;  // grows with each case created (the row id)
  std::string agency_code;
  std::string number;
  std::string applicant_name;
  // deadlines.answer_due, when set.
  std::optional<absl::CivilDay> answer_due;
  // deadlines.correction_notice_due while no 补正 notice is sent.
  std::optional<absl::CivilDay> notice_due;
  // deadlines.window_end while an applicant window is open (window_kind set).
  std::optional<absl::CivilDay> window_end;
  v1::ApplicantWindowKind window_kind = v1::APPLICANT_WINDOW_KIND_UNSPECIFIED;
  bool provisional = false;  // deadlines.provisional
  // The stored case, exactly when its CaseIndex::compute_in_full was set
  // when it was written, or for_duties; null otherwise.
  std::unique_ptr<v1::Case> record;
  // True when the case is visited for its open duties after the answer (the
  // duty range of the query); its deadline alerts then come from its visit
  // for the other ranges, if any, not from this one.
  bool for_duties = false;
};

// What a case row holds beside its record that domain rules derive from the
// record. The store does not derive these: its CaseIndexer, given when the
// store opens (IndexCase in services/alerts/case_index.h), computes them
// whenever a case is written, and the migrations that added the columns
// backfill them with it.
struct CaseIndex {
  // The stored deadlines cannot be brought to another day by calendar
  // arithmetic alone: a deadline listing reads the whole record
  // (CaseDeadlineSummary::record).
  bool compute_in_full = true;
  // The earliest of the case's open duties after the answer; AttentionQuery's
  // duty range selects by it.
  std::optional<absl::CivilDay> duty_due;
  // The first and last filing dates of its reviews and lawsuits (both unset
  // when none has one): what places them in a report year
  // (ListCasesForReport).
  std::optional<absl::CivilDay> proceedings_filed_from;
  std::optional<absl::CivilDay> proceedings_filed_until;
};

// Computes the CaseIndex of a case. Must be pure: a row's index is a
// function of its record alone.
using CaseIndexer = std::function<CaseIndex(const v1::Case&)>;

struct CasePage {
  std::vector<v1::Case> cases;
  // cursors[i]: the cursor that continues after cases[i], so that a caller
  // may end a page early (ListCases' byte budget).
  std::vector<int64_t> cursors;
  int64_t next_cursor = 0;  // 0 when this is the last page
  int64_t total_count = 0;  // matches over all pages
};

// Changes one case in place and returns the event that describes the change
// (type, actor, reason, changes, recorded_at). Returning an error aborts the
// mutation and nothing is written. It runs inside the store's write
// transaction: it must be quick and must not call back into the store.
using CaseMutation = std::function<absl::StatusOr<v1::CaseEvent>(v1::Case&)>;

// Changes one open case during a bulk pass. Returns the event to record with
// the change; std::nullopt to record none — then only derived, output-only
// fields (the deadlines) may have changed, and they are refreshed in place
// without a new version. An error aborts the whole pass.
using OpenCaseMutation =
    std::function<absl::StatusOr<std::optional<v1::CaseEvent>>(v1::Case&)>;

// A client's idempotency key for creating a case
// (CreateCaseRequest.idempotency_key) and what identifies the request it came
// with, so that a retry can be told from a different request under the same
// key.
struct IdempotencyKey {
  std::string key;           // REQUIRES: not empty
  std::string request_hash;  // e.g. a SHA-256 digest of the request's case
};

// What CreateCaseOnce did.
struct KeyedCreation {
  // The new case; for a replay, the case the key created first, as it is now.
  v1::Case stored;
  bool replayed = false;  // true: the key was known and nothing was written
};

// A holiday arrangement loaded at run time, with who loaded it and when.
struct StoredCalendarYear {
  v1::CalendarYear arrangement;
  google::protobuf::Timestamp loaded_at;
  std::string loaded_by;
};

// Thread-safe. Every write is durable when the call returns OK, and each
// change to a case is stored in the same transaction as its history event.
class CaseStore {
 public:
  virtual ~CaseStore() = default;

  // Creates the agency, or renames it and sets its supervisor when the code
  // exists. INVALID_ARGUMENT for an empty code or name, and
  // "agency.supervisor_code: ..." for a supervisor that is not another known
  // agency (longer cycles are the caller's to refuse).
  virtual absl::StatusOr<v1::Agency> UpsertAgency(const v1::Agency& agency) = 0;
  // NOT_FOUND for an unknown code.
  virtual absl::StatusOr<v1::Agency> GetAgency(absl::string_view code) = 0;
  // Every agency, ordered by code.
  virtual absl::StatusOr<std::vector<v1::Agency>> ListAgencies() = 0;

  // Stores a new case with its creation event and returns it as stored: the
  // store assigns number ("<arrival year>-<sequence>", sequence at least four
  // digits, per agency and year), version 1, created_at/updated_at (from the
  // event's recorded_at); the event gets sequence 1 and the case as snapshot.
  // REQUIRES: `c` is valid (see services/cases/case_validation.h) with
  // agency_code and arrival_date set. NOT_FOUND for an unknown agency.
  virtual absl::StatusOr<v1::Case> CreateCase(v1::Case c,
                                              v1::CaseEvent created) = 0;

  // CreateCase under a client's idempotency key, which is looked up and
  // recorded (per agency) in the same write transaction as the case, so that
  // retries, concurrent ones too, create one case at most. When c's agency
  // already holds `key.key`: with the same request_hash, returns the case the
  // key created (as it is now) with `replayed` set and writes nothing; with
  // another, FAILED_PRECONDITION "idempotency_key: ...". Otherwise as
  // CreateCase, and the key is kept with the new case. REQUIRES: as
  // CreateCase, and key.key not empty.
  virtual absl::StatusOr<KeyedCreation> CreateCaseOnce(
      v1::Case c, v1::CaseEvent created, const IdempotencyKey& key) = 0;

  // NOT_FOUND when the agency has no case with that number.
  virtual absl::StatusOr<v1::Case> GetCase(absl::string_view agency_code,
                                           absl::string_view number) = 0;

  // One page of matching cases. NOT_FOUND for an unknown agency.
  virtual absl::StatusOr<CasePage> ListCases(const CaseQuery& query) = 0;

  // Reads the case, applies `mutation` and stores the result together with
  // the returned event, atomically: version and event sequence grow by one,
  // updated_at becomes the event's recorded_at. Returns the stored case.
  // NOT_FOUND for an unknown case; the mutation's own error otherwise.
  virtual absl::StatusOr<v1::Case> MutateCase(absl::string_view agency_code,
                                              absl::string_view number,
                                              const CaseMutation& mutation) = 0;

  // The case's history, oldest first. NOT_FOUND for an unknown case.
  virtual absl::StatusOr<std::vector<v1::CaseEvent>> ListCaseEvents(
      absl::string_view agency_code, absl::string_view number) = 0;

  // The cases matching `query`, each once, in creation order. NOT_FOUND for
  // an unknown agency.
  virtual absl::StatusOr<std::vector<v1::Case>> ListCasesNeedingAttention(
      const AttentionQuery& query) = 0;

  // Calls `visit` once for each open case in the deadline ranges of `query`
  // (answer, notice, window), with its summary (the record only where it is
  // needed), and once more, with for_duties set and its record, for each case
  // in the duty range; with query.pending_confirmation, once for each case
  // awaiting receipt confirmation, with its record: together the cases
  // ListCasesNeedingAttention(query) would return. In no particular order
  // (creation_order tells the creation order), all from one consistent
  // snapshot. Streamed: a list of tens of thousands of summaries would cost
  // more to build than to read. `visit` may move from the summary; it runs
  // inside the store's read (for an in-memory database, on the writer), so it
  // must be quick and must not call back into the store. Returns the first
  // error of `visit`, which ends the listing; NOT_FOUND for an unknown agency;
  // DATA_LOSS when a stored record or date does not parse.
  virtual absl::Status ForEachDeadlineSummary(
      const AttentionQuery& query,
      absl::FunctionRef<absl::Status(CaseDeadlineSummary&)> visit) = 0;

  // In ONE transaction: stores `years` (replacing stored arrangements of the
  // same years), then applies `mutation` to every open case and every case
  // with an open duty after its answer (see AttentionQuery), writing each
  // changed case (with its event, when the mutation returns one). Returns the
  // cases written. Nothing is stored when anything fails. With no years it is
  // a plain pass over those cases (e.g. to refresh derived deadlines).
  virtual absl::StatusOr<std::vector<v1::Case>> StoreCalendarAndUpdateOpenCases(
      const std::vector<StoredCalendarYear>& years,
      const OpenCaseMutation& mutation) = 0;

  // The arrangements loaded at run time, ascending by year.
  virtual absl::StatusOr<std::vector<StoredCalendarYear>>
  ListStoredCalendarYears() = 0;
};

}  // namespace ogi

#endif  // OGI_STORAGE_CASE_STORE_H_
