#include "services/server/ogi_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/agencies/agency_service.h"
#include "services/cases/case_manager.h"
#include "services/cases/case_service.h"
#include "services/common/status_macros.h"
#include "services/common/thread_pool.h"
#include "storage/sqlite_case_store.h"

namespace ogi {

// Members in construction order; destroyed in reverse after Shutdown().
struct OgiServer::Parts {
  std::unique_ptr<SqliteCaseStore> store;
  std::unique_ptr<ThreadPool> pool;
  std::unique_ptr<CaseManager> case_manager;
  std::unique_ptr<CaseServiceImpl> case_service;
  std::unique_ptr<AgencyServiceImpl> agency_service;
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
          absl::StrCat("--db: cannot create directory ",
                       absolute.parent_path().string(), ": ", error.message()));
    }
  }
  return absolute.string();
}

}  // namespace

absl::StatusOr<std::unique_ptr<OgiServer>> OgiServer::Start(
    const ServerOptions& options, const Clock* clock) {
  if (options.agency_code.empty()) {
    return absl::InvalidArgumentError("--agency_code: must not be empty");
  }
  if (options.worker_threads < 1 || options.reader_connections < 1) {
    return absl::InvalidArgumentError(
        "--worker_threads and --reader_connections must be at least 1");
  }
  OGI_ASSIGN_OR_RETURN(std::string db_path,
                       PrepareDatabasePath(options.db_path));
  auto parts = std::make_unique<Parts>();
  SqliteStoreOptions store_options;
  store_options.path = db_path;
  store_options.reader_connections = options.reader_connections;
  OGI_ASSIGN_OR_RETURN(parts->store, SqliteCaseStore::Open(store_options));
  OGI_RETURN_IF_ERROR(EnsureDefaultAgency(*parts->store, options));

  parts->pool = std::make_unique<ThreadPool>(options.worker_threads);
  parts->case_manager = std::make_unique<CaseManager>(parts->store.get(), clock,
                                                      options.agency_code);
  parts->case_service = std::make_unique<CaseServiceImpl>(
      parts->case_manager.get(), parts->pool.get());
  parts->agency_service = std::make_unique<AgencyServiceImpl>(
      parts->store.get(), parts->pool.get(), options.agency_code);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(),
                           &port);
  builder.RegisterService(parts->case_service.get());
  builder.RegisterService(parts->agency_service.get());
  parts->server = builder.BuildAndStart();
  if (parts->server == nullptr || port == 0) {
    return absl::UnavailableError(
        absl::StrCat("--listen: cannot listen on ", options.listen));
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
  parts_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  parts_->server->Wait();
  parts_->pool.reset();   // runs anything still queued
  parts_->store.reset();  // drains the writer, checkpoints, closes
}

}  // namespace ogi
