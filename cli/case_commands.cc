#include "cli/case_commands.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/optional.h"
#include "cli/command_context.h"
#include "cli/deadline_text.h"
#include "cli/flag_values.h"
#include "cli/history_fields.h"
#include "cli/outcome_text.h"
#include "cli/paged_list.h"
#include "cli/proceeding_text.h"
#include "cli/render.h"
#include "cli/unary_call.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

using google::protobuf::EnumDescriptor;
using Values = std::vector<std::string>;

// Shown for a receipt date that waits for confirmation.
constexpr char kPendingConfirmation[] = "待确认";
// The applicant column of the list is cut to this many display columns.
constexpr size_t kListApplicantWidth = 24;
// The items column never shrinks below this, even if lines get longer.
constexpr size_t kListMinItemWidth = 20;

// A flag that sets one field of a Case, for create and update.
struct FieldFlag {
  FlagSpec spec;
  std::string mask_path;  // the field's path for UpdateCaseRequest.update_mask
  // Sets the field from the flag's values (never empty) on `c`. Usage error
  // naming `flag` when a value is malformed.
  absl::Status (*apply)(const Values& values, absl::string_view flag,
                        v1::Case* c);
};

// Sets an enum field of `*message` with `setter` from the last value.
template <typename Enum, typename Message>
absl::Status SetEnumField(const Values& values, absl::string_view flag,
                          void (Message::*setter)(Enum), Message* message) {
  OGI_ASSIGN_OR_RETURN(const Enum value,
                       ParseEnumFlag<Enum>(values.back(), flag));
  (message->*setter)(value);
  return absl::OkStatus();
}

absl::Status SetDateField(const Values& values, absl::string_view flag,
                          v1::Date* (v1::Case::*mutable_date)(),
                          void (v1::Case::*clear_date)(), v1::Case* c) {
  OGI_ASSIGN_OR_RETURN(const absl::optional<v1::Date> date,
                       ParseDateFlag(values.back(), flag));
  if (date.has_value()) {
    *(c->*mutable_date)() = *date;
  } else {
    (c->*clear_date)();
  }
  return absl::OkStatus();
}

const std::vector<FieldFlag>& FieldFlags() {
  static const auto* const kFlags = new std::vector<FieldFlag>{
      {{"applicant-name", "NAME", "applicant's name (person or organisation)"},
       "applicant.name",
       [](const Values& v, absl::string_view, v1::Case* c) {
         c->mutable_applicant()->set_name(v.back());
         return absl::OkStatus();
       }},
      {{"applicant-type", "TYPE",
        EnumHelp("applicant type", v1::ApplicantType_descriptor())},
       "applicant.type",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetEnumField(v, flag, &v1::Applicant::set_type,
                             c->mutable_applicant());
       }},
      {{"id-type", "TYPE",
        EnumHelp("identity document type", v1::IdDocumentType_descriptor())},
       "applicant.id_type",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetEnumField(v, flag, &v1::Applicant::set_id_type,
                             c->mutable_applicant());
       }},
      {{"id-number", "NUMBER", "identity document number"},
       "applicant.id_number",
       [](const Values& v, absl::string_view, v1::Case* c) {
         c->mutable_applicant()->set_id_number(v.back());
         return absl::OkStatus();
       }},
      {{"phone", "PHONE", "applicant's telephone"},
       "applicant.phone",
       [](const Values& v, absl::string_view, v1::Case* c) {
         c->mutable_applicant()->set_phone(v.back());
         return absl::OkStatus();
       }},
      {{"email", "ADDR", "applicant's e-mail address"},
       "applicant.email",
       [](const Values& v, absl::string_view, v1::Case* c) {
         c->mutable_applicant()->set_email(v.back());
         return absl::OkStatus();
       }},
      {{"address", "TEXT", "applicant's postal address"},
       "applicant.postal_address",
       [](const Values& v, absl::string_view, v1::Case* c) {
         c->mutable_applicant()->set_postal_address(v.back());
         return absl::OkStatus();
       }},
      {{"channel", "CHANNEL",
        EnumHelp("how the application arrived", v1::Channel_descriptor())},
       "channel",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetEnumField(v, flag, &v1::Case::set_channel, c);
       }},
      {{"received", "DATE",
        "arrival date YYYY-MM-DD (create: default today, China time)"},
       "arrival_date",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetDateField(v, flag, &v1::Case::mutable_arrival_date,
                             &v1::Case::clear_arrival_date, c);
       }},
      {{"confirmed", "DATE",
        "date the application was confirmed with the applicant (mail, online, "
        "fax, email)"},
       "confirmation_date",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetDateField(v, flag, &v1::Case::mutable_confirmation_date,
                             &v1::Case::clear_confirmation_date, c);
       }},
      {{"description", "TEXT", "one item of information requested",
        /*repeated=*/true},
       "items",
       [](const Values& v, absl::string_view, v1::Case* c) {
         c->clear_items();
         for (const std::string& text : v) {
           c->add_items()->set_description(text);
         }
         return absl::OkStatus();
       }},
      {{"form", "FORM",
        EnumHelp("form of the information", v1::RequestedForm_descriptor())},
       "requested_form",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetEnumField(v, flag, &v1::Case::set_requested_form, c);
       }},
      {{"delivery", "METHOD",
        EnumHelp("how the answer is delivered",
                 v1::DeliveryMethod_descriptor())},
       "delivery_method",
       [](const Values& v, absl::string_view flag, v1::Case* c) {
         return SetEnumField(v, flag, &v1::Case::set_delivery_method, c);
       }},
  };
  return *kFlags;
}

