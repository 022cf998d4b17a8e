#include "cli/render.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"
#include "services/common/clock.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

std::vector<std::string> SplitLines(absl::string_view text) {
  return absl::StrSplit(text, '\n');
}

size_t WidestLine(absl::string_view text) {
  size_t width = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    width = std::max(width, DisplayWidth(line));
  }
  return width;
}

void WriteLine(std::ostream& out, std::string line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

}  // namespace

std::string Bold(absl::string_view text, bool color) {
  if (!color || text.empty()) return std::string(text);
  return absl::StrCat("\x1b[1m", text, "\x1b[0m");
}

std::string Colorize(absl::string_view text, Tint tint, bool color) {
  if (!color || text.empty()) return std::string(text);
  switch (tint) {
    case Tint::kNone:
      break;
    case Tint::kRed:
      return absl::StrCat("\x1b[31m", text, "\x1b[0m");
    case Tint::kYellow:
      return absl::StrCat("\x1b[33m", text, "\x1b[0m");
  }
  return std::string(text);
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::AddRow(std::vector<std::string> cells) {
  AddRow(std::move(cells), Tint::kNone);
}

void Table::AddRow(std::vector<std::string> cells, Tint tint) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
  tints_.push_back(tint);
}

void Table::Render(std::ostream& out, bool color) const {
  const size_t columns = headers_.size();
  std::vector<size_t> widths(columns, 0);
  for (size_t c = 0; c < columns; ++c) {
    widths[c] = DisplayWidth(headers_[c]);
    for (const auto& row : rows_) {
      widths[c] = std::max(widths[c], WidestLine(row[c]));
    }
  }
  const auto pad = [&](absl::string_view text, size_t c, bool bold,
                       Tint tint = Tint::kNone) {
    // Padding goes outside the escape codes so they never count as width.
    std::string cell =
        tint == Tint::kNone ? Bold(text, bold) : Colorize(text, tint, color);
    const size_t have = DisplayWidth(text);
    if (c + 1 < columns && have < widths[c]) {
      cell.append(widths[c] - have, ' ');
    }
    return cell;
  };

  std::string header;
  for (size_t c = 0; c < columns; ++c) {
    if (c > 0) header += "  ";
    header += pad(headers_[c], c, color);
  }
  WriteLine(out, std::move(header));

  for (size_t r = 0; r < rows_.size(); ++r) {
    const std::vector<std::string>& row = rows_[r];
    std::vector<std::vector<std::string>> cell_lines;
    size_t height = 1;
    for (const std::string& cell : row) {
      cell_lines.push_back(SplitLines(cell));
      height = std::max(height, cell_lines.back().size());
    }
    for (size_t l = 0; l < height; ++l) {
      std::string line;
      for (size_t c = 0; c < columns; ++c) {
        if (c > 0) line += "  ";
        const auto& lines = cell_lines[c];
        line += pad(l < lines.size() ? lines[l] : "", c, false, tints_[r]);
      }
      WriteLine(out, std::move(line));
    }
  }
}

void Card::Add(std::string label, std::string value) {
  lines_.emplace_back(std::move(label), std::move(value));
}

void Card::AddIfPresent(std::string label, std::string value) {
  if (!value.empty()) Add(std::move(label), std::move(value));
}

void Card::Render(std::ostream& out, bool color) const {
  size_t width = 0;
  for (const auto& [label, value] : lines_) {
    width = std::max(width, DisplayWidth(label));
  }
  const std::string indent(width + 2, ' ');
  for (const auto& [label, value] : lines_) {
    const std::vector<std::string> value_lines = SplitLines(value);
    std::string first = Bold(label, color);
    first.append(width - DisplayWidth(label) + 2, ' ');
    first += value_lines[0];
    WriteLine(out, std::move(first));
    for (size_t i = 1; i < value_lines.size(); ++i) {
      WriteLine(out, indent + value_lines[i]);
    }
  }
}

namespace {

absl::StatusOr<std::string> MessageToJson(
    const google::protobuf::Message& message, bool indent) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = indent;
  options.always_print_primitive_fields = true;
  options.always_print_enums_as_ints = false;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("无法将 ", message.GetTypeName(),
                                            " 转为 JSON：",
                                            std::string(status.message())));
  }
  // MessageToJsonString ends indented output with a newline; the caller
  // decides on line ends.
  absl::StripTrailingAsciiWhitespace(&json);
  return json;
}

}  // namespace

absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message) {
  return MessageToJson(message, /*indent=*/true);
}

absl::StatusOr<std::string> ToJsonLine(
    const google::protobuf::Message& message) {
  return MessageToJson(message, /*indent=*/false);
}

namespace {

std::string FormatChina(const google::protobuf::Timestamp& timestamp,
                        const char* format) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return "";
  const absl::Time time = absl::FromUnixSeconds(timestamp.seconds()) +
                          absl::Nanoseconds(timestamp.nanos());
  return absl::FormatTime(format, time, ChinaTimeZone());
}

}  // namespace

std::string FormatChinaTime(const google::protobuf::Timestamp& timestamp) {
  return FormatChina(timestamp, "%Y-%m-%d %H:%M");
}

std::string FormatChinaDate(const google::protobuf::Timestamp& timestamp) {
  return FormatChina(timestamp, "%Y-%m-%d");
}

}  // namespace ogi::cli
