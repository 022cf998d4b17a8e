#include "services/rpc/raw_unary.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "services/rpc/grpc_status_util.h"

namespace ogi {

int RawMethodIndex(absl::string_view service_full_name,
                   absl::string_view method) {
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          std::string(service_full_name));
  const google::protobuf::MethodDescriptor* found =
      service == nullptr ? nullptr
                         : service->FindMethodByName(std::string(method));
  if (found == nullptr) {
    std::fprintf(stderr, "ogi-server: no method %s.%s to serve\n",
                 std::string(service_full_name).c_str(),
                 std::string(method).c_str());
    std::abort();
  }
  return found->index();
}

grpc::ServerUnaryReactor* RefuseUndecodable(
    grpc::CallbackServerContext* context, absl::string_view request_type) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(absl::InvalidArgumentError(
      absl::StrCat("请求无法解码：收到的字节不是 ", request_type,
                   " 消息（请核对客户端所用的 .proto 文件与服务端一致）"))));
  return reactor;
}

}  // namespace ogi
