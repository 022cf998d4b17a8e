// The online backup through the real binaries (issue 5: "a backup taken under
// write load restores to a database that yields the same report as the
// source at the backup point"). ogi-server runs on a manual clock ("today" is
// 2025-12-20); client threads log applications and record extensions and
// answers through gRPC while `ogi-server backup` copies the database. Then:
//  - the copy is sound and is a prefix of the source's history: each case in
//    it is exactly the source's case as its history stood at the copy's
//    version, and the cases it lacks were all created after the last one it
//    has;
//  - the 2025 report derived from the copy equals the report derived from
//    the source's records rolled back to the copy's versions (the history
//    snapshots), and it balances;
//  - restored as the README says (stop, replace the file, start), the server
//    serves that same report and carries on numbering after the copy's last
//    case.

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/procedure_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "services/report/report_derivation.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_database.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"
#include "tests/e2e/varied_conclusions.h"
#include "tests/storage/damaged_database.h"

namespace ogi {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kFakeNow[] = "--fake_clock_start=2025-12-20T10:00:00+08:00";
constexpr int kYear = 2025;
constexpr int kWriters = 4;
// Cases acknowledged before the backup starts, and after it has finished.
constexpr int kCasesBefore = 40;
constexpr int kCasesAfter = 20;

// The load: kWriters threads, each logging applications one after another
// and recording each one's procedural steps right away, so that at any
// moment some cases are half-way through their lives. Every writer calls
// with the "authorization" metadata value `bearer`.
class WriteLoad {
 public:
  WriteLoad(const std::string& address, std::string bearer)
      : channel_(
            grpc::CreateChannel(address, grpc::InsecureChannelCredentials())),
        bearer_(std::move(bearer)) {
    for (int w = 0; w < kWriters; ++w) {
      threads_.emplace_back([this, w] { Write(w); });
    }
  }

  ~WriteLoad() { Stop(); }

  // Waits (at most 2 minutes) until `n` creations have been acknowledged;
  // false on timeout or when a call failed.
  bool AwaitAcknowledged(int n) {
    absl::MutexLock lock(&mu_);
    auto ready = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return acknowledged_ >= n || failed_;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&ready), absl::Minutes(2)) &&
           !failed_;
  }

  int acknowledged() {
    absl::MutexLock lock(&mu_);
    return acknowledged_;
  }
  int attempted() {
    absl::MutexLock lock(&mu_);
    return attempted_;
  }

  void Stop() {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

 private:
  // Fails the test (and stops this writer) unless `status` is OK.
  bool Ok(const grpc::Status& status, const std::string& what) {
    if (status.ok()) return true;
    ADD_FAILURE() << what << ": " << status.error_message();
    absl::MutexLock lock(&mu_);
    failed_ = true;
    return false;
  }

  void Write(int w) {
    auto cases = v1::CaseService::NewStub(channel_);
    auto procedure = v1::ProcedureService::NewStub(channel_);
    auto outcomes = v1::OutcomeService::NewStub(channel_);
    for (int i = 0;; ++i) {
      {
        absl::MutexLock lock(&mu_);
        if (stop_ || failed_) return;
        ++attempted_;
      }
      const int n = w + kWriters * i;
      const absl::CivilDay received = absl::CivilDay(kYear, 10, 1) + n % 50;

      v1::CreateCaseRequest create;
      v1::Case& c = *create.mutable_case_();
      c.mutable_applicant()->set_name(absl::StrCat("申请人", w, "-", i));
      c.mutable_applicant()->set_type(
          static_cast<v1::ApplicantType>(1 + n % 6));
      c.set_channel(v1::CHANNEL_IN_PERSON);
      *c.mutable_arrival_date() = ToProtoDate(received);
      c.add_items()->set_description(absl::StrCat("第", n, "号项目审批材料"));
      v1::CreateCaseResponse created;
      {
        grpc::ClientContext context;
        context.AddMetadata("authorization", bearer_);
        if (!Ok(cases->CreateCase(&context, create, &created), "CreateCase")) {
          return;
        }
      }
      {
        absl::MutexLock lock(&mu_);
        ++acknowledged_;
      }
      const std::string& number = created.case_().number();

      if (n % 4 == 1) {
        v1::ExtendDeadlineRequest extend;
        extend.set_number(number);
        extend.set_working_days(15);
        extend.set_approver("李局长");
        *extend.mutable_notified() = ToProtoDate(received + 3);
        v1::ProcedureStepResponse response;
        grpc::ClientContext context;
        context.AddMetadata("authorization", bearer_);
        if (!Ok(procedure->ExtendDeadline(&context, extend, &response),
                "ExtendDeadline " + number)) {
          return;
        }
      }
      if (n % 4 != 3) {  // every fourth case is still open at the year end
        const v1::ConcludeCaseRequest conclude =
            ::ogi::testing::VariedConclusion(number, received + 7, n);
        v1::OutcomeResponse response;
        grpc::ClientContext context;
        context.AddMetadata("authorization", bearer_);
        if (!Ok(outcomes->ConcludeCase(&context, conclude, &response),
                "ConcludeCase " + number)) {
          return;
        }
      }
    }
  }

  std::shared_ptr<grpc::Channel> channel_;
  const std::string bearer_;
  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  bool failed_ ABSL_GUARDED_BY(mu_) = false;
  int attempted_ ABSL_GUARDED_BY(mu_) = 0;
  int acknowledged_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<std::thread> threads_;
};

