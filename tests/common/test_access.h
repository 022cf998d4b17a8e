#ifndef OGI_TESTS_COMMON_TEST_ACCESS_H_
#define OGI_TESTS_COMMON_TEST_ACCESS_H_

// Signs in-process service tests in: a CallEdge whose AccessManager works on
// the test's store, and bearer tokens of users made on first use, each shown
// in history events under the display name the test chooses.

#include <grpcpp/grpcpp.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "services/access/access_manager.h"
#include "services/rpc/unary_call.h"
#include "storage/sqlite_case_store.h"

namespace ogi::testing {

// Every role but administrator: what a one-person office holds.
inline std::vector<v1::Role> WorkingRoles() {
  return {v1::ROLE_CLERK, v1::ROLE_APPROVER, v1::ROLE_LEGAL,
          v1::ROLE_STATISTICIAN, v1::ROLE_AUDITOR};
}

// Not thread-safe (tests set it up, then use it from one thread).
class TestAccess {
 public:
  // REQUIRES: the arguments outlive this object.
  TestAccess(SqliteCaseStore* store, const Clock* clock, ThreadPool* pool)
      : store_(store), manager_(store, store, clock) {
    edge_.pool = pool;
    edge_.access = &manager_;
  }

  const CallEdge* edge() const { return &edge_; }
  AccessManager& manager() { return manager_; }

  // The token of the user shown as `display_name`, of `agency`, holding
  // `roles`; the user is made on first use and kept for later calls.
  std::string Token(const std::string& display_name,
                    const std::vector<v1::Role>& roles = WorkingRoles(),
                    const std::string& agency = "default") {
    const std::string key =
        absl::StrCat(display_name, "|", agency, "|", absl::StrJoin(roles, ","));
    auto it = tokens_.find(key);
    if (it != tokens_.end()) return it->second;
    v1::User user;
    user.set_name(absl::StrCat("user", tokens_.size() + 1));
    user.set_display_name(display_name);
    user.set_agency_code(agency);
    auto issued = manager_.Bootstrap(user, kMaxTokenValidDays);
    EXPECT_TRUE(issued.ok()) << issued.status();
    if (!issued.ok()) return "";
    // Bootstrap makes administrators; give the user exactly `roles`.
    for (v1::Role role : roles) user.add_roles(role);
    *user.mutable_created_at() = issued->info().issued_at();
    auto stored = store_->PutUser(user);
    EXPECT_TRUE(stored.ok()) << stored.status();
    tokens_[key] = issued->token();
    return issued->token();
  }

  // Adds the bearer token of `display_name` (see Token) to `context`.
  void SignIn(grpc::ClientContext* context,
              const std::string& display_name = "王科员",
              const std::vector<v1::Role>& roles = WorkingRoles(),
              const std::string& agency = "default") {
    context->AddMetadata("authorization",
                         "Bearer " + Token(display_name, roles, agency));
  }

 private:
  SqliteCaseStore* const store_;
  AccessManager manager_;
  CallEdge edge_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace ogi::testing

#endif  // OGI_TESTS_COMMON_TEST_ACCESS_H_
