import StarfleetSchema

/// Policy-document schemas: AWS's grammar and casing (`Version`, `Id`, `Statement` with `Sid`,
/// `Effect`, `Principal`/`NotPrincipal`, `Action`/`NotAction`, `Resource`/`NotResource`,
/// `Condition`). Loaded names equal the keys, so a loaded document is the document.
public enum PolicyDocumentTemplates {
    public enum Kind: Sendable {
        /// A trust policy: every statement has a principal and no resource.
        case trust
        /// A permissions (inline) policy: every statement has a resource and no principal.
        case permissions
    }

    static let stringOrList = FieldValidator.custom { value in
        switch value {
        case .string: return nil
        case .list(let items) where !items.isEmpty && items.allSatisfy({ $0.string != nil }): return nil
        default: return .message(IamRoleMessages.stringOrList)
        }
    }

    static let principalRule = FieldValidator.custom { value in
        if value == .string("*") { return nil }
        guard case .map(let map) = value, !map.isEmpty else { return .message(IamRoleMessages.principalShape) }
        let kinds: Set<String> = ["AWS", "Service", "Federated", "CanonicalUser"]
        for (key, entry) in map {
            guard kinds.contains(key) else { return .message(IamRoleMessages.principalShape) }
            switch entry {
            case .string: continue
            case .list(let items) where !items.isEmpty && items.allSatisfy({ $0.string != nil }): continue
            default: return .message(IamRoleMessages.principalShape)
            }
        }
        return nil
    }

    static let conditionRule = FieldValidator.custom { value in
        guard case .map(let operators) = value else { return .message(IamRoleMessages.conditionShape) }
        for (_, keys) in operators {
            guard case .map(let entries) = keys, !entries.isEmpty else { return .message(IamRoleMessages.conditionShape) }
            for (_, entry) in entries {
                switch entry {
                case .string, .bool, .int, .double: continue
                case .list(let items) where items.allSatisfy(isScalar): continue
                default: return .message(IamRoleMessages.conditionShape)
                }
            }
        }
        return nil
    }

    static func isScalar(_ value: PayloadValue) -> Bool {
        switch value {
        case .string, .bool, .int, .double: return true
        default: return false
        }
    }

    static func statement(_ kind: Kind) -> Schema {
        Schema(name: kind == .trust ? "TrustPolicyStatement" : "PermissionsPolicyStatement", fields: [
            .string("Sid", key: "Sid"),
            .string("Effect", key: "Effect", required: true, validators: [.oneOf(["Allow", "Deny"])]),
            Field("Principal", key: "Principal", kind: .raw, validators: [principalRule]),
            Field("NotPrincipal", key: "NotPrincipal", kind: .raw, validators: [principalRule]),
            Field("Action", key: "Action", kind: .raw, validators: [stringOrList]),
            Field("NotAction", key: "NotAction", kind: .raw, validators: [stringOrList]),
            Field("Resource", key: "Resource", kind: .raw, validators: [stringOrList]),
            Field("NotResource", key: "NotResource", kind: .raw, validators: [stringOrList]),
            Field("Condition", key: "Condition", kind: .raw, validators: [conditionRule]),
        ], unknownKeys: .raise, rules: [statementRule(kind)])
    }

    static func statementRule(_ kind: Kind) -> Schema.ObjectRule {
        { data, original in
            var errors = ValidationErrors()
            let present = Set(data.keys.filter { data[$0] != .null })
            let has = { (key: String) in present.contains(key) }
            if has("Action") == has("NotAction") { errors.addSchemaError(IamRoleMessages.actionRequired, mark: original.mark) }
            if has("Resource") && has("NotResource") { errors.addSchemaError(IamRoleMessages.bothResource, mark: original.mark) }
            if has("Principal") && has("NotPrincipal") { errors.addSchemaError(IamRoleMessages.bothPrincipal, mark: original.mark) }
            switch kind {
            case .trust:
                if !has("Principal") && !has("NotPrincipal") {
                    errors.addSchemaError(IamRoleMessages.trustNeedsPrincipal, mark: original.mark)
                }
                if has("Resource") || has("NotResource") {
                    errors.addSchemaError(IamRoleMessages.trustNoResource, mark: original.mark)
                }
            case .permissions:
                if !has("Resource") && !has("NotResource") {
                    errors.addSchemaError(IamRoleMessages.permissionsNeedResource, mark: original.mark)
                }
                if has("Principal") || has("NotPrincipal") {
                    errors.addSchemaError(IamRoleMessages.permissionsNoPrincipal, mark: original.mark)
                }
            }
            return errors.isEmpty ? nil : errors
        }
    }

