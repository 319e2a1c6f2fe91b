import Foundation

/// A role as `GetRole` describes it. Policy documents are already percent-decoded.
public struct IAMRole: Sendable, Equatable {
    public var roleName: String
    public var arn: String
    public var path: String
    /// Absent descriptions are empty.
    public var description: String
    public var maxSessionDuration: Int
    /// The trust policy as JSON text (decoded).
    public var assumeRolePolicyDocument: String
    public var permissionsBoundaryArn: String?

    public init(roleName: String, arn: String, path: String, description: String, maxSessionDuration: Int,
                assumeRolePolicyDocument: String, permissionsBoundaryArn: String?) {
        self.roleName = roleName
        self.arn = arn
        self.path = path
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.permissionsBoundaryArn = permissionsBoundaryArn
    }
}

public struct IAMTag: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

public struct IAMAttachedPolicy: Sendable, Equatable, Hashable {
    public var policyName: String
    public var policyArn: String

    public init(policyName: String, policyArn: String) {
        self.policyName = policyName
        self.policyArn = policyArn
    }
}

public struct IAMInstanceProfile: Sendable, Equatable, Hashable {
    public var instanceProfileName: String
    public var arn: String

    public init(instanceProfileName: String, arn: String) {
        self.instanceProfileName = instanceProfileName
        self.arn = arn
    }
}

/// Everything `CreateRole` takes.
public struct IAMCreateRoleRequest: Sendable, Equatable {
    public var roleName: String
    public var path: String
    public var assumeRolePolicyDocument: String
    public var description: String?
    public var maxSessionDuration: Int?
    public var permissionsBoundaryArn: String?
    public var tags: [IAMTag]

    public init(roleName: String, path: String = "/", assumeRolePolicyDocument: String, description: String? = nil,
                maxSessionDuration: Int? = nil, permissionsBoundaryArn: String? = nil, tags: [IAMTag] = []) {
        self.roleName = roleName
        self.path = path
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundaryArn = permissionsBoundaryArn
        self.tags = tags
    }
}