// One database's records, read directly from the file.
struct Records {
  struct StoredCase {
    int64_t id = 0;  // creation order
    v1::Case record;
    std::vector<v1::CaseEvent> history;  // by sequence
  };
  std::map<std::string, StoredCase> cases;  // by number
  int64_t numbers_handed_out = 0;           // sum of the number sequences

  // The records in creation order.
  std::vector<const StoredCase*> InCreationOrder() const {
    std::vector<const StoredCase*> ordered;
    for (const auto& [number, c] : cases) ordered.push_back(&c);
    std::sort(
        ordered.begin(), ordered.end(),
        [](const StoredCase* a, const StoredCase* b) { return a->id < b->id; });
    return ordered;
  }
};

// Reads every case and its history from `path` (read-only), after checking
// its integrity and schema version.
Records ReadRecords(const std::string& path) {
  Records records;
  auto db = Database::Open(path, Database::Mode::kReadOnly);
  EXPECT_THAT(db, IsOk()) << path;
  if (!db.ok()) return records;
  EXPECT_THAT((*db)->CheckIntegrity(), IsOk()) << path;
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA user_version"), LatestSchemaVersion());
  // One read transaction: a consistent view of the file.
  EXPECT_THAT((*db)->Exec("BEGIN"), IsOk());
  std::map<int64_t, std::string> number_of;
  {
    auto stmt = (*db)->Prepare(
        "SELECT c.id, c.number, c.version, c.payload FROM cases c JOIN "
        "agencies a ON a.id = c.agency_id WHERE a.code = 'default'");
    EXPECT_THAT(stmt, IsOk());
    while (stmt.ok() && *stmt->Step()) {
      Records::StoredCase c;
      c.id = stmt->ColumnInt(0);
      EXPECT_TRUE(c.record.ParseFromString(stmt->ColumnBlob(3)));
      EXPECT_EQ(c.record.version(), stmt->ColumnInt(2));
      number_of[c.id] = stmt->ColumnText(1);
      records.cases[stmt->ColumnText(1)] = std::move(c);
    }
  }
  {
    auto stmt = (*db)->Prepare(
        "SELECT case_id, sequence, payload FROM case_events ORDER BY case_id, "
        "sequence");
    EXPECT_THAT(stmt, IsOk());
    while (stmt.ok() && *stmt->Step()) {
      Records::StoredCase& c = records.cases[number_of[stmt->ColumnInt(0)]];
      v1::CaseEvent event;
      EXPECT_TRUE(event.ParseFromString(stmt->ColumnBlob(2)));
      EXPECT_EQ(event.sequence(), stmt->ColumnInt(1));
      EXPECT_EQ(static_cast<int64_t>(c.history.size()) + 1, stmt->ColumnInt(1));
      c.history.push_back(std::move(event));
    }
  }
  records.numbers_handed_out = *(*db)->QueryInt(
      "SELECT COALESCE(SUM(last_value), 0) FROM case_number_sequences");
  EXPECT_THAT((*db)->Exec("COMMIT"), IsOk());
  return records;
}

