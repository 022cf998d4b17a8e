// Generated-input fuzzing of request validation (issue 5: "a fuzz target ...
// for request validation, run for a bounded time in CI; no crash, no invalid
// record stored").
//
// The managers behind every call that changes a case (CaseManager,
// ProcedureManager, OutcomeManager, ProceedingManager) run in process on an
// in-memory store with a manual clock ("today" is 2025-12-20). A seeded
// generator builds requests of every kind, each first plausible (a known case
// or review/lawsuit id, recent dates) and then mutated through protobuf
// reflection: any field, at any depth, set to a hostile value (invalid UTF-8,
// control characters, NULs, emoji, 100,000 characters, impossible dates such
// as month 13 or year 0, enum values out of range, negative and extreme
// integers), cleared, or repeated elements added and removed. The actor is
// mutated now and then too.
//
// Properties:
//  - no crash;
//  - every call returns OK or INVALID_ARGUMENT, FAILED_PRECONDITION,
//    NOT_FOUND, ALREADY_EXISTS or ABORTED (never INTERNAL, UNKNOWN,
//    DATA_LOSS, ...), and an INVALID_ARGUMENT message starts with a field
//    name and ": ";
//  - every stored record stays valid (the case a call wrote, read back right
//    after the call; all of them every kCheckEvery calls and at the end):
//    the case re-validates (ValidateCaseFields), every string in it
//    and in its history is valid UTF-8, every date in it is a real date, its
//    history is contiguous 1..version, its deadlines can be computed
//    (CaseClock), its conclusion re-validates (CompleteConclusion), and the
//    report of every year the cases touch places every case.
//
// The seed is printed; OGI_FUZZ_SEED and OGI_FUZZ_ITERATIONS override it and
// the number of calls (a run is deterministic for a seed and count).
//
// Two bugs the fuzzing found (CreateCase storing sections only steps record;
// UpdateCase changing the items of a case answered item by item) have their
// own regression tests at the end.

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"
#include "gtest/gtest.h"
#include "services/calendar/calendar_registry.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_manager.h"
#include "services/cases/case_validation.h"
#include "services/common/civil_date.h"
#include "services/common/clock.h"
#include "services/common/text.h"
#include "services/outcomes/outcome_manager.h"
#include "services/outcomes/outcome_rules.h"
#include "services/procedure/procedure_manager.h"
#include "services/proceedings/proceeding_manager.h"
#include "services/report/report_derivation.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

// The fuzzed ConcludeCase requests use the deprecated flat fields on purpose:
// clients built from the earlier .proto still send them, and the server must
// keep refusing their bad values cleanly.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace ogi {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;
using ::ogi::testing::IsOk;
using Day = absl::CivilDay;

constexpr int kDefaultIterations = 20000;
// A safety net for a very slow machine: the run stops (and says so) after
// this long, whatever the iteration count.
constexpr absl::Duration kTimeBudget = absl::Seconds(20);
// Stored records are checked this often, and at the end.
constexpr int kCheckEvery = 5000;
// Property violations reported in full before the rest are only counted.
constexpr int kMaxReported = 10;
constexpr int kSeedCases = 24;
constexpr Day kToday(2025, 12, 20);

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* env = std::getenv(name);
  uint64_t value = 0;
  if (env != nullptr && absl::SimpleAtoi(env, &value)) return value;
  return fallback;
}

// UpdateCaseRequest.update_mask paths: those it takes, and near misses.
const std::vector<std::string>& MaskPaths() {
  static const auto* const paths =
      new std::vector<std::string>{"applicant.name",
                                   "applicant.type",
                                   "applicant.id_type",
                                   "applicant.id_number",
                                   "applicant.phone",
                                   "applicant.email",
                                   "applicant.postal_address",
                                   "applicant",
                                   "items",
                                   "requested_form",
                                   "delivery_method",
                                   "channel",
                                   "arrival_date",
                                   "confirmation_date",
                                   "number",
                                   "status",
                                   "version",
                                   "procedure",
                                   "conclusion",
                                   "applicant.",
                                   ".applicant",
                                   "applicant..name",
                                   "items[0]",
                                   "deadlines.answer_due",
                                   "agency_code"};
  return *paths;
}

