// Crash safety through the real binaries (issue 5: "concurrent clients create
// cases and record steps against the real server; it is killed with SIGKILL
// at random moments, several times; after each restart every write whose RPC
// had returned OK is present, the history is complete, integrity_check is ok,
// and the annual report balances").
//
// ogi-server runs on a manual clock ("today" is 2025-12-20) over one database
// file. Client threads log applications and take each through some of its
// life (a correction of the record, an extension, the answer, a review and its
// decision), each step sent with the version the writer last saw. Every call
// that returned OK is remembered with the case number, the version it made
// and the kind of event. At a moment drawn from a seeded generator (a number
// of acknowledged writes, then up to 4 ms more) the server is killed with
// SIGKILL while the writers keep sending. Then:
//  - the file as the crash left it passes PRAGMA integrity_check, every case
//    in it has the contiguous history 1..version, the case numbers have no
//    gap, and every acknowledged write is in it;
//  - the server starts again on it (it would refuse a file failing
//    integrity_check), serves the same cases, every acknowledged write is in
//    the history it returns, and the 2025 report balances with no uncountable
//    case;
//  - and the load resumes, for kKills rounds.
// Only acknowledged writes are asserted on: a call cut short by the kill may
// or may not have landed (it is counted, never required).
//
// The seed is printed; OGI_CRASH_SEED=<seed> repeats the same kill points
// (the interleaving of the writers still varies from run to run).

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/procedure_service.grpc.pb.h"
#include "ogi/v1/proceeding_service.grpc.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_database.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/varied_conclusions.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;

constexpr char kFakeNow[] = "--fake_clock_start=2025-12-20T10:00:00+08:00";
// Every call is made as the tester ServerProcess signs in, shown in history
// events as this.
constexpr char kActor[] = "王科员";
constexpr int kYear = 2025;
constexpr int kWriters = 6;
constexpr int kKills = 5;
// A round's kill comes after this many acknowledged writes (uniform), then a
// delay of up to kMaxKillJitter, so that it falls anywhere in a write: while
// a request is parsed, queued for the writer, in the commit's fsync, or
// between the commit and the answer.
constexpr int kMinWritesBeforeKill = 100;
constexpr int kMaxWritesBeforeKill = 400;
constexpr absl::Duration kMaxKillJitter = absl::Milliseconds(4);
// Per call: generous for a loaded 2-core machine; a hung call fails the test
// instead of the ctest timeout.
constexpr auto kCallTimeout = std::chrono::seconds(20);

// One write the server acknowledged (or, for `in doubt` lists, one that was
// cut short): the case, the version the write made and its event.
struct Write {
  std::string number;  // empty for a create that never answered
  int version = 0;
  v1::CaseEventType type = v1::CASE_EVENT_TYPE_UNSPECIFIED;
  std::string actor;
};

std::string Describe(const Write& w) {
  return absl::StrCat(w.number, " v", w.version, " ",
                      v1::CaseEventType_Name(w.type), " by ", w.actor);
}

std::string CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    default:
      return absl::StrCat("code ", static_cast<int>(code));
  }
}

// OGI_CRASH_SEED when set, else a fresh one.
uint64_t Seed() {
  const char* env = std::getenv("OGI_CRASH_SEED");
  uint64_t seed = 0;
  if (env != nullptr && absl::SimpleAtoi(env, &seed)) return seed;
  return (static_cast<uint64_t>(std::random_device()()) << 32) ^
         std::random_device()();
}

// kWriters threads against one server, each logging applications one after
// another and taking each through its steps right away. Failures are
// expected only after MarkKilled(); before, any failure fails the test.
// Thread-safe.
class WriteLoad {
 public:
  // `first_index` numbers this round's applications apart from earlier
  // rounds' (it chooses each application's dates and steps). Every call
  // carries the "authorization" metadata value `bearer`.
  WriteLoad(const std::string& address, std::string bearer, int first_index)
      : channel_(
            grpc::CreateChannel(address, grpc::InsecureChannelCredentials())),
        bearer_(std::move(bearer)),
        first_index_(first_index) {
    for (int w = 0; w < kWriters; ++w) {
      threads_.emplace_back([this, w] { Run(w); });
    }
  }

  ~WriteLoad() { Stop(); }

