#include "cli/report_commands.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "cli/flag_values.h"
#include "cli/paged_list.h"
#include "cli/render.h"
#include "cli/report_text.h"
#include "cli/text_encoding.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

constexpr int32_t kMinYear = 1900;
constexpr int32_t kMaxYear = 9999;
// 行政事业性收费 is printed in 万元 with at most four decimal places (one
// yuan).
constexpr size_t kMaxFeeDecimals = 4;

// Row keys of tables 二 and 四 (report.proto CellAddress); every other row
// key belongs to table 三.
constexpr absl::string_view kTable2Rows[] = {
    "rules",   "normative_documents", "licensing",
    "penalty", "enforcement",         "fees"};
constexpr absl::string_view kTable4Rows[] = {"review", "direct_suit",
                                             "suit_after_review"};

// One figure flag of `ogi report figures set`: its spec, how it sets its
// Table2 field and that field's path (for SetFiguresRequest.update_mask).
struct FigureFlag {
  FlagSpec spec;
  std::function<void(v1::Table2&, int64_t)> set;
  absl::string_view path;
};

const std::vector<FigureFlag>& FigureFlags() {
  static const auto* const kFlags = new std::vector<FigureFlag>{
      {{"rules-issued", "N", "规章 本年制发件数"},
       [](v1::Table2& t, int64_t n) { t.mutable_rules()->set_issued(n); },
       "rules.issued"},
      {{"rules-repealed", "N", "规章 本年废止件数"},
       [](v1::Table2& t, int64_t n) { t.mutable_rules()->set_repealed(n); },
       "rules.repealed"},
      {{"rules-in-force", "N", "规章 现行有效件数"},
       [](v1::Table2& t, int64_t n) { t.mutable_rules()->set_in_force(n); },
       "rules.in_force"},
      {{"normative-issued", "N", "行政规范性文件 本年制发件数"},
       [](v1::Table2& t, int64_t n) {
         t.mutable_normative_documents()->set_issued(n);
       },
       "normative_documents.issued"},
      {{"normative-repealed", "N", "行政规范性文件 本年废止件数"},
       [](v1::Table2& t, int64_t n) {
         t.mutable_normative_documents()->set_repealed(n);
       },
       "normative_documents.repealed"},
      {{"normative-in-force", "N", "行政规范性文件 现行有效件数"},
       [](v1::Table2& t, int64_t n) {
         t.mutable_normative_documents()->set_in_force(n);
       },
       "normative_documents.in_force"},
      {{"licensing", "N", "行政许可 本年处理决定数量"},
       [](v1::Table2& t, int64_t n) { t.set_licensing_decisions(n); },
       "licensing_decisions"},
      {{"penalty", "N", "行政处罚 本年处理决定数量"},
       [](v1::Table2& t, int64_t n) { t.set_penalty_decisions(n); },
       "penalty_decisions"},
      {{"enforcement", "N", "行政强制 本年处理决定数量"},
       [](v1::Table2& t, int64_t n) { t.set_enforcement_decisions(n); },
       "enforcement_decisions"},
  };
  return *kFlags;
}

constexpr char kFeesFlag[] = "fees-wan-yuan";

// The sections of `ogi report text set` and the ReportProse field of each.
struct ProseSection {
  absl::string_view key;
  absl::string_view title;
  std::string* (v1::ReportProse::*field)();
};

constexpr ProseSection kProseSections[] = {
    {"preface", "前言", &v1::ReportProse::mutable_preface},
    {"overview", "一、总体情况", &v1::ReportProse::mutable_overview},
    {"problems", "五、存在的主要问题及改进情况",
     &v1::ReportProse::mutable_problems},
    {"other_matters", "六、其他需要报告的事项",
     &v1::ReportProse::mutable_other_matters},
};

absl::StatusOr<int32_t> YearArgument(const ParsedArgs& args) {
  return ParseIntValue(args.positionals().at(0), "YEAR", kMinYear, kMaxYear);
}

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

// A usage error unless `value` is a decimal >= 0 with at most four places
// ("12872.06", "0", "3.5").
absl::Status CheckWanYuan(absl::string_view value, absl::string_view flag) {
  const size_t point = value.find('.');
  const absl::string_view whole = value.substr(0, point);
  const absl::string_view fraction =
      point == absl::string_view::npos ? "" : value.substr(point + 1);
  const auto digits = [](absl::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), absl::ascii_isdigit);
  };
  if (!digits(whole) ||
      (point != absl::string_view::npos &&
       (!digits(fraction) || fraction.size() > kMaxFeeDecimals))) {
    return UsageError(absl::StrCat(
        FlagName(flag), ": \"", value,
        "\" is not an amount in 万元 (digits, at most four decimal places, "
        "e.g. 12872.06)"));
  }
  return absl::OkStatus();
}

