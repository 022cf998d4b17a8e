#ifndef OGI_TESTS_COMMON_TEMP_DIR_H_
#define OGI_TESTS_COMMON_TEMP_DIR_H_

// The one temporary directory type of the tests and benchmarks.
//
// A TempDir is a fresh, empty directory named ogi-test-XXXXXX under
// $TEST_TMPDIR when that is set (point it at an empty folder to check that a
// run leaves nothing behind), else under the system's temporary directory
// ($TMPDIR, else /tmp). It is removed with everything in it when the object
// goes, so a test that holds one leaves nothing behind. Declare it before
// anything that uses the directory (e.g. a ServerProcess whose database lives
// there), so that it is destroyed after them. Header-only, so that any test
// binary can use it without linking a library. Not thread-safe.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace ogi::testing {

class TempDir {
 public:
  // Creates the directory; aborts (naming the parent) when it cannot, since
  // no test can run without it.
  TempDir() {
    const char* base = std::getenv("TEST_TMPDIR");
    std::error_code error;
    const std::string parent =
        base != nullptr && *base != '\0'
            ? std::string(base)
            : std::filesystem::temp_directory_path(error).string();
    std::string pattern =
        (parent.empty() ? "/tmp" : parent) + "/ogi-test-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (mkdtemp(name.data()) == nullptr) {
      std::fprintf(stderr, "cannot create a temporary directory %s\n",
                   pattern.c_str());
      std::abort();
    }
    path_ = name.data();
  }

  ~TempDir() { Remove(); }

  TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, "")) {}
  TempDir& operator=(TempDir&& other) noexcept {
    if (this != &other) {
      Remove();
      path_ = std::exchange(other.path_, "");
    }
    return *this;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The directory's absolute path, without a trailing slash.
  const std::string& path() const { return path_; }

  // `relative` (e.g. "ogi.db", "data/ogi.db") inside the directory. The file
  // and its parent folders are not created.
  std::string File(std::string_view relative) const {
    return path_ + "/" + std::string(relative);
  }

  // Leaves the directory in place when the object goes and returns its path:
  // for benchmarks, which keep a failed run's database for a look and remove
  // it themselves after a good run. Tests never keep.
  std::string Keep() { return std::exchange(path_, ""); }

 private:
  void Remove() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
    path_.clear();
  }

  std::string path_;
};

}  // namespace ogi::testing

#endif  // OGI_TESTS_COMMON_TEMP_DIR_H_
