// The command table is the single source of `ogi`: every entry runs through
// its own handler, and every help text (a command's, a group's) is generated
// from the entries.

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/args.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ogi::cli {
namespace {

using ::testing::HasSubstr;

// Help never talks to the server.
std::unique_ptr<ServiceStubs> NoStubs(const GlobalOptions&) {
  ADD_FAILURE() << "help must not make stubs";
  return nullptr;
}

// RunOgi's stdout for `args`, expecting exit code 0.
std::string HelpOutput(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  EXPECT_EQ(RunOgi(args, Environment(), NoStubs, out, err), 0)
      << absl::StrJoin(args, " ") << ": " << err.str();
  return out.str();
}

TEST(CommandTableTest, EveryEntryHasAHandlerASummaryAndItsHelp) {
  ASSERT_FALSE(AllCommands().empty());
  std::set<std::string> names;
  for (const CommandSpec& command : AllCommands()) {
    const std::string name = CommandName(command);
    SCOPED_TRACE(name);
    EXPECT_TRUE(names.insert(name).second) << "listed twice";
    EXPECT_TRUE(static_cast<bool>(command.handler));
    EXPECT_FALSE(command.summary.empty());
    const std::string help = CommandHelp(command, GlobalFlags());
    EXPECT_THAT(help, HasSubstr(UsageLine(command)));
    EXPECT_THAT(help, HasSubstr(command.summary));
    for (const FlagSpec& flag : command.flags) {
      EXPECT_THAT(help, HasSubstr("--" + flag.name));
    }
    // `ogi <words> --help` prints exactly the generated help (`ogi help
    // --help`, help about help, is the overview, as `ogi help` alone).
    std::vector<std::string> args = command.words;
    args.push_back("--help");
    EXPECT_EQ(HelpOutput(args), name == "ogi help" ? OverviewHelp() : help);
  }
}

// Every group ("case", "report", "report figures", ...) lists each of its
// sub-commands, by the words after the group's, with its summary.
TEST(CommandTableTest, EveryGroupHelpListsItsSubcommands) {
  std::map<std::vector<std::string>, std::vector<const CommandSpec*>> groups;
  for (const CommandSpec& command : AllCommands()) {
    for (size_t n = 1; n < command.words.size(); ++n) {
      groups[{command.words.begin(), command.words.begin() + n}].push_back(
          &command);
    }
  }
  ASSERT_TRUE(groups.count({"case"}));
  ASSERT_TRUE(groups.count({"report"}));
  for (const auto& [group, commands] : groups) {
    SCOPED_TRACE(absl::StrJoin(group, " "));
    std::vector<std::string> args = group;
    args.push_back("--help");
    const std::string help = HelpOutput(args);
    EXPECT_THAT(help, HasSubstr(absl::StrCat("Usage: ogi ",
                                             absl::StrJoin(group, " "))));
    for (const CommandSpec* command : commands) {
      const std::vector<std::string> rest(command->words.begin() + group.size(),
                                          command->words.end());
      EXPECT_THAT(help, HasSubstr(absl::StrCat("  ", absl::StrJoin(rest, " "))))
          << CommandName(*command);
      EXPECT_THAT(help, HasSubstr(command->summary)) << CommandName(*command);
    }
  }
}

// `ogi help` runs through the table like every command, before the global
// options are resolved: a broken option does not hide the help.
TEST(CommandTableTest, HelpCommandNeedsNoOptions) {
  std::ostringstream out, err;
  EXPECT_EQ(
      RunOgi({"help", "case", "--server="}, Environment(), NoStubs, out, err),
      0)
      << err.str();
  EXPECT_THAT(out.str(), HasSubstr("Usage: ogi case COMMAND"));
}

}  // namespace
}  // namespace ogi::cli