// The hostile values and the mutations. Deterministic for a seed.
class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  // Uniform in [lo, hi].
  int64_t Uniform(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
  }
  bool OneIn(int n) { return Uniform(1, n) == 1; }
  template <typename T>
  T Pick(const std::vector<T>& values) {
    return values[Uniform(0, static_cast<int64_t>(values.size()) - 1)];
  }

  // A recent, real date: within the 90 days up to today.
  Day RecentDay() { return kToday - Uniform(0, 90); }

  // A date field's value: usually real, sometimes impossible.
  v1::Date Date() {
    if (!OneIn(3)) return ToProtoDate(RecentDay() + (OneIn(8) ? 30 : 0));
    v1::Date d;
    d.set_year(static_cast<int32_t>(
        Pick<int64_t>({0, -1, 1, 1970, 2007, 2008, 2024, 2025, 2026, 9999,
                       10000, 99999, std::numeric_limits<int32_t>::max(),
                       std::numeric_limits<int32_t>::min()})));
    d.set_month(static_cast<int32_t>(Pick<int64_t>(
        {0, 1, 2, 12, 13, -1, 100, std::numeric_limits<int32_t>::min()})));
    d.set_day(static_cast<int32_t>(Pick<int64_t>(
        {0, 1, 28, 29, 30, 31, 32, -1, std::numeric_limits<int32_t>::max()})));
    return d;
  }

  int64_t Integer() {
    switch (Uniform(0, 3)) {
      case 0:
        return Uniform(-3, 25);
      case 1:
        return Uniform(std::numeric_limits<int32_t>::min(),
                       std::numeric_limits<int32_t>::max());
      default:
        return Pick<int64_t>({0, 1, -1, 13, 20, 21, 31, 32, 100, 1000, 2008,
                              2025, 100000, std::numeric_limits<int32_t>::max(),
                              std::numeric_limits<int32_t>::min(),
                              std::numeric_limits<int32_t>::max() - 1,
                              std::numeric_limits<int32_t>::min() + 1});
    }
  }

  // A hostile (or sometimes ordinary) string; `base` is the field's value.
  std::string Text(const std::string& base) {
    switch (Uniform(0, 13)) {
      case 0:
        return "";
      case 1:
        return Pick<std::string>({" ", "\t", "   \n ", "\u3000"});
      case 2:
        return Pick<std::string>({"聊城市人民政府", "李局长", "张三",
                                  "申请人撤回申请", "a", "2024年度行政许可"});
      case 3:
        return Pick<std::string>(
            {"😀", "申请📄材料", "👨‍👩‍👧", "\U0001F600x"});
      case 4: {  // invalid UTF-8
        std::string s = base.empty() ? "材料" : base;
        const std::string bad = Pick<std::string>(
            {"\x80", "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xe4\xb8",
             "\xf4\x90\x80\x80", "\xfe\xfe", "\xc3"});
        s.insert(Uniform(0, static_cast<int64_t>(s.size())), bad);
        return s;
      }
      case 5:
        return Pick<std::string>({std::string("a\0b", 3), "\x01", "a\nb",
                                  "\x7f", "a\rb", "x\x1b[31m", "\n", "\t\t",
                                  std::string("\0", 1)});
      case 6: {  // long: characters, not bytes, count
        const std::string unit = Pick<std::string>({"a", "字", "😀"});
        const int64_t n = Pick<int64_t>({99, 100, 101, 128, 129, 199, 200, 201,
                                         500, 501, 2000, 2001, 100000});
        std::string s;
        for (int64_t i = 0; i < n; ++i) s += unit;
        return s;
      }
      case 7: {  // random bytes
        std::string s(Uniform(0, 48), '\0');
        for (char& c : s) c = static_cast<char>(Uniform(0, 255));
        return s;
      }
      case 8: {  // printable ASCII
        std::string s(Uniform(1, 40), ' ');
        for (char& c : s) c = static_cast<char>(Uniform(32, 126));
        return s;
      }
      case 9:
        return Pick<std::string>(
            {"2025-0001", "2025-0001-R1", "2025-0001-L1", "2025-0002-R2",
             "2025-9999", "2025-0001-R0", "2025-0001-X1", "-1", "2025-",
             "0000-0000", "99999-1", "2025-00001", "2025-0001-R99999999999"});
      case 10:
        return Pick<std::string>({"\u202e反转", "\ufeffBOM", "\xf4\x8f\xbf\xbf",
                                  "e\u0301", "\u200b", "\u2028", "\u0085",
                                  "a\u00a0b"});
      case 11: {  // one byte of the value changed, inserted or removed
        std::string s = base;
        if (s.empty()) s = "x";
        const size_t at = Uniform(0, static_cast<int64_t>(s.size()) - 1);
        switch (Uniform(0, 2)) {
          case 0:
            s[at] = static_cast<char>(Uniform(0, 255));
            break;
          case 1:
            s.insert(at, 1, static_cast<char>(Uniform(0, 255)));
            break;
          default:
            s.erase(at, 1);
        }
        return s;
      }
      case 12:  // field-mask paths, valid and not
        return Pick(MaskPaths());
      default:
        return base + base;
    }
  }

  // Applies one random mutation to a random field of `m` (or of a message
  // nested in it).
  void Mutate(Message& m, int depth = 0) {
    const Descriptor* d = m.GetDescriptor();
    if (d->field_count() == 0) return;
    const Reflection* r = m.GetReflection();
    const FieldDescriptor* f = d->field(Uniform(0, d->field_count() - 1));
    if (OneIn(8)) {
      r->ClearField(&m, f);
      return;
    }
    if (f->is_repeated()) {
      const int size = r->FieldSize(m, f);
      switch (Uniform(0, 4)) {
        case 0:
          r->ClearField(&m, f);
          return;
        case 1:
          if (size > 0) r->RemoveLast(&m, f);
          return;
        case 2:
          if (size > 1) r->SwapElements(&m, f, 0, size - 1);
          return;
        case 3:
          if (size > 0 && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
            Mutate(*r->MutableRepeatedMessage(&m, f, Uniform(0, size - 1)),
                   depth + 1);
            return;
          }
          [[fallthrough]];
        default: {
          // Add elements: usually one, sometimes very many.
          const int n = OneIn(20) ? static_cast<int>(Uniform(100, 300)) : 1;
          for (int i = 0; i < n; ++i) AddElement(m, f, depth);
          return;
        }
      }
    }
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        r->SetInt32(&m, f, static_cast<int32_t>(Integer()));
        return;
      case FieldDescriptor::CPPTYPE_INT64:
        r->SetInt64(&m, f,
                    OneIn(2)
                        ? Integer()
                        : Pick<int64_t>({std::numeric_limits<int64_t>::max(),
                                         std::numeric_limits<int64_t>::min(),
                                         253402300800, -62135596801}));
        return;
      case FieldDescriptor::CPPTYPE_UINT32:
        r->SetUInt32(&m, f, static_cast<uint32_t>(Integer()));
        return;
      case FieldDescriptor::CPPTYPE_UINT64:
        r->SetUInt64(&m, f, static_cast<uint64_t>(Integer()));
        return;
      case FieldDescriptor::CPPTYPE_BOOL:
        r->SetBool(&m, f, !r->GetBool(m, f));
        return;
      case FieldDescriptor::CPPTYPE_ENUM:
        r->SetEnumValue(&m, f, EnumValue(f));
        return;
      case FieldDescriptor::CPPTYPE_STRING:
        r->SetString(&m, f, Text(r->GetString(m, f)));
        return;
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        Message* sub = r->MutableMessage(&m, f);
        if (sub->GetDescriptor() == v1::Date::descriptor() && OneIn(2)) {
          sub->CopyFrom(Date());
        } else if (depth < 5) {
          Mutate(*sub, depth + 1);
        }
        return;
      }
      default:
        return;
    }
  }

 private:
  int EnumValue(const FieldDescriptor* f) {
    const google::protobuf::EnumDescriptor* e = f->enum_type();
    if (!OneIn(3)) return e->value(Uniform(0, e->value_count() - 1))->number();
    return static_cast<int>(
        Pick<int64_t>({-1, e->value_count(), e->value_count() + 1, 1000,
                       std::numeric_limits<int32_t>::max(),
                       std::numeric_limits<int32_t>::min()}));
  }

  void AddElement(Message& m, const FieldDescriptor* f, int depth) {
    const Reflection* r = m.GetReflection();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        r->AddInt32(&m, f, static_cast<int32_t>(Integer()));
        return;
      case FieldDescriptor::CPPTYPE_INT64:
        r->AddInt64(&m, f, Integer());
        return;
      case FieldDescriptor::CPPTYPE_BOOL:
        r->AddBool(&m, f, OneIn(2));
        return;
      case FieldDescriptor::CPPTYPE_ENUM:
        r->AddEnumValue(&m, f, EnumValue(f));
        return;
      case FieldDescriptor::CPPTYPE_STRING:
        r->AddString(&m, f, Text(""));
        return;
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        Message* added = r->AddMessage(&m, f);
        // A plausible element when the type has one, then mutations.
        if (added->GetDescriptor() == v1::RequestedItem::descriptor()) {
          added->GetReflection()->SetString(
              added, added->GetDescriptor()->FindFieldByName("description"),
              "补充申请事项");
        } else if (added->GetDescriptor() ==
                   v1::ItemDisposition::descriptor()) {
          auto* disposition = static_cast<v1::ItemDisposition*>(added);
          disposition->set_item(r->FieldSize(m, f));
          disposition->set_outcome(v1::OUTCOME_DISCLOSED);
        }
        if (depth < 5 && !OneIn(3)) Mutate(*added, depth + 1);
        return;
      }
      default:
        return;
    }
  }

  std::mt19937_64 rng_;
};

