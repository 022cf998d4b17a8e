#ifndef OGI_TESTS_REPORT_RENDER_REPORT_FIXTURE_H_
#define OGI_TESTS_REPORT_RENDER_REPORT_FIXTURE_H_

// A report shaped like the 2022 annual report on government information
// disclosure that 聊城市行政审批服务局 published (its tables are also typed out
// in tests/e2e/testdata/reference_2022_tables.csv): 13 applications from
// natural persons, 12 disclosed and 1 not held, one review upheld, 32866
// licensing decisions, fees of 12872.06 万元, no information-processing fee,
// and some prose. Table 三's rows carry the keys and labels of the derivation
// (EmptyTable3); OfficialTable3Labels() types the labels from the national
// format, so tests compare the renderings with the official texts.

#include <string>
#include <vector>

#include "ogi/v1/report.pb.h"

namespace ogi::testing {

// The 24 row labels of table 三 in official order.
const std::vector<std::string>& OfficialTable3Labels();

v1::Report ReferenceLikeReport();

}  // namespace ogi::testing

#endif  // OGI_TESTS_REPORT_RENDER_REPORT_FIXTURE_H_
