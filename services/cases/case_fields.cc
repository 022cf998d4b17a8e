#include "services/cases/case_fields.h"

#include <functional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"

namespace ogi {
namespace {

struct FieldDef {
  const char* path;
  // The field's canonical text value.
  std::function<std::string(const v1::Case&)> value;
  // Copies the field from source to target; null for derived fields.
  std::function<void(const v1::Case& source, v1::Case& target)> copy;
};

template <typename Enum>
std::string Identifier(const google::protobuf::EnumDescriptor* type, Enum v) {
  return v == 0 ? "" : EnumIdentifier(type, v);
}

std::string DateValue(bool has, const v1::Date& date) {
  return has ? FormatIsoDate(date) : "";
}

const std::vector<FieldDef>& Fields() {
  static const auto* fields = new std::vector<FieldDef>{
      {"applicant.name", [](const v1::Case& c) { return c.applicant().name(); },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_name(s.applicant().name());
       }},
      {"applicant.type",
       [](const v1::Case& c) {
         return Identifier(v1::ApplicantType_descriptor(),
                           c.applicant().type());
       },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_type(s.applicant().type());
       }},
      {"applicant.id_type",
       [](const v1::Case& c) {
         return Identifier(v1::IdDocumentType_descriptor(),
                           c.applicant().id_type());
       },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_id_type(s.applicant().id_type());
       }},
      {"applicant.id_number",
       [](const v1::Case& c) { return c.applicant().id_number(); },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_id_number(s.applicant().id_number());
       }},
      {"applicant.phone",
       [](const v1::Case& c) { return c.applicant().phone(); },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_phone(s.applicant().phone());
       }},
      {"applicant.email",
       [](const v1::Case& c) { return c.applicant().email(); },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_email(s.applicant().email());
       }},
      {"applicant.postal_address",
       [](const v1::Case& c) { return c.applicant().postal_address(); },
       [](const v1::Case& s, v1::Case& t) {
         t.mutable_applicant()->set_postal_address(
             s.applicant().postal_address());
       }},
      {"channel",
       [](const v1::Case& c) {
         return Identifier(v1::Channel_descriptor(), c.channel());
       },
       [](const v1::Case& s, v1::Case& t) { t.set_channel(s.channel()); }},
      {"arrival_date",
       [](const v1::Case& c) {
         return DateValue(c.has_arrival_date(), c.arrival_date());
       },
       [](const v1::Case& s, v1::Case& t) {
         if (s.has_arrival_date()) {
           *t.mutable_arrival_date() = s.arrival_date();
         } else {
           t.clear_arrival_date();
         }
       }},
      {"confirmation_date",
       [](const v1::Case& c) {
         return DateValue(c.has_confirmation_date(), c.confirmation_date());
       },
       [](const v1::Case& s, v1::Case& t) {
         if (s.has_confirmation_date()) {
           *t.mutable_confirmation_date() = s.confirmation_date();
         } else {
           t.clear_confirmation_date();
         }
       }},
      {"receipt_date",
       [](const v1::Case& c) {
         return DateValue(c.has_receipt_date(), c.receipt_date());
       },
       nullptr},
      {"items",
       [](const v1::Case& c) {
         std::vector<std::string> parts;
         for (const auto& item : c.items()) parts.push_back(item.description());
         return absl::StrJoin(parts, "\n");
       },
       [](const v1::Case& s, v1::Case& t) { *t.mutable_items() = s.items(); }},
      {"requested_form",
       [](const v1::Case& c) {
         return Identifier(v1::RequestedForm_descriptor(), c.requested_form());
       },
       [](const v1::Case& s, v1::Case& t) {
         t.set_requested_form(s.requested_form());
       }},
      {"delivery_method",
       [](const v1::Case& c) {
         return Identifier(v1::DeliveryMethod_descriptor(),
                           c.delivery_method());
       },
       [](const v1::Case& s, v1::Case& t) {
         t.set_delivery_method(s.delivery_method());
       }},
      {"status",
       [](const v1::Case& c) {
         return Identifier(v1::CaseStatus_descriptor(), c.status());
       },
       nullptr},
  };
  return *fields;
}

}  // namespace

std::vector<v1::FieldChange> DiffCaseFields(const v1::Case& before,
                                            const v1::Case& after) {
  std::vector<v1::FieldChange> changes;
  for (const FieldDef& f : Fields()) {
    std::string old_value = f.value(before);
    std::string new_value = f.value(after);
    if (old_value == new_value) continue;
    v1::FieldChange& change = changes.emplace_back();
    change.set_field(f.path);
    change.set_old_value(std::move(old_value));
    change.set_new_value(std::move(new_value));
  }
  return changes;
}

const std::vector<std::string>& UpdatableCasePaths() {
  static const auto* paths = [] {
    auto* out = new std::vector<std::string>{"applicant"};
    for (const FieldDef& f : Fields()) {
      if (f.copy) out->push_back(f.path);
    }
    return out;
  }();
  return *paths;
}

absl::Status ApplyCaseUpdate(const google::protobuf::FieldMask& mask,
                             const v1::Case& source, v1::Case& target) {
  if (mask.paths_size() == 0) {
    return absl::InvalidArgumentError(
        "update_mask: 至少须指明一个要更正的字段");
  }
  for (const std::string& path : mask.paths()) {
    if (path == "applicant") {
      *target.mutable_applicant() = source.applicant();
      continue;
    }
    bool found = false;
    for (const FieldDef& f : Fields()) {
      if (f.copy && path == f.path) {
        f.copy(source, target);
        found = true;
        break;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(
          absl::StrCat("update_mask: \"", path, "\" 不能更正；可更正的字段：",
                       absl::StrJoin(UpdatableCasePaths(), ", ")));
    }
  }
  return absl::OkStatus();
}

}  // namespace ogi
