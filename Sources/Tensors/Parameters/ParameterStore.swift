/// Named, trainable tensors reachable by dotted path (`encoder.hidden.weight`).
///
/// Layers register their tensors here (usually through a `scope`), optimizers take the
/// store's `parameters`, checkpoints read `named`, and error messages use the path (each
/// tensor's `name` is set to it). Registration order is kept, so iteration is deterministic.
/// Registering a path twice is a programmer error.
public final class ParameterStore {
    private var order: [String] = []
    private var byPath: [String: Tensor] = [:]

    public init() {}

    /// Registers `tensor` under `path`, marking it `requiresGrad` and naming it; returns it.
    @discardableResult
    public func register(_ path: String, _ tensor: Tensor) -> Tensor {
        precondition(byPath[path] == nil, "ParameterStore: '\(path)' is already registered")
        precondition(tensor.isLeaf, "ParameterStore: '\(path)' must be a leaf tensor, not an op result")
        tensor.requiresGrad = true
        tensor.name = path
        order.append(path)
        byPath[path] = tensor
        return tensor
    }

    /// The tensor at `path`, or nil.
    public subscript(path: String) -> Tensor? { byPath[path] }

    /// All parameters in registration order.
    public var parameters: [Tensor] { order.map { byPath[$0]! } }

    /// `(path, tensor)` pairs in registration order.
    public var named: [(path: String, tensor: Tensor)] { order.map { ($0, byPath[$0]!) } }

    /// Total number of scalars.
    public var scalarCount: Int { byPath.values.reduce(0) { $0 + $1.count } }

    /// A view that prefixes paths with `prefix.`.
    public func scope(_ prefix: String) -> ParameterScope { ParameterScope(store: self, prefix: prefix) }

    /// Drops every parameter's gradient.
    public func zeroGrad() { for p in byPath.values { p.zeroGrad() } }
}

/// A prefix into a `ParameterStore`: `store.scope("encoder").scope("hidden").register("weight", w)`
/// registers `encoder.hidden.weight`.
public struct ParameterScope {
    public let store: ParameterStore
    public let prefix: String

    /// The full path of `name` in this scope.
    public func path(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }

    /// Registers `tensor` as `prefix.name`.
    @discardableResult
    public func register(_ name: String, _ tensor: Tensor) -> Tensor { store.register(path(name), tensor) }

    /// A nested scope `prefix.name`.
    public func scope(_ name: String) -> ParameterScope { ParameterScope(store: store, prefix: path(name)) }

    /// The tensor at `prefix.name`, or nil.
    public subscript(name: String) -> Tensor? { store[path(name)] }
}
