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

absl::StatusOr<ParsedArgs> Parse(std::vector<std::string> args,
                                 std::vector<std::string> more = {}) {
  args.insert(args.end(), more.begin(), more.end());
  return ParseArgs(args, GlobalFlags(), AllCommands());
}

// The flags "case create" needs besides those a test is about.
const std::vector<std::string> kCreateFlags = {
    "--applicant-name", "张三",      "--applicant-type",
    "natural_person",   "--channel", "in_person"};

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
             "in_person", "--received", "2022-03-01", "--applicant-type",
             "natural_person", "--description", "x"});
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
      Parse({"case", "update", "2022-0001", "--phone=", "--email", "",
             "--reason", "r"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->Has("phone"));
  EXPECT_EQ(parsed->Get("phone", "x"), "");
  EXPECT_TRUE(parsed->Has("email"));
  EXPECT_EQ(parsed->Get("email", "x"), "");
}

TEST(ParseArgsTest, RepeatedFlagKeepsEveryValueInOrder) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "create", "--description", "第一项", "--phone", "1",
             "--description=第二项", "--description", "third"},
            kCreateFlags);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->GetAll("description"),
              ElementsAre("第一项", "第二项", "third"));
  EXPECT_EQ(parsed->Get("description"), "third");
}

TEST(ParseArgsTest, NonRepeatableFlagTwiceIsAnError) {
  EXPECT_EQ(UsageMessage({"case", "create", "--phone", "1", "--phone", "2"}),
            "--phone: 只能给出一次");
}

TEST(ParseArgsTest, UnknownFlagIsNamed) {
  EXPECT_EQ(UsageMessage({"case", "create", "--colour", "red"}),
            "未知选项 --colour；见 \"ogi case create --help\"");
  EXPECT_EQ(UsageMessage({"case", "show", "2022-0001", "--bogus=1"}),
            "未知选项 --bogus；见 \"ogi case show --help\"");
  EXPECT_EQ(UsageMessage({"-x"}), "未知选项 -x；见 \"ogi --help\"");
}

TEST(ParseArgsTest, CommandFlagBeforeCommandIsUnknown) {
  // Flags of "case list" are only known once the command is complete.
  EXPECT_THAT(UsageMessage({"case", "--status", "processing", "list"}),
              HasSubstr("未知选项 --status"));
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
            "--all: \"yes\" 不是 true 或 false");
  // A boolean flag does not swallow the next word.
  parsed = Parse({"case", "--json", "show", "2022-0001"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->positionals(), ElementsAre("2022-0001"));
}

TEST(ParseArgsTest, ValueMayStartWithDash) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"case", "create", "--description", "-见附件-"}, kCreateFlags);
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
            "--received: 缺少取值（DATE）");
}

TEST(ParseArgsTest, UnknownCommandsListChoices) {
  EXPECT_EQ(UsageMessage({"frobnicate"}),
            "未知命令 \"frobnicate\"；可用的命令：case, review, lawsuit, "
            "deadlines, alerts, calendar, agency, report, login, logout, "
            "whoami, user, token, help（见 \"ogi help\"）");
  EXPECT_EQ(UsageMessage({"case", "delete", "2022-0001"}),
            "未知命令 \"case delete\"；\"ogi case\" 之后可用："
            "create, show, list, update, history, explain, correction-notice, "
            "supplement, consult, consult-reply, fee-notice, fee-paid, extend, "
            "defer, conclude, withdraw, lapse, correct-conclusion, reanswer");
}

TEST(ParseArgsTest, IncompleteCommand) {
  EXPECT_EQ(UsageMessage({}), "未给出命令；见 \"ogi help\"");
  EXPECT_EQ(UsageMessage({"case"}),
            "\"ogi case\" 之后须给出子命令：create, show, list, update, "
            "history, explain, correction-notice, supplement, consult, "
            "consult-reply, fee-notice, fee-paid, extend, defer, conclude, "
            "withdraw, lapse, correct-conclusion, reanswer");
}

TEST(ParseArgsTest, PositionalCount) {
  EXPECT_EQ(UsageMessage({"case", "show"}),
            "缺少 NUMBER；用法：ogi case show NUMBER");
  EXPECT_EQ(UsageMessage({"case", "show", "2022-0001", "2022-0002"}),
            "多余的参数 \"2022-0002\"；用法：ogi case show NUMBER");
  EXPECT_EQ(UsageMessage({"case", "list", "extra"}),
            "多余的参数 \"extra\"；用法：ogi case list [flags]");
}

