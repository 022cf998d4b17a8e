// ogi_case_create_bench: how fast can ogi durably log new applications, and
// how close is that to what SQLite itself allows with the same durability?
//
// One run measures two things on the same filesystem (fresh directories under
// $TEST_TMPDIR, else /tmp):
//
//  (a) server: the real ogi-server on a fresh database, driven by --clients
//      threads, each with its own channel (its own TCP connection) and doing
//      blocking CreateCase calls with distinct, realistic data. Every call's
//      latency is recorded; at the end the run checks that every call returned
//      OK, that the numbers handed out are distinct, and that ListCases (and
//      the database file, after a clean shutdown) hold exactly the cases made.
//
//  (b) raw: the same schema (ogi's own MigrateSchema) and the same settings
//      (WAL, synchronous=FULL, foreign_keys=ON, as set by ogi::Database::Open)
//      driven directly through ogi's thin SQLite wrapper (storage/
//      sqlite_database.h, no store, no group commit) from one thread, one
//      transaction per case: BEGIN IMMEDIATE, the sequence upsert, the `cases`
//      row and the `case_events` row, then COMMIT. That is the rate a design
//      that commits each request on its own cannot exceed.
//
// Exits 0 when every check passed, 1 when a check failed, 2 when a count flag
// is out of range (Abseil itself exits 1 on an unknown or malformed flag).

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/case_service.pb.h"
#include "services/alerts/case_index.h"
#include "services/common/status_macros.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_database.h"
#include "tests/common/server_process.h"
#include "tests/common/temp_dir.h"

ABSL_FLAG(int, clients, 16,
          "concurrent client threads, each with its own channel");
ABSL_FLAG(int, cases, 4000,
          "cases created while measuring, all clients together");
ABSL_FLAG(int, warmup, 10, "cases each client creates before measuring");

namespace ogi::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int clients = 16;
  int cases = 4000;            // measured cases, all clients together
  int warmup_per_client = 10;  // created before the clock starts
};

constexpr char kUsage[] =
    "durable CreateCase throughput through ogi-server against a raw SQLite "
    "baseline\n  usage: ogi_case_create_bench [--clients N] [--cases N] "
    "[--warmup N]";

