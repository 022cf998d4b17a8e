#include "cli/report_commands.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "cli/command_context.h"
#include "cli/flag_values.h"
#include "cli/render.h"
#include "cli/report_common.h"
#include "cli/report_text.h"
#include "cli/text_encoding.h"
#include "cli/unary_call.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

// Row keys of tables 二 and 四 (report.proto CellAddress); every other row
// key belongs to table 三.
constexpr absl::string_view kTable2Rows[] = {
    "rules",   "normative_documents", "licensing",
    "penalty", "enforcement",         "fees"};
constexpr absl::string_view kTable4Rows[] = {"review", "direct_suit",
                                             "suit_after_review"};

// Every --agency in order; a usage error for a code given twice (it would be
// counted twice in a consolidation).
absl::StatusOr<std::vector<std::string>> AgencyCodes(const ParsedArgs& args) {
  std::vector<std::string> codes = args.GetAll("agency");
  std::set<std::string> seen;
  for (const std::string& code : codes) {
    if (code.empty()) return UsageError("--agency: must not be empty");
    if (!seen.insert(code).second) {
      return UsageError(absl::StrCat("--agency: ", code, " given twice"));
    }
  }
  return codes;
}

// The report of YEAR for the --agency flags.
absl::StatusOr<v1::Report> GetReport(const ParsedArgs& args,
                                     const GlobalOptions& options,
                                     v1::ReportService::StubInterface& stub) {
  OGI_ASSIGN_OR_RETURN(const v1::GetReportRequest request,
                       BuildGetReportRequest(args));
  OGI_ASSIGN_OR_RETURN(
      v1::Report report,
      UnaryCall(options, stub, &v1::ReportService::StubInterface::GetReport,
                request));
  return report;
}

absl::Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file.is_open()) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot write \"", path, "\": ", std::strerror(errno)));
  }
  file << content;
  file.close();
  if (!file) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot write \"", path, "\""));
  }
  return absl::OkStatus();
}

// The format a file name's extension names: .html/.htm, .csv, .json,
// .md/.markdown; REPORT_FORMAT_UNSPECIFIED for any other (or none).
v1::ReportFormat FormatOfExtension(absl::string_view path) {
  const size_t slash = path.find_last_of('/');
  const absl::string_view name =
      slash == absl::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == absl::string_view::npos || dot == 0) {
    return v1::REPORT_FORMAT_UNSPECIFIED;
  }
  const std::string extension = absl::AsciiStrToLower(name.substr(dot + 1));
  if (extension == "html" || extension == "htm") return v1::REPORT_FORMAT_HTML;
  if (extension == "csv") return v1::REPORT_FORMAT_CSV;
  if (extension == "json") return v1::REPORT_FORMAT_JSON;
  if (extension == "md" || extension == "markdown") {
    return v1::REPORT_FORMAT_MARKDOWN;
  }
  return v1::REPORT_FORMAT_UNSPECIFIED;
}

std::string FormatName(v1::ReportFormat format) {
  return EnumIdentifier(v1::ReportFormat_descriptor(), format);
}

// The document as written: CSV in the --encoding asked for (utf-8 keeps the
// server's bytes, byte order mark included; gb18030 drops the mark, which
// that encoding does not use, and converts).
absl::StatusOr<std::string> Encoded(const ParsedArgs& args,
                                    const std::string& content) {
  if (absl::AsciiStrToLower(args.Get("encoding", "utf-8")) != "gb18030") {
    return content;
  }
  return Utf8ToGb18030(absl::StripPrefix(content, "\xEF\xBB\xBF"), "encoding");
}

// The keys and titles of the prose sections of `prose` that are empty (only
// white space) and that a lock refuses unless allowed: 一, 五, 六 (the
// preface has a default).
std::vector<std::pair<std::string, std::string>> EmptySections(
    const v1::ReportProse& prose) {
  std::vector<std::pair<std::string, std::string>> empty;
  for (const ProseSection& section : kProseSections) {
    if (section.key == "preface") continue;
    v1::ReportProse copy = prose;
    if (absl::StripAsciiWhitespace(*(copy.*(section.field))()).empty()) {
      empty.emplace_back(section.key, section.title);
    }
  }
  return empty;
}

// FAILED_PRECONDITION when `report` cannot be locked: a check fails, or a
// section is empty that `allowed` does not list (the message names each and
// the --allow-empty that would allow it). Said before asking for
// confirmation; the server checks the same again.
absl::Status CheckLockable(const v1::Report& report,
                           const std::vector<std::string>& allowed) {
  int failed = 0;
  for (const v1::ReportCheck& check : report.checks()) failed += !check.ok();
  if (failed > 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        report.year(), " 年度报告有 ", failed,
        " 项校验未通过，不能锁定；见 ogi report check ", report.year()));
  }
  std::vector<std::string> titles;
  std::vector<std::string> flags;
  for (const auto& [key, title] : EmptySections(report.prose())) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
      continue;
    }
    titles.push_back(title);
    flags.push_back(absl::StrCat("--allow-empty ", key));
  }
  if (titles.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "--allow-empty: ", report.year(), " 年度报告的章节为空，未锁定：",
      absl::StrJoin(titles, "、"), "；请先用 ogi report text set 填写，或加 ",
      absl::StrJoin(flags, " "), " 明确允许留空"));
}

