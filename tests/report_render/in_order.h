#ifndef OGI_TESTS_REPORT_RENDER_IN_ORDER_H_
#define OGI_TESTS_REPORT_RENDER_IN_ORDER_H_

// Checks that parts of a rendered document appear in a given order.

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ogi::testing {

// Success when every part is found in `text`, each after the end of the
// previous one; otherwise names the first part missing or out of order.
inline ::testing::AssertionResult AppearInOrder(
    const std::string& text, const std::vector<std::string>& parts) {
  size_t at = 0;
  for (const std::string& part : parts) {
    const size_t found = text.find(part, at);
    if (found == std::string::npos) {
      return ::testing::AssertionFailure()
             << "missing or out of order: " << part;
    }
    at = found + part.size();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_REPORT_RENDER_IN_ORDER_H_