// Reads the flags into *options. Returns false (after printing a one-line
// error) when a count is out of range: clients and cases must be positive,
// warmup must not be negative.
bool ParseFlags(int argc, char** argv, Options* options) {
  absl::SetProgramUsageMessage(kUsage);
  // --help lists flags from files named after the binary; name this one.
  absl::FlagsUsageConfig usage;
  usage.contains_helpshort_flags = [](absl::string_view file) {
    return absl::EndsWith(file, "case_create_bench.cc");
  };
  usage.contains_help_flags = usage.contains_helpshort_flags;
  absl::SetFlagsUsageConfig(usage);
  // The first element is the program name; anything after it is stray.
  if (absl::ParseCommandLine(argc, argv).size() > 1) {
    std::fprintf(stderr,
                 "ogi_case_create_bench: unexpected argument (flags only)\n");
    return false;
  }
  options->clients = absl::GetFlag(FLAGS_clients);
  options->cases = absl::GetFlag(FLAGS_cases);
  options->warmup_per_client = absl::GetFlag(FLAGS_warmup);
  const char* bad = options->clients < 1 ? "--clients must be positive"
                    : options->cases < 1 ? "--cases must be positive"
                    : options->warmup_per_client < 0
                        ? "--warmup must not be negative"
                        : nullptr;
  if (bad != nullptr) {
    std::fprintf(stderr, "ogi_case_create_bench: %s\n", bad);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Realistic, distinct case data.

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵",
                                     "黄", "周", "吴", "徐", "孙", "胡", "朱",
                                     "高", "林", "何", "郭", "马", "罗"};
constexpr const char* kGivenNames[] = {
    "伟",   "芳",   "秀英", "敏",   "静",   "丽",   "强",   "磊",
    "军",   "洋",   "勇",   "艳",   "杰",   "娟",   "涛",   "明",
    "超",   "秀兰", "霞",   "平",   "刚",   "桂英", "晓东", "建华",
    "海燕", "子涵", "浩然", "雨桐", "思远", "志强", "春梅"};
constexpr const char* kDistricts[] = {
    "东昌府区古楼街道", "东昌府区柳园街道",
    "茌平区振兴街道",   "临清市新华路街道",
    "阳谷县狮子楼街道", "莘县燕塔街道",
    "冠县清泉街道",     "高唐县鱼邱湖街道",
    "东阿县铜城街道",   "经济技术开发区蒋官屯街道"};
constexpr const char* kTopics[] = {
    "国有土地上房屋征收补偿方案及征收决定",
    "集体土地征收的批复文件、征地公告及补偿安置方案",
    "城乡居民最低生活保障资金发放明细",
    "建设工程规划许可证及其附图",
    "建设项目环境影响评价报告书的审批文件",
    "政府采购项目的中标结果及合同文本",
    "行政许可事项的办理依据、条件和程序",
    "老旧小区改造工程的立项批复和资金安排",
    "道路拓宽工程的用地预审意见",
    "行政处罚决定书及其执法依据",
};

std::string ResidentIdNumber(int index) {
  // 371502: 聊城市东昌府区. Birth dates 1955..1999; check digit per GB 11643.
  const std::string body =
      absl::StrFormat("371502%04d%02d%02d%03d", 1955 + index % 45,
                      1 + index % 12, 1 + (index / 12) % 28, index % 1000);
  static constexpr int kWeights[17] = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                       3, 7, 9,  10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * kWeights[i];
  return body + "10X98765432"[sum % 11];
}

// The case a clerk logs for the index-th application: an in-person
// application by a natural person, arrived on 2025-03-03.
v1::Case MakeCase(int index) {
  constexpr int kSurnameCount = sizeof kSurnames / sizeof kSurnames[0];
  constexpr int kGivenCount = sizeof kGivenNames / sizeof kGivenNames[0];
  constexpr int kDistrictCount = sizeof kDistricts / sizeof kDistricts[0];
  constexpr int kTopicCount = sizeof kTopics / sizeof kTopics[0];
  v1::Case c;
  v1::Applicant* applicant = c.mutable_applicant();
  applicant->set_name(
      absl::StrCat(kSurnames[index % kSurnameCount],
                   kGivenNames[(index / kSurnameCount) % kGivenCount]));
  applicant->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  applicant->set_id_type(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD);
  applicant->set_id_number(ResidentIdNumber(index));
  applicant->set_phone(absl::StrFormat("13%09d", 635000000 + index));
  const char* district = kDistricts[index % kDistrictCount];
  applicant->set_postal_address(absl::StrCat("山东省聊城市", district, "幸福路",
                                             1 + index % 300, "号",
                                             1 + index % 6, "单元"));
  c.set_channel(v1::CHANNEL_IN_PERSON);
  v1::Date* arrival = c.mutable_arrival_date();
  arrival->set_year(2025);
  arrival->set_month(3);
  arrival->set_day(3);
  c.add_items()->set_description(
      absl::StrCat("关于", district, kTopics[index % kTopicCount], "（",
                   2018 + index % 7, "年度）的政府信息"));
  if (index % 3 == 0) {
    c.add_items()->set_description(
        absl::StrCat(kTopics[(index / 3) % kTopicCount], "的公开情况"));
  }
  c.set_requested_form(index % 2 == 0 ? v1::REQUESTED_FORM_PAPER
                                      : v1::REQUESTED_FORM_ELECTRONIC);
  c.set_delivery_method(index % 2 == 0 ? v1::DELIVERY_METHOD_SELF_PICKUP
                                       : v1::DELIVERY_METHOD_POST);
  return c;
}

// ---------------------------------------------------------------------------
// (a) The real server.

struct ServerResult {
  std::string dir;  // holds the database; removed after a successful run
  int measured = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;  // sorted
  double avg_case_payload = 0;       // bytes, from the server's database
  double avg_event_payload = 0;
};

// Nearest-rank percentile of sorted `values`, p in (0, 1].
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(p * sorted.size()));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

// Counts down from `count`; Wait() returns once it reached zero.
class Latch {
 public:
  explicit Latch(int count) : count_(count) {}
  void CountDown() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--count_ == 0) cv_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return count_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int count_;
};

