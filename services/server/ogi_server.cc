#include "services/server/ogi_server.h"

#include <grpcpp/health_check_service_interface.h>

#include <filesystem>
#include <initializer_list>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/rpc/error_details.pb.h"
#include "services/access/access_manager.h"
#include "services/access/access_service.h"
#include "services/agencies/agency_service.h"
#include "services/alerts/alert_hub.h"
#include "services/alerts/case_index.h"
#include "services/alerts/deadline_manager.h"
#include "services/alerts/deadline_service.h"
#include "services/calendar/calendar_manager.h"
#include "services/calendar/calendar_registry.h"
#include "services/calendar/calendar_service.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_manager.h"
#include "services/cases/case_service.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/thread_pool.h"
#include "services/outcomes/outcome_manager.h"
#include "services/outcomes/outcome_service.h"
#include "services/procedure/procedure_manager.h"
#include "services/procedure/procedure_service.h"
#include "services/proceedings/proceeding_manager.h"
#include "services/proceedings/proceeding_service.h"
#include "services/report/report_manager.h"
#include "services/report/report_service.h"
#include "services/server/reflection_service.h"
#include "services/server/testing_clock_service.h"
#include "storage/sqlite_backup.h"
#include "storage/sqlite_case_store.h"

namespace ogi {

// Members in construction order; destroyed in reverse after Shutdown().
struct OgiServer::Parts {
  std::unique_ptr<ManualClock> manual_clock;  // only with fake_clock_start
  std::unique_ptr<SqliteCaseStore> store;
  std::unique_ptr<CalendarRegistry> calendars;
  std::unique_ptr<CaseClock> case_clock;
  std::unique_ptr<AlertHub> hub;
  std::unique_ptr<ThreadPool> pool;
  std::unique_ptr<AccessManager> access;
  CallEdge edge;  // pool and access, for every service
  std::unique_ptr<CaseManager> case_manager;
  std::unique_ptr<ProcedureManager> procedure_manager;
  std::unique_ptr<OutcomeManager> outcome_manager;
  std::unique_ptr<ProceedingManager> proceeding_manager;
  std::unique_ptr<ReportManager> report_manager;
  std::unique_ptr<CalendarManager> calendar_manager;
  std::unique_ptr<DeadlineManager> deadline_manager;
  std::unique_ptr<ReflectionIndex> reflection;  // for two of the services
  std::vector<std::unique_ptr<grpc::Service>> services;
  std::unique_ptr<grpc::Server> server;
  bool running = false;
};

namespace {

absl::Status EnsureDefaultAgency(CaseStore& store,
                                 const ServerOptions& options) {
  absl::StatusOr<v1::Agency> existing = store.GetAgency(options.agency_code);
  if (existing.ok() && (options.agency_name.empty() ||
                        existing->name() == options.agency_name)) {
    return absl::OkStatus();
  }
  if (!existing.ok() && !absl::IsNotFound(existing.status())) {
    return existing.status();
  }
  v1::Agency agency;
  agency.set_code(options.agency_code);
  agency.set_name(options.agency_name.empty() ? "本机关" : options.agency_name);
  return store.UpsertAgency(agency).status();
}

absl::StatusOr<std::string> PrepareDatabasePath(const std::string& path) {
  if (path == ":memory:") return path;
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) {
    return absl::InvalidArgumentError(
        absl::StrCat("--db: ", path, ": ", error.message()));
  }
  if (absolute.has_parent_path()) {
    std::filesystem::create_directories(absolute.parent_path(), error);
    if (error) {
      return absl::UnavailableError(
          absl::StrCat("--db: 无法创建目录 ", absolute.parent_path().string(),
                       "：", error.message()));
    }
  }
  return absolute.string();
}

// `status` with the field its message names first ("<field>: ...") renamed
// to the flag the user typed, by `flags` (field, flag): the layers below
// name their parameters, a command-line user knows only the flags.
absl::Status WithFlagNames(
    const absl::Status& status,
    std::initializer_list<std::pair<absl::string_view, absl::string_view>>
        flags) {
  absl::string_view message = status.message();
  for (const auto& [field, flag] : flags) {
    if (absl::ConsumePrefix(&message, absl::StrCat(field, ":"))) {
      return absl::Status(status.code(), absl::StrCat(flag, ":", message));
    }
  }
  return status;
}

}  // namespace