absl::Status Verdict(const v1::Report& report) {
  return ReportPasses(report) ? absl::OkStatus()
                              : ChecksFailedStatus(ReportWarning(report));
}

}  // namespace

std::vector<CommandSpec> ReportCommandSpecs() {
  std::vector<CommandSpec> specs = ReportPublicationCommandSpecs();
  for (CommandSpec& spec : ReportEntryCommandSpecs()) {
    specs.push_back(std::move(spec));
  }
  return specs;
}

std::vector<CommandSpec> ReportPublicationCommandSpecs() {
  const FlagSpec agencies = {
      "agency", "CODE", "agency to report on; repeat for a consolidated report",
      /*repeated=*/true};
  const std::string year_note =
      "Exit code 3: the report fails its checks (an identity such as "
      "一+二=三（七）+四\ndoes not hold, or a case cannot be counted).\n";
  return {
      CommandSpec{
          {"report", "show"},
          {"YEAR"},
          false,
          "The annual report (政府信息公开工作年度报告) of a year.",
          absl::StrCat(
              "Prints the document as the server renders it: text (default), "
              "csv, json,\nmarkdown or html (the complete six-section "
              "document, ready to publish).\nWith -o FILE the document goes to "
              "FILE and one line says where.\n\n不给 --format 时，-o "
              "文件的扩展名决定格式：.html/.htm、.csv、.json、\n.md/"
              ".markdown；与扩展名矛盾的 --format（或 --json）被拒绝（退出码 "
              "2）；\n其他扩展名（如 .txt）或没有扩展名仍按默认的 text。\nCSV "
              "为带 BOM 的 UTF-8，Excel 可直接打开；--encoding gb18030 改为 GB "
              "18030 编码。\n\n",
              year_note,
              "The document is printed (or written) all the same and a warning "
              "goes to\nstderr; \"ogi report check\" says what is wrong.\n"),
          {agencies,
           {"format", "FORMAT",
            EnumHelp("document format (default text)",
                     v1::ReportFormat_descriptor())},
           {"output", "FILE",
            "write the document to FILE (its extension picks the format when "
            "--format is not given)",
            false, 'o'},
           {"encoding", "ENCODING",
            "CSV 的字符编码：utf-8（默认，带 BOM）或 gb18030（只用于 csv）"}}}
          .Runs(Handler(&RunReportShow, &ServiceStubs::Reports)),
      CommandSpec{
          {"report", "check"},
          {"YEAR"},
          false,
          "Check a year's report: its identities and the cases it cannot "
          "count.",
          absl::StrCat("Prints each check (✓/✗) with its numbers and, for a "
                       "failure, the cases\ninvolved; the cases that cannot be "
                       "counted, with the reason; for a locked\nyear the lock "
                       "and every cell the records have changed since.\n\n",
                       year_note),
          {agencies}}
          .Runs(Handler(&RunReportCheck, &ServiceStubs::Reports)),
      CommandSpec{
          {"report", "cell"},
          {"YEAR", "ROW", "COLUMN"},
          false,
          "The cases behind one number of the report.",
          "ROW and COLUMN are keys of the tables:\n  table 二 rows rules, "
          "normative_documents (columns issued, repealed, in_force),\n    "
          "licensing, penalty, enforcement (decisions), fees (amount);\n  "
          "table 三 rows new, carried_in, an outcome (disclosed, "
          "unavailable_not_held, ...),\n    concluded_total, carried_out; "
          "columns natural_person, ..., other_organization,\n    total;\n  "
          "table 四 rows review, direct_suit, suit_after_review; columns "
          "upheld,\n    corrected, other, pending, total.\nExample: ogi report "
          "cell 2022 disclosed natural_person\n",
          {agencies}}
          .Runs(Handler(&RunReportCell, &ServiceStubs::Reports)),
      CommandSpec{
          {"report", "lock"},
          {"YEAR"},
          false,
          "Lock a year's report as published (content hash, who, when).",
          "Later generations keep the locked numbers and show every cell that "
          "later\nentries or corrections changed. A year is locked "
          "once."
          "\n\n锁定前先列出将要冻结的内容（年度、机关、主要合计数、内容哈希、留"
          "空的章节），\n在终端上要求确认；--yes "
          "跳过确认（脚本中必须给出）。一、五、六节为空时拒绝锁定，\n除非用 "
          "--allow-empty SECTION "
          "明确允许（可重复）。若确认后数字有变化，锁定被拒绝。\n",
          {{"yes", "", "不再询问，直接锁定", false, 'y'},
           FlagSpec{
               "allow-empty", "SECTION",
               "允许该章节为空：overview、problems 或 other_matters（可重复）",
               /*repeated=*/true}
               .Fills({"allow_empty_sections"})}}
          .Runs([](const CommandContext& c) {
            return RunReportLock(c.args, c.options, c.env, c.stubs->Reports(),
                                 c.in, c.out, c.err);
          }),
  };
}

