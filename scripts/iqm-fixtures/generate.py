#!/usr/bin/env python3
"""Writes adplane's own test fixtures from IQM's published OpenAPI documents.

Source: IQM's OpenAPI documents of its Campaign, Creative and Master APIs (mcp-cmp.json, mcp-creative.json,
mcp-master.json), as IQM publishes them with its API documentation. Pass the directory that holds them:

    python3 scripts/iqm-fixtures/generate.py /path/to/iqm-openapi

It writes, under server/src/test/resources/iqm/:
  operations.tsv      every operation of the three documents: api, method, path, operationId
  cmp-creative-examples.json
                      every request example of mcp-cmp.json and mcp-creative.json: the operation, the
                      example's name, its content type, its body (multipart: the creativeRequest part), and
                      the keys of IQM's 200 answer example with their JSON types ("" the top level,
                      "a.b" nested objects, "a[]" array items), for the answer checks; and under
                      "answers" the keys of IQM's 200 answer example of every operation of the two.
IQM's documents themselves are not copied. The output is deterministic (sorted); re-run it when IQM
publishes new documents and review the diff.
"""
import json
import os
import sys

METHODS = ("get", "post", "put", "patch", "delete")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "server", "src", "test", "resources", "iqm")


def resolve(doc, node, depth=0):
    if isinstance(node, dict):
        if "$ref" in node and depth < 12:
            target = doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return resolve(doc, target, depth + 1)
        return {k: resolve(doc, v, depth) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(doc, v, depth) for v in node]
    return node


def json_type(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def keys(value, path, out):
    if isinstance(value, dict):
        level = out.setdefault(path, {})
        for k, v in value.items():
            level.setdefault(k, json_type(v))
            keys(v, (path + "." if path else "") + k, out)
    elif isinstance(value, list):
        for item in value:
            keys(item, path + "[]", out)
    return out


def answer_keys(op):
    ok = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
    examples = ok.get("examples") or ({"example": {"value": ok["example"]}} if "example" in ok else {})
    for example in examples.values():
        if isinstance(example, dict) and isinstance(example.get("value"), dict) and example["value"].get("success", True) is not False:
            return keys(example["value"], "", {})
    return None


def main(source):
    operations = []
    examples = []
    answers = {}
    for api, name in (("cmp", "mcp-cmp.json"), ("creative", "mcp-creative.json"), ("master", "mcp-master.json")):
        with open(os.path.join(source, name), encoding="utf-8") as f:
            doc = json.load(f)
        for path, item in doc["paths"].items():
            for method in METHODS:
                if method not in item:
                    continue
                op = resolve(doc, item[method])
                operations.append((api, method.upper(), path, op.get("operationId", "")))
                if api == "master":
                    continue
                answer = answer_keys(op)
                if answer:
                    answers[method.upper() + " " + path] = answer
                for content_type, content in op.get("requestBody", {}).get("content", {}).items():
                    given = content.get("examples") or ({"example": {"value": content["example"]}} if "example" in content else {})
                    for example_name, example in sorted(given.items()):
                        body = example.get("value") if isinstance(example, dict) else example
                        examples.append({"operation": method.upper() + " " + path, "example": example_name.strip(),
                                         "contentType": content_type, "body": body, "answerKeys": answer})
    operations = sorted(set(operations), key=lambda o: (o[0], o[2], o[1]))
    os.makedirs(ROOT, exist_ok=True)
    with open(os.path.join(ROOT, "operations.tsv"), "w", encoding="utf-8") as f:
        f.write("# Every operation of IQM's mcp-cmp.json, mcp-creative.json and mcp-master.json"
                " (written by scripts/iqm-fixtures/generate.py)\n")
        f.write("api\tmethod\tpath\toperationId\n")
        for o in operations:
            f.write("\t".join(o) + "\n")
    examples.sort(key=lambda e: (e["operation"], e["example"]))
    with open(os.path.join(ROOT, "cmp-creative-examples.json"), "w", encoding="utf-8") as f:
        json.dump({"note": "adplane's own fixture, written by scripts/iqm-fixtures/generate.py: IQM's request examples"
                           " of its Campaign and Creative APIs and the keys of IQM's 200 answer examples. The replay"
                           " test replaces ids by real ones and moves times into the future.",
                   "examples": examples, "answers": dict(sorted(answers.items()))}, f, indent=1, ensure_ascii=False,
                  sort_keys=False)
        f.write("\n")
    print(len(operations), "operations,", len(examples), "examples")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py <directory with mcp-cmp.json, mcp-creative.json, mcp-master.json>")
    main(sys.argv[1])