// Collects failures from all threads; keeps the first few messages.
class Failures {
 public:
  void Add(std::string message) {
    std::lock_guard<std::mutex> lock(mu_);
    if (messages_.size() < 5) messages_.push_back(std::move(message));
    ++count_;
  }
  int count() {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }
  void Print() {
    std::lock_guard<std::mutex> lock(mu_);
    for (const std::string& m : messages_) {
      std::fprintf(stderr, "  FAIL: %s\n", m.c_str());
    }
    if (count_ > static_cast<int>(messages_.size())) {
      std::fprintf(stderr, "  ... and %d more\n",
                   count_ - static_cast<int>(messages_.size()));
    }
  }

 private:
  std::mutex mu_;
  std::vector<std::string> messages_;
  int count_ = 0;
};

std::shared_ptr<grpc::Channel> NewChannel(const std::string& address) {
  grpc::ChannelArguments args;
  // Channels with equal arguments share subchannels (one TCP connection) by
  // default; a local pool gives each client its own connection, as separate
  // clerks' workstations would have.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

// Average payload sizes in the server's database, and its number of cases
// (opened read-only after the server stopped).
absl::Status InspectServerDatabase(const std::string& path, int64_t* cases,
                                   double* avg_case, double* avg_event) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      Database::Open(path, Database::Mode::kReadOnly);
  if (!db.ok()) return db.status();
  // Integer sums and counts; the means are taken here (as AVG would: 0 for
  // no rows).
  absl::StatusOr<Statement> stmt = (*db)->Prepare(
      "SELECT (SELECT COUNT(*) FROM cases), "
      "(SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM cases), "
      "(SELECT COUNT(*) FROM case_events), "
      "(SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM case_events)");
  if (!stmt.ok()) return stmt.status();
  absl::StatusOr<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row)
    return absl::InternalError(absl::StrCat("query ", path, ": no row"));
  auto mean = [](int64_t sum, int64_t n) {
    return n == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(n);
  };
  *cases = stmt->ColumnInt(0);
  *avg_case = mean(stmt->ColumnInt(1), stmt->ColumnInt(0));
  *avg_event = mean(stmt->ColumnInt(3), stmt->ColumnInt(2));
  return absl::OkStatus();
}

