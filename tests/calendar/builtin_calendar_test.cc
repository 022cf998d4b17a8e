#include "services/calendar/builtin_calendar.h"

#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/calendar/calendar_loader.h"
#include "tests/calendar/calendar_test_util.h"

namespace ogi {
namespace {

using ::google::protobuf::util::MessageDifferencer;

TEST(BuiltinCalendarTest, EmbedsTheProjectFileByteForByte) {
  const std::string file = ReadProjectHolidayFile();
  ASSERT_FALSE(file.empty());
  // Any change to the raw string literal (a lost byte, a substituted @VAR@)
  // shows here.
  EXPECT_EQ(BuiltinCalendarJson().size(), file.size());
  EXPECT_TRUE(BuiltinCalendarJson() == file)
      << "the embedded calendar differs from deploy/calendar/cn-holidays.json";
}

TEST(BuiltinCalendarTest, EqualsTheLoadedProjectFile) {
  absl::StatusOr<std::vector<v1::CalendarYear>> file =
      ParseCalendarJson(ReadProjectHolidayFile());
  ASSERT_TRUE(file.ok()) << file.status();
  const std::vector<v1::CalendarYear>& builtin = BuiltinCalendarYears();
  ASSERT_EQ(builtin.size(), file->size());
  for (size_t i = 0; i < builtin.size(); ++i) {
    std::string diff;
    MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(builtin[i], (*file)[i]))
        << builtin[i].year() << ": " << diff;
  }
}

TEST(BuiltinCalendarTest, LoadsTheYears2019To2026) {
  const WorkingCalendar& calendar = BuiltinCalendar();
  ASSERT_EQ(calendar.years().size(), 8u);
  for (int year = 2019; year <= 2026; ++year) {
    EXPECT_TRUE(calendar.HasYear(year)) << year;
    EXPECT_EQ(calendar.years()[year - 2019].year(), year);
  }
  EXPECT_FALSE(calendar.HasYear(2018));
  EXPECT_FALSE(calendar.HasYear(2027));
  // The same object every time (parsed once).
  EXPECT_EQ(&BuiltinCalendar(), &calendar);
  EXPECT_EQ(&BuiltinCalendarYears(), &BuiltinCalendarYears());
}

}  // namespace
}  // namespace ogi
