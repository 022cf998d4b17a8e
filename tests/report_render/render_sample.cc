// report_render_sample [FORMAT] > FILE
// Prints the fixture report (shaped like the published 2022 reference report)
// in FORMAT (text, csv, json, markdown or html; html when omitted), so a
// person can look at a rendering without a server, e.g.
//   report_render_sample html > report.html
//   bash deploy/report-screenshot.sh report.html

#include <iostream>

#include "services/report/render/report_render.h"
#include "tests/report_render/report_fixture.h"

int main(int argc, char** argv) {
  if (argc > 2) {
    std::cerr << "usage: report_render_sample [text|csv|json|markdown|html]\n";
    return 2;
  }
  const auto format =
      ogi::ParseReportFormat(argc == 2 ? argv[1] : "html", "FORMAT");
  if (!format.ok()) {
    std::cerr << format.status().message() << "\n";
    return 2;
  }
  std::cout << ogi::RenderReport(ogi::testing::ReferenceLikeReport(), *format);
  return 0;
}
