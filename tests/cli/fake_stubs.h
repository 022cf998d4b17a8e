#ifndef OGI_TESTS_CLI_FAKE_STUBS_H_
#define OGI_TESTS_CLI_FAKE_STUBS_H_

// In-memory fakes of the CaseService and AgencyService client stubs: they
// record every request with the metadata and deadline of its context and
// answer with canned responses or a canned error. Not thread-safe.

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/client.h"
#include "grpcpp/test/client_context_test_peer.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"

namespace ogi::cli::testing {

// What the fake saw of one call's context.
struct CallRecord {
  std::string method;
  std::multimap<std::string, std::string> metadata;
  std::chrono::system_clock::time_point deadline;
};

class FakeCaseStub : public v1::CaseService::StubInterface {
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

  std::vector<CallRecord> calls;
  std::vector<v1::CreateCaseRequest> create_requests;
  std::vector<v1::GetCaseRequest> get_requests;
  std::vector<v1::ListCasesRequest> list_requests;
  std::vector<v1::UpdateCaseRequest> update_requests;
  std::vector<v1::ListCaseHistoryRequest> history_requests;

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

 private:
  // REQUIRES: the current call was recorded.
  bool Fails() const {
    if (error.ok()) return false;
    return succeed_calls < 0 ||
           calls.size() > static_cast<size_t>(succeed_calls);
  }

  void Record(const std::string& method, grpc::ClientContext* context) {
    calls.push_back(
        {method,
         grpc::testing::ClientContextTestPeer(context).GetSendInitialMetadata(),
         context->deadline()});
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
};

class FakeAgencyStub : public v1::AgencyService::StubInterface {
 public:
  grpc::Status error = grpc::Status::OK;
  v1::ListAgenciesResponse list_response;
  int list_calls = 0;

  grpc::Status ListAgencies(grpc::ClientContext*,
                            const v1::ListAgenciesRequest&,
                            v1::ListAgenciesResponse* response) override {
    ++list_calls;
    if (!error.ok()) return error;
    *response = list_response;
    return grpc::Status::OK;
  }
  grpc::Status GetAgency(grpc::ClientContext*, const v1::GetAgencyRequest&,
                         v1::GetAgencyResponse*) override {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not faked");
  }

 private:
  template <typename R>
  using Reader = grpc::ClientAsyncResponseReaderInterface<R>;
  Reader<v1::ListAgenciesResponse>* AsyncListAgenciesRaw(
      grpc::ClientContext*, const v1::ListAgenciesRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::ListAgenciesResponse>* PrepareAsyncListAgenciesRaw(
      grpc::ClientContext*, const v1::ListAgenciesRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::GetAgencyResponse>* AsyncGetAgencyRaw(
      grpc::ClientContext*, const v1::GetAgencyRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
  Reader<v1::GetAgencyResponse>* PrepareAsyncGetAgencyRaw(
      grpc::ClientContext*, const v1::GetAgencyRequest&,
      grpc::CompletionQueue*) override {
    return nullptr;
  }
};

// ServiceStubs over fakes owned by the test.
class FakeStubs final : public ServiceStubs {
 public:
  FakeStubs(FakeCaseStub* cases, FakeAgencyStub* agencies)
      : cases_(cases), agencies_(agencies) {}
  v1::CaseService::StubInterface& Cases() override { return *cases_; }
  v1::AgencyService::StubInterface& Agencies() override { return *agencies_; }

 private:
  FakeCaseStub* cases_;
  FakeAgencyStub* agencies_;
};

}  // namespace ogi::cli::testing

#endif  // OGI_TESTS_CLI_FAKE_STUBS_H_
