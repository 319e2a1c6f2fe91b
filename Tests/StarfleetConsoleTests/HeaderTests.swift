import Foundation
import Starfleet
import StarfleetTestSupport
import Testing
@testable import StarfleetConsole
@testable import StarfleetTUI

/// Who am I, where am I: the header's identity, profile/endpoint and environment label.
@Suite("Console header")
struct HeaderTests {
    static let identity = AWSIdentity(account: "123456789012", arn: "arn:aws:sts::123456789012:assumed-role/Operator/alice")

    static func state(width: Int = 160, environment: String? = nil, identity: IdentityStatus? = .pending,
                      connection: [String] = ["endpoint http://127.0.0.1:5000"]) throws -> AppState {
        let directory = try ConsoleFixture.directory()
        var state = ConsoleFixture.state(try ConsoleFixture.snapshot(in: directory), width: width, height: 30)
        state.header = HeaderState(identity: identity, connection: connection, environment: EnvironmentLabel(environment))
        return state
    }

    @Test("While the identity is asked for the header says so; the answer replaces it with account and ARN")
    func pendingThenKnown() throws {
        var state = try Self.state()
        var header = ConsoleView.render(state).line(0)
        #expect(header.contains("identity: …"))
        #expect(header.contains("endpoint http://127.0.0.1:5000"))
        #expect(header.contains("config "))
        #expect(ConsoleReducer.reduce(&state, .identityFetched(.success(Self.identity))).isEmpty)
        #expect(state.header.identity == .known(Self.identity))
        header = ConsoleView.render(state).line(0)
        #expect(header.contains("identity: 123456789012 arn:aws:sts::123456789012:assumed-role/Operator/alice"))
        #expect(!header.contains("identity: …"))
    }

    @Test("A failed or timed-out fetch shows identity: unavailable (reason), in the error style")
    func unavailable() throws {
        var state = try Self.state()
        ConsoleReducer.reduce(&state, .identityFetched(.failure(ConsoleFailure("cannot reach http://127.0.0.1:9"))))
        let screen = ConsoleView.render(state)
        #expect(screen.line(0).contains("identity: unavailable (cannot reach http://127.0.0.1:9)"))
        let style = try #require(screen.style(of: "unavailable"))
        #expect(style.foreground == Theme.default[.error].foreground)
    }

    @Test("Without an identity fetch (no AWS) the header is as before: no identity segment at all")
    func noIdentity() throws {
        let state = try Self.state(identity: nil, connection: [])
        let header = ConsoleView.render(state).line(0)
        #expect(!header.contains("identity"))
        #expect(header.contains("Starfleet · config "))
    }

    @Test("The environment label is a badge in the theme's colours; production also marks the title")
    func environmentColours() throws {
        for (name, key) in [("production", ThemeKey.environmentProduction), ("staging", .environmentStaging),
                            ("dev", .environmentDevelopment), ("demo", .environmentDemo), ("qa-7", .environmentOther)] {
            let screen = ConsoleView.render(try Self.state(environment: name))
            let label = EnvironmentLabel(name)!
            #expect(label.themeKey == key)
            let badge = try #require(screen.find(" \(label.badgeText) "), "\(name): \(screen.line(0))")
            #expect(badge.row == 0)
            let style = screen.style(row: 0, column: badge.column + 1)
            #expect(style.background == Theme.default[key].background, "\(name)")
            #expect(style.foreground == Theme.default[key].foreground, "\(name)")
            let title = screen.style(row: 0, column: 2)
            if key == .environmentProduction {
                #expect(title.background == Theme.default[.environmentProduction].background)
            } else {
                #expect(title.background == Theme.default[.header].background)
            }
        }
        // Production looks nothing like the demo: different background, and a marker in the text.
        #expect(Theme.default[.environmentProduction].background != Theme.default[.environmentDemo].background)
        #expect(EnvironmentLabel("Production")!.badgeText == "▲ PRODUCTION")
        #expect(EnvironmentLabel("demo")!.badgeText == "DEMO")
        #expect(EnvironmentLabel("  ") == nil)
    }

    @Test("Narrow terminals: the text is cut, the badges and the account stay; the ARN shortens to its last part")
    func narrow() throws {
        var state = try Self.state(width: 80, environment: "production")
        let user = AWSIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/alice")
        ConsoleReducer.reduce(&state, .identityFetched(.success(user)))
        let header = ConsoleView.render(state).line(0)
        #expect(DisplayWidth.of(header) <= 80)
        #expect(header.contains("identity: 123456789012 user/alice"))
        #expect(!header.contains("arn:aws:sts"))
        #expect(header.hasSuffix("DRY RUN   ▲ PRODUCTION"))
        #expect(header.contains("…"))
        // Even narrower than the console allows, nothing overflows and production is still named.
        state.size = Size(width: 80, height: 24)
        state.readOnly = true
        let readOnly = ConsoleView.render(state).line(0)
        #expect(DisplayWidth.of(readOnly) <= 80)
        #expect(readOnly.contains("PRODUCTION") && readOnly.contains("[R]"))
    }

    @Test("--environment wins over STARFLEET_ENVIRONMENT; blank means none")
    func environmentOption() {
        let environment = ["STARFLEET_ENVIRONMENT": "staging"]
        #expect(ConsoleOptions(configurationDirectory: "/c", environment: environment).environmentName == "staging")
        #expect(ConsoleOptions(configurationDirectory: "/c", environment: environment, environmentName: "production")
            .environmentName == "production")
        #expect(ConsoleOptions(configurationDirectory: "/c", environment: [:], environmentName: " ").environmentName == nil)
    }

    @Test("The identity fetch is bounded: a call that never answers gives unavailable within the timeout")
    func fetchTimesOut() async {
        let cloud = ConsoleCloud(listObjects: { _, _, _ in [] }, getObject: { _, _, _ in Data() },
                                 callerIdentity: { () async throws(ConsoleFailure) -> AWSIdentity in
                                     // Never answers and ignores cancellation: the console must not wait for it.
                                     await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
                                     throw ConsoleFailure("unreachable")
                                 })
        let services = ConsoleServices(fleet: ConsoleFixture.fleet, options: ConsoleOptions(configurationDirectory: "/c"),
                                       cloud: cloud, inbox: ActionInbox())
        let started = ContinuousClock.now
        let result = await services.fetchIdentity(timeout: .milliseconds(300))
        #expect(ContinuousClock.now - started < .seconds(20))
        guard case .failure(let failure) = result else {
            Issue.record("expected a timeout, got \(result)")
            return
        }
        #expect(failure.message == "no answer within 300 ms")
    }

    @Test("The fetch's answer and failure reach the inbox as identityFetched")
    func fetchAnswers() async {
        let answering = ConsoleCloud(listObjects: { _, _, _ in [] }, getObject: { _, _, _ in Data() },
                                     callerIdentity: { () async throws(ConsoleFailure) -> AWSIdentity in Self.identity })
        let services = ConsoleServices(fleet: ConsoleFixture.fleet, options: ConsoleOptions(configurationDirectory: "/c"),
                                       cloud: answering, inbox: ActionInbox())
        await services.run(.fetchIdentity)
        let actions = services.inbox.drain(outputLimit: 10)
        guard case .identityFetched(.success(let identity))? = actions.first else {
            Issue.record("expected identityFetched, got \(actions)")
            return
        }
        #expect(identity == Self.identity)
    }
}
