#include "services/alerts/deadline_service.h"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "services/rpc/raw_unary.h"
#include "services/rpc/unary_call.h"

namespace ogi {

void DeadlineServiceImpl::ServeRawBytes() {
  MarkMethodRawCallback(
      RawMethodIndex(v1::DeadlineService::service_full_name(), "ListDeadlines"),
      RawUnaryHandler(this, &DeadlineServiceImpl::ListDeadlines));
}
// One watcher's stream: alerts queue up and are written one at a time, as the
// callback API requires. Deletes itself when the call is done.
class DeadlineServiceImpl::AlertWriter final
    : public grpc::ServerWriteReactor<v1::DeadlineAlert>,
      public AlertSink {
 public:
  // `agency_code` "" subscribes to every agency; `readable` then limits the
  // stream to those the watcher may read. The stream is registered with
  // `service` until it is done, so that revoking the watcher's access ends it.
  AlertWriter(AlertHub* hub, DeadlineServiceImpl* service,
              std::string agency_code, const Principal& watcher)
      : hub_(hub),
        service_(service),
        readable_(watcher.readable_agencies),
        user_name_(watcher.user.name()),
        token_id_(watcher.token.id()) {
    service_->Register(this);
    id_ = hub_->Subscribe(std::move(agency_code), this);
    // Initial metadata tells the client that it is subscribed (a client may
    // wait for it before it changes anything it wants to hear about).
    absl::MutexLock lock(&mu_);
    if (!finished_) StartSendInitialMetadata();
  }

  void Push(const v1::DeadlineAlert& alert) override {
    if (std::find(readable_.begin(), readable_.end(), alert.agency_code()) ==
        readable_.end()) {
      return;
    }
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    queue_.push_back(alert);
    if (metadata_sent_ && !writing_) WriteNextLocked();
  }

  void Close() override {
    absl::MutexLock lock(&mu_);
    closing_ = true;
    if (!writing_) FinishLocked(grpc::Status::OK);
  }

  void OnSendInitialMetadataDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    metadata_sent_ = true;
    if (!ok) {
      FinishLocked(
          grpc::Status(grpc::StatusCode::UNAVAILABLE, "stream broken"));
    } else if (!writing_ && !queue_.empty() && !finished_) {
      WriteNextLocked();
    }
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) {
      FinishLocked(grpc::Status(grpc::StatusCode::UNAVAILABLE, "write failed"));
      return;
    }
    if (!queue_.empty()) {
      WriteNextLocked();
    } else if (closing_) {
      FinishLocked(grpc::Status::OK);
    }
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    FinishLocked(grpc::Status::CANCELLED);
  }

  void OnDone() override {
    hub_->Unsubscribe(id_);
    service_->Unregister(this);
    delete this;
  }

  // Whether the stream was opened by `user_name` (with `token_id`, or any of
  // the user's tokens when it is empty).
  bool OpenedBy(absl::string_view user_name, absl::string_view token_id) const {
    return user_name_ == user_name &&
           (token_id.empty() || token_id_ == token_id);
  }

  // Ends the stream at once with UNAUTHENTICATED `reason`.
  void Revoke(const std::string& reason) {
    absl::MutexLock lock(&mu_);
    FinishLocked(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, reason));
  }

 private:
  void WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    current_ = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    StartWrite(&current_);
  }

  void FinishLocked(const grpc::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    queue_.clear();
    Finish(status);
  }

  AlertHub* const hub_;
  DeadlineServiceImpl* const service_;
  const std::vector<std::string> readable_;
  const std::string user_name_;
  const std::string token_id_;
  int64_t id_ = 0;
  absl::Mutex mu_;
  std::deque<v1::DeadlineAlert> queue_ ABSL_GUARDED_BY(mu_);
  v1::DeadlineAlert current_ ABSL_GUARDED_BY(mu_);
  bool metadata_sent_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
};

namespace {

// A stream refused before it started (authentication, role, scope).
class RefusedWriter final : public grpc::ServerWriteReactor<v1::DeadlineAlert> {
 public:
  explicit RefusedWriter(const absl::Status& status) {
    Finish(ToGrpcStatus(status));
  }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerUnaryReactor* DeadlineServiceImpl::ListDeadlines(
    grpc::CallbackServerContext* context,
    const v1::ListDeadlinesRequest* request,
    v1::ListDeadlinesResponse* response) {
  return RunScoped(context, *edge_, "ogi.v1.DeadlineService.ListDeadlines",
                   request, response,
                   [this](const v1::ListDeadlinesRequest& r, const Principal&) {
                     return manager_->ListDeadlines(r);
                   });
}

grpc::ServerWriteReactor<v1::DeadlineAlert>* DeadlineServiceImpl::WatchAlerts(
    grpc::CallbackServerContext* context,
    const v1::WatchAlertsRequest* request) {
  // Admitted here, on the gRPC thread: one short indexed read, where a
  // worker hand-off would leave a reactor that may be cancelled meanwhile.
  constexpr absl::string_view kMethod = "ogi.v1.DeadlineService.WatchAlerts";
  absl::StatusOr<Principal> principal =
      Admit(*edge_->access, BearerToken(*context), kMethod);
  if (!principal.ok()) return new RefusedWriter(principal.status());
  // Empty: every agency the watcher may read.
  std::string agency_code = request->agency_code();
  if (!agency_code.empty()) {
    absl::Status in_scope = ScopeAgencies(*principal, kMethod, {&agency_code});
    if (!in_scope.ok()) return new RefusedWriter(in_scope);
  }
  return new AlertWriter(hub_, this, std::move(agency_code), *principal);
}

void DeadlineServiceImpl::EndStreamsOf(absl::string_view user_name,
                                       absl::string_view token_id) {
  const std::string reason =
      token_id.empty()
          ? absl::StrCat("authorization: 用户 ", user_name,
                         " 的账户已变更，请重新登录")
          : absl::StrCat("authorization: 令牌 ", token_id, " 已吊销");
  absl::MutexLock lock(&streams_mu_);
  for (AlertWriter* writer : streams_) {
    if (writer->OpenedBy(user_name, token_id)) writer->Revoke(reason);
  }
}

void DeadlineServiceImpl::Register(AlertWriter* writer) {
  absl::MutexLock lock(&streams_mu_);
  streams_.insert(writer);
}

void DeadlineServiceImpl::Unregister(AlertWriter* writer) {
  absl::MutexLock lock(&streams_mu_);
  streams_.erase(writer);
}

}  // namespace ogi
