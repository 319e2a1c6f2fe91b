/// Converts one input node to a loaded value according to a field kind.
enum FieldDeserializer {
    static let truthy: Set<String> = ["t", "T", "true", "True", "TRUE", "on", "On", "ON", "y", "Y", "yes", "Yes", "YES", "1"]
    static let falsy: Set<String> = ["f", "F", "false", "False", "FALSE", "off", "Off", "OFF", "n", "N", "no", "No", "NO", "0"]

    static func deserialize(_ node: YAMLNode, as kind: FieldKind) -> Result<PayloadValue, ValidationErrors> {
        switch kind {
        case .string:
            guard case .string(let text) = node.value else { return .failure(.message(SchemaMessages.notString)) }
            return .success(.string(text))
        case .boolean:
            return boolean(node.value).map { .success(.bool($0)) } ?? .failure(.message(SchemaMessages.notBoolean))
        case .integer:
            if case .double(let number) = node.value, number.isFinite, number != number.rounded() {
                // The original truncates 2.5 to 2; a silently shortened MaxSessionDuration or
                // retention period is worse than a refusal that says why.
                return .failure(.message(SchemaMessages.fractionalInteger(number)))
            }
            return integer(node.value).map { .success(.int($0)) } ?? .failure(.message(SchemaMessages.notInteger))
        case .url:
            guard case .string(let text) = node.value, URLRule.isValid(text) else {
                return .failure(.message(SchemaMessages.notURL))
            }
            return .success(.string(text))
        case .enumeration(let members):
            guard case .string(let text) = node.value else { return .failure(.message(SchemaMessages.notString)) }
            guard members.contains(text) else { return .failure(.message(SchemaMessages.mustBeOneOf(members))) }
            return .success(.string(text))
        case .list(let itemKind, let itemValidators):
            guard case .sequence(let items) = node.value else { return .failure(.message(SchemaMessages.notList)) }
            var values: [PayloadValue] = []
            values.reserveCapacity(items.count)
            var errors = ValidationErrors()
            for (index, item) in items.enumerated() {
                if case .null = item.value {
                    errors.merge(.message(SchemaMessages.null, mark: item.mark), at: String(index))
                    continue
                }
                switch deserialize(item, as: itemKind) {
                case .success(let value):
                    if var failure = runValidators(itemValidators, on: value) {
                        if failure.mark == nil { failure.mark = item.mark }
                        errors.merge(failure, at: String(index))
                    } else {
                        values.append(value)
                    }
                case .failure(var failure):
                    if failure.mark == nil { failure.mark = item.mark }
                    errors.merge(failure, at: String(index))
                }
            }
            return errors.isEmpty ? .success(.list(values)) : .failure(errors)
        case .nested(let schema):
            let result = schema.loadResult(node)
            return result.isValid ? .success(.map(result.data)) : .failure(result.errors)
        case .mapping:
            guard case .mapping = node.value else { return .failure(.message(SchemaMessages.notMapping)) }
            return .success(PayloadValue(raw: node))
        case .raw:
            return .success(PayloadValue(raw: node))
        }
    }

    static func boolean(_ value: YAMLValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .int(let number) where number == 0 || number == 1: return number == 1
        case .double(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            if truthy.contains(text) { return true }
            if falsy.contains(text) { return false }
            return nil
        default: return nil
        }
    }

    static func integer(_ value: YAMLValue) -> Int? {
        switch value {
        case .int(let number): return number
        case .double(let number) where number.isFinite && number == number.rounded() && abs(number) < 9.2e18: return Int(number)
        case .string(let text): return Int(text.trimmingWhitespace)
        default: return nil
        }
    }

    static func runValidators(_ validators: [FieldValidator], on value: PayloadValue) -> ValidationErrors? {
        if validators.isEmpty { return nil }
        if validators.count == 1 { return validators[0].check(value) }
        var errors = ValidationErrors()
        for validator in validators {
            if let failure = validator.check(value) { errors.merge(failure) }
        }
        return errors.isEmpty ? nil : errors
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let trimmedStart = drop { $0.isWhitespace }
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex, trimmedStart[trimmedStart.index(before: end)].isWhitespace {
            end = trimmedStart.index(before: end)
        }
        return trimmedStart[..<end]
    }
}
