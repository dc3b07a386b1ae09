"""Checks a ZooKeeper server with kazoo, Python's ZooKeeper client, as an application would use it.

Usage: kazoo_checks.py HOST:PORT. Prints one "PASS: ..." or "FAIL: ..." line per check (clients-test.sh counts
them) and exits 1 if any check failed. Every wait is bounded.
"""

import logging
import sys
import threading

from kazoo.client import KazooClient
from kazoo.exceptions import NodeExistsError, NoNodeError, RolledBackError

CONNECT_TIMEOUT_S = 15
EVENT_TIMEOUT_S = 10
ROOT = "/kazoo-checks"

failures = 0


def check(description, condition, detail=""):
    global failures
    if condition:
        print("PASS: kazoo: " + description, flush=True)
    else:
        failures += 1
        print("FAIL: kazoo: " + description + (" (" + str(detail) + ")" if detail else ""), flush=True)


def connect(hosts):
    client = KazooClient(hosts=hosts, timeout=10.0)
    client.start(timeout=CONNECT_TIMEOUT_S)
    return client


def crud(zk):
    path = ROOT + "/crud"
    check("create returns the path", zk.create(path, b"one") == path)
    data, stat = zk.get(path)
    check("get returns the data and version 0", data == b"one" and stat.version == 0, (data, stat))
    try:
        zk.create(path, b"again")
        check("a second create fails with NodeExistsError", False)
    except NodeExistsError:
        check("a second create fails with NodeExistsError", True)
    stat = zk.set(path, b"two", version=0)
    check("set with the right version bumps it to 1", stat.version == 1, stat)
    check("get sees the new data", zk.get(path)[0] == b"two")
    zk.delete(path, version=1)
    check("delete removes the node", zk.exists(path) is None)
    try:
        zk.get(path)
        check("get of a deleted node fails with NoNodeError", False)
    except NoNodeError:
        check("get of a deleted node fails with NoNodeError", True)


def ephemeral_sequential(zk, hosts):
    parent = ROOT + "/queue"
    zk.ensure_path(parent)
    owner = connect(hosts)
    try:
        first = owner.create(parent + "/item-", b"", ephemeral=True, sequence=True)
        second = owner.create(parent + "/item-", b"", ephemeral=True, sequence=True)
        suffix = first[len(parent + "/item-"):]
        check("sequential names end in 10 digits", len(suffix) == 10 and suffix.isdigit(), first)
        check("sequence numbers increase", first < second, (first, second))
        stat = zk.exists(first)
        check("the ephemeral node's owner is the creating session",
              stat is not None and stat.ephemeralOwner == owner.client_id[0], stat)
        check("another session lists both nodes", len(zk.get_children(parent)) == 2)
    finally:
        owner.stop()
        owner.close()
    check("closing the owner's session removes its ephemeral nodes", zk.get_children(parent) == [])


def watch(zk, hosts):
    path = ROOT + "/watched"
    zk.create(path, b"v0")
    fired = threading.Event()
    events = []

    def on_change(event):
        events.append(event)
        fired.set()

    zk.get(path, watch=on_change)
    writer = connect(hosts)
    try:
        writer.set(path, b"v1")
    finally:
        writer.stop()
        writer.close()
    fired.wait(EVENT_TIMEOUT_S)
    check("a data watch fires on another session's set",
          len(events) == 1 and events[0].type == "CHANGED" and events[0].path == path, events)

    children_changed = threading.Event()
    zk.get_children(path, watch=lambda event: children_changed.set())
    zk.create(path + "/child", b"")
    check("a child watch fires on a new child", children_changed.wait(EVENT_TIMEOUT_S))


def transaction(zk):
    base = ROOT + "/txn"
    zk.create(base, b"")
    txn = zk.transaction()
    txn.check(base, 0)
    txn.create(base + "/a", b"a")
    txn.set_data(base, b"updated")
    results = txn.commit()
    check("a committed transaction returns one result per operation",
          len(results) == 3 and results[1] == base + "/a", results)
    check("its writes are visible", zk.get(base)[0] == b"updated" and zk.exists(base + "/a") is not None)

    failing = zk.transaction()
    failing.create(base + "/b", b"b")
    failing.create(base + "/a", b"duplicate")
    try:
        # Apache answers a failed multi with error code 0 in the reply header and one result per operation
        results = failing.commit()
    except Exception as error:
        results = "commit raised " + repr(error) + " instead of returning one result per operation"
    check("a failing transaction reports RolledBackError and NodeExistsError",
          isinstance(results, list) and len(results) == 2 and isinstance(results[0], RolledBackError)
          and isinstance(results[1], NodeExistsError), results)
    check("a failing transaction applies nothing", zk.exists(base + "/b") is None)


def lock(zk, hosts):
    path = ROOT + "/lock"
    mine = zk.Lock(path, "first")
    check("the Lock recipe acquires a free lock", mine.acquire(timeout=EVENT_TIMEOUT_S))
    other_client = connect(hosts)
    try:
        theirs = other_client.Lock(path, "second")
        check("a second contender cannot take a held lock", not theirs.acquire(blocking=False))
        check("contenders lists the holder", mine.contenders() == ["first"], mine.contenders())
        mine.release()
        check("after release the second contender acquires it", theirs.acquire(timeout=EVENT_TIMEOUT_S))
        theirs.release()
    finally:
        other_client.stop()
        other_client.close()


def paths_and_children(zk):
    zk.ensure_path(ROOT + "/deep/a/b/c")
    check("ensure_path creates every missing parent", zk.exists(ROOT + "/deep/a/b/c") is not None)
    zk.ensure_path(ROOT + "/deep/a/b/c")
    check("ensure_path of an existing path is a no-op", zk.exists(ROOT + "/deep/a/b/c").version == 0)
    children = sorted(zk.get_children(ROOT))
    expected = ["deep", "lock", "queue", "txn", "watched"]
    check("get_children lists what the checks created", children == expected, children)


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def clean_close(hosts):
    """Apache answers closeSession before it closes the socket; kazoo logs a dropped connection otherwise."""
    client = connect(hosts)
    recorder = Recorder()
    kazoo_log = logging.getLogger("kazoo.client")
    kazoo_log.addHandler(recorder)
    try:
        client.stop()
    finally:
        kazoo_log.removeHandler(recorder)
        client.close()
    dropped = [m for m in recorder.messages if "Connection dropped" in m]
    check("stop() closes the session without a dropped connection", not dropped, dropped)


def main():
    hosts = sys.argv[1]
    zk = connect(hosts)
    try:
        check("connects and gets a session", zk.connected and zk.client_id[0] != 0)
        if zk.exists(ROOT):
            zk.delete(ROOT, recursive=True)
        zk.create(ROOT, b"")
        for step in (crud, lambda c: ephemeral_sequential(c, hosts), lambda c: watch(c, hosts), transaction,
                     lambda c: lock(c, hosts), paths_and_children, lambda c: clean_close(hosts)):
            try:
                step(zk)
            except Exception as error:  # one broken step must not hide the others' results
                check("step " + getattr(step, "__name__", "?") + " ran without error", False, repr(error))
        zk.delete(ROOT, recursive=True)
        check("recursive delete cleans up", zk.exists(ROOT) is None)
    finally:
        zk.stop()
        zk.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
