#ifndef OGI_CLI_DATED_FLAGS_H_
#define OGI_CLI_DATED_FLAGS_H_

// Date flags that default to today, for the commands that record something
// done today unless told otherwise and whose request cannot leave the date to
// the server (review and lawsuit defend: an absent defence_filed there means
// "unchanged"). Case withdraw and lapse leave it to the server. "Today" is the
// civil date in China on this machine's clock, whatever its time zone.
// Thread-safe.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "cli/args.h"
#include "ogi/v1/common.pb.h"

namespace ogi::cli {

// Today's date in China (Asia/Shanghai) on the system clock.
absl::CivilDay TodayInChinaNow();

// The date given for `flag`, or `fallback` when the flag is absent. Usage
// error naming the flag for an empty or malformed value (see flag_values.h
// RequiredDateFlag).
absl::StatusOr<v1::Date> DateFlagOr(const ParsedArgs& args,
                                    absl::string_view flag,
                                    absl::CivilDay fallback);

}  // namespace ogi::cli

#endif  // OGI_CLI_DATED_FLAGS_H_
