#!/usr/bin/env python3
"""Turns the statements adplane ran while PostgreSQL logged them (log_statement = 'all') into a pgbench script.

Usage: replay.py LOG OFFSET DATABASE OUT

Reads LOG from byte OFFSET and keeps the statements that adplane's connections executed on DATABASE through
the extended protocol ("execute <name>: ...") and the BEGINs that open their transactions. OUT gets them in order, one pgbench command each, with
pgbench variables (:p1, :p2, ...) where the server bound parameters; OUT.vars gets each variable's logged
value, one "name=value" per line, for pgbench -D. Run with -M prepared, the replay then parses and plans each
statement once, as the server's driver does. Bench.java sent the sampled requests one after the other, so
OUT replays them in their real order, transactions included. A token hash inserted by the capture would
collide on replay, so in INSERTs a 64-hex-digit value becomes a fresh random one, and a NULL or an empty
string stays a literal. OUT.mode says how to run it: "prepared", or "simple" when the capture has more values
than a command line holds (a clock advance): then they are written into OUT as literals (integers unquoted, as the
server binds them as numbers), and the replay parses every statement, which the server's driver does not (that ceiling is a lower bound).
"""
import re
import sys

log, offset, database, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*)@(\S*) (LOG|DETAIL|ERROR|STATEMENT):  (.*)$")
EXECUTE = re.compile(r"^execute [^:]+: (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
HASH = re.compile(r"^'[0-9a-f]{64}'$")
INTEGER = re.compile(r"^'-?[0-9]+'$")

with open(log, "rb") as f:
    f.seek(offset)
    text = f.read().decode("utf-8", "replace")

# Log entries: a prefixed first line and tab-indented continuation lines; each with its backend's pid.
entries = []
for line in text.split("\n"):
    m = ENTRY.match(line)
    if m:
        entries.append([m.group(1), m.group(3), m.group(4), m.group(5)])
    elif entries and line.startswith("\t"):
        entries[-1][3] += "\n" + line[1:]

# The server may run statements on several connections at once (the simulator delivers IOs side by side): each
# transaction is kept whole, in the order the transactions ended, and parameters go to their connection's
# statement.
captured = []
open_tx = {}  # pid -> the statements of its open transaction
last = {}  # pid -> the last statement that connection ran
variables = []
for pid, db, kind, body in entries:
    if db != database:
        continue
    if kind == "DETAIL" and body.startswith("parameters: ") and pid in last:
        last[pid][1].update({int(n): v for n, v in PARAM.findall(body)})
        continue
    if kind != "LOG":
        continue
    if body == "statement: BEGIN":  # the driver opens a transaction by a simple query, not logged as execute
        open_tx[pid] = [("BEGIN", {}, False)]
        continue
    m = EXECUTE.match(body)
    if not m:
        continue
    sql = m.group(1).strip().rstrip(";")
    statement = (sql, {}, sql.upper().startswith("INSERT"))
    last[pid] = statement
    if pid in open_tx:
        open_tx[pid].append(statement)
        if sql.upper() in ("COMMIT", "ROLLBACK"):
            captured.extend(open_tx.pop(pid))
    else:
        captured.append(statement)
for statements in open_tx.values():  # transactions the capture ended in
    captured.extend(statements)


def bound(sql, params, inserting, inline):
    def bind(found):
        value = params.get(int(found.group(1)))
        if value is None:
            return found.group(0)
        if inserting and HASH.match(value):
            return "(md5(random()::text) || md5(random()::text))"
        if inline and INTEGER.match(value):
            return value[1:-1]  # the server binds these as numbers: a quoted literal would be text in VALUES
        if inline or value in ("NULL", "''"):
            return value  # a literal (pgbench -D takes neither NULL nor an empty string)
        variables.append(value[1:-1].replace("''", "'"))
        return ":p" + str(len(variables))
    return re.sub(r"\$(\d+)", bind, sql)


# Values go to pgbench as -D arguments, which the command line bounds: a capture with more of them (a clock
# advance sends tens of thousands of statements) is written with its values as literals, for -M simple.
inline = sum(len(p) for _, p, _ in captured) > 20000
statements = [bound(sql, params, inserting, inline) for sql, params, inserting in captured]

with open(out, "w") as f:
    for sql in statements:
        f.write(sql + ";\n")
with open(out + ".vars", "w") as f:
    for n, value in enumerate(variables, 1):
        f.write(f"p{n}={value}\n")
with open(out + ".mode", "w") as f:
    f.write("simple\n" if inline else "prepared\n")
print(len(statements))