absl::StatusOr<std::unique_ptr<OgiServer>> OgiServer::Start(
    const ServerOptions& options, const Clock* clock) {
  if (options.agency_code.empty()) {
    return absl::InvalidArgumentError("--agency_code: 不能为空");
  }
  if (options.worker_threads < 1 || options.reader_connections < 1) {
    return absl::InvalidArgumentError(
        "--worker_threads, --reader_connections: 至少为 1");
  }
  OGI_ASSIGN_OR_RETURN(std::string db_path,
                       PrepareDatabasePath(options.db_path));
  for (int threshold : options.alert_thresholds) {
    if (threshold < 1) {
      return absl::InvalidArgumentError(
          "--alert_thresholds: 工作日数须为正整数");
    }
  }
  if (options.confirm_receipt_alert_days < 0 ||
      options.confirm_receipt_alert_days > kMaxConfirmReceiptAlertDays) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--confirm_receipt_alert_days: 应为 0 至 ", kMaxConfirmReceiptAlertDays,
        " 个工作日，而不是 ", options.confirm_receipt_alert_days));
  }
  // Before the database is touched: a server that may not listen this way
  // changes nothing.
  OGI_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                       ServerCredentialsFor(options.listen, options.tls));
  auto parts = std::make_unique<Parts>();
  if (options.fake_clock_start.has_value()) {
    parts->manual_clock =
        std::make_unique<ManualClock>(*options.fake_clock_start);
    clock = parts->manual_clock.get();
  }
  SqliteStoreOptions store_options;
  store_options.path = db_path;
  store_options.reader_connections = options.reader_connections;
  OGI_ASSIGN_OR_RETURN(parts->store, OpenSqliteCaseStore(store_options));
  OGI_RETURN_IF_ERROR(EnsureDefaultAgency(*parts->store, options));
  CaseStore* store = parts->store.get();

  parts->calendars = std::make_unique<CalendarRegistry>();
  ClockPolicy policy;
  policy.pause_for_fee_payment = options.pause_clock_for_fee_payment;
  policy.confirm_receipt_alert_days = options.confirm_receipt_alert_days;
  parts->case_clock =
      std::make_unique<CaseClock>(parts->calendars.get(), policy);
  parts->hub = std::make_unique<AlertHub>(store, clock, parts->case_clock.get(),
                                          options.alert_thresholds);
  parts->calendar_manager = std::make_unique<CalendarManager>(
      store, clock, parts->calendars.get(), parts->case_clock.get(),
      parts->hub.get());
  // Stored calendar years first: the hub's first evaluation needs them.
  OGI_RETURN_IF_ERROR(parts->calendar_manager->Initialize());
  OGI_RETURN_IF_ERROR(parts->hub->Start());

  parts->pool = std::make_unique<ThreadPool>(options.worker_threads);
  parts->access =
      std::make_unique<AccessManager>(parts->store.get(), store, clock);
  parts->edge.pool = parts->pool.get();
  parts->edge.access = parts->access.get();
  const CallEdge* edge = &parts->edge;
  parts->case_manager =
      std::make_unique<CaseManager>(store, clock, parts->case_clock.get(),
                                    parts->hub.get(), options.agency_code);
  parts->procedure_manager =
      std::make_unique<ProcedureManager>(store, clock, parts->case_clock.get(),
                                         parts->hub.get(), options.agency_code);
  parts->outcome_manager =
      std::make_unique<OutcomeManager>(store, clock, parts->case_clock.get(),
                                       parts->hub.get(), options.agency_code);
  parts->proceeding_manager = std::make_unique<ProceedingManager>(
      store, clock, parts->case_clock.get(), parts->hub.get(),
      options.agency_code);
  parts->deadline_manager = std::make_unique<DeadlineManager>(
      store, clock, parts->case_clock.get(), options.agency_code);
  parts->report_manager = std::make_unique<ReportManager>(
      store, parts->store.get(), clock, options.agency_code);
  parts->services.push_back(std::make_unique<AccessServiceImpl>(edge));
  parts->services.push_back(
      std::make_unique<CaseServiceImpl>(parts->case_manager.get(), edge));
  parts->services.push_back(std::make_unique<AgencyServiceImpl>(store, edge));
  parts->services.push_back(std::make_unique<ProcedureServiceImpl>(
      parts->procedure_manager.get(), edge));
  parts->services.push_back(
      std::make_unique<OutcomeServiceImpl>(parts->outcome_manager.get(), edge));
  parts->services.push_back(std::make_unique<ProceedingServiceImpl>(
      parts->proceeding_manager.get(), edge));
  parts->services.push_back(std::make_unique<CalendarServiceImpl>(
      parts->calendar_manager.get(), edge));
  auto deadlines = std::make_unique<DeadlineServiceImpl>(
      parts->deadline_manager.get(), parts->hub.get(), edge);
  parts->access->OnAccessRevoked(
      [service = deadlines.get()](absl::string_view user,
                                  absl::string_view token) {
        service->EndStreamsOf(user, token);
      });
  parts->services.push_back(std::move(deadlines));
  parts->services.push_back(
      std::make_unique<ReportServiceImpl>(parts->report_manager.get(), edge));
  if (parts->manual_clock != nullptr) {
    parts->services.push_back(std::make_unique<TestingClockServiceImpl>(
        parts->manual_clock.get(), parts->hub.get(), edge));
  }
  // Server reflection lists exactly the services registered here, gRPC's
  // default health service and itself; it also serves the error details'
  // file, so that generic clients can decode google.rpc.BadRequest.
  std::vector<std::string> served = {v1::AccessService::service_full_name(),
                                     v1::CaseService::service_full_name(),
                                     v1::AgencyService::service_full_name(),
                                     v1::ProcedureService::service_full_name(),
                                     v1::OutcomeService::service_full_name(),
                                     v1::ProceedingService::service_full_name(),
                                     v1::CalendarService::service_full_name(),
                                     v1::DeadlineService::service_full_name(),
                                     v1::ReportService::service_full_name()};
  if (parts->manual_clock != nullptr) {
    served.push_back(test::v1::TestingClockService::service_full_name());
  }
  served.insert(
      served.end(),
      {"grpc.health.v1.Health",
       grpc::reflection::v1::ServerReflection::service_full_name(),
       grpc::reflection::v1alpha::ServerReflection::service_full_name()});
  OGI_ASSIGN_OR_RETURN(
      parts->reflection,
      ReflectionIndex::Create(
          std::move(served), {google::rpc::BadRequest::descriptor()->file()},
          google::protobuf::DescriptorPool::generated_pool()));
  parts->services.push_back(NewReflectionServiceV1(parts->reflection.get()));
  parts->services.push_back(
      NewReflectionServiceV1Alpha(parts->reflection.get()));

  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, credentials, &port);
  for (const auto& service : parts->services) {
    builder.RegisterService(service.get());
  }
  parts->server = builder.BuildAndStart();
  if (parts->server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("--listen: 无法在 ", options.listen, " 上监听"));
  }
  parts->running = true;
  std::unique_ptr<OgiServer> server(new OgiServer(std::move(parts)));
  server->port_ = port;
  server->db_path_ = db_path;
  return server;
}

