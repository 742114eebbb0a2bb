#!/usr/bin/env python3
"""Writes hostile.openapi.json: an OpenAPI document whose every name and text tries to break the
generated Swift, docs pages and snippets. Run it after editing; the JSON is checked in.
The cases are listed by name in Tests/SpecGenCoreTests/HostileSpecTests.swift."""
import json, pathlib

NASTY_DOC = ("Ends a comment */ then /* opens one; \"\"\" triple quotes; interpolation \\(x); raw #\"string\"#; "
             "backticks ``` and `code`; controls \u0000\u0007\u001b[31m; bidi \u202e\u2066evil\u2069\u202c; "
             "zero width \u200b\ufeff; line separator \u2028 paragraph \u2029 end\r\nimport Foundation\nfatalError(\"injected\")")

def s(t="string", **kw):
    d = {"type": t}; d.update(kw); return d

hostile_props = {
    "class": s(description="keyword `class` */"),
    "self": s(),
    "Type": s(),
    "init": s(),
    "default": s(),
    "nil": s(),
    "true": s("boolean"),
    "": s(description="empty name"),
    "123": s("integer"),
    "2fa": s(),
    "userName": s(),
    "username": s(),
    "USERNAME": s(),
    "user_name": s(),
    "user-name": s(),
    "\U0001F525": s(),
    "\U0001F525\U0001F525": s(),
    "\"\\(x)": s(description="the name is a quote then \\(x)"),
    "a\\b": s(),
    "*/": s(),
    "$ref": s(),
    "line\nbreak": s(),
    "admin\u202e": s(),
    "additionalProperties": s(),
    "rejectedNulls": s(),
    "CodingKeys": s(),
    "validate": s(),
    "a/b~c": s(maxLength=1),
    "_": s(),
    "$": s(),
    "gr\u00f6\u00dfe": s(),
    "Protocol": s(),
    "#\"raw\"#": s(),
    "quote": {"$ref": "#/components/schemas/Quote\"Enum"},
    "mode": {"$ref": "#/components/schemas/Mode"},
    "nested": {"type": "object", "properties": {"in": s(), "\"": s()}, "required": ["in"]},
}

spec = {
    "openapi": "3.1.0",
    "info": {"title": "Hostile */ API \"\\(x)\" #\"\n\u202etitle", "version": "1\"0"},
    "servers": [{
        "url": "http://api.example.com/v{version}/it's\"q",
        "description": "server */ \"\\(x)\"",
        "variables": {"version": {"default": "1\"2"}, "default": {"default": "unused"}},
    }],
    "paths": {
        "/h\u00e9/{item-id}/it's \"q\"/{class}": {
            "post": {
                "operationId": "post/\"hostile\" \\(op) `x`",
                "summary": "Hostile | summary\nwith newline `tick` */",
                "description": NASTY_DOC + "\n```\nunclosed fence",
                "parameters": [
                    {"name": "item-id", "in": "path", "required": True, "schema": s(), "example": "id/with slash?&\"q\""},
                    {"name": "class", "in": "path", "required": True, "schema": s(), "example": "k"},
                    {"name": "q\"uote\\(x)", "in": "query", "required": True, "schema": s(), "example": "it's \"v\" $(echo pwned) `id` &a=b", "description": "query | with pipe */"},
                    {"name": "X-It's-Header", "in": "header", "required": True, "schema": s(), "example": "v'\"$HOME\\"},
                    {"name": "self", "in": "query", "schema": s("integer")},
                ],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hostile"}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hostile"}}}}},
            }
        },
        "/list": {
            "get": {"operationId": "list-items", "responses": {"204": {"description": "none"}}},
        },
        "/list2": {
            "get": {"operationId": "list_items", "responses": {"204": {"description": "none"}}},
        },
        "/class": {
            "get": {"operationId": "class", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/String"}}}}}},
        },
    },
    "components": {"schemas": {
        "Hostile": {"type": "object", "description": NASTY_DOC, "properties": hostile_props, "required": ["class", "\"\\(x)"]},
        "Quote\"Enum": {"type": "string", "description": "enum */ \"\"\"", "enum": [
            "say \"hi\"", "\\(x)", "", "A", "a", "default", "self", "rawValue", "1", "01", "\U0001F600", "#\"x\"#", "*/", "line\nbreak"]},
        "Mode": {"type": ["integer", "null"], "enum": [-1, 0, 1, None]},
        "String": {"type": "object", "properties": {"value": s()}},
        "Data": s(),
        "Date": s("integer"),
        "URL": s(),
        "Pet": {"type": "object", "properties": {"upper": s()}},
        "pet": {"type": "object", "properties": {"lower": s()}},
        "class": {"type": "object", "properties": {"self": s()}},
        "Self": s(),
        "JSONValue": s("boolean"),
        "Nullable": s(),
        "Foo.Bar-Baz": {"type": "object", "properties": {"dot": s()}},
        "Foo_Bar_Baz": {"type": "object", "properties": {"underscore": s()}},
        "\U0001F600Smile": {"type": "object", "properties": {"x": s()}},
        "\U0001F600": {"type": "object", "properties": {"y": s()}},
        "1Thing": s(),
        "Operations": s(),
        "APIClient": s(),
        "Type": s(),
        "Tagged": {"oneOf": [{"$ref": "#/components/schemas/Cat\"Quote"}, {"$ref": "#/components/schemas/Dog"}],
                   "discriminator": {"propertyName": "kind\"", "mapping": {
                       "c\"at\\(x)": "#/components/schemas/Cat\"Quote", "dog */": "#/components/schemas/Dog"}}},
        "Cat\"Quote": {"type": "object", "properties": {"kind\"": s(), "meow": s()}, "required": ["kind\""]},
        "Dog": {"type": "object", "properties": {"kind\"": s(), "bark": s("integer")}, "required": ["kind\"", "bark"]},
        "Node": {"type": "object", "description": "contains itself by value: parent, and through Meta",
                 "properties": {"name": s(), "parent": {"$ref": "#/components/schemas/Node"},
                                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                                "meta": {"$ref": "#/components/schemas/Meta"}}, "required": ["name"]},
        "Meta": {"type": "object", "properties": {"owner": {"$ref": "#/components/schemas/Node"}, "next": {"$ref": "#/components/schemas/Meta"}}},
        "Rules": {"type": "object", "description": "rules */ \"\"\"",
                  "properties": {
                      "a\"": s(pattern=r'^"\\\(x\)[*/]+$'),
                      "c": s(pattern=r'^\(x)$'),
                      "b`": s(const="say \"hi\" \\(x) */"),
                  },
                  "dependentRequired": {"a\"": ["b`"]},
                  "not": {"required": ["a\"", "b`"], "description": "never both \"a\\\"\" and */ b`"}},
    }},
}

out = pathlib.Path(__file__).with_name("hostile.openapi.json")
out.write_text(json.dumps(spec, indent=2, ensure_ascii=True) + "\n")
