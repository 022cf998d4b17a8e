#ifndef OGI_TESTS_STORAGE_STORE_TEST_UTIL_H_
#define OGI_TESTS_STORAGE_STORE_TEST_UTIL_H_

// Builders of valid records for store tests.

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "services/alerts/case_index.h"
#include "services/common/civil_date.h"
#include "storage/case_store.h"
#include "storage/sqlite_case_store.h"

namespace ogi::testing {

inline v1::Case MakeStoredCase(
    const std::string& agency, const std::string& name, absl::CivilDay arrival,
    v1::ApplicantType type = v1::APPLICANT_TYPE_NATURAL_PERSON,
    const std::string& item = "2021年度行政许可办理情况") {
  v1::Case c;
  c.set_agency_code(agency);
  c.mutable_applicant()->set_name(name);
  c.mutable_applicant()->set_type(type);
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = ToProtoDate(arrival);
  *c.mutable_receipt_date() = ToProtoDate(arrival);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.add_items()->set_description(item);
  return c;
}

inline v1::CaseEvent MakeEvent(v1::CaseEventType type, const std::string& actor,
                               int64_t seconds = 1700000000) {
  v1::CaseEvent e;
  e.set_type(type);
  e.set_actor(actor);
  e.mutable_recorded_at()->set_seconds(seconds);
  return e;
}

// A store at `path` (default: a private in-memory database) holding one
// agency `code` named `name`.
inline absl::StatusOr<std::unique_ptr<SqliteCaseStore>> OpenStoreWithAgency(
    const std::string& code, const std::string& name,
    const std::string& path = ":memory:") {
  SqliteStoreOptions options;
  options.path = path;
  auto store = OpenSqliteCaseStore(options);
  if (!store.ok()) return store.status();
  v1::Agency agency;
  agency.set_code(code);
  agency.set_name(name);
  absl::StatusOr<v1::Agency> added = (*store)->UpsertAgency(agency);
  if (!added.ok()) return added.status();
  return store;
}

// A store holding two agencies, "a" 甲局 and "b" 乙局, for the tests that
// check one agency's records stay its own: in a file of `directory` when it
// is not empty (a reader pool then runs beside the writer), else in memory.
inline absl::StatusOr<std::unique_ptr<SqliteCaseStore>> OpenTwoAgencyStore(
    const std::string& directory) {
  auto store = OpenStoreWithAgency(
      "a", "甲局", directory.empty() ? ":memory:" : directory + "/ogi.db");
  if (!store.ok()) return store.status();
  v1::Agency b;
  b.set_code("b");
  b.set_name("乙局");
  absl::StatusOr<v1::Agency> added = (*store)->UpsertAgency(b);
  if (!added.ok()) return added.status();
  return store;
}

// Every summary `store` gives for `query`, in creation order.
inline absl::StatusOr<std::vector<CaseDeadlineSummary>> DeadlineSummaries(
    CaseStore& store, const AttentionQuery& query) {
  std::vector<CaseDeadlineSummary> summaries;
  absl::Status status =
      store.ForEachDeadlineSummary(query, [&](CaseDeadlineSummary& s) {
        summaries.push_back(std::move(s));
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  // A case's visit for its duties after the answer comes after its other.
  std::sort(summaries.begin(), summaries.end(),
            [](const CaseDeadlineSummary& a, const CaseDeadlineSummary& b) {
              return std::tie(a.creation_order, a.for_duties) <
                     std::tie(b.creation_order, b.for_duties);
            });
  return summaries;
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_STORAGE_STORE_TEST_UTIL_H_
