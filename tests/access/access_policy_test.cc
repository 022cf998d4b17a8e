// The access table: every RPC of the API is in it, each kind of operation is
// allowed to exactly the roles the issue names, and agency scope follows the
// supervising offices.

#include "services/access/access_policy.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "ogi/test/v1/testing_clock.pb.h"
#include "ogi/v1/access_service.pb.h"
#include "ogi/v1/agency_service.pb.h"
#include "ogi/v1/calendar_service.pb.h"
#include "ogi/v1/case_service.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "ogi/v1/outcome_service.pb.h"
#include "ogi/v1/procedure_service.pb.h"
#include "ogi/v1/proceeding_service.pb.h"
#include "ogi/v1/report_service.pb.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Every service of the API, through one message of each file (which links the
// file's descriptor in).
std::vector<const google::protobuf::ServiceDescriptor*> AllServices() {
  std::vector<const google::protobuf::FileDescriptor*> files = {
      v1::WhoAmIRequest::descriptor()->file(),
      v1::ListAgenciesRequest::descriptor()->file(),
      v1::GetCalendarYearRequest::descriptor()->file(),
      v1::CreateCaseRequest::descriptor()->file(),
      v1::ListDeadlinesRequest::descriptor()->file(),
      v1::ConcludeCaseRequest::descriptor()->file(),
      v1::SendCorrectionNoticeRequest::descriptor()->file(),
      v1::FileReviewRequest::descriptor()->file(),
      v1::GetReportRequest::descriptor()->file(),
      test::v1::SetTimeRequest::descriptor()->file(),
  };
  std::vector<const google::protobuf::ServiceDescriptor*> services;
  for (const auto* file : files) {
    for (int i = 0; i < file->service_count(); ++i) {
      services.push_back(file->service(i));
    }
  }
  return services;
}

Principal UserWith(std::vector<v1::Role> roles, std::string agency = "city",
                   std::vector<std::string> readable = {"city", "county"}) {
  Principal p;
  p.user.set_name("wang");
  p.user.set_display_name("王科员");
  p.user.set_agency_code(agency);
  for (v1::Role role : roles) p.user.add_roles(role);
  p.readable_agencies = std::move(readable);
  return p;
}