  // Waits (at most 2 minutes) until `n` writes have been acknowledged; false
  // on timeout or when a call failed before the kill.
  bool AwaitAcknowledged(int n) {
    absl::MutexLock lock(&mu_);
    auto ready = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return static_cast<int>(acknowledged_.size()) >= n || failed_;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&ready), absl::Minutes(2)) &&
           !failed_;
  }

  // From now on a failing call is the kill's doing, not an error.
  void MarkKilled() {
    absl::MutexLock lock(&mu_);
    killed_ = true;
  }

  // Stops the writers and waits for them (their calls fail fast once the
  // server is gone).
  void Stop() {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

  // The writes acknowledged so far.
  std::vector<Write> acknowledged() {
    absl::MutexLock lock(&mu_);
    return acknowledged_;
  }
  // The writes that failed after MarkKilled(): cut short by the kill, or
  // sent after it.
  std::vector<Write> in_doubt() {
    absl::MutexLock lock(&mu_);
    return in_doubt_;
  }
  // How often each gRPC status code ended such a write.
  std::map<std::string, int> failure_codes() {
    absl::MutexLock lock(&mu_);
    return failure_codes_;
  }

 private:
  bool Stopping() {
    absl::MutexLock lock(&mu_);
    return stop_ || failed_;
  }

  // Sends one call with the bearer token and a deadline.
  grpc::Status Send(
      const std::function<grpc::Status(grpc::ClientContext*)>& call) const {
    grpc::ClientContext context;
    context.AddMetadata("authorization", bearer_);
    context.set_deadline(std::chrono::system_clock::now() + kCallTimeout);
    return call(&context);
  }

  // Records the outcome of a write that was to make `write` (its number
  // empty for a create) and that answered with the case at `version`.
  // Returns true when it was acknowledged.
  bool Settle(const grpc::Status& status, Write write, int version) {
    absl::MutexLock lock(&mu_);
    if (status.ok()) {
      if (version != write.version) {
        ADD_FAILURE() << "expected " << Describe(write) << ", got version "
                      << version;
        failed_ = true;
        return false;
      }
      acknowledged_.push_back(std::move(write));
      return true;
    }
    if (!killed_) {
      ADD_FAILURE() << Describe(write)
                    << " failed before the kill: " << status.error_code() << " "
                    << status.error_message();
      failed_ = true;
      return false;
    }
    ++failure_codes_[CodeName(status.error_code())];
    in_doubt_.push_back(std::move(write));
    return false;
  }

  void Run(int w) {
    auto cases = v1::CaseService::NewStub(channel_);
    auto procedure = v1::ProcedureService::NewStub(channel_);
    auto outcomes = v1::OutcomeService::NewStub(channel_);
    auto proceedings = v1::ProceedingService::NewStub(channel_);
    const std::string actor = kActor;
    for (int i = 0; !Stopping(); ++i) {
      const int n = first_index_ + w + kWriters * i;
      const absl::CivilDay received = absl::CivilDay(kYear, 10, 1) + n % 50;

      v1::CreateCaseRequest create;
      v1::Case& c = *create.mutable_case_();
      c.mutable_applicant()->set_name(absl::StrCat("申请人", n));
      c.mutable_applicant()->set_type(
          static_cast<v1::ApplicantType>(1 + n % 6));
      c.set_channel(v1::CHANNEL_IN_PERSON);
      *c.mutable_arrival_date() = ToProtoDate(received);
      c.add_items()->set_description(absl::StrCat("第", n, "号项目审批材料"));
      v1::CreateCaseResponse created;
      const grpc::Status create_status =
          Send([&](grpc::ClientContext* context) {
            return cases->CreateCase(context, create, &created);
          });
      if (!Settle(
              create_status,
              {created.case_().number(), 1, v1::CASE_EVENT_TYPE_CREATED, actor},
              created.case_().version())) {
        return;
      }
      const std::string number = created.case_().number();
      int version = 1;

      // Each step carries the version the writer saw, so its version is
      // known before it is sent: version + 1.
      auto step = [&](v1::CaseEventType type,
                      const std::function<grpc::Status(grpc::ClientContext*,
                                                       v1::Case*)>& call) {
        if (Stopping()) return false;
        v1::Case answered;
        const grpc::Status status = Send([&](grpc::ClientContext* context) {
          return call(context, &answered);
        });
        if (!Settle(status, {number, version + 1, type, actor},
                    answered.version())) {
          return false;
        }
        ++version;
        return true;
      };

      if (n % 7 == 2) {
        v1::UpdateCaseRequest update;
        update.set_number(number);
        update.set_reason("补充联系电话");
        update.mutable_case_()->mutable_applicant()->set_phone(
            absl::StrFormat("0635-89%05d", n % 100000));
        update.mutable_update_mask()->add_paths("applicant.phone");
        update.set_expected_version(version);
        if (!step(v1::CASE_EVENT_TYPE_UPDATED, [&](grpc::ClientContext* context,
                                                   v1::Case* out) {
              v1::UpdateCaseResponse response;
              grpc::Status s = cases->UpdateCase(context, update, &response);
              *out = response.case_();
              return s;
            })) {
          return;
        }
      }
      if (n % 4 == 1) {
        v1::ExtendDeadlineRequest extend;
        extend.set_number(number);
        extend.set_working_days(15);
        extend.set_approver("李局长");
        *extend.mutable_notified() = ToProtoDate(received + 3);
        extend.set_expected_version(version);
        if (!step(v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED,
                  [&](grpc::ClientContext* context, v1::Case* out) {
                    v1::ProcedureStepResponse response;
                    grpc::Status s =
                        procedure->ExtendDeadline(context, extend, &response);
                    *out = response.case_();
                    return s;
                  })) {
          return;
        }
      }
      if (n % 4 == 3) continue;  // still open at the year end

      const absl::CivilDay served = received + 7;
      v1::ConcludeCaseRequest conclude =
          ::ogi::testing::VariedConclusion(number, served, n);
      conclude.set_expected_version(version);
      if (!step(v1::CASE_EVENT_TYPE_CONCLUDED,
                [&](grpc::ClientContext* context, v1::Case* out) {
                  v1::OutcomeResponse response;
                  grpc::Status s =
                      outcomes->ConcludeCase(context, conclude, &response);
                  *out = response.case_();
                  return s;
                })) {
        return;
      }

      if (n % 6 != 0) continue;
      const absl::CivilDay filed = served + 10;
      v1::FileReviewRequest review;
      review.set_number(number);
      review.mutable_review()->set_organ("聊城市人民政府");
      *review.mutable_review()->mutable_filed() = ToProtoDate(filed);
      review.set_expected_version(version);
      if (!step(v1::CASE_EVENT_TYPE_REVIEW_FILED,
                [&](grpc::ClientContext* context, v1::Case* out) {
                  v1::ProceedingResponse response;
                  grpc::Status s =
                      proceedings->FileReview(context, review, &response);
                  *out = response.case_();
                  return s;
                })) {
        return;
      }
      if (n % 12 != 0) continue;
      v1::DecideReviewRequest decide;
      decide.set_id(number + "-R1");
      decide.set_decision(v1::PROCEEDING_DECISION_UPHELD);
      *decide.mutable_decided() = ToProtoDate(filed + 5);
      decide.set_expected_version(version);
      if (!step(v1::CASE_EVENT_TYPE_REVIEW_DECIDED,
                [&](grpc::ClientContext* context, v1::Case* out) {
                  v1::ProceedingResponse response;
                  grpc::Status s =
                      proceedings->DecideReview(context, decide, &response);
                  *out = response.case_();
                  return s;
                })) {
        return;
      }
    }
  }

  std::shared_ptr<grpc::Channel> channel_;
  const std::string bearer_;
  const int first_index_;
  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  bool failed_ ABSL_GUARDED_BY(mu_) = false;
  bool killed_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<Write> acknowledged_ ABSL_GUARDED_BY(mu_);
  std::vector<Write> in_doubt_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> failure_codes_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> threads_;
};

