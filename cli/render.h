#ifndef OGI_CLI_RENDER_H_
#define OGI_CLI_RENDER_H_

// Terminal and JSON rendering for `ogi`: tables and cards aligned by display
// width (a Chinese character takes two columns), optional ANSI bold, and the
// JSON form of API messages. Pure; thread-compatible.

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"

namespace ogi::cli {

// `text` wrapped in ANSI bold when `color`, else unchanged.
std::string Bold(absl::string_view text, bool color);

// A foreground colour for things that need attention: red for what is late,
// yellow for what is due soon.
enum class Tint { kNone, kRed, kYellow };

// `text` wrapped in the ANSI code of `tint` when `color` and `tint` is not
// kNone, else unchanged.
std::string Colorize(absl::string_view text, Tint tint, bool color);

// Rows of text cells under a header row. Columns are separated by two spaces
// and padded to their widest cell by display width. A cell containing "\n"
// spans several lines; the other cells of its row are blank on the extra
// lines. No line ends in spaces. Thread-compatible.
class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  // REQUIRES: cells.size() equals the number of headers.
  void AddRow(std::vector<std::string> cells);
  // Like AddRow; when rendered with colour, every cell of the row is shown in
  // `tint`.
  void AddRow(std::vector<std::string> cells, Tint tint);
  size_t row_count() const { return rows_.size(); }

  // Writes the header (bold when `color`) and every row.
  void Render(std::ostream& out, bool color) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<Tint> tints_;  // one per row
};

// "label  value" lines with the labels padded to the widest by display width.
// A value containing "\n" continues on the next lines, indented to the value
// column. Thread-compatible.
class Card {
 public:
  void Add(std::string label, std::string value);
  // Like Add, but skips an empty value (for optional fields).
  void AddIfPresent(std::string label, std::string value);

  // Writes every line; labels bold when `color`.
  void Render(std::ostream& out, bool color) const;

 private:
  std::vector<std::pair<std::string, std::string>> lines_;
};

// The proto3 JSON form of `message`: original field names (applicant_type),
// fields with default values included, enums as their names, indented.
// INTERNAL if the message cannot be converted.
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message);

// Like ToJson, but on one line without extra whitespace (for NDJSON streams).
absl::StatusOr<std::string> ToJsonLine(
    const google::protobuf::Message& message);

// "YYYY-MM-DD HH:MM" in China Standard Time (UTC+8); "" for an unset
// (zero) timestamp.
std::string FormatChinaTime(const google::protobuf::Timestamp& timestamp);

// "YYYY-MM-DD": the day in China Standard Time; "" for an unset timestamp.
std::string FormatChinaDate(const google::protobuf::Timestamp& timestamp);

}  // namespace ogi::cli

#endif  // OGI_CLI_RENDER_H_
