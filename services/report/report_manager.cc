#include "services/report/report_manager.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "services/cases/case_manager.h"
#include "services/common/field_update.h"
#include "services/common/paging.h"
#include "services/common/sha256.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/common/timestamps.h"
#include "services/report/document_register.h"
#include "services/report/render/report_render.h"
#include "services/report/report_cells.h"
#include "services/report/report_checks.h"
#include "services/report/report_derivation.h"
#include "services/report/report_notes.h"
#include "services/report/report_prose.h"
#include "services/report/report_rows.h"
#include "services/report/table2_figures.h"

namespace ogi {

// The first year the Regulations (2008) required an annual report.
constexpr int kFirstReportYear = 2008;

// The report as the live records give it, with what lies behind its cells.
struct ReportManager::Live {
  v1::Report report;
  CellCases cells;
  std::vector<v1::Case> cases;
};

namespace {

// The paths of the entered figures a SetFigures request may change.
const std::vector<std::string>& FigurePaths() {
  static const auto* const kPaths = new std::vector<std::string>{
      "rules",
      "rules.issued",
      "rules.repealed",
      "rules.in_force",
      "normative_documents",
      "normative_documents.issued",
      "normative_documents.repealed",
      "normative_documents.in_force",
      "licensing_decisions",
      "penalty_decisions",
      "enforcement_decisions",
      "fees_wan_yuan",
      "rules_source",
      "normative_documents_source",
  };
  return *kPaths;
}

// The prose sections, by the field names SetProse's mask uses.
const std::vector<std::string>& ProsePaths() {
  static const auto* const kPaths = new std::vector<std::string>{
      "preface", "overview", "problems", "other_matters"};
  return *kPaths;
}

// The fields of a register entry an update may change.
const std::vector<std::string>& DocumentPaths() {
  static const auto* const kPaths = new std::vector<std::string>{
      "kind", "title", "document_number", "issued", "repealed"};
  return *kPaths;
}

// What the content hash covers: the numbers of the three tables, serialized
// deterministically (so the same numbers always give the same hash) — not
// where table 二's counts came from nor what they replaced.
std::string ContentHash(const v1::Report& report) {
  v1::Report tables;
  v1::Table2& table2 = *tables.mutable_table2();
  table2 = report.table2();
  table2.clear_documents_from_register();
  table2.clear_rules_source();
  table2.clear_normative_documents_source();
  table2.clear_rules_from_register();
  table2.clear_normative_documents_from_register();
  table2.clear_overridden();
  table2.clear_etag();
  *tables.mutable_table3() = report.table3();
  *tables.mutable_table4() = report.table4();
  return Sha256HexOfMessage(tables);
}

std::vector<std::string> CodesOf(const std::vector<v1::Agency>& agencies) {
  std::vector<std::string> codes;
  codes.reserve(agencies.size());
  for (const v1::Agency& agency : agencies) codes.push_back(agency.code());
  return codes;
}

std::vector<CellSnapshot> FromLocked(const v1::LockedReport& lock) {
  std::vector<CellSnapshot> cells;
  cells.reserve(lock.cells_size());
  for (const v1::LockedCell& locked : lock.cells()) {
    CellSnapshot& cell = cells.emplace_back();
    cell.cell = locked.cell();
    cell.value = locked.value();
    cell.cases.assign(locked.records().begin(), locked.records().end());
  }
  return cells;
}

// Row 四 of a locked report, with the cases behind it, for 二 = 上年四.
PreviousCarriedOut CarriedOutOf(const v1::LockedReport& lock) {
  PreviousCarriedOut previous;
  previous.cases_known = true;
  for (const v1::LockedCell& locked : lock.cells()) {
    absl::StatusOr<CellPosition> position = ResolveCell(locked.cell());
    if (!position.ok() || position->table != 3 ||
        position->row != kCarriedOutRow) {
      continue;
    }
    previous.cells[position->column] = locked.value();
    previous.cases[position->column].assign(locked.records().begin(),
                                            locked.records().end());
  }
  return previous;
}

// INVALID_ARGUMENT "allow_empty_sections: ..." for a key that names no
// section that could be refused for being empty.
absl::Status CheckAllowedEmpty(
    const google::protobuf::RepeatedPtrField<std::string>& allowed) {
  for (const std::string& key : allowed) {
    const ProseSectionSpec* section = FindProseSection(key);
    if (section == nullptr || !section->required) {
      return absl::InvalidArgumentError(
          absl::StrCat("allow_empty_sections: 未知的章节“", key,
                       "”；可以是 overview、problems、other_matters"));
    }
  }
  return absl::OkStatus();
}

// FAILED_PRECONDITION "allow_empty_sections: ..." naming every empty section
// of `prose` that `allowed` does not list.
absl::Status CheckNoEmptySections(
    const v1::ReportProse& prose,
    const google::protobuf::RepeatedPtrField<std::string>& allowed, int year) {
  std::vector<std::string> refused;
  std::vector<std::string> keys;
  for (const std::string& key : EmptyProseSections(prose)) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
      continue;
    }
    refused.push_back(
        absl::StrCat(FindProseSection(key)->title, "（", key, "）"));
    keys.push_back(key);
  }
  if (refused.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "allow_empty_sections: ", year, " 年度报告的章节为空，未锁定：",
      absl::StrJoin(refused, "、"), "；请先填写，或明确允许留空（",
      absl::StrJoin(keys, "、"), "）"));
}

}  // namespace

