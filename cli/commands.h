#ifndef OGI_CLI_COMMANDS_H_
#define OGI_CLI_COMMANDS_H_

// The `ogi` command table and the top-level run: parse, show help or dispatch
// to a command, and report failure as one line on stderr.

#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/client.h"

namespace ogi::cli {

// Makes the stubs for the resolved global options (the server address and
// its TLS settings); called at most once per run, and only for commands that
// talk to the server.
using StubsFactory =
    std::function<std::unique_ptr<ServiceStubs>(const GlobalOptions& options)>;

// Every command `ogi` knows, in overview order: the area tables
// (CaseCommandSpecs(), ...) and `help`. Each entry carries its handler and
// what it needs prepared (CommandSpec::handler, setup); RunOgi parses, sets up
// and calls the handler, with no list of commands of its own.
const std::vector<CommandSpec>& AllCommands();

// The overview shown by `ogi help` and `ogi --help`.
std::string OverviewHelp();

// Runs `ogi` with `args` (argv without the program name). Writes the result
// to `out` only when the command succeeds, except `alerts --watch`, which
// writes (and flushes) each alert as it arrives; on failure writes exactly one
// line "ogi: <message>" to `err` (see ErrorLine), in Chinese: a server error
// names the flags the user typed instead of the request fields the server
// named ("--provided", not "provided_summary"; see flag_fields.h), usage
// errors name every missing required flag at once and suggest the nearest
// command or flag for a typo. Warnings of a successful command (e.g. a
// provisional date) also go to `err`. Returns the exit code: 0 on success, 2
// for usage errors (nothing was sent), 1 for failed calls and other errors,
// 3 for a command whose result fails its checks (see ChecksFailedStatus): its
// output is written, and its warning is the line on `err`.
// Commands that read input (`ogi login` without --token) read `in`.
int RunOgi(const std::vector<std::string>& args, const Environment& env,
           const StubsFactory& make_stubs, std::istream& in, std::ostream& out,
           std::ostream& err);

// RunOgi with standard input as `in`.
int RunOgi(const std::vector<std::string>& args, const Environment& env,
           const StubsFactory& make_stubs, std::ostream& out,
           std::ostream& err);

}  // namespace ogi::cli

#endif  // OGI_CLI_COMMANDS_H_
