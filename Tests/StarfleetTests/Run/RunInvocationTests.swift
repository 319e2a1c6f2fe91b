import Foundation
import Starfleet
import Testing

@Suite("Run contract: RunMode, RunInvocation, fingerprints, history records")
struct RunInvocationTests {
    @Test("An account-region commit produces the exact `starfleet run` arguments, in order")
    func argumentsOfACommit() {
        let invocation = RunInvocation(ship: "AwsConfigWorkerShip", configurationDirectory: "/etc/starfleet",
                                       payloadPath: "/tmp/p.yaml", accountId: "000000000001", region: "eu-west-1",
                                       accountIndexFile: "/tmp/index.json", mode: .commit, logFormat: .jsonl)
        #expect(invocation.arguments == [
            "run", "AwsConfigWorkerShip", "--config", "/etc/starfleet", "--payload", "/tmp/p.yaml", "--log-format", "jsonl",
            "--account-id", "000000000001", "--region", "eu-west-1", "--account-index", "/tmp/index.json", "--commit",
        ])
    }

    @Test("A dry run without a target or a configuration directory leaves those options out")
    func argumentsOfADryRun() {
        let invocation = RunInvocation(ship: "S", configurationDirectory: nil, payloadPath: "p.yaml", mode: .dryRun)
        #expect(invocation.arguments == ["run", "S", "--payload", "p.yaml", "--log-format", "text"])
    }

    @Test("The fingerprint carries the ship, the digests and the target; a changed account index refuses the commit")
    func fingerprint() {
        let invocation = RunInvocation(ship: "S", configurationDirectory: "/c", payloadPath: "p", accountId: "1",
                                       region: "r", mode: .dryRun)
        let dry = invocation.fingerprint(payloadSHA256: "p1", configurationDigest: "c1", accountIndexDigest: "i1")
        #expect(dry == RunFingerprint(ship: "S", payloadSHA256: "p1", configurationSHA256: "c1",
                                      accountIndexSHA256: "i1", accountId: "1", region: "r"))
        var commit = invocation
        commit.mode = .commit
        #expect(commit.fingerprint(payloadSHA256: "p1", configurationDigest: "c1", accountIndexDigest: "i1")
            .commitRefusal(lastSuccessfulDryRun: dry) == nil)
        let refusal = commit.fingerprint(payloadSHA256: "p1", configurationDigest: "c1", accountIndexDigest: "i2")
            .commitRefusal(lastSuccessfulDryRun: dry)
        #expect(refusal?.contains("account index changed") == true)
    }

    @Test("Expected digests become --expect-config-digest/--expect-index-digest; a differing digest is a refusal naming what changed")
    func expectedDigests() {
        let invocation = RunInvocation(ship: "S", configurationDirectory: "/c", payloadPath: "p", accountId: "1",
                                       accountIndexFile: "/i.json", mode: .commit, logFormat: .jsonl,
                                       expectedConfigurationDigest: "c1", expectedAccountIndexDigest: "i1")
        #expect(invocation.arguments.suffix(5) == ["--expect-config-digest", "c1", "--expect-index-digest", "i1", "--commit"])
        #expect(invocation.digestRefusal(configurationDigest: "c1", accountIndexDigest: "i1") == nil)
        #expect(invocation.digestRefusal(configurationDigest: "c2", accountIndexDigest: "i1")?.contains("configuration changed") == true)
        #expect(invocation.digestRefusal(configurationDigest: "c1", accountIndexDigest: "i2")?.contains("account index changed") == true)
        #expect(invocation.digestRefusal(configurationDigest: "c1", accountIndexDigest: nil)?.contains("unreadable") == true)
    }

    @Test("History lines written before RunMode existed still decode, and new ones are written the same way")
    func historyCompatibility() throws {
        let old = #"{"account_id":null,"end":"e","exit_status":0,"id":"1","log_path":"/l","mode":"dry-run","payload_path":"p","payload_sha256":"s","region":null,"ship":"S","start":"b"}"#
        let record = try JSONDecoder().decode(RunHistoryRecord.self, from: Data(old.utf8))
        #expect(record.mode == .dryRun)
        let commit = old.replacingOccurrences(of: #""mode":"dry-run""#, with: #""mode":"commit""#)
        #expect(try JSONDecoder().decode(RunHistoryRecord.self, from: Data(commit.utf8)).mode == .commit)
        let spaced = old.replacingOccurrences(of: #""mode":"dry-run""#, with: #""mode":"dry run""#)
        #expect(try JSONDecoder().decode(RunHistoryRecord.self, from: Data(spaced.utf8)).mode == .dryRun)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(record), as: UTF8.self) == old.replacingOccurrences(of: #""account_id":null,"#, with: "").replacingOccurrences(of: #","region":null"#, with: ""))
    }

    @Test("An unknown mode in a history line is a decoding error naming it, so RunHistory skips the line")
    func unknownMode() {
        let line = #"{"end":"e","exit_status":0,"id":"1","log_path":"/l","mode":"yolo","payload_path":"p","payload_sha256":"s","ship":"S","start":"b"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RunHistoryRecord.self, from: Data(line.utf8)) }
    }
}