ReportManager::ReportManager(CaseStore* cases, ReportStore* reports,
                             const Clock* clock,
                             std::string default_agency_code)
    : cases_(cases),
      reports_(reports),
      clock_(clock),
      default_agency_code_(std::move(default_agency_code)) {}

std::string ReportManager::AgencyOr(absl::string_view code) const {
  return code.empty() ? default_agency_code_ : std::string(code);
}

absl::Status ReportManager::ValidateYear(int year) const {
  const int this_year = TodayInChina(*clock_).year();
  if (year < kFirstReportYear || year > this_year) {
    return absl::InvalidArgumentError(
        absl::StrCat("year: 须在 ", kFirstReportYear, " 至 ", this_year,
                     " 之间，而不是 ", year));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Agency>> ReportManager::Agencies(
    const google::protobuf::RepeatedPtrField<std::string>& codes) const {
  std::vector<v1::Agency> agencies;
  for (const std::string& code : codes) {
    if (code.empty()) {
      return absl::InvalidArgumentError("agency_codes: 机关代码不能为空");
    }
    bool seen = false;
    for (const v1::Agency& known : agencies) {
      seen = seen || known.code() == code;
    }
    if (seen) continue;
    absl::StatusOr<v1::Agency> agency = cases_->GetAgency(code);
    if (absl::IsNotFound(agency.status())) {
      return absl::NotFoundError(
          absl::StrCat("agency_codes: 机关 \"", code, "\" 不存在"));
    }
    if (!agency.ok()) return agency.status();
    agencies.push_back(*std::move(agency));
  }
  if (agencies.empty()) {
    OGI_ASSIGN_OR_RETURN(agencies.emplace_back(),
                         cases_->GetAgency(default_agency_code_));
  }
  return agencies;
}

absl::StatusOr<Authorship> ReportManager::Author(
    absl::string_view actor) const {
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  Authorship by;
  by.actor = std::string(actor);
  by.recorded_at = ToProtoTimestamp(clock_->Now());
  return by;
}

absl::StatusOr<ReportManager::Live> ReportManager::DeriveLive(
    const std::vector<v1::Agency>& agencies, int year) {
  ReportInputs inputs;
  inputs.agency_codes = CodesOf(agencies);
  std::vector<std::string> names;
  std::vector<v1::Table2> figures;
  // The register entries behind table 二's first block.
  CellCases register_cells;
  std::optional<v1::Table2> entered_figures;
  for (const v1::Agency& agency : agencies) {
    const std::string& code = agency.code();
    names.push_back(agency.name());
    OGI_ASSIGN_OR_RETURN(std::optional<v1::Table2> entered,
                         reports_->GetFigures(code, year));
    v1::Table2& table2 = figures.emplace_back();
    if (entered.has_value()) {
      table2 = *entered;
      if (agencies.size() == 1) entered_figures = *std::move(entered);
    }
    OGI_ASSIGN_OR_RETURN(std::vector<v1::RegisteredDocument> documents,
                         reports_->ListDocuments(code));
    CountRegisteredDocuments(code, documents, year, table2, &register_cells);
    OGI_ASSIGN_OR_RETURN(std::optional<v1::LockedReport> last_year,
                         reports_->GetLock(code, year - 1));
    if (last_year.has_value()) inputs.previous[code] = CarriedOutOf(*last_year);
  }
  inputs.title_agency = absl::StrJoin(names, "、");
  OGI_ASSIGN_OR_RETURN(inputs.table2, SumTable2(figures));
  // A consolidation carries the prose of the first agency named (the
  // supervising office, by convention).
  OGI_ASSIGN_OR_RETURN(inputs.prose,
                       reports_->GetProse(agencies.front().code(), year));

  Live live;
  OGI_ASSIGN_OR_RETURN(live.cases,
                       reports_->ListCasesForReport(inputs.agency_codes, year));
  live.report = DeriveReport(live.cases, year, inputs, &live.cells);
  live.cells.table2 = std::move(register_cells.table2);
  if (entered_figures.has_value()) {
    *live.report.mutable_entered_figures() = *std::move(entered_figures);
    // What a client sends back as SetFiguresRequest.etag.
    StampEtag(live.report.mutable_entered_figures());
  }
  StampEtag(live.report.mutable_prose());
  for (std::string& note : ReportNotes(live.report)) {
    live.report.add_notes(std::move(note));
  }
  live.report.set_content_hash(ContentHash(live.report));
  *live.report.mutable_generated_at() = ToProtoTimestamp(clock_->Now());
  return live;
}

absl::StatusOr<v1::Report> ReportManager::GetReport(
    const v1::GetReportRequest& request) {
  OGI_RETURN_IF_ERROR(ValidateYear(request.year()));
  OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                       Agencies(request.agency_codes()));
  OGI_ASSIGN_OR_RETURN(Live live, DeriveLive(agencies, request.year()));
  if (agencies.size() != 1) return std::move(live.report);
  OGI_ASSIGN_OR_RETURN(
      std::optional<v1::LockedReport> lock,
      reports_->GetLock(agencies.front().code(), request.year()));
  if (!lock.has_value()) return std::move(live.report);
  // The locked numbers stay as published; the live derivation shows where
  // later entries and corrections would change them.
  v1::Report report = lock->report();
  *report.mutable_lock() = lock->lock();
  // The etags of the figures and prose as locked: they match the stored
  // records only while those still say what was locked.
  if (report.has_entered_figures()) {
    StampEtag(report.mutable_entered_figures());
  }
  StampEtag(report.mutable_prose());
  *report.mutable_generated_at() = live.report.generated_at();
  report.mutable_uncountable()->CopyFrom(live.report.uncountable());
  for (v1::CellDifference& difference : CompareCells(
           FromLocked(*lock), SnapshotCells(live.report, live.cells))) {
    *report.add_differences() = std::move(difference);
  }
  return report;
}

absl::StatusOr<v1::RenderedReport> ReportManager::RenderReport(
    const v1::RenderReportRequest& request) {
  if (!v1::ReportFormat_IsValid(request.format())) {
    return absl::InvalidArgumentError(
        absl::StrCat("format: 未知的格式 ", request.format()));
  }
  v1::GetReportRequest get;
  *get.mutable_agency_codes() = request.agency_codes();
  get.set_year(request.year());
  OGI_ASSIGN_OR_RETURN(v1::Report report, GetReport(get));
  v1::RenderedReport rendered;
  rendered.set_content_type(ReportContentType(request.format()));
  rendered.set_content(ogi::RenderReport(report, request.format()));
  *rendered.mutable_report() = std::move(report);
  return rendered;
}

absl::StatusOr<v1::GetCellResponse> ReportManager::GetCell(
    const v1::GetCellRequest& request) {
  OGI_RETURN_IF_ERROR(ValidateYear(request.year()));
  OGI_ASSIGN_OR_RETURN(std::vector<v1::Agency> agencies,
                       Agencies(request.agency_codes()));
  v1::GetCellResponse response;
  if (request.cell().table() == 2) {
    // Entered figures: no records behind them.
    OGI_ASSIGN_OR_RETURN(Live live, DeriveLive(agencies, request.year()));
    OGI_ASSIGN_OR_RETURN(int64_t value, CellValue(live.report, request.cell()));
    response.set_value(value);
    return response;
  }
  // A derived cell's number is the count of the records behind it (both
  // come from PlaceCase), so the cases alone answer: no tables, no checks.
  OGI_ASSIGN_OR_RETURN(
      std::vector<v1::Case> cases,
      reports_->ListCasesForReport(CodesOf(agencies), request.year()));
  OGI_ASSIGN_OR_RETURN(std::vector<v1::CellRecord> records,
                       DrillDown(cases, request.year(), request.cell()));
  response.set_value(static_cast<int64_t>(records.size()));
  for (v1::CellRecord& record : records) {
    *response.add_records() = std::move(record);
  }
  return response;
}

absl::StatusOr<v1::Report> ReportManager::LockReport(
    const v1::LockReportRequest& request, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(Authorship by, Author(actor));
  OGI_RETURN_IF_ERROR(ValidateYear(request.year()));
  const std::string agency = AgencyOr(request.agency_code());
  OGI_ASSIGN_OR_RETURN(v1::Agency known, cases_->GetAgency(agency));
  OGI_RETURN_IF_ERROR(CheckAllowedEmpty(request.allow_empty_sections()));
  OGI_ASSIGN_OR_RETURN(Live live, DeriveLive({known}, request.year()));
  if (!request.expected_content_hash().empty() &&
      request.expected_content_hash() != live.report.content_hash()) {
    return absl::AbortedError(absl::StrCat(
        "expected_content_hash: ", request.year(),
        " 年度报告的数字在确认后已有变化（内容哈希现在是 ",
        live.report.content_hash(), "），未锁定；请重新查看后再锁定"));
  }
  for (const v1::ReportCheck& check : live.report.checks()) {
    if (check.ok()) continue;
    return absl::FailedPreconditionError(absl::StrCat(
        agency, " ", request.year(), " 年度报告的校验未通过，不能锁定：",
        check.identity(), "（", check.detail(), "）"));
  }
  OGI_RETURN_IF_ERROR(CheckNoEmptySections(
      live.report.prose(), request.allow_empty_sections(), request.year()));
  v1::LockedReport lock;
  lock.mutable_lock()->set_locked_by(by.actor);
  *lock.mutable_lock()->mutable_locked_at() = by.recorded_at;
  lock.mutable_lock()->set_content_hash(live.report.content_hash());
  *lock.mutable_report() = live.report;
  for (const CellSnapshot& snapshot : SnapshotCells(live.report, live.cells)) {
    v1::LockedCell* cell = lock.add_cells();
    *cell->mutable_cell() = snapshot.cell;
    cell->set_value(snapshot.value);
    for (const std::string& reference : snapshot.cases) {
      cell->add_records(reference);
    }
  }
  OGI_RETURN_IF_ERROR(reports_->PutLock(agency, request.year(), lock));
  v1::Report report = std::move(live.report);
  *report.mutable_lock() = lock.lock();
  return report;
}

absl::StatusOr<v1::Table2> ReportManager::SetFigures(
    const v1::SetFiguresRequest& request, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(Authorship by, Author(actor));
  OGI_RETURN_IF_ERROR(ValidateYear(request.year()));
  const std::string agency = AgencyOr(request.agency_code());
  // Read, check the etag and write as one step (see update_mu_).
  absl::MutexLock lock(&update_mu_);
  OGI_ASSIGN_OR_RETURN(std::optional<v1::Table2> stored,
                       reports_->GetFigures(agency, request.year()));
  OGI_RETURN_IF_ERROR(CheckEtag(request.etag(), stored ? &*stored : nullptr));
  v1::Table2 figures = stored.value_or(v1::Table2());
  OGI_RETURN_IF_ERROR(ApplyUpdate(request.figures(), request.update_mask(),
                                  FigurePaths(), &figures));
  // Output only.
  figures.clear_documents_from_register();
  figures.clear_rules_from_register();
  figures.clear_normative_documents_from_register();
  figures.clear_overridden();
  figures.clear_etag();
  OGI_RETURN_IF_ERROR(ValidateTable2(figures, "figures."));
  for (const auto& [field, source] :
       {std::make_pair("figures.rules_source", figures.rules_source()),
        std::make_pair("figures.normative_documents_source",
                       figures.normative_documents_source())}) {
    if (!v1::DocumentCountSource_IsValid(source)) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": 未知的来源 ", source));
    }
  }
  // Stored as the canonical decimal ("12872.060" → "12872.06").
  OGI_ASSIGN_OR_RETURN(
      int64_t fee_yuan,
      EnteredFeesToYuan(figures.fees_wan_yuan(), "figures.fees_wan_yuan"));
  figures.set_fees_wan_yuan(YuanToWanYuan(fee_yuan));
  OGI_RETURN_IF_ERROR(
      reports_->PutFigures(agency, request.year(), figures, by));
  const std::string etag = EtagOf(figures);
  // As the report now counts it: the register may replace rows.
  OGI_ASSIGN_OR_RETURN(std::vector<v1::RegisteredDocument> documents,
                       reports_->ListDocuments(agency));
  CountRegisteredDocuments(agency, documents, request.year(), figures);
  figures.set_etag(etag);
  return figures;
}

