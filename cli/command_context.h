#ifndef OGI_CLI_COMMAND_CONTEXT_H_
#define OGI_CLI_COMMAND_CONTEXT_H_

// What a command's handler (args.h CommandSpec::handler) is given, and the
// adapters that turn the Run* functions of the command files into handlers,
// so that each table entry names its Run* function next to its flags.

#include <istream>
#include <ostream>

#include "absl/status/status.h"
#include "cli/args.h"
#include "cli/client.h"

namespace ogi::cli {

struct CommandContext {
  const ParsedArgs& args;
  // Default-constructed for CommandSetup::kNothing; without the token for
  // kServerWithoutToken and kOptionsOnly.
  const GlobalOptions& options;
  const Environment& env;
  // Null for CommandSetup::kOptionsOnly and kNothing.
  ServiceStubs* stubs;
  std::istream& in;    // what the command reads (the token of `ogi login`)
  std::ostream& out;   // the result, shown only once the command succeeded
  std::ostream& live;  // lines shown as they come (`ogi alerts --watch`)
  std::ostream& err;   // warnings of a command that does not fail
};

// A service accessor of ServiceStubs, e.g. &ServiceStubs::Cases.
template <typename Stub>
using StubAccessor = Stub& (ServiceStubs::*)();

// The handler for a Run* function of the usual shape: (args, options, the
// service's stub, out).
template <typename Stub>
CommandHandler Handler(absl::Status (*run)(const ParsedArgs&,
                                           const GlobalOptions&, Stub&,
                                           std::ostream&),
                       StubAccessor<Stub> service) {
  return [run, service](const CommandContext& c) {
    return run(c.args, c.options, (c.stubs->*service)(), c.out);
  };
}

// The handler for a Run* function that also warns: (args, options, stub,
// out, err).
template <typename Stub>
CommandHandler Handler(absl::Status (*run)(const ParsedArgs&,
                                           const GlobalOptions&, Stub&,
                                           std::ostream&, std::ostream&),
                       StubAccessor<Stub> service) {
  return [run, service](const CommandContext& c) {
    return run(c.args, c.options, (c.stubs->*service)(), c.out, c.err);
  };
}

}  // namespace ogi::cli

#endif  // OGI_CLI_COMMAND_CONTEXT_H_
