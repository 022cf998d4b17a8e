// ogi_seed_cases: writes N open, overdue applications straight into a fresh
// ogi database, so that an outside-client test (tests/api/) can start
// ogi-server on it and find N alerts in DeadlineService.ListDeadlines — far
// faster than N CreateCase calls, and without the server's own code paths
// deciding what the data looks like.
//
// Every case is logged in person on a working day between --first_receipt
// and --last_receipt (both well before --today), is still being processed,
// and has its deadlines computed through CaseClock as of --today with the
// built-in calendar, exactly as CaseManager stores them; so each one's answer
// is overdue on --today. Cases go through SqliteCaseStore::CreateCase from
// --threads threads (the store commits them in groups).
//
// Prints one machine-readable line on success:
//   SEEDED cases=N agency=CODE seconds=S
// Exit codes: 0 done, 1 a write failed, 2 bad flags (or an existing --db).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "services/alerts/case_index.h"
#include "services/calendar/calendar_registry.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_fields.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "services/common/timestamps.h"
#include "services/deadlines/deadline_engine.h"
#include "storage/sqlite_case_store.h"

ABSL_FLAG(std::string, db, "", "the new database file (must not exist)");
ABSL_FLAG(int, cases, 100000, "open, overdue cases to write");
ABSL_FLAG(std::string, agency_code, "default", "their agency");
ABSL_FLAG(std::string, agency_name, "聊城市行政审批服务局",
          "the agency's name (the agency is created with the database)");
ABSL_FLAG(std::string, today, "2025-12-15",
          "the day the deadlines are computed for (the server's "
          "--fake_clock_start day)");
ABSL_FLAG(std::string, first_receipt, "2025-08-01", "earliest receipt date");
ABSL_FLAG(std::string, last_receipt, "2025-10-31",
          "latest receipt date (its answer must be due before --today)");
ABSL_FLAG(int, threads, 16, "writer threads");

