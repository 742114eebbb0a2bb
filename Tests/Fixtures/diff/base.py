"""The base API every diff fixture edits (see make_fixtures.py)."""

def base():
    def op(op_id, params=None, body=None, response=None, status="200"):
        o = {"operationId": op_id, "summary": op_id, "responses": {}}
        if params: o["parameters"] = params
        if body: o["requestBody"] = body
        o["responses"][status] = {"description": "ok"}
        if response: o["responses"][status]["content"] = {"application/json": {"schema": response}}
        return o
    ref = lambda name: {"$ref": "#/components/schemas/" + name}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": "1.0.0"},
        "servers": [{"url": "https://pets.example.com/v1"}],
        "paths": {
            "/pets": {
                "get": op("listPets", params=[
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
                    {"name": "status", "in": "query", "required": True, "schema": ref("PetStatus")},
                    {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                ], response={"type": "array", "items": ref("Pet")}),
                "post": op("createPet", body={"required": True, "content": {"application/json": {"schema": ref("NewPet")}}}, response=ref("Pet"), status="201"),
            },
            "/pets/{petId}": {
                "get": op("getPet", params=[
                    {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                ], response=ref("Pet")),
                "patch": op("updatePet", params=[{"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}],
                            body={"content": {"application/json": {"schema": ref("PetPatch")}}}, response=ref("Pet")),
            },
        },
        "components": {"schemas": {
            "Pet": {"type": "object", "description": "A pet.", "required": ["id", "name"], "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "tag": {"type": "string"},
                "createdAt": {"type": "string"},
                "status": ref("PetStatus"),
                "owner": {"type": "object", "properties": {"name": {"type": "string"}}},
                "animal": ref("Animal"),
                "photos": {"type": "array", "items": {"type": "string"}},
                "contact": ref("Contact"),
            }},
            "NewPet": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "maxLength": 50},
                "tag": {"type": "string"},
                "status": ref("PetStatus"),
            }},
            "PetPatch": {"type": "object", "properties": {
                "name": {"type": "string"},
                "tag": {"type": "string", "nullable": True},
            }},
            "PetStatus": {"type": "string", "enum": ["available", "sold"]},
            "Animal": {"oneOf": [ref("Cat"), ref("Dog")]},
            "Cat": {"type": "object", "title": "Cat", "required": ["meows"], "properties": {"meows": {"type": "boolean"}}},
            "Dog": {"type": "object", "title": "Dog", "required": ["barks"], "properties": {"barks": {"type": "boolean"}}},
            "Contact": {"type": "object", "properties": {"email": {"type": "string"}}},
            "Address": {"type": "object", "properties": {"street": {"type": "string"}}},
        }},
    }
