import Foundation
import Starfleet
import StarfleetSchema
import Testing
@testable import StarfleetConsole
import StarfleetTUI
@testable import WorkerShips

/// The inspector's loaded side inside lists: what the source holds is never marked `(default)`,
/// defaults and kept unknown keys still are, and items render YAML-style (`- key: value`).
@Suite("Inspector markers in list items")
struct InspectorMarkerTests {
    static let role = """
    TemplateName: AuditRole
    TemplateDescription: The audit role
    IncludeAccounts:
      AllAccounts: true
    Variables:
      - Key: security_account
        Value: "555555555555"
    Role:
      RoleName: Auditor
      AssumeRolePolicyDocument:
        Statement:
          - Sid: TrustSecurity
            Effect: Allow
            Principal: {AWS: "arn:aws:iam::{{ var.security_account }}:root"}
            Action: sts:AssumeRole
      ManagedPolicies:
        - PolicyArn: arn:aws:iam::aws:policy/SecurityAudit
    """

    static func loaded(_ yaml: String, schema: Schema) -> [String] {
        let document = PayloadDocument.make(origin: .local("/p.yaml"), ship: "S", data: Data(yaml.utf8), schema: schema)
        #expect(document.analysis.isValid, "\(document.analysis)")
        return document.loaded.lines.map(\.plainText)
    }

    static func line(_ lines: [String], containing text: String) -> String? {
        lines.first { $0.contains(text) }
    }

    @Test("Variables[0].Key, a statement's Sid and ManagedPolicies[].PolicyArn come from the source: no (default), YAML-style dashes")
    func sourceValuesInListItems() throws {
        let lines = Self.loaded(Self.role, schema: IamRoleWorkerShip.payloadTemplate)
        let text = lines.joined(separator: "\n")
        let key = try #require(Self.line(lines, containing: "key: security_account"), "\(text)")
        #expect(key.trimmingCharacters(in: .whitespaces) == "- key: security_account", "\(text)")
        let value = try #require(Self.line(lines, containing: "value: "), "\(text)")
        #expect(!value.contains("(default)") && !value.contains("- "), "the item's second key aligns after the dash: \(text)")
        #expect(value.prefix { $0 == " " }.count == key.prefix { $0 == " " }.count + 2, "\(text)")
        let sid = try #require(Self.line(lines, containing: "Sid: TrustSecurity"), "\(text)")
        #expect(sid.trimmingCharacters(in: .whitespaces) == "- Sid: TrustSecurity", "\(text)")
        let arn = try #require(Self.line(lines, containing: "policy_arn: arn:aws:iam::aws:policy/SecurityAudit"), "\(text)")
        #expect(arn.trimmingCharacters(in: .whitespaces) == "- policy_arn: arn:aws:iam::aws:policy/SecurityAudit", "\(text)")
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces) == "-" }, "no lone dash lines: \(text)")
        // Defaults are still marked, at the top and inside the role mapping.
        #expect(Self.line(lines, containing: "path: /")?.contains("(default)") == true, "\(text)")
        #expect(Self.line(lines, containing: "max_session_duration: 3600")?.contains("(default)") == true, "\(text)")
    }

    static let item = Schema(name: "Item", fields: [
        .string("name", key: "Name", required: true),
        .string("colour", key: "Colour", default: "blue"),
    ], unknownKeys: .include)
    static let listSchema = Schema(name: "Doc", fields: [
        .list("items", key: "Items", of: .nested(item), default: .list([])),
        .nested("settings", key: "Settings", schema: Schema(name: "Settings", fields: [
            .string("mode", key: "Mode", default: "safe"),
            .string("owner", key: "Owner"),
        ]), default: .map([:])),
    ])

    @Test("In list items and nested mappings: source values plain, defaults marked, unknown keys marked as kept")
    func everyMarkerKind() throws {
        let lines = Self.loaded("""
        Items:
          - Name: first
            Extra: kept
          - Name: second
            Colour: red
        Settings:
          Owner: me
        """, schema: Self.listSchema)
        let text = lines.joined(separator: "\n")
        #expect(lines.contains("  - name: first"), "\(text)")
        #expect(lines.contains("    Extra: kept  (unknown key, kept)"), "\(text)")
        #expect(lines.contains("    colour: blue  (default)"), "a default inside an item: \(text)")
        #expect(lines.contains("  - name: second"), "\(text)")
        #expect(lines.contains("    colour: red"), "an override of a default, from the source: \(text)")
        #expect(lines.contains("  owner: me"), "\(text)")
        #expect(lines.contains("  mode: safe  (default)"), "a default inside a nested mapping: \(text)")
    }

    static let markerSchema = Schema(name: "Doc", fields: [
        .list("items", key: "Items", of: .nested(item), default: .list([])),
        .nested("settings", key: "Settings", schema: Schema(name: "Settings", fields: [
            .string("mode", key: "Mode", default: "safe"),
            .string("colour", key: "Colour", default: "blue"),
            .string("owner", key: "Owner"),
        ], unknownKeys: .include), default: .map([:])),
    ])

    static let markerSource = """
    Items:
      - Name: first
        Extra: kept
      - Name: second
        Colour: red
    Settings:
      Owner: me
      Mode: fast
      Note: kept too
    """

    /// One marker kind in one place: the loaded line, and the marker span it must (or must not) end with.
    struct MarkerCase: Sendable, CustomTestStringConvertible {
        var name: String
        var line: String
        var marker: ThemeKey?
        var testDescription: String { name }
    }

    static let markerCases: [MarkerCase] = [
        MarkerCase(name: "default in a list item", line: "    colour: blue  (default)", marker: .payloadDefault),
        MarkerCase(name: "default in a nested mapping", line: "  colour: blue  (default)", marker: .payloadDefault),
        MarkerCase(name: "unknown key in a list item", line: "    Extra: kept  (unknown key, kept)", marker: .payloadIncluded),
        MarkerCase(name: "unknown key in a nested mapping", line: "  Note: kept too  (unknown key, kept)", marker: .payloadIncluded),
        MarkerCase(name: "override of a default in a list item", line: "    colour: red", marker: nil),
        MarkerCase(name: "override of a default in a nested mapping", line: "  mode: fast", marker: nil),
        MarkerCase(name: "source value as a list item's first key", line: "  - name: second", marker: nil),
    ]

    @Test("Each marker kind, in list items and nested mappings: the text and the marker's theme style", arguments: markerCases)
    func markerKind(_ expected: MarkerCase) throws {
        let document = PayloadDocument.make(origin: .local("/p.yaml"), ship: "S", data: Data(Self.markerSource.utf8),
                                            schema: Self.markerSchema)
        #expect(document.analysis.isValid, "\(document.analysis)")
        let lines = document.loaded.lines
        let text = lines.map(\.plainText).joined(separator: "\n")
        let line = try #require(lines.first { $0.plainText == expected.line }, "no line “\(expected.line)” in:\n\(text)")
        let last = try #require(line.spans.last)
        if let marker = expected.marker {
            #expect(last.style == .theme(marker), "the marker is drawn in its theme style: \(line)")
        } else {
            #expect(!line.plainText.contains("(default)") && !line.plainText.contains("(unknown key"), "\(text)")
            #expect(last.style != .theme(.payloadDefault) && last.style != .theme(.payloadIncluded))
        }
    }
}