template <typename Request, typename Response>
using ReportMethod = grpc::Status (v1::ReportService::StubInterface::*)(
    grpc::ClientContext*, const Request&, Response*);

// Calls `method` once through PrepareContext.
template <typename Request, typename Response>
absl::Status Call(ReportMethod<Request, Response> method,
                  const Request& request, const GlobalOptions& options,
                  v1::ReportService::StubInterface& stub, Response* response) {
  grpc::ClientContext context;
  PrepareContext(options, &context);
  const grpc::Status status = (stub.*method)(&context, request, response);
  if (!status.ok()) return RpcError(status, options.server);
  return absl::OkStatus();
}

// The whole register of the --agency (every page).
absl::StatusOr<v1::ListDocumentsResponse> ListAllDocuments(
    const GlobalOptions& options, v1::ReportService::StubInterface& stub) {
  v1::ListDocumentsRequest request;
  request.set_agency_code(options.agency);
  return FetchAllPages<v1::ListDocumentsResponse>(
      options, request,
      [&](grpc::ClientContext* context, const v1::ListDocumentsRequest& page,
          v1::ListDocumentsResponse* response) {
        return stub.ListDocuments(context, page, response);
      });
}

// The report of YEAR for the --agency flags.
absl::StatusOr<v1::Report> GetReport(const ParsedArgs& args,
                                     const GlobalOptions& options,
                                     v1::ReportService::StubInterface& stub) {
  OGI_ASSIGN_OR_RETURN(const v1::GetReportRequest request,
                       BuildGetReportRequest(args));
  v1::Report report;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::GetReport,
                           request, options, stub, &report));
  return report;
}

// The report of `year` for the global --agency (empty: the server's agency):
// where table 二's figures are read.
absl::StatusOr<v1::Report> GetAgencyReport(
    int32_t year, const GlobalOptions& options,
    v1::ReportService::StubInterface& stub) {
  v1::GetReportRequest request;
  request.set_year(year);
  if (!options.agency.empty()) request.add_agency_codes(options.agency);
  v1::Report report;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::GetReport,
                           request, options, stub, &report));
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

// The flags of the first block's sources and the rows they choose for.
constexpr char kSourceFlag[] = "source";
constexpr char kRulesSourceFlag[] = "rules-source";
constexpr char kNormativeSourceFlag[] = "normative-source";

// auto, register or entered as a DocumentCountSource; usage error naming
// `flag` otherwise.
absl::StatusOr<v1::DocumentCountSource> ParseSource(absl::string_view value,
                                                    absl::string_view flag) {
  const std::string lower = absl::AsciiStrToLower(value);
  if (lower == "auto") return v1::DOCUMENT_COUNT_SOURCE_UNSPECIFIED;
  if (lower == "register") return v1::DOCUMENT_COUNT_SOURCE_REGISTER;
  if (lower == "entered") return v1::DOCUMENT_COUNT_SOURCE_ENTERED;
  return UsageError(absl::StrCat(FlagName(flag), ": 未知的来源“", value,
                                 "”；可以是 auto、register、entered"));
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

// One warning line per table-二 figure the register count overrode.
void WarnOverrides(const v1::Table2& table2, int32_t year, std::ostream& err) {
  for (const std::string& line : OverrideWarnings(table2, year)) {
    err << "ogi: 警告：" << line << '\n';
  }
}

absl::Status Verdict(const v1::Report& report) {
  return ReportPasses(report) ? absl::OkStatus()
                              : ChecksFailedStatus(ReportWarning(report));
}

}  // namespace

