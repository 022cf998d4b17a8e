#include "cli/commands.h"

#include <algorithm>
#include <iostream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/access_commands.h"
#include "cli/agency_commands.h"
#include "cli/calendar_commands.h"
#include "cli/case_commands.h"
#include "cli/command_context.h"
#include "cli/deadline_commands.h"
#include "cli/flag_fields.h"
#include "cli/outcome_commands.h"
#include "cli/procedure_commands.h"
#include "cli/proceeding_commands.h"
#include "cli/report_commands.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

bool HasPrefix(const std::vector<std::string>& words,
               const std::vector<std::string>& prefix) {
  return prefix.size() <= words.size() &&
         std::equal(prefix.begin(), prefix.end(), words.begin());
}

std::string CommandList(const std::vector<const CommandSpec*>& commands,
                        size_t skip_words) {
  size_t width = 0;
  std::vector<std::string> names;
  for (const CommandSpec* command : commands) {
    std::vector<std::string> words(command->words.begin() + skip_words,
                                   command->words.end());
    names.push_back(absl::StrJoin(words, " "));
    width = std::max(width, DisplayWidth(names.back()));
  }
  std::string out;
  for (size_t i = 0; i < commands.size(); ++i) {
    absl::StrAppend(&out, "  ", PadToWidth(names[i], width), "  ",
                    commands[i]->summary, "\n");
  }
  return out;
}

std::string GlobalFlagList() {
  const CommandSpec none;
  // CommandHelp lists global flags last; reuse its layout.
  const std::string help = CommandHelp(none, GlobalFlags());
  return help.substr(help.find("Global flags:\n") + 14);
}

// Help for `words`: the overview, a command's help, or a group's list of
// subcommands. Usage error for words that name nothing.
absl::StatusOr<std::string> HelpFor(const std::vector<std::string>& words) {
  if (words.empty()) return OverviewHelp();
  std::vector<const CommandSpec*> matches;
  for (const CommandSpec& command : AllCommands()) {
    if (command.words == words) return CommandHelp(command, GlobalFlags());
    if (HasPrefix(command.words, words)) matches.push_back(&command);
  }
  const std::string name = absl::StrCat("ogi ", absl::StrJoin(words, " "));
  if (matches.empty()) {
    const std::string suggestion = SuggestCommand(words, AllCommands());
    const std::string unknown =
        absl::StrCat("未知命令 \"", absl::StrJoin(words, " "), "\"");
    if (!suggestion.empty()) {
      return UsageError(
          absl::StrCat(unknown, "，是否要输入 \"", suggestion, "\"？"));
    }
    return UsageError(absl::StrCat(unknown, "；见 \"ogi help\""));
  }
  return absl::StrCat("Usage: ", name, " COMMAND [flags]\n\nCommands:\n",
                      CommandList(matches, words.size()),
                      "\nGlobal flags (accepted anywhere):\n", GlobalFlagList(),
                      "\nRun \"", name,
                      " COMMAND --help\" for a command's flags.\n");
}

// Runs the command. Reads what it needs (the token for `ogi login`) from
// `in`; writes its result to `out`, except for commands that stream (alerts
// --watch), which write each line to `live` as it arrives. Warnings that do
// not make the command fail go to `err`.
absl::Status Run(const std::vector<std::string>& args, const Environment& env,
                 const StubsFactory& make_stubs, std::istream& in,
                 std::ostream& out, std::ostream& live, std::ostream& err) {
  OGI_ASSIGN_OR_RETURN(const ParsedArgs parsed,
                       ParseArgs(args, GlobalFlags(), AllCommands()));

  const CommandSpec* command = parsed.command();
  // `ogi help COMMAND --help` is help's own business (its handler).
  if (parsed.help() &&
      (command == nullptr || command->setup != CommandSetup::kNothing)) {
    OGI_ASSIGN_OR_RETURN(const std::string help, HelpFor(parsed.words()));
    out << help;
    return absl::OkStatus();
  }
  // ParseArgs resolves a command unless --help was given.
  const CommandSetup setup = command->setup;
  GlobalOptions options;
  if (setup != CommandSetup::kNothing) {
    OGI_ASSIGN_OR_RETURN(options, ResolveGlobalOptions(parsed, env));
  }
  // login replaces the token file and logout removes it, whatever is wrong
  // with it (e.g. a mode that lets others read it); they load no token.
  if (setup == CommandSetup::kServer) {
    OGI_ASSIGN_OR_RETURN(options.token, LoadToken(options.token_file, env));
  }
  std::unique_ptr<ServiceStubs> stubs;
  if (setup == CommandSetup::kServer ||
      setup == CommandSetup::kServerWithoutToken) {
    stubs = make_stubs(options);
  }
  if (!command->handler) {
    return absl::InternalError(absl::StrCat(
        "命令 \"", absl::StrJoin(command->words, " "), "\" 没有实现"));
  }
  const absl::Status status = command->handler(
      CommandContext{parsed, options, env, stubs.get(), in, out, live, err});
  if (!IsServerError(status)) return status;
  // The one place where the server's field names become the user's flags.
  return WithMessage(
      status, NameFlagsInMessage(status.message(), *command, GlobalFlags()));
}

}  // namespace

