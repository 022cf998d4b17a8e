#include "services/cases/case_manager.h"

#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "services/cases/case_fields.h"
#include "services/cases/case_validation.h"
#include "services/cases/receipt_date.h"
#include "services/common/civil_date.h"
#include "services/common/paging.h"
#include "services/common/sha256.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/common/timestamps.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {
namespace {

// ListCases keeps the page sizes it documented before AIP-158 paging came to
// every list (0: 50, at most 500, larger refused); its tokens and byte
// budget are the common ones (services/common/paging.h).
constexpr PageRules kListCasesPaging = {/*default_size=*/50, /*max_size=*/500,
                                        /*refuse_oversize=*/true};
constexpr int kMaxSearchTextLength = 200;

absl::Status RejectOutputOnlyFields(const v1::Case& c) {
  auto set = [](absl::string_view field) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": 由服务器生成，请留空"));
  };
  if (!c.number().empty()) return set("case.number");
  if (c.has_receipt_date()) return set("case.receipt_date");
  if (c.status() != v1::CASE_STATUS_UNSPECIFIED) return set("case.status");
  if (c.version() != 0) return set("case.version");
  if (c.has_created_at()) return set("case.created_at");
  if (c.has_updated_at()) return set("case.updated_at");
  if (c.has_deadlines()) return set("case.deadlines");
  if (c.has_procedure()) {
    return absl::InvalidArgumentError(
        "case.procedure: 通过 ProcedureService 逐步记录，请留空");
  }
  // What later steps record, each validated and in the history.
  if (c.has_conclusion()) {
    return absl::InvalidArgumentError(
        "case.conclusion: 在案件办结时记录（OutcomeService），请留空");
  }
  if (c.re_answers_size() > 0) {
    return absl::InvalidArgumentError(
        "case.re_answers: 通过 OutcomeService.RecordReAnswer 记录，请留空");
  }
  if (c.reviews_size() > 0 || c.lawsuits_size() > 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(c.reviews_size() > 0 ? "case.reviews" : "case.lawsuits",
                     ": 通过 ProceedingService 记录，请留空"));
  }
  return absl::OkStatus();
}

// What identifies a create request under its idempotency key: a digest of
// its case as the client sent it (before the server's defaults, so that a
// retry on a later day still matches), with the agency resolved.
std::string CreateRequestHash(v1::Case c, const std::string& agency_code) {
  c.set_agency_code(agency_code);
  return Sha256HexOfMessage(c);
}

}  // namespace

absl::Status ValidateIdempotencyKey(absl::string_view key) {
  if (key.size() > kMaxIdempotencyKeyLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("idempotency_key: 最多 ", kMaxIdempotencyKeyLength,
                     " 个字符（实际 ", key.size(), " 个）"));
  }
  for (const char ch : key) {
    if (ch < ' ' || ch > '~') {
      return absl::InvalidArgumentError(
          "idempotency_key: 只能包含可打印的 ASCII 字符（' ' 至 '~'）");
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateExpectedVersion(int64_t expected_version) {
  if (expected_version < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected_version: ", expected_version,
                     " 为负数；请填写最后看到的案件版本，或填 0 表示不检查"));
  }
  return absl::OkStatus();
}

absl::Status CheckExpectedVersion(const v1::Case& c, int64_t expected_version) {
  if (expected_version == 0 || expected_version == c.version()) {
    return absl::OkStatus();
  }
  return absl::AbortedError(absl::StrCat("expected_version: 案件 ", c.number(),
                                         " 当前版本为 ", c.version(), "，不是 ",
                                         expected_version));
}

