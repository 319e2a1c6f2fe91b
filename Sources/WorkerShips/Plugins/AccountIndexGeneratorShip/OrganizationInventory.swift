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
        async let listed = services.organizations.listAccounts()
        let tree = try await walkTree()
        let accounts = try await listed
        logger.info("[📒] Found \(accounts.count) accounts in the organization.")
        let units = tree.unitChains.count - 1
        logger.info("[🌳] Walked \(units) OUs under \(orgRootId); \(tree.accountChains.count) accounts placed.")
        let parents = ParentChainResolver(organizations: services.organizations, known: tree.unitChains)

        var records: [String: AccountRecord] = [:]
        records.reserveCapacity(accounts.count)
        try await forEachBounded(accounts) { account in
            try await self.details(of: account, walked: tree.accountChains[account.id], parents: parents)
        } handle: { record in
            records[record.id] = record
            return []
        }
        return records
    }

    /// Walks the tree top-down from the root, breadth first: one ListOrganizationalUnitsForParent
    /// and one ListAccountsForParent per parent (plus pages) instead of a ListParents per account,
    /// which AWS rate-limits too. OU names come with the OU listing.
    private func walkTree() async throws -> OrganizationTree {
        let root = ParentRecord(id: orgRootId, name: "ROOT", type: "ROOT")
        var tree = OrganizationTree(unitChains: [orgRootId: [root]])
        try await forEachBounded([[root]]) { chain in
            try await self.children(under: chain)
        } handle: { chain, units, accounts in
            for account in accounts { tree.accountChains[account.id] = chain }
            var below: [[ParentRecord]] = []
            // A unit met twice (it moved mid-walk) is walked once.
            for unit in units where tree.unitChains[unit.id] == nil {
                let unitChain = [ParentRecord(id: unit.id, name: unit.name, type: "ORGANIZATIONAL_UNIT")] + chain
                tree.unitChains[unit.id] = unitChain
                below.append(unitChain)
            }
            return below
        }
        return tree
    }

    /// The OUs and accounts directly under `chain[0]` (a parent's chain: itself first, root last).
    private func children(under chain: [ParentRecord]) async throws
        -> (chain: [ParentRecord], units: [OrganizationalUnit], accounts: [OrganizationsAccount])
    {
        try Task.checkCancellation()
        let parent = chain[0]
        do {
            async let units = services.organizations.listOrganizationalUnitsForParent(parentId: parent.id)
            async let accounts = services.organizations.listAccountsForParent(parentId: parent.id)
            return (chain, try await units, try await accounts)
        } catch {
            let what = parent.type == "ROOT" ? "the root \(parent.id)" : "OU \(parent.id) (\(parent.name))"
            throw InventoryError(message: "Listing the OUs and accounts under \(what) failed: \(error)")
        }
    }

    private func details(of account: OrganizationsAccount, walked: [ParentRecord]?, parents: ParentChainResolver)
        async throws -> AccountRecord
    {
        try Task.checkCancellation()
        let tags: [OrganizationsTag]
        let regions: [String]
        do {
            async let fetchedTags = services.organizations.listTagsForResource(resourceId: account.id)
            async let fetchedRegions = services.enabledRegions(account: account.id)
            (tags, regions) = try await (fetchedTags, fetchedRegions)
        } catch {
            throw InventoryError(message: "Fetching tags and regions for account \(account.id) (\(account.name)) failed: \(error)")
        }
        let chain: [ParentRecord]
        if let walked {
            chain = walked
        } else {
            chain = try await unwalkedChain(of: account, parents: parents)
        }
        logger.debug("[🔎] Inventoried account \(account.id) (\(account.name))")
        return AccountRecord(
            id: account.id, arn: account.arn, email: account.email, name: account.name, status: account.status,
            joinedMethod: account.joinedMethod, joinedTimestamp: account.joinedTimestamp.map(PythonDateFormat.string),
            tags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            parents: chain, regions: regions.sorted())
    }

    /// The chain of an account the walk did not meet (moved or created mid-run): ListParents, then
    /// the memoized OU chain.
    private func unwalkedChain(of account: OrganizationsAccount, parents: ParentChainResolver) async throws -> [ParentRecord] {
        logger.debug("[🔁] Account \(account.id) (\(account.name)) was not met walking the organization; asking ListParents.")
        do {
            guard let first = try await services.organizations.listParents(childId: account.id).first else {
                // The original crashed here (Q21); an account without parents is recorded as such.
                logger.warning("[⚠️] Account \(account.id) (\(account.name)) has no parents in the organization.")
                return []
            }
            return try await parents.chain(for: first)
        } catch {
            throw InventoryError(message: "Resolving the parents of account \(account.id) (\(account.name)) failed: \(error)")
        }
    }

    /// Runs `work` on every item, at most `maxConcurrency` at once. `handle` gets each result on
    /// the calling task (so it may update local state) and returns more items to run.
    private func forEachBounded<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ work: @escaping @Sendable (Item) async throws -> Output, handle: (Output) throws -> [Item]
    ) async throws {
        try await withThrowingTaskGroup(of: Output.self) { group in
            var pending = items[...]
            var running = 0
            func fill() {
                while running < maxConcurrency, let item = pending.popFirst() {
                    running += 1
                    group.addTask { try await work(item) }
                }
            }
            fill()
            while let output = try await group.next() {
                running -= 1
                pending += try handle(output)
                fill()
            }
        }
    }
}

/// What the walk found: each account's and each OU's chain (immediate parent first, root last;
/// an OU's chain starts with the OU itself).
struct OrganizationTree: Sendable {
    var accountChains: [String: [ParentRecord]] = [:]
    var unitChains: [String: [ParentRecord]]
}

public struct InventoryError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Resolves and memoizes OU parent chains (immediate parent first, root last) for accounts the
/// walk did not meet. Concurrent requests for the same OU share one lookup.
actor ParentChainResolver {
    private let organizations: any OrganizationsAPI
    private var chains: [String: [ParentRecord]]
    private var inFlight: [String: Task<[ParentRecord], Error>] = [:]

    /// `known`: chains already found (by the walk), keyed by root or OU id.
    init(organizations: any OrganizationsAPI, known: [String: [ParentRecord]]) {
        self.organizations = organizations
        self.chains = known
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