// A case's history as the kind and author of each event, by sequence.
using History = std::vector<std::pair<v1::CaseEventType, std::string>>;

// Expects every write of `writes` in `histories` (by case number); `where`
// names the source in failures. Returns how many were found.
int ExpectPresent(const std::vector<Write>& writes,
                  const std::map<std::string, History>& histories,
                  const std::string& where) {
  int found = 0;
  for (const Write& w : writes) {
    auto it = histories.find(w.number);
    if (it == histories.end()) {
      ADD_FAILURE() << where << ": acknowledged " << Describe(w)
                    << ", but the case is missing";
      continue;
    }
    const History& h = it->second;
    if (static_cast<int>(h.size()) < w.version) {
      ADD_FAILURE() << where << ": acknowledged " << Describe(w)
                    << ", but the history ends at version " << h.size();
      continue;
    }
    const auto& [type, actor] = h[w.version - 1];
    EXPECT_EQ(type, w.type) << where << ": " << Describe(w);
    EXPECT_EQ(actor, w.actor) << where << ": " << Describe(w);
    if (type == w.type && actor == w.actor) ++found;
  }
  return found;
}

// How many of `writes` (cut short by a kill) are in `histories`.
int CountPresent(const std::vector<Write>& writes,
                 const std::map<std::string, History>& histories) {
  int found = 0;
  for (const Write& w : writes) {
    auto it = histories.find(w.number);
    if (it != histories.end() &&
        static_cast<int>(it->second.size()) >= w.version &&
        it->second[w.version - 1].first == w.type) {
      ++found;
    }
  }
  return found;
}