std::vector<CommandSpec> ReportCommandSpecs() {
  const FlagSpec agencies = {
      "agency", "CODE", "agency to report on; repeat for a consolidated report",
      /*repeated=*/true};
  const std::string year_note =
      "Exit code 3: the report fails its checks (an identity such as "
      "一+二=三（七）+四\ndoes not hold, or a case cannot be counted).\n";
  std::vector<FlagSpec> figure_flags;
  for (const FigureFlag& flag : FigureFlags()) {
    figure_flags.push_back(flag.spec);
  }
  figure_flags.push_back(
      {kFeesFlag, "DECIMAL",
       "行政事业性收费 本年收费金额 in 万元, e.g. 12872.06"});
  figure_flags.push_back(
      {kSourceFlag, "SOURCE",
       "规章和行政规范性文件两行的来源：auto、register 或 entered"});
  figure_flags.push_back({kRulesSourceFlag, "SOURCE",
                          "规章一行的来源：auto、register 或 entered"});
  figure_flags.push_back(
      {kNormativeSourceFlag, "SOURCE",
       "行政规范性文件一行的来源：auto、register 或 entered"});
  return {
      {{"report", "show"},
       {"YEAR"},
       false,
       "The annual report (政府信息公开工作年度报告) of a year.",
       absl::StrCat(
           "Prints the document as the server renders it: text (default), "
           "csv, json,\nmarkdown or html (the complete six-section document, "
           "ready to publish).\nWith -o FILE the document goes to FILE and one "
           "line says where.\n\n"
           "不给 --format 时，-o 文件的扩展名决定格式：.html/.htm、.csv、"
           ".json、\n.md/.markdown；与扩展名矛盾的 --format（或 --json）被拒绝"
           "（退出码 2）；\n其他扩展名（如 .txt）或没有扩展名仍按默认的 "
           "text。\n"
           "CSV 为带 BOM 的 UTF-8，Excel 可直接打开；--encoding gb18030 改为 "
           "GB 18030 编码。\n\n",
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
         "CSV 的字符编码：utf-8（默认，带 BOM）或 gb18030（只用于 csv）"}}},
      {{"report", "check"},
       {"YEAR"},
       false,
       "Check a year's report: its identities and the cases it cannot count.",
       absl::StrCat(
           "Prints each check (✓/✗) with its numbers and, for a failure, the "
           "cases\ninvolved; the cases that cannot be counted, with the "
           "reason; for a locked\nyear the lock and every cell the records "
           "have changed since.\n\n",
           year_note),
       {agencies}},
      {{"report", "cell"},
       {"YEAR", "ROW", "COLUMN"},
       false,
       "The cases behind one number of the report.",
       "ROW and COLUMN are keys of the tables:\n"
       "  table 二 rows rules, normative_documents (columns issued, repealed, "
       "in_force),\n    licensing, penalty, enforcement (decisions), fees "
       "(amount);\n"
       "  table 三 rows new, carried_in, an outcome (disclosed, "
       "unavailable_not_held, ...),\n    concluded_total, carried_out; "
       "columns natural_person, ..., other_organization,\n    total;\n"
       "  table 四 rows review, direct_suit, suit_after_review; columns "
       "upheld,\n    corrected, other, pending, total.\n"
       "Example: ogi report cell 2022 disclosed natural_person\n",
       {agencies}},
      {{"report", "lock"},
       {"YEAR"},
       false,
       "Lock a year's report as published (content hash, who, when).",
       "Later generations keep the locked numbers and show every cell that "
       "later\nentries or corrections changed. A year is locked once.\n\n"
       "锁定前先列出将要冻结的内容（年度、机关、主要合计数、内容哈希、留空的"
       "章节），\n在终端上要求确认；--yes 跳过确认（脚本中必须给出）。"
       "一、五、六节为空时拒绝锁定，\n除非用 --allow-empty SECTION 明确允许"
       "（可重复）。若确认后数字有变化，锁定被拒绝。\n",
       {{"yes", "", "不再询问，直接锁定", false, 'y'},
        FlagSpec{
            "allow-empty", "SECTION",
            "允许该章节为空：overview、problems 或 other_matters（可重复）",
            /*repeated=*/true}
            .Fills({"allow_empty_sections"})}},
      {{"report", "figures", "set"},
       {"YEAR"},
       false,
       "Enter table 二's figures (主动公开) for a year.",
       "Figures not given keep their current values. Counts are whole "
       "numbers >= 0.\n\n"
       "规章和行政规范性文件两行的来源（--source 两行都设，--rules-source、"
       "\n--normative-source 各设一行）：auto（默认）——登记簿中有该类文件时"
       "按登记簿统计，\n否则用输入的数字；register——总按登记簿统计；"
       "entered——总用输入的数字。\n来源与数字一起保存、按版本记录。"
       "登记簿的统计取代了输入的数字时，stderr 上会有警告。\n",
       figure_flags},
      {{"report", "figures", "show"},
       {"YEAR"},
       false,
       "Show table 二's figures for a year.",
       "报告采用的数字，每行的来源（登记簿或输入），以及被登记簿取代的输入数字"
       "。\n",
       {}},
      {{"report", "text", "set"},
       {"YEAR"},
       false,
       "Store the prose of the preface or of section 一, 五 or 六 of a year's "
       "report.",
       "Required: --section, and --text or --file (FILE \"-\" reads "
       "standard input),\nor --clear. The text replaces the section's earlier "
       "text; it must not be blank.\nOther sections are kept. --clear empties "
       "the section (the preface returns to its\ndefault).\n",
       {FlagSpec{"section", "SECTION",
                 "preface (前言：编制依据、统计期限、公开网址、咨询电话), "
                 "overview (一、总体情况), problems "
                 "(五、存在的主要问题及改进情况) or other_matters "
                 "(六、其他需要报告的事项；不提及收费时，系统在前面加上"
                 "信息处理费的统计句) (required)"}
            .Required(),
        FlagSpec{"text", "TEXT", "the text"}.Fills({"prose"}),
        {"file", "FILE", "read the text from FILE"},
        {"clear", "", "empty the section instead"}}},
      {{"report", "documents", "add"},
       {},
       false,
       "Register a rule (规章) or normative document (行政规范性文件).",
       "Required: --kind, --title and --issued. Once an agency registers "
       "documents,\ntable 二's first block is counted from its register.\n",
       {FlagSpec{
            "kind", "KIND",
            EnumHelp("what it is (required)", v1::DocumentKind_descriptor())}
            .Required(),
        FlagSpec{"title", "TEXT", "its title (required)"}.Required(),
        FlagSpec{"number", "TEXT",
                 "its document number (文号), e.g. 聊政办发〔2022〕1号"}
            .Fills({"document_number"}),
        FlagSpec{"issued", "DATE", "day it was issued (required)"}.Required()}},
      {{"report", "documents", "repeal"},
       {"ID"},
       false,
       "Record that a registered document was repealed.",
       "",
       {FlagSpec{"date", "DATE", "day it was repealed (required)"}
            .Required()
            .Fills({"repealed"})}},
      {{"report", "documents", "list"},
       {},
       false,
       "List the agency's register of rules and normative documents.",
       "",
       {}},
  };
}