absl::StatusOr<ServerResult> RunServer(const Options& options) {
  ServerResult result;
  result.dir = testing::TempDir().Keep();
  const std::string db_path = result.dir + "/server.db";
  absl::StatusOr<testing::ServerProcess> server =
      testing::ServerProcess::Start(db_path);
  if (!server.ok()) return server.status();
  std::printf("server: ogi-server pid %d on %s, database %s\n", server->pid(),
              server->address().c_str(), db_path.c_str());
  std::fflush(stdout);
  // Every client calls as the tester ServerProcess signed in.
  const std::string bearer = server->BearerHeader();

  const int warmup_total = options.clients * options.warmup_per_client;
  Failures failures;
  Latch warmed_up(options.clients);
  Latch go(1);
  std::vector<std::vector<double>> latencies(options.clients);
  std::vector<std::vector<std::string>> numbers(options.clients);
  std::vector<Clock::time_point> finished(options.clients);
  std::vector<std::thread> threads;

  for (int client = 0; client < options.clients; ++client) {
    const int share = options.cases / options.clients +
                      (client < options.cases % options.clients ? 1 : 0);
    threads.emplace_back([&, client, share] {
      std::shared_ptr<grpc::Channel> channel = NewChannel(server->address());
      std::unique_ptr<v1::CaseService::Stub> stub =
          v1::CaseService::NewStub(channel);
      if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                     std::chrono::seconds(30))) {
        failures.Add(absl::StrCat("client ", client, ": cannot connect"));
      }
      // Case indexes: warm-up cases first, then the measured ones, so every
      // case of the run has its own data.
      auto create = [&](int index, bool measured) {
        v1::CreateCaseRequest request;
        *request.mutable_case_() = MakeCase(index);
        v1::CreateCaseResponse response;
        grpc::ClientContext context;
        context.AddMetadata("authorization", bearer);
        context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::seconds(60));
        const Clock::time_point start = Clock::now();
        const grpc::Status status =
            stub->CreateCase(&context, request, &response);
        const Clock::time_point end = Clock::now();
        if (!status.ok()) {
          failures.Add(absl::StrCat("CreateCase #", index, ": code ",
                                    status.error_code(), ": ",
                                    status.error_message()));
          return;
        }
        if (response.case_().number().empty() ||
            response.case_().applicant().name() !=
                request.case_().applicant().name()) {
          failures.Add(absl::StrCat("CreateCase #", index,
                                    ": response does not echo the case"));
        }
        numbers[client].push_back(response.case_().number());
        if (measured) {
          latencies[client].push_back(
              std::chrono::duration<double, std::milli>(end - start).count());
        }
      };
      for (int i = 0; i < options.warmup_per_client; ++i) {
        create(client * options.warmup_per_client + i, /*measured=*/false);
      }
      warmed_up.CountDown();
      go.Wait();
      latencies[client].reserve(share);
      for (int i = 0; i < share; ++i) {
        create(warmup_total + client + i * options.clients, /*measured=*/true);
      }
      finished[client] = Clock::now();
    });
  }
  warmed_up.Wait();
  const Clock::time_point start = Clock::now();
  go.CountDown();
  for (std::thread& t : threads) t.join();
  const Clock::time_point end =
      *std::max_element(finished.begin(), finished.end());

  for (const auto& per_client : latencies) {
    result.latencies_ms.insert(result.latencies_ms.end(), per_client.begin(),
                               per_client.end());
  }
  std::sort(result.latencies_ms.begin(), result.latencies_ms.end());
  result.measured = static_cast<int>(result.latencies_ms.size());
  result.seconds = std::chrono::duration<double>(end - start).count();

  // Correctness: every call OK, distinct numbers, and the server's count.
  const int expected = warmup_total + options.cases;
  std::set<std::string> distinct;
  for (const auto& per_client : numbers) {
    distinct.insert(per_client.begin(), per_client.end());
  }
  if (static_cast<int>(distinct.size()) != expected) {
    failures.Add(absl::StrCat("got ", distinct.size(),
                              " distinct case numbers, expected ", expected));
  }
  {
    std::unique_ptr<v1::CaseService::Stub> stub =
        v1::CaseService::NewStub(NewChannel(server->address()));
    v1::ListCasesRequest request;
    request.set_page_size(1);
    v1::ListCasesResponse response;
    grpc::ClientContext context;
    context.AddMetadata("authorization", bearer);
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(60));
    const grpc::Status status = stub->ListCases(&context, request, &response);
    if (!status.ok()) {
      failures.Add(absl::StrCat("ListCases: ", status.error_message()));
    } else if (response.total_count() != expected) {
      failures.Add(absl::StrCat("ListCases total_count ",
                                response.total_count(), ", expected ",
                                expected));
    }
  }
  absl::StatusOr<int> exit_code = server->Stop();
  if (!exit_code.ok() || *exit_code != 0) {
    failures.Add(absl::StrCat("ogi-server did not stop cleanly: ",
                              exit_code.ok()
                                  ? absl::StrCat("exit ", *exit_code)
                                  : std::string(exit_code.status().message()),
                              "\n", server->Log()));
  } else {
    // Anything the server said (start, signal, clean stop; errors if any).
    for (absl::string_view line :
         absl::StrSplit(server->Log(), '\n', absl::SkipEmpty())) {
      std::printf("  | %.*s\n", static_cast<int>(line.size()), line.data());
    }
    int64_t stored = 0;
    absl::Status inspected = InspectServerDatabase(
        db_path, &stored, &result.avg_case_payload, &result.avg_event_payload);
    if (!inspected.ok()) {
      failures.Add(std::string(inspected.message()));
    } else if (stored != expected) {
      failures.Add(absl::StrCat("database holds ", stored,
                                " cases after shutdown, expected ", expected));
    }
  }
  if (failures.count() > 0) {
    failures.Print();
    return absl::InternalError(
        absl::StrCat(failures.count(), " check(s) failed in the server run"));
  }
  return result;
}

// ---------------------------------------------------------------------------
// (b) Raw SQLite, one transaction per case.

struct RawResult {
  std::string dir;  // holds the database; removed after a successful run
  int rows = 0;
  double seconds = 0;
  double avg_case_payload = 0;
  double avg_event_payload = 0;
};

