#!/usr/bin/python3
"""Checks that every #include of ogi's own code runs downward (README, "Layout").

Layers, lowest first; a file may include its own layer and the layers below:

  0 proto        generated messages and stubs (ogi/v1/..., google/..., grpc/...)
  1 common       services/common/         ground floor: dates, text, status
  2 storage      storage/                 stores what it is given
  3 logic        services/<slice>/*       the slices' pure rules
  4 manager      services/<slice>/*_manager.* and the files in MANAGER_FILES
  5 rpc          services/rpc/            the call edge every adapter uses
  6 adapter      services/<slice>/*_service.*
  7 server       services/server/         assembly of the server
  8 cli          cli/                     the client: common and pure logic only

Within the logic, manager and adapter layers a slice includes only slices
listed before it in SLICE_ORDER (or itself): the slices form no circle.
storage includes only common; cli only common and pure logic.

Usage: include_order_test.py REPO_ROOT   (ctest runs it; exit 1 names each
offending file:line). `include_order_test.py --self-test` checks the checker.
"""

import os
import re
import sys
import unittest

# Slices, in the order they may depend on each other (later on earlier).
SLICE_ORDER = [
    "calendar", "deadlines", "cases", "proceedings", "outcomes", "procedure",
    "alerts", "access", "agencies", "report",
]

# Files that orchestrate stores and other slices without being named
# *_manager: they belong to the manager layer of their slice.
MANAGER_FILES = {
    "services/alerts/alert_hub",
    "services/cases/case_step_runner",
    "services/report/document_register",
}

LAYER_NAMES = ["proto", "common", "storage", "logic", "manager", "rpc",
               "adapter", "server", "cli"]
PROTO, COMMON, STORAGE, LOGIC, MANAGER, RPC, ADAPTER, SERVER, CLI = range(9)

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
OWN_ROOTS = ("services/", "storage/", "cli/")


def classify(path):
    """(layer, slice) of a repository path; slice is None outside slices."""
    if path.startswith("services/common/"):
        return COMMON, None
    if path.startswith("storage/"):
        return STORAGE, None
    if path.startswith("services/rpc/"):
        return RPC, None
    if path.startswith("services/server/"):
        return SERVER, None
    if path.startswith("cli/"):
        return CLI, None
    if path.startswith("services/"):
        parts = path.split("/")
        slice_name = parts[1]
        if slice_name not in SLICE_ORDER:
            raise ValueError(f"{path}: 未列入 SLICE_ORDER 的切片 {slice_name}")
        stem = os.path.splitext(path)[0]
        base = os.path.basename(stem)
        if base.endswith("_service"):
            return ADAPTER, slice_name
        if base.endswith("_manager") or stem in MANAGER_FILES:
            return MANAGER, slice_name
        return LOGIC, slice_name
    return PROTO, None


def violation(source, target):
    """Why `source` may not include `target`, or None when it may."""
    src_layer, src_slice = classify(source)
    dst_layer, dst_slice = classify(target)
    if dst_layer == PROTO:
        return None
    if src_layer == STORAGE and dst_layer not in (COMMON, STORAGE):
        return "storage 只可包含 services/common 与 storage"
    if src_layer == CLI and dst_layer not in (COMMON, LOGIC, CLI):
        return "cli 只可包含 services/common、各切片的纯逻辑与 cli"
    if dst_layer > src_layer:
        return (f"{LAYER_NAMES[src_layer]} 层包含了更高的 "
                f"{LAYER_NAMES[dst_layer]} 层")
    if (src_slice and dst_slice and src_slice != dst_slice
            and dst_layer == src_layer
            and SLICE_ORDER.index(dst_slice) > SLICE_ORDER.index(src_slice)):
        return (f"切片 {src_slice} 的 {LAYER_NAMES[src_layer]} 包含了排在其后的"
                f"切片 {dst_slice}（SLICE_ORDER）")
    return None


def own_sources(root):
    for top in OWN_ROOTS:
        for directory, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith((".h", ".cc")):
                    full = os.path.join(directory, name)
                    yield os.path.relpath(full, root)


def check(root, files=None):
    """Every breach as 'file:line: #include "x": reason', sorted."""
    problems = []
    for path in sorted(files if files is not None else own_sources(root)):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                match = INCLUDE.match(line)
                if not match or not match.group(1).startswith(OWN_ROOTS):
                    continue
                reason = violation(path, match.group(1))
                if reason:
                    problems.append(
                        f'{path}:{number}: #include "{match.group(1)}": {reason}')
    return problems


class CheckerTest(unittest.TestCase):
    """The checker itself: each rule fails on a made-up breach."""

    def assertBreach(self, source, target):
        self.assertIsNotNone(violation(source, target), f"{source} -> {target}")

    def assertAllowed(self, source, target):
        self.assertIsNone(violation(source, target), f"{source} -> {target}")

    def test_storage_reaches_only_the_ground_floor(self):
        self.assertAllowed("storage/a.cc", "services/common/civil_date.h")
        self.assertBreach("storage/a.cc", "services/proceedings/open_duties.h")

    def test_slices_do_not_include_the_server(self):
        self.assertAllowed("services/cases/case_service.h",
                           "services/rpc/unary_call.h")
        self.assertBreach("services/cases/case_service.h",
                          "services/server/ogi_server.h")
        self.assertBreach("services/cases/case_manager.h",
                          "services/rpc/unary_call.h")

    def test_slices_run_one_way(self):
        self.assertAllowed("services/cases/case_clock.h",
                           "services/calendar/working_calendar.h")
        self.assertBreach("services/calendar/working_calendar.cc",
                          "services/cases/case_clock.h")
        self.assertBreach("services/calendar/calendar_manager.cc",
                          "services/cases/case_manager.h")
        self.assertAllowed("services/calendar/calendar_manager.cc",
                           "services/cases/case_clock.h")

    def test_logic_does_not_include_managers(self):
        self.assertBreach("services/report/report_rows.cc",
                          "services/report/report_manager.h")

    def test_cli_is_a_client(self):
        self.assertAllowed("cli/a.cc", "services/calendar/json_bounds.h")
        self.assertBreach("cli/a.cc", "services/cases/case_manager.h")
        self.assertBreach("cli/a.cc", "storage/case_store.h")

    def test_a_breach_names_file_and_line(self):
        import tempfile
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "storage"))
            with open(os.path.join(root, "storage", "x.cc"), "w") as f:
                f.write('#include "storage/x.h"\n'
                        '#include "services/cases/case_manager.h"\n')
            problems = check(root)
        self.assertEqual(len(problems), 1)
        self.assertTrue(problems[0].startswith(
            'storage/x.cc:2: #include "services/cases/case_manager.h"'),
            problems[0])


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        result = unittest.main(argv=argv[:1], exit=False).result
        return 0 if result.wasSuccessful() else 1
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} 处包含违反了分层顺序（见 README「Layout」）",
              file=sys.stderr)
        return 1
    print(f"分层顺序：{sum(1 for _ in own_sources(argv[1]))} 个源文件均只向下包含")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
