#!/usr/bin/python3
"""The ogi API as an outside integrator meets it (issue 12's acceptance test).

The client is off the shelf: Debian's python3-grpcio and python3-protobuf.
It knows ogi only from a FileDescriptorSet of proto/ (built by CMake with
protoc --include_imports; no generated code) and, for the reflection checks,
from what the server's reflection answers. Nothing of the project's own code
runs on the client side.

The test starts its own ogi-server on 127.0.0.1 port 0, on a manual clock
(--fake_clock_start), over a fresh database into which ogi_seed_cases first
wrote --cases open, overdue applications (so ListDeadlines has that many
alerts), and stops it with SIGTERM (SIGKILL when it does not stop in time).
The shutdown check runs a second server on a copy of that database.

One test per numbered fault of the issue; each asserts the fixed behaviour.

Run by ctest (tests/api/CMakeLists.txt), or by hand:
  /usr/bin/python3 tests/api/outside_client_test.py \
      --server=build/services/server/ogi-server \
      --seed_tool=build/tests/api/ogi_seed_cases \
      --descriptor_set=build/tests/api/ogi_api.desc [--cases=100000] [-v]
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import grpc
from google.protobuf import descriptor_pb2
from google.protobuf import descriptor_pool
from google.protobuf import json_format
from google.protobuf import message_factory

# Set by main() from the command line.
OPTIONS = None

# The manual clock's start: "today" for every request, and the day the seed
# tool computes the seeded cases' deadlines for.
FAKE_CLOCK_START = "2025-12-15T10:00:00+08:00"
TODAY = {"year": 2025, "month": 12, "day": 15}

# gRPC's default receive limit, which grpcio keeps unless told otherwise.
DEFAULT_MAX_RECEIVE = 4 * 1024 * 1024

# 100,000 characters: the long value.
LONG = 100_000

# Per-call deadline for ordinary calls (seconds).
CALL_TIMEOUT = 30


def log(text):
    """Progress and measured figures, on stderr (ctest shows it on failure,
    and always with --output-on-failure -V)."""
    print(f"outside_client_test: {text}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# The server under test.


class ServerProcess:
    """One ogi-server child on a free loopback port, with an administrator's
    token from `ogi-server add-admin`."""

    def __init__(self, db_path, extra_args=(), start_timeout=120):
        binary = OPTIONS.server
        added = subprocess.run(
            [binary, "add-admin", f"--db={db_path}", "--user=tester",
             "--display_name=王科员", "--valid_days=366",
             "--roles=clerk,approver,legal,statistician,auditor"],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
            check=False)
        if added.returncode != 0:
            raise RuntimeError(
                f"ogi-server add-admin failed: {added.stderr.decode()}")
        self.token = added.stdout.decode().strip()
        self.address = None
        self._lines = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self.proc = subprocess.Popen(
            [binary, "--listen=127.0.0.1:0", f"--db={db_path}", *extra_args],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        # The log is drained continuously so a talkative server never blocks
        # on a full pipe; the "listening on HOST:PORT," line gives the port.
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        started = time.monotonic()
        if not self._ready.wait(start_timeout) or self.address is None:
            self.kill()
            raise RuntimeError(f"ogi-server did not start:\n{self.log()}")
        log(f"ogi-server {self.address} ready in "
            f"{time.monotonic() - started:.1f} s ({' '.join(extra_args)})")

    def _read_log(self):
        marker = "listening on "
        for raw in self.proc.stderr:
            line = raw.decode(errors="replace")
            with self._lock:
                self._lines.append(line)
            if self.address is None and marker in line:
                rest = line.split(marker, 1)[1]
                self.address = rest.split(",", 1)[0].strip()
                self._ready.set()
        self._ready.set()  # EOF: the process is gone

    def log(self):
        with self._lock:
            return "".join(self._lines)

    def cpu_seconds(self):
        """User plus system CPU time the server has used so far."""
        with open(f"/proc/{self.proc.pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self, timeout):
        """SIGTERM, then waits up to `timeout` seconds. Returns (exit code or
        None when it had to be killed, seconds from SIGTERM to exit)."""
        if self.proc.poll() is not None:
            return self.proc.returncode, 0.0
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None, time.monotonic() - started
        return code, time.monotonic() - started

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)
        self._reader.join(10)


# ---------------------------------------------------------------------------
# A client built from the descriptor set alone.


class Api:
    """Message classes from the FileDescriptorSet, calls by full method name
    ("ogi.v1.CaseService.GetCase") over one channel with grpcio's defaults."""

    def __init__(self, descriptor_set_path, server):
        with open(descriptor_set_path, "rb") as f:
            files = descriptor_pb2.FileDescriptorSet.FromString(f.read())
        self.pool = descriptor_pool.DescriptorPool()
        for file_proto in files.file:  # dependencies first (protoc's order)
            self.pool.Add(file_proto)
        self.factory = message_factory.MessageFactory(self.pool)
        self.server = server
        self.channel = grpc.insecure_channel(server.address)
        grpc.channel_ready_future(self.channel).result(timeout=30)
        self.auth = (("authorization", f"Bearer {server.token}"),)

    def close(self):
        self.channel.close()

    def message_class(self, full_name):
        return self.factory.GetPrototype(
            self.pool.FindMessageTypeByName(full_name))

    def message(self, full_name, fields=None):
        msg = self.message_class(full_name)()
        if fields:
            json_format.ParseDict(fields, msg)
        return msg

    def _method(self, full_method):
        service, name = full_method.rsplit(".", 1)
        method = self.pool.FindServiceByName(service).FindMethodByName(name)
        return (f"/{service}/{name}",
                self.factory.GetPrototype(method.input_type),
                self.factory.GetPrototype(method.output_type))

    def request(self, full_method, fields=None):
        _, request_class, _ = self._method(full_method)
        msg = request_class()
        if fields:
            json_format.ParseDict(fields, msg)
        return msg

    def call(self, full_method, fields=None, request=None,
             timeout=CALL_TIMEOUT):
        """The response, or raises grpc.RpcError."""
        path, request_class, response_class = self._method(full_method)
        if request is None:
            request = request_class()
            if fields:
                json_format.ParseDict(fields, request)
        stub = self.channel.unary_unary(
            path, request_serializer=request_class.SerializeToString,
            response_deserializer=response_class.FromString)
        return stub(request, timeout=timeout, metadata=self.auth)

    def future(self, full_method, fields, timeout):
        path, request_class, response_class = self._method(full_method)
        request = request_class()
        json_format.ParseDict(fields, request)
        stub = self.channel.unary_unary(
            path, request_serializer=request_class.SerializeToString,
            response_deserializer=response_class.FromString)
        return stub.future(request, timeout=timeout, metadata=self.auth)

    def raw_call(self, path, payload, timeout=CALL_TIMEOUT):
        """Sends `payload` bytes as the request of `path` (no encoding)."""
        stub = self.channel.unary_unary(
            path, request_serializer=lambda b: b,
            response_deserializer=lambda b: b)
        return stub(payload, timeout=timeout, metadata=self.auth)

    def error(self, full_method, fields=None, request=None,
              timeout=CALL_TIMEOUT):
        """The grpc.RpcError the call fails with, or None when it succeeds."""
        try:
            self.call(full_method, fields, request, timeout)
        except grpc.RpcError as e:
            return e
        return None

    def reflect(self, version, requests, timeout=60):
        """Sends `requests` (dicts) on one ServerReflectionInfo stream, without
        a token (reflection describes the API, never data), and returns the
        responses in order."""
        package = f"grpc.reflection.{version}"
        request_class = self.message_class(
            f"{package}.ServerReflectionRequest")
        response_class = self.message_class(
            f"{package}.ServerReflectionResponse")
        stub = self.channel.stream_stream(
            f"/{package}.ServerReflection/ServerReflectionInfo",
            request_serializer=request_class.SerializeToString,
            response_deserializer=response_class.FromString)
        messages = [json_format.ParseDict(r, request_class())
                    for r in requests]
        return list(stub(iter(messages), timeout=timeout))