google::protobuf::Timestamp NowTimestamp() {
  const int64_t micros = absl::ToUnixMicros(absl::Now());
  google::protobuf::Timestamp t;
  t.set_seconds(micros / 1000000);
  t.set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);
  return t;
}

// What the server stores for a new case (services/cases/case_manager.cc and
// storage/sqlite_case_rows.cc): the case with its number, status, receipt
// date, version and timestamps, and a CREATED event holding the field
// changes and a snapshot. Built per row, so serialization is timed too.
void MakeStoredCase(int index, int64_t sequence, v1::Case* c,
                    v1::CaseEvent* event) {
  *c = MakeCase(index);
  c->set_agency_code("default");
  c->set_number(
      absl::StrFormat("%04d-%04d", c->arrival_date().year(), sequence));
  *c->mutable_receipt_date() = c->arrival_date();
  c->set_status(v1::CASE_STATUS_PROCESSING);
  c->set_version(1);
  const google::protobuf::Timestamp now = NowTimestamp();
  *c->mutable_created_at() = now;
  *c->mutable_updated_at() = now;

  event->Clear();
  event->set_sequence(1);
  event->set_type(v1::CASE_EVENT_TYPE_CREATED);
  *event->mutable_recorded_at() = now;
  event->set_actor("窗口登记员0");
  auto change = [&](const char* field, const std::string& value) {
    v1::FieldChange* f = event->add_changes();
    f->set_field(field);
    f->set_new_value(value);
  };
  const v1::Applicant& a = c->applicant();
  const std::string date =
      absl::StrFormat("%04d-%02d-%02d", c->arrival_date().year(),
                      c->arrival_date().month(), c->arrival_date().day());
  change("applicant.name", a.name());
  change("applicant.type", "natural_person");
  change("applicant.id_type", "resident_id_card");
  change("applicant.id_number", a.id_number());
  change("applicant.phone", a.phone());
  change("applicant.postal_address", a.postal_address());
  change("channel", "in_person");
  change("arrival_date", date);
  change("receipt_date", date);
  std::string items;
  for (const v1::RequestedItem& item : c->items()) {
    absl::StrAppend(&items, items.empty() ? "" : "\n", item.description());
  }
  change("items", items);
  change("requested_form", c->requested_form() == v1::REQUESTED_FORM_PAPER
                               ? "paper"
                               : "electronic");
  change("delivery_method",
         c->delivery_method() == v1::DELIVERY_METHOD_SELF_PICKUP ? "self_pickup"
                                                                 : "post");
  change("status", "processing");
  *event->mutable_snapshot() = *c;
}

