import Foundation

/// OSC 52: asks the terminal to put text on the system clipboard. It travels with the
/// terminal's output, so it works over SSH and through tmux (`set -g set-clipboard on`).
public enum ClipboardSequence {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    public static func osc52(copying text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
