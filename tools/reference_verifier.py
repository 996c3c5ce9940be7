#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Independent reference implementation of the `suiji-draw/1` specification (docs/draw-spec.md).

Python 3 standard library only (hashlib, hmac). Written from the spec text, not from the Swift code.

    reference_verifier.py verify BUNDLE_DIR [--salt HEX] [--log FILE-OR-URL]
                                                             verify a bundle directory (and against the public log)
    reference_verifier.py vectors                            print the spec's test vectors
    reference_verifier.py build NAME OUT_DIR                 write a test vector's bundle

Matching is recomputed naively (a fresh max-flow per candidate), which is slow on large
batches but obviously follows the spec; it is meant for cross-checking, not for production.
"""
import hashlib
import hmac
import os
import re
import sys

V = "suiji-draw/1"
REASONS = {"not-operating", "deregistered", "inspected-this-year", "under-investigation",
           "newly-registered", "out-of-scope"}
REQUIRED = ["assignment.txt", "commitment.txt", "conflicts.txt", "excluded.txt", "inspectors.txt",
            "parameters.txt", "pool.txt", "record.txt", "replacements.txt", "reveal.txt", "selection.txt"]
OPTIONAL = ["inspector-replacements.txt"]
ANCHORS = ["timeline.txt"]  # spec §14.2: optional, not listed in manifest.txt

RE_ID = re.compile(rb"[0-9A-Z-]{1,64}\Z")
RE_TOKEN = re.compile(r"[0-9A-Za-z._-]{1,64}\Z")
RE_STRATUM = re.compile(r"[0-9A-Z]{1,16}\Z")
RE_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\Z")
RE_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
RE_INT = re.compile(r"(0|[1-9][0-9]{0,17})\Z")
RE_TIME = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z\Z")


class Reject(Exception):
    """A verification failure with a message naming the file and line."""


# ---------------------------------------------------------------- primitives
def sha256(b):
    return hashlib.sha256(b).digest()


def hx(b):
    return b.hex()


def u32(n):
    return n.to_bytes(4, "big")


def lp(b):
    if isinstance(b, str):
        b = b.encode("utf-8")
    return u32(len(b)) + b


def mac(key, msg):
    return hmac.new(key, msg, hashlib.sha256).digest()


def hkdf_extract(salt, ikm):
    return mac(salt, ikm)


def hkdf_expand(prk, info, length):
    out, t, i = b"", b"", 1
    while len(out) < length:
        t = mac(prk, t + info + bytes([i]))
        out += t
        i += 1
    return out[:length]


def key64(key, msg):
    return int.from_bytes(mac(key, msg)[:8], "big")


def k16(v):
    return "%016x" % v


def uniform(key, label, bound):
    """Spec §8.1 bounded random integer."""
    limit = (1 << 64) - ((1 << 64) % bound)
    i = 0
    while True:
        block = mac(key, lp(label) + u32(i))
        for w in range(4):
            x = int.from_bytes(block[8 * w:8 * w + 8], "big")
            if x < limit:
                return x % bound
        i += 1


# ---------------------------------------------------------------- text files
def lines_of(data, name):
    if not data:
        return []
    if data.startswith(b"\xef\xbb\xbf"):
        raise Reject(f"{name}:1: BOM")
    if not data.endswith(b"\n"):
        raise Reject(f"{name}: missing final LF")
    out = []
    for n, raw in enumerate(data[:-1].split(b"\n"), 1):
        if not raw:
            raise Reject(f"{name}:{n}: empty line")
        if any((c < 0x20 and c != 9) or c == 0x7F for c in raw):
            raise Reject(f"{name}:{n}: control character")
        try:
            out.append(raw.decode("utf-8").split("\t"))
        except UnicodeDecodeError:
            raise Reject(f"{name}:{n}: not UTF-8")
    return out


def enc(rows):
    return b"".join(("\t".join(r) + "\n").encode("utf-8") for r in rows)


def need(cond, msg):
    if not cond:
        raise Reject(msg)


def as_int(s, where):
    need(RE_INT.match(s) is not None, f"{where}: bad integer {s!r}")
    return int(s)


# ---------------------------------------------------------------- inputs
def parse_pool(data):
    rows = []
    prev = None
    for n, f in enumerate(lines_of(data, "pool.txt"), 1):
        need(len(f) == 4, f"pool.txt:{n}: 4 fields expected")
        i = f[0].encode()
        need(RE_ID.match(i) is not None, f"pool.txt:{n}: bad id")
        need(prev is None or prev < i, f"pool.txt:{n}: " + ("duplicate id" if prev == i else "not sorted"))
        prev = i
        need(RE_STRATUM.match(f[1]) is not None, f"pool.txt:{n}: bad stratum")
        need(re.fullmatch(r"[0-9]{6}", f[2]) is not None, f"pool.txt:{n}: bad division")
        need(re.fullmatch(r"[0-9]{0,12}", f[3]) is not None, f"pool.txt:{n}: bad street")
        rows.append({"id": f[0], "stratum": f[1], "division": f[2], "street": f[3]})
    return rows


def parse_excluded(data, pool_ids):
    rows, prev = [], None
    for n, f in enumerate(lines_of(data, "excluded.txt"), 1):
        need(len(f) == 3 and f[2] in REASONS, f"excluded.txt:{n}: bad line")
        need(RE_ID.match(f[0].encode()) is not None and RE_STRATUM.match(f[1]) is not None,
             f"excluded.txt:{n}: bad id or stratum")
        need(prev is None or prev < f[0].encode(), f"excluded.txt:{n}: not sorted or duplicate")
        need(f[0] not in pool_ids, f"excluded.txt:{n}: id also in pool")
        prev = f[0].encode()
        rows.append({"id": f[0], "stratum": f[1], "reason": f[2]})
    return rows


def sample_size(rule, size):
    p = rule.split(":")
    if p[0] == "count" and len(p) == 2:
        return min(as_int(p[1], "rule"), size)
    need(p[0] == "permille" and len(p) == 3, f"bad rule {rule}")
    pm = as_int(p[1], "rule")
    need(pm <= 1000, "permille > 1000")
    add = {"ceil": 999, "floor": 0, "round-half-up": 500}.get(p[2])
    need(add is not None, f"bad rounding {p[2]}")
    return min(size, (size * pm + add) // 1000)


def parse_parameters(data):
    L = lines_of(data, "parameters.txt")
    pos = [0]

    def take(key, nf=1):
        need(pos[0] < len(L), f"parameters.txt: missing {key}")
        f = L[pos[0]]
        need(f[0] == key and len(f) == nf + 1, f"parameters.txt:{pos[0] + 1}: expected {key}")
        pos[0] += 1
        return f[1:] if nf > 1 else f[1]

    def peek():
        return L[pos[0]][0] if pos[0] < len(L) else None

    P = {}
    need(take("version") == V, "parameters.txt:1: version")
    for k in ["draw-id", "plan-id", "batch-id", "batch-start", "batch-end", "key-item", "pool-size",
              "excluded-count", "excluded-digest", "inspectors-digest", "conflicts-digest"]:
        P[k] = take(k)
    for k in ["draw-id", "plan-id", "batch-id"]:
        need(RE_TOKEN.match(P[k]) is not None, f"parameters.txt: bad {k}")
    need(RE_DATE.match(P["batch-start"]) and RE_DATE.match(P["batch-end"]) and
         P["batch-start"] <= P["batch-end"], "parameters.txt: batch dates")
    need(P["key-item"] in ("yes", "no"), "parameters.txt: key-item")
    for k in ["excluded-digest", "inspectors-digest", "conflicts-digest"]:
        need(RE_HEX64.match(P[k]) is not None, f"parameters.txt: bad {k}")
    P["departments"] = []
    while peek() == "department":
        P["departments"].append(take("department"))
    d = P["departments"]
    need(d and len(set(d)) == len(d) and all(RE_TOKEN.match(x) for x in d) and "EXPERT" not in d,
         "parameters.txt: departments")
    need(peek() == "public-value", "parameters.txt: public-value missing")
    f = L[pos[0]]
    pos[0] += 1
    if f == ["public-value", "none"]:
        P["public"] = None
    else:
        need(len(f) == 3 and RE_DATE.match(f[1]), "parameters.txt: public-value")
        P["public"] = (f[1], f[2])
    P["strata"] = []
    while peek() == "stratum":
        label, size, rule, n, r, ex = take("stratum", 6)
        P["strata"].append({"label": label, "size": as_int(size, "stratum"), "rule": rule,
                            "n": as_int(n, "stratum"), "r": as_int(r, "stratum"), "excluded": as_int(ex, "stratum")})
    labels = [s["label"] for s in P["strata"]]
    need(labels and all(RE_STRATUM.match(x) for x in labels) and
         all(labels[i].encode() < labels[i + 1].encode() for i in range(len(labels) - 1)), "parameters.txt: strata")
    P["slots"] = []
    while peek() == "slot":
        name, dept, kind = take("slot", 3)
        P["slots"].append({"name": name, "dept": dept, "kind": kind})
    P["items"] = []
    while peek() == "item":
        P["items"].append(tuple(take("item", 2)))
    need(all(P["items"][i] < P["items"][i + 1] for i in range(len(P["items"]) - 1)), "parameters.txt: items order")
    P["cap-extra"] = as_int(take("cap-extra"), "cap-extra")
    P["cross-unit"] = take("cross-unit")
    need(P["cross-unit"] in ("yes", "no") and pos[0] == len(L), "parameters.txt: cross-unit / trailing lines")
    S = P["slots"]
    if S:
        names = [s["name"] for s in S]
        need(len(set(names)) == len(names) and all(RE_TOKEN.match(x) for x in names), "slots: names")
        need(S[0]["kind"] == "leader" and S[0]["dept"] == d[0] and sum(s["kind"] == "leader" for s in S) == 1,
             "slots: leader")
        for s in S:
            need(s["kind"] in ("leader", "member", "expert"), "slots: kind")
            need((s["dept"] == "EXPERT") if s["kind"] == "expert" else (s["dept"] in d), "slots: department")
        need(all(any(s["dept"] == x for s in S) for x in d), "slots: department without slot")
        need(sum(s["kind"] != "expert" for s in S) >= 2, "slots: fewer than two officers")
    return P


def check_parameters(P, pool, excluded, insp_digest, confl_digest, data):
    def eq(what, exp, got):
        need(str(exp) == str(got), f"parameters.txt: {what} expected {exp} found {got}")
    eq("pool-size", len(pool), P["pool-size"])
    eq("excluded-count", len(excluded), P["excluded-count"])
    eq("excluded-digest", P["_excluded_digest"], P["excluded-digest"])
    eq("inspectors-digest", insp_digest, P["inspectors-digest"])
    eq("conflicts-digest", confl_digest, P["conflicts-digest"])
    labels = {s["label"] for s in P["strata"]}
    need(all(t["stratum"] in labels for t in pool), "parameters.txt: pool stratum not listed")
    need(all(e["stratum"] in labels for e in excluded), "parameters.txt: excluded stratum not listed")
    for s in P["strata"]:
        size = sum(t["stratum"] == s["label"] for t in pool)
        n = sample_size(s["rule"], size)
        r = min(size - n, max(5, (n + 9) // 10))
        ex = sum(e["stratum"] == s["label"] for e in excluded)
        eq(f"stratum {s['label']} size", size, s["size"])
        eq(f"stratum {s['label']} n", n, s["n"])
        eq(f"stratum {s['label']} r", r, s["r"])
        eq(f"stratum {s['label']} excluded", ex, s["excluded"])
    need(enc_parameters(P) == data, "parameters.txt: not in canonical form")


def enc_parameters(P):
    rows = [["version", V]] + [[k, P[k]] for k in ["draw-id", "plan-id", "batch-id", "batch-start", "batch-end",
                                                    "key-item", "pool-size", "excluded-count", "excluded-digest",
                                                    "inspectors-digest", "conflicts-digest"]]
    rows += [["department", d] for d in P["departments"]]
    rows.append(["public-value", "none"] if P["public"] is None else ["public-value", P["public"][0], P["public"][1]])
    rows += [["stratum", s["label"], str(s["size"]), s["rule"], str(s["n"]), str(s["r"]), str(s["excluded"])]
             for s in P["strata"]]
    rows += [["slot", s["name"], s["dept"], s["kind"]] for s in P["slots"]]
    rows += [["item", a, b] for a, b in P["items"]]
    rows += [["cap-extra", str(P["cap-extra"])], ["cross-unit", P["cross-unit"]]]
    return enc(rows)


def parse_inspectors(data):
    out, prev = [], None
    for n, f in enumerate(lines_of(data, "inspectors.txt"), 1):
        need(len(f) == 7, f"inspectors.txt:{n}: 7 fields expected")
        iid, dept, areas, items, avail, cert, home = f
        need(RE_TOKEN.match(iid) and RE_TOKEN.match(dept) and avail in ("yes", "no") and RE_DATE.match(cert),
             f"inspectors.txt:{n}: bad field")
        need(prev is None or prev < iid.encode(), f"inspectors.txt:{n}: not sorted or duplicate")
        prev = iid.encode()
        al = areas.split(",")
        il = items.split(",") if items else []
        need(all(re.fullmatch(r"[0-9]{1,12}", a) for a in al), f"inspectors.txt:{n}: areas")
        need(al == sorted(set(al), key=str.encode) and il == sorted(set(il), key=str.encode),
             f"inspectors.txt:{n}: lists not sorted/distinct")
        need(all(RE_TOKEN.match(x) for x in il), f"inspectors.txt:{n}: items")
        need(home == "" or re.fullmatch(r"[0-9]{1,12}", home), f"inspectors.txt:{n}: home")
        out.append({"id": iid, "dept": dept, "areas": al, "items": il, "available": avail == "yes",
                    "cert": cert, "home": home})
    return out


def conflict_commitment(salt, insp, target):
    return hx(sha256(b"suiji-draw/1 conflict\x00" + lp(salt) + lp(insp) + lp(target)))


# ---------------------------------------------------------------- commit, reveal, seed
def secret_commitment(dept, draw_id, secret):
    return hx(sha256(b"suiji-draw/1 commit\x00" + lp(dept) + lp(draw_id) + lp(secret)))


def derive(commitment_digest, secrets, public_value):
    ikm = lp(V) + lp(bytes.fromhex(commitment_digest))
    for s in secrets:
        ikm += lp(s or b"")
    ikm += lp((public_value or "").encode("utf-8"))
    prk = hkdf_extract(b"suiji-draw/1 seed", ikm)
    return {"prk": prk, "target": hkdf_expand(prk, b"suiji-draw/1 target", 32),
            "inspector": hkdf_expand(prk, b"suiji-draw/1 inspector", 32)}


def replacement_key(prk, q):
    return hkdf_expand(prk, ("suiji-draw/1 replacement/%d" % q).encode(), 32)


# ---------------------------------------------------------------- selection
def select(pool, P, target_key):
    """Returns (drawn rows, replacement rows, cutoffs) as lists of [stratum, rank, id, keyhex]."""
    keyed = {}
    for t in pool:
        keyed.setdefault(t["stratum"], []).append((key64(target_key, t["id"].encode()), t["id"].encode(), t["id"]))
    drawn, repl, cut = [], [], []
    for s in P["strata"]:
        order = sorted(keyed.get(s["label"], []))
        for k, (kv, _, i) in enumerate(order[:s["n"]]):
            drawn.append([s["label"], str(k + 1), i, k16(kv)])
        for k, (kv, _, i) in enumerate(order[s["n"]:s["n"] + s["r"]]):
            repl.append([s["label"], str(k + 1), i, k16(kv)])
        if s["n"] > 0:
            kv, _, i = order[s["n"] - 1]
            cut.append(["cutoff", s["label"], k16(kv), i])
        else:
            cut.append(["cutoff", s["label"], "-", "-"])
    return drawn, repl, cut


# ---------------------------------------------------------------- matching
def eligible_sets(teams, P, inspectors, is_conflict):
    """elig[(team index, dept)] = set of inspector ids (spec §9.2)."""
    elig = {}
    depts = {s["dept"] for s in P["slots"]}
    for ti, t in enumerate(teams):
        for d in depts:
            need_items = [c for (dd, c) in P["items"] if dd == d]
            own = t["street"] or t["division"]
            ok = set()
            for r in inspectors:
                if r["dept"] != d or not r["available"] or r["cert"] < P["batch-end"]:
                    continue
                if any(c not in r["items"] for c in need_items):
                    continue
                if not any(t["division"].startswith(a) or (t["street"] and t["street"].startswith(a))
                           for a in r["areas"]):
                    continue
                if P["cross-unit"] == "yes" and r["home"] and own.startswith(r["home"]):
                    continue
                if is_conflict(r["id"], t["id"]):
                    continue
                ok.add(r["id"])
            elig[(ti, d)] = ok
    return elig


def capacities(teams, P, inspectors, elig):
    caps = {}
    for d in {s["dept"] for s in P["slots"]}:
        s_d = len(teams) * sum(s["dept"] == d for s in P["slots"])
        anywhere = set().union(*[elig[(ti, d)] for ti in range(len(teams))]) if teams else set()
        for r in inspectors:
            if r["dept"] == d:
                caps[r["id"]] = ((s_d + len(anywhere) - 1) // len(anywhere) + P["cap-extra"]) if r["id"] in anywhere else 0
    return caps


def feasible(open_slots, elig, cap_left, team_members):
    """Edmonds-Karp max-flow: source -> (team, dept) [open slots] -> inspector [1] -> sink [cap_left]."""
    demand = {}
    for g in open_slots:
        demand[g] = demand.get(g, 0) + 1
    cap = {}
    adj = {}

    def edge(u, v, c):
        cap[(u, v)] = cap.get((u, v), 0) + c
        cap.setdefault((v, u), 0)
        adj.setdefault(u, set()).add(v)
        adj.setdefault(v, set()).add(u)
    for g, c in demand.items():
        edge("S", ("g",) + g, c)
        for i in elig[g]:
            if i not in team_members[g[0]]:
                edge(("g",) + g, ("i", i), 1)
    for i, c in cap_left.items():
        if c > 0:
            edge(("i", i), "T", c)
    flow, need_total = 0, sum(demand.values())
    while flow < need_total:
        parent, queue = {"S": None}, ["S"]
        while queue and "T" not in parent:
            u = queue.pop(0)
            for v in sorted(adj.get(u, ()), key=repr):
                if v not in parent and cap[(u, v)] > 0:
                    parent[v] = u
                    queue.append(v)
        if "T" not in parent:
            return False
        v = "T"
        while parent[v] is not None:
            u = parent[v]
            cap[(u, v)] -= 1
            cap[(v, u)] += 1
            v = u
        flow += 1
    return True


def match(teams, P, inspectors, insp_key, is_conflict):
    if not P["slots"]:
        return []
    elig = eligible_sets(teams, P, inspectors, is_conflict)
    cap_left = capacities(teams, P, inspectors, elig)
    members = [set() for _ in teams]
    order = [(ti, s) for ti in range(len(teams)) for s in P["slots"]]
    out = []
    for k, (ti, s) in enumerate(order):
        t = teams[ti]
        cands = sorted(elig[(ti, s["dept"])], key=lambda i: (key64(insp_key, lp(t["id"]) + lp(s["name"]) + lp(i)),
                                                             i.encode()))
        rest = [(tj, x["dept"]) for (tj, x) in order[k + 1:]]
        chosen = None
        for i in cands:
            if i in members[ti] or cap_left[i] == 0:
                continue
            members[ti].add(i)
            cap_left[i] -= 1
            if feasible(rest, elig, cap_left, members):
                chosen = i
                break
            members[ti].discard(i)
            cap_left[i] += 1
        need(chosen is not None, f"matching: no feasible inspector for {t['id']} {s['name']}")
        out.append([t["id"], s["name"], chosen, k16(key64(insp_key, lp(t["id"]) + lp(s["name"]) + lp(chosen)))])
    return out


def apply_replacements(rows, assignment, teams, P, inspectors, prk, is_conflict):
    elig = eligible_sets(teams, P, inspectors, is_conflict)
    caps = capacities(teams, P, inspectors, elig)
    team_index = {t["id"]: ti for ti, t in enumerate(teams)}
    cur = [list(a) for a in assignment]
    load = {}
    for a in cur:
        load[a[2]] = load.get(a[2], 0) + 1
    removed, out = set(), []
    for q, f in enumerate(rows, 1):
        need(len(f) == 9 and f[0] == str(q), f"inspector-replacements.txt:{q}: bad line")
        _, target, slot, old, _, approver, reason, date, _ = f
        need(RE_TOKEN.match(approver) and RE_TOKEN.match(reason) and RE_DATE.match(date),
             f"inspector-replacements.txt:{q}: approval fields")
        pos = [k for k, a in enumerate(cur) if a[0] == target and a[1] == slot]
        need(len(pos) == 1 and cur[pos[0]][2] == old, f"inspector-replacements.txt:{q}: not the current holder")
        dept = [s["dept"] for s in P["slots"] if s["name"] == slot][0]
        team = {a[2] for a in cur if a[0] == target}
        removed.add((target, old))
        rk = replacement_key(prk, q)
        best = None
        for i in elig[(team_index[target], dept)]:
            if i in team or (target, i) in removed or load.get(i, 0) >= caps[i]:
                continue
            cand = (key64(rk, lp(target) + lp(slot) + lp(i)), i.encode(), i)
            best = cand if best is None or cand < best else best
        need(best is not None, f"inspector-replacements.txt:{q}: no candidate")
        load[old] -= 1
        load[best[2]] = load.get(best[2], 0) + 1
        cur[pos[0]][2] = best[2]
        cur[pos[0]][3] = k16(best[0])
        out.append([str(q), target, slot, old, best[2], approver, reason, date, k16(best[0])])
    return out


# ---------------------------------------------------------------- verification
def verify(files, salt=None):
    """Spec §11. Returns (record digest, notes); raises Reject at the first failure."""
    notes = []
    names = set(files)
    for n in REQUIRED + ["manifest.txt"]:
        need(n in names, f"missing file {n}")
    for n in names:
        need(n in REQUIRED or n in OPTIONAL or n in ANCHORS or n == "manifest.txt", f"unexpected file {n}")
    manifest = enc([[n, str(len(files[n])), hx(sha256(files[n]))]
                    for n in sorted((n for n in names if n != "manifest.txt" and n not in ANCHORS), key=str.encode)])
    need(manifest == files["manifest.txt"], "manifest.txt: does not match the files (size or digest)")
    D = {n: hx(sha256(files[n])) for n in names}
    pool = parse_pool(files["pool.txt"])
    excluded = parse_excluded(files["excluded.txt"], {t["id"] for t in pool})
    P = parse_parameters(files["parameters.txt"])
    P["_excluded_digest"] = D["excluded.txt"]
    inspectors = parse_inspectors(files["inspectors.txt"])
    conflicts = [f[0] for f in lines_of(files["conflicts.txt"], "conflicts.txt")]
    need(all(RE_HEX64.match(c) for c in conflicts) and conflicts == sorted(set(conflicts)), "conflicts.txt: bad")
    check_parameters(P, pool, excluded, D["inspectors.txt"], D["conflicts.txt"], files["parameters.txt"])
    # Commitment (§5).
    C = lines_of(files["commitment.txt"], "commitment.txt")
    dept = P["departments"]
    exp_head = [["version", V], ["draw-id", P["draw-id"]], ["pool-digest", D["pool.txt"]],
                ["parameters-digest", D["parameters.txt"]]]
    for k, row in enumerate(exp_head):
        need(k < len(C) and C[k] == row, f"commitment.txt:{k + 1}: {row[0]} mismatch")
    need([r[:2] for r in C[4:]] == [["commit", d] for d in dept] and all(len(r) == 3 and RE_HEX64.match(r[2])
                                                                         for r in C[4:]),
         "commitment.txt: departments / commit lines")
    committed = {r[1]: r[2] for r in C[4:]}
    # Reveal (§6).
    R = lines_of(files["reveal.txt"], "reveal.txt")
    need(R[:3] == [["version", V], ["draw-id", P["draw-id"]], ["commitment-digest", D["commitment.txt"]]],
         "reveal.txt: header (version, draw-id or commitment-digest) mismatch")
    need(len(R) == 4 + len(dept), "reveal.txt: line count")
    secrets, missing = [], []
    for k, d in enumerate(dept):
        row = R[3 + k]
        need(len(row) == 3 and row[:2] == ["secret", d], f"reveal.txt:{4 + k}: secret line for {d}")
        if row[2] == "missing":
            secrets.append(None)
            missing.append(d)
            continue
        need(RE_HEX64.match(row[2]) is not None, f"reveal.txt:{4 + k}: secret must be 32 bytes hex")
        sec = bytes.fromhex(row[2])
        need(secret_commitment(d, P["draw-id"], sec) == committed[d], f"reveal.txt:{4 + k}: secret of {d} "
             "does not match its commitment")
        secrets.append(sec)
    last = R[-1]
    if P["public"] is None:
        need(last == ["public-value", "none"], "reveal.txt: public value not announced")
        pv = None
    else:
        need(len(last) == 3 and last[0] == "public-value" and last[2] == P["public"][1] and
             0 < len(last[1].encode()) <= 256, "reveal.txt: public value missing or source differs")
        pv = last[1]
    keys = derive(D["commitment.txt"], secrets, pv)
    # Selection (§8).
    drawn, repl, cut = select(pool, P, keys["target"])
    for name, rows in [("selection.txt", drawn), ("replacements.txt", repl)]:
        compare(name, enc(rows), files[name])
    by_id = {t["id"]: t for t in pool}
    teams = [by_id[r[2]] for r in drawn]
    # Matching (§9).
    if not conflicts:
        is_conflict = lambda i, t: False  # noqa: E731
        full = True
    elif salt is not None:
        cs = set(conflicts)
        is_conflict = lambda i, t: conflict_commitment(salt, i, t) in cs  # noqa: E731
        full = True
    else:
        is_conflict = lambda i, t: False  # noqa: E731
        full = False
        notes.append("conflicts.txt not empty and no salt: matching checked for public constraints only")
    if full:
        compare("assignment.txt", enc(match(teams, P, inspectors, keys["inspector"], is_conflict)),
                files["assignment.txt"])
    else:
        check_assignment_public(teams, P, inspectors, keys["inspector"], files["assignment.txt"])
    # Record (§10).
    rec = [["version", V], ["draw-id", P["draw-id"]]]
    rec += [[k + "-digest", D[k + ".txt"]] for k in ["pool", "excluded", "parameters", "commitment", "reveal"]]
    rec += [["missing", d] for d in missing]
    rec += [["prk", hx(keys["prk"])], ["target-key", hx(keys["target"])], ["inspector-key", hx(keys["inspector"])]]
    rec += cut
    rec += [[k + "-digest", D[k + ".txt"]] for k in ["selection", "replacements", "assignment"]]
    compare("record.txt", enc(rec), files["record.txt"])
    if "inspector-replacements.txt" in files:
        rows = lines_of(files["inspector-replacements.txt"], "inspector-replacements.txt")
        assignment = lines_of(files["assignment.txt"], "assignment.txt")
        compare("inspector-replacements.txt",
                enc(apply_replacements(rows, assignment, teams, P, inspectors, keys["prk"], is_conflict)),
                files["inspector-replacements.txt"])
    if "timeline.txt" in files:
        check_timeline(parse_timeline(files["timeline.txt"]), P, missing)
    return D["record.txt"], notes


# ---------------------------------------------------------------- anchoring (spec §14)
def china_date(t):
    """The China (UTC+8) calendar day of a UTC time YYYY-MM-DDTHH:MM:SSZ."""
    import datetime
    utc = datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ")
    return (utc + datetime.timedelta(hours=8)).strftime("%Y-%m-%d")


def parse_timeline(data):
    L = lines_of(data, "timeline.txt")
    T = {"revealed": []}
    k = 0

    def take(key, nf):
        nonlocal k
        need(k < len(L) and L[k][0] == key and len(L[k]) == nf + 1, f"timeline.txt:{k + 1}: expected {key}")
        k += 1
        return L[k - 1][1:]
    need(take("version", 1) == [V], "timeline.txt:1: version")
    T["draw-id"] = take("draw-id", 1)[0]
    T["published"] = take("commitment-published", 1)[0]
    T["deadline"] = take("reveal-deadline", 1)[0]
    while k < len(L) and L[k][0] == "revealed":
        d, t = take("revealed", 2)
        need(RE_TOKEN.match(d) and (t == "missing" or RE_TIME.match(t)), f"timeline.txt:{k}: revealed")
        T["revealed"].append((d, None if t == "missing" else t))
    if k < len(L) and L[k][0] == "public-value-exception":
        T["exception"] = tuple(take("public-value-exception", 2))
    else:
        T["entered"] = tuple(take("public-value-entered", 2))
        need(RE_TIME.match(T["entered"][0]), "timeline.txt: public-value-entered time")
    T["executed"] = take("executed", 1)[0]
    need(k == len(L), "timeline.txt: trailing lines")
    need(all(RE_TIME.match(T[x]) for x in ["published", "deadline", "executed"]), "timeline.txt: times")
    return T


def check_timeline(T, P, missing):
    need(T["draw-id"] == P["draw-id"], "timeline.txt:2: draw-id")
    need(T["deadline"] > T["published"], "timeline.txt:4: reveal deadline not after the commitment's publication")
    need([d for d, _ in T["revealed"]] == P["departments"], "timeline.txt: revealed departments / order")
    for d, t in T["revealed"]:
        need((d in missing) == (t is None), f"timeline.txt: revealed {d} disagrees with reveal.txt")
        need(t is None or T["published"] <= t <= T["deadline"], f"timeline.txt: {d} revealed outside the window")
    need(any(t for _, t in T["revealed"]), "timeline.txt: no department handed in a secret")
    ready = T["deadline"] if any(t is None for _, t in T["revealed"]) else max(t for _, t in T["revealed"])
    if P["public"] is None:
        need("exception" in T, "timeline.txt: no public value announced, so an approved exception is required")
    else:
        need("entered" in T, "timeline.txt: the announced public value's entry is missing")
        date = P["public"][0]
        need(china_date(T["published"]) < date and china_date(T["deadline"]) < date,
             "timeline.txt: public value date not after the commitment's publication and the reveal deadline")
        entered = T["entered"][0]
        need(entered >= ready and china_date(entered) >= date, "timeline.txt: public value entered too early")
        ready = entered
    need(T["executed"] >= ready, "timeline.txt: executed too early")


def parse_log(data):
    """draw-log.txt (spec §14.1): checks the chain and returns the entries."""
    entries, prev = [], "0" * 64
    for n, f in enumerate(lines_of(data, "draw-log.txt"), 1):
        need(len(f) == 8 and f[0] == str(n) and RE_TIME.match(f[1]) and RE_TOKEN.match(f[2]) and f[4] and
             f[3] in ("commitment", "exception", "secret", "public-value", "reveal", "record", "timeline", "replacement") and
             all(RE_HEX64.match(x) for x in f[5:8]), f"draw-log.txt:{n}: bad line")
        need(f[6] == prev, f"draw-log.txt:{n}: prev is not the hash of the entry before")
        h = hx(sha256(b"suiji-draw/1 log\x00" + "\t".join(f[:7]).encode("utf-8")))
        need(f[7] == h, f"draw-log.txt:{n}: hash")
        prev = h
        entries.append({"seq": n, "time": f[1], "draw": f[2], "kind": f[3], "subject": f[4], "digest": f[5]})
    return entries


def check_anchors(files, entries):
    """Spec §14.3: the bundle's files are the ones whose digests were logged, at the logged times."""
    P = parse_parameters(files["parameters.txt"])
    mine = [e for e in entries if e["draw"] == P["draw-id"]]

    def only(kind):
        found = [e for e in mine if e["kind"] == kind]
        need(len(found) == 1, f"draw-log.txt: {P['draw-id']}: {len(found)} {kind} entries, expected 1")
        return found[0]

    def same(entry, name):
        need(entry["digest"] == hx(sha256(files.get(name, b""))),
             f"draw-log.txt:{entry['seq']}: {name} does not match the logged digest ({entry['kind']})")
    commitment = only("commitment")
    same(commitment, "commitment.txt")
    same(only("reveal"), "reveal.txt")
    record = only("record")
    same(record, "record.txt")
    repl = [e for e in mine if e["kind"] == "replacement"]
    approvals = lines_of(files.get("inspector-replacements.txt", b""), "inspector-replacements.txt")
    need(len(repl) == len(approvals), "draw-log.txt: replacement entries do not match inspector-replacements.txt")
    if repl:
        same(repl[-1], "inspector-replacements.txt")
    if "timeline.txt" not in files:
        return
    T = parse_timeline(files["timeline.txt"])
    same(only("timeline"), "timeline.txt")
    need(commitment["time"] == T["published"] and commitment["subject"] == T["deadline"],
         f"draw-log.txt:{commitment['seq']}: commitment time or deadline differs from timeline.txt")
    need(record["time"] == T["executed"], f"draw-log.txt:{record['seq']}: execution time differs from timeline.txt")
    committed = {r[1]: r[2] for r in lines_of(files["commitment.txt"], "commitment.txt")[4:]}
    secrets = [e for e in mine if e["kind"] == "secret"]
    for d, t in T["revealed"]:
        logged = [e for e in secrets if e["subject"] == d]
        if t is None:
            need(not logged, f"draw-log.txt: {d} handed in its secret, but the bundle marks it missing")
        else:
            need(len(logged) == 1 and logged[0]["time"] == t and logged[0]["digest"] == committed[d],
                 f"draw-log.txt: no entry of {d}'s secret at {t}")
    need(len(secrets) == sum(1 for _, t in T["revealed"] if t), "draw-log.txt: secret entries")
    if "entered" in T:
        e = only("public-value")
        value = lines_of(files["reveal.txt"], "reveal.txt")[-1][1]
        need(e["time"] == T["entered"][0] and e["digest"] == hx(sha256(value.encode("utf-8"))),
             f"draw-log.txt:{e['seq']}: public value or its time differs")
    else:
        e = only("exception")
        approver, reason = T["exception"]
        need(e["digest"] == hx(sha256(lp(approver) + lp(reason))) and e["time"] <= commitment["time"],
             f"draw-log.txt:{e['seq']}: the exception differs or came after the commitment")