absl::StatusOr<RawResult> RunRaw(const Options& options) {
  RawResult result;
  result.dir = testing::TempDir().Keep();
  const std::string path = result.dir + "/raw.db";
  {
    // ogi's own schema, through ogi's own connection wrapper.
    absl::StatusOr<std::unique_ptr<Database>> db =
        Database::Open(path, Database::Mode::kReadWrite);
    if (!db.ok()) return db.status();
    absl::Status status = MigrateSchema(**db, IndexCase);
    if (status.ok()) {
      status = (*db)->Exec(
          "INSERT INTO agencies (code, name) VALUES ('default', '本机关')");
    }
    if (!status.ok()) return status;
  }
  // A second connection, as before: the migration's closed and checkpointed.
  absl::StatusOr<std::unique_ptr<Database>> opened =
      Database::Open(path, Database::Mode::kReadWrite);
  if (!opened.ok()) return opened.status();
  Database& db = **opened;
  std::string journal;
  {
    absl::StatusOr<Statement> stmt = db.Prepare("PRAGMA journal_mode");
    if (!stmt.ok()) return stmt.status();
    absl::StatusOr<bool> row = stmt->Step();
    if (row.ok() && *row) journal = stmt->ColumnText(0);
  }
  absl::StatusOr<int64_t> sync = db.QueryInt("PRAGMA synchronous");
  absl::StatusOr<int64_t> fk = db.QueryInt("PRAGMA foreign_keys");
  if (journal != "wal" || !sync.ok() || !fk.ok() || *sync != 2 || *fk != 1) {
    return absl::InternalError("raw connection settings are not WAL/FULL/FK");
  }
  std::printf(
      "raw:    %s (journal_mode=%s synchronous=%lld foreign_keys=%lld)\n",
      path.c_str(), journal.c_str(), static_cast<long long>(*sync),
      static_cast<long long>(*fk));
  std::fflush(stdout);

  // The same statements as storage/sqlite_case_rows.cc; Prepare caches them.
  const std::string kBegin = "BEGIN IMMEDIATE";
  const std::string kCommit = "COMMIT";
  const std::string kNext =
      "INSERT INTO case_number_sequences (agency_id, year, last_value) "
      "VALUES (?, ?, 1) ON CONFLICT (agency_id, year) "
      "DO UPDATE SET last_value = last_value + 1 RETURNING last_value";
  const std::string kInsertCase =
      "INSERT INTO cases (agency_id, number, version, status, applicant_type, "
      "applicant_name, items_text, arrival_date, receipt_date, payload) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  const std::string kInsertEvent =
      "INSERT INTO case_events (case_id, sequence, type, recorded_at, actor, "
      "payload) VALUES (?, ?, ?, ?, ?, ?)";
  for (const std::string* sql :
       {&kBegin, &kCommit, &kNext, &kInsertCase, &kInsertEvent}) {
    if (absl::StatusOr<Statement> s = db.Prepare(*sql); !s.ok()) {
      return s.status();
    }
  }
  absl::StatusOr<int64_t> agency_id =
      db.QueryInt("SELECT id FROM agencies WHERE code = 'default'");
  if (!agency_id.ok()) return agency_id.status();

  v1::Case c;
  v1::CaseEvent event;
  std::string case_payload, event_payload, items_text, date;
  double case_bytes = 0, event_bytes = 0;
  // One transaction: BEGIN IMMEDIATE, sequence, case row, event row, COMMIT.
  // Each Statement is reset when it goes out of scope, before the next one.
  auto transaction = [&](int index) -> absl::Status {
    OGI_ASSIGN_OR_RETURN(Statement begin, db.Prepare(kBegin));
    OGI_RETURN_IF_ERROR(begin.Run());
    int64_t sequence = 0;
    {
      OGI_ASSIGN_OR_RETURN(Statement next, db.Prepare(kNext));
      next.BindInt(1, *agency_id);
      next.BindInt(2, 2025);
      OGI_ASSIGN_OR_RETURN(bool row, next.Step());
      if (!row) return absl::InternalError("no row");
      sequence = next.ColumnInt(0);
      OGI_RETURN_IF_ERROR(next.Run());  // finish the statement
    }
    MakeStoredCase(index, sequence, &c, &event);
    c.SerializeToString(&case_payload);
    items_text.clear();
    for (const v1::RequestedItem& item : c.items()) {
      absl::StrAppend(&items_text, items_text.empty() ? "" : "\n",
                      item.description());
    }
    date = absl::StrFormat("%04d-%02d-%02d", c.arrival_date().year(),
                           c.arrival_date().month(), c.arrival_date().day());
    {
      OGI_ASSIGN_OR_RETURN(Statement st, db.Prepare(kInsertCase));
      st.BindInt(1, *agency_id);
      st.BindText(2, c.number());
      st.BindInt(3, c.version());
      st.BindInt(4, c.status());
      st.BindInt(5, c.applicant().type());
      st.BindText(6, c.applicant().name());
      st.BindText(7, items_text);
      st.BindText(8, date);
      st.BindText(9, date);
      st.BindBlob(10, case_payload);
      OGI_RETURN_IF_ERROR(st.Run());
    }
    event.SerializeToString(&event_payload);
    {
      OGI_ASSIGN_OR_RETURN(Statement st, db.Prepare(kInsertEvent));
      st.BindInt(1, db.LastInsertRowId());
      st.BindInt(2, event.sequence());
      st.BindInt(3, event.type());
      st.BindInt(4, event.recorded_at().seconds() * 1000000 +
                        event.recorded_at().nanos() / 1000);
      st.BindText(5, event.actor());
      st.BindBlob(6, event_payload);
      OGI_RETURN_IF_ERROR(st.Run());
    }
    OGI_ASSIGN_OR_RETURN(Statement commit, db.Prepare(kCommit));
    return commit.Run();
  };
  auto insert_one = [&](int index) -> absl::Status {
    if (absl::Status s = transaction(index); !s.ok()) {
      if (db.InTransaction()) db.Exec("ROLLBACK").IgnoreError();
      return absl::InternalError(
          absl::StrCat("raw insert #", index, ": ", s.message()));
    }
    case_bytes += static_cast<double>(case_payload.size());
    event_bytes += static_cast<double>(event_payload.size());
    return absl::OkStatus();
  };

  absl::Status status;
  const int warmup = options.clients * options.warmup_per_client;
  for (int i = 0; i < warmup; ++i) {
    status = insert_one(i);
    if (!status.ok()) return status;
  }
  case_bytes = event_bytes = 0;
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < options.cases; ++i) {
    status = insert_one(warmup + i);
    if (!status.ok()) return status;
  }
  const Clock::time_point end = Clock::now();
  result.rows = options.cases;
  result.seconds = std::chrono::duration<double>(end - start).count();
  result.avg_case_payload = case_bytes / options.cases;
  result.avg_event_payload = event_bytes / options.cases;

  absl::StatusOr<int64_t> count = db.QueryInt("SELECT COUNT(*) FROM cases");
  if (!count.ok()) return count.status();
  if (*count != warmup + options.cases) {
    return absl::InternalError(absl::StrCat("raw database holds ", *count,
                                            " cases, expected ",
                                            warmup + options.cases));
  }
  return result;
}

