import Foundation
import StarfleetSchema

/// A payload file read for a command: its text, bytes and parsed tree.
struct PayloadSource {
    let path: String
    let data: Data
    let text: String
    let node: YAMLNode

    /// Unreadable files, YAML errors and empty documents end the command with exit 2.
    static func read(_ path: String) throws(CLIFailure) -> PayloadSource {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIFailure(.usage, "\(path): \(YAMLReader.describeReadFailure(path: path))")
        }
        let node: YAMLNode
        do {
            node = try YAMLReader().read(data, file: path)
        } catch {
            throw CLIFailure(.usage, error.description)
        }
        if case .null = node.value {
            throw CLIFailure(.usage, "\(path): the payload is empty")
        }
        return PayloadSource(path: path, data: data, text: String(decoding: data, as: UTF8.self), node: node)
    }
}
