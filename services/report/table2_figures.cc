#include "services/report/table2_figures.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi {
namespace {

constexpr int kMaxDecimals = 4;
constexpr int kMaxIntegerDigits = 14;  // keeps yuan far inside int64

absl::Status NotADecimal(absl::string_view field, absl::string_view text) {
  return absl::InvalidArgumentError(absl::StrCat(
      field, ": ", QuoteForMessage(text),
      " 不是以万元为单位的金额（数字，至多四位小数，例如 12872.06）"));
}

absl::Status NonNegative(absl::string_view prefix, absl::string_view field,
                         int64_t value) {
  if (value >= 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(prefix, field, ": 不能为负数，而是 ", value));
}

void AddCounts(const v1::DocumentCounts& from, v1::DocumentCounts& to) {
  to.set_issued(to.issued() + from.issued());
  to.set_repealed(to.repealed() + from.repealed());
  to.set_in_force(to.in_force() + from.in_force());
}

}  // namespace

absl::StatusOr<int64_t> WanYuanToYuan(absl::string_view text,
                                      absl::string_view field) {
  if (text.empty()) return 0;
  const size_t point = text.find('.');
  const absl::string_view integer = text.substr(0, point);
  const absl::string_view decimals =
      point == absl::string_view::npos ? "" : text.substr(point + 1);
  if (integer.empty() || integer.size() > kMaxIntegerDigits ||
      decimals.size() > kMaxDecimals ||
      (point != absl::string_view::npos && decimals.empty())) {
    return NotADecimal(field, text);
  }
  int64_t yuan = 0;
  for (const char c : integer) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return NotADecimal(field, text);
    }
    yuan = yuan * 10 + (c - '0');
  }
  for (int i = 0; i < kMaxDecimals; ++i) {
    int digit = 0;
    if (i < static_cast<int>(decimals.size())) {
      const char c = decimals[i];
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
        return NotADecimal(field, text);
      }
      digit = c - '0';
    }
    yuan = yuan * 10 + digit;
  }
  return yuan;
}

absl::StatusOr<int64_t> EnteredFeesToYuan(absl::string_view text,
                                          absl::string_view field) {
  OGI_ASSIGN_OR_RETURN(const int64_t yuan, WanYuanToYuan(text, field));
  if (yuan > kMaxFeesWanYuan * 10000) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": 须在 0 至 ", kMaxFeesWanYuan,
        " 万元之间（至多四位小数），而不是 ", YuanToWanYuan(yuan)));
  }
  return yuan;
}

std::string YuanToWanYuan(int64_t yuan) {
  std::string decimals = absl::StrCat(yuan % 10000 + 10000).substr(1);
  while (decimals.size() > 2 && decimals.back() == '0') decimals.pop_back();
  return absl::StrCat(yuan / 10000, ".", decimals);
}

std::string YuanText(int64_t yuan) { return absl::StrCat(yuan, ".00"); }

absl::Status ValidateTable2(const v1::Table2& figures,
                            absl::string_view prefix) {
  for (const auto& [name, counts] :
       {std::make_pair("rules", &figures.rules()),
        std::make_pair("normative_documents",
                       &figures.normative_documents())}) {
    OGI_RETURN_IF_ERROR(
        NonNegative(prefix, absl::StrCat(name, ".issued"), counts->issued()));
    OGI_RETURN_IF_ERROR(NonNegative(prefix, absl::StrCat(name, ".repealed"),
                                    counts->repealed()));
    OGI_RETURN_IF_ERROR(NonNegative(prefix, absl::StrCat(name, ".in_force"),
                                    counts->in_force()));
  }
  OGI_RETURN_IF_ERROR(NonNegative(prefix, "licensing_decisions",
                                  figures.licensing_decisions()));
  OGI_RETURN_IF_ERROR(
      NonNegative(prefix, "penalty_decisions", figures.penalty_decisions()));
  OGI_RETURN_IF_ERROR(NonNegative(prefix, "enforcement_decisions",
                                  figures.enforcement_decisions()));
  return WanYuanToYuan(figures.fees_wan_yuan(),
                       absl::StrCat(prefix, "fees_wan_yuan"))
      .status();
}

absl::StatusOr<v1::Table2> SumTable2(const std::vector<v1::Table2>& figures) {
  v1::Table2 sum;
  int64_t fees_yuan = 0;
  bool all_from_register = !figures.empty();
  bool rules_from_register = !figures.empty();
  bool normative_from_register = !figures.empty();
  for (size_t i = 0; i < figures.size(); ++i) {
    const v1::Table2& one = figures[i];
    const std::string prefix = absl::StrCat("figures[", i, "].");
    OGI_RETURN_IF_ERROR(ValidateTable2(one, prefix));
    AddCounts(one.rules(), *sum.mutable_rules());
    AddCounts(one.normative_documents(), *sum.mutable_normative_documents());
    sum.set_licensing_decisions(sum.licensing_decisions() +
                                one.licensing_decisions());
    sum.set_penalty_decisions(sum.penalty_decisions() +
                              one.penalty_decisions());
    sum.set_enforcement_decisions(sum.enforcement_decisions() +
                                  one.enforcement_decisions());
    fees_yuan += *WanYuanToYuan(one.fees_wan_yuan(), "fees_wan_yuan");
    all_from_register = all_from_register && one.documents_from_register();
    rules_from_register = rules_from_register && one.rules_from_register();
    normative_from_register =
        normative_from_register && one.normative_documents_from_register();
    for (const v1::FigureOverride& override : one.overridden()) {
      *sum.add_overridden() = override;
    }
  }
  sum.set_fees_wan_yuan(YuanToWanYuan(fees_yuan));
  sum.set_documents_from_register(all_from_register);
  // A source all agencies chose is the sum's; mixed ones are automatic.
  bool same_rules = true;
  bool same_normative = true;
  for (const v1::Table2& one : figures) {
    same_rules =
        same_rules && one.rules_source() == figures.front().rules_source();
    same_normative =
        same_normative && one.normative_documents_source() ==
                              figures.front().normative_documents_source();
  }
  if (!figures.empty() && same_rules) {
    sum.set_rules_source(figures.front().rules_source());
  }
  if (!figures.empty() && same_normative) {
    sum.set_normative_documents_source(
        figures.front().normative_documents_source());
  }
  sum.set_rules_from_register(rules_from_register);
  sum.set_normative_documents_from_register(normative_from_register);
  return sum;
}

}  // namespace ogi
