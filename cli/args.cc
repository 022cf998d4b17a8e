#include "cli/args.h"

#include <algorithm>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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

std::string HelpHint(const std::vector<std::string>& words) {
  std::string command = "ogi";
  for (const std::string& word : words) absl::StrAppend(&command, " ", word);
  return absl::StrCat("see \"", command, " --help\"");
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
        if (parsed.words_.empty()) {
          return UsageError(
              absl::StrCat("unknown command \"", arg,
                           "\"; one of: ", absl::StrJoin(valid, ", ")));
        }
        return UsageError(
            absl::StrCat("unknown command \"ogi ", absl::StrJoin(words, " "),
                         "\"; after \"", absl::StrJoin(parsed.words_, " "),
                         "\" use one of: ", absl::StrJoin(valid, ", ")));
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
          absl::StrCat("unknown flag ", arg, "; ", HelpHint(parsed.words_)));
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
      return UsageError(
          absl::StrCat("unknown flag --", name, "; ", HelpHint(parsed.words_)));
    }
    if (spec->name == "help") {
      if (has_inline_value) {
        return UsageError("--help: takes no value");
      }
      parsed.help_ = true;
      continue;
    }
    if (spec->value_name.empty()) {
      if (!has_inline_value) {
        value = "true";
      } else if (value != "true" && value != "false") {
        return UsageError(
            absl::StrCat("--", name, ": \"", value, "\" is not true or false"));
      }
    } else if (!has_inline_value) {
      if (i + 1 >= args.size()) {
        return UsageError(absl::StrCat("--", name, ": missing value (",
                                       spec->value_name, ")"));
      }
      value = args[++i];
    }
    auto& values = parsed.values_[spec->name];
    if (!values.empty() && !spec->repeated) {
      return UsageError(absl::StrCat("--", name, ": given more than once"));
    }
    values.push_back(std::move(value));
  }

  if (parsed.help_) return parsed;

  if (parsed.command_ == nullptr) {
    if (parsed.words_.empty()) {
      return UsageError("no command given; see \"ogi help\"");
    }
    return UsageError(absl::StrCat(
        "\"ogi ", absl::StrJoin(parsed.words_, " "), "\" needs a subcommand: ",
        absl::StrJoin(NextWords(commands, parsed.words_), ", ")));
  }
  const CommandSpec& command = *parsed.command_;
  if (!command.variadic) {
    const size_t want = command.positionals.size();
    const size_t have = parsed.positionals_.size();
    if (have < want) {
      return UsageError(absl::StrCat("missing ", command.positionals[have],
                                     "; usage: ", UsageLine(command)));
    }
    if (have > want) {
      return UsageError(absl::StrCat("unexpected argument \"",
                                     parsed.positionals_[want],
                                     "\"; usage: ", UsageLine(command)));
    }
  }
  return parsed;
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
