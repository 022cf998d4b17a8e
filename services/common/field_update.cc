#include "services/common/field_update.h"

#include <cstdlib>
#include <memory>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/field_mask_util.h"
#include "services/common/sha256.h"
#include "services/common/text.h"

namespace ogi {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FieldMask;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;
using ::google::protobuf::util::FieldMaskUtil;

constexpr size_t kEtagHexDigits = 32;  // 128 bits: no accidental clash
constexpr size_t kMaxNamedPaths = 5;

const FieldDescriptor& EtagField(const Message& record) {
  const FieldDescriptor* field =
      record.GetDescriptor()->FindFieldByName("etag");
  // A programmer error: only records with an etag field are versioned.
  if (field == nullptr ||
      field->cpp_type() != FieldDescriptor::CPPTYPE_STRING ||
      field->is_repeated()) {
    std::abort();
  }
  return *field;
}

// Whether the field at `path` (dotted) of `message` holds a non-default
// value; false when a message on the way is absent.
bool HasValue(const Message& message, absl::string_view path) {
  const Message* current = &message;
  const std::vector<absl::string_view> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const Descriptor* type = current->GetDescriptor();
    const FieldDescriptor* field = type->FindFieldByName(std::string(parts[i]));
    if (field == nullptr) return false;
    const Reflection* reflection = current->GetReflection();
    if (field->is_repeated()) return reflection->FieldSize(*current, field) > 0;
    // proto3 scalars: HasField is "not the default"; messages: present.
    if (!reflection->HasField(*current, field)) return false;
    if (i + 1 == parts.size()) return true;
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return false;
    current = &reflection->GetMessage(*current, field);
  }
  return false;
}

// True when `path` is `allowed` or lies under it.
bool Under(absl::string_view path, absl::string_view allowed) {
  return path == allowed ||
         (absl::StartsWith(path, allowed) && path.size() > allowed.size() &&
          path[allowed.size()] == '.');
}

}  // namespace

std::string EtagOf(const Message& record) {
  const FieldDescriptor& etag = EtagField(record);
  std::unique_ptr<Message> copy(record.New());
  copy->CopyFrom(record);
  copy->GetReflection()->ClearField(copy.get(), &etag);
  return Sha256HexOfMessage(*copy).substr(0, kEtagHexDigits);
}

void StampEtag(Message* record) {
  record->GetReflection()->SetString(record, &EtagField(*record),
                                     EtagOf(*record));
}

absl::Status CheckEtag(absl::string_view given, const Message* stored) {
  if (given.empty()) return absl::OkStatus();
  if (stored != nullptr && given == EtagOf(*stored)) return absl::OkStatus();
  return absl::AbortedError("etag: 记录已被他人修改，请重新读取后再改");
}

absl::Status ApplyUpdate(const Message& given, const FieldMask& mask,
                         const std::vector<std::string>& updatable,
                         Message* stored) {
  FieldMask effective;
  if (mask.paths().empty()) {
    for (const std::string& path : updatable) {
      bool has_sub_paths = false;
      for (const std::string& other : updatable) {
        has_sub_paths = has_sub_paths || (other != path && Under(other, path));
      }
      if (!has_sub_paths && HasValue(given, path)) effective.add_paths(path);
    }
  } else {
    std::vector<std::string> unknown;
    for (const std::string& path : mask.paths()) {
      bool known = FieldMaskUtil::GetFieldDescriptors(given.GetDescriptor(),
                                                      path, nullptr);
      bool listed = false;
      for (const std::string& allowed : updatable) {
        listed = listed || Under(path, allowed);
      }
      // A few are enough to name; a mask of thousands must not make a
      // message of thousands.
      if ((!known || !listed) && unknown.size() < kMaxNamedPaths) {
        unknown.push_back(QuoteForMessage(path));
      }
    }
    if (!unknown.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("update_mask: 未知字段 ", absl::StrJoin(unknown, "、"),
                       "（可用：", absl::StrJoin(updatable, "、"), "）"));
    }
    effective = mask;
  }
  FieldMaskUtil::MergeOptions options;
  // A masked message or list is replaced, not merged into: the mask means
  // "this field becomes what the request says".
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  FieldMaskUtil::MergeMessageTo(given, effective, options, stored);
  return absl::OkStatus();
}

}  // namespace ogi
