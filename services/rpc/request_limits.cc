#include "services/rpc/request_limits.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "ogi/v1/field_limits.pb.h"
#include "services/common/field_violations.h"
#include "services/common/text.h"

namespace ogi {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

const v1::FieldLimits& LimitsOf(const FieldDescriptor& field) {
  return field.options().GetExtension(v1::limits);
}

std::string Join(absl::string_view prefix, absl::string_view name) {
  return prefix.empty() ? std::string(name) : absl::StrCat(prefix, ".", name);
}

class LimitChecker {
 public:
  explicit LimitChecker(FieldViolations* violations)
      : violations_(violations) {}

  void CheckMessage(const Message& message, const std::string& path) {
    const Reflection& reflection = *message.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    reflection.ListFields(message, &fields);
    for (const FieldDescriptor* field : fields) {
      const std::string field_path = Join(path, field->name());
      if (field->is_repeated()) {
        CheckRepeated(message, *field, field_path);
      } else {
        CheckValue(message, *field, -1, field_path);
      }
    }
  }

 private:
  void CheckRepeated(const Message& message, const FieldDescriptor& field,
                     const std::string& path) {
    const v1::FieldLimits& limits = LimitsOf(field);
    const int max_items =
        limits.max_items() > 0 ? limits.max_items() : kDefaultMaxItems;
    const int size = message.GetReflection()->FieldSize(message, &field);
    if (size > max_items) {
      violations_->Add(
          path, absl::StrCat("共 ", size, " 项，超过上限 ", max_items, " 项"));
    }
    const int walked = size < max_items ? size : max_items;
    for (int i = 0; i < walked; ++i) {
      CheckValue(message, field, i, ElementPath(message, field, i, path));
    }
  }

  // "path[i]", or "path[key]" for a map entry.
  static std::string ElementPath(const Message& message,
                                 const FieldDescriptor& field, int index,
                                 const std::string& path) {
    if (!field.is_map()) return absl::StrCat(path, "[", index, "]");
    const Message& entry =
        message.GetReflection()->GetRepeatedMessage(message, &field, index);
    const FieldDescriptor* key = entry.GetDescriptor()->map_key();
    const Reflection& reflection = *entry.GetReflection();
    std::string text;
    switch (key->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        text = QuoteForMessage(reflection.GetString(entry, key),
                               kEchoedPrefixLength);
        break;
      case FieldDescriptor::CPPTYPE_INT32:
        text = absl::StrCat(reflection.GetInt32(entry, key));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        text = absl::StrCat(reflection.GetInt64(entry, key));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        text = absl::StrCat(reflection.GetUInt32(entry, key));
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        text = absl::StrCat(reflection.GetUInt64(entry, key));
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        text = reflection.GetBool(entry, key) ? "true" : "false";
        break;
      default:
        text = absl::StrCat(index);
        break;
    }
    return absl::StrCat(path, "[", text, "]");
  }

  // One value of `field`: the singular one when `index` < 0, else element
  // `index` of the repeated field. A map entry is a message whose key and
  // value are checked as its fields, under the entry's own path.
  void CheckValue(const Message& message, const FieldDescriptor& field,
                  int index, const std::string& path) {
    const Reflection& r = *message.GetReflection();
    const bool repeated = index >= 0;
    switch (field.cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        const Message& sub = repeated
                                 ? r.GetRepeatedMessage(message, &field, index)
                                 : r.GetMessage(message, &field);
        if (field.is_map()) {
          CheckMapEntry(sub, path);
        } else {
          CheckMessage(sub, path);
        }
        return;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string& value =
            repeated
                ? r.GetRepeatedStringReference(message, &field, index, &scratch)
                : r.GetStringReference(message, &field, &scratch);
        CheckText(field, value, path);
        return;
      }
      case FieldDescriptor::CPPTYPE_INT32:
        CheckInteger(field,
                     repeated ? r.GetRepeatedInt32(message, &field, index)
                              : r.GetInt32(message, &field),
                     path);
        return;
      case FieldDescriptor::CPPTYPE_INT64:
        CheckInteger(field,
                     repeated ? r.GetRepeatedInt64(message, &field, index)
                              : r.GetInt64(message, &field),
                     path);
        return;
      case FieldDescriptor::CPPTYPE_UINT32:
        CheckInteger(field,
                     repeated ? r.GetRepeatedUInt32(message, &field, index)
                              : r.GetUInt32(message, &field),
                     path);
        return;
      case FieldDescriptor::CPPTYPE_UINT64: {
        const uint64_t value = repeated
                                   ? r.GetRepeatedUInt64(message, &field, index)
                                   : r.GetUInt64(message, &field);
        // Beyond int64: above any bound the annotation can state.
        const v1::FieldLimits& limits = LimitsOf(field);
        if (limits.has_max() && value > static_cast<uint64_t>(INT64_MAX)) {
          violations_->Add(path, RangeRule(limits, absl::StrCat(value)));
          return;
        }
        CheckInteger(field, static_cast<int64_t>(value), path);
        return;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const int value = repeated
                              ? r.GetRepeatedEnumValue(message, &field, index)
                              : r.GetEnumValue(message, &field);
        if (field.enum_type()->FindValueByNumber(value) == nullptr) {
          violations_->Add(path, absl::StrCat(value, " 不是有效的取值"));
        }
        return;
      }
      case FieldDescriptor::CPPTYPE_BOOL:
      case FieldDescriptor::CPPTYPE_FLOAT:
      case FieldDescriptor::CPPTYPE_DOUBLE:
        return;
    }
  }