def read_log(location):
    if location.startswith("http://") or location.startswith("https://"):
        import urllib.request
        with urllib.request.urlopen(location, timeout=30) as response:
            return response.read()
    with open(location, "rb") as fh:
        return fh.read()


def check_assignment_public(teams, P, inspectors, insp_key, data):
    rows = lines_of(data, "assignment.txt")
    elig = eligible_sets(teams, P, inspectors, lambda i, t: False)
    need(len(rows) == len(teams) * len(P["slots"]), "assignment.txt: line count")
    k = 0
    for ti, t in enumerate(teams):
        seen = set()
        for s in P["slots"]:
            r = rows[k]
            k += 1
            need(r[0] == t["id"] and r[1] == s["name"], f"assignment.txt:{k}: team/slot order")
            need(r[2] in elig[(ti, s["dept"])], f"assignment.txt:{k}: inspector not eligible")
            need(r[2] not in seen, f"assignment.txt:{k}: inspector twice in one team")
            seen.add(r[2])
            need(r[3] == k16(key64(insp_key, lp(t["id"]) + lp(s["name"]) + lp(r[2]))), f"assignment.txt:{k}: key")


def compare(name, expected, found):
    if expected == found:
        return
    e, f = expected.split(b"\n"), found.split(b"\n")
    k = 0
    while k < min(len(e), len(f)) and e[k] == f[k]:
        k += 1
    exp = e[k].decode() if k < len(e) else "(none)"
    got = f[k].decode() if k < len(f) else "(none)"
    raise Reject(f"{name}:{k + 1}: expected {exp!r} found {got!r}")


