import Foundation

/// A minimal XML element tree, enough to read AWS responses.
public struct XMLNode: Sendable, Equatable {
    /// Element name without namespace prefix handling (AWS responses use a default namespace).
    public var name: String
    /// Concatenated character data directly inside this element.
    public var text: String
    public var children: [XMLNode]

    public init(name: String, text: String = "", children: [XMLNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first direct child called `name`.
    public func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every direct child called `name`.
    public func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// Follows a path of direct children: `node.path("Error", "Code")`.
    public func path(_ names: String...) -> XMLNode? {
        var node: XMLNode? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// The first descendant (depth-first, self included) called `name`.
    public func descendant(_ name: String) -> XMLNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.descendant(name) { return found }
        }
        return nil
    }

    /// Text of the direct child `name`, or nil when absent.
    public func string(_ name: String) -> String? {
        child(name)?.text
    }

    /// Parses a document and returns its root element.
    public static func parse(_ data: Data) throws -> XMLNode {
        try XMLTreeParser.parse(data)
    }
}
