#ifndef OGI_SERVICES_REPORT_REPORT_PROSE_H_
#define OGI_SERVICES_REPORT_REPORT_PROSE_H_

// The prose of the annual report that staff write: the preface (前言) and
// sections 一, 五 and 六. Which sections there are, which may be left empty
// only when allowed at lock time, the default preface, and whether the
// office's section 六 already speaks of fees (then the generated fee sentence
// is left out, so the report never says it twice or two different ways).
// Pure functions over constant data; thread-safe.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ogi/v1/report.pb.h"

namespace ogi {

// One prose section: its key (the ReportProse field name, also the value of
// `ogi report text set --section` and of allow_empty_sections) and its title
// as the report prints it.
struct ProseSectionSpec {
  absl::string_view key;    // "preface", "overview", "problems", ...
  absl::string_view title;  // "前言", "一、总体情况", ...
  // True for the sections a report must not be locked with empty unless
  // explicitly allowed; the preface has a default and never is.
  bool required;
};

// preface, overview, problems, other_matters, in the order they print.
const std::vector<ProseSectionSpec>& ProseSections();

// The section with `key`; nullptr when none has it.
const ProseSectionSpec* FindProseSection(absl::string_view key);

// The text of section `key` in `prose` ("" for an unknown key).
const std::string& ProseText(const v1::ReportProse& prose,
                             absl::string_view key);

// The keys of the required sections whose text is empty or only white space,
// in print order.
std::vector<std::string> EmptyProseSections(const v1::ReportProse& prose);

// True when `text` speaks of fees: it contains 收费, 费用 or 信息处理费.
bool MentionsFees(absl::string_view text);

// True when section 六 prints the generated fee sentence in front of the
// office's text: the office's other_matters does not mention fees.
bool GeneratesFeeSentence(const v1::ReportProse& prose);

// The sentence on information-processing fees (信息处理费) for section 六,
// money with two decimals: "本年度未收取政府信息公开信息处理费。" when no
// notice was issued and nothing billed or collected, otherwise
// "本年度共发出收费通知N件，应收信息处理费N.00元，实收N.00元。".
std::string FeeSentence(const v1::FeeSummary& fees);

// The standard opening paragraph for `agency`'s report of `year`: the legal
// basis (the Regulations and the national format 国办公开办函〔2021〕30号),
// the statistics period (1 January to 31 December of `year`), where the
// report is published and whom to ask — in words an office edits (`ogi
// report text set YEAR --section preface`) to name its website and telephone.
std::string DefaultPreface(absl::string_view agency, int year);

// The preface the report prints: prose.preface, or DefaultPreface for the
// report's title agency and year when it is blank.
std::string PrefaceText(const v1::Report& report);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_PROSE_H_
