#include "services/procedure/procedure_steps.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/step_rules.h"
#include "services/common/text_fields.h"
#include "services/procedure/fee_calculator.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;

// The procedure of a concluded case is closed: its record stays as it was
// when the answer was served.
absl::Status NotConcluded(const v1::Case& c) {
  if (c.status() != v1::CASE_STATUS_CONCLUDED) return absl::OkStatus();
  return CaseRefused(c, absl::StrCat("已办结（送达日期 ",
                                     FormatIsoDate(c.conclusion().served()),
                                     "），不能再记录办理步骤"));
}

// The deadlines before the step, for the rules that depend on them.
absl::StatusOr<v1::Deadlines> Current(const v1::Case& c,
                                      const WorkingCalendar& calendar,
                                      Day today, const ClockPolicy& policy) {
  return ComputeDeadlines(c, calendar, today, policy);
}

absl::Status NotAwaitingCorrection(const v1::Case& c,
                                   const v1::Deadlines& deadlines,
                                   absl::string_view step) {
  if (deadlines.state() == v1::CLOCK_STATE_AWAITING_CORRECTION) {
    return CaseRefused(
        c, absl::StrCat("正在等待补正材料（补正通知发出日期 ",
                        FormatIsoDate(c.procedure().correction().sent()),
                        "），请在收到补正材料后再记录", step));
  }
  return absl::OkStatus();
}

class EventBuilder {
 public:
  explicit EventBuilder(v1::CaseEventType type) { event_.set_type(type); }

  EventBuilder& Change(std::string field, std::string old_value,
                       std::string new_value) {
    v1::FieldChange* change = event_.add_changes();
    change->set_field(std::move(field));
    change->set_old_value(std::move(old_value));
    change->set_new_value(std::move(new_value));
    return *this;
  }

  // A field that was unset before.
  EventBuilder& Set(std::string field, std::string value) {
    return Change(std::move(field), "", std::move(value));
  }

  EventBuilder& Status(v1::CaseStatus before, v1::CaseStatus after) {
    if (before == after) return *this;
    return Change("status", StatusName(before), StatusName(after));
  }

  EventBuilder& Reason(std::string reason) {
    event_.set_reason(std::move(reason));
    return *this;
  }

  v1::CaseEvent Build() { return std::move(event_); }

 private:
  static std::string StatusName(v1::CaseStatus status) {
    return status == v1::CASE_STATUS_UNSPECIFIED
               ? std::string()
               : EnumIdentifier(v1::CaseStatus_descriptor(), status);
  }

  v1::CaseEvent event_;
};

std::string ConsultationPath(int32_t id, absl::string_view field) {
  return absl::StrCat("procedure.consultations[id=", id, "].", field);
}

}  // namespace

absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::SendCorrectionNoticeRequest& r, Day today,
    const WorkingCalendar& calendar, const ClockPolicy& policy, v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  OGI_ASSIGN_OR_RETURN(const Day sent,
                       PastDate(r.has_sent(), r.sent(), "sent", today));
  OGI_RETURN_IF_ERROR(ValidateText(r.items_to_supplement(),
                                   "items_to_supplement", kMaxItemLength,
                                   /*multiline=*/true));
  OGI_ASSIGN_OR_RETURN(
      const Day applicant_deadline,
      RequiredDate(r.has_applicant_deadline(), r.applicant_deadline(),
                   "applicant_deadline"));
  if (applicant_deadline <= sent) {
    return InvalidField(
        "applicant_deadline",
        absl::StrCat(FormatIsoDate(applicant_deadline), " 须晚于 sent（",
                     FormatIsoDate(sent), "）"));
  }
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(sent, receipt, c, "sent"));
  if (c.procedure().has_correction()) {
    return CaseRefused(
        c, absl::StrCat("已有补正通知（发出日期 ",
                        FormatIsoDate(c.procedure().correction().sent()),
                        "）；《中华人民共和国政府信息公开条例》第三十条规定"
                        "一次性告知需要补正的事项"));
  }

  v1::CorrectionNotice* notice = c.mutable_procedure()->mutable_correction();
  *notice->mutable_sent() = ToProtoDate(sent);
  notice->set_items_to_supplement(r.items_to_supplement());
  *notice->mutable_applicant_deadline() = ToProtoDate(applicant_deadline);
  const v1::CaseStatus before = c.status();
  c.set_status(v1::CASE_STATUS_AWAITING_CORRECTION);
  return EventBuilder(v1::CASE_EVENT_TYPE_CORRECTION_NOTICE_SENT)
      .Set("procedure.correction.sent", FormatIsoDate(sent))
      .Set("procedure.correction.items_to_supplement", r.items_to_supplement())
      .Set("procedure.correction.applicant_deadline",
           FormatIsoDate(applicant_deadline))
      .Status(before, c.status())
      .Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ReceiveSupplementRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  OGI_ASSIGN_OR_RETURN(
      const Day received,
      PastDate(r.has_received(), r.received(), "received", today));
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(received, receipt, c, "received"));
  const v1::CorrectionNotice& notice = c.procedure().correction();
  if (!c.procedure().has_correction() ||
      !HasDate(notice.has_sent(), notice.sent())) {
    return CaseRefused(c, "没有待补正的补正通知");
  }
  if (HasDate(notice.has_supplement_received(), notice.supplement_received())) {
    return CaseRefused(
        c, absl::StrCat("已于 ", FormatIsoDate(notice.supplement_received()),
                        " 收到补正材料"));
  }
  OGI_ASSIGN_OR_RETURN(const Day sent,
                       ToCivilDay(notice.sent(), "procedure.correction.sent"));
  OGI_RETURN_IF_ERROR(
      NotBefore(received, sent, "received", "补正通知发出日期"));

  *c.mutable_procedure()->mutable_correction()->mutable_supplement_received() =
      ToProtoDate(received);
  const v1::CaseStatus before = c.status();
  c.set_status(v1::CASE_STATUS_PROCESSING);
  return EventBuilder(v1::CASE_EVENT_TYPE_SUPPLEMENT_RECEIVED)
      .Set("procedure.correction.supplement_received", FormatIsoDate(received))
      .Status(before, c.status())
      .Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::SendConsultationRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  if (r.kind() == v1::CONSULTED_PARTY_KIND_UNSPECIFIED ||
      !v1::ConsultedPartyKind_IsValid(r.kind())) {
    return InvalidField(
        "kind",
        absl::StrCat(
            "须为以下之一：",
            absl::StrJoin(EnumIdentifiers(v1::ConsultedPartyKind_descriptor()),
                          ", ")));
  }
  OGI_RETURN_IF_ERROR(
      ValidateText(r.party(), "party", kMaxNameLength, /*multiline=*/false));
  OGI_ASSIGN_OR_RETURN(const Day sent,
                       PastDate(r.has_sent(), r.sent(), "sent", today));
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> party_received,
      OptionalPastDate(r.has_party_received(), r.party_received(),
                       "party_received", today));
  if (party_received.has_value() && *party_received < sent) {
    return InvalidField(
        "party_received",
        absl::StrCat(FormatIsoDate(*party_received), " 早于 sent（",
                     FormatIsoDate(sent), "）"));
  }
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(sent, receipt, c, "sent"));
  OGI_ASSIGN_OR_RETURN(const v1::Deadlines current,
                       Current(c, calendar, today, policy));
  OGI_RETURN_IF_ERROR(NotAwaitingCorrection(c, current, "征求意见"));
  OGI_ASSIGN_OR_RETURN(const Day clock_start,
                       ToCivilDay(current.clock_start(), "clock_start"));
  OGI_RETURN_IF_ERROR(NotBefore(sent, clock_start, "sent", "答复期限起算日"));

  int32_t id = 1;
  for (const v1::Consultation& k : c.procedure().consultations()) {
    id = std::max(id, k.id() + 1);
  }
  v1::Consultation* k = c.mutable_procedure()->add_consultations();
  k->set_id(id);
  k->set_kind(r.kind());
  k->set_party(r.party());
  *k->mutable_sent() = ToProtoDate(sent);
  EventBuilder event(v1::CASE_EVENT_TYPE_CONSULTATION_SENT);
  event
      .Set(ConsultationPath(id, "kind"),
           EnumIdentifier(v1::ConsultedPartyKind_descriptor(), r.kind()))
      .Set(ConsultationPath(id, "party"), r.party())
      .Set(ConsultationPath(id, "sent"), FormatIsoDate(sent));
  if (party_received.has_value()) {
    *k->mutable_party_received() = ToProtoDate(*party_received);
    event.Set(ConsultationPath(id, "party_received"),
              FormatIsoDate(*party_received));
  }
  return event.Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::ReceiveConsultationReplyRequest& r, Day today,
    const WorkingCalendar& calendar, const ClockPolicy& policy, v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  if (r.consultation_id() < 0) {
    return InvalidField("consultation_id",
                        "须为征求意见的编号，或填 0 表示唯一未答复的一项");
  }
  OGI_ASSIGN_OR_RETURN(
      const Day received,
      PastDate(r.has_received(), r.received(), "received", today));
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(received, receipt, c, "received"));

  const auto& consultations = c.procedure().consultations();
  int index = -1;
  if (r.consultation_id() == 0) {
    std::vector<int> open;
    for (int i = 0; i < consultations.size(); ++i) {
      const v1::Consultation& k = consultations[i];
      if (!HasDate(k.has_reply_received(), k.reply_received()))
        open.push_back(i);
    }
    if (open.empty()) return CaseRefused(c, "没有未答复的征求意见");
    if (open.size() > 1) {
      std::vector<int32_t> ids;
      for (int i : open) ids.push_back(consultations[i].id());
      return InvalidField(
          "consultation_id",
          absl::StrCat("有 ", open.size(), " 项征求意见未答复（编号 ",
                       absl::StrJoin(ids, ", "), "），请指明答复的是哪一项"));
    }
    index = open.front();
  } else {
    for (int i = 0; i < consultations.size(); ++i) {
      if (consultations[i].id() == r.consultation_id()) index = i;
    }
    if (index < 0) {
      return absl::NotFoundError(
          absl::StrCat("案件 ", CaseName(c), " 没有编号为 ",
                       r.consultation_id(), " 的征求意见"));
    }
  }
  const v1::Consultation& k = consultations[index];
  if (HasDate(k.has_reply_received(), k.reply_received())) {
    return CaseRefused(
        c, absl::StrCat("已于 ", FormatIsoDate(k.reply_received()), " 收到第 ",
                        k.id(), " 项征求意见的答复"));
  }
  OGI_ASSIGN_OR_RETURN(const Day sent,
                       ToCivilDay(k.sent(), ConsultationPath(k.id(), "sent")));
  OGI_RETURN_IF_ERROR(
      NotBefore(received, sent, "received",
                absl::StrCat("第 ", k.id(), " 项征求意见函发出日期")));
  if (HasDate(k.has_party_received(), k.party_received())) {
    OGI_ASSIGN_OR_RETURN(
        const Day party_received,
        ToCivilDay(k.party_received(),
                   ConsultationPath(k.id(), "party_received")));
    OGI_RETURN_IF_ERROR(NotBefore(
        received, party_received, "received",
        absl::StrCat("被征求意见方收到第 ", k.id(), " 项征求意见函的日期")));
  }

  const int32_t id = k.id();
  *c.mutable_procedure()
       ->mutable_consultations(index)
       ->mutable_reply_received() = ToProtoDate(received);
  return EventBuilder(v1::CASE_EVENT_TYPE_CONSULTATION_REPLY_RECEIVED)
      .Set(ConsultationPath(id, "reply_received"), FormatIsoDate(received))
      .Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::IssueFeeNoticeRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  v1::FeeNotice fee;
  fee.set_method(r.method());
  fee.set_prior_applications_this_month(r.prior_applications_this_month());
  fee.set_units(r.units());
  fee.set_pages(r.pages());
  OGI_ASSIGN_OR_RETURN(const int64_t amount, ComputeFeeYuan(fee));
  OGI_ASSIGN_OR_RETURN(const Day served,
                       PastDate(r.has_served(), r.served(), "served", today));
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(served, receipt, c, "served"));
  if (c.procedure().has_fee()) {
    return CaseRefused(
        c, absl::StrCat("已有收费通知（送达日期 ",
                        FormatIsoDate(c.procedure().fee().served()), "）"));
  }
  OGI_ASSIGN_OR_RETURN(const v1::Deadlines current,
                       Current(c, calendar, today, policy));
  OGI_RETURN_IF_ERROR(NotAwaitingCorrection(c, current, "收费通知"));
  OGI_ASSIGN_OR_RETURN(const Day clock_start,
                       ToCivilDay(current.clock_start(), "clock_start"));
  OGI_RETURN_IF_ERROR(
      NotBefore(served, clock_start, "served", "答复期限起算日"));
  OGI_ASSIGN_OR_RETURN(const Day due,
                       ToCivilDay(current.answer_due(), "answer_due"));
  if (served > due) {
    return absl::FailedPreconditionError(
        absl::StrCat("served: ", FormatIsoDate(served), " 晚于答复期限（",
                     FormatIsoDate(due), "），收费通知须在答复期限内送达"));
  }
  if (amount == 0) {
    if (r.method() == v1::FEE_METHOD_PER_PAGE) {
      return absl::FailedPreconditionError(absl::StrCat(
          "无需收费：共 ", r.pages(),
          " 页，30 页以内不收费（《政府信息公开信息处理费管理办法》第五条）"));
    }
    const int32_t units = r.units() == 0 ? 1 : r.units();
    return absl::FailedPreconditionError(absl::StrCat(
        "无需收费：本申请为当月第 ", r.prior_applications_this_month() + 1,
        units == 1
            ? ""
            : absl::StrCat("–", r.prior_applications_this_month() + units),
        " 件，每月前 10 件不收费（《政府信息公开信息处理费管理办法》第四条）"));
  }

  fee.set_amount_yuan(amount);
  *fee.mutable_served() = ToProtoDate(served);
  *c.mutable_procedure()->mutable_fee() = fee;
  EventBuilder event(v1::CASE_EVENT_TYPE_FEE_NOTICE_ISSUED);
  event.Set("procedure.fee.method",
            EnumIdentifier(v1::FeeMethod_descriptor(), r.method()));
  if (r.method() == v1::FEE_METHOD_PER_APPLICATION) {
    event
        .Set("procedure.fee.prior_applications_this_month",
             absl::StrCat(r.prior_applications_this_month()))
        .Set("procedure.fee.units", absl::StrCat(r.units()));
  } else {
    event.Set("procedure.fee.pages", absl::StrCat(r.pages()));
  }
  event.Set("procedure.fee.amount_yuan", absl::StrCat(amount))
      .Set("procedure.fee.served", FormatIsoDate(served));
  return event.Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ReceiveFeePaymentRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  OGI_ASSIGN_OR_RETURN(const Day paid,
                       PastDate(r.has_paid(), r.paid(), "paid", today));
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(paid, receipt, c, "paid"));
  const v1::FeeNotice& fee = c.procedure().fee();
  if (!c.procedure().has_fee() || !HasDate(fee.has_served(), fee.served())) {
    return CaseRefused(c, "没有收费通知");
  }
  if (HasDate(fee.has_paid(), fee.paid())) {
    return CaseRefused(
        c, absl::StrCat("已记录 ", FormatIsoDate(fee.paid()), " 的缴费"));
  }
  OGI_ASSIGN_OR_RETURN(const Day served,
                       ToCivilDay(fee.served(), "procedure.fee.served"));
  OGI_RETURN_IF_ERROR(NotBefore(paid, served, "paid", "收费通知送达日期"));
  const Day window_end = FeePaymentWindow(served, calendar).end;
  if (paid > window_end) {
    return absl::FailedPreconditionError(absl::StrCat(
        "paid: ", FormatIsoDate(paid), " 晚于缴费期限届满日（",
        FormatIsoDate(window_end), "，收费通知送达后第 ",
        kFeePaymentWorkingDays, " 个工作日），申请人视为放弃申请"));
  }

  *c.mutable_procedure()->mutable_fee()->mutable_paid() = ToProtoDate(paid);
  return EventBuilder(v1::CASE_EVENT_TYPE_FEE_PAID)
      .Set("procedure.fee.paid", FormatIsoDate(paid))
      .Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ExtendDeadlineRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  if (r.working_days() <= 0) {
    return InvalidField("working_days",
                        absl::StrCat(r.working_days(), " 不能小于 1"));
  }
  if (r.working_days() > kMaxExtensionWorkingDays) {
    return absl::FailedPreconditionError(absl::StrCat(
        "working_days: ", r.working_days(),
        " 超出上限，延长答复期限最长不超过 ", kMaxExtensionWorkingDays,
        " 个工作日（《中华人民共和国政府信息公开条例》第三十三条）"));
  }
  OGI_RETURN_IF_ERROR(ValidateText(r.approver(), "approver", kMaxNameLength,
                                   /*multiline=*/false));
  OGI_ASSIGN_OR_RETURN(
      const Day notified,
      PastDate(r.has_notified(), r.notified(), "notified", today));
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> approved_or,
      OptionalPastDate(r.has_approved(), r.approved(), "approved", today));
  const Day approved = approved_or.value_or(notified);
  if (approved > notified) {
    return InvalidField(
        "approved", absl::StrCat(FormatIsoDate(approved), " 晚于 notified（",
                                 FormatIsoDate(notified), "）"));
  }
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(approved, receipt, c, "approved"));
  const v1::Procedure& p = c.procedure();
  if (p.has_extension()) {
    return CaseRefused(
        c, absl::StrCat("已延长答复期限 ", p.extension().working_days(),
                        " 个工作日（告知日期 ",
                        FormatIsoDate(p.extension().notified()),
                        "）；《中华人民共和国政府信息公开条例》第三十三条只允许"
                        "延长一次"));
  }
  if (p.has_deferral()) {
    return CaseRefused(c, absl::StrCat("已依第三十五条确定延后的答复期限 ",
                                       FormatIsoDate(p.deferral().new_due()),
                                       "，答复期限已由此确定"));
  }
  OGI_ASSIGN_OR_RETURN(const v1::Deadlines current,
                       Current(c, calendar, today, policy));
  OGI_RETURN_IF_ERROR(NotAwaitingCorrection(c, current, "延长答复期限"));
  OGI_ASSIGN_OR_RETURN(const Day due,
                       ToCivilDay(current.answer_due(), "answer_due"));
  if (notified > due) {
    return absl::FailedPreconditionError(absl::StrCat(
        "notified: ", FormatIsoDate(notified), " 晚于答复期限（",
        FormatIsoDate(due), "），延长答复期限须在期限届满前告知申请人"));
  }

  v1::Extension* e = c.mutable_procedure()->mutable_extension();
  e->set_working_days(r.working_days());
  e->set_approver(r.approver());
  *e->mutable_approved() = ToProtoDate(approved);
  *e->mutable_notified() = ToProtoDate(notified);
  return EventBuilder(v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED)
      .Set("procedure.extension.working_days", absl::StrCat(r.working_days()))
      .Set("procedure.extension.approver", r.approver())
      .Set("procedure.extension.approved", FormatIsoDate(approved))
      .Set("procedure.extension.notified", FormatIsoDate(notified))
      .Build();
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::DeferDeadlineRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(NotConcluded(c));
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  OGI_ASSIGN_OR_RETURN(const Day new_due,
                       RequiredDate(r.has_new_due(), r.new_due(), "new_due"));
  OGI_ASSIGN_OR_RETURN(
      const Day notified,
      PastDate(r.has_notified(), r.notified(), "notified", today));
  if (new_due <= notified) {
    return InvalidField(
        "new_due", absl::StrCat(FormatIsoDate(new_due), " 须晚于 notified（",
                                FormatIsoDate(notified), "）"));
  }
  OGI_RETURN_IF_ERROR(ValidateText(r.reason(), "reason", kMaxReasonLength,
                                   /*multiline=*/true));
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(notified, receipt, c, "notified"));
  if (c.procedure().has_deferral()) {
    return CaseRefused(
        c, absl::StrCat("已依第三十五条确定延后的答复期限 ",
                        FormatIsoDate(c.procedure().deferral().new_due())));
  }
  OGI_ASSIGN_OR_RETURN(const v1::Deadlines current,
                       Current(c, calendar, today, policy));
  OGI_RETURN_IF_ERROR(NotAwaitingCorrection(c, current, "延后答复期限"));
  OGI_ASSIGN_OR_RETURN(const Day due,
                       ToCivilDay(current.answer_due(), "answer_due"));
  if (new_due <= due) {
    return absl::FailedPreconditionError(
        absl::StrCat("new_due: ", FormatIsoDate(new_due),
                     " 不晚于当前答复期限（", FormatIsoDate(due), "）"));
  }

  v1::Deferral* deferral = c.mutable_procedure()->mutable_deferral();
  *deferral->mutable_new_due() = ToProtoDate(new_due);
  *deferral->mutable_notified() = ToProtoDate(notified);
  deferral->set_reason(r.reason());
  return EventBuilder(v1::CASE_EVENT_TYPE_DEADLINE_DEFERRED)
      .Set("procedure.deferral.new_due", FormatIsoDate(new_due))
      .Set("procedure.deferral.notified", FormatIsoDate(notified))
      .Set("procedure.deferral.reason", r.reason())
      .Reason(r.reason())
      .Build();
}

}  // namespace ogi
