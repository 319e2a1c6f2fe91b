import Foundation

/// The IMPORTANT alert of a committed sync, in the original's layout: a heading naming the
/// job, then quoted code blocks of new, modified and deleted files (repository paths).
enum GitHubSyncAlert {
    static func body(templateName: String, plan: GitHubSyncPlan) -> String {
        var text = "Starfleet's GitHub -> S3 sync job: \(templateName) has made the following changes:\n\n"
        text += section("🆕  The following new files were uploaded:", plan.additions.map(\.path))
        text += section("✨  The following modified files were uploaded:", plan.changes.map(\.path))
        let prefix = plan.keyPrefix
        text += section("🗑  The following files have been deleted:",
                        plan.deletions.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 })
        return text.trimmingCharacters(in: .newlines)
    }

    static func section(_ heading: String, _ paths: [String]) -> String {
        guard !paths.isEmpty else { return "" }
        return "> *\(heading)*\n>```\n" + paths.map { " - \($0)" }.joined(separator: "\n") + "\n```\n\n"
    }
}
