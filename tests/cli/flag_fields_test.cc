#include "cli/flag_fields.h"

#include <string>
#include <vector>

#include "cli/client.h"
#include "cli/commands.h"
#include "gtest/gtest.h"

namespace ogi::cli {
namespace {

// The flags of the real command `words`.
const std::vector<FlagSpec>& FlagsOf(const std::vector<std::string>& words) {
  for (const CommandSpec& command : AllCommands()) {
    if (command.words == words) return command.flags;
  }
  ADD_FAILURE() << "no command " << words.size();
  static const std::vector<FlagSpec> kNone;
  return kNone;
}

std::string Named(const std::vector<std::string>& command,
                  const std::string& message) {
  CommandSpec spec;
  for (const CommandSpec& c : AllCommands()) {
    if (c.words == command) spec = c;
  }
  EXPECT_EQ(spec.flags.size(), FlagsOf(command).size());
  return NameFlagsInMessage(message, spec, GlobalFlags());
}

// A command with `flags` and nothing else.
CommandSpec With(std::vector<FlagSpec> flags) {
  CommandSpec command;
  command.flags = std::move(flags);
  return command;
}

TEST(FlagForFieldTest, ListedFieldsAndSnakeCaseNames) {
  const CommandSpec flags = With({
      FlagSpec{"provided", "TEXT", ""}.Fills({"provided_summary"}),
      FlagSpec{"not-held-reason", "REASON", ""},
      FlagSpec{"phone", "PHONE", ""}.Fills({"applicant.phone"}),
      FlagSpec{"description", "TEXT", ""}.Fills({"items", "items.description"}),
  });
  const std::vector<FlagSpec> none;
  EXPECT_EQ(FlagForField("provided_summary", flags, none), "--provided");
  // A path from an outer message ends with the flag's field.
  EXPECT_EQ(FlagForField("conclusion.provided_summary", flags, none),
            "--provided");
  EXPECT_EQ(FlagForField("not_held_reason", flags, none), "--not-held-reason");
  EXPECT_EQ(FlagForField("applicant.phone", flags, none), "--phone");
  EXPECT_EQ(FlagForField("case.applicant.phone", flags, none), "--phone");
  // Only whole path components match.
  EXPECT_EQ(FlagForField("phone", flags, none), "");
  EXPECT_EQ(FlagForField("xprovided_summary", flags, none), "");
  EXPECT_EQ(FlagForField("items[1].description", flags, none),
            "--description（第 2 项）");
  EXPECT_EQ(FlagForField("withheld_summary", flags, none), "");
}

TEST(FlagForFieldTest, ExactMatchWinsAndCommandFlagsComeFirst) {
  CommandSpec flags = With({
      FlagSpec{"date", "DATE", ""}.Fills({"concluded"}),
      FlagSpec{"served", "DATE", ""}.Fills({"conclusion.served", "served"}),
      FlagSpec{"agency", "CODE", ""}.Fills({"user.agency_code"}),
  });
  const std::vector<FlagSpec> global = {
      FlagSpec{"agency", "CODE", ""}.Fills({"agency_code"}),
      FlagSpec{"json", "", ""},
  };
  EXPECT_EQ(FlagForField("concluded", flags, global), "--date");
  EXPECT_EQ(FlagForField("conclusion.served", flags, global), "--served");
  EXPECT_EQ(FlagForField("user.agency_code", flags, global), "--agency");
  EXPECT_EQ(FlagForField("agency_code", flags, global), "--agency");
  EXPECT_EQ(FlagForField("json", flags, global), "--json");
  // A positional argument that fills a field comes before the global flags.
  flags.argument_fields = {{"agency_code", "CODE"}};
  EXPECT_EQ(FlagForField("agency_code", flags, global), "CODE");
  EXPECT_EQ(FlagForField("user.agency_code", flags, global), "--agency");
}

TEST(NameFlagsInMessageTest, RewritesEveryLeadingField) {
  const CommandSpec flags = With({
      FlagSpec{"provided", "TEXT", ""}.Fills({"provided_summary"}),
      FlagSpec{"withheld", "TEXT", ""}.Fills({"withheld_summary"}),
  });
  const std::vector<FlagSpec> none;
  EXPECT_EQ(
      NameFlagsInMessage("provided_summary, withheld_summary: 部分公开须写明",
                         flags, none),
      "--provided, --withheld: 部分公开须写明");
  EXPECT_EQ(NameFlagsInMessage("provided_summary、withheld_summary：须写明",
                               flags, none),
            "--provided、--withheld：须写明");
  // A field no flag fills stays; the rule is never touched.
  EXPECT_EQ(NameFlagsInMessage("number, withheld_summary: provided_summary x",
                               flags, none),
            "number, --withheld: provided_summary x");
}

TEST(NameFlagsInMessageTest, LeavesOtherMessagesAlone) {
  const CommandSpec flags = With({FlagSpec{"case", "NUMBER", ""}});
  const std::vector<FlagSpec> none;
  for (const std::string message : {
           "case 2022-0001 is already concluded: correct it instead",
           "no colon here",
           ": starts with a colon",
           "Case: capitalised words are not fields",
           "items[x].description: bad index",
       }) {
    EXPECT_EQ(NameFlagsInMessage(message, flags, none), message);
  }
}

// The real command table names the flags the issue asks for.
TEST(NameFlagsInMessageTest, RealCommandsNameTheUsersFlags) {
  EXPECT_EQ(
      Named({"case", "conclude"}, "provided_summary, withheld_summary: 须写明"),
      "--provided, --withheld: 须写明");
  EXPECT_EQ(Named({"case", "conclude"}, "not_held_reason: 须选择"),
            "--not-held-reason: 须选择");
  EXPECT_EQ(Named({"case", "conclude"}, "service_method: x"), "--service: x");
  EXPECT_EQ(Named({"case", "conclude"}, "dispositions: x"), "--item: x");
  EXPECT_EQ(Named({"case", "conclude"}, "override_outcome: x"),
            "--override: x");
  // The embedded conclusion that `ogi case conclude` sends since issue 13.
  EXPECT_EQ(Named({"case", "conclude"},
                  "conclusion.provided_summary, conclusion.withheld_summary: "
                  "须写明"),
            "--provided, --withheld: 须写明");
  EXPECT_EQ(Named({"case", "conclude"}, "conclusion.not_held_reason: x"),
            "--not-held-reason: x");
  EXPECT_EQ(Named({"case", "conclude"}, "conclusion.service_method: x"),
            "--service: x");
  EXPECT_EQ(Named({"case", "conclude"}, "conclusion.dispositions[1].item: x"),
            "--item（第 2 项）: x");
  EXPECT_EQ(Named({"case", "conclude"}, "conclusion.served: x"), "--served: x");
  EXPECT_EQ(Named({"case", "conclude"}, "outcome: x"), "--outcome: x");
  EXPECT_EQ(
      Named({"case", "correct-conclusion"}, "conclusion.provided_summary: x"),
      "--provided: x");
  EXPECT_EQ(Named({"case", "correct-conclusion"}, "conclusion.served: x"),
            "--served: x");
  EXPECT_EQ(Named({"case", "withdraw"}, "withdrawn: x"), "--date: x");
  EXPECT_EQ(Named({"case", "lapse"}, "concluded: x"), "--date: x");
  EXPECT_EQ(Named({"case", "create"}, "applicant.phone: x"), "--phone: x");
  EXPECT_EQ(Named({"case", "create"}, "arrival_date: x"), "--received: x");
  EXPECT_EQ(Named({"case", "create"}, "items[0].description: x"),
            "--description（第 1 项）: x");
  EXPECT_EQ(Named({"case", "update"}, "case.applicant.email: x"), "--email: x");
  EXPECT_EQ(Named({"case", "fee-notice"}, "served: x"), "--served: x");
  EXPECT_EQ(Named({"case", "show"}, "agency_code: x"), "--agency: x");
  EXPECT_EQ(Named({"case", "update"}, "expected_version: x"),
            "--expected-version: x");
  EXPECT_EQ(Named({"token", "issue"}, "valid_days: x"), "--days: x");
  EXPECT_EQ(Named({"user", "add"}, "user.agency_code: x"), "--agency: x");
  EXPECT_EQ(Named({"user", "add"}, "user.display_name: x"),
            "--display-name: x");
  EXPECT_EQ(Named({"agency", "update"}, "agency_code: x"), "CODE: x");
  EXPECT_EQ(Named({"agency", "add"}, "agency.supervisor_code: x"),
            "--supervisor: x");
  EXPECT_EQ(Named({"review", "decide"}, "decided: x"), "--date: x");
  EXPECT_EQ(Named({"review", "file"}, "review.organ: x"), "--organ: x");
  EXPECT_EQ(Named({"lawsuit", "file"}, "lawsuit.after_review_id: x"),
            "--after-review: x");
  EXPECT_EQ(Named({"lawsuit", "appeal"}, "appeal.appellant: x"), "--by: x");
  EXPECT_EQ(Named({"case", "correction-notice"}, "applicant_deadline: x"),
            "--deadline: x");
  EXPECT_EQ(Named({"case", "extend"}, "working_days: x"), "--days: x");
  EXPECT_EQ(Named({"case", "defer"}, "new_due: x"), "--until: x");
  EXPECT_EQ(Named({"report", "text", "set"}, "prose.overview: x"), "--text: x");
  EXPECT_EQ(Named({"report", "documents", "repeal"}, "document.repealed: x"),
            "--date: x");
}

// Issue 12: one error lists every violation, joined by "；"; each one's
// fields become the user's flags.
TEST(NameFlagsInMessageTest, EveryViolationOfOneErrorNamesItsFlag) {
  EXPECT_EQ(Named({"case", "create"},
                  "applicant.name: 不能为空；applicant.id_number: \"1\" 不是"
                  "有效的居民身份证号码；arrival_date: 2099-01-01 晚于今天"),
            "--applicant-name: 不能为空；--id-number: \"1\" 不是有效的居民身份"
            "证号码；--received: 2099-01-01 晚于今天");
  // A rule with a "；" of its own: the piece after it is no violation and
  // stays as it is, while the next violation is still mapped.
  EXPECT_EQ(Named({"case", "create"},
                  "arrival_date: 是星期三；调休上班日须为星期六；"
                  "items[1].description: 不能为空"),
            "--received: 是星期三；调休上班日须为星期六；--description（第 2 "
            "项）: 不能为空");
  // Separators at the ends are kept.
  EXPECT_EQ(Named({"case", "create"}, "；arrival_date: x；"),
            "；--received: x；");
}

}  // namespace
}  // namespace ogi::cli