// True when the message of an INVALID_ARGUMENT starts with a field path
// ("applicant.name", "items[3].description", ...) and ": ".
bool StartsWithFieldName(absl::string_view message) {
  const size_t colon = message.find(": ");
  if (colon == 0 || colon == absl::string_view::npos) return false;
  // One field, or several missing together: "provided_summary,
  // withheld_summary: ...".
  for (absl::string_view field :
       absl::StrSplit(message.substr(0, colon), ", ")) {
    if (field.empty() ||
        !absl::ascii_isalpha(static_cast<unsigned char>(field[0]))) {
      return false;
    }
    for (const char c : field) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' &&
          c != '.' && c != '[' && c != ']') {
        return false;
      }
    }
  }
  return true;
}

// Every string in `m`, at any depth, with its path when it is not valid
// UTF-8.
void CollectInvalidUtf8(const Message& m, const std::string& path,
                        std::vector<std::string>& bad) {
  const Reflection* r = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const FieldDescriptor* f : fields) {
    const std::string at = absl::StrCat(path, f->name());
    const int n = f->is_repeated() ? r->FieldSize(m, f) : 1;
    for (int i = 0; i < n; ++i) {
      const std::string element =
          f->is_repeated() ? absl::StrCat(at, "[", i, "]") : at;
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        const std::string s = f->is_repeated() ? r->GetRepeatedString(m, f, i)
                                               : r->GetString(m, f);
        if (!IsValidUtf8(s)) bad.push_back(element);
      } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        CollectInvalidUtf8(f->is_repeated() ? r->GetRepeatedMessage(m, f, i)
                                            : r->GetMessage(m, f),
                           element + ".", bad);
      }
    }
  }
}

// Every ogi.v1.Date set in `m`, at any depth, that is not a real date (an
// all-zero date counts as unset, as the code reading records treats it).
void CollectUnrealDates(const Message& m, const std::string& path,
                        std::vector<std::string>& bad) {
  if (m.GetDescriptor() == v1::Date::descriptor()) {
    const auto& date = static_cast<const v1::Date&>(m);
    if (!IsUnset(date) && !ToCivilDay(date, path).ok()) {
      bad.push_back(path);
    }
    return;
  }
  const Reflection* r = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const FieldDescriptor* f : fields) {
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const std::string at =
        absl::StrCat(path, path.empty() ? "" : ".", f->name());
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(m, f); ++i) {
        CollectUnrealDates(r->GetRepeatedMessage(m, f, i),
                           absl::StrCat(at, "[", i, "]"), bad);
      }
    } else {
      CollectUnrealDates(r->GetMessage(m, f), at, bad);
    }
  }
}

std::string Truncated(std::string text, size_t max = 1500) {
  if (text.size() > max) {
    text.resize(max);
    text += "…";
  }
  return text;
}

// The fields of ogi.v1.Case that only the step services record, each set in
// a way a CreateCase request must not get through.
std::vector<std::pair<std::string, v1::Case>> RecordedSections() {
  std::vector<std::pair<std::string, v1::Case>> sections;
  v1::Case c;
  c.mutable_conclusion()->set_legal_basis("第十四条");
  sections.emplace_back("conclusion", c);
  c.Clear();
  c.add_re_answers()->mutable_ordered()->set_month(13);
  sections.emplace_back("re_answers", c);
  c.Clear();
  v1::Review* review = c.add_reviews();
  review->set_organ("聊城市人民政府");
  *review->mutable_filed() = ToProtoDate(kToday - 5);
  review->set_decision(v1::PROCEEDING_DECISION_UPHELD);
  sections.emplace_back("reviews", c);
  c.Clear();
  c.add_lawsuits()->set_note("\xff\xfe");  // not UTF-8
  sections.emplace_back("lawsuits", c);
  return sections;
}

