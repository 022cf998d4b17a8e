#include "cli/history_fields.h"

#include <map>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/outcome.pb.h"
#include "ogi/v1/procedure.pb.h"
#include "ogi/v1/proceeding.pb.h"
#include "services/common/enum_names.h"

namespace ogi::cli {
namespace {

using google::protobuf::EnumDescriptor;
using LabelMap = std::map<std::string, std::string, std::less<>>;
using EnumMap = std::map<std::string, const EnumDescriptor*, std::less<>>;

constexpr char kEmptyValue[] = "（空）";

// Labels of the fields recorded once per case.
const LabelMap& CaseLabels() {
  static const auto* const kLabels = new LabelMap{
      {"applicant.name", "申请人"},
      {"applicant.type", "申请人类型"},
      {"applicant.id_type", "证件类型"},
      {"applicant.id_number", "证件号码"},
      {"applicant.phone", "联系电话"},
      {"applicant.email", "电子邮箱"},
      {"applicant.postal_address", "通信地址"},
      {"channel", "提交方式"},
      {"arrival_date", "到达日期"},
      {"confirmation_date", "确认日期"},
      {"receipt_date", "收到申请日期"},
      {"items", "所需信息"},
      {"requested_form", "获取方式"},
      {"delivery_method", "送达方式"},
      {"status", "状态"},
      {"procedure.correction.sent", "补正通知发出日期"},
      {"procedure.correction.items_to_supplement", "需补正内容"},
      {"procedure.correction.applicant_deadline", "补正期限"},
      {"procedure.correction.supplement_received", "收到补正日期"},
      {"procedure.fee.method", "收费方式"},
      {"procedure.fee.prior_applications_this_month", "当月此前申请件数"},
      {"procedure.fee.units", "计费件数"},
      {"procedure.fee.pages", "页数"},
      {"procedure.fee.amount_yuan", "收费金额（元）"},
      {"procedure.fee.served", "收费通知送达日期"},
      {"procedure.fee.paid", "缴费日期"},
      {"procedure.extension.working_days", "延长工作日"},
      {"procedure.extension.approver", "延期批准人"},
      {"procedure.extension.approved", "延期批准日期"},
      {"procedure.extension.notified", "延期告知日期"},
      {"procedure.deferral.new_due", "另行确定的答复期限"},
      {"procedure.deferral.notified", "另定期限告知日期"},
      {"procedure.deferral.reason", "另定期限理由"},
      {"deadlines.answer_due", "答复期限"},
      {"deadlines.correction_notice_due", "补正通知期限"},
      {"deadlines.window_end", "申请人期限"},
      {"deadlines.provisional", "期限暂定"},
      {"conclusion", "办理结果"},
      {"conclusion.kind", "办结方式"},
      {"conclusion.primary_item", "主要事项"},
      {"conclusion.derived_outcome", "计算结果"},
      {"conclusion.override_outcome", "调整结果"},
      {"conclusion.override_reason", "调整理由"},
      {"conclusion.outcome", "办理结果"},
      {"conclusion.legal_basis", "法律依据"},
      {"conclusion.not_held_reason", "不掌握原因"},
      {"conclusion.responsible_agency", "负责公开机关"},
      {"conclusion.provided_summary", "公开部分"},
      {"conclusion.withheld_summary", "不予公开部分"},
      {"conclusion.note", "办结说明"},
      {"conclusion.answer_date", "答复书日期"},
      {"conclusion.service_method", "答复送达方式"},
      {"conclusion.served", "答复送达日期"},
      {"conclusion.due_date", "办结时答复期限"},
      {"conclusion.served_late", "逾期送达"},
  };
  return *kLabels;
}

// Enum-valued fields recorded once per case.
const EnumMap& CaseEnums() {
  static const auto* const kEnums = new EnumMap{
      {"applicant.type", v1::ApplicantType_descriptor()},
      {"applicant.id_type", v1::IdDocumentType_descriptor()},
      {"channel", v1::Channel_descriptor()},
      {"requested_form", v1::RequestedForm_descriptor()},
      {"delivery_method", v1::DeliveryMethod_descriptor()},
      {"status", v1::CaseStatus_descriptor()},
      {"procedure.fee.method", v1::FeeMethod_descriptor()},
      {"conclusion.kind", v1::ConclusionKind_descriptor()},
      {"conclusion.derived_outcome", v1::Outcome_descriptor()},
      {"conclusion.override_outcome", v1::Outcome_descriptor()},
      {"conclusion.outcome", v1::Outcome_descriptor()},
      {"conclusion.not_held_reason", v1::NotHeldReason_descriptor()},
      {"conclusion.service_method", v1::ServiceMethod_descriptor()},
  };
  return *kEnums;
}

// A repeated record of the case whose entries the history names by key:
// "<prefix>[id=<id>].<field>", or "<prefix>[item=<n>]" for an entry that is
// a single value (the key may also come bare, "<prefix>[<id>]").
struct Collection {
  std::string prefix;  // e.g. "reviews"
  // The label: name_before + key + name_after, then "·" and the field's
  // label for a field within the entry. E.g. "复议" + "2022-0013-R1".
  std::string name_before;
  std::string name_after;
  LabelMap labels;  // by field within the entry
  EnumMap enums;    // by field within the entry; "" for the entry itself
};

const std::vector<Collection>& Collections() {
  static const auto* const kCollections = new std::vector<Collection>{
      {"conclusion.dispositions",
       "第",
       "项答复",
       {},
       {{"", v1::Outcome_descriptor()}}},
      {"procedure.consultations",
       "征求意见",
       "",
       {{"kind", "对象类型"},
        {"party", "征求对象"},
        {"sent", "发函日期"},
        {"party_received", "对方收函日期"},
        {"reply_received", "收到回复日期"}},
       {{"kind", v1::ConsultedPartyKind_descriptor()}}},
      {"re_answers",
       "重新答复",
       "",
       {{"ordered_by", "责令决定"},
        {"ordered", "决定日期"},
        {"due", "答复期限"},
        {"outcome", "答复结果"},
        {"service_method", "送达方式"},
        {"served", "送达日期"},
        {"note", "说明"},
        {"served_late", "逾期送达"}},
       {{"outcome", v1::Outcome_descriptor()},
        {"service_method", v1::ServiceMethod_descriptor()}}},
      {"reviews",
       "复议",
       "",
       {{"organ", "复议机关"},
        {"filed", "申请日期"},
        {"copy_received", "收到副本日期"},
        {"accepted", "受理日期"},
        {"procedure", "程序"},
        {"defence_filed", "答辩日期"},
        {"decision_period_extended", "延长审理期限"},
        {"decision", "复议决定"},
        {"decided", "决定日期"},
        {"note", "说明"},
        {"defence_due", "答辩期限"},
        {"decision_expected", "决定期限"},
        {"column", "表四结果"}},
       {{"procedure", v1::ReviewProcedure_descriptor()},
        {"decision", v1::ProceedingDecision_descriptor()},
        {"column", v1::ResultColumn_descriptor()}}},
      {"lawsuits",
       "诉讼",
       "",
       {{"court", "法院"},
        {"filed", "立案日期"},
        {"complaint_received", "收到起诉状副本日期"},
        {"after_review_id", "前置复议"},
        {"role", "本机关地位"},
        {"simplified", "简易程序"},
        {"defence_filed", "答辩日期"},
        {"first_instance.decision", "一审裁判"},
        {"first_instance.date", "一审裁判日期"},
        {"appeal.filed", "上诉日期"},
        {"appeal.appellant", "上诉人"},
        {"appeal.court", "二审法院"},
        {"appeal.result.decision", "二审裁判"},
        {"appeal.result.date", "二审裁判日期"},
        {"note", "说明"},
        {"route", "起诉类别"},
        {"defence_due", "答辩期限"},
        {"judgment_expected", "一审审限"},
        {"column", "表四结果"}},
       {{"role", v1::LawsuitRole_descriptor()},
        {"first_instance.decision", v1::ProceedingDecision_descriptor()},
        {"appeal.result.decision", v1::ProceedingDecision_descriptor()},
        {"route", v1::LawsuitRoute_descriptor()},
        {"column", v1::ResultColumn_descriptor()}}},
  };
  return *kCollections;
}

// A path into an entry of a Collection.
struct EntryPath {
  const Collection* collection = nullptr;
  std::string id;
  std::string field;  // "" for the entry as a whole
};

// The collection entry `field` points into, if any.
bool ParseEntryPath(absl::string_view field, EntryPath* path) {
  for (const Collection& collection : Collections()) {
    absl::string_view rest = field;
    if (!absl::ConsumePrefix(&rest, collection.prefix) ||
        !absl::ConsumePrefix(&rest, "[")) {
      continue;
    }
    if (!absl::ConsumePrefix(&rest, "id=")) absl::ConsumePrefix(&rest, "item=");
    const size_t close = rest.find(']');
    if (close == absl::string_view::npos) return false;
    path->collection = &collection;
    path->id = std::string(rest.substr(0, close));
    rest.remove_prefix(close + 1);
    if (!rest.empty() && !absl::ConsumePrefix(&rest, ".")) return false;
    path->field = std::string(rest);
    return true;
  }
  return false;
}

const EnumDescriptor* EnumOfField(absl::string_view field) {
  if (auto it = CaseEnums().find(field); it != CaseEnums().end()) {
    return it->second;
  }
  EntryPath path;
  if (!ParseEntryPath(field, &path)) return nullptr;
  auto it = path.collection->enums.find(path.field);
  return it == path.collection->enums.end() ? nullptr : it->second;
}

bool IsYesNoField(absl::string_view field) {
  for (absl::string_view name : {"served_late", "decision_period_extended",
                                 "simplified", "provisional"}) {
    if (field == name || absl::EndsWith(field, absl::StrCat(".", name))) {
      return true;
    }
  }
  return false;
}

// The label of an enum identifier of `type`; the text unchanged when it is
// not one.
std::string EnumValueLabel(const EnumDescriptor* type, absl::string_view text) {
  absl::StatusOr<int> number = ParseEnumIdentifier(type, text, "");
  return number.ok() ? EnumLabel(type, *number) : std::string(text);
}

}  // namespace

std::string FieldLabel(absl::string_view field) {
  if (auto it = CaseLabels().find(field); it != CaseLabels().end()) {
    return it->second;
  }
  EntryPath path;
  if (ParseEntryPath(field, &path)) {
    const Collection& c = *path.collection;
    const std::string entry =
        absl::StrCat(c.name_before, path.id, c.name_after);
    if (path.field.empty()) return entry;
    if (auto it = c.labels.find(path.field); it != c.labels.end()) {
      return absl::StrCat(entry, "·", it->second);
    }
  }
  return std::string(field);
}

std::string ChangeValue(absl::string_view field, absl::string_view value) {
  if (IsYesNoField(field)) {
    // A flag's history value is "true" when set, "" or "false" otherwise.
    if (value == "true") return "是";
    if (value.empty() || value == "false") return "否";
  }
  if (value.empty()) return kEmptyValue;
  if (const EnumDescriptor* type = EnumOfField(field); type != nullptr) {
    return EnumValueLabel(type, value);
  }
  return absl::StrReplaceAll(value, {{"\r", ""}, {"\n", "；"}});
}

}  // namespace ogi::cli
