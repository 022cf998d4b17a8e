// The database holds applicants' ID and phone numbers: the real ogi-server
// and `ogi-server add-admin`, started under the usual umask 022, create the
// database, its -wal and -shm with mode 0600; a database that group or others
// can read is refused at start, naming the file and the chmod that fixes it.

#include <sys/stat.h>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerBinary;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::HasSubstr;

// The permission bits of `path`, or -1 when it does not exist.
int ModeOf(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 07777);
}

class PrivateFilesEndToEndTest : public ::testing::Test {
 protected:
  // The server and add-admin inherit this process's umask.
  void SetUp() override { old_umask_ = ::umask(022); }
  void TearDown() override { ::umask(old_umask_); }

  mode_t old_umask_ = 0;
};

TEST_F(PrivateFilesEndToEndTest, DatabaseMadeUnderUmask022IsOwnerOnly) {
  const ::ogi::testing::TempDir tmp;
  const std::string db = tmp.File("data/ogi.db");
  auto server = ServerProcess::Start(db);
  ASSERT_THAT(server, IsOk());
  ASSERT_FALSE(server->token().empty()) << server->Log();
  // A write, so that the WAL holds an applicant's details.
  ::ogi::testing::RunOgiCliOk(
      *server,
      {"case", "create", "--applicant-name", "张三", "--applicant-type",
       "natural_person", "--channel", "in_person", "--received", "2026-12-01",
       "--phone", "13800000000", "--description", "2025年度行政许可办理情况"});
  EXPECT_EQ(ModeOf(db), 0600);
  EXPECT_EQ(ModeOf(db + "-wal"), 0600);
  EXPECT_EQ(ModeOf(db + "-shm"), 0600);
  ASSERT_THAT(server->Stop(), IsOk());
  EXPECT_EQ(ModeOf(db), 0600);
}

TEST_F(PrivateFilesEndToEndTest, ReadableDatabaseIsRefusedAtStart) {
  const ::ogi::testing::TempDir tmp;
  const std::string db = tmp.File("ogi.db");
  {
    auto server = ServerProcess::Start(db);
    ASSERT_THAT(server, IsOk());
    ASSERT_THAT(server->Stop(), IsOk());
  }
  ASSERT_EQ(::chmod(db.c_str(), 0644), 0);

  const std::vector<std::string> commands[] = {
      {ServerBinary(), "--listen=127.0.0.1:0", "--db=" + db},
      {ServerBinary(), "add-admin", "--db=" + db, "--user=admin2"},
  };
  for (const std::vector<std::string>& command : commands) {
    SCOPED_TRACE(command[1]);
    absl::StatusOr<CommandResult> refused =
        ::ogi::testing::RunCommand(command, {}, absl::Seconds(30));
    ASSERT_THAT(refused, IsOk());
    EXPECT_NE(refused->exit_code, 0);
    EXPECT_THAT(refused->err,
                AllOf(HasSubstr("数据库文件 " + db + " 的权限为 0644"),
                      HasSubstr("chmod 600 " + db)));
    EXPECT_THAT(refused->err, ::testing::Not(HasSubstr("listening on")));
  }
  // Refused, not altered; once private, the server serves it again.
  EXPECT_EQ(ModeOf(db), 0644);
  ASSERT_EQ(::chmod(db.c_str(), 0600), 0);
  auto server = ServerProcess::Start(db);
  ASSERT_THAT(server, IsOk());
  EXPECT_THAT(server->Log(), HasSubstr("listening on"));
}

}  // namespace
}  // namespace ogi
