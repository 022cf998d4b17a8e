// ogi_deadlines_bench: how long does "what is due within 5 working days" take
// for an agency with 100,000 open cases?
//
// 1. Builds a fresh SQLite database (in a temporary directory) holding
//    --cases open cases of one agency, written through SqliteCaseStore's
//    CreateCase from --threads threads (the store commits them in groups).
//    Receipt dates are spread over the three months before "today"
//    (2025-12-15), weighted the way an office's open cases are: nearly every
//    case of the last two weeks is still open, fewer and fewer after that
//    (most are answered within the 20 working days) and a tail of old ones
//    (extended, deferred, paused or simply late). A realistic share carries
//    procedural steps (补正 notice and supplement, consultations, fee notices,
//    extensions, Art. 35 deferrals), each applied through the same ApplyStep
//    the server uses, and every case's deadlines (and so its stored
//    answer_due, notice_due, window_end and the other deadline summary
//    columns) are computed through CaseClock, as CaseManager would.
// 2. Times DeadlineManager::ListDeadlines(within 5) in process, --runs times,
//    on a manual clock set to 2025-12-15 10:00 (Asia/Shanghai): the whole
//    listing, every page of 1000 (AIP-158 paging; each call computes the
//    listing and keeps one page).
// 3. Starts the real ogi-server on that database (--fake_clock_start at the
//    same moment) and times the gRPC ListDeadlines calls of every page
//    --runs times; then the first page alone, with gRPC's default 4 MB
//    receive limit.
// 4. Moves the server's clock to the next midnight (TestingClockService) and
//    times the alert hub's re-evaluation of every open case.
//
// The target is one call (a page of the listing) under 200 ms on a 2-core
// machine; the *_min/median/max_ms are the whole listing, every page. The
// last line is machine-readable:
//   RESULT inproc_min_ms=… inproc_median_ms=… inproc_max_ms=… grpc_min_ms=…
//   grpc_median_ms=… grpc_max_ms=… inproc_page_median_ms=…
//   grpc_page_median_ms=… pages=… alerts=… selected=… cases=…
//   rollover_ms=… target_ms=200 met=yes|no
// Exit codes: 0 the run completed and its checks passed (whether or not the
// target was met), 1 a check or a step failed (or Abseil rejected an unknown
// or malformed flag), 2 a count flag that is not positive.

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
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
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "ogi/test/v1/testing_clock.grpc.pb.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "services/alerts/case_index.h"
#include "services/alerts/deadline_manager.h"
#include "services/calendar/calendar_registry.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_fields.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "services/common/timestamps.h"
#include "services/deadlines/deadline_engine.h"
#include "services/procedure/procedure_steps.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/server_process.h"
#include "tests/common/temp_dir.h"

ABSL_FLAG(int, cases, 100000, "open cases in the database");
ABSL_FLAG(int, threads, 64, "threads writing them through the store");
ABSL_FLAG(int, runs, 7, "timed ListDeadlines calls, in process and over gRPC");

namespace ogi::bench {
namespace {

using Day = absl::CivilDay;
using SteadyClock = std::chrono::steady_clock;

constexpr double kTargetMs = 200;
constexpr char kAgency[] = "default";
const Day kToday(2025, 12, 15);
const Day kFirstReceipt(2025, 9, 15);

struct Options {
  int cases = 100000;
  int threads = 64;
  int runs = 7;
};

constexpr char kUsage[] =
    "ListDeadlines(within 5) over many open cases, in process and over gRPC\n"
    "  usage: ogi_deadlines_bench [--cases N] [--threads N] [--runs N]";

// Reads the flags into *options. Returns false (after printing a one-line
// error) when a count is not positive.
bool ParseFlags(int argc, char** argv, Options* options) {
  absl::SetProgramUsageMessage(kUsage);
  // --help lists flags from files named after the binary; name this one.
  absl::FlagsUsageConfig usage;
  usage.contains_helpshort_flags = [](absl::string_view file) {
    return absl::EndsWith(file, "deadlines_bench.cc");
  };
  usage.contains_help_flags = usage.contains_helpshort_flags;
  absl::SetFlagsUsageConfig(usage);
  // The first element is the program name; anything after it is stray.
  if (absl::ParseCommandLine(argc, argv).size() > 1) {
    std::fprintf(stderr,
                 "ogi_deadlines_bench: unexpected argument (flags only)\n");
    return false;
  }
  options->cases = absl::GetFlag(FLAGS_cases);
  options->threads = absl::GetFlag(FLAGS_threads);
  options->runs = absl::GetFlag(FLAGS_runs);
  const char* bad = options->cases < 1     ? "--cases must be positive"
                    : options->threads < 1 ? "--threads must be positive"
                    : options->runs < 1    ? "--runs must be positive"
                                           : nullptr;
  if (bad != nullptr) {
    std::fprintf(stderr, "ogi_deadlines_bench: %s\n", bad);
    return false;
  }
  return true;
}

absl::Time At(Day day, int hour) {
  return absl::FromCivil(
      absl::CivilSecond(day.year(), day.month(), day.day(), hour, 0, 0),
      ChinaTimeZone());
}

double Ms(SteadyClock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Stats {
  double min = 0, median = 0, max = 0;
};

Stats Summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2], ms.back()};
}