int Main(int argc, char** argv) {
  Options options;
  if (!ParseFlags(argc, argv, &options)) return 2;
  std::printf(
      "ogi_case_create_bench: %d clients, %d measured cases (+%d warm-up per "
      "client), /tmp, WAL + synchronous=FULL\n",
      options.clients, options.cases, options.warmup_per_client);
  std::fflush(stdout);

  absl::StatusOr<ServerResult> server = RunServer(options);
  if (!server.ok()) {
    std::fprintf(stderr, "server run failed: %s\n",
                 std::string(server.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<RawResult> raw = RunRaw(options);
  if (!raw.ok()) {
    std::fprintf(stderr, "raw run failed: %s\n",
                 std::string(raw.status().message()).c_str());
    return 1;
  }

  const std::vector<double>& lat = server->latencies_ms;
  const double server_rate = server->measured / server->seconds;
  const double raw_rate = raw->rows / raw->seconds;
  const double ratio = server_rate / raw_rate;
  const double p50 = Percentile(lat, 0.50);
  const double p90 = Percentile(lat, 0.90);
  const double p99 = Percentile(lat, 0.99);
  const double max = lat.empty() ? 0 : lat.back();

  std::printf("\n");
  std::printf("%-34s %12s %10s\n", "", "rate (/s)", "seconds");
  std::printf("%-34s %12.1f %10.3f\n", "server CreateCase (all OK)",
              server_rate, server->seconds);
  std::printf("%-34s %12.1f %10.3f\n", "raw SQLite, 1 txn per case", raw_rate,
              raw->seconds);
  std::printf("%-34s %12.2f\n", "ratio server/raw", ratio);
  std::printf("\nserver latency (ms): p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n",
              p50, p90, p99, max);
  std::printf("raw commit time (ms, mean): %.2f\n",
              1000.0 * raw->seconds / raw->rows);
  std::printf(
      "payload bytes (mean): server cases %.0f events %.0f; raw cases %.0f "
      "events %.0f\n",
      server->avg_case_payload, server->avg_event_payload,
      raw->avg_case_payload, raw->avg_event_payload);
  std::printf(
      "\nRESULT server_cases_per_s=%.1f raw_rows_per_s=%.1f ratio=%.2f "
      "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f clients=%d cases=%d\n",
      server_rate, raw_rate, ratio, p50, p90, p99, max, options.clients,
      options.cases);

  // Failed runs keep their databases for a look; good ones clean up.
  std::error_code ignored;
  std::filesystem::remove_all(server->dir, ignored);
  std::filesystem::remove_all(raw->dir, ignored);
  return 0;
}

}  // namespace
}  // namespace ogi::bench

int main(int argc, char** argv) { return ogi::bench::Main(argc, argv); }