    static func document(_ kind: Kind) -> Schema {
        let statementSchema = statement(kind)
        return Schema(name: kind == .trust ? "TrustPolicyDocument" : "PermissionsPolicyDocument", fields: [
            .string("Version", key: "Version", default: "2012-10-17", validators: [.oneOf(["2008-10-17", "2012-10-17"])]),
            .string("Id", key: "Id"),
            Field("Statement", key: "Statement", kind: .raw, required: true),
        ], unknownKeys: .raise, rules: [statementsRule(statementSchema)])
    }

    /// `Statement` is one statement mapping or a non-empty list of them, each checked by `schema`.
    static func statementsRule(_ schema: Schema) -> Schema.ObjectRule {
        { data, original in
            guard let node = original["Statement"] else { return nil }
            var errors = ValidationErrors()
            let mark = original.keyMark("Statement")
            switch node.value {
            case .mapping:
                let result = schema.loadResult(node)
                if result.isValid { data["Statement"] = .map(result.data) } else { errors.merge(result.errors, at: "Statement") }
            case .sequence(let items):
                if items.isEmpty {
                    errors.add(SchemaMessages.length(min: 1, max: nil, equal: nil).tooShort, at: "Statement", mark: mark)
                }
                var loaded: [PayloadValue] = []
                var itemErrors = ValidationErrors(mark: mark)
                for (position, item) in items.enumerated() {
                    guard item.isMapping else {
                        itemErrors.add(IamRoleMessages.statementShape, at: String(position), mark: item.mark ?? mark)
                        continue
                    }
                    let result = schema.loadResult(item)
                    if result.isValid { loaded.append(.map(result.data)) } else { itemErrors.merge(result.errors, at: String(position)) }
                }
                if itemErrors.isEmpty { data["Statement"] = .list(loaded) } else { errors.merge(itemErrors, at: "Statement") }
            default:
                errors.add(IamRoleMessages.statementShape, at: "Statement", mark: mark)
            }
            return errors.isEmpty ? nil : errors
        }
    }

    public static let trust = document(.trust)
    public static let permissions = document(.permissions)
}

/// The comparison form of a policy document (SPEC-SHIPS §3.4): a single statement becomes a
/// list; Action/NotAction/Resource/NotResource become sorted, de-duplicated lists; Principal
/// and Condition values become sorted lists (`"*"` stays); scalars in conditions compare as
/// text; statements are ordered by their own canonical text, so they compare as a multiset.
/// Whitespace and key order never matter (documents are values, rendered with sorted keys).
public enum PolicyNormalizer {
    static let listKeys: Set<String> = ["Action", "NotAction", "Resource", "NotResource"]

    public static func normalize(_ document: PayloadValue) -> PayloadValue {
        guard case .map(var map) = document else { return document }
        if map["Version"] == nil { map["Version"] = .string("2012-10-17") }
        var statements: [PayloadValue]
        switch map["Statement"] {
        case .map(let single)?: statements = [.map(single)]
        case .list(let items)?: statements = items
        default: statements = []
        }
        statements = statements.map(normalizeStatement)
        statements.sort { JSONText.compact($0) < JSONText.compact($1) }
        map["Statement"] = .list(statements)
        return sortedMap(map)
    }

    static func normalizeStatement(_ statement: PayloadValue) -> PayloadValue {
        guard case .map(let map) = statement else { return statement }
        var output = PayloadMap()
        for (key, value) in map {
            if listKeys.contains(key) {
                output[key] = stringList(value)
            } else if key == "Principal" || key == "NotPrincipal" {
                if case .map(let kinds) = value {
                    var normalized = PayloadMap()
                    for (kind, entry) in kinds { normalized[kind] = stringList(entry) }
                    output[key] = sortedMap(normalized)
                } else {
                    output[key] = value
                }
            } else if key == "Condition", case .map(let operators) = value {
                var normalized = PayloadMap()
                for (op, entries) in operators {
                    guard case .map(let conditionKeys) = entries else { normalized[op] = entries; continue }
                    var keys = PayloadMap()
                    for (conditionKey, entry) in conditionKeys { keys[conditionKey] = stringList(entry) }
                    normalized[op] = sortedMap(keys)
                }
                output[key] = sortedMap(normalized)
            } else {
                output[key] = value
            }
        }
        return sortedMap(output)
    }

    static func text(_ value: PayloadValue) -> String? {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        default: return nil
        }
    }

    static func stringList(_ value: PayloadValue) -> PayloadValue {
        let items: [PayloadValue]
        if case .list(let list) = value { items = list } else { items = [value] }
        let texts = items.compactMap(text)
        guard texts.count == items.count else { return value }
        return .list(Set(texts).sorted().map(PayloadValue.string))
    }

    static func sortedMap(_ map: PayloadMap) -> PayloadValue {
        var sorted = PayloadMap()
        for key in map.keys.sorted() { sorted[key] = map[key] }
        return .map(sorted)
    }

    /// Whether two documents mean the same policy.
    public static func equivalent(_ lhs: PayloadValue, _ rhs: PayloadValue) -> Bool {
        normalize(lhs) == normalize(rhs)
    }
}
