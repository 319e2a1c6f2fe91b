/// Character-level rules of IAM names and ARNs, and the `{{ var.NAME }}` syntax.
enum IamRoleSyntax {
    /// `[\w+=,.@-]`: ASCII letters, digits and `_+=,.@-`.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": return true
        default: return false
        }
    }

    static func isName(_ text: String, maxLength: Int) -> Bool {
        let scalars = text.unicodeScalars
        return (1...maxLength).contains(scalars.count) && scalars.allSatisfy(isNameCharacter)
    }

    /// `^arn:aws[a-z-]*:iam::(aws|\d{12}):policy/.+`.
    static func isPolicyArn(_ text: String) -> Bool {
        guard text.hasPrefix("arn:aws") else { return false }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty else { return false }
        let partitionTail = parts[1].dropFirst(3)
        guard partitionTail.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) else { return false }
        let owner = parts[4]
        guard owner == "aws" || (owner.count == 12 && owner.allSatisfy { $0.isASCII && $0.isNumber }) else { return false }
        return parts[5].hasPrefix("policy/") && parts[5].count > "policy/".count
    }

    /// `^[A-Za-z0-9_]{1,64}$`.
    static func isVariableKey(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return (1...64).contains(scalars.count) && scalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_": return true
            default: return false
            }
        }
    }

    struct Reference: Equatable {
        let name: String
        let range: Range<String.Index>
    }

    /// Every `{{ var.NAME }}` (inner spaces optional) in `text`.
    static func references(in text: String) -> [Reference] {
        guard text.contains("{{") else { return [] }
        var found: [Reference] = []
        var cursor = text.startIndex
        while let open = text.range(of: "{{", range: cursor..<text.endIndex) {
            var index = open.upperBound
            func skipSpaces() { while index < text.endIndex, text[index] == " " { index = text.index(after: index) } }
            skipSpaces()
            cursor = open.upperBound
            guard text[index...].hasPrefix("var.") else { continue }
            index = text.index(index, offsetBy: 4)
            let nameStart = index
            while index < text.endIndex, text[index].isASCII, text[index].isLetter || text[index].isNumber || text[index] == "_" {
                index = text.index(after: index)
            }
            let name = String(text[nameStart..<index])
            skipSpaces()
            guard !name.isEmpty, text[index...].hasPrefix("}}") else { continue }
            let end = text.index(index, offsetBy: 2)
            found.append(Reference(name: name, range: open.lowerBound..<end))
            cursor = end
        }
        return found
    }

    static func hasReferences(_ text: String) -> Bool { !references(in: text).isEmpty }

    /// Replaces every reference; returns the names that have no value.
    static func substitute(_ text: String, values: [String: String]) -> (text: String, unknown: [String]) {
        let found = references(in: text)
        guard !found.isEmpty else { return (text, []) }
        var output = ""
        var unknown: [String] = []
        var cursor = text.startIndex
        for reference in found {
            output += text[cursor..<reference.range.lowerBound]
            if let value = values[reference.name] {
                output += value
            } else {
                unknown.append(reference.name)
                output += text[reference.range]
            }
            cursor = reference.range.upperBound
        }
        output += text[cursor...]
        return (output, unknown)
    }
}
