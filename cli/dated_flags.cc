#include "cli/dated_flags.h"

#include "cli/flag_values.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"

namespace ogi::cli {

absl::CivilDay TodayInChinaNow() { return TodayInChina(SystemClock()); }

absl::StatusOr<v1::Date> DateFlagOr(const ParsedArgs& args,
                                    absl::string_view flag,
                                    absl::CivilDay fallback) {
  if (!args.Has(flag)) return ToProtoDate(fallback);
  return RequiredDateFlag(args, flag);
}

}  // namespace ogi::cli