OgiServer::OgiServer(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

OgiServer::~OgiServer() { Shutdown(absl::Seconds(10)); }

void OgiServer::Shutdown(absl::Duration grace) {
  if (!parts_->running) return;
  parts_->running = false;
  parts_->hub->Shutdown();  // ends the alert streams, which never end alone
  // After `grace` gRPC cancels every call still in flight (unary_call.h): a
  // call still queued for a worker is finished at once and its work will not
  // run; running work sees its cancelled CallToken at its next
  // CheckCallAlive() and returns. So neither Wait() nor the pool waits for
  // more than the work between two checks.
  parts_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  parts_->server->Wait();
  parts_->pool.reset();   // the tasks left belong to finished calls: no-ops
  parts_->store.reset();  // drains the writer, checkpoints, closes
}

absl::StatusOr<v1::IssueTokenResponse> RunAddAdmin(
    const AddAdminOptions& options, const Clock* clock) {
  if (options.user.empty()) {
    return absl::InvalidArgumentError(
        "--user: 必须填写管理员的登录名，例如 admin");
  }
  v1::User user;
  user.set_name(options.user);
  user.set_display_name(options.display_name);
  user.set_agency_code(options.agency_code);
  for (const std::string& name : options.roles) {
    absl::StatusOr<int> role =
        ParseEnumIdentifier(v1::Role_descriptor(), name, "--roles");
    if (!role.ok()) return role.status();
    if (*role != v1::ROLE_ADMINISTRATOR) {
      user.add_roles(static_cast<v1::Role>(*role));
    }
  }
  OGI_ASSIGN_OR_RETURN(std::string db_path,
                       PrepareDatabasePath(options.db_path));
  SqliteStoreOptions store_options;
  store_options.path = db_path;
  store_options.reader_connections = 1;
  OGI_ASSIGN_OR_RETURN(std::unique_ptr<SqliteCaseStore> store,
                       OpenSqliteCaseStore(store_options));
  ServerOptions agency;
  agency.agency_code = options.agency_code;
  agency.agency_name = options.agency_name;
  OGI_RETURN_IF_ERROR(EnsureDefaultAgency(*store, agency));
  AccessManager access(store.get(), store.get(), clock);
  absl::StatusOr<v1::IssueTokenResponse> issued =
      access.Bootstrap(user, options.valid_days);
  if (!issued.ok()) {
    return WithFlagNames(issued.status(),
                         {{"user.name", "--user"},
                          {"user.display_name", "--display_name"},
                          {"valid_days", "--valid_days"}});
  }
  return issued;
}

absl::StatusOr<std::string> RunBackup(const std::string& db_path,
                                      const std::string& out_path) {
  if (out_path.empty()) {
    return absl::InvalidArgumentError("--out: 必须填写备份要写入的新文件");
  }
  absl::StatusOr<BackupSummary> summary = BackupDatabase(db_path, out_path);
  if (!summary.ok()) {
    return WithFlagNames(summary.status(), {{"source_path", "--db"},
                                            {"destination_path", "--out"}});
  }
  auto count = [](int64_t n, absl::string_view one, absl::string_view many) {
    return absl::StrCat(n, " ", n == 1 ? one : many);
  };
  return absl::StrCat(
      "backed up ", db_path, " to ", out_path, ": ",
      count(summary->cases, "case", "cases"), ", ",
      count(summary->case_events, "history event", "history events"), ", ",
      count(summary->agencies, "agency", "agencies"), ", schema version ",
      summary->schema_version, ", ", count(summary->bytes, "byte", "bytes"),
      "; integrity_check ok");
}

}  // namespace ogi
