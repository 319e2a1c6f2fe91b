import Foundation
import Logging
import Starfleet
import StarfleetAWS

/// The AWS calls the inventory needs, so tests can substitute doubles.
public protocol InventoryServices: Sendable {
    /// Organizations, with the organization role's credentials.
    var organizations: any OrganizationsAPI { get }
    /// Enabled regions of one account (through that account's describe-regions role).
    func enabledRegions(account: String) async throws -> [String]
}

/// Builds the account index document: every account with its parent chain up to the root,
/// tags and enabled regions, fetched with bounded concurrency.
public struct OrganizationInventory: Sendable {
    public let services: any InventoryServices
    public let orgRootId: String
    public let maxConcurrency: Int
    public let logger: Logger

    public init(services: any InventoryServices, orgRootId: String, maxConcurrency: Int, logger: Logger) {
        self.services = services
        self.orgRootId = orgRootId
        self.maxConcurrency = max(1, maxConcurrency)
        self.logger = logger
    }

    public func collect() async throws -> [String: AccountRecord] {
        let accounts = try await services.organizations.listAccounts()
        logger.info("[📒] Found \(accounts.count) accounts in the organization.")
        let topLevel = try await services.organizations.listOrganizationalUnitsForParent(parentId: orgRootId)
        let parents = ParentChainResolver(organizations: services.organizations, rootId: orgRootId, topLevel: topLevel)

        var records: [String: AccountRecord] = [:]
        records.reserveCapacity(accounts.count)
        try await withThrowingTaskGroup(of: AccountRecord.self) { group in
            var pending = accounts[...]
            func startNext() {
                guard let account = pending.popFirst() else { return }
                group.addTask { try await self.details(of: account, parents: parents) }
            }
            for _ in 0..<maxConcurrency { startNext() }
            while let record = try await group.next() {
                records[record.id] = record
                startNext()
            }
        }
        return records
    }

    private func details(of account: OrganizationsAccount, parents: ParentChainResolver) async throws -> AccountRecord {
        try Task.checkCancellation()
        let tags: [OrganizationsTag]
        let direct: [OrganizationsParent]
        let regions: [String]
        do {
            async let fetchedTags = services.organizations.listTagsForResource(resourceId: account.id)
            async let fetchedParents = services.organizations.listParents(childId: account.id)
            async let fetchedRegions = services.enabledRegions(account: account.id)
            (tags, direct, regions) = try await (fetchedTags, fetchedParents, fetchedRegions)
        } catch {
            throw InventoryError(message: "Fetching tags and regions for account \(account.id) (\(account.name)) failed: \(error)")
        }
        var chain: [ParentRecord] = []
        if let first = direct.first {
            do {
                chain = try await parents.chain(for: first)
            } catch {
                throw InventoryError(message: "Resolving the parents of account \(account.id) (\(account.name)) failed: \(error)")
            }
        } else {
            // The original crashed here (Q21); an account without parents is recorded as such.
            logger.warning("[⚠️] Account \(account.id) (\(account.name)) has no parents in the organization.")
        }
        logger.debug("[🔎] Inventoried account \(account.id) (\(account.name))")
        return AccountRecord(
            id: account.id, arn: account.arn, email: account.email, name: account.name, status: account.status,
            joinedMethod: account.joinedMethod, joinedTimestamp: account.joinedTimestamp.map(PythonDateFormat.string),
            tags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            parents: chain, regions: regions.sorted())
    }
}

public struct InventoryError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Resolves and memoizes OU parent chains (immediate parent first, root last). Concurrent
/// requests for the same OU share one lookup.
actor ParentChainResolver {
    private let organizations: any OrganizationsAPI
    private let root: ParentRecord
    private var chains: [String: [ParentRecord]] = [:]
    private var inFlight: [String: Task<[ParentRecord], Error>] = [:]

    init(organizations: any OrganizationsAPI, rootId: String, topLevel: [OrganizationalUnit]) {
        self.organizations = organizations
        let root = ParentRecord(id: rootId, name: "ROOT", type: "ROOT")
        self.root = root
        chains[rootId] = [root]
        for unit in topLevel {
            chains[unit.id] = [ParentRecord(id: unit.id, name: unit.name, type: "ORGANIZATIONAL_UNIT"), root]
        }
    }

    func chain(for parent: OrganizationsParent) async throws -> [ParentRecord] {
        if let known = chains[parent.id] { return known }
        if parent.type == "ROOT" {
            let chain = [ParentRecord(id: parent.id, name: "ROOT", type: "ROOT")]
            chains[parent.id] = chain
            return chain
        }
        if let running = inFlight[parent.id] { return try await running.value }
        let organizations = self.organizations
        let task = Task<[ParentRecord], Error> {
            let unit = try await organizations.describeOrganizationalUnit(organizationalUnitId: parent.id)
            let above = try await organizations.listParents(childId: parent.id)
            var chain = [ParentRecord(id: unit.id, name: unit.name, type: "ORGANIZATIONAL_UNIT")]
            if let next = above.first { chain += try await self.chain(for: next) }
            return chain
        }
        inFlight[parent.id] = task
        defer { inFlight[parent.id] = nil }
        let chain = try await task.value
        chains[parent.id] = chain
        return chain
    }
}

/// Python's `str(datetime)` for UTC: `2024-03-27 18:38:27.526430+00:00`, fraction left out
/// when zero (Q13, kept for compatibility with existing indexes).
enum PythonDateFormat {
    static func string(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = floor(seconds)
        let micros = Int(((seconds - whole) * 1_000_000).rounded())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
        let base = String(format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                          parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        let fraction = micros == 0 || micros >= 1_000_000 ? "" : String(format: ".%06d", micros)
        return base + fraction + "+00:00"
    }
}