// Applies every field flag present in `args` to `c`; appends the mask paths of
// those flags to `paths` when not null.
absl::Status ApplyFieldFlags(const ParsedArgs& args, v1::Case* c,
                             std::vector<std::string>* paths) {
  for (const FieldFlag& field : FieldFlags()) {
    if (!args.Has(field.spec.name)) continue;
    OGI_RETURN_IF_ERROR(
        field.apply(args.GetAll(field.spec.name), field.spec.name, c));
    if (paths != nullptr) paths->push_back(field.mask_path);
  }
  return absl::OkStatus();
}

// The case card, or its JSON.
absl::Status WriteCase(const v1::Case& c, const GlobalOptions& options,
                       std::ostream& out) {
  if (options.json) return WriteJson(c, out);
  RenderCaseCard(c, options.color, out);
  return absl::OkStatus();
}

// Label for an optional enum: "" when unspecified.
std::string OptionalLabel(const EnumDescriptor* type, int number) {
  return number == 0 ? "" : EnumLabel(type, number);
}

std::string ReceiptDate(const v1::Case& c) {
  return c.has_receipt_date() && !IsUnset(c.receipt_date())
             ? FormatIsoDate(c.receipt_date())
             : kPendingConfirmation;
}

std::string OptionalDate(bool present, const v1::Date& date) {
  return present ? FormatIsoDate(date) : "";
}

// "1. first item\n2. second ..." with continuation lines of an item indented
// under its text and numbers right-aligned.
std::string NumberedItems(const v1::Case& c) {
  const size_t digits = absl::StrCat(c.items_size()).size();
  std::vector<std::string> lines;
  for (int i = 0; i < c.items_size(); ++i) {
    std::string number = absl::StrCat(i + 1, ".");
    number.insert(0, digits + 1 - number.size(), ' ');
    const std::string indent(number.size() + 1, ' ');
    bool first = true;
    for (absl::string_view line :
         absl::StrSplit(c.items(i).description(), '\n')) {
      lines.push_back(absl::StrCat(first ? number + " " : indent, line));
      first = false;
    }
  }
  return absl::StrJoin(lines, "\n");
}

// One line summing up a case's requested items for the list.
std::string ItemSummary(const v1::Case& c, size_t width) {
  if (c.items_size() == 0) return "";
  std::string first =
      absl::StrReplaceAll(c.items(0).description(), {{"\r", ""}, {"\n", " "}});
  absl::StripAsciiWhitespace(&first);
  std::string more;
  if (c.items_size() > 1) more = absl::StrCat("（共", c.items_size(), "项）");
  const size_t more_width = DisplayWidth(more);
  const size_t room = width > more_width ? width - more_width : 1;
  return TruncateToWidth(first, room) + more;
}

