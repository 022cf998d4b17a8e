#ifndef OGI_TESTS_CALENDAR_CALENDAR_TEST_UTIL_H_
#define OGI_TESTS_CALENDAR_CALENDAR_TEST_UTIL_H_

// Helpers shared by the calendar tests.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace ogi {

// The text of $OGI_SHARED_DIR/domain/cn-holidays.json (the reference data the
// product's copy must match); "" with a test failure when it cannot be read.
inline std::string ReadSharedHolidayFile() {
  const char* dir = std::getenv("OGI_SHARED_DIR");
  if (dir == nullptr) {
    ADD_FAILURE() << "OGI_SHARED_DIR is not set (run the test through ctest)";
    return "";
  }
  const std::string path = std::string(dir) + "/domain/cn-holidays.json";
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
