// ogi_report_bench: how long does deriving one agency's annual report take
// over 100,000 case records of its year?
//
// Generates --cases seeded random case histories of one agency
// (tests/report/random_case_histories.h), all arriving in 2025, with every
// applicant type and outcome, conclusions running into 2026, a share never
// concluded, fee notices, reviews and lawsuits. Then times, --runs times,
// DeriveReport(cases, 2025) — tables 三 and 四, the fee summary, the
// references behind every cell, the previous year's row 四 and every
// identity check — and one drill-down of the largest cell
// (一、本年新收 × 总计). The records are in memory: this measures the
// derivation, not the store.
//
// The target is a derivation under 1 s for 100,000 cases. The last line is
// machine-readable:
//   RESULT cases=… derive_min_ms=… derive_median_ms=… derive_max_ms=…
//   derive_cpu_median_ms=… drill_down_median_ms=… target_ms=1000 met=yes|no
// (wall-clock figures; the CPU-time median is printed beside them because on
// a shared machine the wall clock also counts other processes.)
// Exit codes: 0 the run completed and its checks passed (whether or not the
// target was met), 1 a check failed (or Abseil rejected an unknown or
// malformed flag), 2 a count flag that is not positive.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "services/report/report_cells.h"
#include "services/report/report_derivation.h"
#include "tests/report/random_case_histories.h"

ABSL_FLAG(int, cases, 100000, "case records of the agency-year");
ABSL_FLAG(int, runs, 5, "timed derivations");

namespace ogi::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr double kTargetMs = 1000;
constexpr int kYear = 2025;

constexpr char kUsage[] =
    "DeriveReport over many case records of one agency-year\n"
    "  usage: ogi_report_bench [--cases N] [--runs N]";

double Ms(SteadyClock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// CPU time of this (single-threaded) process in ms: on a shared machine the
// wall-clock figure also counts the time other processes held the cores.
double CpuMs() { return 1000.0 * std::clock() / CLOCKS_PER_SEC; }

struct Stats {
  double min = 0, median = 0, max = 0;
};

Stats Summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2], ms.back()};
}

int Main(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  // --help lists flags from files named after the binary; name this one.
  absl::FlagsUsageConfig usage;
  usage.contains_helpshort_flags = [](absl::string_view file) {
    return absl::EndsWith(file, "report_bench.cc");
  };
  usage.contains_help_flags = usage.contains_helpshort_flags;
  absl::SetFlagsUsageConfig(usage);
  if (absl::ParseCommandLine(argc, argv).size() > 1) {
    std::fprintf(stderr,
                 "ogi_report_bench: unexpected argument (flags only)\n");
    return 2;
  }
  const int case_count = absl::GetFlag(FLAGS_cases);
  const int runs = absl::GetFlag(FLAGS_runs);
  if (case_count < 1 || runs < 1) {
    std::fprintf(stderr, "ogi_report_bench: %s must be positive\n",
                 case_count < 1 ? "--cases" : "--runs");
    return 2;
  }

  testing::RandomHistoryOptions options;
  options.cases = case_count;
  options.seed = 2025;
  options.agency_code = "lc-xzsp";
  options.first_arrival = absl::CivilDay(kYear, 1, 1);
  options.last_arrival = absl::CivilDay(kYear, 12, 31);
  const auto generation_start = SteadyClock::now();
  const std::vector<v1::Case> cases = testing::RandomCaseHistories(options);
  std::printf("generated %zu cases of one agency arriving in %d (%.0f ms)\n",
              cases.size(), kYear, Ms(SteadyClock::now() - generation_start));

  ReportInputs inputs;
  inputs.agency_codes = {options.agency_code};
  inputs.title_agency = "聊城市行政审批服务局";
  std::vector<double> derive_ms;
  std::vector<double> derive_cpu_ms;
  std::vector<double> drill_ms;
  v1::Report report;
  for (int run = 0; run < runs; ++run) {
    CellCases cells;
    auto start = SteadyClock::now();
    const double cpu_start = CpuMs();
    report = DeriveReport(cases, kYear, inputs, &cells);
    derive_cpu_ms.push_back(CpuMs() - cpu_start);
    derive_ms.push_back(Ms(SteadyClock::now() - start));

    v1::CellAddress largest;
    largest.set_table(3);
    largest.set_row("new");
    largest.set_column("total");
    start = SteadyClock::now();
    const absl::StatusOr<std::vector<v1::CellRecord>> records =
        DrillDown(cases, kYear, largest);
    drill_ms.push_back(Ms(SteadyClock::now() - start));
    if (!records.ok() || static_cast<int64_t>(records->size()) !=
                             report.table3().rows(0).cells(6)) {
      std::printf(
          "CHECK FAILED: the drill-down of 一 × 总计 does not list %lld "
          "records\n",
          static_cast<long long>(report.table3().rows(0).cells(6)));
      return 1;
    }
  }

  int failed = 0;
  for (const v1::ReportCheck& check : report.checks()) failed += !check.ok();
  const auto& rows = report.table3().rows();
  std::printf(
      "table 三 总计: 一 %lld, 二 %lld, 三（七） %lld, 四 %lld; table 四 总计: "
      "复议 %lld, 直接起诉 %lld, 复议后起诉 %lld; %d checks, %d failed\n",
      static_cast<long long>(rows[0].cells(6)),
      static_cast<long long>(rows[1].cells(6)),
      static_cast<long long>(rows[23].cells(6)),
      static_cast<long long>(rows[24].cells(6)),
      static_cast<long long>(report.table4().review().total()),
      static_cast<long long>(report.table4().direct_suit().total()),
      static_cast<long long>(report.table4().suit_after_review().total()),
      report.checks_size(), failed);
  const Stats derive = Summarize(derive_ms);
  const Stats derive_cpu = Summarize(derive_cpu_ms);
  const Stats drill = Summarize(drill_ms);
  std::printf(
      "DeriveReport: min %.0f ms, median %.0f ms, max %.0f ms over %d runs "
      "(CPU time median %.0f ms); drill-down of 一 × 总计: median %.0f ms\n",
      derive.min, derive.median, derive.max, runs, derive_cpu.median,
      drill.median);
  if (failed > 0 || rows[0].cells(6) == 0) {
    std::printf("CHECK FAILED: the report does not balance\n");
    return 1;
  }
  const bool met = derive.median < kTargetMs;
  std::printf(
      "RESULT cases=%zu derive_min_ms=%.0f derive_median_ms=%.0f "
      "derive_max_ms=%.0f derive_cpu_median_ms=%.0f drill_down_median_ms=%.0f "
      "target_ms=%.0f met=%s\n",
      cases.size(), derive.min, derive.median, derive.max, derive_cpu.median,
      drill.median, kTargetMs, met ? "yes" : "no");
  return 0;
}

}  // namespace
}  // namespace ogi::bench

int main(int argc, char** argv) { return ogi::bench::Main(argc, argv); }
