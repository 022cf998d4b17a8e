#ifndef OGI_TESTS_CALENDAR_CALENDAR_TEST_UTIL_H_
#define OGI_TESTS_CALENDAR_CALENDAR_TEST_UTIL_H_

// Helpers shared by the calendar tests.

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace ogi {

// The text of the repository's deploy/calendar/cn-holidays.json (the file the
// product embeds and ships); "" with a test failure when it cannot be read.
// OGI_SOURCE_DIR is the source tree, defined by tests/CMakeLists.txt.
inline std::string ReadProjectHolidayFile() {
  const std::string path =
      std::string(OGI_SOURCE_DIR) + "/deploy/calendar/cn-holidays.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ogi

#endif  // OGI_TESTS_CALENDAR_CALENDAR_TEST_UTIL_H_