// The flags a new case cannot do without (the server refuses a case without
// them).
bool RequiredForCreate(absl::string_view flag) {
  return flag == "applicant-name" || flag == "applicant-type" ||
         flag == "channel" || flag == "description";
}

}  // namespace

std::vector<CommandSpec> CaseCommandSpecs() {
  std::vector<FlagSpec> field_flags;
  for (const FieldFlag& field : FieldFlags()) {
    // The field the flag sets is the one the server names in its errors;
    // an item's text comes back as items[N].description.
    std::vector<std::string> fields = {field.mask_path};
    if (field.mask_path == "items") fields.push_back("items.description");
    field_flags.push_back(field.spec.Fills(std::move(fields)));
  }
  std::vector<FlagSpec> update_flags = {
      FlagSpec{"reason", "TEXT", "why the record is corrected (required)"}
          .Required()};
  update_flags.insert(update_flags.end(), field_flags.begin(),
                      field_flags.end());
  update_flags.push_back(ExpectedVersionFlag());
  // case update changes at least one field.
  std::vector<std::string> field_names;
  for (const FieldFlag& field : FieldFlags()) {
    field_names.push_back(field.spec.name);
  }
  std::vector<FlagSpec> create_flags;
  for (const FlagSpec& flag : field_flags) {
    create_flags.push_back(RequiredForCreate(flag.name) ? flag.Required()
                                                        : flag);
  }
  create_flags.push_back(
      {"idempotency-key", "KEY",
       "makes a retry safe: the same KEY again prints the case it created "
       "instead of a new one (up to 128 printable ASCII characters)"});

  return {
      CommandSpec{
          {"case", "create"},
          {},
          false,
          "Log a new application; prints its case number.",
          "Required: --applicant-name, --applicant-type, --channel and at "
          "least one\n--description. --confirmed is for channels whose receipt "
          "date is the\nconfirmation (ordinary_mail, online, fax, "
          "email).\nWith --idempotency-key, running the same command again "
          "(e.g. after a lost\nconnection) prints the case the first run "
          "created; the same key with other\nflags is refused.\n",
          create_flags}
          .Runs(Handler(&RunCaseCreate, &ServiceStubs::Cases)),
      CommandSpec{{"case", "show"}, {"NUMBER"}, false, "Show one case.", "", {}}
          .Runs(Handler(&RunCaseShow, &ServiceStubs::Cases)),
      CommandSpec{
          {"case", "list"},
          {},
          false,
          "List cases, newest first.",
          "",
          {
              {"status", "STATUS",
               EnumHelp("only cases in this status",
                        v1::CaseStatus_descriptor())},
              {"applicant-type", "TYPE",
               EnumHelp("only this applicant type",
                        v1::ApplicantType_descriptor())},
              {"from", "DATE", "receipt date on or after DATE (YYYY-MM-DD)"},
              {"to", "DATE", "receipt date on or before DATE (YYYY-MM-DD)"},
              {"text", "TEXT", "text in the applicant's name or an item"},
              {"limit", "N", "cases per page (server default 50, at most 500)"},
              {"page-token", "TOKEN", "continue from a previous page"},
              {"all", "", "fetch every page"},
          }}
          .Runs(Handler(&RunCaseList, &ServiceStubs::Cases)),
      CommandSpec{{"case", "update"},
                  {"NUMBER"},
                  false,
                  "Correct recorded fields of a case (needs --reason).",
                  "Only the fields whose flags are given change; an empty text "
                  "or date clears\nthe field. --description may be repeated "
                  "and replaces all items.\nPrints the updated case.\n",
                  update_flags,
                  /*one_of=*/{field_names}}
          .Runs(Handler(&RunCaseUpdate, &ServiceStubs::Cases)),
      CommandSpec{{"case", "history"},
                  {"NUMBER"},
                  false,
                  "Show the recorded changes of a case, oldest first.",
                  "",
                  {}}
          .Runs(Handler(&RunCaseHistory, &ServiceStubs::Cases)),
  };
}

absl::StatusOr<v1::CreateCaseRequest> BuildCreateCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::CreateCaseRequest request;
  v1::Case* c = request.mutable_case_();
  c->set_agency_code(options.agency);
  OGI_RETURN_IF_ERROR(ApplyFieldFlags(args, c, nullptr));
  if (args.Has("idempotency-key")) {
    if (args.Get("idempotency-key").empty()) {
      return UsageError("--idempotency-key: 不能为空");
    }
    request.set_idempotency_key(args.Get("idempotency-key"));
  }
  return request;
}

