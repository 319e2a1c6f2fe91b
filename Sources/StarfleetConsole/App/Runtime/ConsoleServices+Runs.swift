import Foundation
import Starfleet
import StarfleetSchema
import Synchronization
import StarfleetTUI

/// Runs (the child `starfleet run`, its fingerprint) and saved logs.
extension ConsoleServices {
    // MARK: - History

    /// The last 10,000 lines of a saved log (and how many it has).
    static func readLog(path: String, keep: Int = 10_000) -> Result<HistoryLogContents, ConsoleFailure> {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            return .failure(ConsoleFailure("\(path): \(YAMLReader.describeReadFailure(path: path))"))
        }
        var newlines: [Int] = []
        data.withUnsafeBytes { buffer in
            for (offset, byte) in buffer.enumerated() where byte == 0x0A { newlines.append(offset) }
        }
        let total = newlines.count + ((data.last.map { $0 != 0x0A } ?? false) ? 1 : 0)
        let startLine = max(0, total - keep)
        let startOffset = startLine == 0 ? 0 : newlines[startLine - 1] + 1
        let tail = data[data.startIndex + startOffset..<data.endIndex]
        var lines: [LogLine] = []
        lines.reserveCapacity(min(keep, total) + 16)
        for piece in tail.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let text = String(decoding: piece, as: UTF8.self)
            lines.append(contentsOf: LogLine.lines(for: RunLogRecord.parse(text)))
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        return .success(HistoryLogContents(lines: lines, totalLines: total))
    }

    // MARK: - Runs

    /// Runs are niced below the console: with a fleet of them on two cores, keys still answer at once.
    static let runNiceness: Int32 = 5

    func startRun(_ launch: RunLaunch) async {
        let id = launch.id
        do {
            try history.prepare()
        } catch {
            inbox.post(.runNotStarted(id: id, reason: "cannot create \(history.runsDirectory): \(error.localizedDescription)"))
            return
        }
        let digest: String
        switch currentDigest() {
        case .success(let value): digest = value
        case .failure(let failure):
            inbox.post(.runNotStarted(id: id, reason: failure.message))
            return
        }
        if launch.mode.isCommit {
            guard let expected = launch.expectedConfigurationDigest, expected == digest else {
                inbox.post(.runNotStarted(id: id, reason: "the configuration changed since the dry run; dry-run again"))
                return
            }
        }
        // The child runs exactly the bytes the operator inspected (and the dry run ran).
        let payloadPath = history.runsDirectory + "/\(id).payload" + (launch.origin.name.hasSuffix(".yml") ? ".yml" : ".yaml")
        do {
            try launch.payloadData.write(to: URL(fileURLWithPath: payloadPath))
        } catch {
            inbox.post(.runNotStarted(id: id, reason: "cannot write \(payloadPath): \(error.localizedDescription)"))
            return
        }
        let logPath = history.logPath(for: id)
        // The child writes its own log and history record and has a session of its own: if the
        // console dies, the run carries on and its log and record are complete.
        var child = invocation(launch, payloadPath: payloadPath)
        child.ownership = RunOwnership(logFile: logPath, historyDirectory: history.directory, runID: id,
                                       payloadLabel: launch.origin.display, detach: true)
        let supervisor = RunSupervisor(executable: options.runExecutable, arguments: child.arguments,
                                       environment: options.environment, logPath: nil, niceness: Self.runNiceness)
        shared.withLock { $0.supervisors[id] = supervisor }
        defer { shared.withLock { _ = $0.supervisors.removeValue(forKey: id) } }
        inbox.post(.runStarted(id: id, fingerprint: fingerprint(launch, configurationDigest: digest), logPath: logPath))
        for await event in supervisor.start() {
            switch event {
            case .line(let record):
                inbox.postOutput(id: id, record)
            case .finished(let status, let signaled):
                inbox.post(.runFinished(id: id, exitStatus: status, signaled: signaled, at: Date()))
            case .failedToStart(let message):
                inbox.post(.runNotStarted(id: id, reason: message))
            }
        }
    }
}