// ---------------------------------------------------------------------------
// Realistic cases.

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵",
                                     "黄", "周", "吴", "徐", "孙", "胡", "朱"};
constexpr const char* kGivenNames[] = {"伟",   "芳",   "秀英", "敏",   "静",
                                       "强",   "磊",   "军",   "洋",   "艳",
                                       "晓东", "建华", "海燕", "子涵", "志强"};
constexpr const char* kTopics[] = {
    "国有土地上房屋征收补偿方案及征收决定",
    "集体土地征收的批复文件、征地公告及补偿安置方案",
    "城乡居民最低生活保障资金发放明细",
    "建设工程规划许可证及其附图",
    "建设项目环境影响评价报告书的审批文件",
    "政府采购项目的中标结果及合同文本",
    "老旧小区改造工程的立项批复和资金安排",
    "行政处罚决定书及其执法依据",
};
template <typename T, size_t N>
constexpr size_t Count(const T (&)[N]) {
  return N;
}

// How likely a case received `age` working days ago is still open.
double OpenShare(int64_t age) {
  if (age <= 10) return 1.0;
  if (age <= 20) return 1.0 - 0.85 * static_cast<double>(age - 10) / 10;
  return 0.06;
}

// The working days from kFirstReceipt to kToday, with the chance of a case
// received on each being open today.
struct ReceiptDays {
  std::vector<Day> days;
  std::discrete_distribution<size_t> pick;
};

ReceiptDays MakeReceiptDays(const WorkingCalendar& calendar) {
  ReceiptDays out;
  std::vector<double> weights;
  for (Day d = kFirstReceipt; d <= kToday; ++d) {
    if (!calendar.IsWorkingDay(d)) continue;
    out.days.push_back(d);
    weights.push_back(OpenShare(calendar.WorkingDaysBetween(d, kToday)));
  }
  out.pick = std::discrete_distribution<size_t>(weights.begin(), weights.end());
  return out;
}

// The n-th working day after `day` (n >= 0).
Day After(const WorkingCalendar& calendar, Day day, int n) {
  if (n <= 0) return day;
  absl::StatusOr<WorkingDayCount> count = calendar.AddWorkingDays(day, n);
  return count.ok() ? count->end : day;
}

struct StepCounts {
  std::atomic<int64_t> applied{0};
  std::atomic<int64_t> refused{0};
};

// Applies `r` as of `day` (the day it happened), as the server would;
// a step that does not fit the case is skipped.
template <typename Request>
void Try(const Request& r, Day day, const WorkingCalendar& calendar,
         v1::Case& c, StepCounts& counts) {
  if (day > kToday) return;
  if (ApplyStep(r, day, calendar, ClockPolicy(), c).ok()) {
    ++counts.applied;
  } else {
    ++counts.refused;
  }
}

