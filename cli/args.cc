#include "cli/args.h"

#include <algorithm>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

constexpr absl::string_view kUsagePayloadUrl = "type.ogi/cli.UsageError";

const FlagSpec* FindFlag(const std::vector<FlagSpec>& flags,
                         absl::string_view name) {
  for (const FlagSpec& flag : flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

const FlagSpec* FindShortFlag(const std::vector<FlagSpec>& flags, char name) {
  for (const FlagSpec& flag : flags) {
    if (flag.short_name == name) return &flag;
  }
  return nullptr;
}

bool StartsWithWords(const CommandSpec& command,
                     const std::vector<std::string>& words) {
  if (words.size() > command.words.size()) return false;
  return std::equal(words.begin(), words.end(), command.words.begin());
}

// The distinct words that may follow `words`, in table order.
std::vector<std::string> NextWords(const std::vector<CommandSpec>& commands,
                                   const std::vector<std::string>& words) {
  std::vector<std::string> next;
  for (const CommandSpec& command : commands) {
    if (command.words.size() <= words.size()) continue;
    if (!StartsWithWords(command, words)) continue;
    const std::string& word = command.words[words.size()];
    if (std::find(next.begin(), next.end(), word) == next.end()) {
      next.push_back(word);
    }
  }
  return next;
}

// `见 "ogi case create --help"` for the words seen so far.
std::string HelpHint(const std::vector<std::string>& words) {
  std::string command = "ogi";
  for (const std::string& word : words) absl::StrAppend(&command, " ", word);
  return absl::StrCat("见 \"", command, " --help\"");
}

// Edit distance between `a` and `b` counting an insertion, a deletion, a
// substitution or a swap of two neighbours as one (optimal string alignment),
// byte by byte: command words and flag names are ASCII.
size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// Whether `typed` is close enough to `known` to be taken for a typo of it:
// at most one edit in four characters, and at least one allowed.
bool IsNear(absl::string_view typed, absl::string_view known) {
  const size_t allowed = 1 + std::min(typed.size(), known.size()) / 4;
  return EditDistance(typed, known) <= allowed;
}

// The name of the flag in `flags` (then `global_flags`) nearest to `typed`,
// or "" when none is near.
std::string NearestFlag(absl::string_view typed,
                        const std::vector<FlagSpec>* flags,
                        const std::vector<FlagSpec>& global_flags) {
  std::string best;
  size_t best_distance = 0;
  for (const std::vector<FlagSpec>* list : {flags, &global_flags}) {
    if (list == nullptr) continue;
    for (const FlagSpec& flag : *list) {
      if (!IsNear(typed, flag.name)) continue;
      const size_t distance = EditDistance(typed, flag.name);
      if (best.empty() || distance < best_distance) {
        best = flag.name;
        best_distance = distance;
      }
    }
  }
  return best;
}

std::string UnknownFlagError(absl::string_view name,
                             const ParsedArgs& parsed_so_far,
                             const std::vector<FlagSpec>& global_flags,
                             const std::vector<std::string>& words) {
  const CommandSpec* command = parsed_so_far.command();
  const std::string nearest =
      NearestFlag(absl::StripPrefix(absl::StripPrefix(name, "-"), "-"),
                  command == nullptr ? nullptr : &command->flags, global_flags);
  if (!nearest.empty()) {
    return absl::StrCat("未知选项 ", name, "，是否要输入 --", nearest, "？（",
                        HelpHint(words), "）");
  }
  return absl::StrCat("未知选项 ", name, "；", HelpHint(words));
}

// The flags of `command` that are required but absent or blank, and the
// one_of groups none of whose flags is given, as "--a", "--b 或 --c".
std::vector<std::string> MissingFlags(const CommandSpec& command,
                                      const ParsedArgs& parsed) {
  std::vector<std::string> missing;
  for (const FlagSpec& flag : command.flags) {
    if (!flag.required) continue;
    if (absl::StripAsciiWhitespace(parsed.Get(flag.name)).empty()) {
      missing.push_back(absl::StrCat("--", flag.name));
    }
  }
  for (const std::vector<std::string>& group : command.one_of) {
    if (std::any_of(group.begin(), group.end(), [&](const std::string& name) {
          return parsed.Has(name);
        })) {
      continue;
    }
    std::vector<std::string> names;
    for (const std::string& name : group) names.push_back("--" + name);
    missing.push_back(absl::StrJoin(names, " 或 "));
  }
  return missing;
}

// The usage error for the command word args[i], which does not follow
// `seen` (the words before it) in `commands`: the nearest command when one
// is close, else the words that may follow.
absl::Status UnknownWordError(const std::vector<std::string>& seen,
                              const std::vector<std::string>& args, size_t i,
                              const std::vector<CommandSpec>& commands) {
  std::vector<std::string> words = seen;
  words.push_back(args[i]);
  const std::vector<std::string> valid = NextWords(commands, seen);
  // The words typed from here on (up to the deepest command) may
  // complete the suggestion: "ogi cse lsit" → "ogi case list".
  size_t deepest = 0;
  for (const CommandSpec& command : commands) {
    deepest = std::max(deepest, command.words.size());
  }
  std::vector<std::string> typed = words;
  for (size_t j = i + 1; j < args.size() && typed.size() < deepest; ++j) {
    if (!args[j].empty() && args[j][0] == '-') break;
    typed.push_back(args[j]);
  }
  const std::string suggestion = SuggestCommand(typed, commands);
  const std::string unknown =
      absl::StrCat("未知命令 \"", absl::StrJoin(words, " "), "\"");
  if (!suggestion.empty()) {
    return UsageError(
        absl::StrCat(unknown, "，是否要输入 \"", suggestion, "\"？"));
  }
  if (seen.empty()) {
    return UsageError(absl::StrCat(unknown, "；可用的命令：",
                                   absl::StrJoin(valid, ", "),
                                   "（见 \"ogi help\"）"));
  }
  return UsageError(absl::StrCat(unknown, "；\"ogi ", absl::StrJoin(seen, " "),
                                 "\" 之后可用：", absl::StrJoin(valid, ", ")));
}

// Usage errors for a parse without --help that did not reach a command, or
// whose command lacks positionals or required flags (or has surplus
// positionals).
absl::Status CheckComplete(const ParsedArgs& parsed,
                           const std::vector<CommandSpec>& commands) {
  if (parsed.command() == nullptr) {
    if (parsed.words().empty()) {
      return UsageError("未给出命令；见 \"ogi help\"");
    }
    return UsageError(absl::StrCat(
        "\"ogi ", absl::StrJoin(parsed.words(), " "), "\" 之后须给出子命令：",
        absl::StrJoin(NextWords(commands, parsed.words()), ", ")));
  }
  const CommandSpec& command = *parsed.command();
  if (!command.variadic) {
    const size_t want = command.positionals.size();
    const size_t have = parsed.positionals().size();
    if (have < want) {
      return UsageError(absl::StrCat("缺少 ", command.positionals[have],
                                     "；用法：", UsageLine(command)));
    }
    if (have > want) {
      return UsageError(absl::StrCat("多余的参数 \"",
                                     parsed.positionals()[want], "\"；用法：",
                                     UsageLine(command)));
    }
  }
  const std::vector<std::string> missing = MissingFlags(command, parsed);
  if (!missing.empty()) {
    return UsageError(absl::StrCat("缺少必需的选项：",
                                   absl::StrJoin(missing, "、"), "（",
                                   HelpHint(command.words), "）"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status UsageError(absl::string_view message) {
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kUsagePayloadUrl, absl::Cord("1"));
  return status;
}

bool IsUsageError(const absl::Status& status) {
  return !status.ok() && status.GetPayload(kUsagePayloadUrl).has_value();
}

FlagSpec FlagSpec::Required() const {
  FlagSpec copy = *this;
  copy.required = true;
  return copy;
}

FlagSpec FlagSpec::Fills(std::vector<std::string> request_fields) const {
  FlagSpec copy = *this;
  copy.fields = std::move(request_fields);
  return copy;
}

CommandSpec CommandSpec::Runs(CommandHandler command_handler) const {
  CommandSpec copy = *this;
  copy.handler = std::move(command_handler);
  return copy;
}

CommandSpec CommandSpec::WithSetup(CommandSetup command_setup) const {
  CommandSpec copy = *this;
  copy.setup = command_setup;
  return copy;
}

bool ParsedArgs::Has(absl::string_view flag) const {
  return values_.find(flag) != values_.end();
}

std::string ParsedArgs::Get(absl::string_view flag,
                            absl::string_view fallback) const {
  const auto it = values_.find(flag);
  if (it == values_.end() || it->second.empty()) return std::string(fallback);
  return it->second.back();
}

std::vector<std::string> ParsedArgs::GetAll(absl::string_view flag) const {
  const auto it = values_.find(flag);
  if (it == values_.end()) return {};
  return it->second;
}

absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& global_flags,
                                     const std::vector<CommandSpec>& commands) {
  ParsedArgs parsed;
  bool words_done = false;  // the command is resolved
  bool flags_done = false;  // after "--"

  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    // A command flag's short name stands for its long form.
    if (!flags_done && arg.size() == 2 && arg[0] == '-' &&
        parsed.command_ != nullptr) {
      if (const FlagSpec* spec = FindShortFlag(parsed.command_->flags, arg[1]);
          spec != nullptr) {
        arg = absl::StrCat("--", spec->name);
      }
    }
    const bool is_flag = !flags_done && arg.size() > 1 && arg[0] == '-';
    if (!is_flag) {
      if (words_done) {
        parsed.positionals_.push_back(arg);
        continue;
      }
      std::vector<std::string> words = parsed.words_;
      words.push_back(arg);
      const std::vector<std::string> valid = NextWords(commands, parsed.words_);
      if (std::find(valid.begin(), valid.end(), arg) == valid.end()) {
        return UnknownWordError(parsed.words_, args, i, commands);
      }
      parsed.words_ = std::move(words);
      for (const CommandSpec& command : commands) {
        if (command.words == parsed.words_) {
          parsed.command_ = &command;
          words_done = true;
        }
      }
      continue;
    }

    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg == "-h") {
      parsed.help_ = true;
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      return UsageError(
          UnknownFlagError(arg, parsed, global_flags, parsed.words_));
    }
    absl::string_view body = absl::string_view(arg).substr(2);
    absl::string_view name = body;
    std::string value;
    bool has_inline_value = false;
    if (const size_t eq = body.find('='); eq != absl::string_view::npos) {
      name = body.substr(0, eq);
      value = std::string(body.substr(eq + 1));
      has_inline_value = true;
    }
    const FlagSpec* spec = nullptr;
    if (parsed.command_ != nullptr) {
      spec = FindFlag(parsed.command_->flags, name);
    }
    if (spec == nullptr) spec = FindFlag(global_flags, name);
    if (spec == nullptr) {
      return UsageError(UnknownFlagError(absl::StrCat("--", name), parsed,
                                         global_flags, parsed.words_));
    }
    if (spec->name == "help") {
      if (has_inline_value) {
        return UsageError("--help: 不接受取值");
      }
      parsed.help_ = true;
      continue;
    }
    if (spec->value_name.empty()) {
      if (!has_inline_value) {
        value = "true";
      } else if (value != "true" && value != "false") {
        return UsageError(
            absl::StrCat("--", name, ": \"", value, "\" 不是 true 或 false"));
      }
    } else if (!has_inline_value) {
      if (i + 1 >= args.size()) {
        return UsageError(
            absl::StrCat("--", name, ": 缺少取值（", spec->value_name, "）"));
      }
      value = args[++i];
    }
    auto& values = parsed.values_[spec->name];
    if (!values.empty() && !spec->repeated) {
      return UsageError(absl::StrCat("--", name, ": 只能给出一次"));
    }
    values.push_back(std::move(value));
  }

  if (parsed.help_) return parsed;
  OGI_RETURN_IF_ERROR(CheckComplete(parsed, commands));
  return parsed;
}

std::string SuggestCommand(const std::vector<std::string>& words,
                           const std::vector<CommandSpec>& commands) {
  // The leading words that are right as typed; the word after them is the
  // wrong one and must be matched for a suggestion.
  size_t valid = 0;
  while (valid < words.size()) {
    const std::vector<std::string> prefix(words.begin(),
                                          words.begin() + valid + 1);
    if (std::none_of(
            commands.begin(), commands.end(),
            [&](const CommandSpec& c) { return StartsWithWords(c, prefix); })) {
      break;
    }
    ++valid;
  }
  const size_t needed = std::min(valid + 1, words.size());
  std::vector<std::string> best;
  size_t best_cost = 0;
  for (const CommandSpec& command : commands) {
    // The longest prefix of the command whose words are near those typed.
    size_t matched = 0;
    size_t cost = 0;
    while (matched < std::min(words.size(), command.words.size()) &&
           IsNear(words[matched], command.words[matched])) {
      cost += EditDistance(words[matched], command.words[matched]);
      ++matched;
    }
    if (matched == 0 || matched < needed) continue;
    // More words matched first, then fewer edits.
    if (best.empty() || matched > best.size() ||
        (matched == best.size() && cost < best_cost)) {
      best.assign(command.words.begin(), command.words.begin() + matched);
      best_cost = cost;
    }
  }
  if (best.empty() ||
      std::equal(best.begin(), best.end(), words.begin(), words.end())) {
    return "";
  }
  return absl::StrCat("ogi ", absl::StrJoin(best, " "));
}

std::string CommandName(const CommandSpec& command) {
  return absl::StrCat("ogi ", absl::StrJoin(command.words, " "));
}

std::string UsageLine(const CommandSpec& command) {
  std::string line = CommandName(command);
  for (const std::string& positional : command.positionals) {
    absl::StrAppend(&line, " ", command.variadic ? "[" : "", positional,
                    command.variadic ? "...]" : "");
  }
  if (!command.flags.empty()) absl::StrAppend(&line, " [flags]");
  return line;
}

namespace {

std::string FlagColumn(const FlagSpec& flag) {
  std::string text = absl::StrCat("--", flag.name);
  if (flag.short_name != '\0') {
    text =
        absl::StrCat("-", absl::string_view(&flag.short_name, 1), ", ", text);
  }
  if (!flag.value_name.empty()) absl::StrAppend(&text, " ", flag.value_name);
  return text;
}

void AppendFlagLines(const std::vector<FlagSpec>& flags, size_t width,
                     std::string* out) {
  for (const FlagSpec& flag : flags) {
    std::string help = flag.help;
    if (flag.required && !absl::StrContains(help, "(required)")) {
      absl::StrAppend(&help, " (required)");
    }
    if (flag.repeated) absl::StrAppend(&help, " (repeatable)");
    absl::StrAppend(out, "  ", PadToWidth(FlagColumn(flag), width), "  ", help,
                    "\n");
  }
}

}  // namespace

std::string CommandHelp(const CommandSpec& command,
                        const std::vector<FlagSpec>& global_flags) {
  size_t width = 0;
  for (const auto* flags : {&command.flags, &global_flags}) {
    for (const FlagSpec& flag : *flags) {
      width = std::max(width, DisplayWidth(FlagColumn(flag)));
    }
  }
  std::string out = absl::StrCat("Usage: ", UsageLine(command), "\n\n",
                                 command.summary, "\n");
  if (!command.details.empty()) absl::StrAppend(&out, "\n", command.details);
  if (!command.flags.empty()) {
    absl::StrAppend(&out, "\nFlags:\n");
    AppendFlagLines(command.flags, width, &out);
  }
  absl::StrAppend(&out, "\nGlobal flags:\n");
  AppendFlagLines(global_flags, width, &out);
  return out;
}

}  // namespace ogi::cli