absl::Status RunReportCommand(const std::string& name, const ParsedArgs& args,
                              const GlobalOptions& options,
                              const Environment& env,
                              v1::ReportService::StubInterface& stub,
                              std::istream& in, std::ostream& out,
                              std::ostream& err) {
  if (name == "report show")
    return RunReportShow(args, options, stub, out, err);
  if (name == "report lock") {
    return RunReportLock(args, options, env, stub, in, out, err);
  }
  if (name == "report figures set") {
    return RunReportFiguresSet(args, options, stub, out, err);
  }
  using Runner =
      absl::Status (*)(const ParsedArgs&, const GlobalOptions&,
                       v1::ReportService::StubInterface&, std::ostream&);
  static const auto* const kRunners = new std::map<std::string, Runner>{
      {"report check", &RunReportCheck},
      {"report cell", &RunReportCell},
      {"report figures show", &RunReportFiguresShow},
      {"report text set", &RunReportTextSet},
      {"report documents add", &RunReportDocumentsAdd},
      {"report documents repeal", &RunReportDocumentsRepeal},
      {"report documents list", &RunReportDocumentsList},
  };
  const auto it = kRunners->find(name);
  if (it == kRunners->end()) {
    return absl::InternalError(
        absl::StrCat("command \"", name, "\" has no implementation"));
  }
  return it->second(args, options, stub, out);
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

absl::StatusOr<v1::SetFiguresRequest> BuildSetFiguresRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::SetFiguresRequest request;
  OGI_ASSIGN_OR_RETURN(const int32_t year, YearArgument(args));
  request.set_year(year);
  request.set_agency_code(options.agency);
  v1::Table2& figures = *request.mutable_figures();
  // Each flag given names its field in the mask: the server changes exactly
  // those (a 0 included) and keeps every other figure as stored.
  google::protobuf::FieldMask& mask = *request.mutable_update_mask();
  const auto mark = [&mask](absl::string_view path) {
    for (const std::string& known : mask.paths()) {
      if (known == path) return;
    }
    mask.add_paths(std::string(path));
  };
  bool any = false;
  for (const auto& [flag, rules, normative] :
       {std::make_tuple(kSourceFlag, true, true),
        std::make_tuple(kRulesSourceFlag, true, false),
        std::make_tuple(kNormativeSourceFlag, false, true)}) {
    if (!args.Has(flag)) continue;
    OGI_ASSIGN_OR_RETURN(const v1::DocumentCountSource source,
                         ParseSource(args.Get(flag), flag));
    if (rules) {
      figures.set_rules_source(source);
      mark("rules_source");
    }
    if (normative) {
      figures.set_normative_documents_source(source);
      mark("normative_documents_source");
    }
    any = true;
  }
  for (const FigureFlag& flag : FigureFlags()) {
    if (!args.Has(flag.spec.name)) continue;
    OGI_ASSIGN_OR_RETURN(
        const int32_t value,
        ParseIntValue(args.Get(flag.spec.name), FlagName(flag.spec.name), 0,
                      std::numeric_limits<int32_t>::max()));
    flag.set(figures, value);
    mark(flag.path);
    any = true;
  }
  if (args.Has(kFeesFlag)) {
    const std::string fees = args.Get(kFeesFlag);
    OGI_RETURN_IF_ERROR(CheckWanYuan(fees, kFeesFlag));
    figures.set_fees_wan_yuan(fees);
    mark("fees_wan_yuan");
    any = true;
  }
  if (!any) {
    return UsageError(
        "没有给出任何数字或来源；例如 --licensing 32866（见 \"ogi report "
        "figures set --help\"）");
  }
  return request;
}