absl::StatusOr<v1::ListCasesRequest> BuildListCasesRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::ListCasesRequest request;
  request.set_agency_code(options.agency);
  if (args.Has("status")) {
    OGI_ASSIGN_OR_RETURN(
        const v1::CaseStatus status,
        ParseEnumFlag<v1::CaseStatus>(args.Get("status"), "status"));
    request.set_status(status);
  }
  if (args.Has("applicant-type")) {
    OGI_ASSIGN_OR_RETURN(const v1::ApplicantType type,
                         ParseEnumFlag<v1::ApplicantType>(
                             args.Get("applicant-type"), "applicant-type"));
    request.set_applicant_type(type);
  }
  if (args.Has("from")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_received_from(),
                         RequiredDateFlag(args, "from"));
  }
  if (args.Has("to")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_received_to(),
                         RequiredDateFlag(args, "to"));
  }
  request.set_text(args.Get("text"));
  if (args.Has("limit")) {
    int32_t limit = 0;
    if (!absl::SimpleAtoi(args.Get("limit"), &limit) || limit <= 0) {
      return UsageError(
          absl::StrCat("--limit: \"", args.Get("limit"), "\" 不是正整数"));
    }
    request.set_page_size(limit);
  }
  request.set_page_token(args.Get("page-token"));
  return request;
}

absl::StatusOr<v1::UpdateCaseRequest> BuildUpdateCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::UpdateCaseRequest request;
  request.set_agency_code(options.agency);
  request.set_number(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(const int32_t expected_version,
                       ExpectedVersionValue(args));
  request.set_expected_version(expected_version);
  // The parser has checked that --reason is given, not blank.
  request.set_reason(args.Get("reason"));
  std::vector<std::string> paths;
  OGI_RETURN_IF_ERROR(ApplyFieldFlags(args, request.mutable_case_(), &paths));
  for (std::string& path : paths) {
    request.mutable_update_mask()->add_paths(std::move(path));
  }
  return request;
}

void RenderCaseCard(const v1::Case& c, bool color, std::ostream& out) {
  const v1::Applicant& a = c.applicant();
  Card card;
  card.Add("案件编号", c.number());
  card.Add("状态", EnumLabel(v1::CaseStatus_descriptor(), c.status()));
  card.Add("申请人", a.name());
  card.Add("申请人类型", EnumLabel(v1::ApplicantType_descriptor(), a.type()));
  card.AddIfPresent(
      "证件类型", OptionalLabel(v1::IdDocumentType_descriptor(), a.id_type()));
  card.AddIfPresent("证件号码", a.id_number());
  card.AddIfPresent("联系电话", a.phone());
  card.AddIfPresent("电子邮箱", a.email());
  card.AddIfPresent("通信地址", a.postal_address());
  card.Add("提交方式", EnumLabel(v1::Channel_descriptor(), c.channel()));
  card.AddIfPresent("到达日期",
                    OptionalDate(c.has_arrival_date(), c.arrival_date()));
  card.AddIfPresent("确认日期", OptionalDate(c.has_confirmation_date(),
                                             c.confirmation_date()));
  card.Add("收到申请日期", ReceiptDate(c));
  card.Add("所需信息", NumberedItems(c));
  card.AddIfPresent("获取方式", OptionalLabel(v1::RequestedForm_descriptor(),
                                              c.requested_form()));
  card.AddIfPresent("送达方式", OptionalLabel(v1::DeliveryMethod_descriptor(),
                                              c.delivery_method()));
  if (c.has_procedure()) AddProcedureLines(c.procedure(), &card);
  if (c.has_deadlines()) card.Add("答复期限", DeadlineLine(c.deadlines()));
  AddConclusionLines(c, &card);
  AddProceedingLines(c, &card);
  card.Add("版本", absl::StrCat(c.version()));
  card.AddIfPresent("登记时间", FormatChinaTime(c.created_at()));
  card.AddIfPresent("更新时间", FormatChinaTime(c.updated_at()));
  card.Render(out, color);
}

