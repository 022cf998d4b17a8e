#include "services/rpc/grpc_status_util.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/any.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/common/field_violations.h"
#include "services/common/text.h"

namespace ogi {
namespace {

constexpr absl::string_view kEllipsis = "…";

// Room kept for the closing "另有 N 项未列出" violation and the Any wrapper.
constexpr size_t kDetailsReserve = 96;

// The violations of `status` that fit the details' bounds.
google::rpc::BadRequest BoundedViolations(const absl::Status& status,
                                          size_t budget) {
  const google::rpc::BadRequest all = ViolationsOf(status);
  google::rpc::BadRequest out;
  size_t used = 0;
  int kept = 0;
  for (const auto& violation : all.field_violations()) {
    if (kept == kMaxDetailedViolations) break;
    google::rpc::BadRequest::FieldViolation bounded;
    bounded.set_field(CapUtf8(violation.field(), kMaxViolationFieldBytes));
    bounded.set_description(
        CapUtf8(violation.description(), kMaxViolationDescriptionBytes));
    // Its size inside the repeated field: tag, length and body.
    const size_t size = bounded.ByteSizeLong() + 3;
    if (used + size > budget) break;
    used += size;
    *out.add_field_violations() = std::move(bounded);
    ++kept;
  }
  if (kept < all.field_violations_size()) {
    auto* more = out.add_field_violations();
    more->set_description(
        absl::StrCat("另有 ", all.field_violations_size() - kept, " 项未列出"));
  }
  return out;
}

}  // namespace

std::string CapUtf8(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return absl::StrCat(Utf8Prefix(text, max_bytes - kEllipsis.size()),
                      kEllipsis);
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  std::string message = CapUtf8(status.message(), kMaxStatusMessageBytes);
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return grpc::Status(code, message);
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(message);
  const size_t budget =
      kMaxStatusDetailsBytes - kDetailsReserve - details.ByteSizeLong();
  details.add_details()->PackFrom(BoundedViolations(status, budget));
  return grpc::Status(code, std::move(message), details.SerializeAsString());
}

}  // namespace ogi