absl::StatusOr<v1::ReportProse> ReportManager::SetProse(
    const v1::SetProseRequest& request, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(Authorship by, Author(actor));
  OGI_RETURN_IF_ERROR(ValidateYear(request.year()));
  const std::string agency = AgencyOr(request.agency_code());
  // Read, check the etag and write as one step (see update_mu_).
  absl::MutexLock lock(&update_mu_);
  OGI_ASSIGN_OR_RETURN(const v1::ReportProse stored,
                       reports_->GetProse(agency, request.year()));
  // Nothing stored reads as the empty prose, whose etag GetReport gives.
  OGI_RETURN_IF_ERROR(CheckEtag(request.etag(), &stored));
  v1::ReportProse prose = stored;
  OGI_RETURN_IF_ERROR(ApplyUpdate(request.prose(), request.update_mask(),
                                  ProsePaths(), &prose));
  prose.clear_etag();
  if (request.update_mask().paths().empty()) {
    bool any = false;
    for (const std::string& key : ProsePaths()) {
      any = any || !ProseText(request.prose(), key).empty();
    }
    if (!any) {
      return absl::InvalidArgumentError(
          "prose: 至少给出 preface、overview、problems、other_matters "
          "中的一节（清空一节须在 update_mask 中列出它）");
    }
  }
  // Sections are long prose: up to 50,000 characters each.
  constexpr int kMaxSectionLength = 50000;
  for (const std::string& key : ProsePaths()) {
    const std::string& text = ProseText(prose, key);
    if (text.empty() || text == ProseText(stored, key)) continue;
    OGI_RETURN_IF_ERROR(ValidateText(text, absl::StrCat("prose.", key),
                                     kMaxSectionLength, /*multiline=*/true));
  }
  OGI_RETURN_IF_ERROR(reports_->PutProse(agency, request.year(), prose, by));
  StampEtag(&prose);
  return prose;
}

