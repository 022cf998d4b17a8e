#include "services/server/reflection_service.h"

#include <deque>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.pb.h"
#include "grpc/health/v1/health.pb.h"
#include "services/common/text.h"

namespace ogi {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::DescriptorPool;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FileDescriptor;
using ::google::protobuf::ServiceDescriptor;

// The longest text a response echoes in valid_host and original_request.
constexpr size_t kEchoedBytes = 256;

// A requested name quoted for an error message (QuoteForMessage: a long
// one cut to its beginning and its length); bytes that are not UTF-8, which
// a message must not carry, escaped first.
std::string Quoted(absl::string_view name) {
  return IsValidUtf8(name) ? QuoteForMessage(name)
                           : QuoteForMessage(absl::CHexEscape(name));
}

// `request` with every text cut to kEchoedBytes, for original_request.
template <typename Request>
Request BoundedCopy(const Request& request) {
  auto cut = [](const std::string& text) {
    return std::string(Utf8Prefix(text, kEchoedBytes));
  };
  Request copy;
  copy.set_host(cut(request.host()));
  switch (request.message_request_case()) {
    case Request::kFileByFilename:
      copy.set_file_by_filename(cut(request.file_by_filename()));
      break;
    case Request::kFileContainingSymbol:
      copy.set_file_containing_symbol(cut(request.file_containing_symbol()));
      break;
    case Request::kFileContainingExtension:
      copy.mutable_file_containing_extension()->set_containing_type(
          cut(request.file_containing_extension().containing_type()));
      copy.mutable_file_containing_extension()->set_extension_number(
          request.file_containing_extension().extension_number());
      break;
    case Request::kAllExtensionNumbersOfType:
      copy.set_all_extension_numbers_of_type(
          cut(request.all_extension_numbers_of_type()));
      break;
    case Request::kListServices:
      copy.set_list_services(cut(request.list_services()));
      break;
    case Request::MESSAGE_REQUEST_NOT_SET:
      break;
  }
  return copy;
}

template <typename Response>
void SetError(const absl::Status& status, Response* response) {
  auto* error = response->mutable_error_response();
  error->set_error_code(static_cast<int>(status.code()));
  error->set_error_message(std::string(status.message()));
}

// Fills the empty `response` with the one answer to `request`.
template <typename Request, typename Response>
void Answer(const ReflectionIndex& index, const Request& request,
            Response* response) {
  response->set_valid_host(
      std::string(Utf8Prefix(request.host(), kEchoedBytes)));
  *response->mutable_original_request() = BoundedCopy(request);
  absl::StatusOr<std::vector<std::string>> files;
  switch (request.message_request_case()) {
    case Request::kFileByFilename:
      files = index.FileByName(request.file_by_filename());
      break;
    case Request::kFileContainingSymbol:
      files = index.FileContainingSymbol(request.file_containing_symbol());
      break;
    case Request::kFileContainingExtension:
      files = index.FileContainingExtension(
          request.file_containing_extension().containing_type(),
          request.file_containing_extension().extension_number());
      break;
    case Request::kAllExtensionNumbersOfType: {
      absl::StatusOr<std::vector<int>> numbers =
          index.ExtensionNumbersOf(request.all_extension_numbers_of_type());
      if (!numbers.ok()) {
        SetError(numbers.status(), response);
        return;
      }
      auto* out = response->mutable_all_extension_numbers_response();
      // Known, hence one of the served files' (short) names.
      out->set_base_type_name(request.all_extension_numbers_of_type());
      for (int number : *numbers) out->add_extension_number(number);
      return;
    }
    case Request::kListServices: {
      auto* out = response->mutable_list_services_response();
      for (const std::string& name : index.services()) {
        out->add_service()->set_name(name);
      }
      return;
    }
    case Request::MESSAGE_REQUEST_NOT_SET:
      SetError(absl::InvalidArgumentError(
                   "message_request: 须填写一项请求：file_by_filename、"
                   "file_containing_symbol、file_containing_extension、"
                   "all_extension_numbers_of_type 或 list_services"),
               response);
      return;
  }
  if (!files.ok()) {
    SetError(files.status(), response);
    return;
  }
  auto* out = response->mutable_file_descriptor_response();
  for (std::string& file : *files) {
    out->add_file_descriptor_proto(std::move(file));
  }
}

// One reflection stream: reads a request, writes its one response, reads
// the next; at most one operation is pending at a time, so exactly one of
// the callbacks calls Finish. Deletes itself when done.
template <typename Request, typename Response>
class ReflectionReactor final
    : public grpc::ServerBidiReactor<Request, Response> {
 public:
  explicit ReflectionReactor(const ReflectionIndex* index) : index_(index) {
    this->StartRead(&request_);
  }

  // `ok` is false when the client half-closed or the call was cancelled
  // (then the status is not delivered anyway).
  void OnReadDone(bool ok) override {
    if (!ok) {
      this->Finish(grpc::Status::OK);
      return;
    }
    // A fresh answer for every request: nothing of the previous one stays.
    response_.Clear();
    Answer(*index_, request_, &response_);
    this->StartWrite(&response_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      this->Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                                "反射应答未能送达，调用已取消"));
      return;
    }
    request_.Clear();
    this->StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  const ReflectionIndex* const index_;
  Request request_;
  Response response_;
};