void RenderCaseTable(const std::vector<v1::Case>& cases, bool color,
                     std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (const v1::Case& c : cases) {
    rows.push_back({
        c.number(),
        EnumLabel(v1::CaseStatus_descriptor(), c.status()),
        TruncateToWidth(c.applicant().name(), kListApplicantWidth),
        EnumLabel(v1::ApplicantType_descriptor(), c.applicant().type()),
        ReceiptDate(c),
    });
  }
  const std::vector<std::string> headers = {"编号", "状态",     "申请人",
                                            "类型", "收到日期", "所需信息"};
  // The item summary gets whatever the other columns leave of kListWidth.
  size_t used = 0;
  for (size_t col = 0; col + 1 < headers.size(); ++col) {
    size_t width = DisplayWidth(headers[col]);
    for (const auto& row : rows)
      width = std::max(width, DisplayWidth(row[col]));
    used += width + 2;
  }
  const size_t item_width = used + kListMinItemWidth < kListWidth
                                ? kListWidth - used
                                : kListMinItemWidth;
  Table table(headers);
  for (size_t i = 0; i < cases.size(); ++i) {
    rows[i].push_back(ItemSummary(cases[i], item_width));
    table.AddRow(std::move(rows[i]));
  }
  table.Render(out, color);
}

namespace {

// "案件" for a read through GetCase ("case"), "历史" for ListCaseHistory
// ("history"); other views as they came.
std::string ReadViewLabel(const std::string& view) {
  if (view == "case") return "案件";
  if (view == "history") return "历史";
  return view;
}

}  // namespace

void RenderCaseHistory(const v1::ListCaseHistoryResponse& history,
                       const v1::ListCaseReadsResponse& reads, bool color,
                       std::ostream& out) {
  Table table({"序号", "时间", "操作", "操作人", "原因", "变更"});
  for (const v1::CaseEvent& event : history.events()) {
    std::vector<std::string> changes;
    for (const v1::FieldChange& change : event.changes()) {
      changes.push_back(
          absl::StrCat(FieldLabel(change.field()), ": ",
                       ChangeValue(change.field(), change.old_value()), " → ",
                       ChangeValue(change.field(), change.new_value())));
    }
    table.AddRow({absl::StrCat(event.sequence()),
                  FormatChinaTime(event.recorded_at()),
                  EnumLabel(v1::CaseEventType_descriptor(), event.type()),
                  event.actor(), event.reason(), absl::StrJoin(changes, "\n")});
  }
  table.Render(out, color);
  if (reads.reads().empty()) return;
  // Who saw the full record (personal data unmasked), apart from the events.
  out << '\n' << Bold("查阅记录", color) << '\n';
  Table read_table({"时间", "查阅人", "查看"});
  for (const v1::RecordRead& read : reads.reads()) {
    std::string reader = read.actor();
    if (!read.user_name().empty()) {
      reader = reader.empty()
                   ? read.user_name()
                   : absl::StrCat(reader, " (", read.user_name(), ")");
    }
    read_table.AddRow(
        {FormatChinaTime(read.read_at()), reader, ReadViewLabel(read.view())});
  }
  read_table.Render(out, color);
}

absl::Status RunCaseCreate(const ParsedArgs& args, const GlobalOptions& options,
                           v1::CaseService::StubInterface& stub,
                           std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::CreateCaseRequest request,
                       BuildCreateCaseRequest(args, options));
  OGI_ASSIGN_OR_RETURN(
      const v1::CreateCaseResponse response,
      UnaryCall(options, stub, &v1::CaseService::StubInterface::CreateCase,
                request));
  if (options.json) return WriteJson(response.case_(), out);
  out << response.case_().number() << '\n';
  return absl::OkStatus();
}

absl::StatusOr<v1::Case> FetchCase(const std::string& number,
                                   const GlobalOptions& options,
                                   v1::CaseService::StubInterface& stub) {
  v1::GetCaseRequest request;
  request.set_agency_code(options.agency);
  request.set_number(number);
  OGI_ASSIGN_OR_RETURN(
      v1::GetCaseResponse response,
      UnaryCall(options, stub, &v1::CaseService::StubInterface::GetCase,
                request));
  return std::move(*response.mutable_case_());
}

