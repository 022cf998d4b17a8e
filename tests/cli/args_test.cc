#include "cli/args.h"

#include <string>
#include <vector>

#include "cli/client.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ogi::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

absl::StatusOr<ParsedArgs> Parse(std::vector<std::string> args) {
  return ParseArgs(args, GlobalFlags(), AllCommands());
}

// Expects a usage error and returns its message.
std::string UsageMessage(std::vector<std::string> args) {
  absl::StatusOr<ParsedArgs> parsed = Parse(std::move(args));
  EXPECT_FALSE(parsed.ok());
  if (parsed.ok()) return "";
  EXPECT_TRUE(IsUsageError(parsed.status())) << parsed.status();
  return std::string(parsed.status().message());
}

TEST(ParseArgsTest, ResolvesCommandWordsAndFlags) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "create", "--applicant-name", "张三", "--channel",
             "in_person", "--received", "2022-03-01"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_NE(parsed->command(), nullptr);
  EXPECT_THAT(parsed->command()->words, ElementsAre("case", "create"));
  EXPECT_EQ(parsed->Get("applicant-name"), "张三");
  EXPECT_EQ(parsed->Get("channel"), "in_person");
  EXPECT_EQ(parsed->Get("received"), "2022-03-01");
  EXPECT_FALSE(parsed->Has("phone"));
  EXPECT_EQ(parsed->Get("phone", "fallback"), "fallback");
  EXPECT_THAT(parsed->positionals(), IsEmpty());
}

TEST(ParseArgsTest, EqualsFormAndSpaceFormAreTheSame) {
  absl::StatusOr<ParsedArgs> parsed = Parse(
      {"case", "list", "--status=processing", "--limit", "5", "--text=a=b"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("status"), "processing");
  EXPECT_EQ(parsed->Get("limit"), "5");
  // Only the first "=" separates the name.
  EXPECT_EQ(parsed->Get("text"), "a=b");
}

TEST(ParseArgsTest, EmptyValueIsKeptAsGiven) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "update", "2022-0001", "--phone=", "--email", ""});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->Has("phone"));
  EXPECT_EQ(parsed->Get("phone", "x"), "");
  EXPECT_TRUE(parsed->Has("email"));
  EXPECT_EQ(parsed->Get("email", "x"), "");
}

TEST(ParseArgsTest, RepeatedFlagKeepsEveryValueInOrder) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "create", "--description", "第一项", "--phone", "1",
             "--description=第二项", "--description", "third"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->GetAll("description"),
              ElementsAre("第一项", "第二项", "third"));
  EXPECT_EQ(parsed->Get("description"), "third");
}

TEST(ParseArgsTest, NonRepeatableFlagTwiceIsAnError) {
  EXPECT_EQ(UsageMessage({"case", "create", "--phone", "1", "--phone", "2"}),
            "--phone: given more than once");
}

TEST(ParseArgsTest, UnknownFlagIsNamed) {
  EXPECT_EQ(UsageMessage({"case", "create", "--colour", "red"}),
            "unknown flag --colour; see \"ogi case create --help\"");
  EXPECT_EQ(UsageMessage({"case", "show", "2022-0001", "--bogus=1"}),
            "unknown flag --bogus; see \"ogi case show --help\"");
  EXPECT_EQ(UsageMessage({"-x"}), "unknown flag -x; see \"ogi --help\"");
}

TEST(ParseArgsTest, CommandFlagBeforeCommandIsUnknown) {
  // Flags of "case list" are only known once the command is complete.
  EXPECT_THAT(UsageMessage({"case", "--status", "processing", "list"}),
              HasSubstr("unknown flag --status"));
}

TEST(ParseArgsTest, GlobalFlagsAnywhere) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--json", "--server", "h:1", "case", "show", "2022-0001"},
           {"case", "--json", "show", "--server=h:1", "2022-0001"},
           {"case", "show", "2022-0001", "--server", "h:1", "--json"},
       }) {
    absl::StatusOr<ParsedArgs> parsed = Parse(args);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    ASSERT_NE(parsed->command(), nullptr);
    EXPECT_THAT(parsed->command()->words, ElementsAre("case", "show"));
    EXPECT_THAT(parsed->positionals(), ElementsAre("2022-0001"));
    EXPECT_EQ(parsed->Get("json"), "true");
    EXPECT_EQ(parsed->Get("server"), "h:1");
  }
}

