/// The version `starfleet-lambda --version` prints.
public enum LambdaVersion {
    public static let current = "1.0.0"
}
