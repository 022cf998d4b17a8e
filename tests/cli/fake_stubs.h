#ifndef OGI_TESTS_CLI_FAKE_STUBS_H_
#define OGI_TESTS_CLI_FAKE_STUBS_H_

// In-memory fakes of the client stubs `ogi` uses: they record every request
// with the metadata (e.g. the authorization header) and deadline of its context
// and answer with canned responses or a canned error; the alert stream plays
// back canned alerts. Not thread-safe.

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/client.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/sync_stream.h"
#include "grpcpp/test/client_context_test_peer.h"
#include "ogi/v1/access_service.grpc.pb.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "ogi/v1/calendar_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/procedure_service.grpc.pb.h"
#include "ogi/v1/proceeding_service.grpc.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"

namespace ogi::cli::testing {

// What the fake saw of one call's context.
struct CallRecord {
  std::string method;
  std::multimap<std::string, std::string> metadata;
  std::chrono::system_clock::time_point deadline;
};

inline CallRecord RecordOf(const std::string& method,
                           grpc::ClientContext* context) {
  return {
      method,
      grpc::testing::ClientContextTestPeer(context).GetSendInitialMetadata(),
      context->deadline()};
}

// The asynchronous API is never used by ogi: its raw methods of a unary RPC
// answer nullptr.
#define OGI_FAKE_UNUSED_ASYNC(Method, Request, Response)                      \
  grpc::ClientAsyncResponseReaderInterface<v1::Response>* Async##Method##Raw( \
      grpc::ClientContext*, const v1::Request&, grpc::CompletionQueue*)       \
      override {                                                              \
    return nullptr;                                                           \
  }                                                                           \
  grpc::ClientAsyncResponseReaderInterface<v1::Response>*                     \
      PrepareAsync##Method##Raw(grpc::ClientContext*, const v1::Request&,     \
                                grpc::CompletionQueue*) override {            \
    return nullptr;                                                           \
  }

