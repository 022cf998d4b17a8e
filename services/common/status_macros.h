#ifndef OGI_SERVICES_COMMON_STATUS_MACROS_H_
#define OGI_SERVICES_COMMON_STATUS_MACROS_H_

// Early-return helpers for absl::Status / absl::StatusOr (Abseil 20220623 does
// not ship them publicly).

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns from the enclosing function when `expr` (an absl::Status) is not OK.
#define OGI_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::absl::Status ogi_status_ = (expr);       \
    if (!ogi_status_.ok()) return ogi_status_; \
  } while (0)

// `OGI_ASSIGN_OR_RETURN(T x, expr);` declares or assigns `x` from the value of
// the absl::StatusOr `expr`, or returns its error.
#define OGI_ASSIGN_OR_RETURN(lhs, expr)                                        \
  OGI_ASSIGN_OR_RETURN_IMPL_(OGI_STATUS_CONCAT_(ogi_statusor_, __LINE__), lhs, \
                             expr)

#define OGI_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr)    \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(*statusor)

#define OGI_STATUS_CONCAT_(a, b) OGI_STATUS_CONCAT_INNER_(a, b)
#define OGI_STATUS_CONCAT_INNER_(a, b) a##b

#endif  // OGI_SERVICES_COMMON_STATUS_MACROS_H_
