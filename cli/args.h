#ifndef OGI_CLI_ARGS_H_
#define OGI_CLI_ARGS_H_

// A small command-line parser for `ogi`: global flags, subcommand words
// ("case create"), per-command flags with help text, positional arguments.
//
//  - `--flag value` and `--flag=value`; boolean flags take no value (or
//    `=true`/`=false`); `-h` is `--help`; a command flag with a short name
//    may also be given as `-x value` (after the command words).
//  - Global flags may appear before, between or after the command words.
//    Command flags are known only once the command words are complete, so they
//    must follow them.
//  - A flag marked `repeated` may be given several times (values kept in
//    order); any other flag given twice is a usage error.
//  - `--` ends flag parsing; everything after it is positional.
//
// Errors are usage errors (see IsUsageError) whose message names the
// offending flag or word. Pure; thread-compatible.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ogi::cli {

// Returns an INVALID_ARGUMENT status marked as a usage error: the command line
// was wrong, nothing was sent to the server (exit code 2).
absl::Status UsageError(absl::string_view message);

// True for statuses made by UsageError.
bool IsUsageError(const absl::Status& status);

struct FlagSpec {
  std::string name;        // without the leading "--", e.g. "applicant-name"
  std::string value_name;  // e.g. "DATE"; empty for a boolean flag
  std::string help;
  bool repeated = false;
  char short_name = '\0';  // e.g. 'o' for `-o`; '\0' for none
  // The command cannot run without this flag (given with a non-blank value):
  // ParseArgs refuses the command line, naming every missing one at once.
  bool required = false;
  // The request fields this flag fills, as the server names them in its
  // errors ("field: rule"; see flag_fields.h), e.g. {"provided_summary"} for
  // --provided or {"applicant.phone"} for --phone. Empty: the field named
  // like the flag in snake case (--not-held-reason fills not_held_reason).
  std::vector<std::string> fields = {};

  // Copies for command tables, e.g.
  // `FlagSpec{"served", "DATE",
  // "..."}.Required().Fills({"conclusion.served"})`.
  FlagSpec Required() const;
  FlagSpec Fills(std::vector<std::string> request_fields) const;
};

// What a command's handler is given (see command_context.h).
struct CommandContext;

// Runs a command whose arguments ParseArgs accepted: validates its flags,
// makes its calls and writes its result (see command_context.h).
using CommandHandler = std::function<absl::Status(const CommandContext&)>;

// What RunOgi prepares before a command's handler runs.
enum class CommandSetup {
  // The global options, the saved token and the service stubs.
  kServer,
  // The global options and the stubs, no token (`ogi login` brings its own).
  kServerWithoutToken,
  // The global options only: no token, no stubs (`ogi logout`).
  kOptionsOnly,
  // Nothing: the handler runs before the global options are resolved, so
  // that it works whatever is wrong with them (`ogi help`).
  kNothing,
};

// One command: its words, arguments, flags, help and handler. Adding a
// command is adding one entry to a table (see commands.h AllCommands).
struct CommandSpec {
  std::vector<std::string> words;        // e.g. {"case", "create"}
  std::vector<std::string> positionals;  // names for usage, e.g. {"NUMBER"}
  // When true, any number (including none) of positionals is accepted.
  bool variadic = false;
  std::string summary;  // one line for the overview
  std::string details;  // more paragraphs for the command's help; may be ""
  std::vector<FlagSpec> flags;
  // Groups of flags of which at least one must be given, e.g.
  // {{"outcome", "item"}}; checked with the required flags.
  std::vector<std::vector<std::string>> one_of = {};
  // Request fields filled from a positional argument rather than a flag, by
  // their path as the server names them in errors, e.g. {"agency_code",
  // "CODE"} (see flag_fields.h).
  std::map<std::string, std::string> argument_fields = {};
  // What the command does; every entry of AllCommands() has one.
  CommandHandler handler = nullptr;
  CommandSetup setup = CommandSetup::kServer;

  // Copies for command tables, e.g. `CommandSpec{...}.Runs(handler)`.
  CommandSpec Runs(CommandHandler command_handler) const;
  CommandSpec WithSetup(CommandSetup command_setup) const;
};

// The result of parsing. Holds pointers into the specs it was parsed with,
// which must outlive it.
class ParsedArgs {
 public:
  // The resolved command; nullptr when no command words were given (e.g.
  // `ogi --help`) or only a group's first word was given with --help.
  const CommandSpec* command() const { return command_; }
  // The command words seen, even when they did not resolve to a command.
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<std::string>& positionals() const { return positionals_; }
  bool help() const { return help_; }

  bool Has(absl::string_view flag) const;
  // The last value given for `flag`, or `fallback` when absent.
  std::string Get(absl::string_view flag,
                  absl::string_view fallback = "") const;
  // Every value given for `flag`, in command-line order.
  std::vector<std::string> GetAll(absl::string_view flag) const;

 private:
  friend absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>&,
                                              const std::vector<FlagSpec>&,
                                              const std::vector<CommandSpec>&);

  const CommandSpec* command_ = nullptr;
  std::vector<std::string> words_;
  std::vector<std::string> positionals_;
  bool help_ = false;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

// Parses `args` (argv without the program name). Usage errors, in Chinese:
//  - unknown flag (`未知选项 --x...`, suggesting the nearest flag of the
//    command when one is close), a value flag without value, a boolean flag
//    with a value other than true/false, a non-repeatable flag given twice;
//  - unknown command words (`未知命令 "case shwo"，是否要输入 "ogi case
//    show"？` when a command is close), or a group word (e.g. "case")
//    without a subcommand;
//  - a missing or surplus positional argument;
//  - missing required flags and one_of groups: one message naming them all
//    (`缺少必需的选项：--applicant-name、--channel...`).
// With --help, the positional count and required flags are not checked and
// an incomplete command is accepted (command() may be nullptr), so help can
// be shown.
// Boolean flags are stored with the value "true" or "false".
absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& global_flags,
                                     const std::vector<CommandSpec>& commands);

// The command nearest to `words` (typed words that name no command), as
// "ogi case show", when one is close enough to be a likely typo (a small
// edit distance per word, transpositions counting once); "" otherwise.
// Compares word by word; when `words` stop inside a group, the group
// ("ogi case") is suggested.
std::string SuggestCommand(const std::vector<std::string>& words,
                           const std::vector<CommandSpec>& commands);

// "ogi case create" for the command's words.
std::string CommandName(const CommandSpec& command);

// "ogi case show NUMBER [flags]".
std::string UsageLine(const CommandSpec& command);

// Help text: usage, summary, the command's flags then the global flags, each
// with its help (marked "(required)" for a required flag), aligned by display
// width. Ends with a newline.
std::string CommandHelp(const CommandSpec& command,
                        const std::vector<FlagSpec>& global_flags);

}  // namespace ogi::cli

#endif  // OGI_CLI_ARGS_H_