// A snapshot as the case row stores it: without the deadline explanation,
// which is recomputed whenever a case is read for a person
// (StoredPayload in storage/sqlite_case_rows.cc).
v1::Case AsStored(v1::Case c) {
  c.mutable_deadlines()->clear_explanation();
  return c;
}

ReportInputs Inputs() {
  ReportInputs inputs;
  inputs.agency_codes = {"default"};
  inputs.title_agency = "本机关";
  return inputs;
}

// Cell `column` (0..6, 6 = 总计) of table 三's row `key`.
int64_t Cell(const v1::Report& report, const std::string& key, int column) {
  for (const v1::Table3Row& row : report.table3().rows()) {
    if (row.key() == key) return row.cells(column);
  }
  ADD_FAILURE() << "no row " << key;
  return -1;
}

void ExpectBalanced(const v1::Report& report) {
  EXPECT_GT(report.checks_size(), 0);
  for (const v1::ReportCheck& check : report.checks()) {
    EXPECT_TRUE(check.ok()) << check.identity() << ": " << check.detail();
  }
  EXPECT_EQ(report.uncountable_size(), 0);
}

TEST(BackupEndToEndTest,
     BackupUnderWriteLoadRestoresTheReportAtTheBackupPoint) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  const std::string db_path = dir + "/ogi.db";
  const ::ogi::testing::TempDir backup_tmp;
  const std::string backup_dir = backup_tmp.path();
  const std::string backup_path = backup_dir + "/ogi-backup.db";

  auto server = ServerProcess::Start(db_path, {kFakeNow});
  ASSERT_THAT(server, IsOk());

  // 1. The backup, while the writers keep writing.
  int acknowledged_before = 0;
  int attempted_after = 0;
  int during = 0;
  absl::StatusOr<::ogi::testing::CommandResult> backup;
  {
    WriteLoad load(server->address(), server->BearerHeader());
    ASSERT_TRUE(load.AwaitAcknowledged(kCasesBefore));
    acknowledged_before = load.acknowledged();
    backup =
        ::ogi::testing::RunCommand({::ogi::testing::ServerBinary(), "backup",
                                    "--db=" + db_path, "--out=" + backup_path});
    attempted_after = load.attempted();
    during = load.acknowledged() - acknowledged_before;
    ASSERT_TRUE(load.AwaitAcknowledged(load.acknowledged() + kCasesAfter));
    load.Stop();
  }
  ::testing::Test::RecordProperty("cases_acknowledged_during_backup", during);
  auto stopped = server->Stop();
  ASSERT_THAT(stopped, IsOk());
  EXPECT_EQ(*stopped, 0) << server->Log();
  // Stopped cleanly: the WAL is checkpointed and gone.
  EXPECT_FALSE(std::filesystem::exists(db_path + "-wal"));

  ASSERT_THAT(backup, IsOk());
  ASSERT_EQ(backup->exit_code, 0) << backup->err;
  EXPECT_EQ(backup->err, "");
  EXPECT_THAT(backup->out, StartsWith(absl::StrCat("backed up ", db_path,
                                                   " to ", backup_path, ": ")));
  EXPECT_THAT(backup->out, HasSubstr("; integrity_check ok\n"));

  // 2. The copy is a prefix of the source's history.
  const Records copy = ReadRecords(backup_path);
  const Records source = ReadRecords(db_path);
  const int copied = static_cast<int>(copy.cases.size());
  EXPECT_THAT(backup->out, HasSubstr(absl::StrCat(": ", copied, " cases, ")));
  EXPECT_GE(copied, acknowledged_before);
  EXPECT_LE(copied, attempted_after);
  EXPECT_LT(copied, static_cast<int>(source.cases.size()));
  EXPECT_EQ(copy.numbers_handed_out, copied);
  EXPECT_EQ(source.numbers_handed_out,
            static_cast<int64_t>(source.cases.size()));
  int64_t last_copied_id = 0;
  for (const auto& [number, c] : copy.cases) {
    last_copied_id = std::max(last_copied_id, c.id);
    auto in_source = source.cases.find(number);
    ASSERT_NE(in_source, source.cases.end()) << number;
    const Records::StoredCase& s = in_source->second;
    EXPECT_EQ(s.id, c.id) << number;
    const int version = c.record.version();
    ASSERT_EQ(static_cast<int>(c.history.size()), version) << number;
    ASSERT_GE(static_cast<int>(s.history.size()), version) << number;
    for (int i = 0; i < version; ++i) {
      EXPECT_TRUE(MessageDifferencer::Equals(c.history[i], s.history[i]))
          << number << " event " << i + 1;
    }
    EXPECT_TRUE(MessageDifferencer::Equals(
        AsStored(s.history[version - 1].snapshot()), c.record))
        << number << " at version " << version;
  }
  for (const auto& [number, s] : source.cases) {
    if (copy.cases.count(number) == 0) {
      EXPECT_GT(s.id, last_copied_id)
          << number << " is missing from the copy but older than its cases";
    }
  }

  // 3. The report of the copy is the report of the source at the copy's
  // point: the records rolled back to the copy's versions.
  std::vector<v1::Case> copied_records;
  std::vector<v1::Case> rolled_back;
  for (const Records::StoredCase* s : source.InCreationOrder()) {
    auto in_copy = copy.cases.find(s->record.number());
    if (in_copy == copy.cases.end()) continue;
    copied_records.push_back(in_copy->second.record);
    rolled_back.push_back(
        s->history[in_copy->second.record.version() - 1].snapshot());
  }
  const v1::Report from_copy = DeriveReport(copied_records, kYear, Inputs());
  const v1::Report at_backup_point = DeriveReport(rolled_back, kYear, Inputs());
  std::string difference;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(at_backup_point, from_copy)) << difference;
  ExpectBalanced(from_copy);
  EXPECT_EQ(Cell(from_copy, "new", 6), copied);
  EXPECT_GT(Cell(from_copy, "concluded_total", 6), 0);
  EXPECT_GT(Cell(from_copy, "carried_out", 6), 0);
  // The source moved on after the backup point.
  std::vector<v1::Case> everything;
  for (const Records::StoredCase* s : source.InCreationOrder()) {
    everything.push_back(s->record);
  }
  const v1::Report now = DeriveReport(everything, kYear, Inputs());
  ExpectBalanced(now);
  EXPECT_GT(Cell(now, "new", 6), copied);

  // 4. Restore as the README says: with the server stopped, move the
  // database aside with its -wal and -shm (reading it above made them), copy
  // the backup in its place and start again.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = absl::StrCat(db_path, suffix);
    if (std::filesystem::exists(file)) {
      std::filesystem::rename(file, file + ".before-restore");
    }
  }
  std::filesystem::copy_file(backup_path, db_path);
  auto restored = ServerProcess::Start(db_path, {kFakeNow});
  ASSERT_THAT(restored, IsOk());
  const std::string json = ::ogi::testing::RunOgiCliOk(
      *restored, {"report", "show", "2025", "--format", "json"});
  v1::Report served;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &served).ok())
      << json;
  EXPECT_TRUE(
      MessageDifferencer::Equals(served.table3(), at_backup_point.table3()));
  EXPECT_TRUE(
      MessageDifferencer::Equals(served.table4(), at_backup_point.table4()));
  EXPECT_TRUE(
      MessageDifferencer::Equals(served.fees(), at_backup_point.fees()));
  ExpectBalanced(served);
  // Numbering carries on from the copy's last case.
  const std::string next = ::ogi::testing::RunOgiCliOk(
      *restored,
      {"case", "create", "--applicant-name", "恢复后", "--applicant-type",
       "natural_person", "--channel", "in_person", "--received", "2025-12-01",
       "--description", "恢复后的第一件申请"});
  EXPECT_EQ(next, absl::StrFormat("2025-%04d\n", copied + 1));
  auto restored_stop = restored->Stop();
  ASSERT_THAT(restored_stop, IsOk());
  EXPECT_EQ(*restored_stop, 0);
}

