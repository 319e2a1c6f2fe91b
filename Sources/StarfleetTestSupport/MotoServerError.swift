/// Why a moto_server could not be started or used.
public struct MotoServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    static let notInstalled = MotoServerError(message:
        "moto_server is not on PATH. The AWS tests need a real moto server: run the README's test command, "
        + "scripts/test (scripts/ensure-deps installs moto[server] and boto3 with pip), instead of a bare `swift test`.")
}
