#include "services/report/render/report_render.h"

#include <cstdio>
#include <cstdlib>

#include "google/protobuf/util/json_util.h"
#include "services/common/enum_names.h"

namespace ogi {

std::string RenderReport(const v1::Report& report, v1::ReportFormat format) {
  switch (format) {
    case v1::REPORT_FORMAT_CSV:
      return RenderReportCsv(report);
    case v1::REPORT_FORMAT_JSON:
      return RenderReportJson(report);
    case v1::REPORT_FORMAT_MARKDOWN:
      return RenderReportMarkdown(report);
    case v1::REPORT_FORMAT_HTML:
      return RenderReportHtml(report);
    default:
      return RenderReportText(report);
  }
}

std::string ReportContentType(v1::ReportFormat format) {
  switch (format) {
    case v1::REPORT_FORMAT_CSV:
      return "text/csv; charset=utf-8";
    case v1::REPORT_FORMAT_JSON:
      return "application/json";
    case v1::REPORT_FORMAT_MARKDOWN:
      return "text/markdown; charset=utf-8";
    case v1::REPORT_FORMAT_HTML:
      return "text/html; charset=utf-8";
    default:
      return "text/plain; charset=utf-8";
  }
}

absl::StatusOr<v1::ReportFormat> ParseReportFormat(absl::string_view text,
                                                   absl::string_view field) {
  const absl::StatusOr<int> format =
      ParseEnumIdentifier(v1::ReportFormat_descriptor(), text, field);
  if (!format.ok()) return format.status();
  return static_cast<v1::ReportFormat>(*format);
}

std::string RenderReportJson(const v1::Report& report) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(report, &json, options);
  if (!status.ok()) {
    // Only a string that is not UTF-8 fails, which parsing and validation
    // rule out: a broken invariant.
    std::fprintf(stderr, "RenderReportJson: %s\n",
                 std::string(status.message()).c_str());
    std::abort();
  }
  return json;
}

}  // namespace ogi
