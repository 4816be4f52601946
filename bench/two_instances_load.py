#!/usr/bin/env python3
"""Load for bench/two-instances: writes with Idempotency-Key and reads through the load balancer, one
instance killed (SIGKILL) mid-run. Prints a JSON summary; exits 1 when an acknowledged write is lost, a
write was stored twice, or a 5xx came from anything but the killed instance's in-flight requests."""
import argparse, base64, http.client, json, os, random, signal, sys, threading, time, uuid

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--seconds", type=float, default=40)
p.add_argument("--threads", type=int, default=8)
p.add_argument("--kill-pid", type=int, required=True)
p.add_argument("--kill-after", type=float, default=15)
p.add_argument("--email", required=True)
p.add_argument("--password", required=True)
p.add_argument("--client-id", required=True)
p.add_argument("--client-secret", required=True)
p.add_argument("--host", default="localhost")
p.add_argument("--out", required=True)
a = p.parse_args()


def request(conn, method, path, body=None, headers=None):
    h = {"Content-Type": "application/json", "X-IAA-HOST": a.host}
    h.update(headers or {})
    conn.request(method, path, body=None if body is None else body.encode(), headers=h)
    r = conn.getresponse()
    data = r.read()
    return r.status, r.getheader("Retry-After"), data


def connect():
    return http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)


basic = base64.b64encode(f"{a.client_id}:{a.client_secret}".encode()).decode()
c = connect()
status, _, body = request(c, "POST", "/api/v3/ua/login",
                          json.dumps({"grantType": "password", "email": a.email, "password": a.password}),
                          {"Authentication": "Basic " + basic})
assert status == 200, (status, body)
login = json.loads(body)["data"]
auth = {"Authorization": "Bearer " + login["access_token"], "X-IAA-OW-ID": str(login["owId"])}
now_ms = int(time.time() * 1000)
status, _, body = request(c, "POST", "/api/v3/cmp/io/add", json.dumps({
    "ioName": "two instances", "ioStartTime": now_ms, "ioTimeZoneId": 29, "ioBudgetTypeId": 1,
    "isAutoSumIoTotalBudget": True}), auth)
assert status == 200, (status, body)
io_id = json.loads(body)["data"]["ioId"]
crt = json.dumps({"C": {"creativeName": "two", "platformCreativeTypeId": 11, "creativeSourceType": "URL",
                        "creativeSource": "https://cdn.example.com/b.png", "clickUrl": "https://iqm.com"}})
multipart = ("--b\r\nContent-Disposition: form-data; name=\"creativeRequest\"\r\nContent-Type: application/json\r\n\r\n"
             + crt + "\r\n--b--\r\n")
status, _, body = request(c, "POST", "/api/v3/crt/creatives", multipart,
                          dict(auth, **{"Content-Type": "multipart/form-data; boundary=b"}))
assert status == 200, (status, body)
creative = json.loads(body)["data"]["successData"]["C"]
status, _, body = request(c, "PATCH", "/api/v3/crt/creatives/update-status",
                          json.dumps({"creativeIds": [int(creative)], "creativeStatusId": 2}), auth)
assert status == 200, (status, body)
c.close()

lock = threading.Lock()
acked = {}          # Idempotency-Key -> campaign id, for every write answered 200
names = {}          # campaign id -> name sent
events = []         # (time, kind, detail) for every 5xx and connection error
counts = {"writes": 0, "reads": 0, "retries": 0, "conflicts409": 0, "readsMissing": 0, "writesAbandoned": 0}
timeline = []       # (time, completed requests) per completed request, for throughput around the kill
start = time.time()
kill_time = [None]
stop = threading.Event()


def note(kind, detail):
    with lock:
        events.append((time.time() - start, kind, detail))


def body_for(name):
    s = int(time.time()) + 3600
    return json.dumps({"campaignName": name, "maxBid": 5, "budgetTotal": 10, "startTime": s, "endTime": s + 7 * 86400,
                       "timezone": 29, "budgetDay": 1, "creativeType": 11, "isAgreementChecked": True, "ioId": io_id,
                       "countryId": "30100001", "creativeIds": str(creative), "advertiserDomain": "https://iqm.com",
                       "totalBudgetPacing": False, "publisherAdCategory": "", "exchanges": "", "budgetTypeId": 1,
                       "campaignType": 1})


