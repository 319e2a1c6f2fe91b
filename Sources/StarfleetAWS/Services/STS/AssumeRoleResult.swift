/// The answer of `AssumeRole`: temporary credentials and the assumed-role user.
public struct AssumeRoleResult: Sendable, Equatable {
    public var credentials: AWSCredentials
    public var assumedRoleArn: String
    public var assumedRoleId: String

    public init(credentials: AWSCredentials, assumedRoleArn: String, assumedRoleId: String) {
        self.credentials = credentials
        self.assumedRoleArn = assumedRoleArn
        self.assumedRoleId = assumedRoleId
    }
}
