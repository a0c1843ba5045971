/// A training run that could not finish.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The loss became NaN or infinite; training stopped at this epoch (1-based) and step
    /// (1-based within the epoch).
    case nonFinite(quantity: String, value: Float, epoch: Int, step: Int)
    /// The configuration cannot be trained (message says why).
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case let .nonFinite(quantity, value, epoch, step):
            return "training diverged: \(quantity) became \(value) at epoch \(epoch), step \(step) (try a lower learning rate)"
        case .invalidConfiguration(let message):
            return "invalid training configuration: \(message)"
        }
    }
}
