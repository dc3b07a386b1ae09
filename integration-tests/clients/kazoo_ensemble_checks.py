"""Checks a 3-server ensemble with kazoo, Python's ZooKeeper client, on every server.

Usage: kazoo_ensemble_checks.py phase HOST:PORT HOST:PORT HOST:PORT
  phase "serve": writes through each server and reads everything back on every server; watches and ephemerals
                 across servers; a session moving from one server to another.
  phase "after-failover": (run after the leader was killed) writes through the servers still up, timing the
                 first success, and checks the data written before the kill survived.
Prints one "PASS: ..." or "FAIL: ..." line per check and exits 1 if any failed. Every wait is bounded.
"""

import subprocess
import sys
import threading
import time

from kazoo.client import KazooClient
from kazoo.retry import KazooRetry

import kazoo_checks  # the PASS/FAIL reporting the single-server checks use (this script's folder is on sys.path)
from kazoo_checks import check

CONNECT_TIMEOUT_S = 20
EVENT_TIMEOUT_S = 10
FAILOVER_WAIT_S = 60
ROOT = "/ensemble-checks"

SHORT_TIMEOUT_S = 5

# Creates an ephemeral node, prints "<session id hex> <password hex>", then waits to be killed.
OWNER_SCRIPT = """
import sys, time
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1], timeout=float(sys.argv[3]) if len(sys.argv) > 3 else 10.0)
zk.start(timeout=20)
zk.create(sys.argv[2], b"", ephemeral=True)
session_id, password = zk.client_id
print("%x %s" % (session_id, password.hex()), flush=True)
time.sleep(120)
"""


def connect(hosts, **kwargs):
    client = KazooClient(hosts=hosts, timeout=10.0, **kwargs)
    client.start(timeout=CONNECT_TIMEOUT_S)
    return client


def serve(servers):
    clients = [connect(s) for s in servers]
    try:
        clients[0].ensure_path(ROOT)
        for i, zk in enumerate(clients):
            zk.create("%s/from-%d" % (ROOT, i), b"written via server %d" % i)
        for i, zk in enumerate(clients):
            zk.sync(ROOT)
            children = sorted(zk.get_children(ROOT))
            data = [zk.get("%s/from-%d" % (ROOT, j))[0] for j in range(len(servers))]
            check("server %d sees the writes made through every server" % i,
                  children == ["from-%d" % j for j in range(len(servers))]
                  and data == [b"written via server %d" % j for j in range(len(servers))], (children, data))

        fired = threading.Event()
        clients[1].get(ROOT + "/from-0", watch=lambda event: fired.set())
        clients[2].set(ROOT + "/from-0", b"changed via server 2")
        check("a data watch set on one server fires for a write made through another",
              fired.wait(EVENT_TIMEOUT_S))
        check("the watching server then reads the new data",
              clients[1].get(ROOT + "/from-0")[0] == b"changed via server 2")

        # The session's owner is a separate process, killed without closing its session, as a crashed client.
        owner = subprocess.Popen([sys.executable, "-c", OWNER_SCRIPT, servers[0], ROOT + "/ephemeral"],
                                 stdout=subprocess.PIPE, text=True)
        try:
            line = owner.stdout.readline().split()
        finally:
            owner.kill()
            owner.wait(timeout=EVENT_TIMEOUT_S)
        session_id, password = int(line[0], 16), bytes.fromhex(line[1])
        clients[2].sync(ROOT)
        check("an ephemeral made through server 0 exists on server 2",
              clients[2].exists(ROOT + "/ephemeral") is not None)
        # Move the session to server 1: a new connection presenting the same id and password.
        moved = connect(servers[1], client_id=(session_id, password))
        check("the session moves to another server with its id", moved.client_id[0] == session_id,
              "%x != %x" % (moved.client_id[0], session_id))
        clients[1].sync(ROOT)
        check("its ephemeral survives the move", clients[1].exists(ROOT + "/ephemeral") is not None)
        moved.stop()
        moved.close()
        gone = False
        deadline = time.time() + EVENT_TIMEOUT_S
        while time.time() < deadline and not gone:
            clients[2].sync(ROOT)
            gone = clients[2].exists(ROOT + "/ephemeral") is None
            time.sleep(0.1)
        check("closing the session removes its ephemeral everywhere", gone)
        idle_session_expiry(servers, clients)
    finally:
        for zk in clients:
            zk.stop()
            zk.close()


def idle_session_expiry(servers, clients):
    """A session on a follower lives on through its pings alone; once its client dies, the leader expires it."""
    path = ROOT + "/idle-ephemeral"
    owner = subprocess.Popen([sys.executable, "-c", OWNER_SCRIPT, servers[2], path, str(SHORT_TIMEOUT_S)],
                             stdout=subprocess.PIPE, text=True)
    try:
        owner.stdout.readline()
        # Idle for twice the session timeout: only the client's pings to server 2 keep the session alive, and
        # only server 2's ping replies to the leader tell the leader so.
        time.sleep(2 * SHORT_TIMEOUT_S)
        clients[0].sync(ROOT)
        check("an idle session connected to one server outlives its timeout (%d s) while its client pings" %
              SHORT_TIMEOUT_S, clients[0].exists(path) is not None)
    finally:
        owner.kill()
        owner.wait(timeout=EVENT_TIMEOUT_S)
    killed = time.time()
    gone = False
    while time.time() - killed < 3 * SHORT_TIMEOUT_S and not gone:
        gone = all(zk.sync(ROOT) is not None and zk.exists(path) is None for zk in clients)
        time.sleep(0.2)
    check("after its client dies the session expires and its ephemeral goes from every server (%.1f s)" %
          (time.time() - killed), gone)


def after_failover(servers):
    retry = KazooRetry(max_tries=-1, delay=0.05, max_delay=0.5, deadline=FAILOVER_WAIT_S)
    zk = KazooClient(hosts=",".join(servers), timeout=10.0, connection_retry=retry, command_retry=retry)
    started = time.time()
    zk.start(timeout=FAILOVER_WAIT_S)
    try:
        written = False
        while time.time() - started < FAILOVER_WAIT_S and not written:
            try:
                zk.create(ROOT + "/after-failover", b"")
                written = True
            except Exception:  # noqa: BLE001 - any error means: not yet
                time.sleep(0.05)
        check("a write succeeds after the leader was killed (%.2f s after connecting)" % (time.time() - started),
              written)
        zk.sync(ROOT)
        data = [zk.get("%s/from-%d" % (ROOT, j))[0] for j in range(3)]
        check("the data written before the kill is still there",
              data == [b"changed via server 2", b"written via server 1", b"written via server 2"], data)
    finally:
        zk.stop()
        zk.close()


def main():
    phase, servers = sys.argv[1], sys.argv[2:]
    if phase == "serve":
        serve(servers)
    else:
        after_failover(servers)
    sys.exit(1 if kazoo_checks.failures else 0)


if __name__ == "__main__":
    main()
