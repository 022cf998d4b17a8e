#include "cli/calendar_commands.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "cli/command_context.h"
#include "cli/deadline_text.h"
#include "cli/flag_values.h"
#include "cli/input_file.h"
#include "cli/render.h"
#include "cli/unary_call.h"
#include "services/calendar/json_bounds.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

// AddWorkingDaysRequest.days accepts at most this (about ten years).
constexpr int32_t kMaxWorkingDays = 3660;
// The month grid: cells of two columns separated by one space, seven per
// week, three months side by side with this gap.
constexpr size_t kMonthWidth = 7 * 2 + 6;
constexpr char kMonthGap[] = "    ";
constexpr int kMonthsPerRow = 3;

// One line of a month block: its text (may hold colour codes) and its width
// in display columns.
struct GridLine {
  std::string text;
  size_t width = 0;
};

std::vector<GridLine> MonthBlock(
    int year, int month, const std::map<absl::CivilDay, v1::DayKind>& kinds,
    bool color) {
  std::vector<GridLine> lines;
  const std::string title = absl::StrCat(month, " 月");
  lines.push_back({title, DisplayWidth(title)});
  const std::string header = "一 二 三 四 五 六 日";
  lines.push_back({header, DisplayWidth(header)});

  const absl::CivilDay first(year, month, 1);
  const absl::CivilDay next_month(absl::CivilMonth(first) + 1);
  // absl::Weekday counts from Monday = 0.
  int column = static_cast<int>(absl::GetWeekday(first));
  GridLine week;
  for (int c = 0; c < column; ++c) {
    week.text += c == 0 ? "  " : "   ";
    week.width += c == 0 ? 2 : 3;
  }
  for (absl::CivilDay day = first; day < next_month; ++day) {
    if (column > 0) {
      week.text += ' ';
      week.width += 1;
    }
    const auto it = kinds.find(day);
    const v1::DayKind kind =
        it == kinds.end() ? v1::DAY_KIND_UNSPECIFIED : it->second;
    if (kind == v1::DAY_KIND_HOLIDAY) {
      week.text += Colorize("休", Tint::kRed, color);
    } else if (kind == v1::DAY_KIND_MAKEUP_WORKDAY) {
      week.text += Colorize("班", Tint::kYellow, color);
    } else {
      week.text += absl::StrFormat("%2d", day.day());
    }
    week.width += 2;
    if (++column == 7) {
      lines.push_back(std::move(week));
      week = GridLine();
      column = 0;
    }
  }
  if (week.width > 0) lines.push_back(std::move(week));
  return lines;
}

