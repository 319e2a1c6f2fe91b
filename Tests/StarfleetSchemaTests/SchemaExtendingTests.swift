import StarfleetSchema
import StarfleetTestSupport
import Testing

/// `Schema.extending`: field order and overrides, lineage, rule order; and `dump`.
@Suite struct SchemaExtendingTests {
    static let base = Schema(name: "Base", fields: [
        .string("a", key: "A", required: true),
        .string("b", key: "B", default: "base-b"),
    ], unknownKeys: .include, rules: [
        { data, _ in
            data["trail"] = .list([.string("base")])
            return nil
        },
    ])

    static let child = base.extending("Child", fields: [
        .string("c", key: "C", default: "child-c"),
        .integer("b", key: "B", default: 7),     // same attribute: replaces the base field in place
    ], rules: [
        { data, _ in
            data["trail"] = .list((data["trail"]?.list ?? []) + [.string("child")])
            return nil
        },
    ])

    static let grandchild = child.extending("Grandchild")

    @Test func baseFieldsComeFirstAndOverridesKeepTheirPlace() {
        #expect(Self.child.fields.map(\.name) == ["a", "b", "c"])
        #expect(Self.child.field(named: "b")?.loadDefault == .int(7))
        #expect(Self.child.field(forKey: "C")?.name == "c")
    }

    @Test func lineageNamesEverySchemaNearestFirst() {
        #expect(Self.grandchild.lineage == ["Grandchild", "Child", "Base"])
        #expect(Self.grandchild.extends(Self.base))
        #expect(Self.child.extends(Self.child))
        #expect(!Self.base.extends(Self.child))
    }

    @Test func extendingKeepsTheUnknownKeyPolicyUnlessOverridden() {
        #expect(Self.child.unknownKeys == .include)
        #expect(Self.base.extending("Strict", unknownKeys: .raise).unknownKeys == .raise)
    }

    @Test func baseRulesRunBeforeChildRules() {
        let data = loaded(Self.child, yaml("A: x"))
        #expect(data["trail"] == .list([.string("base"), .string("child")]))
        #expect(data["b"] == .int(7))
    }

    /// marshmallow runs every schema validator (issue 14): the second rule's message is reported too.
    @Test func aFailingRuleDoesNotStopTheRulesAfterIt() {
        let schema = Schema(name: "S", fields: [], unknownKeys: .include, rules: [
            { _, _ in schemaError("first") },
            { _, _ in schemaError("second") },
        ])
        expectErrors(schema.validate(yaml("{}")), #"{"_schema": ["first", "second"]}"#)
    }

    @Test func overriddenFieldValidatesWithTheNewKind() {
        expectErrors(Self.child.validate(yaml("A: x\nB: text")), #"{"B": ["Not a valid integer."]}"#)
        #expect(Self.base.validate(yaml("A: x\nB: text")).isEmpty)
    }

    @Test func dumpWritesDataKeysAndRoundTripsALoad() {
        let schema = Schema(name: "D", fields: [
            .string("name", key: "Name", required: true),
            .boolean("flag", key: "Flag", required: true),
            .list("items", key: "Items", of: .string),
            .nested("inner", key: "Inner", schema: Schema(name: "I", fields: [.string("x", key: "X")])),
        ], unknownKeys: .include)
        let input = yaml("""
        Name: n
        Flag: true
        Items: [a, b]
        Inner:
          X: y
        SomeField: SomeValue
        """)
        let data = loaded(schema, input)
        #expect(schema.dump(data) == PayloadValue(raw: input).map)
    }
}
