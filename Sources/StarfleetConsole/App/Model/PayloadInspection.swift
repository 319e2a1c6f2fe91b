import Foundation
import Starfleet
import StarfleetSchema
import StarfleetTUI

/// Where a payload came from.
public enum PayloadOrigin: Hashable, Sendable {
    case local(String)
    case s3(bucket: String, key: String)

    /// A path or `s3://bucket/key`.
    public var display: String {
        switch self {
        case .local(let path): return path
        case .s3(let bucket, let key): return "s3://\(bucket)/\(key)"
        }
    }

    /// The last path component.
    public var name: String {
        switch self {
        case .local(let path): return (path as NSString).lastPathComponent
        case .s3(_, let key): return key.split(separator: "/").last.map(String.init) ?? key
        }
    }
}

/// What the schema made of a payload.
public enum PayloadAnalysis: Hashable, Sendable {
    /// Not YAML at all (syntax, duplicate key, alias bomb, not UTF-8) or empty.
    case unreadable(message: String, line: Int?)
    /// Validation errors, each with its line.
    case invalid([ErrorEntry])
    /// The loaded snake_case payload.
    case valid(PayloadMap)

    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    public var problemCount: Int {
        switch self {
        case .unreadable: return 1
        case .invalid(let entries): return entries.count
        case .valid: return 0
        }
    }

    public var payload: PayloadMap? {
        if case .valid(let map) = self { return map }
        return nil
    }
}

/// One side of the inspector: styled lines, each optionally tied to a data path.
public struct InspectorSide: Hashable, Sendable {
    public var lines: [StyledLine]
    /// The snake_case data path each line shows (nil for lines that show none).
    public var paths: [[String]?]
    /// For error lines: the 0-based source line they point at.
    public var sourceLines: [Int?]
    /// Gutter markers (errors) by line.
    public var markers: [Int: ThemeKey]

    public init(lines: [StyledLine] = [], paths: [[String]?] = [], sourceLines: [Int?] = [], markers: [Int: ThemeKey] = [:]) {
        self.lines = lines
        self.paths = paths
        self.sourceLines = sourceLines
        self.markers = markers
    }

    mutating func append(_ line: StyledLine, path: [String]? = nil, sourceLine: Int? = nil) {
        lines.append(line)
        paths.append(path)
        sourceLines.append(sourceLine)
    }
}

/// A payload opened for one ship: its bytes, what the ship's template made of it and the two
/// sides of the inspector, already laid out (computed off the main thread).
public struct PayloadDocument: Hashable, Sendable {
    public var origin: PayloadOrigin
    public var ship: String
    public var data: Data
    public var sha256: String
    public var analysis: PayloadAnalysis
    /// The original YAML with line numbers, colours and error markers.
    public var source: InspectorSide
    /// The loaded snake_case payload, or the error tree.
    public var loaded: InspectorSide
    public var loadedTitle: String

    /// Analyses `data` with `schema` and lays out both sides.
    public static func make(origin: PayloadOrigin, ship: String, data: Data, schema: Schema) -> PayloadDocument {
        let text = String(decoding: data, as: UTF8.self)
        let analysis: PayloadAnalysis
        var node: YAMLNode?
        do {
            let read = try YAMLReader().read(data, file: origin.display)
            if case .null = read.value {
                analysis = .unreadable(message: "The payload is empty.", line: nil)
            } else {
                node = read
                let result = schema.loadResult(read)
                analysis = result.isValid ? .valid(result.data) : .invalid(ErrorEntry.entries(result.errors, file: origin.display))
            }
        } catch {
            analysis = .unreadable(message: error.message, line: error.mark?.line)
        }
        var sourceMap = SourceMap()
        if let node { SourceMapper.map(node, schema: schema, path: [], into: &sourceMap) }
        let source = SourceRenderer.render(text: text, analysis: analysis, paths: sourceMap.lines)
        let (loaded, title) = LoadedRenderer.render(analysis: analysis, schema: schema, sourcePaths: sourceMap.paths)
        return PayloadDocument(origin: origin, ship: ship, data: data, sha256: RunFingerprint.sha256(data),
                               analysis: analysis, source: source, loaded: loaded, loadedTitle: title)
    }

    /// Only whether it validates (for picker entries: no layout).
    public static func validity(of data: Data, schema: Schema) -> PayloadAnalysis {
        do {
            let node = try YAMLReader().read(data)
            if case .null = node.value { return .unreadable(message: "The payload is empty.", line: nil) }
            let result = schema.loadResult(node)
            return result.isValid ? .valid([:]) : .invalid(ErrorEntry.entries(result.errors, file: nil))
        } catch {
            return .unreadable(message: error.message, line: error.mark?.line)
        }
    }

    // MARK: - Matching the two sides

    /// The loaded-side line that matches a source line (same key, else its nearest parent).
    public func loadedLine(forSource index: Int) -> Int? {
        if let exact = loaded.sourceLines.firstIndex(where: { $0 == index }) { return exact }
        guard index < source.paths.count, let path = source.paths[index] else { return nil }
        return Self.bestMatch(for: path, in: loaded.paths)
    }

    /// The source line that matches a loaded-side line.
    public func sourceLine(forLoaded index: Int) -> Int? {
        guard index >= 0, index < loaded.lines.count else { return nil }
        if let line = loaded.sourceLines[index] { return min(line, max(0, source.lines.count - 1)) }
        guard let path = loaded.paths[index] else { return nil }
        return Self.bestMatch(for: path, in: source.paths)
    }

    static func bestMatch(for path: [String], in candidates: [[String]?]) -> Int? {
        var length = path.count
        while length > 0 {
            let prefix = Array(path.prefix(length))
            if let found = candidates.firstIndex(where: { $0 == prefix }) { return found }
            length -= 1
        }
        return nil
    }
}

// MARK: - Source side