void DeriveReceipt(v1::Case& c) {
  const absl::CivilDay arrival =
      absl::CivilDay(c.arrival_date().year(), c.arrival_date().month(),
                     c.arrival_date().day());
  std::optional<absl::CivilDay> confirmation;
  if (c.has_confirmation_date()) {
    confirmation = absl::CivilDay(c.confirmation_date().year(),
                                  c.confirmation_date().month(),
                                  c.confirmation_date().day());
  }
  const std::optional<absl::CivilDay> receipt =
      DeriveReceiptDate(c.channel(), arrival, confirmation);
  if (receipt) {
    *c.mutable_receipt_date() = ToProtoDate(*receipt);
    // Once received, the procedure moves the status (awaiting a 补正
    // supplement, concluded); correcting the record does not reset it.
    if (c.status() == v1::CASE_STATUS_UNSPECIFIED ||
        c.status() == v1::CASE_STATUS_PENDING_CONFIRMATION) {
      c.set_status(v1::CASE_STATUS_PROCESSING);
    }
  } else {
    c.clear_receipt_date();
    c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  }
}

absl::Status ValidateCaseNumber(absl::string_view number) {
  bool ok = number.size() >= 9 && number.size() <= 16 && number[4] == '-';
  for (size_t i = 0; ok && i < number.size(); ++i) {
    if (i != 4 && !absl::ascii_isdigit(static_cast<unsigned char>(number[i]))) {
      ok = false;
    }
  }
  if (!ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("number: \"", number, "\" 不是形如 2022-0013 的案件编号"));
  }
  return absl::OkStatus();
}

CaseManager::CaseManager(CaseStore* store, const Clock* clock,
                         const CaseClock* case_clock, CaseObserver* observer,
                         std::string default_agency_code)
    : store_(store),
      clock_(clock),
      case_clock_(case_clock),
      observer_(observer),
      default_agency_code_(std::move(default_agency_code)) {}

absl::Status CaseManager::RefreshDeadlines(v1::Case& c) const {
  return case_clock_->Refresh(c, TodayInChina(*clock_));
}

void CaseManager::Notify(const v1::Case& c) const {
  if (observer_ != nullptr) observer_->OnCaseChanged(c);
}

std::string CaseManager::AgencyOrDefault(absl::string_view code) const {
  return code.empty() ? default_agency_code_ : std::string(code);
}

absl::StatusOr<v1::CreateCaseResponse> CaseManager::CreateCase(
    const v1::CreateCaseRequest& request, absl::string_view actor) {
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  if (!request.has_case_()) {
    return absl::InvalidArgumentError("case: 必须填写");
  }
  OGI_RETURN_IF_ERROR(ValidateIdempotencyKey(request.idempotency_key()));
  v1::Case c = request.case_();
  OGI_RETURN_IF_ERROR(RejectOutputOnlyFields(c));
  c.set_agency_code(AgencyOrDefault(c.agency_code()));
  const absl::Time now = clock_->Now();
  const absl::CivilDay today = absl::ToCivilDay(now, ChinaTimeZone());
  if (!c.has_arrival_date()) *c.mutable_arrival_date() = ToProtoDate(today);
  OGI_RETURN_IF_ERROR(ValidateCaseFields(c, today));
  DeriveReceipt(c);
  OGI_ASSIGN_OR_RETURN(*c.mutable_deadlines(), case_clock_->Compute(c, today));

  v1::CaseEvent event;
  event.set_type(v1::CASE_EVENT_TYPE_CREATED);
  *event.mutable_recorded_at() = ToProtoTimestamp(now);
  event.set_actor(std::string(actor));
  for (v1::FieldChange& change : DiffCaseFields(v1::Case(), c)) {
    *event.add_changes() = std::move(change);
  }
  for (v1::FieldChange& change :
       DiffDeadlineDates(v1::Deadlines(), c.deadlines())) {
    *event.add_changes() = std::move(change);
  }
  v1::CreateCaseResponse response;
  if (request.idempotency_key().empty()) {
    OGI_ASSIGN_OR_RETURN(*response.mutable_case_(),
                         store_->CreateCase(std::move(c), std::move(event)));
  } else {
    const IdempotencyKey key = {
        request.idempotency_key(),
        CreateRequestHash(request.case_(), c.agency_code())};
    OGI_ASSIGN_OR_RETURN(
        KeyedCreation created,
        store_->CreateCaseOnce(std::move(c), std::move(event), key));
    *response.mutable_case_() = std::move(created.stored);
    if (created.replayed) {
      // Nothing changed: no observer to tell; the deadlines as of today.
      OGI_RETURN_IF_ERROR(RefreshDeadlines(*response.mutable_case_()));
      return response;
    }
  }
  Notify(response.case_());
  return response;
}