void RenderMonthGrid(int year,
                     const std::map<absl::CivilDay, v1::DayKind>& kinds,
                     bool color, std::ostream& out) {
  for (int row = 0; row < 12 / kMonthsPerRow; ++row) {
    std::vector<std::vector<GridLine>> blocks;
    size_t height = 0;
    for (int i = 0; i < kMonthsPerRow; ++i) {
      blocks.push_back(
          MonthBlock(year, row * kMonthsPerRow + i + 1, kinds, color));
      height = std::max(height, blocks.back().size());
    }
    if (row > 0) out << '\n';
    for (size_t l = 0; l < height; ++l) {
      std::string line;
      for (size_t b = 0; b < blocks.size(); ++b) {
        const GridLine cell = l < blocks[b].size() ? blocks[b][l] : GridLine();
        if (b > 0) line += kMonthGap;
        line += cell.text;
        if (b + 1 < blocks.size()) {
          line.append(kMonthWidth - std::min(kMonthWidth, cell.width), ' ');
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    }
  }
}

std::string DateText(bool present, const v1::Date& date) {
  return present && !IsUnset(date) ? FormatIsoDate(date) : "";
}

}  // namespace

std::vector<CommandSpec> CalendarCommandSpecs() {
  return {
      CommandSpec{
          {"calendar", "show"},
          {"YEAR"},
          false,
          "Show a year's holidays, make-up days and month grid.",
          "休 marks official days off, 班 make-up working days (调休上班). A "
          "year whose\narrangement is not loaded, or leaves statutory holidays "
          "out, is provisional\n(暂定): the statutory holidays of "
          "《全国年节及纪念日放假办法》 are computed\nand off, weekends stay "
          "off, and no make-up day is known. --json prints the\nresponse.\n",
          {},
          /*one_of=*/{},
          /*argument_fields=*/{{"year", "YEAR"}}}
          .Runs(Handler(&RunCalendarShow, &ServiceStubs::Calendar)),
      CommandSpec{
          {"calendar", "load"},
          {"FILE"},
          false,
          "Load holiday arrangements from a cn-holidays.json file.",
          "FILE \"-\" reads standard input; FILE must be a regular file of at "
          "most 1 MiB.\nEvery open case's deadlines are recomputed; prints the "
          "years loaded and each\ncase whose answer due date changed. A year "
          "that leaves statutory holidays out\nis loaded but stays "
          "provisional; the missing festivals are named.\n",
          {},
          /*one_of=*/{},
          // The server's "json" is the file's text, not the --json flag.
          /*argument_fields=*/{{"json", "FILE"}}}
          .Runs(Handler(&RunCalendarLoad, &ServiceStubs::Calendar)),
      CommandSpec{
          {"calendar", "add-working-days"},
          {"DATE", "N"},
          false,
          "Print the date N working days after DATE.",
          "Prints only the end date (YYYY-MM-DD). When a year on the way is "
          "provisional\n(its 调休 not yet published), the statutory holidays "
          "are skipped and the result\nis provisional: a warning goes to "
          "stderr and the exit code is still 0.\n",
          {{"explain", "",
            "also print the holidays and make-up days on the way"}},
          /*one_of=*/{},
          /*argument_fields=*/{{"start", "DATE"}, {"days", "N"}}}
          .Runs(Handler(&RunCalendarAddWorkingDays, &ServiceStubs::Calendar)),
  };
}

absl::StatusOr<v1::GetCalendarYearRequest> BuildGetCalendarYearRequest(
    const ParsedArgs& args) {
  v1::GetCalendarYearRequest request;
  OGI_ASSIGN_OR_RETURN(
      const int32_t year,
      ParseIntValue(args.positionals().at(0), "YEAR", 1900, 9999));
  request.set_year(year);
  return request;
}

absl::StatusOr<v1::AddWorkingDaysRequest> BuildAddWorkingDaysRequest(
    const ParsedArgs& args) {
  v1::AddWorkingDaysRequest request;
  absl::StatusOr<absl::CivilDay> start =
      ParseIsoDate(args.positionals().at(0), "DATE");
  if (!start.ok()) return UsageError(start.status().message());
  *request.mutable_start() = ToProtoDate(*start);
  OGI_ASSIGN_OR_RETURN(
      const int32_t days,
      ParseIntValue(args.positionals().at(1), "N", 0, kMaxWorkingDays));
  request.set_days(days);
  return request;
}

namespace {

// The 状态 line: complete, without an arrangement, or incomplete.
std::string YearState(const v1::GetCalendarYearResponse& response, bool color) {
  if (!response.provisional()) return "已加载节假日安排";
  if (!response.loaded()) {
    return Colorize(
        "未加载节假日安排（暂定：已按《全国年节及纪念日放假办法》跳过法定节假日"
        "，调休安排尚未公布）",
        Tint::kYellow, color);
  }
  return Colorize(
      absl::StrCat("已加载的安排未包含",
                   absl::StrJoin(response.missing_holidays(), "、"),
                   "（暂定：这些节日按《全国年节及纪念日放假办法》推算）"),
      Tint::kYellow, color);
}

void RenderHolidays(const google::protobuf::RepeatedPtrField<v1::Holiday>& list,
                    bool color, std::ostream& out) {
  Table table({"节假日", "放假", "天数"});
  for (const v1::Holiday& holiday : list) {
    table.AddRow(
        {holiday.name(),
         absl::StrCat(DateText(holiday.has_first_day(), holiday.first_day()),
                      " 至 ",
                      DateText(holiday.has_last_day(), holiday.last_day())),
         absl::StrCat(holiday.days(), " 天")});
  }
  table.Render(out, color);
}

}  // namespace

void RenderCalendarYear(int year, const v1::GetCalendarYearResponse& response,
                        bool color, std::ostream& out) {
  const v1::CalendarYear& arrangement = response.arrangement();
  Card card;
  card.Add("年份", absl::StrCat(year));
  card.Add("状态", YearState(response, color));
  card.AddIfPresent("来源", response.source());
  // The notices as people read them: the maintainers' remarks stay in the
  // data (and --json) but are not shown.
  card.AddIfPresent("依据", absl::StrJoin(response.display_notices(), "\n"));
  std::vector<std::string> makeup;
  for (const v1::Date& date : arrangement.makeup_workdays()) {
    makeup.push_back(FormatIsoDate(date));
  }
  card.AddIfPresent("调休上班", absl::StrJoin(makeup, "、"));
  card.Render(out, color);

  if (arrangement.holidays_size() > 0) {
    out << '\n';
    RenderHolidays(arrangement.holidays(), color, out);
  }
  if (response.statutory_holidays_size() > 0) {
    out << '\n'
        << Bold("法定节假日", color)
        << "（按《全国年节及纪念日放假办法》推算，暂定；调休安排尚未公布）\n";
    RenderHolidays(response.statutory_holidays(), color, out);
  }

  // What each date is: the arrangement's lists, overridden by the server's
  // day-by-day answer.
  std::map<absl::CivilDay, v1::DayKind> kinds;
  const auto put = [&kinds](const v1::Date& date, v1::DayKind kind) {
    absl::StatusOr<absl::CivilDay> day = ToCivilDay(date, "date");
    if (day.ok()) kinds[*day] = kind;
  };
  for (const v1::Date& date : arrangement.off_days()) {
    put(date, v1::DAY_KIND_HOLIDAY);
  }
  for (const v1::Date& date : arrangement.makeup_workdays()) {
    put(date, v1::DAY_KIND_MAKEUP_WORKDAY);
  }
  for (const v1::CalendarDay& day : response.days())
    put(day.date(), day.kind());
  out << '\n' << Bold("月历", color) << "（休 = 放假，班 = 调休上班）\n";
  RenderMonthGrid(year, kinds, color, out);
}

void RenderLoadCalendar(const v1::LoadCalendarResponse& response,
                        std::ostream& out) {
  std::vector<std::string> years;
  for (const int32_t year : response.years()) {
    years.push_back(absl::StrCat(year, " 年"));
  }
  out << "已加载：" << absl::StrJoin(years, "、") << '\n';
  for (const v1::IncompleteCalendarYear& year : response.incomplete_years()) {
    out << "注意：" << year.year() << " 年的安排未包含"
        << absl::StrJoin(year.missing_holidays(), "、")
        << "，该年仍为暂定；这些节日按《全国年节及纪念日放假办法》推算\n";
  }
  if (response.changed_cases_size() == 0) {
    out << "没有案件的答复期限发生变化\n";
    return;
  }
  std::set<std::string> agencies;
  for (const v1::RecomputedCase& c : response.changed_cases()) {
    agencies.insert(c.agency_code());
  }
  out << "答复期限变化的案件（" << response.changed_cases_size() << " 件）：\n";
  for (const v1::RecomputedCase& c : response.changed_cases()) {
    const std::string old_due =
        DateText(c.has_old_answer_due(), c.old_answer_due());
    const std::string new_due =
        DateText(c.has_new_answer_due(), c.new_answer_due());
    out << "  "
        << (agencies.size() > 1 ? absl::StrCat(c.agency_code(), " ") : "")
        << c.number() << ": " << (old_due.empty() ? "（无）" : old_due) << " → "
        << (new_due.empty() ? "（无）" : new_due) << '\n';
  }
}

absl::Status RunCalendarShow(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::CalendarService::StubInterface& stub,
                             std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::GetCalendarYearRequest request,
                       BuildGetCalendarYearRequest(args));
  OGI_ASSIGN_OR_RETURN(
      const v1::GetCalendarYearResponse response,
      UnaryCall(options, stub,
                &v1::CalendarService::StubInterface::GetCalendarYear, request));
  if (options.json) return WriteJson(response, out);
  RenderCalendarYear(request.year(), response, options.color, out);
  return absl::OkStatus();
}