absl::StatusOr<v1::GetReportRequest> BuildGetReportRequest(
    const ParsedArgs& args) {
  v1::GetReportRequest request;
  OGI_ASSIGN_OR_RETURN(const int32_t year, YearArgument(args));
  request.set_year(year);
  OGI_ASSIGN_OR_RETURN(const std::vector<std::string> codes, AgencyCodes(args));
  for (const std::string& code : codes) request.add_agency_codes(code);
  return request;
}

absl::StatusOr<v1::RenderReportRequest> BuildRenderReportRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(const v1::GetReportRequest report,
                       BuildGetReportRequest(args));
  v1::RenderReportRequest request;
  request.set_year(report.year());
  *request.mutable_agency_codes() = report.agency_codes();
  // The format asked for in so many words: --format, else --json.
  v1::ReportFormat asked =
      options.json ? v1::REPORT_FORMAT_JSON : v1::REPORT_FORMAT_UNSPECIFIED;
  std::string asked_by = options.json ? "--json" : "";
  if (args.Has("format")) {
    OGI_ASSIGN_OR_RETURN(
        const v1::ReportFormat format,
        ParseEnumFlag<v1::ReportFormat>(args.Get("format"), "format"));
    if (options.json && format != v1::REPORT_FORMAT_JSON) {
      return UsageError("--format: only json with --json");
    }
    asked = format;
    asked_by = absl::StrCat("--format ", FormatName(format));
  }
  const std::string output = args.Get("output");
  const v1::ReportFormat by_extension = FormatOfExtension(output);
  if (asked != v1::REPORT_FORMAT_UNSPECIFIED &&
      by_extension != v1::REPORT_FORMAT_UNSPECIFIED && asked != by_extension) {
    return UsageError(absl::StrCat(
        options.json && !args.Has("format") ? "--json: " : "--format: ",
        asked_by, " 与 --output 文件 ", output, " 的扩展名（",
        FormatName(by_extension), "）矛盾；去掉其中之一，或使两者一致"));
  }
  request.set_format(asked != v1::REPORT_FORMAT_UNSPECIFIED ? asked
                     : by_extension != v1::REPORT_FORMAT_UNSPECIFIED
                         ? by_extension
                         : v1::REPORT_FORMAT_TEXT);
  if (args.Has("encoding")) {
    const std::string encoding = absl::AsciiStrToLower(args.Get("encoding"));
    if (encoding != "utf-8" && encoding != "utf8" && encoding != "gb18030") {
      return UsageError(absl::StrCat("--encoding: 未知的编码“",
                                     args.Get("encoding"),
                                     "”；可以是 utf-8 或 gb18030"));
    }
    if (encoding == "gb18030" && request.format() != v1::REPORT_FORMAT_CSV) {
      return UsageError(
          absl::StrCat("--encoding: gb18030 只用于 csv 格式（现在是 ",
                       FormatName(request.format()), "）"));
    }
  }
  return request;
}

absl::StatusOr<v1::GetCellRequest> BuildGetCellRequest(const ParsedArgs& args) {
  OGI_ASSIGN_OR_RETURN(const v1::GetReportRequest report,
                       BuildGetReportRequest(args));
  v1::GetCellRequest request;
  request.set_year(report.year());
  *request.mutable_agency_codes() = report.agency_codes();
  const std::string row = absl::AsciiStrToLower(args.positionals().at(1));
  const auto in = [&row](const auto& keys) {
    return std::find(std::begin(keys), std::end(keys), row) != std::end(keys);
  };
  v1::CellAddress& cell = *request.mutable_cell();
  cell.set_table(in(kTable2Rows) ? 2 : in(kTable4Rows) ? 4 : 3);
  cell.set_row(args.positionals().at(1));
  cell.set_column(args.positionals().at(2));
  return request;
}

absl::StatusOr<v1::LockReportRequest> BuildLockReportRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::LockReportRequest request;
  OGI_ASSIGN_OR_RETURN(const int32_t year, YearArgument(args));
  request.set_year(year);
  request.set_agency_code(options.agency);
  for (const std::string& key : args.GetAll("allow-empty")) {
    if (key != "overview" && key != "problems" && key != "other_matters") {
      return UsageError(
          absl::StrCat("--allow-empty: 未知的章节“", key,
                       "”；可以是 overview、problems、other_matters"));
    }
    request.add_allow_empty_sections(key);
  }
  return request;
}

