#ifndef OGI_TESTS_E2E_MADE_UP_2027_H_
#define OGI_TESTS_E2E_MADE_UP_2027_H_

// A complete made-up 2027 arrangement in the official file format, for tests
// that load a year: every statutory day off (元旦 01-01, 春节 除夕 02-05 to
// 初三 02-08, 清明 04-05, 劳动节 05-01..02, 端午 06-09, 中秋 09-15, 国庆
// 10-01..03), 元旦 extended to Monday 01-04, no make-up working day.

namespace ogi::testing {

inline constexpr char kComplete2027Json[] = R"json({"2027": {
  "notices": ["测试用通知 (2026-11-20)"],
  "holidays": [
    {"name": "元旦", "from": "2027-01-01", "to": "2027-01-04", "days": 4},
    {"name": "春节", "from": "2027-02-05", "to": "2027-02-08", "days": 4},
    {"name": "清明节", "from": "2027-04-05", "to": "2027-04-05", "days": 1},
    {"name": "劳动节", "from": "2027-05-01", "to": "2027-05-02", "days": 2},
    {"name": "端午节", "from": "2027-06-09", "to": "2027-06-09", "days": 1},
    {"name": "中秋节", "from": "2027-09-15", "to": "2027-09-15", "days": 1},
    {"name": "国庆节", "from": "2027-10-01", "to": "2027-10-03", "days": 3}],
  "off_days": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04",
    "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05",
    "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01",
    "2027-10-02", "2027-10-03"],
  "makeup_workdays": []}})json";

}  // namespace ogi::testing

#endif  // OGI_TESTS_E2E_MADE_UP_2027_H_