const std::vector<CommandSpec>& AllCommands() {
  static const auto* const kCommands = [] {
    auto* commands = new std::vector<CommandSpec>();
    for (auto specs :
         {CaseCommandSpecs, ProcedureCommandSpecs, OutcomeCommandSpecs,
          ProceedingCommandSpecs, DeadlineCommandSpecs, CalendarCommandSpecs,
          AgencyCommandSpecs, ReportCommandSpecs, AccessCommandSpecs}) {
      for (CommandSpec& spec : specs()) commands->push_back(std::move(spec));
    }
    commands->push_back(CommandSpec{{"help"},
                                    {"COMMAND"},
                                    /*variadic=*/true,
                                    "Show help for a command.",
                                    "",
                                    {}}
                            .Runs([](const CommandContext& c) {
                              OGI_ASSIGN_OR_RETURN(
                                  const std::string help,
                                  HelpFor(c.args.positionals()));
                              c.out << help;
                              return absl::OkStatus();
                            })
                            .WithSetup(CommandSetup::kNothing));
    return commands;
  }();
  return *kCommands;
}

std::string OverviewHelp() {
  std::vector<const CommandSpec*> commands;
  for (const CommandSpec& command : AllCommands()) commands.push_back(&command);
  return absl::StrCat(
      "ogi: log and track applications for government information "
      "disclosure (政府信息公开申请):\nthe cases, their procedural steps "
      "(补正, 征求意见, 收费, 延期), their outcomes,\nthe administrative "
      "reviews and lawsuits against them, statutory deadlines and\nthe "
      "working-day calendar.\n\n"
      "Usage: ogi [global flags] COMMAND [flags]\n\nCommands:\n",
      CommandList(commands, 0), "\nGlobal flags (accepted anywhere):\n",
      GlobalFlagList(),
      "\nEnum values are lower-case identifiers (e.g. natural_person, "
      "in_person, disclosed,\nrevoked); dates are YYYY-MM-DD.\n"
      "Deadlines count working days (工作日) on the State Council's holiday "
      "arrangements;\na date marked 暂定 rests on a year whose arrangement is "
      "not loaded yet.\n"
      "\"ogi alerts --watch\" runs until Ctrl-C; without --watch it prints "
      "the current alerts once.\n"
      "\"ogi report show YEAR\" prints the annual report (年度报告); exit "
      "code 3 means it fails\nits checks (see \"ogi report check YEAR\").\n"
      "Every call carries your token: \"ogi login\" saves it (see "
      "--token-file), or set\n$OGI_TOKEN; \"ogi whoami\" shows whose it "
      "is.\n"
      "Run \"ogi COMMAND --help\" for a command's flags.\n");
}

int RunOgi(const std::vector<std::string>& args, const Environment& env,
           const StubsFactory& make_stubs, std::ostream& out,
           std::ostream& err) {
  return RunOgi(args, env, make_stubs, std::cin, out, err);
}

int RunOgi(const std::vector<std::string>& args, const Environment& env,
           const StubsFactory& make_stubs, std::istream& in, std::ostream& out,
           std::ostream& err) {
  // Output is held back until the command succeeded, so a failure never
  // leaves a partial table behind.
  std::ostringstream buffer;
  const absl::Status status = Run(args, env, make_stubs, in, buffer, out, err);
  if (IsChecksFailed(status)) {
    // The command's result stands; the failed checks are a warning.
    out << buffer.str();
    out.flush();
  }
  if (!status.ok()) {
    err << ErrorLine(status) << '\n';
    err.flush();
    return ExitCode(status);
  }
  out << buffer.str();
  out.flush();
  return 0;
}

}  // namespace ogi::cli