namespace ogi::seed {
namespace {

using Day = absl::CivilDay;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵",
                                     "黄", "周", "吴", "徐", "孙", "胡", "朱"};
constexpr const char* kGivenNames[] = {"伟",   "芳",   "秀英", "敏",   "静",
                                       "强",   "磊",   "军",   "洋",   "艳",
                                       "晓东", "建华", "海燕", "子涵", "志强"};
constexpr const char* kTopics[] = {
    "国有土地上房屋征收补偿方案", "城乡居民最低生活保障资金发放明细",
    "建设工程规划许可证及其附图", "政府采购项目的中标结果及合同文本",
    "老旧小区改造工程的立项批复", "行政处罚决定书及其执法依据",
};

template <typename T, size_t N>
constexpr size_t Count(const T (&)[N]) {
  return N;
}

struct Options {
  std::string db;
  int cases = 0;
  std::string agency_code;
  std::string agency_name;
  Day today, first_receipt, last_receipt;
  int threads = 0;
};

// Reads the flags into *options; returns what is wrong with them, or "".
std::string ReadFlags(Options* options) {
  options->db = absl::GetFlag(FLAGS_db);
  options->cases = absl::GetFlag(FLAGS_cases);
  options->agency_code = absl::GetFlag(FLAGS_agency_code);
  options->agency_name = absl::GetFlag(FLAGS_agency_name);
  options->threads = absl::GetFlag(FLAGS_threads);
  struct DayFlag {
    const char* name;
    std::string text;
    Day* day;
  };
  const DayFlag day_flags[] = {
      {"--today", absl::GetFlag(FLAGS_today), &options->today},
      {"--first_receipt", absl::GetFlag(FLAGS_first_receipt),
       &options->first_receipt},
      {"--last_receipt", absl::GetFlag(FLAGS_last_receipt),
       &options->last_receipt}};
  for (const DayFlag& flag : day_flags) {
    absl::StatusOr<Day> parsed = ParseIsoDate(flag.text, flag.name);
    if (!parsed.ok()) return std::string(parsed.status().message());
    *flag.day = *parsed;
  }
  if (options->db.empty()) return "--db is required";
  if (std::filesystem::exists(options->db)) {
    return absl::StrCat("--db: ", options->db, " exists (a new file only)");
  }
  if (options->cases < 1) return "--cases must be positive";
  if (options->threads < 1) return "--threads must be positive";
  if (options->first_receipt > options->last_receipt ||
      options->last_receipt >= options->today) {
    return "--first_receipt <= --last_receipt < --today is required";
  }
  return "";
}

// The index-th case, received on `received`, with its deadlines as of today.
absl::StatusOr<v1::Case> MakeCase(int index, Day received,
                                  const Options& options,
                                  const CaseClock& case_clock,
                                  const WorkingCalendar& calendar) {
  v1::Case c;
  c.set_agency_code(options.agency_code);
  v1::Applicant* applicant = c.mutable_applicant();
  applicant->set_name(
      absl::StrCat(kSurnames[index % Count(kSurnames)],
                   kGivenNames[(index / 7) % Count(kGivenNames)]));
  applicant->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  applicant->set_phone(absl::StrFormat("13%09d", 600000000 + index));
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = ToProtoDate(received);
  *c.mutable_receipt_date() = ToProtoDate(received);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.add_items()->set_description(
      absl::StrCat("关于", kTopics[index % Count(kTopics)], "的政府信息"));
  c.set_requested_form(v1::REQUESTED_FORM_PAPER);
  c.set_delivery_method(v1::DELIVERY_METHOD_SELF_PICKUP);
  absl::StatusOr<v1::Deadlines> deadlines =
      case_clock.Compute(c, options.today, calendar);
  if (!deadlines.ok()) return deadlines.status();
  *c.mutable_deadlines() = *std::move(deadlines);
  return c;
}

int Main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "ogi_seed_cases --db=FILE [--cases=100000] [--today=YYYY-MM-DD] ...\n"
      "Writes open, overdue cases into a new ogi database.");
  if (absl::ParseCommandLine(argc, argv).size() > 1) {
    std::fprintf(stderr, "ogi_seed_cases: unexpected argument (flags only)\n");
    return 2;
  }
  Options options;
  if (const std::string error = ReadFlags(&options); !error.empty()) {
    std::fprintf(stderr, "ogi_seed_cases: %s\n", error.c_str());
    return 2;
  }
  const auto start = SteadyClock::now();

  CalendarRegistry calendars;
  const CaseClock case_clock(&calendars, ClockPolicy());
  const std::shared_ptr<const WorkingCalendar> calendar = calendars.Current();
  std::vector<Day> receipt_days;
  for (Day d = options.first_receipt; d <= options.last_receipt; ++d) {
    if (calendar->IsWorkingDay(d)) receipt_days.push_back(d);
  }
  if (receipt_days.empty()) {
    std::fprintf(stderr, "ogi_seed_cases: no working day to receive on\n");
    return 2;
  }

  SqliteStoreOptions store_options;
  store_options.path = options.db;
  absl::StatusOr<std::unique_ptr<SqliteCaseStore>> store =
      OpenSqliteCaseStore(store_options);
  if (!store.ok()) {
    std::fprintf(stderr, "ogi_seed_cases: %s\n",
                 store.status().ToString().c_str());
    return 1;
  }
  v1::Agency agency;
  agency.set_code(options.agency_code);
  agency.set_name(options.agency_name);
  if (auto added = (*store)->UpsertAgency(agency); !added.ok()) {
    std::fprintf(stderr, "ogi_seed_cases: %s\n",
                 added.status().ToString().c_str());
    return 1;
  }

  std::atomic<int> next{0};
  absl::Mutex error_mu;
  absl::Status error;
  std::vector<std::thread> threads;
  for (int t = 0; t < options.threads; ++t) {
    threads.emplace_back([&] {
      for (int i = next++; i < options.cases; i = next++) {
        // Receipt days in order, so case numbers follow arrival.
        const Day received =
            receipt_days[static_cast<size_t>(i) * receipt_days.size() /
                         static_cast<size_t>(options.cases)];
        absl::StatusOr<v1::Case> c =
            MakeCase(i, received, options, case_clock, *calendar);
        absl::Status written = c.status();
        if (c.ok()) {
          v1::CaseEvent created;
          created.set_type(v1::CASE_EVENT_TYPE_CREATED);
          *created.mutable_recorded_at() = ToProtoTimestamp(absl::FromCivil(
              absl::CivilSecond(received.year(), received.month(),
                                received.day(), 10, 0, 0),
              ChinaTimeZone()));
          created.set_actor("王科员");
          for (v1::FieldChange& change : DiffCaseFields(v1::Case(), *c)) {
            *created.add_changes() = std::move(change);
          }
          written =
              (*store)->CreateCase(*std::move(c), std::move(created)).status();
        }
        if (!written.ok()) {
          absl::MutexLock lock(&error_mu);
          if (error.ok()) error = written;
          next = options.cases;  // the others stop at their next case
          return;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  if (!error.ok()) {
    std::fprintf(stderr, "ogi_seed_cases: %s\n", error.ToString().c_str());
    return 1;
  }
  store->reset();  // waits for the writer and checkpoints the WAL
  const double seconds =
      std::chrono::duration<double>(SteadyClock::now() - start).count();
  std::printf("SEEDED cases=%d agency=%s seconds=%.1f\n", options.cases,
              options.agency_code.c_str(), seconds);
  return 0;
}

}  // namespace
}  // namespace ogi::seed

int main(int argc, char** argv) { return ogi::seed::Main(argc, argv); }
