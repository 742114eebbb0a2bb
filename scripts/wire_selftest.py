"""Checks the wire server's style deserializer against the OpenAPI "Style Examples" table
(Tests/Fixtures/openapi-spec/style-examples-3.1.1.md): every cell with a value must read back as the value the
specification serializes (`color` = "blue", ["blue", "black", "brown"] or {"R": 100, "G": 200, "B": 150})."""
import os, re

import wire_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "Tests", "Fixtures", "openapi-spec", "style-examples-3.1.1.md")
VALUES = {"string": "blue", "array": ["blue", "black", "brown"], "object": {"R": 100, "G": 200, "B": 150}}
SCHEMAS = {"string": {"type": "string"}, "array": {"type": "array", "items": {"type": "string"}},
           "object": {"type": "object", "properties": {k: {"type": "integer"} for k in "RGB"}}}


def check():
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    server = wire_server.WireServer(document, {"cases": []})
    failures, checked = [], 0
    for line in open(TABLE).read().splitlines()[2:]:
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in line.strip().strip("|").split("|")]
        style, explode = cells[0], cells[1] == "true"
        for column, cell in zip(("undefined", "string", "array", "object"), cells[2:]):
            if column == "undefined" or cell in ("_n/a_", "_empty_"):
                continue
            schema = SCHEMAS[column]
            parameter = {"name": "color", "style": style, "explode": explode, "schema": schema}
            try:
                if cell.startswith("?"):
                    pairs = wire_server.split_pairs(cell[1:])
                    value, used = server.query_parameter(parameter, pairs, set())
                    if len(used) != len(pairs):
                        raise ValueError("left %d pairs unread" % (len(pairs) - len(used)))
                else:
                    value = wire_server.style_value(cell, style, explode, wire_server.kind_of(server.spec, schema), "color")
                value = server.spec.coerce(value, schema)
            except ValueError as error:
                value = "error: %s" % error
            checked += 1
            if value != VALUES[column]:
                failures.append("%s explode=%s %s %r read as %r" % (style, explode, column, cell, value))
    if checked < 25:
        failures.append("only %d cells checked" % checked)
    return failures


if __name__ == "__main__":
    problems = check()
    print("\n".join(problems) or "every cell of the Style Examples table reads back")
