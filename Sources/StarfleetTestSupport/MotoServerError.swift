/// Why a moto_server could not be started or used.
public struct MotoServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    static let notInstalled = MotoServerError(message:
        "moto_server is not on PATH. The AWS tests need a real moto server: run the test command from the README "
        + "(it installs it with `python3 -m pip install 'moto[server]'`), then run the tests again.")
}