TEST(ParseArgsTest, MissingRequiredFlagsAreNamedAllAtOnce) {
  EXPECT_EQ(UsageMessage({"case", "create", "--applicant-type",
                          "natural_person", "--description", "x"}),
            "缺少必需的选项：--applicant-name、--channel"
            "（见 \"ogi case create --help\"）");
  // A blank value counts as missing.
  EXPECT_EQ(UsageMessage({"case", "update", "2022-0001", "--phone", "1",
                          "--reason", " "}),
            "缺少必需的选项：--reason（见 \"ogi case update --help\"）");
  // A group of which one flag is needed, with the required flags.
  EXPECT_EQ(UsageMessage({"case", "conclude", "2022-0001"}),
            "缺少必需的选项：--served、--outcome 或 --item"
            "（见 \"ogi case conclude --help\"）");
  EXPECT_TRUE(Parse({"case", "conclude", "2022-0001", "--item", "1=disclosed",
                     "--served", "2022-03-20"})
                  .ok());
  // Help needs none of them.
  EXPECT_TRUE(Parse({"case", "create", "--help"}).ok());
}

TEST(ParseArgsTest, RequiredFlagsAreCheckedWithATableOfOurOwn) {
  const std::vector<CommandSpec> commands = {
      {{"go"},
       {},
       false,
       "",
       "",
       {FlagSpec{"a", "A", ""}.Required(),
        {"b", "B", ""},
        FlagSpec{"c", "", ""}.Required()},
       /*one_of=*/{{"b", "d"}}},
  };
  absl::StatusOr<ParsedArgs> parsed = ParseArgs({"go"}, {}, commands);
  ASSERT_FALSE(parsed.ok());
  EXPECT_TRUE(IsUsageError(parsed.status()));
  EXPECT_EQ(parsed.status().message(),
            "缺少必需的选项：--a、--c、--b 或 --d（见 \"ogi go --help\"）");
  EXPECT_TRUE(
      ParseArgs({"go", "--a", "1", "--c", "--b", "2"}, {}, commands).ok());
}

TEST(CommandHelpTest, MarksRequiredFlags) {
  const CommandSpec spec = {{"go"},
                            {},
                            false,
                            "Go.",
                            "",
                            {FlagSpec{"a", "A", "the a"}.Required(),
                             FlagSpec{"b", "B", "the b (required)"}.Required(),
                             {"c", "C", "the c"}}};
  const std::string help = CommandHelp(spec, {});
  EXPECT_THAT(help, HasSubstr("  --a A  the a (required)\n"));
  EXPECT_THAT(help, HasSubstr("  --b B  the b (required)\n"));
  EXPECT_THAT(help, HasSubstr("  --c C  the c\n"));
}

TEST(ParseArgsTest, UnknownCommandSuggestsTheNearest) {
  EXPECT_EQ(UsageMessage({"case", "shwo", "2022-0001"}),
            "未知命令 \"case shwo\"，是否要输入 \"ogi case show\"？");
  EXPECT_EQ(UsageMessage({"case", "concude", "2022-0001"}),
            "未知命令 \"case concude\"，是否要输入 \"ogi case conclude\"？");
  // The words after the wrong one complete the suggestion when they fit.
  EXPECT_EQ(UsageMessage({"cse", "lsit"}),
            "未知命令 \"cse\"，是否要输入 \"ogi case list\"？");
  EXPECT_EQ(UsageMessage({"deadlnes"}),
            "未知命令 \"deadlnes\"，是否要输入 \"ogi deadlines\"？");
  EXPECT_EQ(UsageMessage({"revew", "2022-0001"}),
            "未知命令 \"revew\"，是否要输入 \"ogi review\"？");
}

TEST(ParseArgsTest, UnknownFlagSuggestsTheNearest) {
  EXPECT_EQ(UsageMessage({"case", "conclude", "2022-0001", "--provded", "x"}),
            "未知选项 --provded，是否要输入 --provided？"
            "（见 \"ogi case conclude --help\"）");
  EXPECT_EQ(
      UsageMessage({"case", "show", "2022-0001", "--jsn"}),
      "未知选项 --jsn，是否要输入 --json？（见 \"ogi case show --help\"）");
}

TEST(SuggestCommandTest, NothingForWordsFarFromEveryCommand) {
  EXPECT_EQ(SuggestCommand({"frobnicate"}, AllCommands()), "");
  EXPECT_EQ(SuggestCommand({"case", "delete"}, AllCommands()), "");
  // Words that name a command need no suggestion.
  EXPECT_EQ(SuggestCommand({"case", "show"}, AllCommands()), "");
  EXPECT_EQ(SuggestCommand({"case", "hsitory"}, AllCommands()),
            "ogi case history");
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
