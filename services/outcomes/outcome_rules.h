#ifndef OGI_SERVICES_OUTCOMES_OUTCOME_RULES_H_
#define OGI_SERVICES_OUTCOMES_OUTCOME_RULES_H_

// The twenty outcomes of an application (SPEC §2) and the rules a conclusion
// must satisfy: the six groups of annual-report table 三, the derivation of
// one outcome from the items' dispositions (SPEC §4 rule 2), the legal basis
// each outcome rests on, and the details the law requires for each. Pure
// functions of their arguments; thread-safe.
//
// Errors are INVALID_ARGUMENT "<field>: <rule>", the field named by its path
// in the request (a prefix such as "conclusion." where the conclusion is
// nested) and the rule in Chinese; outcome and other enum values appear as
// their lower-case identifiers (e.g. "unavailable_not_held").

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/outcome.pb.h"

namespace ogi {

// The six groups of row 三、本年度办理结果 of table 三, in report order.
enum class OutcomeGroup {
  kUnspecified = 0,
  kDisclosed = 1,           // （一）予以公开
  kPartiallyDisclosed = 2,  // （二）部分公开
  kWithheld = 3,            // （三）不予公开
  kUnavailable = 4,         // （四）无法提供
  kNotProcessed = 5,        // （五）不予处理
  kOtherHandling = 6,       // （六）其他处理
};

// The group `outcome` belongs to; kUnspecified for OUTCOME_UNSPECIFIED and
// unknown numbers.
OutcomeGroup GroupOf(v1::Outcome outcome);

// The group's row label as table 三 prints it, e.g. "（一）予以公开",
// "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开";
// "" for kUnspecified.
std::string OutcomeGroupLabel(OutcomeGroup group);

// The group's short name: "予以公开", "部分公开", "不予公开", "无法提供",
// "不予处理", "其他处理"; "" for kUnspecified.
std::string OutcomeGroupName(OutcomeGroup group);

// The leaf's number within its group as table 三 prints it ("1." ... "8."):
// 1-based; 0 for DISCLOSED and PARTIALLY_DISCLOSED, which are rows of their
// own, and for OUTCOME_UNSPECIFIED.
int OutcomeLeafNumber(v1::Outcome outcome);

// The label of the outcome's row in table 三: the group label for DISCLOSED
// and PARTIALLY_DISCLOSED, else "<n>.<leaf label>" (e.g. "1.属于国家秘密").
std::string OutcomeRowLabel(v1::Outcome outcome);

// The twenty outcomes in table-三 order (OUTCOME_DISCLOSED ... OUTCOME_OTHER).
const std::vector<v1::Outcome>& OutcomesInReportOrder();

// Information was provided: 予以公开 or 部分公开.
bool IsProvided(v1::Outcome outcome);
// Information was withheld: any 不予公开 leaf, or 部分公开. These outcomes
// need a legal basis.
bool IsWithheld(v1::Outcome outcome);
// Reached only by the applicant's silence (SPEC §2): OTHER_CORRECTION_LAPSED
// and OTHER_FEE_UNPAID.
bool IsLapse(v1::Outcome outcome);

// The provision of the Regulations (or of the fee measures) the outcome rests
// on, per SPEC §2, e.g. "《中华人民共和国政府信息公开条例》第十四条"; "" for
// NOT_PROCESSED_CONFIRMATION and OTHER, which have none specific.
std::string DefaultLegalBasis(v1::Outcome outcome);

// SPEC §4 rule 2: the outcome of an application whose items got
// `dispositions`. All alike → that outcome; any information provided and any
// withheld (IsProvided / IsWithheld) → PARTIALLY_DISCLOSED; otherwise the
// disposition of `primary_item`.
// REQUIRES: `dispositions` is non-empty, cover items 1..n once each (see
// ValidateDispositions) and every outcome is set.
// INVALID_ARGUMENT "<prefix>primary_item: ..." when the rule needs the
// primary item and none (0) is marked.
absl::StatusOr<v1::Outcome> DeriveOutcome(
    const google::protobuf::RepeatedPtrField<v1::ItemDisposition>& dispositions,
    int primary_item, absl::string_view field_prefix = "");

// Checks that `dispositions` give each of the case's `item_count` items
// (1..item_count) exactly one outcome, none UNSPECIFIED, unknown or a lapse
// outcome (which concerns the whole application). INVALID_ARGUMENT
// "<prefix>dispositions: ..." otherwise.
absl::Status ValidateDispositions(
    const google::protobuf::RepeatedPtrField<v1::ItemDisposition>& dispositions,
    int item_count, absl::string_view field_prefix = "");

// The service method an answer is taken to have been served by when the
// request leaves service_method unset: the one matching how the applicant
// asked to receive it (the case's delivery_method: SELF_PICKUP →
// SIGNED_IN_PERSON, POST → POSTED, EMAIL, ONLINE_PLATFORM and FAX →
// ELECTRONIC), SIGNED_IN_PERSON when the case records none. The rule lives
// here, on the server, so that every client gets the same answer.
v1::ServiceMethod DefaultServiceMethod(v1::DeliveryMethod delivery);

// Validates a conclusion as entered and completes it. `c` carries the input
// fields of ogi.v1.Conclusion (kind set by the caller); its output-only
// fields are ignored and derived again where this function can:
//  - kind must be set. ANSWERED needs the dispositions (ValidateDispositions,
//    sorted by item here) and derives derived_outcome by DeriveOutcome;
//    WITHDRAWN derives OTHER; CORRECTION_LAPSED and FEE_UNPAID derive their
//    lapse outcome; those three take no dispositions, no primary_item and no
//    override.
//  - override_outcome (ANSWERED only) needs override_reason, must differ
//    from the derived outcome and must not be a lapse outcome; a reason
//    without an override is refused. outcome = the override, else the
//    derived outcome.
//  - Required details, by every outcome the conclusion involves (its outcome
//    and each item's disposition): 本机关不掌握 → not_held_reason, and for
//    OTHER_AGENCY responsible_agency; 部分公开 → provided_summary and
//    withheld_summary; 其他 → note (a withdrawal defaults it to
//    "申请人撤回申请"). A blank text counts as missing. All missing details
//    are reported in one error that names each field, comma-separated, with
//    one rule per outcome joined by "；", e.g. "provided_summary,
//    withheld_summary: 部分公开须写明提供的信息和不予公开的信息" (clients map
//    each field to their own name). Then not_held_reason and
//    responsible_agency are refused where they do not apply, and the texts
//    given are checked. Any withheld outcome → legal_basis, filled in when
//    empty with the DefaultLegalBasis of the outcome and of each withheld
//    item, joined ("…第三十七条、第十四条").
//  - ANSWERED needs service_method; served must be set; answer_date, when
//    set, must not be after served. (How served relates to the case's dates
//    is the caller's to check.)
//  - Free text: at most kMaxReasonLength characters (responsible_agency
//    kMaxNameLength), not blank when given.
// Leaves due_date and served_late cleared (the caller derives them).
// INVALID_ARGUMENT "<prefix><field>: <rule>" for the first rule broken, in
// the order above; `c` may be partly completed then.
absl::Status CompleteConclusion(v1::Conclusion& c, int item_count,
                                absl::string_view field_prefix = "");

}  // namespace ogi

#endif  // OGI_SERVICES_OUTCOMES_OUTCOME_RULES_H_