# ---------------------------------------------------------------- test vectors (spec §12)
VECTORS = [
    ("V1", 3, ["ALL"], {"ALL": "count:1"}, ["SAMR-310115"], [], False, False),
    ("V2", 10, ["ALL"], {"ALL": "count:3"}, ["SAMR-310115", "HEALTH-310115"], [], True, False),
    ("V3", 50, ["A", "B", "C", "D"], {"A": "permille:100:ceil", "B": "permille:150:floor",
                                      "C": "permille:250:round-half-up", "D": "count:4"},
     ["SAMR-310115", "HEALTH-310115"], [], True, False),
    ("V4", 50, ["A", "B", "C", "D"], {"A": "permille:100:ceil", "B": "permille:150:floor",
                                      "C": "permille:250:round-half-up", "D": "count:4"},
     ["SAMR-310115", "HEALTH-310115"], ["HEALTH-310115"], True, False),
    ("V5", 20, ["ALL"], {"ALL": "count:4"}, ["SAMR-310115", "HEALTH-310115"], [], False, True),
    ("V6", 30, ["ALL"], {"ALL": "count:10"}, ["SAMR-310115", "HEALTH-310115"], [], True, "full"),
]
# V6 (spec §12): inspectors (id, dept, areas, items, home), all available; conflicts under the salt 0x01..0x10.
FULL_INSPECTORS = [
    ("I-01", "SAMR-310115", ["310104"], ["FOOD-01"], ""),
    ("I-02", "SAMR-310115", ["3101", "4"], ["FOOD-01"], ""),
    ("I-03", "SAMR-310115", ["310115"], ["FOOD-01", "LIC-02"], "310115001"),
    ("I-04", "SAMR-310115", ["310104", "310115"], ["FOOD-01"], "310104002"),
    ("I-05", "SAMR-310115", ["31"], ["FOOD-01"], ""),
    ("I-06", "HEALTH-310115", ["310104001", "310115"], [], ""),
    ("I-07", "HEALTH-310115", ["3101"], [], "310104"),
    ("I-08", "HEALTH-310115", ["310104"], [], ""),
    ("I-09", "HEALTH-310115", ["3101"], [], "310115003"),
    ("E-01", "EXPERT", ["3101"], ["EXP-01"], ""),
    ("E-02", "EXPERT", ["310104"], ["EXP-01"], ""),
    ("E-03", "EXPERT", ["310115"], ["EXP-01", "EXP-02"], ""),
]
FULL_SALT = bytes(range(1, 17))