// The file as a crash left it (read-only; the server is not running): its
// integrity, and each case's history, checked to be contiguous 1..version,
// with case numbers kYear-0001..N without a gap.
std::map<std::string, History> ReadCrashImage(const std::string& path) {
  std::map<std::string, History> histories;
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  EXPECT_THAT(db, IsOk()) << path;
  if (!db.ok()) return histories;
  EXPECT_THAT((*db)->CheckIntegrity(), IsOk()) << path;
  EXPECT_THAT((*db)->Exec("BEGIN"), IsOk());  // one consistent view
  std::map<int64_t, std::string> number_of;
  std::map<std::string, int64_t> versions;
  {
    auto stmt =
        (*db)->Prepare("SELECT id, number, version, payload FROM cases");
    EXPECT_THAT(stmt, IsOk());
    while (stmt.ok() && *stmt->Step()) {
      v1::Case c;
      EXPECT_TRUE(c.ParseFromString(stmt->ColumnBlob(3)));
      const std::string number = stmt->ColumnText(1);
      EXPECT_EQ(c.version(), stmt->ColumnInt(2)) << number;
      EXPECT_EQ(c.number(), number);
      number_of[stmt->ColumnInt(0)] = number;
      versions[number] = stmt->ColumnInt(2);
      histories[number];
    }
  }
  {
    auto stmt = (*db)->Prepare(
        "SELECT case_id, sequence, payload FROM case_events ORDER BY case_id, "
        "sequence");
    EXPECT_THAT(stmt, IsOk());
    while (stmt.ok() && *stmt->Step()) {
      auto number = number_of.find(stmt->ColumnInt(0));
      if (number == number_of.end()) {
        ADD_FAILURE() << "event of unknown case " << stmt->ColumnInt(0);
        continue;
      }
      History& h = histories[number->second];
      v1::CaseEvent event;
      EXPECT_TRUE(event.ParseFromString(stmt->ColumnBlob(2)));
      EXPECT_EQ(stmt->ColumnInt(1), static_cast<int64_t>(h.size()) + 1)
          << number->second << ": a gap in the history";
      EXPECT_EQ(event.sequence(), stmt->ColumnInt(1)) << number->second;
      EXPECT_EQ(event.snapshot().version(), event.sequence()) << number->second;
      h.emplace_back(event.type(), event.actor());
    }
  }
  EXPECT_THAT((*db)->Exec("COMMIT"), IsOk());
  int expected_sequence = 1;
  for (const auto& [number, version] : versions) {
    EXPECT_EQ(static_cast<int64_t>(histories[number].size()), version)
        << number << ": the history does not end at the case's version";
    EXPECT_EQ(number, absl::StrFormat("%d-%04d", kYear, expected_sequence++))
        << "case numbers have a gap";
  }
  return histories;
}

// A call context for reading from `server`.
void Prepare(grpc::ClientContext& context, const ServerProcess& server) {
  context.AddMetadata("authorization", server.BearerHeader());
  context.set_deadline(std::chrono::system_clock::now() + kCallTimeout);
}