absl::Status RunReportShow(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ReportService::StubInterface& stub,
                           std::ostream& out, std::ostream& err) {
  OGI_ASSIGN_OR_RETURN(const v1::RenderReportRequest request,
                       BuildRenderReportRequest(args, options));
  if (args.Has("output") && args.Get("output").empty()) {
    return UsageError("--output: must not be empty");
  }
  OGI_ASSIGN_OR_RETURN(
      v1::RenderedReport rendered,
      UnaryCall(options, stub, &v1::ReportService::StubInterface::RenderReport,
                request));
  OGI_ASSIGN_OR_RETURN(const std::string content,
                       Encoded(args, rendered.content()));
  if (args.Has("output")) {
    const std::string path = args.Get("output");
    OGI_RETURN_IF_ERROR(WriteFile(path, content));
    out << request.year() << " 年度报告（" << FormatName(request.format())
        << "，" << content.size() << " 字节）已写入 " << path << '\n';
  } else {
    out << content;
  }
  WarnOverrides(rendered.report().table2(), request.year(), err);
  return Verdict(rendered.report());
}

absl::Status RunReportCheck(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ReportService::StubInterface& stub,
                            std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::Report report, GetReport(args, options, stub));
  if (options.json) {
    OGI_RETURN_IF_ERROR(WriteJson(report, out));
  } else {
    RenderReportChecks(report, options.color, out);
  }
  return Verdict(report);
}

absl::Status RunReportCell(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ReportService::StubInterface& stub,
                           std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::GetCellRequest request,
                       BuildGetCellRequest(args));
  OGI_ASSIGN_OR_RETURN(
      v1::GetCellResponse response,
      UnaryCall(options, stub, &v1::ReportService::StubInterface::GetCell,
                request));
  if (options.json) return WriteJson(response, out);
  RenderCell(request.year(), request.cell(), response, options.color, out);
  return absl::OkStatus();
}

absl::Status RunReportLock(const ParsedArgs& args, const GlobalOptions& options,
                           const Environment& env,
                           v1::ReportService::StubInterface& stub,
                           std::istream& in, std::ostream& out,
                           std::ostream& err) {
  OGI_ASSIGN_OR_RETURN(v1::LockReportRequest request,
                       BuildLockReportRequest(args, options));
  const bool yes = args.Get("yes") == "true";
  if (!yes && !env.stdin_is_tty) {
    return UsageError(
        absl::StrCat("--yes: 锁定须经确认，不在终端上运行时请加 --yes（可先用 "
                     "ogi report check ",
                     request.year(), " 查看将要锁定的内容）"));
  }
  OGI_ASSIGN_OR_RETURN(const v1::Report preview,
                       GetAgencyReport(request.year(), options, stub));
  if (preview.has_lock()) {
    return absl::FailedPreconditionError(
        absl::StrCat(request.year(), " 年度报告已于 ",
                     FormatChinaTime(preview.lock().locked_at()), " 由 ",
                     preview.lock().locked_by(), " 锁定，不能再次锁定"));
  }
  const std::vector<std::string> allowed(request.allow_empty_sections().begin(),
                                         request.allow_empty_sections().end());
  OGI_RETURN_IF_ERROR(CheckLockable(preview, allowed));
  request.set_expected_content_hash(preview.content_hash());
  std::vector<std::string> left_empty;
  for (const auto& [key, title] : EmptySections(preview.prose())) {
    left_empty.push_back(absl::StrCat(title, "（--allow-empty ", key, "）"));
  }
  if (yes) {
    // With --json stdout carries the locked report alone.
    std::ostream& to = options.json ? err : out;
    RenderLockPreview(preview, left_empty, to);
    to << '\n';
  } else {
    RenderLockPreview(preview, left_empty, err);
    err << "确认锁定？输入 yes 确认，其他任何输入取消：" << std::flush;
    std::string answer;
    std::getline(in, answer);
    answer = std::string(absl::StripAsciiWhitespace(answer));
    if (absl::AsciiStrToLower(answer) != "yes" &&
        absl::AsciiStrToLower(answer) != "y" && answer != "是") {
      return absl::CancelledError(
          absl::StrCat("未确认，", request.year(), " 年度报告没有锁定"));
    }
  }
  OGI_ASSIGN_OR_RETURN(
      v1::Report report,
      UnaryCall(options, stub, &v1::ReportService::StubInterface::LockReport,
                request));
  if (options.json) return WriteJson(report, out);
  RenderLock(report, options.color, out);
  return absl::OkStatus();
}

}  // namespace ogi::cli
