import Foundation
import StarfleetSchema
import Testing

// Shared by the schema and core test targets: error trees compared with SPEC rows as JSON.

/// Parses YAML text the way configuration and templates are read; a failure is a test bug.
public func yaml(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> YAMLNode {
    do {
        return try YAMLReader().read(text)
    } catch {
        Issue.record("test YAML did not parse: \(error)", sourceLocation: sourceLocation)
        return YAMLNode(.null)
    }
}

/// Parses JSON text with JSONSerialization (fragments allowed).
public func jsonObject(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// Structural JSON equality (NSDictionary/NSArray semantics: key order is irrelevant).
public func expectJSON(_ actual: String, equals expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let lhs = try jsonObject(actual)
        let rhs = try jsonObject(expected)
        let equal = NSArray(array: [lhs]).isEqual(NSArray(array: [rhs]))
        #expect(equal, "expected \(expected)\n     got \(actual)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("invalid JSON: \(error)\nactual: \(actual)\nexpected: \(expected)", sourceLocation: sourceLocation)
    }
}

/// Compares an error tree with the JSON text of a SPEC row, e.g. `{"Enabled": ["Missing data for required field."]}`.
public func expectErrors(_ errors: ValidationErrors, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectJSON(errors.json(), equals: expected, sourceLocation: sourceLocation)
}

/// Compares a loaded value with JSON text.
public func expectPayload(_ value: PayloadValue, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectJSON(JSONWriter().string(value), equals: expected, sourceLocation: sourceLocation)
}

/// The error tree of a load that is expected to fail.
public func loadErrors(_ schema: Schema, _ node: YAMLNode, sourceLocation: SourceLocation = #_sourceLocation) -> ValidationErrors {
    do {
        let data = try schema.load(node)
        Issue.record("load unexpectedly succeeded: \(JSONWriter().string(.map(data)))", sourceLocation: sourceLocation)
        return ValidationErrors()
    } catch {
        return error.errors
    }
}

/// The loaded data of a load that is expected to succeed.
public func loaded(_ schema: Schema, _ node: YAMLNode, sourceLocation: SourceLocation = #_sourceLocation) -> PayloadMap {
    do {
        return try schema.load(node)
    } catch {
        Issue.record("load failed: \(error.errors.json(indent: 0))", sourceLocation: sourceLocation)
        return [:]
    }
}

/// A tree holding one `_schema` message, as a schema rule returns it.
public func schemaError(_ message: String) -> ValidationErrors {
    var errors = ValidationErrors()
    errors.addSchemaError(message)
    return errors
}

/// Expects a YAML read to fail and returns the error.
public func readError(_ text: String, file: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> YAMLReadError? {
    do {
        let node = try YAMLReader().read(text, file: file)
        Issue.record("read unexpectedly succeeded: \(node)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
