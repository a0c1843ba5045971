/// Whether ops record the graph for `backward()`.
///
/// Recording is on by default. `withNoGrad { … }` turns it off for the duration of the
/// closure on the current task/thread (a task-local, so concurrent evaluations in other
/// tasks are unaffected): evaluation, sampling and optimizer updates run without
/// building a graph or keeping intermediate buffers alive.
public enum GradientMode {
    @TaskLocal static var isDisabled = false

    /// Whether ops currently record the graph.
    public static var isEnabled: Bool { !isDisabled }
}

/// Runs `body` without recording the autodiff graph.
public func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
    try GradientMode.$isDisabled.withValue(true, operation: body)
}

extension Tensor {
    /// Runs `body` without recording the autodiff graph (same as the free `withNoGrad`).
    public static func noGrad<R>(_ body: () throws -> R) rethrows -> R {
        try GradientMode.$isDisabled.withValue(true, operation: body)
    }
}