// A complete, valid application received `days_ago`.
v1::CreateCaseRequest ValidCreate(int days_ago) {
  v1::CreateCaseRequest r;
  v1::Case& c = *r.mutable_case_();
  c.mutable_applicant()->set_name("张三");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_arrival_date() = ToProtoDate(kToday - days_ago);
  c.add_items()->set_description("2024年度行政许可办理情况");
  return r;
}

// Concludes a case of two items with one disposition per item, then
// corrects its items to one (UpdateCase, mask "items"). Returns the update's
// result. `cases` and `outcomes` share a store.
absl::StatusOr<v1::UpdateCaseResponse> ShrinkItemsOfAnsweredCase(
    CaseManager& cases, OutcomeManager& outcomes) {
  v1::CreateCaseRequest create = ValidCreate(30);
  create.mutable_case_()->add_items()->set_description("2024年度行政处罚情况");
  auto created = cases.CreateCase(create, "王科员");
  if (!created.ok()) return created.status();
  v1::ConcludeCaseRequest conclude;
  conclude.set_number(created->case_().number());
  for (int item = 1; item <= 2; ++item) {
    v1::ItemDisposition* d = conclude.add_dispositions();
    d->set_item(item);
    d->set_outcome(v1::OUTCOME_DISCLOSED);
  }
  conclude.set_service_method(v1::SERVICE_METHOD_SIGNED_IN_PERSON);
  *conclude.mutable_served() = ToProtoDate(kToday - 5);
  auto concluded = outcomes.Record(conclude, "王科员");
  if (!concluded.ok()) return concluded.status();
  v1::UpdateCaseRequest update;
  update.set_number(created->case_().number());
  update.set_reason("申请人说明只申请一项");
  update.mutable_case_()->add_items()->set_description(
      "2024年度行政许可办理情况");
  update.mutable_update_mask()->add_paths("items");
  return cases.UpdateCase(update, "王科员");
}

class RequestFuzzTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           nullptr, "default");
    procedure_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
    outcomes_ = std::make_unique<OutcomeManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
    proceedings_ = std::make_unique<ProceedingManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
  }

  // A plausible new application (sometimes one whose receipt awaits a
  // confirmation).
  v1::CreateCaseRequest NewCase(Generator& g) {
    v1::CreateCaseRequest r;
    v1::Case& c = *r.mutable_case_();
    c.mutable_applicant()->set_name(g.Pick<std::string>(
        {"张三", "聊城某建设有限公司", "李四", "某律师事务所"}));
    c.mutable_applicant()->set_type(
        static_cast<v1::ApplicantType>(g.Uniform(1, 6)));
    const Day arrival = g.RecentDay() - 30;
    *c.mutable_arrival_date() = ToProtoDate(arrival);
    c.set_channel(static_cast<v1::Channel>(g.Uniform(1, 6)));
    if (c.channel() >= v1::CHANNEL_ORDINARY_MAIL && !g.OneIn(4)) {
      *c.mutable_confirmation_date() = ToProtoDate(arrival + g.Uniform(0, 3));
    }
    const int items = static_cast<int>(g.Uniform(1, 3));
    for (int i = 0; i < items; ++i) {
      c.add_items()->set_description(absl::StrCat("第", i + 1, "项申请内容"));
    }
    if (g.OneIn(2)) {
      c.mutable_applicant()->set_phone("0635-8902700");
      c.set_delivery_method(v1::DELIVERY_METHOD_POST);
    }
    if (g.OneIn(4)) {
      r.set_idempotency_key(absl::StrCat("fuzz-", g.Uniform(0, 50)));
    }
    return r;
  }

  std::string SomeNumber(Generator& g) {
    if (numbers_.empty() || g.OneIn(40)) return g.Text("2025-0001");
    return g.Pick(numbers_);
  }
  std::string SomeProceeding(Generator& g, const std::vector<std::string>& ids,
                             const std::string& suffix) {
    if (ids.empty() || g.OneIn(20)) return SomeNumber(g) + suffix;
    return g.Pick(ids);
  }
  v1::Date Recent(Generator& g) { return ToProtoDate(g.RecentDay()); }
  v1::Outcome SomeOutcome(Generator& g) {
    return static_cast<v1::Outcome>(g.Uniform(1, 21));
  }
  v1::ProceedingDecision SomeDecision(Generator& g) {
    return static_cast<v1::ProceedingDecision>(g.Uniform(1, 13));
  }

  // The case a response carries, or its error.
  template <typename Response>
  static absl::StatusOr<v1::Case> CaseOf(
      const absl::StatusOr<Response>& response) {
    if (!response.ok()) return response.status();
    return response->case_();
  }

  // Mutates `r` a few times (none, now and then, so that steps also land),
  // calls `call(r, actor)`, which returns the case the call wrote or its
  // error, and checks the status and, after a write, the case as stored.
  template <typename Request, typename Call>
  void Fuzz(Generator& g, const char* kind, Request r, Call call) {
    const int mutations =
        g.OneIn(3) ? 0 : static_cast<int>(g.Uniform(1, g.OneIn(4) ? 8 : 2));
    for (int i = 0; i < mutations; ++i) g.Mutate(r);
    std::string actor = "王科员";
    if (g.OneIn(25)) actor = g.Text(actor);
    const absl::StatusOr<v1::Case> written = call(r, actor);
    const absl::Status& status = written.status();
    ++codes_[status.code()];
    ++calls_[kind];
    if (status.ok()) ++ok_[kind];
    std::string problem;
    switch (status.code()) {
      case absl::StatusCode::kOk:
      case absl::StatusCode::kFailedPrecondition:
      case absl::StatusCode::kNotFound:
      case absl::StatusCode::kAlreadyExists:
      case absl::StatusCode::kAborted:
        break;
      case absl::StatusCode::kInvalidArgument:
        if (!StartsWithFieldName(status.message())) {
          problem = "INVALID_ARGUMENT without a leading field name";
        }
        break;
      default:
        problem = "a status code input must never cause";
    }
    if (problem.empty() && written.ok()) problem = CheckWritten(*written);
    if (!problem.empty()) {
      Report(absl::StrCat(kind, ": ", problem, ": ", status.ToString(),
                          "\n  actor: ", Truncated(actor, 200),
                          "\n  request: ", Truncated(r.ShortDebugString())));
    }
  }

  // What is wrong with the case a call wrote, as returned and as stored
  // (read back and checked in full); "" when nothing is.
  std::string CheckWritten(const v1::Case& returned) {
    std::vector<std::string> bad;
    CollectInvalidUtf8(returned, "", bad);
    if (!bad.empty()) {
      return "the case written has invalid UTF-8 in " +
             absl::StrJoin(bad, ", ");
    }
    auto stored = store_->GetCase(returned.agency_code(), returned.number());
    if (!stored.ok()) {
      return "the case written cannot be read back: " +
             stored.status().ToString();
    }
    const int before = violations_;
    CheckCase(*stored);
    return violations_ > before ? "the case written is invalid (above)" : "";
  }

  // Records a property violation (in full for the first kMaxReported).
  void Report(const std::string& what) {
    if (++violations_ <= kMaxReported) {
      ADD_FAILURE() << "seed " << seed_ << ", call " << iteration_ << ": "
                    << what;
    }
  }

  // One call of a random kind.
  void OneCall(Generator& g) {
    switch (g.Uniform(0, 23)) {
      case 0:
      case 1: {
        Fuzz(g, "CreateCase", NewCase(g), [&](const auto& r, auto& a) {
          auto created = cases_->CreateCase(r, a);
          if (created.ok()) numbers_.push_back(created->case_().number());
          return CaseOf(created);
        });
        return;
      }
      case 2: {
        v1::UpdateCaseRequest r;
        r.set_number(SomeNumber(g));
        r.set_reason("更正记录");
        r.mutable_case_()->mutable_applicant()->set_phone("0635-8902701");
        r.mutable_update_mask()->add_paths(g.Pick<std::string>(
            {"applicant.phone", "applicant.name", "items", "arrival_date",
             "confirmation_date", "channel", "applicant"}));
        if (g.OneIn(2)) r.mutable_case_()->CopyFrom(NewCase(g).case_());
        Fuzz(g, "UpdateCase", r, [&](const auto& q, auto& a) {
          return CaseOf(cases_->UpdateCase(q, a));
        });
        return;
      }
      case 3: {
        v1::SendCorrectionNoticeRequest r;
        r.set_number(SomeNumber(g));
        *r.mutable_sent() = Recent(g);
        r.set_items_to_supplement("请写明所需信息的名称或文号");
        *r.mutable_applicant_deadline() = ToProtoDate(kToday + 15);
        Fuzz(g, "SendCorrectionNotice", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 4: {
        v1::ReceiveSupplementRequest r;
        r.set_number(SomeNumber(g));
        *r.mutable_received() = Recent(g);
        Fuzz(g, "ReceiveSupplement", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 5: {
        v1::SendConsultationRequest r;
        r.set_number(SomeNumber(g));
        r.set_kind(static_cast<v1::ConsultedPartyKind>(g.Uniform(1, 2)));
        r.set_party("聊城某建设有限公司");
        *r.mutable_sent() = Recent(g);
        Fuzz(g, "SendConsultation", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 6: {
        v1::ReceiveConsultationReplyRequest r;
        r.set_number(SomeNumber(g));
        r.set_consultation_id(static_cast<int32_t>(g.Uniform(0, 2)));
        *r.mutable_received() = Recent(g);
        Fuzz(g, "ReceiveConsultationReply", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 7: {
        v1::IssueFeeNoticeRequest r;
        r.set_number(SomeNumber(g));
        r.set_method(static_cast<v1::FeeMethod>(g.Uniform(1, 2)));
        if (r.method() == v1::FEE_METHOD_PER_PAGE) {
          r.set_pages(static_cast<int32_t>(g.Uniform(1, 500)));
        } else {
          r.set_units(static_cast<int32_t>(g.Uniform(0, 3)));
          r.set_prior_applications_this_month(
              static_cast<int32_t>(g.Uniform(0, 12)));
        }
        *r.mutable_served() = Recent(g);
        Fuzz(g, "IssueFeeNotice", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 8: {
        v1::ReceiveFeePaymentRequest r;
        r.set_number(SomeNumber(g));
        *r.mutable_paid() = Recent(g);
        Fuzz(g, "ReceiveFeePayment", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 9: {
        v1::ExtendDeadlineRequest r;
        r.set_number(SomeNumber(g));
        r.set_working_days(static_cast<int32_t>(g.Uniform(1, 20)));
        r.set_approver("李局长");
        *r.mutable_notified() = Recent(g);
        Fuzz(g, "ExtendDeadline", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 10: {
        v1::DeferDeadlineRequest r;
        r.set_number(SomeNumber(g));
        *r.mutable_new_due() = ToProtoDate(kToday + g.Uniform(1, 60));
        *r.mutable_notified() = Recent(g);
        r.set_reason("申请内容涉及多个部门");
        Fuzz(g, "DeferDeadline", r, [&](const auto& q, auto& a) {
          return CaseOf(procedure_->Record(q, a));
        });
        return;
      }
      case 11:
      case 12: {
        v1::ConcludeCaseRequest r;
        r.set_number(SomeNumber(g));
        r.set_outcome(SomeOutcome(g));
        r.set_service_method(static_cast<v1::ServiceMethod>(g.Uniform(1, 4)));
        *r.mutable_served() = Recent(g);
        // The details the outcome requires (outcome_rules.h).
        if (r.outcome() == v1::OUTCOME_UNAVAILABLE_NOT_HELD) {
          r.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
        } else if (r.outcome() == v1::OUTCOME_PARTIALLY_DISCLOSED) {
          r.set_provided_summary("已提供部分");
          r.set_withheld_summary("不予公开部分");
        } else if (r.outcome() == v1::OUTCOME_OTHER) {
          r.set_note("说明");
        }
        if (g.OneIn(4)) {
          r.clear_outcome();
          for (int i = 1; i <= g.Uniform(1, 3); ++i) {
            v1::ItemDisposition* d = r.add_dispositions();
            d->set_item(i);
            d->set_outcome(SomeOutcome(g));
          }
          r.set_primary_item(static_cast<int32_t>(g.Uniform(0, 3)));
        }
        Fuzz(g, "ConcludeCase", r, [&](const auto& q, auto& a) {
          return CaseOf(outcomes_->Record(q, a));
        });
        return;
      }
      case 13: {
        v1::WithdrawCaseRequest r;
        r.set_number(SomeNumber(g));
        *r.mutable_withdrawn() = Recent(g);
        Fuzz(g, "WithdrawCase", r, [&](const auto& q, auto& a) {
          return CaseOf(outcomes_->Record(q, a));
        });
        return;
      }
      case 14: {
        v1::ConfirmLapseRequest r;
        r.set_number(SomeNumber(g));
        *r.mutable_concluded() = Recent(g);
        r.set_service_method(v1::SERVICE_METHOD_POSTED);
        Fuzz(g, "ConfirmLapse", r, [&](const auto& q, auto& a) {
          return CaseOf(outcomes_->Record(q, a));
        });
        return;
      }
      case 15: {
        v1::CorrectConclusionRequest r;
        r.set_number(SomeNumber(g));
        r.set_reason("更正送达日期");
        v1::Conclusion& c = *r.mutable_conclusion();
        c.set_kind(static_cast<v1::ConclusionKind>(g.Uniform(1, 4)));
        v1::ItemDisposition* d = c.add_dispositions();
        d->set_item(1);
        d->set_outcome(SomeOutcome(g));
        c.set_service_method(v1::SERVICE_METHOD_ELECTRONIC);
        *c.mutable_served() = Recent(g);
        c.set_note("说明");
        Fuzz(g, "CorrectConclusion", r, [&](const auto& q, auto& a) {
          return CaseOf(outcomes_->Record(q, a));
        });
        return;
      }
      case 16: {
        v1::RecordReAnswerRequest r;
        r.set_number(SomeNumber(g));
        r.set_ordered_by(SomeProceeding(g, g.OneIn(2) ? reviews_ : lawsuits_,
                                        g.OneIn(2) ? "-R1" : "-L1"));
        // The id names its case.
        const size_t dash = r.ordered_by().rfind('-');
        if (dash != std::string::npos) {
          r.set_number(r.ordered_by().substr(0, dash));
        }
        *r.mutable_due() = ToProtoDate(kToday + 10);
        if (g.OneIn(2)) {
          r.set_outcome(SomeOutcome(g));
          r.set_service_method(v1::SERVICE_METHOD_POSTED);
          *r.mutable_served() = Recent(g);
        }
        Fuzz(g, "RecordReAnswer", r, [&](const auto& q, auto& a) {
          return CaseOf(outcomes_->Record(q, a));
        });
        return;
      }
      case 17: {
        v1::FileReviewRequest r;
        r.set_number(SomeNumber(g));
        r.mutable_review()->set_organ("聊城市人民政府");
        *r.mutable_review()->mutable_filed() = Recent(g);
        if (g.OneIn(2))
          *r.mutable_review()->mutable_copy_received() = Recent(g);
        Fuzz(g, "FileReview", r, [&](const auto& q, auto& a) {
          auto filed = proceedings_->Record(q, a);
          if (filed.ok()) reviews_.push_back(filed->review().id());
          return CaseOf(filed);
        });
        return;
      }
      case 18: {
        v1::RecordReviewProgressRequest r;
        r.set_id(SomeProceeding(g, reviews_, "-R1"));
        *r.mutable_copy_received() = Recent(g);
        if (g.OneIn(2)) *r.mutable_accepted() = Recent(g);
        if (g.OneIn(2)) *r.mutable_defence_filed() = Recent(g);
        r.set_procedure(static_cast<v1::ReviewProcedure>(g.Uniform(0, 2)));
        r.set_extend_decision_period(g.OneIn(3));
        Fuzz(g, "RecordReviewProgress", r, [&](const auto& q, auto& a) {
          return CaseOf(proceedings_->Record(q, a));
        });
        return;
      }
      case 19: {
        v1::DecideReviewRequest r;
        r.set_id(SomeProceeding(g, reviews_, "-R1"));
        r.set_decision(SomeDecision(g));
        *r.mutable_decided() = Recent(g);
        if (g.OneIn(2)) *r.mutable_reanswer_due() = ToProtoDate(kToday + 15);
        Fuzz(g, "DecideReview", r, [&](const auto& q, auto& a) {
          return CaseOf(proceedings_->Record(q, a));
        });
        return;
      }
      case 20: {
        v1::FileLawsuitRequest r;
        r.set_number(SomeNumber(g));
        r.mutable_lawsuit()->set_court("聊城市东昌府区人民法院");
        *r.mutable_lawsuit()->mutable_filed() = Recent(g);
        if (g.OneIn(3) && !reviews_.empty()) {
          r.mutable_lawsuit()->set_after_review_id(g.Pick(reviews_));
        }
        Fuzz(g, "FileLawsuit", r, [&](const auto& q, auto& a) {
          auto filed = proceedings_->Record(q, a);
          if (filed.ok()) lawsuits_.push_back(filed->lawsuit().id());
          return CaseOf(filed);
        });
        return;
      }
      case 21: {
        v1::RecordLawsuitProgressRequest r;
        r.set_id(SomeProceeding(g, lawsuits_, "-L1"));
        *r.mutable_complaint_received() = Recent(g);
        if (g.OneIn(2)) *r.mutable_defence_filed() = Recent(g);
        r.set_simplified(g.OneIn(3));
        Fuzz(g, "RecordLawsuitProgress", r, [&](const auto& q, auto& a) {
          return CaseOf(proceedings_->Record(q, a));
        });
        return;
      }
      case 22: {
        v1::JudgeLawsuitRequest r;
        r.set_id(SomeProceeding(g, lawsuits_, "-L1"));
        r.set_decision(SomeDecision(g));
        *r.mutable_date() = Recent(g);
        if (g.OneIn(2)) *r.mutable_reanswer_due() = ToProtoDate(kToday + 15);
        Fuzz(g, "JudgeLawsuit", r, [&](const auto& q, auto& a) {
          return CaseOf(proceedings_->Record(q, a));
        });
        return;
      }
      default: {
        if (g.OneIn(2)) {
          v1::AppealLawsuitRequest r;
          r.set_id(SomeProceeding(g, lawsuits_, "-L1"));
          *r.mutable_filed() = Recent(g);
          r.set_appellant("原告");
          r.set_court("聊城市中级人民法院");
          Fuzz(g, "AppealLawsuit", r, [&](const auto& q, auto& a) {
            return CaseOf(proceedings_->Record(q, a));
          });
        } else {
          v1::DecideAppealRequest r;
          r.set_id(SomeProceeding(g, lawsuits_, "-L1"));
          r.set_decision(SomeDecision(g));
          *r.mutable_date() = Recent(g);
          Fuzz(g, "DecideAppeal", r, [&](const auto& q, auto& a) {
            return CaseOf(proceedings_->Record(q, a));
          });
        }
        return;
      }
    }
  }

  // Checks every stored record; returns how many cases there are.
  int CheckStore() {
    std::vector<v1::Case> stored;
    CaseQuery query;
    query.agency_code = "default";
    query.page_size = 1000;
    while (true) {
      auto page = store_->ListCases(query);
      EXPECT_THAT(page, IsOk());
      if (!page.ok()) break;
      for (v1::Case& c : page->cases) stored.push_back(std::move(c));
      if (page->next_cursor == 0) break;
      query.before_cursor = page->next_cursor;
    }
    std::set<int> years;
    // Listed as not yet countable by design: no receipt date until confirmed.
    std::set<std::string> unconfirmed;
    for (const v1::Case& c : stored) {
      CheckCase(c);
      if (c.status() == v1::CASE_STATUS_PENDING_CONFIRMATION) {
        unconfirmed.insert(c.number());
      }
      years.insert(c.arrival_date().year());
      if (c.has_conclusion()) years.insert(c.conclusion().served().year());
    }
    // The report of each year the cases reach places every case.
    ReportInputs inputs;
    inputs.agency_codes = {"default"};
    inputs.title_agency = "本机关";
    for (const int year : years) {
      if (year < 2008 || year > kToday.year()) continue;
      const v1::Report report = DeriveReport(stored, year, inputs);
      bool only_unconfirmed = true;
      for (const v1::UncountableCase& u : report.uncountable()) {
        if (unconfirmed.count(u.number()) > 0) continue;
        only_unconfirmed = false;
        Report(absl::StrCat("stored case ", u.number(),
                            " cannot be counted in ", year, ": ", u.reason()));
      }
      for (const v1::ReportCheck& check : report.checks()) {
        if (check.identity() == "所有案件均可统计" && only_unconfirmed)
          continue;
        if (!check.ok()) {
          Report(absl::StrCat("the ", year, " report fails ", check.identity(),
                              ": ", check.detail()));
        }
      }
    }
    return static_cast<int>(stored.size());
  }

  void CheckCase(const v1::Case& c) {
    const std::string& number = c.number();
    auto fail = [&](const std::string& what) {
      Report(absl::StrCat("stored case ", number, ": ", what,
                          "\n  case: ", Truncated(c.ShortDebugString())));
    };
    const absl::Status fields = ValidateCaseFields(c, kToday);
    if (!fields.ok())
      fail(absl::StrCat("fails validation: ", fields.ToString()));
    std::vector<std::string> bad;
    CollectInvalidUtf8(c, "", bad);
    if (!bad.empty()) fail("invalid UTF-8 in " + absl::StrJoin(bad, ", "));
    bad.clear();
    CollectUnrealDates(c, "", bad);
    if (!bad.empty()) fail("not a real date: " + absl::StrJoin(bad, ", "));
    if (c.status() == v1::CASE_STATUS_UNSPECIFIED ||
        !v1::CaseStatus_IsValid(c.status())) {
      fail("no status");
    }
    const absl::StatusOr<v1::Deadlines> deadlines =
        case_clock_.Compute(c, kToday);
    if (!deadlines.ok()) {
      fail(absl::StrCat("deadlines fail: ", deadlines.status().ToString()));
    }
    if (c.status() == v1::CASE_STATUS_CONCLUDED) {
      v1::Conclusion again = c.conclusion();
      const absl::Status complete =
          CompleteConclusion(again, c.items_size(), "conclusion.");
      if (!complete.ok()) {
        fail(
            absl::StrCat("conclusion fails validation: ", complete.ToString()));
      } else if (again.outcome() != c.conclusion().outcome()) {
        fail(absl::StrCat("conclusion derives ",
                          v1::Outcome_Name(again.outcome()), ", stored ",
                          v1::Outcome_Name(c.conclusion().outcome())));
      }
    } else if (c.has_conclusion()) {
      fail("a conclusion on a case that is not concluded");
    }
    auto events = store_->ListCaseEvents("default", number);
    if (!events.ok()) {
      fail(absl::StrCat("history unreadable: ", events.status().ToString()));
      return;
    }
    if (static_cast<int>(events->size()) != c.version()) {
      fail(absl::StrCat(events->size(), " events for version ", c.version()));
    }
    for (size_t i = 0; i < events->size(); ++i) {
      const v1::CaseEvent& e = (*events)[i];
      if (e.sequence() != static_cast<int>(i) + 1 ||
          e.snapshot().version() != e.sequence()) {
        fail(absl::StrCat("event ", i + 1, " has sequence ", e.sequence(),
                          " and snapshot version ", e.snapshot().version()));
      }
      bad.clear();
      CollectInvalidUtf8(e, "", bad);
      if (!bad.empty()) {
        fail(absl::StrCat("event ", i + 1, ": invalid UTF-8 in ",
                          absl::StrJoin(bad, ", ")));
      }
      const absl::Status snapshot = ValidateCaseFields(e.snapshot(), kToday);
      if (!snapshot.ok()) {
        fail(absl::StrCat("event ", i + 1, ": snapshot fails validation: ",
                          snapshot.ToString()));
      }
    }
  }

  uint64_t seed_ = 0;
  int iteration_ = -1;
  int violations_ = 0;
  std::map<absl::StatusCode, int> codes_;
  std::map<std::string, int> calls_;
  std::map<std::string, int> ok_;
  std::vector<std::string> numbers_;
  std::vector<std::string> reviews_;
  std::vector<std::string> lawsuits_;

  ManualClock clock_{::ogi::testing::BeijingAt(kToday, 10)};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> procedure_;
  std::unique_ptr<OutcomeManager> outcomes_;
  std::unique_ptr<ProceedingManager> proceedings_;
};

TEST_F(RequestFuzzTest,
       MutatedRequestsAreRefusedCleanlyAndStoreNothingInvalid) {
  seed_ = EnvOr("OGI_FUZZ_SEED", std::random_device()());
  const int iterations =
      static_cast<int>(EnvOr("OGI_FUZZ_ITERATIONS", kDefaultIterations));
  std::cout << "request fuzz: OGI_FUZZ_SEED=" << seed_
            << " OGI_FUZZ_ITERATIONS=" << iterations << std::endl;
  RecordProperty("seed", std::to_string(seed_));
  SCOPED_TRACE(absl::StrCat("OGI_FUZZ_SEED=", seed_,
                            " OGI_FUZZ_ITERATIONS=", iterations));
  Generator g(seed_);
  // Cases to work on, logged unmutated.
  for (int i = 0; i < kSeedCases; ++i) {
    v1::CreateCaseRequest request = NewCase(g);
    request.clear_idempotency_key();
    auto created = cases_->CreateCase(request, "王科员");
    ASSERT_THAT(created, IsOk());
    numbers_.push_back(created->case_().number());
  }

  const absl::Time start = absl::Now();
  int done = 0;
  for (iteration_ = 0; iteration_ < iterations; ++iteration_) {
    if (absl::Now() - start > kTimeBudget) {
      std::cout << "request fuzz: time budget of "
                << absl::FormatDuration(kTimeBudget) << " reached after "
                << iteration_ << " calls" << std::endl;
      break;
    }
    OneCall(g);
    ++done;
    if ((iteration_ + 1) % kCheckEvery == 0) CheckStore();
  }
  const int stored = CheckStore();
  const absl::Duration elapsed = absl::Now() - start;

  std::vector<std::string> histogram;
  for (const auto& [code, n] : codes_) {
    histogram.push_back(absl::StrCat(absl::StatusCodeToString(code), " ", n));
  }
  std::vector<std::string> landed;
  for (const auto& [kind, n] : calls_) {
    landed.push_back(absl::StrCat(kind, " ", ok_[kind], "/", n));
  }
  std::cout << "request fuzz: " << done << " calls in "
            << absl::FormatDuration(elapsed) << "; " << stored
            << " cases stored; codes: " << absl::StrJoin(histogram, ", ")
            << "\n  OK/calls by kind: " << absl::StrJoin(landed, ", ")
            << std::endl;
  EXPECT_EQ(violations_, 0)
      << "seed " << seed_ << ": " << violations_ << " violations (the first "
      << kMaxReported << " are reported above)";
}

// CreateCase logs an application; its conclusion, re-answers, reviews and
// lawsuits are recorded later, step by step, each step validated and in the
// history. A create request that carries them must be refused like one that
// carries `procedure` ("case.procedure: recorded step by step ...").
TEST_F(RequestFuzzTest, CreateCaseRefusesTheSectionsStepsRecord) {
  std::vector<std::string> stored;
  for (const auto& [name, section] : RecordedSections()) {
    v1::CreateCaseRequest r = ValidCreate(10);
    r.mutable_case_()->MergeFrom(section);
    auto created = cases_->CreateCase(r, "王科员");
    if (created.ok()) {
      stored.push_back(
          absl::StrCat("case.", name, " (", created->case_().number(), ")"));
      continue;
    }
    EXPECT_THAT(created,
                ::ogi::testing::StatusIs(
                    absl::StatusCode::kInvalidArgument,
                    ::testing::StartsWith(absl::StrCat("case.", name, ": "))));
  }
  // Nothing slipped through: each section was refused, naming it.
  EXPECT_THAT(stored, ::testing::IsEmpty());
}

// A conclusion answers the case item by item (dispositions 1..n): correcting
// the items of a concluded case must not leave dispositions for items that
// are gone or items without one. Like a correction that would move the
// receipt date past the conclusion, it is refused until the conclusion is
// corrected, and nothing is written.
TEST_F(RequestFuzzTest, UpdateCaseKeepsItemsAndDispositionsTogether) {
  auto updated = ShrinkItemsOfAnsweredCase(*cases_, *outcomes_);
  EXPECT_THAT(updated,
              ::ogi::testing::StatusIs(absl::StatusCode::kFailedPrecondition,
                                       ::testing::StartsWith("items: ")));
  auto history = store_->ListCaseEvents("default", "2025-0001");
  ASSERT_THAT(history, IsOk());
  EXPECT_EQ(history->size(), 2u);  // created, concluded
}

}  // namespace
}  // namespace ogi
