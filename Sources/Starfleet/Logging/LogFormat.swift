/// How log records are written: for people, or one JSON object per line for machines
/// (the console consumes the `jsonl` stream of `starfleet run`).
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case jsonl
}