// The index-th open case, its procedural record built step by step.
v1::Case MakeCase(int index, const ReceiptDays& receipt_days,
                  const WorkingCalendar& calendar, StepCounts& counts) {
  std::mt19937_64 rng(0x09e1 + static_cast<uint64_t>(index));
  std::uniform_real_distribution<double> chance(0, 1);
  auto between = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  std::discrete_distribution<size_t> pick = receipt_days.pick;
  const Day received = receipt_days.days[pick(rng)];

  v1::Case c;
  c.set_agency_code(kAgency);
  v1::Applicant* applicant = c.mutable_applicant();
  applicant->set_name(
      absl::StrCat(kSurnames[index % Count(kSurnames)],
                   kGivenNames[(index / 7) % Count(kGivenNames)]));
  applicant->set_type(index % 10 == 0 ? v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE
                                      : v1::APPLICANT_TYPE_NATURAL_PERSON);
  applicant->set_phone(absl::StrFormat("13%09d", 635000000 + index));
  applicant->set_postal_address(
      absl::StrCat("山东省聊城市东昌府区幸福路", 1 + index % 300, "号"));
  const double channel = chance(rng);
  c.set_channel(channel < 0.6   ? v1::CHANNEL_IN_PERSON
                : channel < 0.8 ? v1::CHANNEL_SIGNED_POST
                                : v1::CHANNEL_ONLINE);
  *c.mutable_arrival_date() = ToProtoDate(received);
  if (c.channel() == v1::CHANNEL_ONLINE) {
    *c.mutable_confirmation_date() = ToProtoDate(received);
  }
  *c.mutable_receipt_date() = ToProtoDate(received);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.add_items()->set_description(
      absl::StrCat("关于", kTopics[index % Count(kTopics)], "（",
                   2018 + index % 7, "年度）的政府信息"));
  if (index % 3 == 0) {
    c.add_items()->set_description(
        absl::StrCat(kTopics[(index / 3) % Count(kTopics)], "的公开情况"));
  }
  c.set_requested_form(index % 2 == 0 ? v1::REQUESTED_FORM_PAPER
                                      : v1::REQUESTED_FORM_ELECTRONIC);
  c.set_delivery_method(index % 2 == 0 ? v1::DELIVERY_METHOD_SELF_PICKUP
                                       : v1::DELIVERY_METHOD_POST);

  Day clock_start = received;
  if (chance(rng) < 0.08) {  // a 补正 notice within the 7-day duty
    v1::SendCorrectionNoticeRequest r;
    const Day sent = After(calendar, received, between(1, 7));
    *r.mutable_sent() = ToProtoDate(sent);
    r.set_items_to_supplement(
        "请写明所需信息的名称、文号或者便于查询的其他特征性描述");
    *r.mutable_applicant_deadline() = ToProtoDate(sent + 15);
    Try(r, sent, calendar, c, counts);
    if (chance(rng) < 0.7) {
      v1::ReceiveSupplementRequest s;
      const Day back = After(calendar, sent, between(2, 10));
      *s.mutable_received() = ToProtoDate(back);
      Try(s, back, calendar, c, counts);
      if (back <= kToday) clock_start = back;
    }
  }
  if (chance(rng) < 0.05) {  // a consultation
    v1::SendConsultationRequest r;
    r.set_kind(chance(rng) < 0.7 ? v1::CONSULTED_PARTY_KIND_THIRD_PARTY
                                 : v1::CONSULTED_PARTY_KIND_OTHER_AGENCY);
    r.set_party(r.kind() == v1::CONSULTED_PARTY_KIND_THIRD_PARTY
                    ? "聊城某置业有限公司"
                    : "聊城市自然资源和规划局");
    const Day sent = After(calendar, clock_start, between(2, 10));
    *r.mutable_sent() = ToProtoDate(sent);
    Try(r, sent, calendar, c, counts);
    if (chance(rng) < 0.6) {
      v1::ReceiveConsultationReplyRequest reply;
      const Day back = After(calendar, sent, between(3, 15));
      *reply.mutable_received() = ToProtoDate(back);
      Try(reply, back, calendar, c, counts);
    }
  }
  if (chance(rng) < 0.03) {  // a fee notice
    v1::IssueFeeNoticeRequest r;
    r.set_method(v1::FEE_METHOD_PER_PAGE);
    r.set_pages(between(40, 400));
    const Day served = After(calendar, clock_start, between(3, 10));
    *r.mutable_served() = ToProtoDate(served);
    Try(r, served, calendar, c, counts);
    if (chance(rng) < 0.75) {
      v1::ReceiveFeePaymentRequest paid;
      const Day on = After(calendar, served, between(1, 10));
      *paid.mutable_paid() = ToProtoDate(on);
      Try(paid, on, calendar, c, counts);
    }
  }
  const int64_t age = calendar.WorkingDaysBetween(clock_start, kToday);
  if (age > 15 && chance(rng) < 0.4) {  // the one extension, notified in time
    v1::ExtendDeadlineRequest r;
    r.set_working_days(between(10, 20));
    r.set_approver("王主任");
    const Day notified = After(calendar, clock_start, between(12, 19));
    *r.mutable_notified() = ToProtoDate(notified);
    Try(r, notified, calendar, c, counts);
  } else if (age > 15 && chance(rng) < 0.03) {  // an Art. 35 deferral
    v1::DeferDeadlineRequest r;
    const Day notified = After(calendar, clock_start, between(5, 15));
    *r.mutable_notified() = ToProtoDate(notified);
    *r.mutable_new_due() = ToProtoDate(notified + between(30, 90));
    r.set_reason("申请数量众多，需分批处理");
    Try(r, notified, calendar, c, counts);
  }
  return c;
}

