import Foundation
import StarfleetTUI

/// Who the console acts as, against what, in which environment: what the header shows besides
/// the configuration. Fixed at start except `identity`, which the background fetch fills in.
public struct HeaderState: Hashable, Sendable {
    /// nil: nobody asked (tests without AWS); the header then says nothing about it.
    public var identity: IdentityStatus?
    /// The AWS profile and endpoint override in effect (`profile ops`, `endpoint http://…`).
    public var connection: [String]
    /// `--environment NAME` / `STARFLEET_ENVIRONMENT`.
    public var environment: EnvironmentLabel?

    public init(identity: IdentityStatus? = nil, connection: [String] = [], environment: EnvironmentLabel? = nil) {
        self.identity = identity
        self.connection = connection
        self.environment = environment
    }
}

/// The account and ARN `GetCallerIdentity` answered.
public struct AWSIdentity: Hashable, Sendable {
    public var account: String
    public var arn: String

    public init(account: String, arn: String) {
        self.account = account
        self.arn = arn
    }

    /// The ARN's resource part (`user/alice`, `assumed-role/Ops/session`): enough on a narrow screen.
    public var shortName: String {
        arn.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? arn
    }
}

/// The background identity fetch, as the header shows it.
public enum IdentityStatus: Hashable, Sendable {
    case pending
    case known(AWSIdentity)
    /// Why it is not known (short: it shares one line with the rest of the header).
    case unavailable(String)
}

/// The environment the operator said this console is for, and the theme key that colours it.
public struct EnvironmentLabel: Hashable, Sendable {
    public var name: String

    public init?(_ name: String?) {
        guard let trimmed = name?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        self.name = trimmed
    }

    /// `production`/`prod`/`prd`, `staging`/`stage`/`stg`, `development`/`dev`, `demo`; anything else is `other`.
    public var themeKey: ThemeKey {
        switch name.lowercased() {
        case "production", "prod", "prd", "live": return .environmentProduction
        case "staging", "stage", "stg", "preprod", "pre-production": return .environmentStaging
        case "development", "dev", "test", "sandbox": return .environmentDevelopment
        case "demo", "local": return .environmentDemo
        default: return .environmentOther
        }
    }

    public var isProduction: Bool { themeKey == .environmentProduction }

    /// Drawn as a badge; production also marks the title so it shows even when badges are cut.
    public var badgeText: String { isProduction ? "▲ \(name.uppercased())" : name.uppercased() }
}
