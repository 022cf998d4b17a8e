#include "services/common/paging.h"

#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "services/common/field_violations.h"

namespace ogi {
namespace {

// Token layout, before base64url: version (1 byte), position (8 bytes,
// little-endian), fingerprint (8 bytes, little-endian), check (4 bytes,
// little-endian: the low half of Fnv1a64 over the 17 bytes before it, so
// that a damaged or made-up token reads as invalid rather than as another
// query's).
constexpr char kTokenVersion = 1;
constexpr size_t kTokenBytes = 1 + 8 + 8 + 4;

// FNV-1a, 64 bits: stable across builds and restarts (unlike absl::Hash), so
// that a token outlives a server restart. Detects changed queries; it is no
// cryptographic digest, and need not be (see the header).
uint64_t Fnv1a64(absl::string_view data,
                 uint64_t hash = 0xcbf29ce484222325ULL) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

void AppendLittleEndian(uint64_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) {
    out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  }
}

uint64_t ReadLittleEndian(absl::string_view data, size_t at, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(data[at + i]))
             << (8 * i);
  }
  return value;
}

uint32_t CheckOf(absl::string_view head) {
  return static_cast<uint32_t>(Fnv1a64(head, 0x84222325cbf29ce4ULL));
}

// The list's name and the request without its paging fields, serialized
// deterministically (map entries in key order).
uint64_t FingerprintOf(const google::protobuf::Message& request,
                       const google::protobuf::FieldDescriptor* size_field,
                       const google::protobuf::FieldDescriptor* token_field,
                       absl::string_view list) {
  std::unique_ptr<google::protobuf::Message> query(request.New());
  query->CopyFrom(request);
  const google::protobuf::Reflection* reflection = query->GetReflection();
  reflection->ClearField(query.get(), size_field);
  reflection->ClearField(query.get(), token_field);
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    query->SerializeToCodedStream(&coded);
  }
  return Fnv1a64(bytes, Fnv1a64(absl::StrCat(list, "\n")));
}

}  // namespace

absl::StatusOr<PageRequest> PageRequest::Parse(
    const google::protobuf::Message& request, absl::string_view list,
    const PageRules& rules) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Descriptor* descriptor = request.GetDescriptor();
  const FieldDescriptor* size_field = descriptor->FindFieldByName("page_size");
  const FieldDescriptor* token_field =
      descriptor->FindFieldByName("page_token");
  if (size_field == nullptr || token_field == nullptr ||
      size_field->cpp_type() != FieldDescriptor::CPPTYPE_INT32 ||
      token_field->cpp_type() != FieldDescriptor::CPPTYPE_STRING ||
      size_field->is_repeated() || token_field->is_repeated()) {
    return absl::InternalError(absl::StrCat(
        descriptor->full_name(), " 没有分页字段 page_size、page_token"));
  }
  const google::protobuf::Reflection* reflection = request.GetReflection();
  const int32_t requested = reflection->GetInt32(request, size_field);
  const std::string token = reflection->GetString(request, token_field);

  FieldViolations violations;
  int size = requested == 0 ? rules.default_size : requested;
  if (requested < 0 || (rules.refuse_oversize && requested > rules.max_size)) {
    violations.Add(
        "page_size",
        rules.refuse_oversize
            ? absl::StrCat("须在 1 至 ", rules.max_size,
                           " 之间（填 0 表示默认值 ", rules.default_size, "）")
            : absl::StrCat("不能为负数（填 0 表示默认的 ", rules.default_size,
                           " 条；最多 ", rules.max_size, " 条，更大的值按 ",
                           rules.max_size, " 条）"));
  } else if (size > rules.max_size) {
    size = rules.max_size;  // AIP-158: coerced, not refused
  }

  const uint64_t fingerprint =
      FingerprintOf(request, size_field, token_field, list);
  int64_t position = 0;
  if (!token.empty()) {
    std::string raw;
    const bool decoded = absl::WebSafeBase64Unescape(token, &raw) &&
                         raw.size() == kTokenBytes && raw[0] == kTokenVersion &&
                         ReadLittleEndian(raw, 17, 4) ==
                             CheckOf(absl::string_view(raw).substr(0, 17));
    if (decoded) position = static_cast<int64_t>(ReadLittleEndian(raw, 1, 8));
    if (!decoded || position <= 0) {
      violations.Add("page_token",
                     "无效（须原样使用上一页返回的 next_page_token）");
    } else if (ReadLittleEndian(raw, 9, 8) != fingerprint) {
      violations.Add(
          "page_token",
          "与本次查询条件不符（翻页时除 page_size 外的条件须与上一页相同）");
    }
  }
  if (!violations.empty()) return violations.ToStatus();
  return PageRequest(size, position, fingerprint);
}

std::string PageRequest::NextToken(int64_t next_position) const {
  std::string raw;
  raw.push_back(kTokenVersion);
  AppendLittleEndian(static_cast<uint64_t>(next_position), 8, &raw);
  AppendLittleEndian(fingerprint_, 8, &raw);
  AppendLittleEndian(CheckOf(raw), 4, &raw);
  return absl::WebSafeBase64Escape(raw);
}

bool PageBudget::Admit(size_t entry_bytes) {
  if (count_ >= size_) return false;
  // The entry's tag (1 byte: list fields have small numbers) and its length
  // (a varint, at most 5 bytes for any message under 4 GiB).
  const size_t framed = entry_bytes + 6;
  if (count_ > 0 && bytes_ + framed > max_bytes_) return false;
  ++count_;
  bytes_ += framed;
  return true;
}

}  // namespace ogi
