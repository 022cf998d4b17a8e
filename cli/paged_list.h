#ifndef OGI_CLI_PAGED_LIST_H_
#define OGI_CLI_PAGED_LIST_H_

// Following the pages of a List call (AIP-158, services/common/paging.h):
// the commands that list show the whole list, as they did before the server
// paged it.

#include <set>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cli/client.h"
#include "cli/unary_call.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "services/common/status_macros.h"

namespace ogi::cli {

// The server's largest page (AIP-158 maximum of every list but ListCases):
// fewer round trips for a whole list.
inline constexpr int kLargestPage = 1000;

// Calls `call` with `request` and then with each next_page_token until the
// last page, and returns the pages merged into one response: the repeated
// fields (the list) concatenated in page order, the other fields as the last
// page gave them, next_page_token empty. Each page is one UnaryCall (its
// failure as RpcError); INTERNAL when the server hands out a token twice (which
// would loop). Asks for the largest pages (kLargestPage) unless `request` sets
// a size. `call`: grpc::Status(grpc::ClientContext*, const Request&,
// Response*).
template <typename Response, typename Request, typename Call>
absl::StatusOr<Response> FetchAllPages(const GlobalOptions& options,
                                       Request request, Call&& call) {
  if (request.page_size() == 0) request.set_page_size(kLargestPage);
  Response all;
  std::set<std::string> tokens_seen;
  int pages = 0;
  while (true) {
    OGI_ASSIGN_OR_RETURN(
        Response page,
        UnaryCall<Response>(
            options, [&](grpc::ClientContext* context, Response* response) {
              return call(context, request, response);
            }));
    ++pages;
    std::string next = page.next_page_token();
    all.MergeFrom(page);
    if (next.empty()) break;
    if (!tokens_seen.insert(next).second) {
      return absl::InternalError(absl::StrCat("服务器重复给出翻页标记 \"",
                                              next.substr(0, 40), "\"；已在第 ",
                                              pages, " 页后停止"));
    }
    request.set_page_token(std::move(next));
  }
  all.clear_next_page_token();
  return all;
}

}  // namespace ogi::cli

#endif  // OGI_CLI_PAGED_LIST_H_