  void CheckMapEntry(const Message& entry, const std::string& path) {
    const google::protobuf::Descriptor& type = *entry.GetDescriptor();
    const FieldDescriptor* key = type.map_key();
    const FieldDescriptor* value = type.map_value();
    CheckValue(entry, *key, -1, path);
    if (value->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      CheckMessage(entry.GetReflection()->GetMessage(entry, value), path);
    } else {
      CheckValue(entry, *value, -1, path);
    }
  }

  void CheckText(const FieldDescriptor& field, const std::string& value,
                 const std::string& path) {
    const v1::FieldLimits& limits = LimitsOf(field);
    const int64_t max_length =
        limits.max_length() > 0 ? limits.max_length() : kDefaultMaxLength;
    if (field.type() == FieldDescriptor::TYPE_BYTES) {
      if (static_cast<int64_t>(value.size()) > max_length) {
        violations_->Add(path,
                         absl::StrCat("共 ", value.size(), " 字节，超过上限 ",
                                      max_length, " 字节"));
      }
      return;
    }
    // Cheap first: a string of at most max_length bytes cannot hold more
    // characters.
    if (static_cast<int64_t>(value.size()) <= max_length) return;
    const int64_t length = static_cast<int64_t>(Utf8Length(value));
    if (length <= max_length) return;
    std::string quoted = QuoteForMessage(value, kEchoedPrefixLength);
    if (length <= kEchoedPrefixLength) {
      absl::StrAppend(&quoted, "（共 ", length, " 个字符）");
    }
    violations_->Add(path,
                     absl::StrCat(quoted, "超过上限 ", max_length, " 个字符"));
  }

  void CheckInteger(const FieldDescriptor& field, int64_t value,
                    const std::string& path) {
    const v1::FieldLimits& limits = LimitsOf(field);
    if ((limits.has_min() && value < limits.min()) ||
        (limits.has_max() && value > limits.max())) {
      violations_->Add(path, RangeRule(limits, absl::StrCat(value)));
    }
  }

  // The rule an out-of-range `value` breaks, worded as the domain's own range
  // checks are ("须在 1901 至 9998 之间，而不是 1900"), which these bounds
  // make unreachable from a call.
  static std::string RangeRule(const v1::FieldLimits& limits,
                               const std::string& value) {
    if (limits.has_min() && limits.has_max()) {
      return absl::StrCat("须在 ", limits.min(), " 至 ", limits.max(),
                          " 之间，而不是 ", value);
    }
    if (limits.has_min()) {
      return absl::StrCat("不能小于 ", limits.min(), "，而不是 ", value);
    }
    return absl::StrCat("不能大于 ", limits.max(), "，而不是 ", value);
  }

  FieldViolations* violations_;
};

}  // namespace

absl::Status CheckRequestLimits(const google::protobuf::Message& request) {
  FieldViolations violations;
  LimitChecker(&violations).CheckMessage(request, "");
  return violations.ToStatus();
}

}  // namespace ogi
