#ifndef OGI_CLI_FLAG_FIELDS_H_
#define OGI_CLI_FLAG_FIELDS_H_

// From the request fields a server error names to the flags the user typed.
// The server writes validation errors as "field: rule" (several fields:
// "provided_summary, withheld_summary: rule"), naming request field paths
// such as "conclusion.provided_summary" or "items[0].description"; the user
// typed --provided or --description. Each FlagSpec lists the fields it
// fills (args.h FlagSpec::fields), so the mapping lives with the flag
// definitions. Pure; thread-safe.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "cli/args.h"

namespace ogi::cli {

// The flag of `command`, else the positional argument of `command` that
// fills `path` (CommandSpec::argument_fields, e.g. "CODE"), else the flag in
// `global_flags`, that fills the request field `path` ("--provided"); "" when
// none does. A flag fills `path` when one
// of its fields (or, with none listed, its own name in snake case) equals
// `path` without its array indexes, is a suffix of it after a "." (the
// server's path may start at an outer message: "conclusion.served"), or is
// a prefix of it before a "." (the flag fills a whole message: --text fills
// "prose", so "prose.overview"); an exact match wins over the others, then
// the first flag in table order. An index in `path` is kept as the
// item's number: "items[1].description" → "--description（第 2 项）".
std::string FlagForField(absl::string_view path, const CommandSpec& command,
                         const std::vector<FlagSpec>& global_flags);

// `message` with the fields before its first ": " (or "："), each
// separated by ", " or "、", replaced by the flags that fill them (see
// FlagForField); a field no flag fills stays as it is. A message listing
// several violations ("f1: rule；f2: rule", as FieldViolations writes it)
// has each violation's fields replaced. A message (or violation) that does
// not start with field paths is returned unchanged.
std::string NameFlagsInMessage(absl::string_view message,
                               const CommandSpec& command,
                               const std::vector<FlagSpec>& global_flags);

}  // namespace ogi::cli

#endif  // OGI_CLI_FLAG_FIELDS_H_