def full_conflicts():
    out = []
    for k in range(1, 31):
        if k % 3 == 0:
            out.append(("I-05", vid(k)))
        if k % 4 == 1:
            out.append(("I-07", vid(k)))
        if k % 5 == 2:
            out.append(("E-01", vid(k)))
    return out
SOURCE = "中国福利彩票 3D 2026-12-01 开奖号码"


def vid(k):
    return "913101" + "%012d" % (k * 104729)


def build_vector(v):
    name, size, strata, rules, depts, missing, public, matching = v
    pool = []
    for k in range(1, size + 1):
        div = "310115" if k % 2 == 0 else "310104"
        pool.append([vid(k), strata[k % len(strata)], div, "" if k % 5 == 0 else div + "00" + str(k % 3 + 1)])
    pool.sort(key=lambda r: r[0].encode())
    excl = [[vid(size + 1), strata[(size + 1) % len(strata)], "not-operating"],
            [vid(size + 2), strata[(size + 2) % len(strata)], "inspected-this-year"]]
    files = {"pool.txt": enc(pool), "excluded.txt": enc(sorted(excl, key=lambda r: r[0].encode())),
             "conflicts.txt": b""}
    full = matching == "full"
    insp = []
    if full:
        for iid, dept, areas, items, home in FULL_INSPECTORS:
            insp.append([iid, dept, ",".join(sorted(areas, key=str.encode)), ",".join(sorted(items, key=str.encode)), "yes",
                         "9999-12-31" if dept == "EXPERT" else "2027-12-31", home])
    elif matching:
        for k in range(1, 13):
            dept = "EXPERT" if k >= 11 else ("SAMR-310115" if k % 2 == 1 else "HEALTH-310115")
            area = ["310115", "3101", "310104"][k % 3 - 1] if k % 3 else "310104"
            insp.append(["I-%02d" % k, dept, area, "FOOD-01,LIC-02", "no" if k == 7 else "yes",
                         "2026-12-01" if k == 9 else "2027-12-31", "310115001" if k == 5 else ""])
    insp.sort(key=lambda r: r[0].encode())
    conflict_pairs = full_conflicts() if full else []
    files["conflicts.txt"] = enc([[c] for c in sorted({conflict_commitment(FULL_SALT, i, t) for i, t in conflict_pairs})])
    files["inspectors.txt"] = enc(insp)
    P = {"draw-id": "D-2026-" + name, "plan-id": "PLAN-2026-01", "batch-id": "B-01", "batch-start": "2026-12-10",
         "batch-end": "2026-12-20", "key-item": "yes" if name == "V3" else "no", "pool-size": str(size),
         "excluded-count": "2", "excluded-digest": hx(sha256(files["excluded.txt"])),
         "inspectors-digest": hx(sha256(files["inspectors.txt"])), "conflicts-digest": hx(sha256(files["conflicts.txt"])),
         "departments": depts, "public": ("2026-12-01", SOURCE) if public else None, "strata": [],
         "slots": [], "items": [], "cap-extra": 1 if matching and not full else 0, "cross-unit": "yes" if matching else "no"}
    for label in sorted(rules, key=str.encode):
        sz = sum(r[1] == label for r in pool)
        n = sample_size(rules[label], sz)
        P["strata"].append({"label": label, "size": sz, "rule": rules[label], "n": n,
                            "r": min(sz - n, max(5, (n + 9) // 10)), "excluded": sum(e[1] == label for e in excl)})
    if matching:
        P["slots"] = [{"name": "leader", "dept": "SAMR-310115", "kind": "leader"},
                      {"name": "member-1", "dept": "HEALTH-310115", "kind": "member"},
                      {"name": "expert-1", "dept": "EXPERT", "kind": "expert"}]
        P["items"] = [("SAMR-310115", "FOOD-01")]
        if full:
            P["items"] = sorted(P["items"] + [("CULT-310115", "ART-09"), ("EXPERT", "EXP-01")])
    files["parameters.txt"] = enc_parameters(P)
    secret = {d: sha256(("suiji test secret " + d).encode()) for d in depts}
    files["commitment.txt"] = enc([["version", V], ["draw-id", P["draw-id"]],
                                   ["pool-digest", hx(sha256(files["pool.txt"]))],
                                   ["parameters-digest", hx(sha256(files["parameters.txt"]))]] +
                                  [["commit", d, secret_commitment(d, P["draw-id"], secret[d])] for d in depts])
    cd = hx(sha256(files["commitment.txt"]))
    files["reveal.txt"] = enc([["version", V], ["draw-id", P["draw-id"]], ["commitment-digest", cd]] +
                              [["secret", d, "missing" if d in missing else hx(secret[d])] for d in depts] +
                              [["public-value", "372", SOURCE] if public else ["public-value", "none"]])
    keys = derive(cd, [None if d in missing else secret[d] for d in depts], "372" if public else None)
    pool_rows = parse_pool(files["pool.txt"])
    drawn, repl, cut = select(pool_rows, P, keys["target"])
    files["selection.txt"], files["replacements.txt"] = enc(drawn), enc(repl)
    by_id = {t["id"]: t for t in pool_rows}
    teams = [by_id[r[2]] for r in drawn]
    inspectors = parse_inspectors(files["inspectors.txt"])
    is_conflict = (lambda i, t: (i, t) in set(conflict_pairs))  # noqa: E731
    assignment = match(teams, P, inspectors, keys["inspector"], is_conflict)
    files["assignment.txt"] = enc(assignment)
    rec = [["version", V], ["draw-id", P["draw-id"]]]
    rec += [[k + "-digest", hx(sha256(files[k + ".txt"]))] for k in ["pool", "excluded", "parameters", "commitment",
                                                                       "reveal"]]
    rec += [["missing", d] for d in missing]
    rec += [["prk", hx(keys["prk"])], ["target-key", hx(keys["target"])], ["inspector-key", hx(keys["inspector"])]]
    rec += cut + [[k + "-digest", hx(sha256(files[k + ".txt"]))] for k in ["selection", "replacements", "assignment"]]
    files["record.txt"] = enc(rec)
    if full:
        # Two approved replacements: the first team's member, then the last team's expert.
        members = [a for a in assignment if a[1] == "member-1"]
        experts = [a for a in assignment if a[1] == "expert-1"]
        rows = [["1", members[0][0], "member-1", members[0][2], "-", "A-01", "sick-leave", "2026-12-12", "-"],
                ["2", experts[-1][0], "expert-1", experts[-1][2], "-", "A-01", "post-change", "2026-12-12", "-"]]
        files["inspector-replacements.txt"] = enc(apply_replacements(rows, assignment, teams, P, inspectors, keys["prk"],
                                                                     is_conflict))
    files["manifest.txt"] = enc([[n, str(len(files[n])), hx(sha256(files[n]))] for n in sorted(files, key=str.encode)])
    return files, keys, pool_rows


def dump_vector(v):
    files, keys, pool_rows = build_vector(v)
    out = ["## " + v[0], "", "```"]
    for f in ["pool.txt", "excluded.txt", "parameters.txt", "inspectors.txt", "conflicts.txt", "commitment.txt",
              "reveal.txt", "selection.txt", "replacements.txt", "assignment.txt", "record.txt", "inspector-replacements.txt"]:
        if f in files:
            out.append("digest %s %s" % (f, hx(sha256(files[f]))))
    out += ["prk " + hx(keys["prk"]), "target-key " + hx(keys["target"]), "inspector-key " + hx(keys["inspector"]),
            "replacement-key-1 " + hx(replacement_key(keys["prk"], 1))]
    out += ["key %s %s" % (t["id"], k16(key64(keys["target"], t["id"].encode()))) for t in pool_rows]
    for f in ["selection.txt", "replacements.txt", "assignment.txt", "record.txt", "inspector-replacements.txt"]:
        if f in files:
            out += ["%s: %s" % (f, line.replace("\t", " ")) for line in files[f].decode().split("\n") if line]
    out.append("```")
    return "\n".join(out) + "\n"


def self_test():
    # RFC 5869 test case 1 and RFC 4231 test case 2.
    prk = hkdf_extract(bytes(range(13)), b"\x0b" * 22)
    assert hx(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"
    okm = hkdf_expand(prk, bytes(range(0xf0, 0xfa)), 42)
    assert hx(okm).startswith("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf")
    assert hx(mac(b"Jefe", b"what do ya want for nothing?")).startswith("5bdcc146bf60754e6a042426089575c7")


def main(argv):
    self_test()
    if len(argv) >= 2 and argv[1] == "vectors":
        sys.stdout.write("# suiji-draw/1 test vectors\n\n")
        sys.stdout.write("Generated by `DrawBench vectors` (Swift) and `tools/reference_verifier.py vectors` "
                         "(Python); both must be identical.\n\n")
        for v in VECTORS:
            sys.stdout.write(dump_vector(v) + "\n")
        return 0
    if len(argv) >= 4 and argv[1] == "build":
        files = build_vector([v for v in VECTORS if v[0] == argv[2]][0])[0]
        os.makedirs(argv[3], exist_ok=True)
        for n, b in files.items():
            with open(os.path.join(argv[3], n), "wb") as fh:
                fh.write(b)
        print(hx(sha256(files["record.txt"])))
        return 0
    if len(argv) >= 3 and argv[1] == "verify":
        salt = bytes.fromhex(argv[argv.index("--salt") + 1]) if "--salt" in argv else None
        log = argv[argv.index("--log") + 1] if "--log" in argv else None
        files = {}
        for n in os.listdir(argv[2]):
            with open(os.path.join(argv[2], n), "rb") as fh:
                files[n] = fh.read()
        try:
            digest, notes = verify(files, salt)
            if log is not None:
                entries = parse_log(read_log(log))
                check_anchors(files, entries)
                notes.append("matches the public log (head %d)" % len(entries))
        except Reject as e:
            print("FAIL " + str(e))
            return 1
        for n in notes:
            print("NOTE " + n)
        print("OK record-digest " + digest)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
