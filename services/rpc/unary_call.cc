#include "services/rpc/unary_call.h"

#include <chrono>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"

namespace ogi {

namespace internal {

UnaryCallState::UnaryCallState(grpc::ServerUnaryReactor* reactor,
                               absl::Time deadline)
    : reactor_(reactor), token_(deadline) {}

bool UnaryCallState::StartWork() {
  absl::MutexLock lock(&mu_);
  if (stage_ != Stage::kQueued) return false;
  stage_ = Stage::kRunning;
  return true;
}

void UnaryCallState::FinishWork(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  stage_ = Stage::kFinished;
  // A raw call's buffer is valid until the call is finished: fill it first.
  if (status.ok() && raw_.serialize_response) {
    reactor_->Finish(raw_.serialize_response());
    return;
  }
  reactor_->Finish(status);
}

namespace {

thread_local RawCall* current_raw_call = nullptr;

}  // namespace

ScopedRawCall::ScopedRawCall(RawCall call) : call_(std::move(call)) {
  current_raw_call = &call_;
}

ScopedRawCall::~ScopedRawCall() { current_raw_call = nullptr; }

RawCall TakeRawCall() {
  if (current_raw_call == nullptr) return RawCall{};
  return std::move(*current_raw_call);
}

void UnaryCallState::Cancel() {
  token_.Cancel();
  absl::MutexLock lock(&mu_);
  if (stage_ != Stage::kQueued) return;
  stage_ = Stage::kFinished;
  reactor_->Finish(ToGrpcStatus(token_.Check(absl::Now())));
}

UnaryCallReactor::UnaryCallReactor(absl::Time deadline)
    : state_(std::make_shared<UnaryCallState>(this, deadline)) {}

void UnaryCallReactor::OnCancel() {
  // The state may outlive this reactor (OnDone can follow Finish at once on
  // another thread): keep it alive for the duration of Cancel().
  const std::shared_ptr<UnaryCallState> state = state_;
  state->Cancel();
}

void UnaryCallReactor::OnDone() { delete this; }

absl::Time CallDeadline(const grpc::CallbackServerContext& context) {
  const std::chrono::system_clock::time_point deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

}  // namespace internal

std::string BearerToken(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return "";
  absl::string_view value(it->second.data(), it->second.size());
  constexpr absl::string_view kScheme = "Bearer ";
  if (!absl::StartsWithIgnoreCase(value, kScheme)) return "";
  value.remove_prefix(kScheme.size());
  return std::string(value);
}

absl::StatusOr<Principal> Admit(const AccessManager& access,
                                absl::string_view bearer,
                                absl::string_view method) {
  absl::StatusOr<Operation> op = OperationOf(method);
  if (!op.ok()) return absl::PermissionDeniedError(op.status().message());
  OGI_ASSIGN_OR_RETURN(Principal principal, access.Authenticate(bearer));
  OGI_RETURN_IF_ERROR(CheckRole(principal, *op, method));
  return principal;
}

absl::Status ScopeAgencies(const Principal& principal, absl::string_view method,
                           const std::vector<std::string*>& codes) {
  OGI_ASSIGN_OR_RETURN(Operation op, OperationOf(method));
  for (std::string* code : codes) {
    if (code->empty()) *code = principal.own_agency();
    OGI_RETURN_IF_ERROR(CheckAgency(principal, op, *code));
  }
  return absl::OkStatus();
}

std::vector<std::string*> RequestAgencies(v1::CreateCaseRequest& request) {
  return {request.mutable_case_()->mutable_agency_code()};
}

std::vector<std::string*> RequestAgencies(v1::GetAgencyRequest& request) {
  return {request.mutable_code()};
}

std::vector<std::string*> RequestAgencies(
    v1::RegisterDocumentRequest& request) {
  return {request.mutable_document()->mutable_agency_code()};
}

namespace {

// An empty list means the caller's agency: one empty entry to fill.
std::vector<std::string*> AgencyList(
    google::protobuf::RepeatedPtrField<std::string>* codes) {
  if (codes->empty()) codes->Add();
  std::vector<std::string*> out;
  for (std::string& code : *codes) out.push_back(&code);
  return out;
}

}  // namespace

std::vector<std::string*> RequestAgencies(v1::GetReportRequest& request) {
  return AgencyList(request.mutable_agency_codes());
}

std::vector<std::string*> RequestAgencies(v1::RenderReportRequest& request) {
  return AgencyList(request.mutable_agency_codes());
}

std::vector<std::string*> RequestAgencies(v1::GetCellRequest& request) {
  return AgencyList(request.mutable_agency_codes());
}

}  // namespace ogi
