#ifndef OGI_SERVICES_REPORT_REPORT_MANAGER_H_
#define OGI_SERVICES_REPORT_REPORT_MANAGER_H_

// The ReportService operations without the transport: reads the records a
// year's report counts and what staff entered for it, derives the report
// (report_derivation.h), and keeps locks — a locked year shows its numbers as
// published and, cell by cell, where the live records now differ.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.pb.h"
#include "services/common/clock.h"
#include "storage/case_store.h"
#include "storage/report_store.h"

namespace ogi {

// Thread-safe. The stores and the clock must outlive the manager.
class ReportManager {
 public:
  ReportManager(CaseStore* cases, ReportStore* reports, const Clock* clock,
                std::string default_agency_code);

  // INVALID_ARGUMENT "year: ..." for a year before 2008 (the Regulations'
  // first reporting year) or after the current one; NOT_FOUND for an unknown
  // agency.
  absl::StatusOr<v1::Report> GetReport(const v1::GetReportRequest& request);
  absl::StatusOr<v1::RenderedReport> RenderReport(
      const v1::RenderReportRequest& request);
  // The live records behind a cell (also of a locked year).
  absl::StatusOr<v1::GetCellResponse> GetCell(
      const v1::GetCellRequest& request);
  // Locks one agency's year. INVALID_ARGUMENT "allow_empty_sections: ..."
  // for a key that is not overview, problems or other_matters;
  // FAILED_PRECONDITION when it is locked already, when its checks fail (an
  // unbalanced report is not published) or when a prose section is empty
  // and not in allow_empty_sections (the message names each); ABORTED when
  // expected_content_hash is set and the report's numbers now hash
  // otherwise.
  absl::StatusOr<v1::Report> LockReport(const v1::LockReportRequest& request,
                                        absl::string_view actor);
  // The three Set/Register calls change only what the request changes: the
  // paths of update_mask (a masked field given empty or zero is cleared),
  // else every field given a non-default value (field_update.h). With `etag`
  // set they are ABORTED "etag: …" when the stored record differs from the
  // one the caller read. Each returns the record with its etag; unknown mask
  // paths are INVALID_ARGUMENT "update_mask: 未知字段 …".
  //
  // Stores the figures (with the sources of the first block's rows) and
  // returns table 二 as the report now counts it (see
  // CountRegisteredDocuments), with the etag of the figures as stored.
  // INVALID_ARGUMENT for a negative count, an amount that is not a 万元
  // decimal of at most four places within 0..kMaxFeesWanYuan, or an unknown
  // source.
  absl::StatusOr<v1::Table2> SetFigures(const v1::SetFiguresRequest& request,
                                        absl::string_view actor);
  // INVALID_ARGUMENT "prose: …" when no mask is given and no section has
  // text; "prose.<section>: …" for a text that is blank or too long.
  absl::StatusOr<v1::ReportProse> SetProse(const v1::SetProseRequest& request,
                                           absl::string_view actor);
  // id 0 registers a new entry as given; another id updates that entry
  // (NOT_FOUND "document.id: …" when the agency's register has none).
  // INVALID_ARGUMENT "document.<field>: …" (ValidateRegisteredDocument) for
  // the entry as it would be stored.
  absl::StatusOr<v1::RegisteredDocument> RegisterDocument(
      const v1::RegisterDocumentRequest& request, absl::string_view actor);
  // One page of the agency's register, by entry id (paging.h).
  // INVALID_ARGUMENT for bad paging fields.
  absl::StatusOr<v1::ListDocumentsResponse> ListDocuments(
      const v1::ListDocumentsRequest& request);

 private:
  struct Live;
  // The agencies `codes` name, each once, in order (none: the default
  // agency). INVALID_ARGUMENT for an empty code, NOT_FOUND "agency_codes:
  // ..." for an unknown one.
  absl::StatusOr<std::vector<v1::Agency>> Agencies(
      const google::protobuf::RepeatedPtrField<std::string>& codes) const;
  absl::Status ValidateYear(int year) const;
  // `code`, or the default agency's when it is empty.
  std::string AgencyOr(absl::string_view code) const;
  absl::StatusOr<Live> DeriveLive(const std::vector<v1::Agency>& agencies,
                                  int year);
  absl::StatusOr<Authorship> Author(absl::string_view actor) const;

  // Held by SetFigures, SetProse and RegisterDocument from reading the
  // stored record to writing its new version, so that the etag check and
  // the write are one step for this server (the only writer of its
  // database; a second server on one file would need the check inside the
  // store's transaction).
  absl::Mutex update_mu_;
  CaseStore* const cases_;
  ReportStore* const reports_;
  const Clock* const clock_;
  const std::string default_agency_code_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_MANAGER_H_
