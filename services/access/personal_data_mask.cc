#include "services/access/personal_data_mask.h"

#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

namespace ogi {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The byte offsets at which the UTF-8 characters of `text` start.
std::vector<size_t> CharacterStarts(absl::string_view text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      starts.push_back(i);
    }
  }
  return starts;
}

void MaskStringField(Message* message, const FieldDescriptor* field) {
  if (field == nullptr || field->type() != FieldDescriptor::TYPE_STRING ||
      field->is_repeated()) {
    return;
  }
  const Reflection* reflection = message->GetReflection();
  const std::string value = reflection->GetString(*message, field);
  if (!value.empty()) reflection->SetString(message, field, MaskNumber(value));
}

bool IsMaskedPath(absl::string_view path) {
  return path == "applicant.id_number" || path == "applicant.phone";
}

}  // namespace

std::string MaskNumber(absl::string_view number) {
  const std::vector<size_t> starts = CharacterStarts(number);
  const size_t n = starts.size();
  size_t head = 0;
  size_t tail = 0;
  if (n >= 11) {
    head = 3;
    tail = 4;
  } else if (n >= 5) {
    tail = 2;
  }
  std::string out(number.substr(0, head == 0 ? 0 : starts[head]));
  out.append(n - head - tail, '*');
  if (tail > 0) {
    const absl::string_view kept = number.substr(starts[n - tail]);
    out.append(kept.data(), kept.size());
  }
  return out;
}

void MaskPersonalData(Message* message) {
  const Descriptor* type = message->GetDescriptor();
  if (type->full_name() == "ogi.v1.Applicant") {
    MaskStringField(message, type->FindFieldByName("id_number"));
    MaskStringField(message, type->FindFieldByName("phone"));
    return;
  }
  const Reflection* reflection = message->GetReflection();
  if (type->full_name() == "ogi.v1.FieldChange" &&
      IsMaskedPath(
          reflection->GetString(*message, type->FindFieldByName("field")))) {
    MaskStringField(message, type->FindFieldByName("old_value"));
    MaskStringField(message, type->FindFieldByName("new_value"));
    return;
  }
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);  // only those that are set
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_map()) continue;  // ogi maps hold no applicants
    if (field->is_repeated()) {
      const int size = reflection->FieldSize(*message, field);
      for (int i = 0; i < size; ++i) {
        MaskPersonalData(reflection->MutableRepeatedMessage(message, field, i));
      }
    } else {
      MaskPersonalData(reflection->MutableMessage(message, field));
    }
  }
}

}  // namespace ogi
