#include "services/report/document_register.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/report/report_rows.h"

namespace ogi {
namespace {

// The row of table 二 whose cells count documents of `kind`.
int RowOf(v1::DocumentKind kind) {
  const std::string key =
      kind == v1::DOCUMENT_KIND_RULE ? "rules" : "normative_documents";
  const std::vector<Table2RowSpec>& rows = Table2Rows();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].key == key) return static_cast<int>(i);
  }
  return 0;  // unreachable: both rows exist
}

// Adds `document` to `counts` for `year` and, when `references` is set, its
// reference to the cells it is counted in (columns issued, repealed, in
// force). REQUIRES: the entry is valid.
void Count(const v1::RegisteredDocument& document, int year,
           v1::DocumentCounts& counts, const std::string& reference,
           CellCases* cells) {
  const absl::CivilDay year_end(year, 12, 31);
  const absl::CivilDay issued = *ToCivilDay(document.issued(), "issued");
  const bool repealed = !IsUnset(document.repealed());
  const absl::CivilDay repeal =
      repealed ? *ToCivilDay(document.repealed(), "repealed") : year_end;
  const auto refer = [&](int column) {
    if (cells != nullptr) {
      cells->table2[{2, RowOf(document.kind()), column}].push_back(reference);
    }
  };
  if (issued.year() == year) {
    counts.set_issued(counts.issued() + 1);
    refer(0);
  }
  if (repealed && repeal.year() == year) {
    counts.set_repealed(counts.repealed() + 1);
    refer(1);
  }
  if (issued <= year_end && (!repealed || repeal > year_end)) {
    counts.set_in_force(counts.in_force() + 1);
    refer(2);
  }
}

}  // namespace

std::string RegisterReference(const std::string& agency_code,
                              const v1::RegisteredDocument& document) {
  return absl::StrCat(agency_code, "/文件", document.id(), " ",
                      document.title());
}

namespace {

// True when row `kind` takes its counts from the register.
bool FromRegister(v1::DocumentCountSource source, v1::DocumentKind kind,
                  const std::vector<v1::RegisteredDocument>& documents) {
  switch (source) {
    case v1::DOCUMENT_COUNT_SOURCE_REGISTER:
      return true;
    case v1::DOCUMENT_COUNT_SOURCE_ENTERED:
      return false;
    default:
      for (const v1::RegisteredDocument& document : documents) {
        if (document.kind() == kind) return true;
      }
      return false;
  }
}

// Appends to `table2.overridden` each of the three figures of `entered` that
// `counted` changes.
void NoteOverrides(const std::string& agency_code, absl::string_view row,
                   absl::string_view label, const v1::DocumentCounts& entered,
                   const v1::DocumentCounts& counted, v1::Table2& table2) {
  const struct {
    absl::string_view field;
    absl::string_view column;
    int64_t entered;
    int64_t counted;
  } figures[] = {
      {"issued", "本年制发件数", entered.issued(), counted.issued()},
      {"repealed", "本年废止件数", entered.repealed(), counted.repealed()},
      {"in_force", "现行有效件数", entered.in_force(), counted.in_force()},
  };
  for (const auto& figure : figures) {
    if (figure.entered == figure.counted) continue;
    v1::FigureOverride& override = *table2.add_overridden();
    override.set_agency_code(agency_code);
    override.set_figure(absl::StrCat(row, ".", figure.field));
    override.set_label(absl::StrCat(label, " ", figure.column));
    override.set_entered(figure.entered);
    override.set_counted(figure.counted);
  }
}

}  // namespace

void CountRegisteredDocuments(
    const std::string& agency_code,
    const std::vector<v1::RegisteredDocument>& documents, int year,
    v1::Table2& table2, CellCases* cells) {
  const struct {
    v1::DocumentKind kind;
    absl::string_view row;
    absl::string_view label;
    v1::DocumentCountSource source;
    bool entered;
    v1::DocumentCounts* counts;
  } rows[] = {
      {v1::DOCUMENT_KIND_RULE, "rules", "规章", table2.rules_source(),
       table2.has_rules(), table2.mutable_rules()},
      {v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT, "normative_documents",
       "行政规范性文件", table2.normative_documents_source(),
       table2.has_normative_documents(), table2.mutable_normative_documents()},
  };
  bool any_from_register = false;
  for (const auto& row : rows) {
    if (!FromRegister(row.source, row.kind, documents)) continue;
    any_from_register = true;
    v1::DocumentCounts counted;
    for (const v1::RegisteredDocument& document : documents) {
      if (document.kind() != row.kind) continue;
      Count(document, year, counted,
            cells != nullptr ? RegisterReference(agency_code, document) : "",
            cells);
    }
    if (row.entered) {
      NoteOverrides(agency_code, row.row, row.label, *row.counts, counted,
                    table2);
    }
    *row.counts = counted;
    if (row.kind == v1::DOCUMENT_KIND_RULE) {
      table2.set_rules_from_register(true);
    } else {
      table2.set_normative_documents_from_register(true);
    }
  }
  table2.set_documents_from_register(any_from_register);
}

absl::Status ValidateRegisteredDocument(
    const v1::RegisteredDocument& document) {
  if (document.id() < 0) {
    return absl::InvalidArgumentError("document.id: 不能为负数");
  }
  if (document.kind() != v1::DOCUMENT_KIND_RULE &&
      document.kind() != v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT) {
    return absl::InvalidArgumentError(
        "document.kind: 须为以下之一：rule, normative_document");
  }
  OGI_RETURN_IF_ERROR(ValidateText(document.title(), "document.title",
                                   kMaxItemLength, /*multiline=*/false));
  if (!document.document_number().empty()) {
    OGI_RETURN_IF_ERROR(ValidateText(document.document_number(),
                                     "document.document_number", kMaxNameLength,
                                     /*multiline=*/false));
  }
  if (IsUnset(document.issued())) {
    return absl::InvalidArgumentError("document.issued: 必须填写");
  }
  OGI_ASSIGN_OR_RETURN(absl::CivilDay issued,
                       ToCivilDay(document.issued(), "document.issued"));
  if (!IsUnset(document.repealed())) {
    OGI_ASSIGN_OR_RETURN(absl::CivilDay repealed,
                         ToCivilDay(document.repealed(), "document.repealed"));
    if (repealed < issued) {
      return absl::InvalidArgumentError("document.repealed: 不能早于制发日期");
    }
  }
  return absl::OkStatus();
}

}  // namespace ogi