// What the restarted server serves of the cases `numbers`: each case's
// history, checked against its version (contiguous 1..version). Also the
// number of cases it holds.
std::map<std::string, History> ReadThroughServer(
    const ServerProcess& server, const std::set<std::string>& numbers,
    int64_t* total_cases) {
  auto channel =
      grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
  auto cases = v1::CaseService::NewStub(channel);
  std::map<std::string, History> histories;
  for (const std::string& number : numbers) {
    v1::GetCaseRequest get;
    get.set_number(number);
    v1::GetCaseResponse got;
    {
      grpc::ClientContext context;
      Prepare(context, server);
      const grpc::Status status = cases->GetCase(&context, get, &got);
      if (!status.ok()) {
        ADD_FAILURE() << "GetCase " << number << ": " << status.error_code()
                      << " " << status.error_message();
        continue;
      }
    }
    v1::ListCaseHistoryRequest list;
    list.set_number(number);
    v1::ListCaseHistoryResponse events;
    grpc::ClientContext context;
    Prepare(context, server);
    const grpc::Status status = cases->ListCaseHistory(&context, list, &events);
    if (!status.ok()) {
      ADD_FAILURE() << "ListCaseHistory " << number << ": "
                    << status.error_message();
      continue;
    }
    History& h = histories[number];
    for (const v1::CaseEvent& event : events.events()) {
      EXPECT_EQ(event.sequence(), static_cast<int>(h.size()) + 1)
          << number << ": a gap in the history";
      h.emplace_back(event.type(), event.actor());
    }
    EXPECT_EQ(static_cast<int>(h.size()), got.case_().version())
        << number << ": the history does not end at the case's version";
  }
  v1::ListCasesRequest all;
  all.set_page_size(1);
  v1::ListCasesResponse page;
  grpc::ClientContext context;
  Prepare(context, server);
  const grpc::Status status = cases->ListCases(&context, all, &page);
  EXPECT_TRUE(status.ok()) << status.error_message();
  *total_cases = page.total_count();
  return histories;
}

// Cell `column` (0..6, 6 = 总计) of table 三's row `key`.
int64_t Cell(const v1::Report& report, const std::string& key, int column) {
  for (const v1::Table3Row& row : report.table3().rows()) {
    if (row.key() == key) return row.cells(column);
  }
  ADD_FAILURE() << "no row " << key;
  return -1;
}