TEST(ParseArgsTest, BooleanFlags) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "list", "--all=false", "--json=true"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("all"), "false");
  EXPECT_EQ(parsed->Get("json"), "true");
  EXPECT_EQ(UsageMessage({"case", "list", "--all=yes"}),
            "--all: \"yes\" is not true or false");
  // A boolean flag does not swallow the next word.
  parsed = Parse({"case", "--json", "show", "2022-0001"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->positionals(), ElementsAre("2022-0001"));
}

TEST(ParseArgsTest, ValueMayStartWithDash) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "create", "--description", "-见附件-"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("description"), "-见附件-");
}

TEST(ParseArgsTest, DoubleDashEndsFlags) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "show", "--json", "--", "--odd"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->positionals(), ElementsAre("--odd"));
  EXPECT_EQ(parsed->Get("json"), "true");
}

TEST(ParseArgsTest, MissingFlagValue) {
  EXPECT_EQ(UsageMessage({"case", "create", "--received"}),
            "--received: missing value (DATE)");
}

TEST(ParseArgsTest, UnknownCommandsListChoices) {
  EXPECT_EQ(UsageMessage({"frobnicate"}),
            "unknown command \"frobnicate\"; one of: case, review, lawsuit, "
            "deadlines, alerts, calendar, agency, report, login, logout, "
            "whoami, user, token, help");
  EXPECT_EQ(UsageMessage({"case", "delete", "2022-0001"}),
            "unknown command \"ogi case delete\"; after \"case\" use one of: "
            "create, show, list, update, history, explain, correction-notice, "
            "supplement, consult, consult-reply, fee-notice, fee-paid, extend, "
            "defer, conclude, withdraw, lapse, correct-conclusion, reanswer");
}

TEST(ParseArgsTest, IncompleteCommand) {
  EXPECT_EQ(UsageMessage({}), "no command given; see \"ogi help\"");
  EXPECT_EQ(UsageMessage({"case"}),
            "\"ogi case\" needs a subcommand: create, show, list, update, "
            "history, explain, correction-notice, supplement, consult, "
            "consult-reply, fee-notice, fee-paid, extend, defer, conclude, "
            "withdraw, lapse, correct-conclusion, reanswer");
}

TEST(ParseArgsTest, PositionalCount) {
  EXPECT_EQ(UsageMessage({"case", "show"}),
            "missing NUMBER; usage: ogi case show NUMBER");
  EXPECT_EQ(UsageMessage({"case", "show", "2022-0001", "2022-0002"}),
            "unexpected argument \"2022-0002\"; usage: ogi case show NUMBER");
  EXPECT_EQ(UsageMessage({"case", "list", "extra"}),
            "unexpected argument \"extra\"; usage: ogi case list [flags]");
}

TEST(ParseArgsTest, HelpSkipsPositionalChecks) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"case", "show", "--help"}, {"-h", "case", "show"}}) {
    absl::StatusOr<ParsedArgs> parsed = Parse(args);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_TRUE(parsed->help());
    ASSERT_NE(parsed->command(), nullptr);
    EXPECT_THAT(parsed->command()->words, ElementsAre("case", "show"));
  }
  absl::StatusOr<ParsedArgs> group = Parse({"case", "--help"});
  ASSERT_TRUE(group.ok()) << group.status();
  EXPECT_EQ(group->command(), nullptr);
  EXPECT_THAT(group->words(), ElementsAre("case"));
}

TEST(UsageErrorTest, IsMarked) {
  EXPECT_TRUE(IsUsageError(UsageError("x")));
  EXPECT_EQ(UsageError("x").code(), absl::StatusCode::kInvalidArgument);
  // A server's INVALID_ARGUMENT is not a usage error.
  EXPECT_FALSE(IsUsageError(absl::InvalidArgumentError("x")));
  EXPECT_FALSE(IsUsageError(absl::OkStatus()));
}

TEST(CommandHelpTest, ListsFlagsAlignedWithHelp) {
  const CommandSpec spec = {{"case", "show"},
                            {"NUMBER"},
                            false,
                            "Show one case.",
                            "",
                            {{"long-flag-name", "VALUE", "first"},
                             {"x", "", "second", /*repeated=*/true}}};
  const std::string help = CommandHelp(spec, {{"json", "", "third"}});
  EXPECT_THAT(help, HasSubstr("Usage: ogi case show NUMBER [flags]\n"));
  EXPECT_THAT(help, HasSubstr("  --long-flag-name VALUE  first\n"));
  EXPECT_THAT(help,
              HasSubstr("  --x                     second (repeatable)\n"));
  EXPECT_THAT(help,
              HasSubstr("Global flags:\n  --json                  third\n"));
}

}  // namespace
}  // namespace ogi::cli
