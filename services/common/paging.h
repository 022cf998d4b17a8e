#ifndef OGI_SERVICES_COMMON_PAGING_H_
#define OGI_SERVICES_COMMON_PAGING_H_

// Paging of every List call (AIP-158), in one place.
//
// A request carries `int32 page_size` and `string page_token`; its response
// carries `string next_page_token`, empty on the last page. page_size 0 gives
// the list's default (100), larger values than its maximum (1000) are
// coerced to the maximum, negative ones are refused. A page also ends early
// so that the response stays under kMaxPageBytes (3.5 MB, under gRPC's
// default 4 MB receive limit of every client), but always holds at least
// one entry, so that paging always moves on.
//
// The token is opaque to clients: base64url of a small binary struct
// (format version, the position where the next page starts, a fingerprint
// of the list and of the request with its paging fields cleared, and a check
// value). A token is refused with INVALID_ARGUMENT "page_token: 无效" when it
// does not decode or its check fails, and with "page_token: 与本次查询条件不
// 符" when it came from another list or a request with other filters
// (AIP-158: the other fields must stay unchanged). The token is no security
// boundary: it only says where to go on; the caller's access is checked on
// every call, and a forged position yields no more than the caller may read.
//
// The position is a list's own choice: an offset into a stably ordered list
// computed in memory (KeepPage/MovePage below), or a key such as a row id
// (ListCases). What an offset means when entries are added or removed
// between two pages is documented by each list; AIP-158 allows entries to
// be skipped or repeated then.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace ogi {

inline constexpr int kDefaultPageSize = 100;
inline constexpr int kMaxPageSize = 1000;
// The largest response a page may make, in serialized bytes.
inline constexpr size_t kMaxPageBytes = 3584 * 1024;  // 3.5 MiB
// What a page keeps free of kMaxPageBytes for the response's fields beside
// its list (the next page token, a date, an agency code: all short).
inline constexpr size_t kPageResponseReserve = 16 * 1024;

// How a list reads page_size. AIP-158 coerces values above the maximum;
// ListCases keeps the rule it documented first (0: 50, at most 500, larger
// values refused).
struct PageRules {
  int default_size = kDefaultPageSize;
  int max_size = kMaxPageSize;
  bool refuse_oversize = false;
};

// Where one page starts and how many entries it may hold, read from a
// request; makes the token of the page after it. Immutable; thread-safe.
class PageRequest {
 public:
  // Reads the fields "page_size" (int32) and "page_token" (string) of
  // `request`. `list` names the list (e.g. "ListUsers"; lists that share a
  // request type must differ) and, with `request` less its paging fields,
  // makes the fingerprint a token must match. INVALID_ARGUMENT, naming every
  // wrong field: "page_size: …" for a negative size (or, with
  // rules.refuse_oversize, one above the maximum), "page_token: 无效" for a
  // token this server did not make, "page_token: 与本次查询条件不符" for a
  // token of another list or query.
  // REQUIRES: `request` has both fields (a programmer error otherwise).
  static absl::StatusOr<PageRequest> Parse(
      const google::protobuf::Message& request, absl::string_view list,
      const PageRules& rules = PageRules());

  // The most entries this page may hold: 1..rules.max_size.
  int size() const { return size_; }
  // Where this page starts: 0 for the first page, else the position a
  // previous page's NextToken was given.
  int64_t position() const { return position_; }

  // The token of the page that starts at `next_position` of this list and
  // query. REQUIRES: next_position > 0.
  std::string NextToken(int64_t next_position) const;

 private:
  PageRequest(int size, int64_t position, uint64_t fingerprint)
      : size_(size), position_(position), fingerprint_(fingerprint) {}

  int size_;
  int64_t position_;
  uint64_t fingerprint_;
};

// Counts the entries of one page against its size and byte budget. Not
// thread-safe (one per page).
class PageBudget {
 public:
  // At most `size` entries, and entries whose serialized bytes, with the
  // bytes that frame each in the response, stay within `max_bytes` less
  // kPageResponseReserve.
  explicit PageBudget(int size, size_t max_bytes = kMaxPageBytes)
      : size_(size),
        max_bytes_(max_bytes > kPageResponseReserve
                       ? max_bytes - kPageResponseReserve
                       : 0) {}

  // True, and counts the entry, when one of `entry_bytes` (its
  // ByteSizeLong()) still fits; the first entry always fits. False once the
  // page is full.
  bool Admit(size_t entry_bytes);

  int count() const { return count_; }

 private:
  const int size_;
  const size_t max_bytes_;
  int count_ = 0;
  size_t bytes_ = 0;
};

// For a list computed in memory, in its stable order: keeps in `entries`
// only the page that starts at offset page.position(), within page.size()
// and the byte budget, and returns the next page's token ("" when the page
// ends the list; a position past the end gives an empty last page).
template <typename Entry>
std::string KeepPage(const PageRequest& page,
                     google::protobuf::RepeatedPtrField<Entry>* entries,
                     size_t max_bytes = kMaxPageBytes) {
  const int64_t total = entries->size();
  const int64_t start = std::min<int64_t>(page.position(), total);
  PageBudget budget(page.size(), max_bytes);
  int64_t end = start;
  while (end < total && budget.Admit(entries->Get(end).ByteSizeLong())) ++end;
  if (end < total) {
    entries->DeleteSubrange(static_cast<int>(end),
                            static_cast<int>(total - end));
  }
  if (start > 0) entries->DeleteSubrange(0, static_cast<int>(start));
  return end < total ? page.NextToken(end) : std::string();
}

// As KeepPage, but moves the page out of `all` (the whole list) into `out`.
template <typename Entry>
std::string MovePage(const PageRequest& page, std::vector<Entry>& all,
                     google::protobuf::RepeatedPtrField<Entry>* out,
                     size_t max_bytes = kMaxPageBytes) {
  const int64_t total = static_cast<int64_t>(all.size());
  int64_t next = std::min<int64_t>(page.position(), total);
  PageBudget budget(page.size(), max_bytes);
  while (next < total && budget.Admit(all[next].ByteSizeLong())) {
    *out->Add() = std::move(all[next]);
    ++next;
  }
  return next < total ? page.NextToken(next) : std::string();
}

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_PAGING_H_
