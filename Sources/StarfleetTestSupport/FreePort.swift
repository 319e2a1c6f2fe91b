import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loopback ports for test servers.
public enum FreePort {
    /// A port on 127.0.0.1 that was free a moment ago: bound with port 0, read back, released.
    /// Nothing listens on it afterwards, so it also serves as a "closed port" for
    /// connection-refused tests. (Another process may take it in between; callers retry.)
    public static func find() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw FreePortError(message: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw FreePortError(message: "bind() failed: errno \(errno)") }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        guard named == 0 else { throw FreePortError(message: "getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: actual.sin_port))
    }
}

public struct FreePortError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot find a free loopback port: \(message)" }
}