def worker(n):
    conn = connect()
    rnd = random.Random(n)
    while not stop.is_set():
        if rnd.random() < 0.5 or not acked:
            key = str(uuid.uuid4())
            name = "two " + key[:8]
            body = body_for(name)
            deadline = time.time() + 120
            while True:
                try:
                    status, retry_after, data = request(conn, "POST", "/api/v2/cmp/campaigns/add", body,
                                                        dict(auth, **{"Idempotency-Key": key}))
                except Exception as e:  # the connection to the balancer broke: retry with the same key
                    note("connection", f"{type(e).__name__}: {e}")
                    conn.close()
                    conn = connect()
                    status, retry_after, data = None, None, b""
                if status == 200:
                    cid = json.loads(data)["responseObject"]["data"]
                    with lock:
                        acked[key] = cid
                        names[cid] = name
                        counts["writes"] += 1
                        timeline.append(time.time() - start)
                    break
                if status == 409:
                    with lock:
                        counts["conflicts409"] += 1
                    time.sleep(min(float(retry_after or 1), 2))
                elif status is not None and status >= 500:
                    note("5xx", f"{status} {data[:200]!r}")
                elif status is not None:
                    raise SystemExit(f"write answered {status}: {data[:300]!r}")
                if time.time() > deadline:
                    with lock:
                        counts["writesAbandoned"] += 1
                    break
                with lock:
                    counts["retries"] += 1
                time.sleep(0.1)
        else:
            with lock:
                cid = rnd.choice(list(acked.values()))
            try:
                status, _, data = request(conn, "GET", f"/api/v2/cmp/campaign/{cid}", None, auth)
            except Exception as e:
                note("connection", f"{type(e).__name__}: {e}")
                conn.close()
                conn = connect()
                continue
            if status >= 500:
                note("5xx", f"{status} {data[:200]!r}")
            elif status != 200:
                with lock:
                    counts["readsMissing"] += 1
            else:
                with lock:
                    counts["reads"] += 1
                    timeline.append(time.time() - start)
        if kill_time[0] is None and time.time() - start >= a.kill_after:
            with lock:
                if kill_time[0] is None:
                    os.kill(a.kill_pid, signal.SIGKILL)
                    kill_time[0] = time.time() - start
    conn.close()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(a.threads)]
for t in threads:
    t.start()
time.sleep(a.seconds)
stop.set()
for t in threads:
    t.join()
elapsed = time.time() - start

# Every acknowledged write is there, through the balancer, with the name it was sent with.
lost = []
c = connect()
for key, cid in acked.items():
    status, _, data = request(c, "GET", f"/api/v2/cmp/campaign/{cid}", None, auth)
    if status != 200 or names[cid] not in data.decode():
        lost.append({"key": key, "campaignId": cid, "status": status})
status, _, data = request(c, "POST", "/api/v3/cmp/basic/list", json.dumps({"ioIdsList": [io_id], "noOfEntries": 1}), auth)
stored = json.loads(data)["data"]["filteredRecords"]
c.close()

kt = kill_time[0]
after_kill = [e for e in events if kt is not None and e[0] >= kt]
five = [e for e in events if e[1] == "5xx"]
late = [e for e in events if kt is None or e[0] < kt or e[0] > kt + 5]
before = [t for t in timeline if t < kt] if kt else timeline
after = [t for t in timeline if kt and t >= kt + 1]
summary = {
    "seconds": round(elapsed, 1), "threads": a.threads, "killedAfterSeconds": round(kt, 2) if kt else None,
    "writesAcknowledged": counts["writes"], "reads": counts["reads"], "retries": counts["retries"],
    "conflicts409": counts["conflicts409"], "writesAbandoned": counts["writesAbandoned"],
    "readsMissing": counts["readsMissing"],
    "opsPerSecondBeforeKill": round(len(before) / kt, 1) if kt else None,
    "opsPerSecondAfterKill": round(len(after) / max(elapsed - kt - 1, 1), 1) if kt else None,
    "fiveXx": len(five), "connectionErrors": len([e for e in events if e[1] == "connection"]),
    "errorsOutsideKillWindow": len(late), "lostWrites": len(lost), "campaignsStored": stored,
    "duplicates": stored - len(acked), "errors": [list(e) for e in events[:20]], "lost": lost[:20],
}
json.dump(summary, open(a.out, "w"), indent=2)
print(json.dumps(summary, indent=2))
ok = (kt is not None and not lost and stored == len(acked) and counts["writesAbandoned"] == 0
      and counts["readsMissing"] == 0 and not late and len(five) + summary["connectionErrors"] <= a.threads)
sys.exit(0 if ok else 1)
