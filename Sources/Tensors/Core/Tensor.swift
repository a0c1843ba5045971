/// A shaped, row-major Float32 array that records the operations applied to it for
/// reverse-mode differentiation.
///
/// `Tensor` is a final class rather than a value type on purpose: a tensor is a node of
/// the autodiff graph with identity (its gradient accumulates on it, optimizers update
/// parameters in place, parameter stores hold references to it). Results of ops are
/// new tensors and their scalars are never mutated after creation; only leaves (parameters)
/// are updated in place, through `withUnsafeMutableBufferPointer`, by optimizers.
///
/// Shapes: `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix; most ops accept
/// any rank, matmul and the row ops take matrices.
public final class Tensor {
    /// The dimensions, outermost first.
    public let shape: [Int]
    let storage: TensorStorage
    /// Whether gradients flow to and accumulate on this tensor.
    public var requiresGrad: Bool
    /// The accumulated gradient (same shape), or nil before the first `backward()`.
    public internal(set) var grad: Tensor?
    /// Keep `grad` on this non-leaf tensor after `backward()` (leaves always keep it).
    public var retainsGrad = false
    /// A name shown in error messages, e.g. the parameter path `encoder.hidden.weight`.
    public var name: String?
    /// The op that produced this tensor, if recorded.
    var node: GraphNode?

    init(shape: [Int], storage: TensorStorage, requiresGrad: Bool = false) {
        precondition(Shape.count(shape) == storage.count,
                     "Tensor: shape \(shape) needs \(Shape.count(shape)) scalars, storage has \(storage.count)")
        self.shape = shape
        self.storage = storage
        self.requiresGrad = requiresGrad
    }

    /// A tensor holding a copy of `scalars` (row-major) with the given shape.
    public convenience init(shape: [Int], scalars: [Float], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor(shape:scalars:): negative dimension in \(shape)")
        precondition(Shape.count(shape) == scalars.count,
                     "Tensor(shape:scalars:): shape \(shape) needs \(Shape.count(shape)) scalars, got \(scalars.count)")
        let storage = scalars.withUnsafeBufferPointer { TensorStorage(copying: $0) }
        self.init(shape: shape, storage: storage, requiresGrad: requiresGrad)
    }

    /// A vector `[scalars.count]`.
    public convenience init(_ scalars: [Float], requiresGrad: Bool = false) {
        self.init(shape: [scalars.count], scalars: scalars, requiresGrad: requiresGrad)
    }

    /// A scalar tensor (shape `[]`).
    public convenience init(_ scalar: Float, requiresGrad: Bool = false) {
        self.init(shape: [], scalars: [scalar], requiresGrad: requiresGrad)
    }

    /// A tensor of the given shape filled by `body`, which receives an uninitialized buffer
    /// and must write every element.
    public convenience init(shape: [Int], unsafeUninitializedScalars body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        let storage = TensorStorage(uninitializedCount: Shape.count(shape))
        body(storage.buffer)
        self.init(shape: shape, storage: storage)
    }

    /// All zeros.
    public static func zeros(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(zeroedCount: Shape.count(shape)), requiresGrad: requiresGrad)
    }

    /// All ones.
    public static func ones(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        full(1, shape, requiresGrad: requiresGrad)
    }

    /// Every element equal to `value`.
    public static func full(_ value: Float, _ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        let s = TensorStorage(uninitializedCount: Shape.count(shape))
        s.pointer.update(repeating: value, count: s.count)
        return Tensor(shape: shape, storage: s, requiresGrad: requiresGrad)
    }

    /// Number of elements.
    public var count: Int { storage.count }
    /// Number of dimensions.
    public var rank: Int { shape.count }
    /// Whether no recorded op produced this tensor (a parameter or an input).
    public var isLeaf: Bool { node == nil }

    /// A copy of the elements, row-major.
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage.pointer, count: count)) }

    /// The single element of a one-element tensor.
    public func item() -> Float {
        precondition(count == 1, "item(): tensor of shape \(shape) has \(count) elements")
        return storage.pointer[0]
    }

    /// Element at a multi-index (slow; for tests and inspection).
    public subscript(_ index: Int...) -> Float {
        precondition(index.count == rank, "subscript: \(index.count) indices for shape \(shape)")
        var offset = 0
        for (i, s) in zip(index, Shape.strides(shape)) { offset += i * s }
        return storage.pointer[offset]
    }

    /// Calls `body` with the elements (read-only).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(storage.buffer))
    }

    /// Calls `body` with the elements for in-place mutation. Only for leaves (parameters,
    /// inputs): mutating a tensor an op has recorded would corrupt its gradient.
    public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(storage.buffer)
    }

    /// The same elements, cut from the graph (no gradient flows through).
    public func detached() -> Tensor { Tensor(shape: shape, storage: storage) }

    /// A deep copy of the elements, cut from the graph.
    public func copy() -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(copying: UnsafeBufferPointer(storage.buffer)))
    }

    /// Overwrites the elements with those of `other` (same count); leaves only.
    public func assign(_ other: Tensor) {
        precondition(other.count == count, "assign: shapes \(shape) and \(other.shape) differ in size")
        storage.pointer.update(from: other.storage.pointer, count: count)
    }

    /// A label for error messages: the name if any, else the shape.
    var label: String { name.map { "'\($0)' \(shape)" } ?? "\(shape)" }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let preview = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(preview)\(count > 8 ? ", …" : "")]\(requiresGrad ? ", requiresGrad" : ""))"
    }
}