absl::StatusOr<v1::SetProseRequest> BuildSetProseRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::SetProseRequest request;
  OGI_ASSIGN_OR_RETURN(const int32_t year, YearArgument(args));
  request.set_year(year);
  request.set_agency_code(options.agency);
  const std::string key = args.Get("section");
  const ProseSection* section = nullptr;
  for (const ProseSection& s : kProseSections) {
    if (s.key == key) section = &s;
  }
  if (section == nullptr) {
    return UsageError(absl::StrCat(
        "--section: ",
        key.empty() ? "required" : absl::StrCat("\"", key, "\" is unknown"),
        "; one of: preface, overview, problems, other_matters"));
  }
  // Exactly this section changes; with --clear it becomes empty.
  request.mutable_update_mask()->add_paths(std::string(key));
  const bool clear = args.Get("clear") == "true";
  if (clear) {
    if (args.Has("text") || args.Has("file")) {
      return UsageError("--clear: 不能与 --text 或 --file 同时给出");
    }
    return request;
  }
  if (args.Has("text") == args.Has("file")) {
    return UsageError("--text: give either --text or --file (or --clear)");
  }
  std::string text;
  if (args.Has("text")) {
    text = args.Get("text");
  } else {
    OGI_ASSIGN_OR_RETURN(text, ReadInputFile(args.Get("file")));
  }
  if (absl::StripAsciiWhitespace(text).empty()) {
    return UsageError(absl::StrCat(args.Has("text") ? "--text" : "--file",
                                   ": the text must not be blank"));
  }
  *(request.mutable_prose()->*(section->field))() = std::move(text);
  return request;
}

absl::StatusOr<v1::RegisterDocumentRequest> BuildAddDocumentRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::RegisterDocumentRequest request;
  v1::RegisteredDocument& document = *request.mutable_document();
  document.set_agency_code(options.agency);
  OGI_ASSIGN_OR_RETURN(const v1::DocumentKind kind,
                       RequiredEnumFlag<v1::DocumentKind>(args, "kind"));
  document.set_kind(kind);
  OGI_ASSIGN_OR_RETURN(*document.mutable_title(),
                       RequiredTextFlag(args, "title"));
  document.set_document_number(args.Get("number"));
  OGI_ASSIGN_OR_RETURN(*document.mutable_issued(),
                       MandatoryDateFlag(args, "issued"));
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
  v1::RenderedReport rendered;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::RenderReport,
                           request, options, stub, &rendered));
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
  v1::GetCellResponse response;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::GetCell, request,
                           options, stub, &response));
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
    return UsageError(absl::StrCat(
        "--yes: 锁定须经确认，不在终端上运行时请加 --yes（可先用 ogi report "
        "check ",
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
  v1::Report report;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::LockReport,
                           request, options, stub, &report));
  if (options.json) return WriteJson(report, out);
  RenderLock(report, options.color, out);
  return absl::OkStatus();
}

