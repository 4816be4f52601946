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

# Log entries: a prefixed first line and tab-indented continuation lines.
entries = []
for line in text.split("\n"):
    m = ENTRY.match(line)
    if m:
        entries.append([m.group(3), m.group(4), m.group(5)])
    elif entries and line.startswith("\t"):
        entries[-1][2] += "\n" + line[1:]

statements = []
captured = []
variables = []
for i, (db, kind, body) in enumerate(entries):
    if db != database or kind != "LOG":
        continue
    if body == "statement: BEGIN":  # the driver opens a transaction by a simple query, not logged as execute
        captured.append(("BEGIN", {}, False))
        continue
    m = EXECUTE.match(body)
    if not m:
        continue
    sql = m.group(1).strip().rstrip(";")
    params = {}
    if i + 1 < len(entries) and entries[i + 1][1] == "DETAIL" and entries[i + 1][2].startswith("parameters: "):
        params = {int(n): v for n, v in PARAM.findall(entries[i + 1][2])}
    captured.append((sql, params, sql.upper().startswith("INSERT")))


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
