#ifndef OGI_SERVICES_SERVER_REFLECTION_SERVICE_H_
#define OGI_SERVICES_SERVER_REFLECTION_SERVICE_H_

// gRPC server reflection, both grpc.reflection.v1 and the older
// grpc.reflection.v1alpha (same messages, same field numbers), answered from
// the descriptors compiled into the server (the generated pool), so that
// generic tools (grpcurl, Postman, grpc-js and grpcio reflection clients) can
// discover and call every service the server lists.
//
// ogi serves reflection itself instead of linking gRPC's plugin because
// Debian's gRPC 1.51 plugin serves only v1alpha, lists grpc.health.v1.Health
// without being able to describe it, and repeats earlier answers in later
// ones on a long stream. Here each request gets exactly one response, built
// fresh; a file answer carries the file and every file it imports, directly
// or not, each once, so that a client can build the whole file from one
// answer. Reflection needs no token: it describes the public API, never data.

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "grpc/reflection/v1/reflection.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace ogi {

// What reflection answers, without gRPC: the listed services and the files
// that describe them. Immutable after Create; thread-safe. Lookups use the
// index's own tables, never the pool's lazy loading, which would remember
// every unknown name a client sends for the life of the process.
//
// Every error is NOT_FOUND with a message in the "field: rule" form, naming
// the request field (e.g. `file_containing_symbol: 未找到符号 "ogi.v1.Nope"`),
// and echoing at most a short prefix of a long requested name, with its
// length (QuoteForMessage, services/common/text.h).
class ReflectionIndex {
 public:
  // The index listing `services` (full names, e.g. "ogi.v1.CaseService", in
  // the order given) and serving the files of `pool` that define them,
  // `extra_files` (e.g. google.rpc.BadRequest's, so that clients can decode
  // error details; passed as descriptors, which keeps their code linked)
  // and every file these import. `pool` and the files must outlive the index
  // (normally DescriptorPool::generated_pool(); this links grpc.health.v1's
  // descriptors into the binary, since gRPC's default health service answers
  // Health but registers no descriptor). INTERNAL when a listed service is
  // not in `pool` (its generated code was not linked: a programming error).
  static absl::StatusOr<std::unique_ptr<ReflectionIndex>> Create(
      std::vector<std::string> services,
      const std::vector<const google::protobuf::FileDescriptor*>& extra_files,
      const google::protobuf::DescriptorPool* pool);

  // The listed services' full names.
  const std::vector<std::string>& services() const { return services_; }

  // Serialized google.protobuf.FileDescriptorProto messages: the file named
  // `file_name` (e.g. "ogi/v1/common.proto") first, then every file it
  // imports, directly or not, each once. NOT_FOUND "file_by_filename: ...".
  absl::StatusOr<std::vector<std::string>> FileByName(
      absl::string_view file_name) const;

  // The same for the file that defines `symbol`: a service, method, message,
  // nested message, enum, enum value, field or extension by its full name
  // (e.g. "ogi.v1.CaseService.GetCase", "ogi.v1.Case.number").
  // NOT_FOUND "file_containing_symbol: ...".
  absl::StatusOr<std::vector<std::string>> FileContainingSymbol(
      absl::string_view symbol) const;

  // The same for the file that defines extension `number` of the message
  // `containing_type` (full name). NOT_FOUND
  // "file_containing_extension.containing_type: ..." for an unknown type,
  // "file_containing_extension.extension_number: ..." for an unknown number.
  absl::StatusOr<std::vector<std::string>> FileContainingExtension(
      absl::string_view containing_type, int number) const;

  // The numbers of every extension of the message `type` (full name) that
  // the served files define, ascending. NOT_FOUND
  // "all_extension_numbers_of_type: ..." for an unknown type.
  absl::StatusOr<std::vector<int>> ExtensionNumbersOf(
      absl::string_view type) const;

 private:
  using FileDescriptor = google::protobuf::FileDescriptor;

  ReflectionIndex() = default;

  // Adds `file` and, first, everything it imports, unless already served.
  void Serve(const FileDescriptor* file);
  // Indexes the symbols `message` defines (itself included), of `file`.
  void AddMessage(const google::protobuf::Descriptor* message,
                  const FileDescriptor* file);
  void AddEnum(const google::protobuf::EnumDescriptor* type,
               const FileDescriptor* file);
  void AddExtension(const google::protobuf::FieldDescriptor* extension,
                    const FileDescriptor* file);
  // `file` and its imports, serialized, `file` first (see FileByName).
  std::vector<std::string> WithImports(const FileDescriptor* file) const;

  std::vector<std::string> services_;
  // Every served file by name.
  std::map<std::string, const FileDescriptor*> files_;
  // Every served file's serialized FileDescriptorProto.
  std::map<const FileDescriptor*, std::string> serialized_;
  // The defining file of every symbol of the served files, by full name.
  std::map<std::string, const FileDescriptor*> symbols_;
  // Extension numbers by the extended message's full name, each with the
  // file that defines the extension.
  std::map<std::string, std::map<int, const FileDescriptor*>> extensions_;
  // Every message type of the served files, by full name.
  std::set<std::string> message_types_;
};

// The grpc.reflection.v1.ServerReflection service answering from `index`,
// which must outlive it. Callback API: each stream reads a request, writes
// its one response, then reads the next, and ends with OK when the client
// half-closes (or ends when the call is cancelled). Errors go in the
// response's ErrorResponse (error_code 5 NOT_FOUND, or 3 INVALID_ARGUMENT
// for a request that asks nothing); the stream goes on. The response's
// valid_host and original_request echo the request with every text cut to
// at most 256 bytes, so that a huge request cannot make a huge answer.
std::unique_ptr<grpc::Service> NewReflectionServiceV1(
    const ReflectionIndex* index);

// The same service in the package grpc.reflection.v1alpha.
std::unique_ptr<grpc::Service> NewReflectionServiceV1Alpha(
    const ReflectionIndex* index);

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_REFLECTION_SERVICE_H_