TEST(AccessPolicyTest, EveryMethodOfTheApiIsInTheTable) {
  int methods = 0;
  for (const auto* service : AllServices()) {
    for (int i = 0; i < service->method_count(); ++i) {
      EXPECT_THAT(OperationOf(service->method(i)->full_name()), IsOk())
          << service->method(i)->full_name();
      ++methods;
    }
  }
  EXPECT_EQ(methods, 52);  // grows with the API; the table must follow
  EXPECT_THAT(OperationOf("ogi.v1.CaseService.DeleteCase"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(AccessPolicyTest, EachKindOfCallNeedsItsRoles) {
  using v1::ROLE_ADMINISTRATOR;
  using v1::ROLE_APPROVER;
  using v1::ROLE_AUDITOR;
  using v1::ROLE_CLERK;
  using v1::ROLE_LEGAL;
  using v1::ROLE_STATISTICIAN;
  EXPECT_THAT(RolesFor(Operation::kLogCases), ElementsAre(ROLE_CLERK));
  EXPECT_THAT(RolesFor(Operation::kDecide), ElementsAre(ROLE_APPROVER));
  EXPECT_THAT(RolesFor(Operation::kLitigate), ElementsAre(ROLE_LEGAL));
  EXPECT_THAT(RolesFor(Operation::kEditReports),
              ElementsAre(ROLE_STATISTICIAN));
  EXPECT_THAT(RolesFor(Operation::kReadReports),
              ElementsAre(ROLE_STATISTICIAN, ROLE_AUDITOR));
  EXPECT_THAT(RolesFor(Operation::kAdminister),
              ElementsAre(ROLE_ADMINISTRATOR));
  // Administrators manage accounts, not cases.
  EXPECT_THAT(RolesFor(Operation::kReadCases),
              ElementsAre(ROLE_CLERK, ROLE_APPROVER, ROLE_LEGAL,
                          ROLE_STATISTICIAN, ROLE_AUDITOR));

  EXPECT_EQ(*OperationOf("ogi.v1.CaseService.CreateCase"),
            Operation::kLogCases);
  EXPECT_EQ(*OperationOf("ogi.v1.ProcedureService.ExtendDeadline"),
            Operation::kDecide);
  EXPECT_EQ(*OperationOf("ogi.v1.OutcomeService.ConcludeCase"),
            Operation::kDecide);
  EXPECT_EQ(*OperationOf("ogi.v1.ProceedingService.FileLawsuit"),
            Operation::kLitigate);
  EXPECT_EQ(*OperationOf("ogi.v1.ReportService.LockReport"),
            Operation::kEditReports);
  EXPECT_EQ(*OperationOf("ogi.v1.CalendarService.LoadCalendar"),
            Operation::kAdminister);
  EXPECT_EQ(*OperationOf("ogi.v1.AccessService.WhoAmI"),
            Operation::kReadReference);
}

TEST(AccessPolicyTest, ARefusalNamesTheRolesNeededAndHeld) {
  const Principal clerk = UserWith({v1::ROLE_CLERK});
  EXPECT_THAT(CheckRole(clerk, Operation::kLogCases, "m"), IsOk());
  EXPECT_THAT(
      CheckRole(clerk, Operation::kDecide,
                "ogi.v1.OutcomeService.ConcludeCase"),
      StatusIs(absl::StatusCode::kPermissionDenied,
               "ogi.v1.OutcomeService.ConcludeCase 需要以下角色之一：审批人 "
               "(approver)；wang 的角色：登记员 (clerk)"));
  const Principal auditor = UserWith({v1::ROLE_AUDITOR});
  EXPECT_THAT(CheckRole(auditor, Operation::kReadCases, "m"), IsOk());
  EXPECT_THAT(CheckRole(auditor, Operation::kReadReports, "m"), IsOk());
  for (Operation op :
       {Operation::kLogCases, Operation::kDecide, Operation::kLitigate,
        Operation::kEditReports, Operation::kAdminister}) {
    EXPECT_THAT(CheckRole(auditor, op, "m"),
                StatusIs(absl::StatusCode::kPermissionDenied));
  }
}

TEST(AccessPolicyTest, OtherAgenciesAreNotFoundAndThoseBelowReadOnly) {
  const Principal clerk = UserWith({v1::ROLE_CLERK});
  EXPECT_THAT(CheckAgency(clerk, Operation::kLogCases, "city"), IsOk());
  EXPECT_THAT(CheckAgency(clerk, Operation::kReadCases, "county"), IsOk());
  EXPECT_THAT(
      CheckAgency(clerk, Operation::kLogCases, "county"),
      StatusIs(absl::StatusCode::kPermissionDenied,
               HasSubstr("可以查阅下级机关 county 的记录，但不能修改")));
  // Out of scope reads exactly as an agency that does not exist.
  EXPECT_THAT(CheckAgency(clerk, Operation::kReadCases, "province"),
              StatusIs(absl::StatusCode::kNotFound,
                       "agency_code: 机关 \"province\" 不存在"));
  EXPECT_THAT(CheckAgency(clerk, Operation::kReadCases, "nowhere"),
              StatusIs(absl::StatusCode::kNotFound,
                       "agency_code: 机关 \"nowhere\" 不存在"));
}

TEST(AccessPolicyTest, PersonalDataIsForThoseWhoDealWithTheApplicant) {
  EXPECT_TRUE(UserWith({v1::ROLE_CLERK}).SeesPersonalData());
  EXPECT_TRUE(UserWith({v1::ROLE_APPROVER}).SeesPersonalData());
  EXPECT_TRUE(UserWith({v1::ROLE_LEGAL}).SeesPersonalData());
  EXPECT_FALSE(UserWith({v1::ROLE_STATISTICIAN}).SeesPersonalData());
  EXPECT_FALSE(UserWith({v1::ROLE_AUDITOR}).SeesPersonalData());
  EXPECT_FALSE(UserWith({v1::ROLE_ADMINISTRATOR}).SeesPersonalData());
}

v1::Agency Agency(std::string code, std::string supervisor) {
  v1::Agency a;
  a.set_code(std::move(code));
  a.set_name("机关");
  a.set_supervisor_code(std::move(supervisor));
  return a;
}

TEST(AccessPolicyTest, ScopeIsTheAgencyAndEveryAgencyUnderIt) {
  const std::vector<v1::Agency> agencies = {
      Agency("province", ""),     Agency("city", "province"),
      Agency("county-b", "city"), Agency("county-a", "city"),
      Agency("town", "county-a"), Agency("other-city", "province"),
      Agency("loose", ""),
  };
  EXPECT_THAT(AgenciesUnder(agencies, "city"),
              ElementsAre("city", "county-a", "county-b", "town"));
  EXPECT_THAT(AgenciesUnder(agencies, "town"), ElementsAre("town"));
  EXPECT_THAT(AgenciesUnder(agencies, "province"),
              ElementsAre("province", "city", "county-a", "county-b",
                          "other-city", "town"));
  // A cycle in stored data is not followed forever.
  const std::vector<v1::Agency> cycle = {Agency("a", "b"), Agency("b", "a")};
  EXPECT_THAT(AgenciesUnder(cycle, "a"), ElementsAre("a", "b"));
}

TEST(AccessPolicyTest, RoleNamesAreTheIdentifiersUsersType) {
  EXPECT_EQ(RoleName(v1::ROLE_CLERK), "clerk");
  EXPECT_EQ(RoleName(v1::ROLE_ADMINISTRATOR), "administrator");
}

}  // namespace
}  // namespace ogi