// What an operator sees when the backup is pointed at the wrong place.
TEST(BackupEndToEndTest, BackupCommandRefusesAnExistingFileAndMissingFlags) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  {
    auto server = ServerProcess::Start(dir + "/ogi.db", {kFakeNow});
    ASSERT_THAT(server, IsOk());
    ASSERT_THAT(server->Stop(), IsOk());
  }
  const std::string server = ::ogi::testing::ServerBinary();
  auto exists =
      ::ogi::testing::RunCommand({server, "backup", "--db=" + dir + "/ogi.db",
                                  "--out=" + dir + "/ogi.db"});
  ASSERT_THAT(exists, IsOk());
  EXPECT_EQ(exists->exit_code, 1);
  EXPECT_EQ(exists->err,
            absl::StrCat("ogi-server: backup: --out: ", dir,
                         "/ogi.db 已存在；备份不会覆盖已有文件\n"));
  EXPECT_EQ(exists->out, "");

  auto no_out =
      ::ogi::testing::RunCommand({server, "backup", "--db=" + dir + "/ogi.db"});
  ASSERT_THAT(no_out, IsOk());
  EXPECT_EQ(no_out->exit_code, 2);
  EXPECT_THAT(no_out->err, StartsWith("ogi-server: backup: --out: 必须填写"));

  auto no_db = ::ogi::testing::RunCommand(
      {server, "backup", "--db=" + dir + "/none.db", "--out=" + dir + "/b.db"});
  ASSERT_THAT(no_db, IsOk());
  EXPECT_EQ(no_db->exit_code, 1);
  EXPECT_EQ(no_db->err, absl::StrCat("ogi-server: backup: --db: ", dir,
                                     "/none.db 不存在\n"));

  auto unknown = ::ogi::testing::RunCommand({server, "restore"});
  ASSERT_THAT(unknown, IsOk());
  EXPECT_EQ(unknown->exit_code, 2);
  EXPECT_THAT(unknown->err, HasSubstr("\"restore\""));
  EXPECT_FALSE(std::filesystem::exists(dir + "/b.db"));
}

