/// The result of loading input through a schema.
public struct LoadResult: Sendable {
    /// The loaded data; partial when there are errors.
    public var data: PayloadMap
    public var errors: ValidationErrors

    public var isValid: Bool { errors.isEmpty }
}

/// Thrown by `Schema.load` when the input is invalid.
public struct SchemaValidationError: Error, Sendable, CustomStringConvertible {
    public let errors: ValidationErrors
    public let partialData: PayloadMap

    public var description: String { errors.pythonRepr }
}

extension Schema {
    /// Loads input: typed snake_case data or the error tree. Rules (including what the
    /// original only ran after loading, such as the EventBridge rule — Q1) always run.
    public func load(_ node: YAMLNode) throws(SchemaValidationError) -> PayloadMap {
        let result = loadResult(node)
        guard result.isValid else { throw SchemaValidationError(errors: result.errors, partialData: result.data) }
        return result.data
    }

    /// The error tree for the input; empty when valid.
    public func validate(_ node: YAMLNode) -> ValidationErrors {
        loadResult(node).errors
    }

    public func loadResult(_ node: YAMLNode) -> LoadResult {
        var data = PayloadMap()
        var errors = ValidationErrors(mark: node.mark)
        guard case .mapping(let pairs) = node.value else {
            errors.addSchemaError(SchemaMessages.invalidInput, mark: node.mark)
            return LoadResult(data: data, errors: errors)
        }
        data.reserveCapacity(fields.count)

        // Locate each declared key once; unknown keys are revisited only if there are any.
        var matched = 0
        withUnsafeTemporaryAllocation(of: Int.self, capacity: fields.count) { positions in
            positions.initialize(repeating: -1)
            for (offset, pair) in pairs.enumerated() {
                if case .string(let key) = pair.key.value, let fieldIndex = fieldIndexByKey[key] {
                    positions[fieldIndex] = offset
                    matched += 1
                }
            }
            // Index loop: `enumerated()` would copy every Field (strings, kind, validators).
            fields.withUnsafeBufferPointer { declared in
                for fieldIndex in declared.indices {
                    loadField(declared[fieldIndex], at: positions[fieldIndex], pairs: pairs, node: node, into: &data, errors: &errors)
                }
            }
        }
        var unknown: [Int] = []
        if matched < pairs.count {
            for (offset, pair) in pairs.enumerated() {
                if case .string(let key) = pair.key.value, fieldIndexByKey[key] != nil { continue }
                unknown.append(offset)
            }
        }

        for offset in unknown {
            let pair = pairs[offset]
            let key = pair.key.value.keyDescription
            switch unknownKeys {
            case .raise:
                errors.add(SchemaMessages.unknown, at: key, mark: pair.key.mark)
            case .include:
                if attributeNames.contains(key) {
                    errors.add(SchemaMessages.unknown, at: key, mark: pair.key.mark)
                } else {
                    data[key] = PayloadValue(raw: pair.value)
                }
            case .exclude:
                break
            }
        }

        // Rules run only on an object without field errors (marshmallow's skip_on_field_errors), and
        // then every rule runs: each one's messages are reported, as marshmallow collects them all.
        if errors.isEmpty {
            for rule in rules {
                if var failure = rule(&data, node) {
                    // Messages a rule returns for the whole object belong under `_schema`.
                    if !failure.messages.isEmpty {
                        for message in failure.messages { failure.addSchemaError(message, mark: failure.mark) }
                        failure.messages = []
                    }
                    errors.merge(failure)
                }
            }
        }
        return LoadResult(data: data, errors: errors)
    }

    @inline(__always)
    private func loadField(_ field: Field, at position: Int, pairs: [YAMLPair], node: YAMLNode,
                           into data: inout PayloadMap, errors: inout ValidationErrors) {
        guard position >= 0 else {
            if field.required {
                errors.add(SchemaMessages.missing, at: field.key, mark: node.mark)
            } else if let fallback = field.loadDefault {
                data[field.name] = fallback
            }
            return
        }
        let pair = pairs[position]
        if case .null = pair.value.value {
            if field.allowsNull {
                data[field.name] = .null
            } else {
                errors.add(SchemaMessages.null, at: field.key, mark: pair.key.mark)
            }
            return
        }
        switch FieldDeserializer.deserialize(pair.value, as: field.kind) {
        case .success(let value):
            if let failure = FieldDeserializer.runValidators(field.validators, on: value) {
                var located = failure
                if located.mark == nil { located.mark = pair.key.mark }
                errors.merge(located, at: field.key)
            } else {
                data[field.name] = value
            }
        case .failure(let failure):
            var located = failure
            located.mark = pair.key.mark
            errors.merge(located, at: field.key)
        }
    }

    /// Writes loaded data back under data keys (the inverse of `load` for declared fields).
    public func dump(_ data: PayloadMap) -> PayloadMap {
        var output = PayloadMap()
        let declared = Set(fields.map(\.name))
        for field in fields {
            guard let value = data[field.name] else { continue }
            if case .nested(let schema) = field.kind, let inner = value.map {
                output[field.key] = .map(schema.dump(inner))
            } else {
                output[field.key] = value
            }
        }
        for (key, value) in data where !declared.contains(key) {
            output[key] = value
        }
        return output
    }
}