// The kYear report the server derives balances, counts `cases` new cases
// and at least `concluded` conclusions.
void ExpectBalancedReport(const ServerProcess& server, int64_t cases,
                          int concluded) {
  auto reports = v1::ReportService::NewStub(grpc::CreateChannel(
      server.address(), grpc::InsecureChannelCredentials()));
  v1::GetReportRequest request;
  request.set_year(kYear);
  v1::Report report;
  grpc::ClientContext context;
  Prepare(context, server);
  const grpc::Status status = reports->GetReport(&context, request, &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(report.checks_size(), 0);
  for (const v1::ReportCheck& check : report.checks()) {
    EXPECT_TRUE(check.ok()) << check.identity() << ": " << check.detail();
  }
  for (const v1::UncountableCase& c : report.uncountable()) {
    ADD_FAILURE() << "uncountable " << c.number() << ": " << c.reason();
  }
  EXPECT_EQ(Cell(report, "new", 6), cases);
  EXPECT_GE(Cell(report, "concluded_total", 6), concluded);
}

TEST(CrashEndToEndTest, AcknowledgedWritesSurviveSigkillAtRandomMoments) {
  const uint64_t seed = Seed();
  std::cout << "crash test seed: OGI_CRASH_SEED=" << seed << std::endl;
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  SCOPED_TRACE(absl::StrCat("OGI_CRASH_SEED=", seed));
  std::mt19937_64 rng(seed);

  const ::ogi::testing::TempDir tmp;
  const std::string db_path = tmp.File("ogi.db");
  std::vector<Write> acknowledged;
  std::vector<Write> in_doubt;  // steps on known cases cut short by a kill
  int in_doubt_creates = 0;
  std::map<std::string, int> failure_codes;
  int64_t cases_in_image = 0;

  // Checks the restarted server against everything acknowledged so far.
  auto verify_served = [&](const ServerProcess& server,
                           const std::string& where) {
    std::set<std::string> numbers;
    int concluded = 0;
    for (const Write& w : acknowledged) {
      numbers.insert(w.number);
      if (w.type == v1::CASE_EVENT_TYPE_CONCLUDED) ++concluded;
    }
    int64_t total = 0;
    const std::map<std::string, History> served =
        ReadThroughServer(server, numbers, &total);
    EXPECT_EQ(ExpectPresent(acknowledged, served, where),
              static_cast<int>(acknowledged.size()));
    // The restart neither lost nor invented a case.
    EXPECT_EQ(total, cases_in_image) << where;
    ExpectBalancedReport(server, total, concluded);
  };

  for (int round = 1; round <= kKills; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    auto server = ServerProcess::Start(db_path, {kFakeNow});
    ASSERT_THAT(server, IsOk());
    if (round > 1) {
      verify_served(*server, absl::StrCat("after restart ", round - 1));
      if (::testing::Test::HasFailure()) return;
    }

    const int kill_after = std::uniform_int_distribution<int>(
        kMinWritesBeforeKill, kMaxWritesBeforeKill)(rng);
    const absl::Duration jitter =
        kMaxKillJitter * std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    {
      WriteLoad load(server->address(), server->BearerHeader(), round * 100000);
      ASSERT_TRUE(load.AwaitAcknowledged(kill_after)) << server->Log();
      // The kill point is random by design: this delay is not a wait for
      // anything.
      absl::SleepFor(jitter);
      load.MarkKilled();
      server->Kill();
      load.Stop();
      const std::vector<Write> round_acknowledged = load.acknowledged();
      const std::vector<Write> round_in_doubt = load.in_doubt();
      acknowledged.insert(acknowledged.end(), round_acknowledged.begin(),
                          round_acknowledged.end());
      for (const Write& w : round_in_doubt) {
        if (w.number.empty()) {
          ++in_doubt_creates;
        } else {
          in_doubt.push_back(w);
        }
      }
      for (const auto& [code, n] : load.failure_codes()) {
        failure_codes[code] += n;
      }
      std::cout << absl::StrFormat(
                       "round %d: killed after %d acknowledged writes (+%s); "
                       "%d acknowledged in the round, %d failed after the kill",
                       round, kill_after, absl::FormatDuration(jitter),
                       round_acknowledged.size(), round_in_doubt.size())
                << std::endl;
    }

    // The crash image, before any server touches it.
    const std::map<std::string, History> image = ReadCrashImage(db_path);
    cases_in_image = static_cast<int64_t>(image.size());
    EXPECT_EQ(
        ExpectPresent(acknowledged, image, absl::StrCat("crash image ", round)),
        static_cast<int>(acknowledged.size()));
    if (::testing::Test::HasFailure()) return;
  }

  // The last restart: all of it served, then a clean stop.
  auto server = ServerProcess::Start(db_path, {kFakeNow});
  ASSERT_THAT(server, IsOk());
  verify_served(*server, absl::StrCat("after restart ", kKills));

  std::set<std::string> numbers;
  for (const Write& w : acknowledged) numbers.insert(w.number);
  std::set<std::string> doubtful;
  for (const Write& w : in_doubt) doubtful.insert(w.number);
  int64_t total = 0;
  const int landed =
      CountPresent(in_doubt, ReadThroughServer(*server, doubtful, &total));
  std::string codes;
  for (const auto& [code, n] : failure_codes) {
    absl::StrAppend(&codes, codes.empty() ? "" : ", ", code, " ", n);
  }
  std::cout << absl::StrFormat(
                   "%d kills; %d acknowledged writes on %d cases verified "
                   "after every restart; %d cases stored; failed after a "
                   "kill: %d creates, %d steps (%d of them landed) [%s]",
                   kKills, acknowledged.size(), numbers.size(), total,
                   in_doubt_creates, in_doubt.size(), landed, codes)
            << std::endl;
  ::testing::Test::RecordProperty("acknowledged_writes",
                                  static_cast<int>(acknowledged.size()));
  EXPECT_GE(acknowledged.size(),
            static_cast<size_t>(kKills * kMinWritesBeforeKill));

  auto stopped = server->Stop();
  ASSERT_THAT(stopped, IsOk());
  EXPECT_EQ(*stopped, 0) << server->Log();
}

}  // namespace
}  // namespace ogi
