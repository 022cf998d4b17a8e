#include "services/proceedings/proceeding_ids.h"

#include <cstdint>
#include <optional>
#include <tuple>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace ogi {
namespace {

char SuffixLetter(ProceedingKind kind) {
  return kind == ProceedingKind::kReview ? 'R' : 'L';
}

bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char ch : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(ch))) return false;
  }
  return true;
}

// The parts of a well-formed id of either kind.
struct Parts {
  absl::string_view case_number;
  int64_t year = 0;
  int64_t sequence = 0;
  char letter = 0;
  int ordinal = 0;
};

std::optional<Parts> Split(absl::string_view id) {
  // "<yyyy>-<sequence>-<letter><n>"
  const size_t last_dash = id.rfind('-');
  // At least "yyyy-nnnn" before the last dash and "<letter><digit>" after.
  if (last_dash == absl::string_view::npos || last_dash < 9 ||
      last_dash + 3 > id.size() || id[4] != '-') {
    return std::nullopt;
  }
  Parts parts;
  parts.case_number = id.substr(0, last_dash);
  const absl::string_view year = id.substr(0, 4);
  const absl::string_view sequence = parts.case_number.substr(5);
  const absl::string_view suffix = id.substr(last_dash + 1);
  const absl::string_view n = suffix.substr(1);
  if (!AllDigits(year) || sequence.size() < 4 || sequence.size() > 11 ||
      !AllDigits(sequence) || !AllDigits(n) || n[0] == '0' || n.size() > 6) {
    return std::nullopt;
  }
  parts.letter = suffix[0];
  if (parts.letter != 'R' && parts.letter != 'L') return std::nullopt;
  if (!absl::SimpleAtoi(year, &parts.year) ||
      !absl::SimpleAtoi(sequence, &parts.sequence) ||
      !absl::SimpleAtoi(n, &parts.ordinal)) {
    return std::nullopt;
  }
  return parts;
}

}  // namespace

std::string FormatProceedingId(absl::string_view case_number,
                               ProceedingKind kind, int ordinal) {
  return absl::StrCat(case_number, "-", std::string(1, SuffixLetter(kind)),
                      ordinal);
}

absl::string_view KindName(ProceedingKind kind) {
  return kind == ProceedingKind::kReview ? "行政复议" : "行政诉讼";
}

absl::StatusOr<ProceedingId> ParseProceedingId(absl::string_view id,
                                               ProceedingKind kind,
                                               absl::string_view field) {
  if (id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": 必须填写"));
  }
  const std::optional<Parts> parts = Split(id);
  if (!parts.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": \"", id, "\" 不是", KindName(kind), "编号，编号形如 ",
        FormatProceedingId("2022-0013", kind, 1)));
  }
  if (parts->letter != SuffixLetter(kind)) {
    const ProceedingKind other = kind == ProceedingKind::kReview
                                     ? ProceedingKind::kLawsuit
                                     : ProceedingKind::kReview;
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": \"", id, "\" 是", KindName(other), "编号，不是",
                     KindName(kind), "编号"));
  }
  return ProceedingId{std::string(parts->case_number), kind, parts->ordinal};
}

std::string ProceedingFieldPath(ProceedingKind kind, absl::string_view id,
                                absl::string_view field) {
  return absl::StrCat(kind == ProceedingKind::kReview ? "reviews" : "lawsuits",
                      "[id=", id, "].", field);
}

bool ProceedingIdLess(absl::string_view a, absl::string_view b) {
  const std::optional<Parts> pa = Split(a);
  const std::optional<Parts> pb = Split(b);
  if (pa.has_value() != pb.has_value()) return pa.has_value();
  if (!pa.has_value()) return a < b;
  return std::make_tuple(pa->year, pa->sequence, pa->letter, pa->ordinal) <
         std::make_tuple(pb->year, pb->sequence, pb->letter, pb->ordinal);
}

}  // namespace ogi
