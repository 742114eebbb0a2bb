/// Schema objects of an OpenAPI document (every JSON Schema keyword SpecGen reads) into `Schema`s.
extension ReaderState {
    mutating func readSchema(_ node: JSONNode, at pointer: JSONPointer) -> Schema {
        let schema = Schema(pointer: pointer, offset: node.offset)
        switch node.value {
        case .bool(let flag):
            if flag { schema.isAnything = true } else { schema.isNothing = true }
            return schema
        case .object(let object):
            fill(schema, from: object, at: pointer)
        default:
            error("a schema must be an object or a boolean, found \(node.value.typeName)", at: pointer)
            schema.isAnything = true
        }
        return schema
    }

    mutating func integer(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> Int? {
        guard let node = object[key] else { return nil }
        guard let number = node.value.numberValue, let value = number.int, value >= 0 else {
            warning("'\(key)' must be a non-negative integer; ignored", at: pointer.appending(key))
            return nil
        }
        return value
    }

    mutating func number(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> Double? {
        guard let node = object[key] else { return nil }
        guard let number = node.value.numberValue else {
            if case .bool = node.value { return nil }
            warning("'\(key)' must be a number; ignored", at: pointer.appending(key))
            return nil
        }
        return number.double
    }

    mutating func schemaList(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> [Schema] {
        guard let node = object[key] else { return [] }
        guard case .array(let items) = node.value else {
            error("'\(key)' must be an array of schemas", at: pointer.appending(key))
            return []
        }
        return items.enumerated().map { readSchema($1, at: pointer.appending(key).appending($0)) }
    }

    /// Reads every keyword of a schema object into `schema`, in keyword-group order (diagnostics keep that order).
    mutating func fill(_ schema: Schema, from object: JSONObject, at pointer: JSONPointer) {
        fillAnnotationsAndType(schema, from: object, at: pointer)
        fillMembers(schema, from: object, at: pointer)
        fillValuesAndCompositions(schema, from: object, at: pointer)
        fillConstraints(schema, from: object, at: pointer)
    }

    /// `$ref`, the annotations (`title`, `description`, `default`, `example`, …), `type` and 3.0's `nullable`.
    private mutating func fillAnnotationsAndType(_ schema: Schema, from object: JSONObject, at pointer: JSONPointer) {
        if object.isEmpty { schema.isAnything = true }
        if let refNode = object["$ref"] {
            let refPointer = pointer.appending("$ref")
            if let ref = refNode.value.stringValue {
                schema.ref = schemaReferenceKey(ref, at: refPointer, offset: refNode.offset)
            } else {
                error("'$ref' must be a string", at: refPointer)
            }
        }
        schema.title = object["title"]?.value.stringValue
        schema.description = object["description"]?.value.stringValue
        schema.format = object["format"]?.value.stringValue
        schema.deprecated = object["deprecated"]?.value.boolValue ?? false
        schema.readOnly = object["readOnly"]?.value.boolValue ?? false
        schema.writeOnly = object["writeOnly"]?.value.boolValue ?? false
        schema.defaultValue = object["default"]?.value
        schema.example = object["example"]?.value ?? object["examples"]?.value.arrayValue?.first?.value

        if let typeNode = object["type"] {
            var types = Set<JSONType>()
            switch typeNode.value {
            case .string(let name):
                if let type = JSONType(rawValue: name) { types.insert(type) } else {
                    warning("unknown type '\(name)'; treated as any value", at: pointer.appending("type"))
                }
            case .array(let names):
                for (index, name) in names.enumerated() {
                    if let text = name.value.stringValue, let type = JSONType(rawValue: text) { types.insert(type) }
                    // YAML `type: [array, null]` reads an unquoted null as the null value, meaning "null".
                    else if name.value.isNull { types.insert(.null) } else {
                        warning("unknown type in type array; ignored", at: pointer.appending("type").appending(index))
                    }
                }
            default:
                warning("'type' must be a string or an array of strings; ignored", at: pointer.appending("type"))
            }
            if !types.isEmpty { schema.types = types }
        }
        if object["nullable"]?.value.boolValue == true {
            // OpenAPI 3.0 `nullable` adds null to whatever the schema allows.
            schema.nullable = true
            if var types = schema.types { types.insert(.null); schema.types = types }
        }
    }

    /// `properties`, `required`, `additionalProperties`, the array items, `patternProperties`, `dependentSchemas`.
    private mutating func fillMembers(_ schema: Schema, from object: JSONObject, at pointer: JSONPointer) {
        for entry in object["properties"]?.value.objectValue?.entries ?? [] {
            schema.properties.append((entry.key, readSchema(entry.value, at: pointer.appending("properties").appending(entry.key))))
        }
        if let requiredNode = object["required"] {
            if let list = requiredNode.value.arrayValue {
                schema.required = list.compactMap { $0.value.stringValue }
            } else if requiredNode.value.boolValue == nil {
                warning("'required' must be an array of property names; ignored", at: pointer.appending("required"))
            }
        }
        if let additional = object["additionalProperties"] {
            schema.additionalPropertiesExplicit = true
            switch additional.value {
            case .bool(let flag): schema.additionalProperties = flag ? .allowed : .forbidden
            case .object(let inner) where inner.isEmpty: schema.additionalProperties = .allowed
            default: schema.additionalProperties = .schema(readSchema(additional, at: pointer.appending("additionalProperties")))
            }
        }
        readArrayItems(schema, from: object, at: pointer)
        for entry in object["patternProperties"]?.value.objectValue?.entries ?? [] {
            let entryPointer = pointer.appending("patternProperties").appending(entry.key)
            guard ECMARegex.translate(entry.key) != nil else {
                warning("patternProperties pattern '\(entry.key)' uses syntax SpecGen cannot check; it is ignored", at: entryPointer)
                continue
            }
            schema.patternProperties.append((entry.key, readSchema(entry.value, at: entryPointer)))
        }
        for entry in object["dependentSchemas"]?.value.objectValue?.entries ?? [] {
            schema.dependentSchemas.append((entry.key, readSchema(entry.value, at: pointer.appending("dependentSchemas").appending(entry.key))))
        }
    }

    /// `enum`, `const`, `allOf`/`oneOf`/`anyOf`/`not`, `dependentRequired` and draft 4-7 `dependencies`.
    private mutating func fillValuesAndCompositions(_ schema: Schema, from object: JSONObject, at pointer: JSONPointer) {
        if let values = object["enum"] {
            if let list = values.value.arrayValue {
                schema.enumValues = list.map(\.value)
                if schema.enumValues!.contains(where: \.isNull), var types = schema.types {
                    types.insert(.null)
                    schema.types = types
                }
            } else {
                warning("'enum' must be an array; ignored", at: pointer.appending("enum"))
            }
        }
        schema.constValue = object["const"]?.value
        schema.allOf = schemaList(object, "allOf", at: pointer)
        schema.oneOf = schemaList(object, "oneOf", at: pointer)
        schema.anyOf = schemaList(object, "anyOf", at: pointer)
        if let not = object["not"] { schema.not = readSchema(not, at: pointer.appending("not")) }
        for entry in object["dependentRequired"]?.value.objectValue?.entries ?? [] {
            schema.dependentRequired.append((entry.key, entry.value.value.arrayValue?.compactMap { $0.value.stringValue } ?? []))
        }
        // Draft 4-7 `dependencies`: an array value means dependentRequired, a schema value dependentSchemas.
        for entry in object["dependencies"]?.value.objectValue?.entries ?? [] {
            if let names = entry.value.value.arrayValue {
                schema.dependentRequired.append((entry.key, names.compactMap { $0.value.stringValue }))
            } else {
                schema.dependentSchemas.append((entry.key, readSchema(entry.value, at: pointer.appending("dependencies").appending(entry.key))))
            }
        }
    }

    /// Lengths, `pattern`, bounds, `multipleOf`, item and property counts, the `discriminator`.
    private mutating func fillConstraints(_ schema: Schema, from object: JSONObject, at pointer: JSONPointer) {
        schema.minLength = integer(object, "minLength", at: pointer)
        schema.maxLength = integer(object, "maxLength", at: pointer)
        if let pattern = object["pattern"] {
            if let text = pattern.value.stringValue {
                if ECMARegex.translate(text) == nil {
                    warning("pattern '\(text)' uses syntax SpecGen cannot check; it is not validated", at: pointer.appending("pattern"))
                } else {
                    schema.pattern = text
                }
            }
        }
        schema.minimum = number(object, "minimum", at: pointer)
        schema.maximum = number(object, "maximum", at: pointer)
        // 3.0 boolean exclusiveMinimum/Maximum modify minimum/maximum; 3.1 uses numbers.
        if let exclusive = object["exclusiveMinimum"] {
            if exclusive.value.boolValue == true { schema.exclusiveMinimum = schema.minimum; schema.minimum = nil }
            else if let value = exclusive.value.numberValue { schema.exclusiveMinimum = value.double }
        }
        if let exclusive = object["exclusiveMaximum"] {
            if exclusive.value.boolValue == true { schema.exclusiveMaximum = schema.maximum; schema.maximum = nil }
            else if let value = exclusive.value.numberValue { schema.exclusiveMaximum = value.double }
        }
        schema.multipleOf = number(object, "multipleOf", at: pointer)
        if let multiple = schema.multipleOf, multiple <= 0 {
            warning("'multipleOf' must be greater than 0; ignored", at: pointer.appending("multipleOf"))
            schema.multipleOf = nil
        }
        schema.minItems = integer(object, "minItems", at: pointer)
        schema.maxItems = integer(object, "maxItems", at: pointer)
        schema.uniqueItems = object["uniqueItems"]?.value.boolValue ?? false
        schema.minProperties = integer(object, "minProperties", at: pointer)
        schema.maxProperties = integer(object, "maxProperties", at: pointer)
        if let discriminator = object["discriminator"]?.value.objectValue {
            schema.discriminatorProperty = discriminator["propertyName"]?.value.stringValue
            for entry in discriminator["mapping"]?.value.objectValue?.entries ?? [] {
                if let target = entry.value.value.stringValue {
                    schema.discriminatorMapping.append((entry.key, target))
                }
            }
        }
        if object.count == 1, object["$ref"] == nil, object["description"] != nil || object["title"] != nil {
            schema.isAnything = true
        }
    }

    /// `prefixItems` + `items` (2020-12), or draft 4's `items: [...]` + `additionalItems`, into `prefixItems` and
    /// `items` (the schema for the elements after the prefix).
    mutating func readArrayItems(_ schema: Schema, from object: JSONObject, at pointer: JSONPointer) {
        if object["prefixItems"] != nil { schema.prefixItems = schemaList(object, "prefixItems", at: pointer) }
        guard let items = object["items"] else { return }
        if case .array = items.value {
            schema.prefixItems = schemaList(object, "items", at: pointer)
            if let additional = object["additionalItems"] {
                schema.items = readSchema(additional, at: pointer.appending("additionalItems"))
            }
        } else {
            schema.items = readSchema(items, at: pointer.appending("items"))
        }
    }
}