// ---------------------------------------------------------------------------

struct Built {
  int64_t cases = 0;
  double seconds = 0;
  int64_t steps_applied = 0;
  int64_t steps_refused = 0;
};

absl::StatusOr<Built> BuildDatabase(const std::string& path,
                                    const Options& options,
                                    const CaseClock& case_clock) {
  SqliteStoreOptions store_options;
  store_options.path = path;
  absl::StatusOr<std::unique_ptr<SqliteCaseStore>> store =
      OpenSqliteCaseStore(store_options);
  if (!store.ok()) return store.status();
  v1::Agency agency;
  agency.set_code(kAgency);
  agency.set_name("聊城市行政审批服务局");
  if (auto added = (*store)->UpsertAgency(agency); !added.ok()) {
    return added.status();
  }

  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock.calendars().Current();
  const ReceiptDays receipt_days = MakeReceiptDays(*calendar);
  StepCounts counts;
  std::atomic<int> next{0};
  std::atomic<int64_t> written{0};
  absl::Mutex error_mu;
  absl::Status error;
  const auto start = SteadyClock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < options.threads; ++t) {
    threads.emplace_back([&] {
      while (true) {
        const int i = next++;
        if (i >= options.cases) return;
        v1::Case c = MakeCase(i, receipt_days, *calendar, counts);
        absl::StatusOr<v1::Deadlines> deadlines =
            case_clock.Compute(c, kToday, *calendar);
        if (!deadlines.ok()) {
          absl::MutexLock lock(&error_mu);
          error = deadlines.status();
          return;
        }
        *c.mutable_deadlines() = *std::move(deadlines);
        v1::CaseEvent created;
        created.set_type(v1::CASE_EVENT_TYPE_CREATED);
        *created.mutable_recorded_at() = ToProtoTimestamp(
            At(Day(c.arrival_date().year(), c.arrival_date().month(),
                   c.arrival_date().day()),
               10));
        created.set_actor("王科员");
        for (v1::FieldChange& change : DiffCaseFields(v1::Case(), c)) {
          *created.add_changes() = std::move(change);
        }
        absl::StatusOr<v1::Case> stored =
            (*store)->CreateCase(std::move(c), std::move(created));
        if (!stored.ok()) {
          absl::MutexLock lock(&error_mu);
          error = stored.status();
          return;
        }
        const int64_t n = ++written;
        if (n % 20000 == 0) {
          std::printf("  %lld cases written (%.1f s)\n",
                      static_cast<long long>(n),
                      Ms(SteadyClock::now() - start) / 1000);
          std::fflush(stdout);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  if (!error.ok()) return error;
  Built built;
  built.cases = written;
  built.seconds = Ms(SteadyClock::now() - start) / 1000;
  built.steps_applied = counts.applied;
  built.steps_refused = counts.refused;
  return built;
}

// Every page of `request` (pages of 1000) through `call`, merged; stops at
// the first failure. `pages`: how many calls it made; `largest`: the largest
// page's serialized size; each call's time is appended to `page_ms`.
template <typename Call>
absl::StatusOr<v1::ListDeadlinesResponse> AllPages(
    v1::ListDeadlinesRequest request, Call&& call, int* pages, size_t* largest,
    std::vector<double>* page_ms) {
  request.set_page_size(1000);
  v1::ListDeadlinesResponse all;
  *pages = 0;
  *largest = 0;
  do {
    const auto start = SteadyClock::now();
    absl::StatusOr<v1::ListDeadlinesResponse> page = call(request);
    page_ms->push_back(Ms(SteadyClock::now() - start));
    if (!page.ok()) return page.status();
    ++*pages;
    *largest = std::max(*largest, page->ByteSizeLong());
    request.set_page_token(page->next_page_token());
    all.MergeFrom(*page);
  } while (!request.page_token().empty());
  all.clear_next_page_token();
  return all;
}

std::string KindCounts(const v1::ListDeadlinesResponse& response) {
  std::map<std::string, int> counts;
  for (const v1::DeadlineAlert& a : response.alerts()) {
    ++counts[v1::AlertKind_Name(a.kind())];
  }
  std::string out;
  for (const auto& [kind, n] : counts) {
    absl::StrAppend(&out, out.empty() ? "" : ", ", kind, "=", n);
  }
  return out;
}

int Main(int argc, char** argv) {
  Options options;
  if (!ParseFlags(argc, argv, &options)) return 2;
  // Kept after a failed run for a look; removed at the end of a good one.
  const std::string dir = testing::TempDir().Keep();
  const std::string db_path = dir + "/ogi.db";
  std::printf("ogi_deadlines_bench: %d open cases, today %s, database %s\n",
              options.cases, FormatIsoDate(kToday).c_str(), db_path.c_str());

  CalendarRegistry calendars;
  CaseClock case_clock(&calendars, ClockPolicy());

  // 1. The database.
  absl::StatusOr<Built> built = BuildDatabase(db_path, options, case_clock);
  if (!built.ok()) {
    std::fprintf(stderr, "building the database failed: %s\n",
                 built.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "built %lld cases in %.1f s with %d threads (%lld procedural steps "
      "applied, %lld refused as not fitting)\n",
      static_cast<long long>(built->cases), built->seconds, options.threads,
      static_cast<long long>(built->steps_applied),
      static_cast<long long>(built->steps_refused));

  // 2. In process.
  SqliteStoreOptions store_options;
  store_options.path = db_path;
  absl::StatusOr<std::unique_ptr<SqliteCaseStore>> store =
      OpenSqliteCaseStore(store_options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  ManualClock clock(At(kToday, 10));
  DeadlineManager manager(store->get(), &clock, &case_clock, kAgency);
  v1::ListDeadlinesRequest request;
  request.set_within_working_days(5);

  const std::shared_ptr<const WorkingCalendar> calendar = calendars.Current();
  const Day horizon = calendar->AddWorkingDays(kToday, 5)->end;
  // The same selection ListDeadlines makes: summaries (what it reads), and
  // the full records of the same cases (what the alert hub reads).
  AttentionQuery query;
  query.agency_code = kAgency;
  query.answer_due_until = horizon;
  query.notice_due_from = kToday;
  query.notice_due_until = horizon;
  query.window_end_until = kToday - 1;
  auto select_start = SteadyClock::now();
  size_t selected_count = 0;
  size_t in_full = 0;
  const absl::Status summarized = (*store)->ForEachDeadlineSummary(
      query, [&](const CaseDeadlineSummary& c) {
        ++selected_count;
        if (c.record != nullptr) ++in_full;
        return absl::OkStatus();
      });
  const double summaries_ms = Ms(SteadyClock::now() - select_start);
  if (!summarized.ok()) {
    std::fprintf(stderr, "%s\n", summarized.ToString().c_str());
    return 1;
  }
  std::printf(
      "the deadline summary indexes select %zu of %lld cases (due on or "
      "before %s, or a window lapsed) in %.0f ms; %zu of them (an open pause) "
      "come with their record, to be computed in full\n",
      selected_count, static_cast<long long>(built->cases),
      FormatIsoDate(horizon).c_str(), summaries_ms, in_full);
  select_start = SteadyClock::now();
  absl::StatusOr<std::vector<v1::Case>> selected =
      (*store)->ListCasesNeedingAttention(query);
  const double select_ms = Ms(SteadyClock::now() - select_start);
  if (!selected.ok()) {
    std::fprintf(stderr, "%s\n", selected.status().ToString().c_str());
    return 1;
  }
  if (selected->size() != selected_count) {
    std::fprintf(stderr,
                 "CHECK FAILED: %zu summaries but %zu full records selected\n",
                 selected_count, selected->size());
    return 1;
  }
  size_t payload_bytes = 0;
  for (const v1::Case& c : *selected) payload_bytes += c.ByteSizeLong();
  if (!selected->empty()) {
    std::printf(
        "  their full records (ListCasesNeedingAttention, as the alert hub "
        "reads them): %zu in %.0f ms, %zu bytes on average\n",
        selected->size(), select_ms, payload_bytes / selected->size());
  }
  selected->clear();
  selected->shrink_to_fit();

  std::vector<double> inproc_ms;
  v1::ListDeadlinesResponse inproc;
  int inproc_pages = 0;
  size_t inproc_largest = 0;
  std::vector<double> inproc_page_ms;
  for (int run = 0; run < options.runs; ++run) {
    const auto start = SteadyClock::now();
    absl::StatusOr<v1::ListDeadlinesResponse> response = AllPages(
        request,
        [&](const v1::ListDeadlinesRequest& page) {
          return manager.ListDeadlines(page);
        },
        &inproc_pages, &inproc_largest, &inproc_page_ms);
    inproc_ms.push_back(Ms(SteadyClock::now() - start));
    if (!response.ok()) {
      std::fprintf(stderr, "ListDeadlines: %s\n",
                   response.status().ToString().c_str());
      return 1;
    }
    if (run > 0 && response->alerts_size() != inproc.alerts_size()) {
      std::fprintf(stderr, "runs disagree: %d vs %d alerts\n",
                   response->alerts_size(), inproc.alerts_size());
      return 1;
    }
    inproc = *std::move(response);
  }
  const Stats in = Summarize(inproc_ms);
  std::printf(
      "in process: ListDeadlines(within 5), all %d pages, min %.0f ms, "
      "median %.0f ms, max %.0f ms over %d runs; %d alerts (%s), %zu bytes "
      "(largest page %zu)\n",
      inproc_pages, in.min, in.median, in.max, options.runs,
      inproc.alerts_size(), KindCounts(inproc).c_str(), inproc.ByteSizeLong(),
      inproc_largest);
  store->reset();  // closes and checkpoints before the server opens the file

  // 3. The real server.
  const auto boot = SteadyClock::now();
  absl::StatusOr<testing::ServerProcess> server = testing::ServerProcess::Start(
      db_path, {"--fake_clock_start=2025-12-15T10:00:00+08:00"},
      absl::Minutes(10));
  if (!server.ok()) {
    std::fprintf(stderr, "ogi-server: %s\n",
                 server.status().ToString().c_str());
    return 1;
  }
  std::printf("ogi-server ready in %.1f s (start-up reads every open case)\n",
              Ms(SteadyClock::now() - boot) / 1000);
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(
      server->address(), grpc::InsecureChannelCredentials(), args);
  auto stub = v1::DeadlineService::NewStub(channel);
  std::vector<double> grpc_ms;
  v1::ListDeadlinesResponse over_grpc;
  int grpc_pages = 0;
  size_t grpc_largest = 0;
  std::vector<double> grpc_page_ms;
  for (int run = 0; run < options.runs; ++run) {
    const auto start = SteadyClock::now();
    absl::StatusOr<v1::ListDeadlinesResponse> all = AllPages(
        request,
        [&](const v1::ListDeadlinesRequest& page)
            -> absl::StatusOr<v1::ListDeadlinesResponse> {
          grpc::ClientContext context;
          context.AddMetadata("authorization", server->BearerHeader());
          v1::ListDeadlinesResponse response;
          const grpc::Status status =
              stub->ListDeadlines(&context, page, &response);
          if (!status.ok()) {
            return absl::UnknownError(status.error_message());
          }
          return response;
        },
        &grpc_pages, &grpc_largest, &grpc_page_ms);
    grpc_ms.push_back(Ms(SteadyClock::now() - start));
    if (!all.ok()) {
      std::fprintf(stderr, "gRPC ListDeadlines: %s\n",
                   std::string(all.status().message()).c_str());
      return 1;
    }
    over_grpc = *std::move(all);
  }
  const Stats rpc = Summarize(grpc_ms);
  std::printf(
      "gRPC: ListDeadlines(within 5), all %d pages, min %.0f ms, median "
      "%.0f ms, max %.0f ms over %d runs; %d alerts (largest page %zu "
      "bytes)\n",
      grpc_pages, rpc.min, rpc.median, rpc.max, options.runs,
      over_grpc.alerts_size(), grpc_largest);

  // A client with gRPC's default 4 MB receive limit (as the CLI has).
  {
    auto plain = v1::DeadlineService::NewStub(grpc::CreateChannel(
        server->address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    context.AddMetadata("authorization", server->BearerHeader());
    v1::ListDeadlinesResponse response;
    const grpc::Status status =
        plain->ListDeadlines(&context, request, &response);
    const std::string outcome =
        status.ok() ? std::string("OK")
                    : absl::StrCat("failed: ", status.error_message());
    std::printf("with the default 4 MB receive limit: %s\n", outcome.c_str());
  }

  // The next midnight: the alert hub re-evaluates every open case (the call
  // returns once CheckDayRollover is done).
  double rollover_ms = -1;
  {
    auto clock_stub = test::v1::TestingClockService::NewStub(channel);
    grpc::ClientContext context;
    context.AddMetadata("authorization", server->BearerHeader());
    test::v1::SetTimeRequest set;
    *set.mutable_time() =
        ToProtoTimestamp(At(kToday + 1, 0) + absl::Seconds(30));
    test::v1::SetTimeResponse response;
    const auto start = SteadyClock::now();
    const grpc::Status status = clock_stub->SetTime(&context, set, &response);
    rollover_ms = Ms(SteadyClock::now() - start);
    if (status.ok()) {
      std::printf(
          "day rollover to %s (SetTime → AlertHub::CheckDayRollover): "
          "%.0f ms\n",
          FormatIsoDate(kToday + 1).c_str(), rollover_ms);
    } else {
      std::printf("day rollover failed: %s\n", status.error_message().c_str());
    }
  }

  bool ok = true;
  if (over_grpc.alerts_size() != inproc.alerts_size()) {
    std::printf("CHECK FAILED: gRPC returned %d alerts, in process %d\n",
                over_grpc.alerts_size(), inproc.alerts_size());
    ok = false;
  }
  absl::StatusOr<int> stopped = server->Stop(absl::Minutes(2));
  if (!stopped.ok() || *stopped != 0) {
    std::printf("CHECK FAILED: the server did not stop cleanly\n");
    ok = false;
  }
  if (ok) std::filesystem::remove_all(dir);

  const Stats in_page = Summarize(inproc_page_ms);
  const Stats rpc_page = Summarize(grpc_page_ms);
  const bool met = in_page.median < kTargetMs && rpc_page.median < kTargetMs;
  std::printf(
      "RESULT inproc_min_ms=%.0f inproc_median_ms=%.0f inproc_max_ms=%.0f "
      "grpc_min_ms=%.0f grpc_median_ms=%.0f grpc_max_ms=%.0f "
      "inproc_page_median_ms=%.0f grpc_page_median_ms=%.0f pages=%d "
      "alerts=%d selected=%zu cases=%lld rollover_ms=%.0f target_ms=%.0f "
      "met=%s\n",
      in.min, in.median, in.max, rpc.min, rpc.median, rpc.max, in_page.median,
      rpc_page.median, grpc_pages, inproc.alerts_size(), selected_count,
      static_cast<long long>(built->cases), rollover_ms, kTargetMs,
      met ? "yes" : "no");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace ogi::bench

int main(int argc, char** argv) { return ogi::bench::Main(argc, argv); }
