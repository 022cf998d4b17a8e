// ogi: the command-line client of ogi-server. See cli/commands.h.

#include <grpc/support/log.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/client.h"
#include "cli/commands.h"

namespace {

void DiscardGrpcLog(gpr_log_func_args*) {}

}  // namespace

int main(int argc, char** argv) {
  // Every failure reaches the user as one "ogi: ..." line that says what
  // went wrong (e.g. a TLS handshake refused); gRPC's own log lines would
  // only add noise to stderr. GRPC_VERBOSITY, when set, turns them back on
  // for debugging.
  if (std::getenv("GRPC_VERBOSITY") == nullptr) {
    gpr_set_log_function(DiscardGrpcLog);
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  return ogi::cli::RunOgi(args, ogi::cli::Environment::FromProcess(),
                          ogi::cli::MakeGrpcStubs, std::cout, std::cerr);
}
