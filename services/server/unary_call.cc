#include "services/server/unary_call.h"

namespace ogi {

std::string ActorFromMetadata(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  for (const char* key : {"ogi-actor-bin", "ogi-actor"}) {
    auto it = metadata.find(key);
    if (it != metadata.end()) {
      return std::string(it->second.data(), it->second.size());
    }
  }
  return "";
}

}  // namespace ogi
