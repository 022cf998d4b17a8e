#include "tests/report/random_case_histories.h"

#include <map>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/civil_date.h"
#include "services/proceedings/result_column.h"
#include "tests/report/report_test_cases.h"

namespace ogi::testing {
namespace {

using Day = absl::CivilDay;

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨",
                                     "赵", "黄", "周", "吴", "徐", "孙"};
constexpr const char* kGivenNames[] = {"伟", "芳", "娜", "敏", "静", "磊",
                                       "强", "军", "洋", "艳", "勇", "霞"};
constexpr const char* kOrganizations[] = {
    "聊城市安泰建材有限公司", "山东大学环境研究院", "聊城市绿色家园环保协会",
    "山东鲁西律师事务所", "东昌府区柳园街道某社区居委会"};

class Generator {
 public:
  explicit Generator(const RandomHistoryOptions& options)
      : options_(options),
        random_(options.seed),
        review_decisions_(ValidDecisions(DecisionStage::kReview)),
        judgments_(ValidDecisions(DecisionStage::kFirstInstance)),
        appeal_results_(ValidDecisions(DecisionStage::kAppeal)) {}

  std::vector<v1::Case> Generate() {
    std::vector<v1::Case> cases;
    cases.reserve(options_.cases);
    for (int i = 0; i < options_.cases; ++i) cases.push_back(OneCase());
    return cases;
  }

 private:
  int Uniform(int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random_);
  }
  bool Chance(double p) {
    return std::uniform_real_distribution<double>(0, 1)(random_) < p;
  }
  template <typename T, size_t n>
  T Pick(const T (&values)[n]) {
    return values[Uniform(0, static_cast<int>(n) - 1)];
  }
  template <typename T>
  T Pick(const std::vector<T>& values) {
    return values[Uniform(0, static_cast<int>(values.size()) - 1)];
  }

  v1::Case OneCase() {
    const int span =
        static_cast<int>(options_.last_arrival - options_.first_arrival);
    const Day arrival = options_.first_arrival + Uniform(0, span);
    const auto type = static_cast<v1::ApplicantType>(Uniform(1, 6));
    // Each draw is its own statement: the order in which a call's arguments
    // are evaluated is unspecified (g++ and clang differ), and one seed must
    // give the same histories with every compiler. The draws keep the order
    // g++ gave them when they were written as arguments (last one first).
    std::string applicant;
    if (type == v1::APPLICANT_TYPE_NATURAL_PERSON) {
      const char* const given_name = Pick(kGivenNames);
      const char* const surname = Pick(kSurnames);
      applicant = absl::StrCat(surname, given_name);
    } else {
      applicant = Pick(kOrganizations);
    }
    const int sequence = ++sequence_by_year_[arrival.year()];
    v1::Case c = ReceivedCase(
        absl::StrFormat("%d-%04d", static_cast<int>(arrival.year()), sequence),
        applicant, type, arrival);
    c.set_agency_code(options_.agency_code);

    // Confirmation channels: some are confirmed days later, a few never.
    if (Chance(0.3)) {
      c.set_channel(v1::CHANNEL_ONLINE);
      if (Chance(0.05)) {
        c.clear_receipt_date();
        c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
        return c;
      }
      const Day confirmed = arrival + Uniform(0, 5);
      *c.mutable_confirmation_date() = ToProtoDate(confirmed);
      *c.mutable_receipt_date() = ToProtoDate(confirmed);
    }
    const Day receipt = *ToCivilDay(c.receipt_date(), "receipt_date");
    if (Chance(0.05)) {
      const Day paid = Chance(0.7) ? receipt + Uniform(16, 40) : Day();
      const Day notice_served = receipt + Uniform(1, 15);
      const int64_t amount_yuan = 10 * Uniform(1, 50);
      AddFeeNotice(c, amount_yuan, notice_served, paid);
    }
    if (Chance(0.15)) return c;  // still open, whenever "today" is

    const Day served = receipt + Uniform(0, 150);
    const auto outcome = static_cast<v1::Outcome>(Uniform(1, 21));
    Conclude(c, served, outcome);
    if (Chance(options_.defective_share)) {
      MakeDefective(c, receipt);
      return c;
    }
    if (Chance(0.12)) AddReview(c, served);
    // Many reviews are followed by a suit (复议后起诉).
    if (Chance(c.reviews_size() > 0 ? 0.4 : 0.08)) AddLawsuit(c, served);
    return c;
  }

  void MakeDefective(v1::Case& c, Day receipt) {
    switch (Uniform(0, 3)) {
      case 0:
        c.mutable_conclusion()->set_outcome(v1::OUTCOME_UNSPECIFIED);
        break;
      case 1:
        *c.mutable_conclusion()->mutable_served() =
            ToProtoDate(receipt - Uniform(1, 20));
        break;
      case 2:
        c.mutable_conclusion()->clear_served();
        break;
      default:
        c.clear_receipt_date();
        break;
    }
  }

  void AddReview(v1::Case& c, Day served) {
    v1::Review& review = FileReview(c, served + Uniform(1, 60));
    const Day filed = *ToCivilDay(review.filed(), "filed");
    if (Chance(0.7)) {
      const Day decided = filed + Uniform(20, 150);
      DecideReview(review, Pick(review_decisions_), decided);
    }
  }

  void AddLawsuit(v1::Case& c, Day served) {
    const bool after_review = c.reviews_size() > 0 && Chance(0.7);
    Day filed = served + Uniform(1, 180);
    std::string after_review_id;
    if (after_review) {
      const v1::Review& review = c.reviews(0);
      after_review_id = review.id();
      if (review.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
        filed = *ToCivilDay(review.decided(), "decided") + Uniform(1, 15);
      }
    }
    v1::Lawsuit& lawsuit = FileLawsuit(c, filed, after_review_id);
    if (Chance(0.1)) {
      lawsuit.set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
    }
    if (!Chance(0.7)) return;
    const Day judged = filed + Uniform(30, 200);
    JudgeFirstInstance(lawsuit, Pick(judgments_), judged);
    if (!Chance(0.4)) return;
    const Day appealed = judged + Uniform(1, 15);
    FileAppeal(lawsuit, appealed);
    if (Chance(0.6)) {
      // Most appeals are dismissed (the judgment stands); else any result.
      const Day decided = appealed + Uniform(30, 150);
      const v1::ProceedingDecision result =
          Chance(0.5) ? v1::PROCEEDING_DECISION_APPEAL_DISMISSED
                      : Pick(appeal_results_);
      DecideAppeal(lawsuit, result, decided);
    }
  }

  const RandomHistoryOptions options_;
  std::mt19937 random_;
  std::map<int64_t, int> sequence_by_year_;
  // The decisions each stage may record (result_column.h).
  const std::vector<v1::ProceedingDecision> review_decisions_;
  const std::vector<v1::ProceedingDecision> judgments_;
  const std::vector<v1::ProceedingDecision> appeal_results_;
};

}  // namespace

std::vector<v1::Case> RandomCaseHistories(const RandomHistoryOptions& options) {
  return Generator(options).Generate();
}

}  // namespace ogi::testing