// A unary method of a fake that keeps `errors` (by method name) besides its
// RecordedCalls: records the call and its request, then fails with the
// method's error if one is set, else answers `answer`.
#define OGI_FAKE_CANNED(Method, Request, Response, answer)           \
  grpc::Status Method(grpc::ClientContext* context,                  \
                      const v1::Request& request, v1::Response* out) \
      override {                                                     \
    calls.push_back(RecordOf(#Method, context));                     \
    requests.push_back(std::make_unique<v1::Request>(request));      \
    if (const auto it = errors.find(#Method); it != errors.end()) {  \
      return it->second;                                             \
    }                                                                \
    *out = answer;                                                   \
    return grpc::Status::OK;                                         \
  }

// What every fake keeps of the calls made to it: the method and metadata of
// each call and, for fakes that keep them, the requests.
class RecordedCalls {
 public:
  std::vector<CallRecord> calls;
  std::vector<std::unique_ptr<google::protobuf::Message>> requests;

  // The methods called, in order.
  std::vector<std::string> Methods() const {
    std::vector<std::string> methods;
    for (const CallRecord& call : calls) methods.push_back(call.method);
    return methods;
  }
  // The `index`-th request if it is a `Request`, else nullptr.
  template <typename Request>
  const Request* Nth(size_t index) const {
    if (index >= requests.size()) return nullptr;
    return dynamic_cast<const Request*>(requests[index].get());
  }
  // The last request if it is a `Request`, else nullptr.
  template <typename Request>
  const Request* Last() const {
    return requests.empty() ? nullptr : Nth<Request>(requests.size() - 1);
  }
};

class FakeCaseStub : public v1::CaseService::StubInterface,
                     public RecordedCalls {
 public:
  // When not OK, calls fail with this status: every call, or when
  // `succeed_calls` >= 0 every call after the first `succeed_calls`.
  grpc::Status error = grpc::Status::OK;
  int succeed_calls = -1;

  v1::CreateCaseResponse create_response;
  v1::GetCaseResponse get_response;
  // Pages answered in order; an empty page when exhausted.
  std::deque<v1::ListCasesResponse> list_pages;
  v1::UpdateCaseResponse update_response;
  v1::ListCaseHistoryResponse history_response;
  v1::ListCaseReadsResponse reads_response;

  std::vector<v1::CreateCaseRequest> create_requests;
  std::vector<v1::GetCaseRequest> get_requests;
  std::vector<v1::ListCasesRequest> list_requests;
  std::vector<v1::UpdateCaseRequest> update_requests;
  std::vector<v1::ListCaseHistoryRequest> history_requests;
  std::vector<v1::ListCaseReadsRequest> reads_requests;

  grpc::Status CreateCase(grpc::ClientContext* context,
                          const v1::CreateCaseRequest& request,
                          v1::CreateCaseResponse* response) override {
    Record("CreateCase", context);
    create_requests.push_back(request);
    if (Fails()) return error;
    *response = create_response;
    return grpc::Status::OK;
  }
  grpc::Status GetCase(grpc::ClientContext* context,
                       const v1::GetCaseRequest& request,
                       v1::GetCaseResponse* response) override {
    Record("GetCase", context);
    get_requests.push_back(request);
    if (Fails()) return error;
    *response = get_response;
    return grpc::Status::OK;
  }
  grpc::Status ListCases(grpc::ClientContext* context,
                         const v1::ListCasesRequest& request,
                         v1::ListCasesResponse* response) override {
    Record("ListCases", context);
    list_requests.push_back(request);
    if (Fails()) return error;
    if (!list_pages.empty()) {
      *response = list_pages.front();
      list_pages.pop_front();
    }
    return grpc::Status::OK;
  }
  grpc::Status UpdateCase(grpc::ClientContext* context,
                          const v1::UpdateCaseRequest& request,
                          v1::UpdateCaseResponse* response) override {
    Record("UpdateCase", context);
    update_requests.push_back(request);
    if (Fails()) return error;
    *response = update_response;
    return grpc::Status::OK;
  }
  grpc::Status ListCaseHistory(grpc::ClientContext* context,
                               const v1::ListCaseHistoryRequest& request,
                               v1::ListCaseHistoryResponse* response) override {
    Record("ListCaseHistory", context);
    history_requests.push_back(request);
    if (Fails()) return error;
    *response = history_response;
    return grpc::Status::OK;
  }
  grpc::Status ListCaseReads(grpc::ClientContext* context,
                             const v1::ListCaseReadsRequest& request,
                             v1::ListCaseReadsResponse* response) override {
    Record("ListCaseReads", context);
    reads_requests.push_back(request);
    if (Fails()) return error;
    *response = reads_response;
    return grpc::Status::OK;
  }

 private:
  // REQUIRES: the current call was recorded.
  bool Fails() const {
    if (error.ok()) return false;
    return succeed_calls < 0 ||
           calls.size() > static_cast<size_t>(succeed_calls);
  }

  void Record(const std::string& method, grpc::ClientContext* context) {
    calls.push_back(RecordOf(method, context));
  }

  // The asynchronous API is never used by ogi.
  template <typename R>
  using Reader = grpc::ClientAsyncResponseReaderInterface<R>;
  Reader<v1::CreateCaseResponse>* AsyncCreateCaseRaw(
      grpc::ClientContext*, const v1::CreateCaseRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::CreateCaseResponse>* PrepareAsyncCreateCaseRaw(
      grpc::ClientContext*, const v1::CreateCaseRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::GetCaseResponse>* AsyncGetCaseRaw(
      grpc::ClientContext*, const v1::GetCaseRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::GetCaseResponse>* PrepareAsyncGetCaseRaw(
      grpc::ClientContext*, const v1::GetCaseRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListCasesResponse>* AsyncListCasesRaw(
      grpc::ClientContext*, const v1::ListCasesRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListCasesResponse>* PrepareAsyncListCasesRaw(
      grpc::ClientContext*, const v1::ListCasesRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::UpdateCaseResponse>* AsyncUpdateCaseRaw(
      grpc::ClientContext*, const v1::UpdateCaseRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::UpdateCaseResponse>* PrepareAsyncUpdateCaseRaw(
      grpc::ClientContext*, const v1::UpdateCaseRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListCaseHistoryResponse>* AsyncListCaseHistoryRaw(
      grpc::ClientContext*, const v1::ListCaseHistoryRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListCaseHistoryResponse>* PrepareAsyncListCaseHistoryRaw(
      grpc::ClientContext*, const v1::ListCaseHistoryRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListCaseReadsResponse>* AsyncListCaseReadsRaw(
      grpc::ClientContext*, const v1::ListCaseReadsRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListCaseReadsResponse>* PrepareAsyncListCaseReadsRaw(
      grpc::ClientContext*, const v1::ListCaseReadsRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
};

// AgencyService: ListAgencies answers `list_response`, GetAgency
// `get_response` (or `get_error`), PutAgency echoes the agency it is given
// (or `put_error`); `error` fails every call.
class FakeAgencyStub : public v1::AgencyService::StubInterface,
                       public RecordedCalls {
 public:
  grpc::Status error = grpc::Status::OK;
  grpc::Status get_error = grpc::Status::OK;
  grpc::Status put_error = grpc::Status::OK;
  v1::ListAgenciesResponse list_response;
  v1::GetAgencyResponse get_response;
  int list_calls = 0;

  std::vector<v1::GetAgencyRequest> get_requests;
  std::vector<v1::PutAgencyRequest> put_requests;

  grpc::Status ListAgencies(grpc::ClientContext* context,
                            const v1::ListAgenciesRequest&,
                            v1::ListAgenciesResponse* response) override {
    calls.push_back(RecordOf("ListAgencies", context));
    ++list_calls;
    if (!error.ok()) return error;
    *response = list_response;
    return grpc::Status::OK;
  }
  grpc::Status GetAgency(grpc::ClientContext* context,
                         const v1::GetAgencyRequest& request,
                         v1::GetAgencyResponse* response) override {
    calls.push_back(RecordOf("GetAgency", context));
    get_requests.push_back(request);
    if (!error.ok()) return error;
    if (!get_error.ok()) return get_error;
    *response = get_response;
    return grpc::Status::OK;
  }
  grpc::Status PutAgency(grpc::ClientContext* context,
                         const v1::PutAgencyRequest& request,
                         v1::Agency* response) override {
    calls.push_back(RecordOf("PutAgency", context));
    put_requests.push_back(request);
    if (!error.ok()) return error;
    if (!put_error.ok()) return put_error;
    *response = request.agency();
    return grpc::Status::OK;
  }

 private:
  OGI_FAKE_UNUSED_ASYNC(ListAgencies, ListAgenciesRequest, ListAgenciesResponse)
  OGI_FAKE_UNUSED_ASYNC(GetAgency, GetAgencyRequest, GetAgencyResponse)
  OGI_FAKE_UNUSED_ASYNC(PutAgency, PutAgencyRequest, Agency)
};

// AccessService: each call answers the canned response of its method (PutUser
// echoes the user it is given), or fails with the status `errors` holds for
// the method's name ("WhoAmI"); each request is kept.
class FakeAccessStub : public v1::AccessService::StubInterface,
                       public RecordedCalls {
 public:
  std::map<std::string, grpc::Status> errors;

  v1::WhoAmIResponse who;         // WhoAmI
  v1::ListUsersResponse users;    // ListUsers
  v1::IssueTokenResponse issued;  // IssueToken
  v1::TokenInfo revoked;          // RevokeToken
  v1::ListTokensResponse tokens;  // ListTokens

  OGI_FAKE_CANNED(WhoAmI, WhoAmIRequest, WhoAmIResponse, who)
  OGI_FAKE_CANNED(PutUser, PutUserRequest, User, request.user())
  OGI_FAKE_CANNED(ListUsers, ListUsersRequest, ListUsersResponse, users)
  OGI_FAKE_CANNED(IssueToken, IssueTokenRequest, IssueTokenResponse, issued)
  OGI_FAKE_CANNED(RevokeToken, RevokeTokenRequest, TokenInfo, revoked)
  OGI_FAKE_CANNED(ListTokens, ListTokensRequest, ListTokensResponse, tokens)

 private:
  OGI_FAKE_UNUSED_ASYNC(WhoAmI, WhoAmIRequest, WhoAmIResponse)
  OGI_FAKE_UNUSED_ASYNC(PutUser, PutUserRequest, User)
  OGI_FAKE_UNUSED_ASYNC(ListUsers, ListUsersRequest, ListUsersResponse)
  OGI_FAKE_UNUSED_ASYNC(IssueToken, IssueTokenRequest, IssueTokenResponse)
  OGI_FAKE_UNUSED_ASYNC(RevokeToken, RevokeTokenRequest, TokenInfo)
  OGI_FAKE_UNUSED_ASYNC(ListTokens, ListTokensRequest, ListTokensResponse)
};

// ProcedureService: every step answers `response` (or `error`) and keeps a
// copy of its request.
class FakeProcedureStub : public v1::ProcedureService::StubInterface,
                          public RecordedCalls {
 public:
  grpc::Status error = grpc::Status::OK;
  v1::ProcedureStepResponse response;

#define OGI_FAKE_STEP(Method, Request)                           \
  grpc::Status Method(grpc::ClientContext* context,              \
                      const v1::Request& request,                \
                      v1::ProcedureStepResponse* out) override { \
    calls.push_back(RecordOf(#Method, context));                 \
    requests.push_back(std::make_unique<v1::Request>(request));  \
    if (!error.ok()) return error;                               \
    *out = response;                                             \
    return grpc::Status::OK;                                     \
  }
  OGI_FAKE_STEP(SendCorrectionNotice, SendCorrectionNoticeRequest)
  OGI_FAKE_STEP(ReceiveSupplement, ReceiveSupplementRequest)
  OGI_FAKE_STEP(SendConsultation, SendConsultationRequest)
  OGI_FAKE_STEP(ReceiveConsultationReply, ReceiveConsultationReplyRequest)
  OGI_FAKE_STEP(IssueFeeNotice, IssueFeeNoticeRequest)
  OGI_FAKE_STEP(ReceiveFeePayment, ReceiveFeePaymentRequest)
  OGI_FAKE_STEP(ExtendDeadline, ExtendDeadlineRequest)
  OGI_FAKE_STEP(DeferDeadline, DeferDeadlineRequest)
#undef OGI_FAKE_STEP

 private:
  OGI_FAKE_UNUSED_ASYNC(SendCorrectionNotice, SendCorrectionNoticeRequest,
                        ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(ReceiveSupplement, ReceiveSupplementRequest,
                        ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(SendConsultation, SendConsultationRequest,
                        ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(ReceiveConsultationReply,
                        ReceiveConsultationReplyRequest, ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(IssueFeeNotice, IssueFeeNoticeRequest,
                        ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(ReceiveFeePayment, ReceiveFeePaymentRequest,
                        ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(ExtendDeadline, ExtendDeadlineRequest,
                        ProcedureStepResponse)
  OGI_FAKE_UNUSED_ASYNC(DeferDeadline, DeferDeadlineRequest,
                        ProcedureStepResponse)
};

// A server stream that plays back `alerts`, then ends with `status`. Before
// each Read, `on_read` (when set) is called with the number of reads so far;
// when it returns false the stream ends there.
class FakeAlertReader final
    : public grpc::ClientReaderInterface<v1::DeadlineAlert> {
 public:
  FakeAlertReader(std::vector<v1::DeadlineAlert> alerts, grpc::Status status,
                  std::function<bool(size_t)> on_read, int* finish_calls)
      : alerts_(std::move(alerts)),
        status_(std::move(status)),
        on_read_(std::move(on_read)),
        finish_calls_(finish_calls) {}

  bool Read(v1::DeadlineAlert* alert) override {
    const size_t index = reads_++;
    if (ended_) return false;
    if (on_read_ && !on_read_(index)) ended_ = true;
    if (ended_ || index >= alerts_.size()) {
      ended_ = true;
      return false;
    }
    *alert = alerts_[index];
    return true;
  }
  grpc::Status Finish() override {
    ++*finish_calls_;
    return status_;
  }
  bool NextMessageSize(uint32_t* size) override {
    *size = 1 << 20;
    return true;
  }
  void WaitForInitialMetadata() override {}

 private:
  std::vector<v1::DeadlineAlert> alerts_;
  grpc::Status status_;
  std::function<bool(size_t)> on_read_;
  int* finish_calls_;
  size_t reads_ = 0;
  bool ended_ = false;
};

class FakeDeadlineStub : public v1::DeadlineService::StubInterface,
                         public RecordedCalls {
 public:
  grpc::Status error = grpc::Status::OK;  // for ListDeadlines
  v1::ListDeadlinesResponse list_response;
  // What WatchAlerts plays back (see FakeAlertReader).
  std::vector<v1::DeadlineAlert> stream_alerts;
  grpc::Status stream_status = grpc::Status::OK;
  std::function<bool(size_t)> on_read;

  std::vector<v1::ListDeadlinesRequest> list_requests;
  std::vector<v1::WatchAlertsRequest> watch_requests;
  int finish_calls = 0;

  grpc::Status ListDeadlines(grpc::ClientContext* context,
                             const v1::ListDeadlinesRequest& request,
                             v1::ListDeadlinesResponse* response) override {
    calls.push_back(RecordOf("ListDeadlines", context));
    list_requests.push_back(request);
    if (!error.ok()) return error;
    *response = list_response;
    return grpc::Status::OK;
  }

 private:
  grpc::ClientReaderInterface<v1::DeadlineAlert>* WatchAlertsRaw(
      grpc::ClientContext* context,
      const v1::WatchAlertsRequest& request) override {
    calls.push_back(RecordOf("WatchAlerts", context));
    watch_requests.push_back(request);
    return new FakeAlertReader(stream_alerts, stream_status, on_read,
                               &finish_calls);
  }
  OGI_FAKE_UNUSED_ASYNC(ListDeadlines, ListDeadlinesRequest,
                        ListDeadlinesResponse)
  grpc::ClientAsyncReaderInterface<v1::DeadlineAlert>* AsyncWatchAlertsRaw(
      grpc::ClientContext*, const v1::WatchAlertsRequest&,
      grpc::CompletionQueue*, void*) override {
    return nullptr;
  }
  grpc::ClientAsyncReaderInterface<v1::DeadlineAlert>*
  PrepareAsyncWatchAlertsRaw(grpc::ClientContext*,
                             const v1::WatchAlertsRequest&,
                             grpc::CompletionQueue*) override {
    return nullptr;
  }
};

class FakeCalendarStub : public v1::CalendarService::StubInterface,
                         public RecordedCalls {
 public:
  grpc::Status error = grpc::Status::OK;
  v1::GetCalendarYearResponse year_response;
  v1::LoadCalendarResponse load_response;
  v1::AddWorkingDaysResponse add_response;

  std::vector<v1::GetCalendarYearRequest> year_requests;
  std::vector<v1::LoadCalendarRequest> load_requests;
  std::vector<v1::AddWorkingDaysRequest> add_requests;

  grpc::Status GetCalendarYear(grpc::ClientContext* context,
                               const v1::GetCalendarYearRequest& request,
                               v1::GetCalendarYearResponse* response) override {
    calls.push_back(RecordOf("GetCalendarYear", context));
    year_requests.push_back(request);
    if (!error.ok()) return error;
    *response = year_response;
    return grpc::Status::OK;
  }
  grpc::Status LoadCalendar(grpc::ClientContext* context,
                            const v1::LoadCalendarRequest& request,
                            v1::LoadCalendarResponse* response) override {
    calls.push_back(RecordOf("LoadCalendar", context));
    load_requests.push_back(request);
    if (!error.ok()) return error;
    *response = load_response;
    return grpc::Status::OK;
  }
  grpc::Status AddWorkingDays(grpc::ClientContext* context,
                              const v1::AddWorkingDaysRequest& request,
                              v1::AddWorkingDaysResponse* response) override {
    calls.push_back(RecordOf("AddWorkingDays", context));
    add_requests.push_back(request);
    if (!error.ok()) return error;
    *response = add_response;
    return grpc::Status::OK;
  }

 private:
  OGI_FAKE_UNUSED_ASYNC(GetCalendarYear, GetCalendarYearRequest,
                        GetCalendarYearResponse)
  OGI_FAKE_UNUSED_ASYNC(LoadCalendar, LoadCalendarRequest, LoadCalendarResponse)
  OGI_FAKE_UNUSED_ASYNC(AddWorkingDays, AddWorkingDaysRequest,
                        AddWorkingDaysResponse)
};

// OutcomeService: every call answers `response` (or `error`) and keeps a
// copy of its request.
class FakeOutcomeStub : public v1::OutcomeService::StubInterface,
                        public RecordedCalls {
 public:
  grpc::Status error = grpc::Status::OK;
  v1::OutcomeResponse response;

#define OGI_FAKE_OUTCOME(Method, Request)                                   \
  grpc::Status Method(grpc::ClientContext* context,                         \
                      const v1::Request& request, v1::OutcomeResponse* out) \
      override {                                                            \
    calls.push_back(RecordOf(#Method, context));                            \
    requests.push_back(std::make_unique<v1::Request>(request));             \
    if (!error.ok()) return error;                                          \
    *out = response;                                                        \
    return grpc::Status::OK;                                                \
  }
  OGI_FAKE_OUTCOME(ConcludeCase, ConcludeCaseRequest)
  OGI_FAKE_OUTCOME(WithdrawCase, WithdrawCaseRequest)
  OGI_FAKE_OUTCOME(ConfirmLapse, ConfirmLapseRequest)
  OGI_FAKE_OUTCOME(CorrectConclusion, CorrectConclusionRequest)
  OGI_FAKE_OUTCOME(RecordReAnswer, RecordReAnswerRequest)
#undef OGI_FAKE_OUTCOME

 private:
  OGI_FAKE_UNUSED_ASYNC(ConcludeCase, ConcludeCaseRequest, OutcomeResponse)
  OGI_FAKE_UNUSED_ASYNC(WithdrawCase, WithdrawCaseRequest, OutcomeResponse)
  OGI_FAKE_UNUSED_ASYNC(ConfirmLapse, ConfirmLapseRequest, OutcomeResponse)
  OGI_FAKE_UNUSED_ASYNC(CorrectConclusion, CorrectConclusionRequest,
                        OutcomeResponse)
  OGI_FAKE_UNUSED_ASYNC(RecordReAnswer, RecordReAnswerRequest, OutcomeResponse)
};

// ProceedingService: every step answers `response`, the lists answer
// `reviews` and `lawsuits` (or all `error`); each request is kept.
class FakeProceedingStub : public v1::ProceedingService::StubInterface,
                           public RecordedCalls {
 public:
  grpc::Status error = grpc::Status::OK;
  v1::ProceedingResponse response;
  v1::ListReviewsResponse reviews;
  v1::ListLawsuitsResponse lawsuits;

#define OGI_FAKE_PROCEEDING(Method, Request, Response, answer)       \
  grpc::Status Method(grpc::ClientContext* context,                  \
                      const v1::Request& request, v1::Response* out) \
      override {                                                     \
    calls.push_back(RecordOf(#Method, context));                     \
    requests.push_back(std::make_unique<v1::Request>(request));      \
    if (!error.ok()) return error;                                   \
    *out = answer;                                                   \
    return grpc::Status::OK;                                         \
  }
  OGI_FAKE_PROCEEDING(FileReview, FileReviewRequest, ProceedingResponse,
                      response)
  OGI_FAKE_PROCEEDING(RecordReviewProgress, RecordReviewProgressRequest,
                      ProceedingResponse, response)
  OGI_FAKE_PROCEEDING(DecideReview, DecideReviewRequest, ProceedingResponse,
                      response)
  OGI_FAKE_PROCEEDING(ListReviews, ListProceedingsRequest, ListReviewsResponse,
                      reviews)
  OGI_FAKE_PROCEEDING(FileLawsuit, FileLawsuitRequest, ProceedingResponse,
                      response)
  OGI_FAKE_PROCEEDING(RecordLawsuitProgress, RecordLawsuitProgressRequest,
                      ProceedingResponse, response)
  OGI_FAKE_PROCEEDING(JudgeLawsuit, JudgeLawsuitRequest, ProceedingResponse,
                      response)
  OGI_FAKE_PROCEEDING(AppealLawsuit, AppealLawsuitRequest, ProceedingResponse,
                      response)
  OGI_FAKE_PROCEEDING(DecideAppeal, DecideAppealRequest, ProceedingResponse,
                      response)
  OGI_FAKE_PROCEEDING(ListLawsuits, ListProceedingsRequest,
                      ListLawsuitsResponse, lawsuits)
#undef OGI_FAKE_PROCEEDING

 private:
  OGI_FAKE_UNUSED_ASYNC(FileReview, FileReviewRequest, ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(RecordReviewProgress, RecordReviewProgressRequest,
                        ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(DecideReview, DecideReviewRequest, ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(ListReviews, ListProceedingsRequest,
                        ListReviewsResponse)
  OGI_FAKE_UNUSED_ASYNC(FileLawsuit, FileLawsuitRequest, ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(RecordLawsuitProgress, RecordLawsuitProgressRequest,
                        ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(JudgeLawsuit, JudgeLawsuitRequest, ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(AppealLawsuit, AppealLawsuitRequest, ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(DecideAppeal, DecideAppealRequest, ProceedingResponse)
  OGI_FAKE_UNUSED_ASYNC(ListLawsuits, ListProceedingsRequest,
                        ListLawsuitsResponse)
};

// ReportService: each call answers the canned response of its method, or
// fails with the status `errors` holds for the method's name ("GetReport");
// each request is kept.
class FakeReportStub : public v1::ReportService::StubInterface,
                       public RecordedCalls {
 public:
  std::map<std::string, grpc::Status> errors;

  v1::Report report;                    // GetReport
  v1::RenderedReport rendered;          // RenderReport, carrying `report`
  v1::GetCellResponse cell;             // GetCell
  v1::Report locked;                    // LockReport
  v1::Table2 figures;                   // SetFigures
  v1::ReportProse prose;                // SetProse
  v1::RegisteredDocument document;      // RegisterDocument
  v1::ListDocumentsResponse documents;  // ListDocuments

  // What RenderReport answers: the document with the report it renders.
  v1::RenderedReport RenderedWithReport() const {
    v1::RenderedReport answer = rendered;
    *answer.mutable_report() = report;
    return answer;
  }

  OGI_FAKE_CANNED(GetReport, GetReportRequest, Report, report)
  OGI_FAKE_CANNED(RenderReport, RenderReportRequest, RenderedReport,
                  RenderedWithReport())
  OGI_FAKE_CANNED(GetCell, GetCellRequest, GetCellResponse, cell)
  OGI_FAKE_CANNED(LockReport, LockReportRequest, Report, locked)
  OGI_FAKE_CANNED(SetFigures, SetFiguresRequest, Table2, figures)
  OGI_FAKE_CANNED(SetProse, SetProseRequest, ReportProse, prose)
  OGI_FAKE_CANNED(RegisterDocument, RegisterDocumentRequest, RegisteredDocument,
                  document)
  OGI_FAKE_CANNED(ListDocuments, ListDocumentsRequest, ListDocumentsResponse,
                  documents)

 private:
  OGI_FAKE_UNUSED_ASYNC(GetReport, GetReportRequest, Report)
  OGI_FAKE_UNUSED_ASYNC(RenderReport, RenderReportRequest, RenderedReport)
  OGI_FAKE_UNUSED_ASYNC(GetCell, GetCellRequest, GetCellResponse)
  OGI_FAKE_UNUSED_ASYNC(LockReport, LockReportRequest, Report)
  OGI_FAKE_UNUSED_ASYNC(SetFigures, SetFiguresRequest, Table2)
  OGI_FAKE_UNUSED_ASYNC(SetProse, SetProseRequest, ReportProse)
  OGI_FAKE_UNUSED_ASYNC(RegisterDocument, RegisterDocumentRequest,
                        RegisteredDocument)
  OGI_FAKE_UNUSED_ASYNC(ListDocuments, ListDocumentsRequest,
                        ListDocumentsResponse)
};

// ServiceStubs over fakes owned by the test; a fake not given is a private
// default one.
class FakeStubs final : public ServiceStubs {
 public:
  FakeStubs(FakeCaseStub* cases, FakeAgencyStub* agencies,
            FakeProcedureStub* procedures = nullptr,
            FakeDeadlineStub* deadlines = nullptr,
            FakeCalendarStub* calendar = nullptr,
            FakeOutcomeStub* outcomes = nullptr,
            FakeProceedingStub* proceedings = nullptr)
      : cases_(cases),
        agencies_(agencies),
        procedures_(procedures != nullptr ? procedures : &own_procedures_),
        deadlines_(deadlines != nullptr ? deadlines : &own_deadlines_),
        calendar_(calendar != nullptr ? calendar : &own_calendar_),
        outcomes_(outcomes != nullptr ? outcomes : &own_outcomes_),
        proceedings_(proceedings != nullptr ? proceedings : &own_proceedings_) {
  }
  v1::CaseService::StubInterface& Cases() override { return *cases_; }
  v1::AgencyService::StubInterface& Agencies() override { return *agencies_; }
  v1::ProcedureService::StubInterface& Procedures() override {
    return *procedures_;
  }
  v1::DeadlineService::StubInterface& Deadlines() override {
    return *deadlines_;
  }
  v1::CalendarService::StubInterface& Calendar() override { return *calendar_; }
  v1::OutcomeService::StubInterface& Outcomes() override { return *outcomes_; }
  v1::ProceedingService::StubInterface& Proceedings() override {
    return *proceedings_;
  }
  v1::ReportService::StubInterface& Reports() override { return *reports_; }
  v1::AccessService::StubInterface& Access() override { return *access_; }
  // Answers report calls with `reports` instead of a private default fake.
  void UseReports(FakeReportStub* reports) { reports_ = reports; }
  // Answers access calls with `access` instead of a private default fake.
  void UseAccess(FakeAccessStub* access) { access_ = access; }

 private:
  FakeProcedureStub own_procedures_;
  FakeDeadlineStub own_deadlines_;
  FakeCalendarStub own_calendar_;
  FakeOutcomeStub own_outcomes_;
  FakeProceedingStub own_proceedings_;
  FakeCaseStub* cases_;
  FakeAgencyStub* agencies_;
  FakeProcedureStub* procedures_;
  FakeDeadlineStub* deadlines_;
  FakeCalendarStub* calendar_;
  FakeOutcomeStub* outcomes_;
  FakeProceedingStub* proceedings_;
  FakeReportStub own_reports_;
  FakeReportStub* reports_ = &own_reports_;
  FakeAccessStub own_access_;
  FakeAccessStub* access_ = &own_access_;
};

#undef OGI_FAKE_UNUSED_ASYNC
#undef OGI_FAKE_CANNED

}  // namespace ogi::cli::testing

#endif  // OGI_TESTS_CLI_FAKE_STUBS_H_