absl::StatusOr<v1::RegisteredDocument> ReportManager::RegisterDocument(
    const v1::RegisterDocumentRequest& request, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(Authorship by, Author(actor));
  v1::RegisteredDocument document = request.document();
  document.set_agency_code(AgencyOr(document.agency_code()));
  document.clear_etag();
  if (document.id() <= 0) {
    // A new entry is registered as given, whatever the mask.
    OGI_RETURN_IF_ERROR(ValidateRegisteredDocument(document));
    OGI_ASSIGN_OR_RETURN(v1::RegisteredDocument stored,
                         reports_->PutDocument(document, by));
    StampEtag(&stored);
    return stored;
  }
  // Read, check the etag and write as one step (see update_mu_).
  absl::MutexLock lock(&update_mu_);
  OGI_ASSIGN_OR_RETURN(std::vector<v1::RegisteredDocument> entries,
                       reports_->ListDocuments(document.agency_code()));
  auto current = std::find_if(
      entries.begin(), entries.end(),
      [&](const v1::RegisteredDocument& d) { return d.id() == document.id(); });
  if (current == entries.end()) {
    return absl::NotFoundError(
        absl::StrCat("document.id: 机关 ", document.agency_code(),
                     " 的登记簿中没有文件 ", document.id()));
  }
  OGI_RETURN_IF_ERROR(CheckEtag(request.etag(), &*current));
  v1::RegisteredDocument updated = *current;
  OGI_RETURN_IF_ERROR(
      ApplyUpdate(document, request.update_mask(), DocumentPaths(), &updated));
  updated.clear_etag();
  OGI_RETURN_IF_ERROR(ValidateRegisteredDocument(updated));
  OGI_ASSIGN_OR_RETURN(v1::RegisteredDocument stored,
                       reports_->PutDocument(updated, by));
  StampEtag(&stored);
  return stored;
}

absl::StatusOr<v1::ListDocumentsResponse> ReportManager::ListDocuments(
    const v1::ListDocumentsRequest& request) {
  // By offset in the store's order, by entry id (unique). An entry
  // registered between two pages with an id before the page's start moves
  // the later ones on by one, repeating one (AIP-158 allows it); entries are
  // replaced, never removed, so none is skipped.
  OGI_ASSIGN_OR_RETURN(const PageRequest page,
                       PageRequest::Parse(request, "ListDocuments"));
  OGI_ASSIGN_OR_RETURN(
      std::vector<v1::RegisteredDocument> documents,
      reports_->ListDocuments(AgencyOr(request.agency_code())));
  v1::ListDocumentsResponse response;
  for (v1::RegisteredDocument& document : documents) {
    StampEtag(&document);
    *response.add_documents() = std::move(document);
  }
  response.set_next_page_token(KeepPage(page, response.mutable_documents()));
  return response;
}

}  // namespace ogi