absl::StatusOr<v1::GetCaseResponse> CaseManager::GetCase(
    const v1::GetCaseRequest& request) {
  OGI_RETURN_IF_ERROR(ValidateCaseNumber(request.number()));
  OGI_ASSIGN_OR_RETURN(v1::Case c,
                       store_->GetCase(AgencyOrDefault(request.agency_code()),
                                       request.number()));
  // The stored deadlines are as of the last write; a reader wants today's.
  OGI_RETURN_IF_ERROR(RefreshDeadlines(c));
  v1::GetCaseResponse response;
  *response.mutable_case_() = std::move(c);
  return response;
}

absl::StatusOr<v1::ListCasesResponse> CaseManager::ListCases(
    const v1::ListCasesRequest& request) {
  CaseQuery query;
  query.agency_code = AgencyOrDefault(request.agency_code());
  if (!v1::CaseStatus_IsValid(request.status())) {
    return absl::InvalidArgumentError("status: 未知的案件状态");
  }
  query.status = request.status();
  if (!v1::ApplicantType_IsValid(request.applicant_type())) {
    return absl::InvalidArgumentError("applicant_type: 未知的申请人类型");
  }
  query.applicant_type = request.applicant_type();
  if (request.has_received_from()) {
    OGI_ASSIGN_OR_RETURN(query.received_from,
                         ToCivilDay(request.received_from(), "received_from"));
  }
  if (request.has_received_to()) {
    OGI_ASSIGN_OR_RETURN(query.received_to,
                         ToCivilDay(request.received_to(), "received_to"));
  }
  if (query.received_from && query.received_to &&
      *query.received_to < *query.received_from) {
    return absl::InvalidArgumentError(absl::StrCat(
        "received_to: ", FormatIsoDate(*query.received_to),
        " 早于 received_from ", FormatIsoDate(*query.received_from)));
  }
  if (!request.text().empty()) {
    OGI_RETURN_IF_ERROR(ValidateText(
        request.text(), "text", kMaxSearchTextLength, /*multiline=*/false));
    query.text = request.text();
  }
  // Newest first (creation order, by row id: unique and never reused). The
  // position is the row id of the last case sent, so cases created between
  // two pages never shift them: the next page goes on exactly after it.
  OGI_ASSIGN_OR_RETURN(
      const PageRequest paging,
      PageRequest::Parse(request, "ListCases", kListCasesPaging));
  query.page_size = paging.size();
  query.before_cursor = paging.position();
  OGI_ASSIGN_OR_RETURN(CasePage page, store_->ListCases(query));
  v1::ListCasesResponse response;
  int64_t next_cursor = page.next_cursor;
  PageBudget budget(paging.size());
  for (size_t i = 0; i < page.cases.size(); ++i) {
    v1::Case& c = page.cases[i];
    OGI_RETURN_IF_ERROR(RefreshDeadlines(c));
    if (!budget.Admit(c.ByteSizeLong())) {
      // The byte budget ends the page early (never before the first case):
      // the next one starts after the last case sent.
      if (page.cursors.size() != page.cases.size()) {
        return absl::InternalError("案件存储未给出每件案件的翻页位置");
      }
      next_cursor = page.cursors[i - 1];
      break;
    }
    *response.add_cases() = std::move(c);
  }
  if (next_cursor > 0) {
    response.set_next_page_token(paging.NextToken(next_cursor));
  }
  response.set_total_count(page.total_count);
  return response;
}