// The other half of "no corrupted data": the server refuses to start on a
// damaged database and says why in one line naming the file, and a backup of
// it is refused too (a copy of damage is no backup).
TEST(BackupEndToEndTest, DamagedDatabaseStopsTheServerAndTheBackup) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  const std::string db_path = dir + "/ogi.db";
  {
    auto server = ServerProcess::Start(db_path, {kFakeNow});
    ASSERT_THAT(server, IsOk());
    ::ogi::testing::RunOgiCliOk(
        *server,
        {"case", "create", "--applicant-name", "张三", "--applicant-type",
         "natural_person", "--channel", "in_person", "--received", "2025-12-01",
         "--description", "2025年度行政许可办理情况"});
    ASSERT_THAT(server->Stop(), IsOk());
  }
  ASSERT_THAT(::ogi::testing::OverwriteRootPage(db_path, "case_events"),
              IsOk());
  ASSERT_NE(::ogi::testing::IntegrityCheckFirstRow(db_path), "ok");

  auto start = ::ogi::testing::RunCommand({::ogi::testing::ServerBinary(),
                                           "--listen=127.0.0.1:0",
                                           "--db=" + db_path, kFakeNow});
  ASSERT_THAT(start, IsOk());
  EXPECT_EQ(start->exit_code, 1);
  EXPECT_THAT(start->err,
              StartsWith(absl::StrCat("ogi-server: database ", db_path,
                                      " fails PRAGMA integrity_check: ")));
  EXPECT_EQ(std::count(start->err.begin(), start->err.end(), '\n'), 1)
      << start->err;

  auto backup =
      ::ogi::testing::RunCommand({::ogi::testing::ServerBinary(), "backup",
                                  "--db=" + db_path, "--out=" + dir + "/b.db"});
  ASSERT_THAT(backup, IsOk());
  EXPECT_EQ(backup->exit_code, 1);
  EXPECT_THAT(backup->err,
              StartsWith(absl::StrCat("ogi-server: backup: --db: ", db_path,
                                      " 已损坏，未写入备份：")));
  EXPECT_FALSE(std::filesystem::exists(dir + "/b.db"));
}

}  // namespace
}  // namespace ogi