absl::Status RunCaseShow(const ParsedArgs& args, const GlobalOptions& options,
                         v1::CaseService::StubInterface& stub,
                         std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::Case c,
                       FetchCase(args.positionals().at(0), options, stub));
  return WriteCase(c, options, out);
}

absl::Status RunCaseList(const ParsedArgs& args, const GlobalOptions& options,
                         v1::CaseService::StubInterface& stub,
                         std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(v1::ListCasesRequest request,
                       BuildListCasesRequest(args, options));
  const bool fetch_all = args.Get("all") == "true";

  v1::ListCasesResponse all;
  std::set<std::string> tokens_seen;
  while (true) {
    OGI_ASSIGN_OR_RETURN(
        v1::ListCasesResponse page,
        UnaryCall(options, stub, &v1::CaseService::StubInterface::ListCases,
                  request));
    for (v1::Case& c : *page.mutable_cases()) {
      *all.add_cases() = std::move(c);
    }
    all.set_total_count(page.total_count());
    all.set_next_page_token(page.next_page_token());
    if (!fetch_all || page.next_page_token().empty()) break;
    if (!tokens_seen.insert(page.next_page_token()).second) {
      return absl::InternalError(
          absl::StrCat("服务器重复给出翻页标记 \"", page.next_page_token(),
                       "\"；已在 ", all.cases_size(), " 件后停止"));
    }
    request.set_page_token(page.next_page_token());
  }

  if (options.json) return WriteJson(all, out);
  if (all.cases_size() > 0) {
    RenderCaseTable({all.cases().begin(), all.cases().end()}, options.color,
                    out);
  }
  out << "共 " << all.total_count() << " 件\n";
  if (!all.next_page_token().empty()) {
    out << "下一页：加上 --page-token " << all.next_page_token()
        << " 再次运行（其他参数不变），或用 --all 列出全部\n";
  }
  return absl::OkStatus();
}

absl::Status RunCaseUpdate(const ParsedArgs& args, const GlobalOptions& options,
                           v1::CaseService::StubInterface& stub,
                           std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::UpdateCaseRequest request,
                       BuildUpdateCaseRequest(args, options));
  OGI_ASSIGN_OR_RETURN(
      const v1::UpdateCaseResponse response,
      UnaryCall(options, stub, &v1::CaseService::StubInterface::UpdateCase,
                request));
  return WriteCase(response.case_(), options, out);
}

absl::Status RunCaseHistory(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::CaseService::StubInterface& stub,
                            std::ostream& out) {
  v1::ListCaseHistoryRequest request;
  request.set_agency_code(options.agency);
  request.set_number(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(v1::ListCaseHistoryResponse history,
                       FetchAllPages<v1::ListCaseHistoryResponse>(
                           options, request,
                           [&](grpc::ClientContext* context,
                               const v1::ListCaseHistoryRequest& page,
                               v1::ListCaseHistoryResponse* response) {
                             return stub.ListCaseHistory(context, page,
                                                         response);
                           }));
  // The read log has its own paged call since the server pages lists.
  v1::ListCaseReadsRequest reads_request;
  reads_request.set_agency_code(options.agency);
  reads_request.set_number(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(const v1::ListCaseReadsResponse reads,
                       FetchAllPages<v1::ListCaseReadsResponse>(
                           options, reads_request,
                           [&](grpc::ClientContext* context,
                               const v1::ListCaseReadsRequest& page,
                               v1::ListCaseReadsResponse* response) {
                             return stub.ListCaseReads(context, page, response);
                           }));
  if (options.json) {
    // The shape --json always had: {"events": […], "reads": […]}. The reads
    // go into ListCaseHistoryResponse.reads through reflection, since that
    // field's accessors are deprecated (the server no longer fills it).
    const google::protobuf::FieldDescriptor* reads_field =
        history.GetDescriptor()->FindFieldByName("reads");
    for (const v1::RecordRead& read : reads.reads()) {
      history.GetReflection()
          ->AddMessage(&history, reads_field)
          ->CopyFrom(read);
    }
    return WriteJson(history, out);
  }
  RenderCaseHistory(history, reads, options.color, out);
  return absl::OkStatus();
}

}  // namespace ogi::cli
