// ogi: the command-line client of ogi-server. See cli/commands.h.

#include <iostream>
#include <string>
#include <vector>

#include "cli/client.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return ogi::cli::RunOgi(args, ogi::cli::Environment::FromProcess(),
                          ogi::cli::MakeGrpcStubs, std::cout, std::cerr);
}