absl::Status RunReportFiguresSet(const ParsedArgs& args,
                                 const GlobalOptions& options,
                                 v1::ReportService::StubInterface& stub,
                                 std::ostream& out, std::ostream& err) {
  // Only the figures given, by mask: nothing needs reading first, and a
  // count the register replaced never becomes an entered figure.
  OGI_ASSIGN_OR_RETURN(const v1::SetFiguresRequest request,
                       BuildSetFiguresRequest(args, options));
  v1::Table2 stored;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::SetFigures,
                           request, options, stub, &stored));
  WarnOverrides(stored, request.year(), err);
  if (options.json) return WriteJson(stored, out);
  out << request.year() << " 年表二数字已保存\n";
  RenderFigures(stored, options.color, out);
  return absl::OkStatus();
}

absl::Status RunReportFiguresShow(const ParsedArgs& args,
                                  const GlobalOptions& options,
                                  v1::ReportService::StubInterface& stub,
                                  std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const int32_t year, YearArgument(args));
  OGI_ASSIGN_OR_RETURN(const v1::Report report,
                       GetAgencyReport(year, options, stub));
  if (options.json) return WriteJson(report.table2(), out);
  RenderFigures(report.table2(), options.color, out);
  RenderOverrides(report.table2(), year, out);
  return absl::OkStatus();
}

absl::Status RunReportTextSet(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ReportService::StubInterface& stub,
                              std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::SetProseRequest request,
                       BuildSetProseRequest(args, options));
  v1::ReportProse stored;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::SetProse, request,
                           options, stub, &stored));
  if (options.json) return WriteJson(stored, out);
  for (const ProseSection& section : kProseSections) {
    if (section.key == args.Get("section")) {
      out << request.year() << " 年度报告 " << section.title
          << (args.Get("clear") == "true" ? " 已清空\n" : " 已保存\n");
    }
  }
  return absl::OkStatus();
}

absl::Status RunReportDocumentsAdd(const ParsedArgs& args,
                                   const GlobalOptions& options,
                                   v1::ReportService::StubInterface& stub,
                                   std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::RegisterDocumentRequest request,
                       BuildAddDocumentRequest(args, options));
  v1::RegisteredDocument stored;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::RegisterDocument,
                           request, options, stub, &stored));
  if (options.json) return WriteJson(stored, out);
  out << "已登记 " << stored.id() << "：" << stored.title()
      << (stored.document_number().empty()
              ? ""
              : absl::StrCat("（", stored.document_number(), "）"))
      << '\n';
  return absl::OkStatus();
}

absl::Status RunReportDocumentsRepeal(const ParsedArgs& args,
                                      const GlobalOptions& options,
                                      v1::ReportService::StubInterface& stub,
                                      std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const int32_t id,
                       ParseIntValue(args.positionals().at(0), "ID", 1,
                                     std::numeric_limits<int32_t>::max()));
  OGI_ASSIGN_OR_RETURN(const v1::Date repealed,
                       MandatoryDateFlag(args, "date"));
  OGI_ASSIGN_OR_RETURN(const v1::ListDocumentsResponse documents,
                       ListAllDocuments(options, stub));
  v1::RegisterDocumentRequest request;
  for (const v1::RegisteredDocument& document : documents.documents()) {
    if (document.id() == id) *request.mutable_document() = document;
  }
  if (request.document().id() != id) {
    return absl::NotFoundError(
        absl::StrCat("not found: document ", id, " is not in the register"));
  }
  // Only the repeal date, against the version read: a change made to the
  // entry meanwhile is refused (ABORTED), never overwritten.
  const v1::RegisteredDocument current = request.document();
  request.set_etag(current.etag());
  request.mutable_document()->Clear();
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_agency_code(current.agency_code());
  *request.mutable_document()->mutable_repealed() = repealed;
  request.mutable_update_mask()->add_paths("repealed");
  v1::RegisteredDocument stored;
  OGI_RETURN_IF_ERROR(Call(&v1::ReportService::StubInterface::RegisterDocument,
                           request, options, stub, &stored));
  if (options.json) return WriteJson(stored, out);
  out << "已记录废止 " << stored.id() << "：" << stored.title() << "，废止日期 "
      << args.Get("date") << '\n';
  return absl::OkStatus();
}

absl::Status RunReportDocumentsList(const ParsedArgs& args,
                                    const GlobalOptions& options,
                                    v1::ReportService::StubInterface& stub,
                                    std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::ListDocumentsResponse response,
                       ListAllDocuments(options, stub));
  if (options.json) return WriteJson(response, out);
  RenderDocuments(response, options.color, out);
  return absl::OkStatus();
}

}  // namespace ogi::cli