// ServerReflection of one package's generated types.
template <typename Base, typename Request, typename Response>
class ReflectionService final : public Base {
 public:
  explicit ReflectionService(const ReflectionIndex* index) : index_(index) {}

  grpc::ServerBidiReactor<Request, Response>* ServerReflectionInfo(
      grpc::CallbackServerContext* /*context*/) override {
    return new ReflectionReactor<Request, Response>(index_);
  }

 private:
  const ReflectionIndex* const index_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ReflectionIndex>> ReflectionIndex::Create(
    std::vector<std::string> services,
    const std::vector<const FileDescriptor*>& extra_files,
    const DescriptorPool* pool) {
  // The reference keeps health.pb.o in the link, so that its file is in the
  // generated pool: gRPC's default health service answers grpc.health.v1 but
  // registers no descriptor for it.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  std::unique_ptr<ReflectionIndex> index(new ReflectionIndex());
  for (const std::string& name : services) {
    const ServiceDescriptor* service = pool->FindServiceByName(name);
    if (service == nullptr) {
      return absl::InternalError(absl::StrCat(
          "reflection: 服务 ", name, " 的描述符不在描述符池中（未链接）"));
    }
    index->Serve(service->file());
  }
  for (const FileDescriptor* file : extra_files) index->Serve(file);
  index->services_ = std::move(services);
  return index;
}

void ReflectionIndex::Serve(const FileDescriptor* file) {
  if (files_.count(file->name()) > 0) return;
  for (int i = 0; i < file->dependency_count(); ++i) {
    Serve(file->dependency(i));
  }
  files_[file->name()] = file;
  google::protobuf::FileDescriptorProto proto;
  file->CopyTo(&proto);  // keeps explicit json_name options
  serialized_[file] = proto.SerializeAsString();
  for (int i = 0; i < file->message_type_count(); ++i) {
    AddMessage(file->message_type(i), file);
  }
  for (int i = 0; i < file->enum_type_count(); ++i) {
    AddEnum(file->enum_type(i), file);
  }
  for (int i = 0; i < file->extension_count(); ++i) {
    AddExtension(file->extension(i), file);
  }
  for (int i = 0; i < file->service_count(); ++i) {
    const ServiceDescriptor* service = file->service(i);
    symbols_[service->full_name()] = file;
    for (int m = 0; m < service->method_count(); ++m) {
      symbols_[service->method(m)->full_name()] = file;
    }
  }
}

void ReflectionIndex::AddMessage(const Descriptor* message,
                                 const FileDescriptor* file) {
  symbols_[message->full_name()] = file;
  message_types_.insert(message->full_name());
  for (int i = 0; i < message->field_count(); ++i) {
    symbols_[message->field(i)->full_name()] = file;
  }
  for (int i = 0; i < message->oneof_decl_count(); ++i) {
    symbols_[message->oneof_decl(i)->full_name()] = file;
  }
  for (int i = 0; i < message->nested_type_count(); ++i) {
    AddMessage(message->nested_type(i), file);
  }
  for (int i = 0; i < message->enum_type_count(); ++i) {
    AddEnum(message->enum_type(i), file);
  }
  for (int i = 0; i < message->extension_count(); ++i) {
    AddExtension(message->extension(i), file);
  }
}

void ReflectionIndex::AddEnum(const EnumDescriptor* type,
                              const FileDescriptor* file) {
  symbols_[type->full_name()] = file;
  for (int i = 0; i < type->value_count(); ++i) {
    symbols_[type->value(i)->full_name()] = file;
  }
}

void ReflectionIndex::AddExtension(const FieldDescriptor* extension,
                                   const FileDescriptor* file) {
  symbols_[extension->full_name()] = file;
  extensions_[extension->containing_type()->full_name()][extension->number()] =
      file;
}

std::vector<std::string> ReflectionIndex::WithImports(
    const FileDescriptor* file) const {
  std::vector<std::string> out;
  std::set<const FileDescriptor*> seen = {file};
  std::deque<const FileDescriptor*> next = {file};
  while (!next.empty()) {
    const FileDescriptor* at = next.front();
    next.pop_front();
    out.push_back(serialized_.at(at));
    for (int i = 0; i < at->dependency_count(); ++i) {
      if (seen.insert(at->dependency(i)).second) {
        next.push_back(at->dependency(i));
      }
    }
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> ReflectionIndex::FileByName(
    absl::string_view file_name) const {
  auto found = files_.find(std::string(file_name));
  if (found == files_.end()) {
    return absl::NotFoundError(
        absl::StrCat("file_by_filename: 未找到文件 ", Quoted(file_name)));
  }
  return WithImports(found->second);
}

absl::StatusOr<std::vector<std::string>> ReflectionIndex::FileContainingSymbol(
    absl::string_view symbol) const {
  auto found = symbols_.find(std::string(symbol));
  if (found == symbols_.end()) {
    return absl::NotFoundError(
        absl::StrCat("file_containing_symbol: 未找到符号 ", Quoted(symbol)));
  }
  return WithImports(found->second);
}

absl::StatusOr<std::vector<std::string>>
ReflectionIndex::FileContainingExtension(absl::string_view containing_type,
                                         int number) const {
  if (message_types_.count(std::string(containing_type)) == 0) {
    return absl::NotFoundError(absl::StrCat(
        "file_containing_extension.containing_type: 未找到消息类型 ",
        Quoted(containing_type)));
  }
  auto type = extensions_.find(std::string(containing_type));
  if (type != extensions_.end()) {
    auto found = type->second.find(number);
    if (found != type->second.end()) return WithImports(found->second);
  }
  return absl::NotFoundError(
      absl::StrCat("file_containing_extension.extension_number: 消息类型 ",
                   containing_type, " 没有编号为 ", number, " 的扩展"));
}

absl::StatusOr<std::vector<int>> ReflectionIndex::ExtensionNumbersOf(
    absl::string_view type) const {
  if (message_types_.count(std::string(type)) == 0) {
    return absl::NotFoundError(absl::StrCat(
        "all_extension_numbers_of_type: 未找到消息类型 ", Quoted(type)));
  }
  std::vector<int> numbers;
  auto found = extensions_.find(std::string(type));
  if (found != extensions_.end()) {
    for (const auto& [number, file] : found->second) numbers.push_back(number);
  }
  return numbers;
}

std::unique_ptr<grpc::Service> NewReflectionServiceV1(
    const ReflectionIndex* index) {
  namespace v1 = ::grpc::reflection::v1;
  return std::make_unique<ReflectionService<
      v1::ServerReflection::CallbackService, v1::ServerReflectionRequest,
      v1::ServerReflectionResponse>>(index);
}

std::unique_ptr<grpc::Service> NewReflectionServiceV1Alpha(
    const ReflectionIndex* index) {
  namespace v1alpha = ::grpc::reflection::v1alpha;
  return std::make_unique<ReflectionService<
      v1alpha::ServerReflection::CallbackService,
      v1alpha::ServerReflectionRequest, v1alpha::ServerReflectionResponse>>(
      index);
}

}  // namespace ogi
