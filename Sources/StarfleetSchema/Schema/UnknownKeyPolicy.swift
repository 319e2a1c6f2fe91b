/// What a schema does with input keys it does not declare (marshmallow's `unknown`).
public enum UnknownKeyPolicy: Sendable {
    /// Each unknown key is an error: `Unknown field.`
    case raise
    /// Unknown keys are kept under their original key, unvalidated. A key equal to a
    /// declared attribute name is refused as `Unknown field.` (the original let it overwrite
    /// the validated value, Q4).
    case include
    /// Unknown keys are dropped.
    case exclude
}