absl::StatusOr<v1::UpdateCaseResponse> CaseManager::UpdateCase(
    const v1::UpdateCaseRequest& request, absl::string_view actor) {
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  OGI_RETURN_IF_ERROR(ValidateCaseNumber(request.number()));
  if (request.reason().empty()) {
    return absl::InvalidArgumentError("reason: 须写明更正理由");
  }
  OGI_RETURN_IF_ERROR(
      ValidateText(request.reason(), "reason", kMaxReasonLength, true));
  if (request.update_mask().paths_size() == 0) {
    return absl::InvalidArgumentError(
        "update_mask: 至少须指明一个要更正的字段");
  }
  OGI_RETURN_IF_ERROR(ValidateExpectedVersion(request.expected_version()));
  const absl::Time now = clock_->Now();
  const absl::CivilDay today = absl::ToCivilDay(now, ChinaTimeZone());
  OGI_ASSIGN_OR_RETURN(
      v1::Case updated,
      store_->MutateCase(
          AgencyOrDefault(request.agency_code()), request.number(),
          [&](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
            OGI_RETURN_IF_ERROR(
                CheckExpectedVersion(c, request.expected_version()));
            const v1::Case before = c;
            OGI_RETURN_IF_ERROR(
                ApplyCaseUpdate(request.update_mask(), request.case_(), c));
            OGI_RETURN_IF_ERROR(ValidateCaseFields(c, today));
            DeriveReceipt(c);
            if (before.status() == v1::CASE_STATUS_CONCLUDED &&
                (!c.has_receipt_date() ||
                 FormatIsoDate(c.receipt_date()) >
                     FormatIsoDate(before.conclusion().served()))) {
              return absl::FailedPreconditionError(
                  absl::StrCat("案件 ", c.number(), " 已于 ",
                               FormatIsoDate(before.conclusion().served()),
                               " 办结：收到申请日期须保留且不能晚于该日（请先更"
                               "正办结记录）"));
            }
            // An answer given item by item names the items by position.
            if (before.conclusion().dispositions_size() > 0 &&
                c.items_size() != before.items_size()) {
              return absl::FailedPreconditionError(
                  absl::StrCat("items: 案件 ", c.number(), " 已逐项答复（共 ",
                               before.items_size(),
                               " 项），增减申请内容前请先更正办结记录"));
            }
            OGI_ASSIGN_OR_RETURN(*c.mutable_deadlines(),
                                 case_clock_->Compute(c, today));
            std::vector<v1::FieldChange> changes = DiffCaseFields(before, c);
            for (v1::FieldChange& change :
                 DiffDeadlineDates(before.deadlines(), c.deadlines())) {
              changes.push_back(std::move(change));
            }
            if (changes.empty()) {
              return absl::InvalidArgumentError(
                  "update_mask: 更正内容与原记录相同，没有改动");
            }
            v1::CaseEvent event;
            event.set_type(v1::CASE_EVENT_TYPE_UPDATED);
            *event.mutable_recorded_at() = ToProtoTimestamp(now);
            event.set_actor(std::string(actor));
            event.set_reason(request.reason());
            for (v1::FieldChange& change : changes) {
              *event.add_changes() = std::move(change);
            }
            return event;
          }));
  Notify(updated);
  v1::UpdateCaseResponse response;
  *response.mutable_case_() = std::move(updated);
  return response;
}

absl::StatusOr<v1::ListCaseHistoryResponse> CaseManager::ListCaseHistory(
    const v1::ListCaseHistoryRequest& request) {
  OGI_RETURN_IF_ERROR(ValidateCaseNumber(request.number()));
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListCaseHistory"));
  // By offset into the events in sequence order (unique, append-only):
  // events recorded between two pages come after them, so nothing is
  // skipped or repeated. The events of one case are loaded whole: they grow
  // with the staff's steps on that case, not with readings (which are
  // ListCaseReads', paged in the store).
  OGI_ASSIGN_OR_RETURN(
      std::vector<v1::CaseEvent> events,
      store_->ListCaseEvents(AgencyOrDefault(request.agency_code()),
                             request.number()));
  v1::ListCaseHistoryResponse response;
  response.set_next_page_token(
      MovePage(page, events, response.mutable_events()));
  return response;
}

}  // namespace ogi
