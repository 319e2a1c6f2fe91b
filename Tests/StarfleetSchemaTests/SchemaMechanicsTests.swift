import StarfleetSchema
import StarfleetTestSupport
import Testing

/// Field processing, unknown keys and the shape of the error tree (SPEC §2.1–2.3), on small ad-hoc schemas.
@Suite struct SchemaMechanicsTests {
    static let inner = Schema(name: "Inner", fields: [
        .string("name", key: "Name", required: true),
    ])

    static let schema = Schema(name: "Sample", fields: [
        .string("title", key: "Title", required: true),
        .string("note", key: "Note", default: "n/a"),
        .string("code", key: "Code", default: "way-too-long", validators: [.length(max: 2)]),
        .optionalString("assigned", key: "Assigned"),
        .list("items", key: "Items", of: .string, itemValidators: [.length(min: 1, max: 3)], default: .list([])),
        .nested("inner", key: "Inner", schema: inner),
        .integer("count", key: "Count", validators: [.range(min: 1)]),
        .mapping("extra", key: "Extra"),
    ])

    static func including(_ policy: UnknownKeyPolicy) -> Schema {
        Schema(name: "Policy", fields: [.string("title", key: "Title", required: true)], unknownKeys: policy)
    }

    @Test func missingRequiredFieldIsReportedUnderItsDataKey() {
        expectErrors(Self.schema.validate(yaml("Note: x")), #"{"Title": ["Missing data for required field."]}"#)
    }

    @Test func validInputValidatesToAnEmptyTree() {
        #expect(Self.schema.validate(yaml("Title: x")).isEmpty)
        expectErrors(Self.schema.validate(yaml("Title: x")), "{}")  // SPEC §2.2: {} when valid
    }

    @Test func nullIsRefusedUnlessTheDefaultIsNull() {
        expectErrors(Self.schema.validate(yaml("Title: null")), #"{"Title": ["Field may not be null."]}"#)
        expectErrors(Self.schema.validate(yaml("Title: x\nNote: ~")), #"{"Note": ["Field may not be null."]}"#)
        let data = loaded(Self.schema, yaml("Title: x\nAssigned: null"))
        #expect(data["assigned"] == .null)
    }

    @Test func loadDefaultIsUsedAsIsWithoutValidation() {
        let data = loaded(Self.schema, yaml("Title: x"))
        #expect(data["note"] == .string("n/a"))
        #expect(data["code"] == .string("way-too-long"))  // the default is not validated
        #expect(data["assigned"] == .null)
        #expect(data["items"] == .list([]))
        #expect(data["inner"] == nil)   // no default: left out
        #expect(data["count"] == nil)
        // An explicit value is validated.
        expectErrors(Self.schema.validate(yaml("Title: x\nCode: abc")), #"{"Code": ["Longer than maximum length 2."]}"#)
    }

    @Test func loadedOutputUsesAttributeNames() {
        let data = loaded(Self.schema, yaml("Title: x\nItems: [a, bb]\nInner: {Name: n}\nCount: 3\nExtra: {k: v}"))
        expectPayload(.map(data), """
        {"title": "x", "note": "n/a", "code": "way-too-long", "assigned": null, "items": ["a", "bb"],
         "inner": {"name": "n"}, "count": 3, "extra": {"k": "v"}}
        """)
    }

    @Test func keysMatchExactlyAndCaseSensitively() {
        expectErrors(Self.schema.validate(yaml("title: x")), """
        {"Title": ["Missing data for required field."], "title": ["Unknown field."]}
        """)
    }

    @Test func nonMappingInputIsInvalidInputType() {
        expectErrors(Self.schema.validate(yaml("[x]")), #"{"_schema": ["Invalid input type."]}"#)
        expectErrors(Self.schema.validate(yaml("just text")), #"{"_schema": ["Invalid input type."]}"#)
        expectErrors(Self.schema.validate(yaml("")), #"{"_schema": ["Invalid input type."]}"#)
    }

    @Test func unknownKeysUnderRaiseAreEachAnError() {
        expectErrors(Self.including(.raise).validate(yaml("Title: x\nBogus: 1\nOther: 2")),
                     #"{"Bogus": ["Unknown field."], "Other": ["Unknown field."]}"#)
    }

    @Test func unknownKeysUnderIncludeAreCopiedRawUnderTheirOriginalKey() {
        let data = loaded(Self.including(.include), yaml("Title: x\nSomeField: {Nested: 1}\nFlag: yes"))
        #expect(data["title"] == .string("x"))
        #expect(data["SomeField"] == .map(["Nested": .int(1)]))
        #expect(data["Flag"] == .bool(true))
    }

    @Test func includedKeyEqualToAnAttributeNameIsRejected() {
        // Q4: the original let `title: …` overwrite the validated value.
        expectErrors(Self.including(.include).validate(yaml("Title: x\ntitle: y")), #"{"title": ["Unknown field."]}"#)
    }

    @Test func unknownKeysUnderExcludeAreDropped() {
        let data = loaded(Self.including(.exclude), yaml("Title: x\nBogus: 1"))
        #expect(data == ["title": .string("x")])
    }

    @Test func mappingKeysAreReadAsWrittenText() {
        // Port behaviour: keys are not YAML-typed (PyYAML would make `true:` the boolean True).
        expectErrors(Self.including(.raise).validate(yaml("Title: x\n1: a\ntrue: b")),
                     #"{"1": ["Unknown field."], "true": ["Unknown field."]}"#)
    }

    @Test func nestedSchemaErrorsNestUnderTheFieldKey() {
        expectErrors(Self.schema.validate(yaml("Title: x\nInner: text")), #"{"Inner": {"_schema": ["Invalid input type."]}}"#)
        expectErrors(Self.schema.validate(yaml("Title: x\nInner: [a]")), #"{"Inner": {"_schema": ["Invalid input type."]}}"#)
        expectErrors(Self.schema.validate(yaml("Title: x\nInner: {}")), #"{"Inner": {"Name": ["Missing data for required field."]}}"#)
        expectErrors(Self.schema.validate(yaml("Title: x\nInner: {Name: n, X: 1}")), #"{"Inner": {"X": ["Unknown field."]}}"#)
        expectErrors(Self.schema.validate(yaml("Title: x\nInner: null")), #"{"Inner": ["Field may not be null."]}"#)
    }

    @Test func listItemErrorsAreKeyedByIndex() {
        expectErrors(Self.schema.validate(yaml("Title: x\nItems: [a, '', abcd, 5, null]")), """
        {"Items": {"1": ["Length must be between 1 and 3."], "2": ["Length must be between 1 and 3."],
                   "3": ["Not a valid string."], "4": ["Field may not be null."]}}
        """)
        expectErrors(Self.schema.validate(yaml("Title: x\nItems: abc")), #"{"Items": ["Not a valid list."]}"#)
        expectErrors(Self.schema.validate(yaml("Title: x\nItems: {a: 1}")), #"{"Items": ["Not a valid list."]}"#)
    }

    @Test func nestedObjectsInsideAListNestFurther() {
        let schema = Schema(name: "Tags", fields: [.list("tags", key: "Tags", of: .nested(Self.inner))])
        expectErrors(schema.validate(yaml("Tags: [{Name: a}, {}, x]")), """
        {"Tags": {"1": {"Name": ["Missing data for required field."]}, "2": {"_schema": ["Invalid input type."]}}}
        """)
    }

    @Test func mappingFieldRefusesNonMappings() {
        expectErrors(Self.schema.validate(yaml("Title: x\nExtra: [a]")), #"{"Extra": ["Not a valid mapping type."]}"#)
    }

    static let lengthCases: [(FieldValidator, String, String)] = [
        (.length(min: 1, max: 3), "''", "Length must be between 1 and 3."),
        (.length(min: 1, max: 3), "abcd", "Length must be between 1 and 3."),
        (.length(max: 2), "abc", "Longer than maximum length 2."),
        (.length(min: 2), "a", "Shorter than minimum length 2."),
        (.length(equal: 2), "abc", "Length must be 2."),
        (.length(equal: 2), "a", "Length must be 2."),
    ]

    @Test(arguments: lengthCases)
    func lengthMessages(validator: FieldValidator, value: String, message: String) {
        let schema = Schema(name: "L", fields: [.string("v", key: "V", validators: [validator])])
        expectErrors(schema.validate(yaml("V: \(value)")), #"{"V": ["\#(message)"]}"#)
    }

    @Test func lengthCountsUnicodeScalarsAndListItems() {
        let text = Schema(name: "L", fields: [.string("v", key: "V", validators: [.length(max: 2)])])
        #expect(text.validate(yaml("V: éé")).isEmpty)
        let list = Schema(name: "L", fields: [.list("v", key: "V", of: .string, validators: [.length(min: 1)])])
        expectErrors(list.validate(yaml("V: []")), #"{"V": ["Shorter than minimum length 1."]}"#)
    }

    @Test func oneOfListsItsChoicesSorted() {
        let schema = Schema(name: "O", fields: [.string("v", key: "V", validators: [.oneOf(["b", "c", "a"])])])
        #expect(schema.validate(yaml("V: b")).isEmpty)
        expectErrors(schema.validate(yaml("V: B")), #"{"V": ["Must be one of: a, b, c."]}"#)
    }

    @Test func enumerationMatchesMemberNamesExactlyAndListsThemSorted() {
        let schema = Schema(name: "E", fields: [.enumeration("v", key: "V", members: ["SQS", "S3", "EVENTBRIDGE_TIMED_EVENT"])])
        #expect(schema.validate(yaml("V: S3")).isEmpty)
        expectErrors(schema.validate(yaml("V: s3")), #"{"V": ["Must be one of: EVENTBRIDGE_TIMED_EVENT, S3, SQS."]}"#)
        expectErrors(schema.validate(yaml("V: 3")), #"{"V": ["Not a valid string."]}"#)
    }

    @Test func rangeMessages() {
        let schema = Schema(name: "R", fields: [
            .integer("low", key: "Low", validators: [.range(min: 1)]),
            .integer("both", key: "Both", validators: [.range(min: 1, max: 5)]),
            .integer("high", key: "High", validators: [.range(max: 5)]),
        ])
        #expect(schema.validate(yaml("Low: 1\nBoth: 5\nHigh: 5")).isEmpty)
        expectErrors(schema.validate(yaml("Low: 0\nBoth: 6\nHigh: 6")), """
        {"Low": ["Must be greater than or equal to 1."],
         "Both": ["Must be greater than or equal to 1 and less than or equal to 5."],
         "High": ["Must be less than or equal to 5."]}
        """)
    }

    @Test func customValidatorErrorsKeyedByIndexNestUnderTheField() {
        let rule = FieldValidator.custom { value in
            var errors = ValidationErrors()
            for (index, item) in (value.list ?? []).enumerated() where item.string == "bad" {
                errors.add("no bad items", at: String(index))
            }
            return errors.isEmpty ? nil : errors
        }
        let schema = Schema(name: "C", fields: [.list("v", key: "V", of: .string, validators: [rule])])
        expectErrors(schema.validate(yaml("V: [ok, bad]")), #"{"V": {"1": ["no bad items"]}}"#)
    }

    @Test func schemaRulesRunOnlyWhenThereAreNoErrorsSoFar() {
        let schema = Schema(name: "S", fields: [.string("a", key: "A", required: true)], rules: [
            { _, _ in schemaError("whole object is wrong") },
        ])
        // A field error suppresses the rule ...
        expectErrors(schema.validate(yaml("{}")), #"{"A": ["Missing data for required field."]}"#)
        // ... so does an unknown-field error ...
        expectErrors(schema.validate(yaml("A: x\nB: y")), #"{"B": ["Unknown field."]}"#)
        // ... and otherwise a string error sits under _schema.
        expectErrors(schema.validate(yaml("A: x")), #"{"_schema": ["whole object is wrong"]}"#)
    }

    /// marshmallow runs every schema validator and collects all their errors; a failing rule
    /// does not hide the ones after it (including those an extending schema adds).
    @Test func everySchemaRuleRunsAndEachOnesMessagesAreReported() {
        let base = Schema(name: "Base", fields: [.string("a", key: "A", required: true)], rules: [
            { _, _ in schemaError("first rule") },
            { _, _ in
                var errors = ValidationErrors()
                errors.add("second rule", at: "A")
                return errors
            },
        ])
        let child = base.extending("Child", fields: [], rules: [{ _, _ in schemaError("third rule") }])
        expectErrors(child.validate(yaml("A: x")), #"{"A": ["second rule"], "_schema": ["first rule", "third rule"]}"#)
        // Field errors still skip them all.
        expectErrors(child.validate(yaml("{}")), #"{"A": ["Missing data for required field."]}"#)
    }

    @Test func schemaRuleMayReportUnderFieldKeysAndSeeTheOriginalInput() {
        let schema = Schema(name: "S", fields: [.boolean("flag", key: "Flag", default: false)], unknownKeys: .include, rules: [
            { data, original in
                var errors = ValidationErrors()
                if data["flag"]?.bool == true, original["Other"] != nil { errors.add("not with Other", at: "Other") }
                return errors.isEmpty ? nil : errors
            },
        ])
        expectErrors(schema.validate(yaml("Flag: yes\nOther: 1")), #"{"Other": ["not with Other"]}"#)
        #expect(schema.validate(yaml("Flag: no\nOther: 1")).isEmpty)
    }

    @Test func loadThrowsTheTreeAndKeepsPartialData() {
        do {
            _ = try Self.schema.load(yaml("Title: x\nCount: 0"))
            Issue.record("expected a failure")
        } catch {
            expectErrors(error.errors, #"{"Count": ["Must be greater than or equal to 1."]}"#)
            #expect(error.partialData["title"] == .string("x"))
            #expect(error.description == "{'Count': ['Must be greater than or equal to 1.']}")
        }
    }

    @Test func errorsCarryTheSourceLineOfTheirKey() {
        let errors = Self.schema.validate(yaml("Title: x\nNote: 5\nItems:\n  - a\n  - ''\n"))
        let entries = errors.entries()
        let note = entries.first { $0.path == ["Note"] }
        let item = entries.first { $0.path == ["Items", "1"] }
        #expect(note?.mark?.line == 2)
        #expect(note?.message == "Not a valid string.")
        #expect(item?.mark?.line == 5)
        #expect(item?.pathDescription == "Items.1")
    }
}
