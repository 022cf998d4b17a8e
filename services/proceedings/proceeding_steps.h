#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEPS_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEPS_H_

// The ProceedingService calls that change a case, as pure functions with the
// ApplyStep(request, today, calendar, policy, c) signature of every case
// step (CaseStepRunner runs them like the procedure and outcome steps): each
// validates one request against the case, records it on the case's review or
// lawsuit, refreshes the derived fields of every review and lawsuit of the
// case (RefreshProceedings) and returns the history event to record. Pure;
// thread-safe (each mutates only the case it is given).
//
// Every ApplyStep (review_steps.h, lawsuit_steps.h):
//  - REQUIRES: `c` is the case the request names (its agency_code and the
//    case number in its number or id are not looked up again) and
//    `calendar` is the calendar in force.
//  - On success returns an event with its type and one FieldChange per
//    recorded fact, named by its path in Case, e.g.
//    "reviews[id=2022-0013-R1].copy_received",
//    "lawsuits[id=2022-0013-L1].appeal.result.decision",
//    "re_answers[id=1].due", followed by the derived fields that moved
//    (DiffDerivedProceedingFields: due dates, column, route); values in the
//    canonical text of ogi.v1.FieldChange (ISO dates, enum identifiers such
//    as "revoked", booleans "true"). It does not touch c.deadlines,
//    c.version or timestamps (CaseStepRunner does).
//  - On error leaves `c` unchanged.
//
// Errors, checked in this order:
//  - FAILED_PRECONDITION "案件 2025-0001 尚无收到申请日期（待确认收到）"
//    for a filing on a case not yet received. Any
//    received case may be contested, concluded or not (a review may contest
//    a failure to answer).
//  - INVALID_ARGUMENT "id: ..." for an empty or malformed id, an id of the
//    other kind ("... 是行政诉讼编号，不是行政复议编号") or of another case
//    ("id: "2025-0002-R1" 不是案件 2025-0001 的行政复议").
//  - NOT_FOUND "案件 2025-0001 没有行政复议 2025-0001-R3".
//  - INVALID_ARGUMENT "<field>: <rule>" for the request's own fields: a
//    required date or text unset ("decided: 必须填写"), a date that is not
//    a calendar date or is after `today` ("decided: 2025-10-09 晚于今天
//    （2025-10-01）"; reanswer_due is the exception: it lies ahead), text too
//    long or multi-line where one line is expected, an enum value unknown or
//    not valid for the stage ("decision: claim_dismissed 不是行政复议决定，
//    须为以下之一：upheld, ..."), two fields of the request that
//    contradict each other.
//  - FAILED_PRECONDITION "<field>: <day> 早于<what>（<day>）" for a date
//    before what the case records (the receipt date, the review's or
//    lawsuit's filing, the copy received, the acceptance, the judgment, the
//    appeal), and FAILED_PRECONDITION for a call that does not fit the
//    proceeding's state (see each function).

#include "services/proceedings/lawsuit_steps.h"  // IWYU pragma: export
#include "services/proceedings/review_steps.h"   // IWYU pragma: export

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEPS_H_
