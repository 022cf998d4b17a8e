#include "cli/report_commands.h"

// `ogi report figures|text|documents`: what goes into the annual report
// (table 二's figures, the prose sections, the register of documents). The
// contract is report_commands.h.

#include <algorithm>
#include <functional>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "cli/command_context.h"
#include "cli/flag_values.h"
#include "cli/paged_list.h"
#include "cli/render.h"
#include "cli/report_common.h"
#include "cli/report_text.h"
#include "cli/unary_call.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

// 行政事业性收费 is printed in 万元 with at most four decimal places (one
// yuan).
constexpr size_t kMaxFeeDecimals = 4;

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
    return UsageError(absl::StrCat(FlagName(flag), ": \"", value,
                                   "\" is not an amount in 万元 (digits, at "
                                   "most four decimal places, e.g. 12872.06)"));
  }
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

}  // namespace

std::vector<CommandSpec> ReportEntryCommandSpecs() {
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
      CommandSpec{
          {"report", "figures", "set"},
          {"YEAR"},
          false,
          "Enter table 二's figures (主动公开) for a year.",
          "Figures not given keep their current values. Counts are whole "
          "numbers >= 0.\n\n规章和行政规范性文件两行的来源（--source "
          "两行都设，--rules-source、\n--normative-source "
          "各设一行）：auto（默认）——登记簿中有该类文件时按登记簿统计，\n否则用"
          "输入的数字；register——总按登记簿统计；entered——总用输入的数字。\n来"
          "源与数字一起保存、按版本记录。登记簿的统计取代了输入的数字时，stderr"
          " 上会有警告。\n",
          figure_flags}
          .Runs(Handler(&RunReportFiguresSet, &ServiceStubs::Reports)),
      CommandSpec{{"report", "figures", "show"},
                  {"YEAR"},
                  false,
                  "Show table 二's figures for a year.",
                  "报告采用的数字，每行的来源（登记簿或输入），以及被登记簿取代"
                  "的输入数字。\n",
                  {}}
          .Runs(Handler(&RunReportFiguresShow, &ServiceStubs::Reports)),
      CommandSpec{
          {"report", "text", "set"},
          {"YEAR"},
          false,
          "Store the prose of the preface or of section 一, 五 or 六 of a "
          "year's report.",
          "Required: --section, and --text or --file (FILE \"-\" reads "
          "standard input),\nor --clear. The text replaces the section's "
          "earlier text; it must not be blank.\nOther sections are kept. "
          "--clear empties the section (the preface returns to "
          "its\ndefault).\n",
          {FlagSpec{"section", "SECTION",
                    "preface (前言：编制依据、统计期限、公开网址、咨询电话), "
                    "overview (一、总体情况), problems "
                    "(五、存在的主要问题及改进情况) or other_matters "
                    "(六、其他需要报告的事项；不提及收费时，系统在前面加上信息"
                    "处理费的统计句) (required)"}
               .Required(),
           FlagSpec{"text", "TEXT", "the text"}.Fills({"prose"}),
           {"file", "FILE", "read the text from FILE"},
           {"clear", "", "empty the section instead"}}}
          .Runs(Handler(&RunReportTextSet, &ServiceStubs::Reports)),
      CommandSpec{
          {"report", "documents", "add"},
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
           FlagSpec{"issued", "DATE", "day it was issued (required)"}
               .Required()}}
          .Runs(Handler(&RunReportDocumentsAdd, &ServiceStubs::Reports)),
      CommandSpec{{"report", "documents", "repeal"},
                  {"ID"},
                  false,
                  "Record that a registered document was repealed.",
                  "",
                  {FlagSpec{"date", "DATE", "day it was repealed (required)"}
                       .Required()
                       .Fills({"repealed"})}}
          .Runs(Handler(&RunReportDocumentsRepeal, &ServiceStubs::Reports)),
      CommandSpec{
          {"report", "documents", "list"},
          {},
          false,
          "List the agency's register of rules and normative documents.",
          "",
          {}}
          .Runs(Handler(&RunReportDocumentsList, &ServiceStubs::Reports)),
  };
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

absl::Status RunReportFiguresSet(const ParsedArgs& args,
                                 const GlobalOptions& options,
                                 v1::ReportService::StubInterface& stub,
                                 std::ostream& out, std::ostream& err) {
  // Only the figures given, by mask: nothing needs reading first, and a
  // count the register replaced never becomes an entered figure.
  OGI_ASSIGN_OR_RETURN(const v1::SetFiguresRequest request,
                       BuildSetFiguresRequest(args, options));
  OGI_ASSIGN_OR_RETURN(
      v1::Table2 stored,
      UnaryCall(options, stub, &v1::ReportService::StubInterface::SetFigures,
                request));
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
  OGI_ASSIGN_OR_RETURN(
      v1::ReportProse stored,
      UnaryCall(options, stub, &v1::ReportService::StubInterface::SetProse,
                request));
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
  OGI_ASSIGN_OR_RETURN(
      v1::RegisteredDocument stored,
      UnaryCall(options, stub,
                &v1::ReportService::StubInterface::RegisterDocument, request));
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
  OGI_ASSIGN_OR_RETURN(
      v1::RegisteredDocument stored,
      UnaryCall(options, stub,
                &v1::ReportService::StubInterface::RegisterDocument, request));
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
