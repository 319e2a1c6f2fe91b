import StarfleetSchema
import StarfleetTestSupport
import Testing

/// `ValidationErrors` renderings: JSON (string list indices), Python repr, entries.
@Suite struct ErrorRenderingTests {
    static var sample: ValidationErrors {
        var errors = ValidationErrors()
        errors.add("Missing data for required field.", at: "Enabled")
        var byIds = ValidationErrors()
        byIds.add("Not a valid string.", at: "0")
        errors.merge(byIds, at: "ByIds")
        return errors
    }

    @Test func pythonReprMatchesTheOriginalsExceptionText() {
        var errors = ValidationErrors()
        errors.add("Missing data for required field.", at: "Enabled")
        #expect(errors.pythonRepr == "{'Enabled': ['Missing data for required field.']}")
    }

    @Test func pythonReprRendersListIndicesAsIntegers() {
        #expect(Self.sample.pythonRepr == "{'Enabled': ['Missing data for required field.'], 'ByIds': {0: ['Not a valid string.']}}")
    }

    @Test func pythonReprUsesDoubleQuotesForTextWithAnApostrophe() {
        var errors = ValidationErrors()
        errors.add("Can't specify other parameters when `AllAccounts` is set to `True`.", at: "ByNames")
        #expect(errors.pythonRepr == #"{'ByNames': ["Can't specify other parameters when `AllAccounts` is set to `True`."]}"#)
    }

    @Test func pythonReprOfSchemaErrors() {
        var errors = ValidationErrors()
        errors.addSchemaError("Invalid input type.")
        #expect(errors.pythonRepr == "{'_schema': ['Invalid input type.']}")
        #expect(ValidationErrors().pythonRepr == "{}")
        #expect(ValidationErrors().json() == "{}")
    }

    @Test func jsonUsesStringIndexKeys() {
        expectErrors(Self.sample, #"{"Enabled": ["Missing data for required field."], "ByIds": {"0": ["Not a valid string."]}}"#)
        #expect(Self.sample.json(indent: 0) == #"{"Enabled": ["Missing data for required field."], "ByIds": {"0": ["Not a valid string."]}}"#)
    }

    @Test func mergingAtTheSameKeyAppendsMessages() {
        var errors = ValidationErrors()
        errors.add("first", at: "A")
        errors.add("second", at: "A")
        errors.addSchemaError("whole")
        expectErrors(errors, #"{"A": ["first", "second"], "_schema": ["whole"]}"#)
        #expect(errors["A"]?.messages == ["first", "second"])
    }

    @Test func nodeWithMessagesAndChildrenRendersMessagesUnderSchema() {
        var errors = ValidationErrors(messages: ["top"])
        errors.add("child", at: "A")
        expectErrors(errors, #"{"_schema": ["top"], "A": ["child"]}"#)
    }

    @Test func entriesListEveryMessageWithItsPath() {
        let entries = Self.sample.entries()
        #expect(entries.map(\.pathDescription) == ["Enabled", "ByIds.0"])
        #expect(entries.map(\.message) == ["Missing data for required field.", "Not a valid string."])
        var root = ValidationErrors()
        root.addSchemaError("Invalid input type.")
        #expect(root.entries().map(\.pathDescription) == ["(document)"])
    }

    @Test func jsonWriterEscapesAndFormatsDeterministically() {
        let value = PayloadValue.map(["a": .string("q\"\\\n"), "b": .double(1), "c": .stringSet(["z", "y"]), "d": .null])
        #expect(JSONWriter(indent: 0).string(value) == #"{"a": "q\"\\\n", "b": 1.0, "c": ["y", "z"], "d": null}"#)
        #expect(JSONWriter(indent: 0, sortKeys: true).string(.map(["b": .int(1), "a": .int(2)])) == #"{"a": 2, "b": 1}"#)
    }
}
