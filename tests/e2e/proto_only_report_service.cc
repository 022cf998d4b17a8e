// ReportService through the proto-only client: the annual report's tables and
// its checks.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Table 三 of a Report: each row's seven cells joined by ",", by row key.
std::map<std::string, std::string> Table3ByKey(const Message& report) {
  std::map<std::string, std::string> rows;
  for (const Message* row : Elements(report, "table3.rows")) {
    rows[Value(*row, "key")] = absl::StrJoin(Values(*row, "cells"), ",");
  }
  return rows;
}

// The ResultCounts at `path` of a Report as "upheld,corrected,other,pending,
// total".
std::string ResultCountsText(const Message& report, const std::string& path) {
  std::vector<std::string> counts;
  for (const char* column :
       {"upheld", "corrected", "other", "pending", "total"}) {
    counts.push_back(Value(report, absl::StrCat(path, ".", column)));
  }
  return absl::StrJoin(counts, ",");
}

}  // namespace

void ProtoOnlyClientTest::ExerciseReportService() {
  const std::string report = kReportService;

  // The statistician writes the 2025 report on Monday 2026-01-12 (it is due
  // by 31 January, Regs Art. 49).
  Reply moved = Call(std::string(kTestingClockService) + ".SetTime",
                     R"({"time": "2026-01-12T09:00:00+08:00"})", Clerk());
  ASSERT_RPC_OK(moved);

  // --- Table 二's figures come from other systems and are entered; the fee
  // amount is kept as the canonical decimal.
  Reply figures = Call(report + ".SetFigures", R"json({"year": 2025,
    "figures": {
      "rules": {"issued": 0, "repealed": 0, "in_force": 0},
      "normative_documents": {"issued": 3, "repealed": 1, "in_force": 27},
      "licensing_decisions": 35210, "penalty_decisions": 12,
      "enforcement_decisions": 3, "fees_wan_yuan": "12872.060"}})json",
                       Clerk());
  ASSERT_RPC_OK(figures);
  EXPECT_EQ(Value(*figures.response, "licensing_decisions"), "35210");
  EXPECT_EQ(Value(*figures.response, "fees_wan_yuan"), "12872.06");

  // The agency registers its normative documents, so table 二's first block
  // is counted from the register instead of the figures entered.
  Reply registered = Call(report + ".RegisterDocument", R"json({"document": {
      "kind": "DOCUMENT_KIND_NORMATIVE_DOCUMENT",
      "title": "聊城市行政审批服务局关于进一步优化政务服务事项办理流程的通知",
      "document_number": "聊审批发〔2025〕3号",
      "issued": {"year": 2025, "month": 3, "day": 18}}})json",
                          Clerk());
  ASSERT_RPC_OK(registered);
  const std::string document_id = Value(*registered.response, "id");
  EXPECT_NE(document_id, "0");
  EXPECT_EQ(Value(*registered.response, "agency_code"), "default");
  Reply documents = Call(report + ".ListDocuments", "{}");
  ASSERT_RPC_OK(documents);
  const std::vector<const Message*> register_entries =
      Elements(*documents.response, "documents");
  ASSERT_EQ(register_entries.size(), 1u);
  EXPECT_EQ(Value(*register_entries[0], "id"), document_id);
  EXPECT_EQ(Value(*register_entries[0], "document_number"),
            "聊审批发〔2025〕3号");
  EXPECT_EQ(DateAt(*register_entries[0], "issued"), "2025-03-18");
  EXPECT_EQ(DateAt(*register_entries[0], "repealed"), "<unset>");

  constexpr char kOverview[] =
      "2025年，本机关认真贯彻《中华人民共和国政府信息公开条例》，"
      "依法办理政府信息公开申请。";
  Reply prose = Call(report + ".SetProse",
                     absl::Substitute(R"json({"year": 2025, "prose": {
                       "overview": "$0",
                       "problems": "个别申请答复超过法定期限，已建立期限预警机制。"
                     }})json",
                                      kOverview),
                     Clerk());
  ASSERT_RPC_OK(prose);
  EXPECT_EQ(Value(*prose.response, "overview"), kOverview);
  EXPECT_EQ(Value(*prose.response, "problems"),
            "个别申请答复超过法定期限，已建立期限预警机制。");

  // --- The 2025 report, from the cases the parts before logged (all from
  // natural persons). 一: the eight received in 2025, 2025-0001 and
  // 2025-0003..0009 (2025-0002 still waits for its receipt to be confirmed:
  // not received, not counted). Concluded in 2025: 0004 予以公开, 0001
  // 部分公开, 0009 逾期不补正, 0007 其他 (withdrawn). Carried over: 0003, 0005,
  // 0006, 0008.
  Reply got = Call(report + ".GetReport", R"({"year": 2025})");
  ASSERT_RPC_OK(got);
  const Message& year_2025 = *got.response;
  EXPECT_THAT(Values(year_2025, "agency_codes"), ElementsAre("default"));
  EXPECT_EQ(Value(year_2025, "title_agency"), kAgencyName);
  EXPECT_EQ(Value(year_2025, "year"), "2025");
  const std::map<std::string, std::string> table3 = Table3ByKey(year_2025);
  EXPECT_EQ(table3.size(), 25u);
  const std::map<std::string, std::string> counted = {
      {"new", "8,0,0,0,0,0,8"},
      {"disclosed", "1,0,0,0,0,0,1"},
      {"partially_disclosed", "1,0,0,0,0,0,1"},
      {"other_correction_lapsed", "1,0,0,0,0,0,1"},
      {"other", "1,0,0,0,0,0,1"},
      {"concluded_total", "4,0,0,0,0,0,4"},
      {"carried_out", "4,0,0,0,0,0,4"}};
  for (const auto& [key, cells] : counted) {
    EXPECT_TRUE(table3.count(key)) << "table 三 has no row " << key;
  }
  for (const auto& [key, cells] : table3) {
    const auto expected = counted.find(key);
    EXPECT_EQ(cells,
              expected == counted.end() ? "0,0,0,0,0,0,0" : expected->second)
        << key;
  }
  // Table 四 (upheld, corrected, other, pending, total): 王晓明's review
  // upheld and 周敏's still pending; the lawsuit after review, corrected on
  // appeal.
  EXPECT_EQ(ResultCountsText(year_2025, "table4.review"), "1,0,0,1,2");
  EXPECT_EQ(ResultCountsText(year_2025, "table4.direct_suit"), "0,0,0,0,0");
  EXPECT_EQ(ResultCountsText(year_2025, "table4.suit_after_review"),
            "0,1,0,0,1");
  // Table 二: the register's one document, the entered figures.
  EXPECT_EQ(Value(year_2025, "table2.documents_from_register"), "true");
  EXPECT_EQ(Value(year_2025, "table2.normative_documents.issued"), "1");
  EXPECT_EQ(Value(year_2025, "table2.normative_documents.repealed"), "0");
  EXPECT_EQ(Value(year_2025, "table2.normative_documents.in_force"), "1");
  EXPECT_EQ(Value(year_2025, "table2.licensing_decisions"), "35210");
  EXPECT_EQ(Value(year_2025, "table2.fees_wan_yuan"), "12872.06");
  // Section 六: 赵丽's fee notice of 10-09 (200 yuan), paid 10-14.
  EXPECT_EQ(Value(year_2025, "fees.notices_issued"), "1");
  EXPECT_EQ(Value(year_2025, "fees.amount_billed_yuan"), "200");
  EXPECT_EQ(Value(year_2025, "fees.amount_collected_yuan"), "200");
  EXPECT_EQ(Value(year_2025, "prose.overview"), kOverview);
  const std::vector<const Message*> checks = Elements(year_2025, "checks");
  EXPECT_FALSE(checks.empty());
  // Every identity holds; 2025-0002, awaiting confirmation, is named as not
  // yet countable.
  for (const Message* check : checks) {
    const bool countability = Value(*check, "identity") == "所有案件均可统计";
    EXPECT_EQ(Value(*check, "ok"), countability ? "false" : "true")
        << Value(*check, "identity") << ": " << Value(*check, "detail");
  }
  const std::vector<const Message*> uncountable =
      Elements(year_2025, "uncountable");
  ASSERT_EQ(uncountable.size(), 1u);
  EXPECT_EQ(Value(*uncountable[0], "number"), "2025-0002");
  EXPECT_THAT(Value(*uncountable[0], "reason"), HasSubstr("待确认收到："));
  EXPECT_EQ(Value(year_2025, "lock"), "<unset>");
  const std::string hash = Value(year_2025, "content_hash");
  EXPECT_EQ(hash.size(), 64u) << hash;
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos)
      << hash;

  // Nothing of it belongs to 2024.
  Reply year_2024 = Call(report + ".GetReport", R"({"year": 2024})");
  ASSERT_RPC_OK(year_2024);
  EXPECT_EQ(Table3ByKey(*year_2024.response)["new"], "0,0,0,0,0,0,0");
  EXPECT_EQ(ResultCountsText(*year_2024.response, "table4.review"),
            "0,0,0,0,0");

  // --- The cases behind a number (SPEC §4 rule 6).
  Reply carried_out = Call(report + ".GetCell", R"json({"year": 2025,
      "cell": {"table": 3, "row": "carried_out", "column": "total"}})json");
  ASSERT_RPC_OK(carried_out);
  EXPECT_EQ(Value(*carried_out.response, "value"), "4");
  std::vector<std::string> behind;
  for (const Message* record : Elements(*carried_out.response, "records")) {
    behind.push_back(absl::StrCat(Value(*record, "case_number"), " ",
                                  Value(*record, "applicant_name"), " ",
                                  DateAt(*record, "receipt_date"), " ",
                                  DateAt(*record, "concluded")));
  }
  EXPECT_THAT(behind,
              UnorderedElementsAre("2025-0003 李红梅 2025-09-26 <unset>",
                                   "2025-0005 赵丽 2025-09-26 <unset>",
                                   "2025-0006 陈志强 2025-09-26 <unset>",
                                   "2025-0008 周敏 2025-09-01 <unset>"));
  Reply corrected_suits = Call(report + ".GetCell", R"json({"year": 2025,
      "cell": {"table": 4, "row": "suit_after_review",
               "column": "corrected"}})json");
  ASSERT_RPC_OK(corrected_suits);
  EXPECT_EQ(Value(*corrected_suits.response, "value"), "1");
  const std::vector<const Message*> suits =
      Elements(*corrected_suits.response, "records");
  ASSERT_EQ(suits.size(), 1u);
  EXPECT_EQ(Value(*suits[0], "proceeding_id"), "2025-0001-L1");
  EXPECT_EQ(Value(*suits[0], "case_number"), kFirstCaseNumber);
  EXPECT_EQ(DateAt(*suits[0], "filed"), "2025-08-04");
  EXPECT_EQ(Value(*suits[0], "column_label"), "结果纠正");

  // --- The publishable tables as CSV, one record a line.
  Reply csv = Call(report + ".RenderReport",
                   R"({"year": 2025, "format": "REPORT_FORMAT_CSV"})");
  ASSERT_RPC_OK(csv);
  EXPECT_EQ(Value(*csv.response, "content_type"), "text/csv; charset=utf-8");
  EXPECT_THAT(
      Value(*csv.response, "content"),
      AllOf(
          HasSubstr("行政规范性文件,1,0,1\r\n"),
          HasSubstr("行政事业性收费,12872.06\r\n"),
          HasSubstr("一、本年新收政府信息公开申请数量,8,0,0,0,0,0,8\r\n"),
          HasSubstr("（二）部分公开（区分处理的，只计这一情形，不计其他情形）,"
                    "1,0,0,0,0,0,1\r\n"),
          HasSubstr("四、结转下年度继续办理,4,0,0,0,0,0,4\r\n"),
          HasSubstr("\r\n1,0,0,1,2,0,0,0,0,0,0,1,0,0,1\r\n")));

  // --- Before publishing, the office confirms 2025-0002's receipt with the
  // applicant: confirmed today (2026), it belongs to 2026, so the 2025
  // numbers (and hash) stay as they are and nothing is left uncountable.
  Reply confirmed = Call(std::string(kCaseService) + ".UpdateCase",
                         R"json({"number": "2025-0002",
                           "case": {"confirmation_date":
                             {"year": 2026, "month": 1, "day": 12}},
                           "update_mask": "confirmation_date",
                           "reason": "电话确认收到"})json",
                         Clerk());
  ASSERT_RPC_OK(confirmed);
  Reply recounted = Call(report + ".GetReport", R"({"year": 2025})");
  ASSERT_RPC_OK(recounted);
  EXPECT_THAT(Elements(*recounted.response, "uncountable"), IsEmpty());
  EXPECT_EQ(Value(*recounted.response, "content_hash"), hash);

  // --- Published: locked with its content hash, who and when; once.
  // Section 六 was never written: locking it empty must be said explicitly.
  Reply refused = Call(report + ".LockReport", R"({"year": 2025})", Clerk());
  EXPECT_THAT(refused, RefusedWith(grpc::StatusCode::FAILED_PRECONDITION,
                                   "allow_empty_sections: "));
  Reply locked = Call(
      report + ".LockReport",
      R"({"year": 2025, "allow_empty_sections": ["other_matters"]})", Clerk());
  ASSERT_RPC_OK(locked);
  EXPECT_EQ(Value(*locked.response, "lock.locked_by"), "clerk-li");
  EXPECT_EQ(Value(*locked.response, "lock.locked_at.seconds"),
            absl::StrCat(ChinaUnixSeconds(2026, 1, 12, 9)));
  EXPECT_EQ(Value(*locked.response, "lock.content_hash"), hash);
  EXPECT_EQ(Value(*locked.response, "content_hash"), hash);
  Reply relocked = Call(
      report + ".LockReport",
      R"({"year": 2025, "allow_empty_sections": ["other_matters"]})", Clerk());
  EXPECT_EQ(relocked.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // --- A December answer entered in January counts in December's year
  // (SPEC §4 rule 4): 李红梅's answer was posted on 2025-12-30 (late: it was
  // due 11-11). The locked numbers stay as published; the report names each
  // cell the entry changes and the case that moved.
  Reply late = Call(std::string(kOutcomeService) + ".ConcludeCase",
                    absl::Substitute(R"json({"number": "$0",
                      "outcome": "OUTCOME_DISCLOSED",
                      "service_method": "SERVICE_METHOD_POSTED",
                      "served": {"year": 2025, "month": 12, "day": 30}})json",
                                     kCorrectionCase),
                    Clerk());
  ASSERT_RPC_OK(late);
  EXPECT_EQ(Value(*late.response, "case.conclusion.served_late"), "true");
  Reply after = Call(report + ".GetReport", R"({"year": 2025})");
  ASSERT_RPC_OK(after);
  EXPECT_EQ(Value(*after.response, "lock.content_hash"), hash);
  EXPECT_EQ(Value(*after.response, "content_hash"), hash);
  EXPECT_EQ(Table3ByKey(*after.response)["carried_out"], "4,0,0,0,0,0,4");
  std::vector<std::string> differences;
  for (const Message* d : Elements(*after.response, "differences")) {
    const std::vector<std::string> added = Values(*d, "cases_added");
    const std::vector<std::string> removed = Values(*d, "cases_removed");
    differences.push_back(absl::StrCat(
        Value(*d, "cell.table"), " ", Value(*d, "cell.row"), "×",
        Value(*d, "cell.column"), " ", Value(*d, "locked_value"), "→",
        Value(*d, "live_value"),
        added.empty() ? "" : absl::StrCat(" +", absl::StrJoin(added, ",")),
        removed.empty() ? ""
                        : absl::StrCat(" -", absl::StrJoin(removed, ","))));
  }
  EXPECT_THAT(
      differences,
      UnorderedElementsAre("3 disclosed×natural_person 1→2 +2025-0003",
                           "3 disclosed×total 1→2 +2025-0003",
                           "3 concluded_total×natural_person 4→5 +2025-0003",
                           "3 concluded_total×total 4→5 +2025-0003",
                           "3 carried_out×natural_person 4→3 -2025-0003",
                           "3 carried_out×total 4→3 -2025-0003"));
  // The drill-down shows the live records.
  Reply disclosed = Call(report + ".GetCell", R"json({"year": 2025,
      "cell": {"table": 3, "row": "disclosed",
               "column": "natural_person"}})json");
  ASSERT_RPC_OK(disclosed);
  EXPECT_EQ(Value(*disclosed.response, "value"), "2");
  std::vector<std::string> answers;
  for (const Message* record : Elements(*disclosed.response, "records")) {
    answers.push_back(absl::StrCat(Value(*record, "case_number"), " ",
                                   DateAt(*record, "concluded"), " ",
                                   Value(*record, "outcome")));
  }
  EXPECT_THAT(answers,
              UnorderedElementsAre("2025-0003 2025-12-30 OUTCOME_DISCLOSED",
                                   "2025-0004 2025-11-04 OUTCOME_DISCLOSED"));
}

TEST_F(ProtoOnlyClientTest,
       ReportBeforeTheFirstYearIsInvalidArgumentNamingYear) {
  // The Regulations' first reporting year is 2008.
  Reply reply =
      Call(std::string(kReportService) + ".GetReport", R"({"year": 1999})");
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(),
              AllOf(HasSubstr("year:"), HasSubstr("1999")));
}

}  // namespace ogi::proto_only