absl::Status RunCalendarLoad(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::CalendarService::StubInterface& stub,
                             std::ostream& out) {
  v1::LoadCalendarRequest request;
  // The server's own limit, checked before reading (/dev/zero never ends).
  OGI_ASSIGN_OR_RETURN(*request.mutable_json(),
                       ReadBoundedFile(args.positionals().at(0), "日历文件",
                                       kMaxCalendarJsonBytes));
  OGI_ASSIGN_OR_RETURN(
      const v1::LoadCalendarResponse response,
      UnaryCall(options, stub,
                &v1::CalendarService::StubInterface::LoadCalendar, request));
  if (options.json) return WriteJson(response, out);
  RenderLoadCalendar(response, out);
  return absl::OkStatus();
}

absl::Status RunCalendarAddWorkingDays(const ParsedArgs& args,
                                       const GlobalOptions& options,
                                       v1::CalendarService::StubInterface& stub,
                                       std::ostream& out, std::ostream& err) {
  OGI_ASSIGN_OR_RETURN(const v1::AddWorkingDaysRequest request,
                       BuildAddWorkingDaysRequest(args));
  OGI_ASSIGN_OR_RETURN(
      const v1::AddWorkingDaysResponse response,
      UnaryCall(options, stub,
                &v1::CalendarService::StubInterface::AddWorkingDays, request));
  if (response.provisional()) {
    err << ProvisionalWarning(response.provisional_years()) << '\n';
  }
  if (options.json) return WriteJson(response, out);
  out << FormatIsoDate(response.end()) << '\n';
  if (args.Get("explain") == "true") {
    for (const std::string& line : response.explanation()) {
      out << line << '\n';
    }
  }
  return absl::OkStatus();
}

}  // namespace ogi::cli