SERVER = None
API = None
WORK_DIR = None
SHUTDOWN_DB = None


def seed(db_path, cases):
    started = time.monotonic()
    done = subprocess.run(
        [OPTIONS.seed_tool, f"--db={db_path}", f"--cases={cases}",
         "--today=" + FAKE_CLOCK_START[:10]],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=300,
        check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ogi_seed_cases failed: {done.stderr.decode()}")
    log(f"{done.stdout.decode().strip()} "
        f"(wall {time.monotonic() - started:.1f} s)")


def setUpModule():  # pylint: disable=invalid-name
    global SERVER, API, WORK_DIR, SHUTDOWN_DB
    # Under $TEST_TMPDIR when set (else the system's temporary directory),
    # and removed at the end even when this setup fails half-way (unittest
    # runs module cleanups then, but not tearDownModule).
    WORK_DIR = tempfile.mkdtemp(prefix="ogi-test-",
                                dir=os.environ.get("TEST_TMPDIR") or None)
    unittest.addModuleCleanup(shutil.rmtree, WORK_DIR, ignore_errors=True)
    db_path = os.path.join(WORK_DIR, "ogi.db")
    seed(db_path, OPTIONS.cases)
    SHUTDOWN_DB = os.path.join(WORK_DIR, "shutdown.db")
    shutil.copyfile(db_path, SHUTDOWN_DB)
    os.chmod(SHUTDOWN_DB, 0o600)  # ogi-server refuses a readable database
    SERVER = ServerProcess(db_path, [f"--fake_clock_start={FAKE_CLOCK_START}"])
    API = Api(OPTIONS.descriptor_set, SERVER)


def tearDownModule():  # pylint: disable=invalid-name
    if API is not None:
        API.close()
    if SERVER is not None:
        code, seconds = SERVER.stop(timeout=30)
        log(f"main server stopped: exit {code} after {seconds:.1f} s")


# ---------------------------------------------------------------------------
# Shared fixtures and checks.


def new_case(delivery_method="DELIVERY_METHOD_SELF_PICKUP"):
    """Logs an application received in person today; returns its number."""
    response = API.call("ogi.v1.CaseService.CreateCase", {"case": {
        "applicant": {"name": "李华",
                      "type": "APPLICANT_TYPE_NATURAL_PERSON"},
        "channel": "CHANNEL_IN_PERSON",
        "items": [{"description": "2024年度本机关行政处罚决定书目录"}],
        "requested_form": "REQUESTED_FORM_PAPER",
        "delivery_method": delivery_method,
    }})
    return response.case.number


def resident_id(area, birth, sequence):
    """An 18-character resident ID with a valid ISO 7064 MOD 11-2 check
    digit, whatever the birth date says."""
    body = f"{area}{birth}{sequence}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights))
    return body + "10X98765432"[total % 11]


def status_details(error):
    """The google.rpc.Status of the error's grpc-status-details-bin trailer,
    or None."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            return API.message_class("google.rpc.Status").FromString(value)
    return None


class OutsideClientTestCase(unittest.TestCase):
    maxDiff = 2000

    def assertCode(self, error, code, context):
        self.assertIsNotNone(error, f"{context}: the call succeeded")
        self.assertEqual(
            error.code(), code,
            f"{context}: {error.code()} {error.details()[:300]!r}")

    def call(self, full_method, fields=None, request=None,
             timeout=CALL_TIMEOUT):
        """API.call, failing the test (with the status) when the call
        fails."""
        try:
            return API.call(full_method, fields, request, timeout)
        except grpc.RpcError as e:
            self.fail(f"{full_method}: {e.code()} {e.details()[:300]!r}")

    def assertStillServing(self):
        who = self.call("ogi.v1.AccessService.WhoAmI")
        self.assertEqual(who.user.name, "tester")


# ---------------------------------------------------------------------------
# 1. Long input echoed into error messages.


class LongValuesTest(OutsideClientTestCase):

    def test_1_long_values_are_refused_with_a_short_message(self):
        number = new_case()
        long_text = "a" * LONG
        long_digits = "9" * LONG

        def mask_request():
            request = API.request("ogi.v1.CaseService.UpdateCase", {
                "number": number, "reason": "更正申请人姓名",
                "case": {"applicant": {"name": "李华"}}})
            request.update_mask.paths.append(long_text)
            return request

        cases = [
            ("GetCase agency_code", "ogi.v1.CaseService.GetCase",
             {"agency_code": long_text, "number": number}, long_text,
             "agency_code"),
            ("GetCase number", "ogi.v1.CaseService.GetCase",
             {"number": long_text}, long_text, "number"),
            ("UpdateCase update_mask.paths", "ogi.v1.CaseService.UpdateCase",
             mask_request, long_text, "update_mask"),
            ("RecordReviewProgress id",
             "ogi.v1.ProceedingService.RecordReviewProgress",
             {"id": long_text}, long_text, "id"),
            ("DecideReview id", "ogi.v1.ProceedingService.DecideReview",
             {"id": long_text, "decision": "PROCEEDING_DECISION_UPHELD",
              "decided": TODAY}, long_text, "id"),
            ("GetCell row", "ogi.v1.ReportService.GetCell",
             {"year": 2025, "cell": {"table": 3, "row": long_text,
                                     "column": "natural_person"}}, long_text,
             "cell.row"),
            ("SetFigures fees_wan_yuan", "ogi.v1.ReportService.SetFigures",
             {"year": 2025, "figures": {"fees_wan_yuan": long_digits}},
             long_digits, "figures.fees_wan_yuan"),
            ("RevokeToken token_id", "ogi.v1.AccessService.RevokeToken",
             {"token_id": long_text}, long_text, "token_id"),
            ("LoadCalendar year key", "ogi.v1.CalendarService.LoadCalendar",
             {"json": json.dumps({"2" * LONG: {"notices": ["通知"]}})},
             "2" * LONG, "json"),
        ]
        for name, method, fields, value, field in cases:
            with self.subTest(name):
                started = time.monotonic()
                if callable(fields):
                    error = API.error(method, request=fields())
                else:
                    error = API.error(method, fields)
                self.assertCode(error, grpc.StatusCode.INVALID_ARGUMENT, name)
                message = error.details()
                self.assertLess(len(message.encode()), 1024, name)
                self.assertNotIn(value[:200], message, name)
                # "field: rule", the field being the request's field path.
                self.assertTrue(message.startswith(field), message)
                # Nor do the trailers (the details) carry it.
                trailers = error.trailing_metadata() or ()
                self.assertLess(sum(len(k) + len(v) for k, v in trailers),
                                4096, name)
                for _, v in trailers:
                    raw = v if isinstance(v, bytes) else v.encode()
                    self.assertNotIn(value[:200].encode(), raw, name)
                log(f"{name}: {error.code().name} in "
                    f"{time.monotonic() - started:.2f} s: {message[:120]!r}")
                # The channel still works: the next call succeeds.
                self.assertStillServing()


# ---------------------------------------------------------------------------
# 2. Deeply nested JSON; work that honours the call's deadline.


# The repository's own calendar file (what `ogi calendar load` reads).
CALENDAR_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "..", "deploy", "calendar",
                             "cn-holidays.json")


def corrected_2025(last_day_off, makeup_workdays):
    """2025 as shipped, but with the 国庆节、中秋节 break ending on
    `last_day_off` and only the given make-up working days (a correction
    notice): a legal calendar file that moves the answer due dates of many
    seeded cases, so loading it recomputes every open case and records a
    history event on each one that changes — the heaviest legal work found
    (2–4 s of CPU for 100,000 open cases on a 2-core machine; reports and
    listings take well under 1 s)."""
    with open(CALENDAR_FILE, encoding="utf-8") as f:
        year = json.load(f)["2025"]
    first = datetime.date(2025, 10, 1)
    days = [first + datetime.timedelta(days=i) for i in range(
        (datetime.date.fromisoformat(last_day_off) - first).days + 1)]
    for holiday in year["holidays"]:
        if holiday["name"].startswith("国庆"):
            holiday.update({"to": last_day_off, "days": len(days)})
    year["off_days"] = sorted(
        set(year["off_days"]) | {d.isoformat() for d in days})
    year["weekday_off_days"] = sorted(
        set(year["weekday_off_days"])
        | {d.isoformat() for d in days if d.weekday() < 5})
    year["makeup_workdays"] = makeup_workdays
    year["notices"].append("国办发明电〔2025〕99号 (2025-09-01)")
    return {"json": json.dumps({"2025": year}, ensure_ascii=False)}


def heavy_requests():
    """Legal requests that keep the server busy for seconds over the seeded
    cases: loading a corrected 2025 (two alternatives, so that each load
    changes the due dates again), with a deadline listing and the report."""
    return [
        ("LoadCalendar corrected 2025",
         "ogi.v1.CalendarService.LoadCalendar",
         corrected_2025("2025-10-10", ["2025-01-26", "2025-02-08",
                                       "2025-04-27"])),
        ("LoadCalendar shipped 2025", "ogi.v1.CalendarService.LoadCalendar",
         corrected_2025("2025-10-08", ["2025-01-26", "2025-02-08",
                                       "2025-04-27", "2025-09-28",
                                       "2025-10-11"])),
        ("ListDeadlines within 60", "ogi.v1.DeadlineService.ListDeadlines",
         {"within_working_days": 60, "page_size": 1000}),
        ("GetReport 2025", "ogi.v1.ReportService.GetReport", {"year": 2025}),
    ]


class NestedJsonAndDeadlineTest(OutsideClientTestCase):

    def test_2a_deeply_nested_json_is_refused_quickly(self):
        started = time.monotonic()
        error = API.error("ogi.v1.CalendarService.LoadCalendar",
                          {"json": "[" * LONG + "]" * LONG}, timeout=10)
        elapsed = time.monotonic() - started
        log(f"LoadCalendar with {LONG} nested arrays: "
            f"{error.code().name if error else 'OK'} in {elapsed:.2f} s")
        self.assertCode(error, grpc.StatusCode.INVALID_ARGUMENT,
                        "LoadCalendar nested JSON")
        self.assertTrue(error.details(), "an empty message")
        self.assertLess(elapsed, 2.0)
        self.assertStillServing()

    def test_2b_heavy_work_stops_at_the_calls_deadline(self):
        name, method, fields = heavy_requests()[0]
        cpu_before = SERVER.cpu_seconds()
        started = time.monotonic()
        error = API.error(method, fields, timeout=1.0)
        elapsed = time.monotonic() - started
        self.assertCode(error, grpc.StatusCode.DEADLINE_EXCEEDED,
                        f"{name} with a 1 s deadline")
        self.assertLess(elapsed, 2.0)
        # The server stops working on it: within 2 s of the deadline its CPU
        # use falls to (nearly) nothing. The server is another process and
        # this client has only its CPU counter to see that by, so this is a
        # measurement over 0.5 s windows, not a wait for an event.
        idle_by = time.monotonic() + 2.0
        idle = False
        while not idle and time.monotonic() < idle_by:
            before = SERVER.cpu_seconds()
            threading.Event().wait(0.5)
            idle = SERVER.cpu_seconds() - before < 0.1
        log(f"{name} with a 1 s deadline: {error.code().name} after "
            f"{elapsed:.2f} s; server CPU since the call "
            f"{SERVER.cpu_seconds() - cpu_before:.2f} s; idle within 2 s of "
            f"the deadline: {idle}")
        self.assertTrue(idle, "the server went on working after the deadline")
        # And its work was dropped, not finished late: the corrected 2025
        # (10 October off) is not in force.
        year = self.call("ogi.v1.CalendarService.GetCalendarYear",
                         {"year": 2025})
        october_10 = [d for d in year.days
                      if (d.date.month, d.date.day) == (10, 10)]
        self.assertEqual(len(october_10), 1)
        self.assertEqual(
            enum_name("ogi.v1.DayKind", october_10[0].kind),
            "DAY_KIND_WORKING_WEEKDAY",
            "the call that ran out of time loaded its calendar all the same")


# ---------------------------------------------------------------------------
# 2 (shutdown). Shutdown within its grace time whatever is running.


class ShutdownTest(OutsideClientTestCase):

    GRACE_SECONDS = 2

    def test_2c_shutdown_ends_within_its_grace_time(self):
        server = ServerProcess(SHUTDOWN_DB, [
            f"--fake_clock_start={FAKE_CLOCK_START}",
            f"--shutdown_grace_seconds={self.GRACE_SECONDS}"])
        api = None
        try:
            api = Api(OPTIONS.descriptor_set, server)
            cpu_before = server.cpu_seconds()
            in_flight = []
            for _ in range(2):
                for _, method, fields in heavy_requests():
                    in_flight.append(api.future(method, fields, timeout=120))
            # In flight: the server is busy with them (1 s of CPU used). Its
            # CPU counter is the only sign an outside client has of that, so
            # it is polled, for at most 20 s.
            busy_by = time.monotonic() + 20
            while (server.cpu_seconds() - cpu_before < 1.0
                   and time.monotonic() < busy_by):
                threading.Event().wait(0.1)
            self.assertGreaterEqual(server.cpu_seconds() - cpu_before, 1.0,
                                    "the heavy requests never started")
            running = sum(1 for f in in_flight if not f.done())
            code, seconds = server.stop(timeout=60)
            log(f"SHUTDOWN: SIGTERM with {running} heavy requests in flight, "
                f"--shutdown_grace_seconds={self.GRACE_SECONDS}: exited "
                f"{code} after {seconds:.2f} s")
            self.assertGreater(running, 0)
            server_log = server.log()[-2000:]
            self.assertIsNotNone(code, f"killed after 60 s:\n{server_log}")
            self.assertEqual(code, 0, server_log)
            self.assertLessEqual(seconds, self.GRACE_SECONDS + 3, server_log)
            for f in in_flight:  # every call has ended, one way or another
                f.exception(timeout=10)
        finally:
            if api is not None:
                api.close()
            server.kill()


# ---------------------------------------------------------------------------
# 3. Lists that page and stay under the client's 4 MB.


class PagingTest(OutsideClientTestCase):

    def test_3a_every_alert_listed_once_with_default_client_limits(self):
        seen = set()
        overdue = 0
        pages = 0
        largest = 0
        token = ""
        started = time.monotonic()
        while True:
            response = self.call("ogi.v1.DeadlineService.ListDeadlines", {
                "page_size": 1000, "page_token": token}, timeout=60)
            pages += 1
            size = response.ByteSize()
            largest = max(largest, size)
            self.assertLess(size, DEFAULT_MAX_RECEIVE)
            for alert in response.alerts:
                key = (alert.agency_code, alert.number, alert.kind,
                       alert.reference)
                self.assertNotIn(key, seen, f"listed twice: {key}")
                seen.add(key)
                if enum_name("ogi.v1.AlertKind",
                             alert.kind) == "ALERT_KIND_ANSWER_OVERDUE":
                    overdue += 1
            token = response.next_page_token
            if not token:
                break
            self.assertLessEqual(pages, OPTIONS.cases // 1000 + 10,
                                 "paging does not end")
        log(f"ListDeadlines: {len(seen)} alerts ({overdue} overdue) in "
            f"{pages} pages, largest {largest} bytes, "
            f"{time.monotonic() - started:.1f} s")
        self.assertEqual(overdue, OPTIONS.cases)

    def test_3b_case_history_does_not_grow_with_reads(self):
        number = new_case()
        first = self.call("ogi.v1.CaseService.ListCaseHistory",
                         {"number": number})
        reads = 50
        for _ in range(reads):
            self.call("ogi.v1.CaseService.GetCase", {"number": number})
        again = self.call("ogi.v1.CaseService.ListCaseHistory",
                         {"number": number})
        self.assertEqual(again.ByteSize(), first.ByteSize(),
                         "the history grew with reads")
        self.assertEqual(len(again.reads), 0)
        listed = []
        token = ""
        while True:
            page = self.call("ogi.v1.CaseService.ListCaseReads", {
                "number": number, "page_size": 20, "page_token": token})
            self.assertLessEqual(len(page.reads), 20)
            listed.extend(page.reads)
            token = page.next_page_token
            if not token:
                break
        # Two history listings and the GetCase calls, each read once.
        self.assertEqual(len(listed), reads + 2)
        self.assertEqual(sorted(r.view for r in listed),
                         ["case"] * reads + ["history"] * 2)


# ---------------------------------------------------------------------------
# 4. Reflection that generic tools can use.


def resolve_services(test, api, version):
    """Lists the services by reflection and describes each from the
    FileDescriptorProtos reflection returns (dependencies fetched by file
    name on the same stream), resolving every method's types."""
    listed = api.reflect(version, [{"list_services": ""}])
    test.assertEqual(len(listed), 1)
    names = [s.name for s in listed[0].list_services_response.service]
    for expected in ("grpc.health.v1.Health", "ogi.v1.CaseService",
                     f"grpc.reflection.{version}.ServerReflection"):
        test.assertIn(expected, names)
    files = {}

    def take(response):
        test.assertFalse(response.HasField("error_response"),
                         str(response.error_response))
        for raw in response.file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
            files[proto.name] = proto

    for response in api.reflect(version, [
            {"file_containing_symbol": name} for name in names]):
        take(response)
    missing = {d for f in files.values() for d in f.dependency} - set(files)
    fetched_by_name = len(missing)
    while missing:
        for response in api.reflect(version, [
                {"file_by_filename": name} for name in sorted(missing)]):
            take(response)
        missing = ({d for f in files.values() for d in f.dependency}
                   - set(files))
        fetched_by_name += len(missing)
    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add(name):
        if name in added:
            return
        for dependency in files[name].dependency:
            add(dependency)
        pool.Add(files[name])
        added.add(name)

    for name in files:
        add(name)
    methods = 0
    for name in names:
        service = pool.FindServiceByName(name)
        for method in service.methods:
            test.assertTrue(method.input_type.full_name)
            test.assertTrue(method.output_type.full_name)
            methods += 1
    return names, methods, len(files), fetched_by_name


class ReflectionTest(OutsideClientTestCase):

    def test_4a_every_listed_service_is_describable_in_v1_and_v1alpha(self):
        for version in ("v1", "v1alpha"):
            with self.subTest(version):
                try:
                    names, methods, files, fetched = resolve_services(
                        self, API, version)
                except grpc.RpcError as e:
                    self.fail(f"{version}: {e.code()} {e.details()}")
                log(f"reflection {version}: {len(names)} services, "
                    f"{methods} methods resolved from {files} files "
                    f"({fetched} of them asked for by name)")

    def test_4b_one_answer_per_request_on_one_stream(self):
        questions = [
            {"file_by_filename": "ogi/v1/common.proto"},
            {"file_containing_symbol": "ogi.v1.CaseService"},
            {"list_services": ""},
            {"file_containing_symbol": "grpc.health.v1.Health"},
        ]
        # Each question 50 times in a row, then the next: a server that
        # piles earlier answers into later ones shows it with repeats
        # (another kind of answer in between can hide it).
        repeats = 50
        requests = [q for q in questions for _ in range(repeats)]
        for version in ("v1", "v1alpha"):
            with self.subTest(version):
                try:
                    responses = API.reflect(version, requests)
                except grpc.RpcError as e:
                    self.fail(f"{version}: {e.code()} {e.details()}")
                self.assertEqual(len(responses), len(requests))
                sizes = {}
                for i, response in enumerate(responses):
                    key = i // repeats
                    self.assertEqual(
                        json_format.MessageToDict(
                            response.original_request,
                            preserving_proto_field_name=True),
                        requests[i])
                    sizes.setdefault(key, set()).add(response.ByteSize())
                for key, seen in sizes.items():
                    self.assertEqual(len(seen), 1,
                                     f"{questions[key]}: sizes {sorted(seen)}")


# ---------------------------------------------------------------------------
# 5. Defaults belong to the server.


class ServerDefaultsTest(OutsideClientTestCase):

    def test_5_conclude_without_service_method_uses_the_requested_delivery(
            self):
        for delivery, served in (
                ("DELIVERY_METHOD_POST", "SERVICE_METHOD_POSTED"),
                ("DELIVERY_METHOD_EMAIL", "SERVICE_METHOD_ELECTRONIC"),
                ("DELIVERY_METHOD_SELF_PICKUP",
                 "SERVICE_METHOD_SIGNED_IN_PERSON")):
            with self.subTest(delivery):
                number = new_case(delivery)
                response = self.call("ogi.v1.OutcomeService.ConcludeCase", {
                    "number": number, "outcome": "OUTCOME_DISCLOSED",
                    "served": TODAY})
                method = response.case.conclusion.service_method
                self.assertEqual(
                    enum_name("ogi.v1.ServiceMethod", method), served)


def enum_name(enum_full_name, number):
    return API.pool.FindEnumTypeByName(enum_full_name).values_by_number[
        number].name


# ---------------------------------------------------------------------------
# 6. Upserts that keep what they are not told to change.


class PartialUpdateTest(OutsideClientTestCase):

    def test_6a_partial_set_figures_and_stale_etag(self):
        year = 2024
        first = self.call("ogi.v1.ReportService.SetFigures", {
            "year": year, "figures": {"licensing_decisions": 12}})
        second = self.call("ogi.v1.ReportService.SetFigures", {
            "year": year, "figures": {"penalty_decisions": 7}})
        self.assertEqual(second.licensing_decisions, 12)
        self.assertEqual(second.penalty_decisions, 7)
        report = self.call("ogi.v1.ReportService.GetReport", {"year": year})
        self.assertEqual(report.entered_figures.licensing_decisions, 12)
        self.assertEqual(report.entered_figures.penalty_decisions, 7)
        self.assertTrue(first.etag)
        self.assertNotEqual(first.etag, second.etag)
        stale = API.error("ogi.v1.ReportService.SetFigures", {
            "year": year, "figures": {"enforcement_decisions": 3},
            "etag": first.etag})
        self.assertCode(stale, grpc.StatusCode.ABORTED, "a stale etag")
        report = self.call("ogi.v1.ReportService.GetReport", {"year": year})
        self.assertEqual(report.entered_figures.enforcement_decisions, 0)

    def test_6b_put_user_without_disabled_keeps_the_user_disabled(self):
        self.call("ogi.v1.AccessService.PutUser", {"user": {
            "name": "zhao.clerk", "display_name": "赵登记",
            "roles": ["ROLE_CLERK"]}})
        disabled = self.call("ogi.v1.AccessService.PutUser", {"user": {
            "name": "zhao.clerk", "disabled": True}})
        self.assertTrue(disabled.disabled)
        self.assertEqual(disabled.display_name, "赵登记")
        renamed = self.call("ogi.v1.AccessService.PutUser", {"user": {
            "name": "zhao.clerk", "display_name": "赵科员"}})
        self.assertEqual(renamed.display_name, "赵科员")
        self.assertTrue(renamed.disabled, "re-enabled by omission")
        self.assertEqual(list(renamed.roles), [1])  # ROLE_CLERK kept


# ---------------------------------------------------------------------------
# 7. Values with bounds.


def all_of_2027_off(longest_holiday):
    """A calendar file making every day of 2027 a day off, in holidays of at
    most `longest_holiday` days."""
    first = datetime.date(2027, 1, 1)
    days = [first + datetime.timedelta(days=i) for i in range(365)]
    holidays = []
    for start in range(0, len(days), longest_holiday):
        part = days[start:start + longest_holiday]
        holidays.append({"name": f"假期{len(holidays) + 1}",
                         "from": part[0].isoformat(),
                         "to": part[-1].isoformat(), "days": len(part)})
    return {"2027": {
        "notices": ["国办发明电〔2026〕99号 (2026-11-01)"],
        "holidays": holidays,
        "off_days": [d.isoformat() for d in days],
        "weekday_off_days": [d.isoformat() for d in days if d.weekday() < 5],
        "makeup_workdays": [],
    }}


class BoundsTest(OutsideClientTestCase):

    def test_7_values_out_of_bounds_are_refused(self):
        number = new_case()
        applicant = {"type": "APPLICANT_TYPE_NATURAL_PERSON"}

        def create(**fields):
            return {"case": {
                "applicant": {**applicant, **fields},
                "channel": "CHANNEL_IN_PERSON",
                "items": [{"description": "本机关2024年度部门预算"}]}}

        cases = [
            ("IssueFeeNotice pages", "ogi.v1.ProcedureService.IssueFeeNotice",
             {"number": number, "method": "FEE_METHOD_PER_PAGE",
              "pages": 2147483647, "served": TODAY}, r"^pages\b"),
            ("SetFigures int64 max", "ogi.v1.ReportService.SetFigures",
             {"year": 2025,
              "figures": {"licensing_decisions": 9223372036854775807}},
             r"^figures\.licensing_decisions\b"),
            ("AddWorkingDays past 9999",
             "ogi.v1.CalendarService.AddWorkingDays",
             {"start": {"year": 9999, "month": 12, "day": 31}, "days": 3660},
             r"^(start|days)\b"),
            ("name with U+0085", "ogi.v1.CaseService.CreateCase",
             create(name="张\u0085三"), r"^(case\.)?applicant\.name\b"),
            ("name only U+200B", "ogi.v1.CaseService.CreateCase",
             create(name="\u200b"), r"^(case\.)?applicant\.name\b"),
            ("name only U+3000", "ogi.v1.CaseService.CreateCase",
             create(name="\u3000\u3000"), r"^(case\.)?applicant\.name\b"),
            ("resident ID born 1990-02-30", "ogi.v1.CaseService.CreateCase",
             create(name="张三", id_type="ID_DOCUMENT_TYPE_RESIDENT_ID_CARD",
                    id_number=resident_id("110101", "19900230", "123")),
             r"^(case\.)?applicant\.id_number\b"),
            ("every day of 2027 one holiday",
             "ogi.v1.CalendarService.LoadCalendar",
             {"json": json.dumps(all_of_2027_off(365), ensure_ascii=False)},
             r"^json\b.*2027"),
            ("every day of 2027 off in 14-day holidays",
             "ogi.v1.CalendarService.LoadCalendar",
             {"json": json.dumps(all_of_2027_off(14), ensure_ascii=False)},
             r"^json\b.*2027"),
        ]
        for name, method, fields, field in cases:
            with self.subTest(name):
                error = API.error(method, fields)
                self.assertCode(error, grpc.StatusCode.INVALID_ARGUMENT, name)
                # Names the field (the message is "field: rule").
                self.assertRegex(error.details(), field, name)
                log(f"{name}: {error.code().name}: {error.details()[:160]!r}")
        # The refused calendars left 2027 as it was: mostly working days.
        year = self.call("ogi.v1.CalendarService.GetCalendarYear",
                         {"year": 2027})
        working = sum(1 for d in year.days
                      if enum_name("ogi.v1.DayKind", d.kind)
                      == "DAY_KIND_WORKING_WEEKDAY")
        self.assertGreater(working, 200)


# ---------------------------------------------------------------------------
# 8. Errors as data: every violation, and undecodable requests.


class StructuredErrorsTest(OutsideClientTestCase):

    def test_8a_every_violation_in_the_details(self):
        error = API.error("ogi.v1.CaseService.CreateCase", {"case": {
            "applicant": {"name": ""},          # required
            "channel": "CHANNEL_IN_PERSON",     # (valid)
            "items": [],                        # at least one
        }})  # applicant.type: required
        self.assertCode(error, grpc.StatusCode.INVALID_ARGUMENT,
                        "CreateCase with three bad fields")
        status = status_details(error)
        self.assertIsNotNone(status, "no grpc-status-details-bin trailer")
        self.assertEqual(status.code, 3)  # INVALID_ARGUMENT
        bad_request_class = API.message_class("google.rpc.BadRequest")
        violations = []
        for detail in status.details:
            if detail.type_url.endswith("/google.rpc.BadRequest"):
                bad_request = bad_request_class.FromString(detail.value)
                violations.extend(bad_request.field_violations)
        fields = sorted(v.field for v in violations)
        log(f"CreateCase violations: "
            f"{[(v.field, v.description) for v in violations]}")
        self.assertEqual(len(violations), 3, fields)
        for expected in ("applicant.name", "applicant.type", "items"):
            self.assertEqual(
                sum(1 for f in fields if f.endswith(expected)), 1,
                f"{expected} in {fields}")
        for v in violations:
            self.assertTrue(v.description)

    # gRPC 1.51's typed callback handler answers UNIMPLEMENTED "" for bytes
    # that do not decode; ogi registers its methods as raw-bytes ones and
    # decodes them itself (services/rpc/raw_unary.h).
    def test_8b_undecodable_request_is_invalid_argument(self):
        try:
            API.raw_call("/ogi.v1.CaseService/GetCase", b"\xff\xff\xff\xff")
            self.fail("garbage bytes were accepted")
        except grpc.RpcError as e:
            log(f"undecodable GetCase: {e.code().name} {e.details()!r}")
            self.assertEqual(e.code(), grpc.StatusCode.INVALID_ARGUMENT)
            self.assertTrue(e.details(), "an empty message")
        self.assertStillServing()


def main():
    global OPTIONS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", required=True, help="ogi-server binary")
    parser.add_argument("--seed_tool", required=True,
                        help="ogi_seed_cases binary")
    parser.add_argument("--descriptor_set", required=True,
                        help="FileDescriptorSet of proto/ (ogi_api.desc)")
    parser.add_argument("--cases", type=int, default=100_000,
                        help="open, overdue cases seeded (alerts listed)")
    OPTIONS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
