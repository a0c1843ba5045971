import Tensors

/// One RealNVP affine coupling layer (Dinh, Sohl-Dickstein & Bengio, 2017).
///
/// The dimensions split into a conditioning part `a` and a transformed part `b`
/// (`a` = the first ⌈d/2⌉ dimensions, or the last ⌊d/2⌋ when `flipped`). A small MLP
/// maps `a` to a log-scale `s` and a shift `t` for `b`:
///
/// - forward (base → latent): `z_b = u_b ⊙ eˢ + t`, `log|det| = Σ s`;
/// - inverse (latent → base): `u_b = (z_b − t) ⊙ e⁻ˢ`, `log|det| = −Σ s`.
///
/// Deviation from the paper: `s = tanh(ŝ)` is bounded for stability, and the output layer
/// starts at zero so every coupling starts as the identity.
public final class AffineCoupling {
    let net: MLP
    let dimension: Int
    let flipped: Bool

    public init(dimension: Int, hidden: Int, flipped: Bool, rng: RandomGenerator, scope: ParameterScope) {
        precondition(dimension >= 2, "AffineCoupling: needs d ≥ 2, got \(dimension)")
        self.dimension = dimension
        self.flipped = flipped
        let (na, nb) = AffineCoupling.sizes(dimension, flipped)
        net = MLP(sizes: [na, hidden, hidden, 2 * nb], activation: .tanh, rng: rng, scope: scope)
        let last = net.layers[net.layers.count - 1]
        last.weight.assign(.zeros(last.weight.shape))
    }

    static func sizes(_ d: Int, _ flipped: Bool) -> (a: Int, b: Int) {
        let first = (d + 1) / 2
        return flipped ? (d - first, first) : (first, d - first)
    }

    /// Splits `x: [n, d]` into `(a, b)`.
    private func parts(_ x: Tensor) -> (a: Tensor, b: Tensor) {
        let first = (dimension + 1) / 2
        let head = x.slice(axis: 1, 0..<first), tail = x.slice(axis: 1, first..<dimension)
        return flipped ? (tail, head) : (head, tail)
    }

    private func join(_ a: Tensor, _ b: Tensor) -> Tensor {
        Tensor.concatenate(flipped ? [b, a] : [a, b], axis: 1)
    }

    private func scaleAndShift(_ a: Tensor) -> (s: Tensor, t: Tensor) {
        let out = net(a)
        let nb = out.shape[1] / 2
        return (out.slice(axis: 1, 0..<nb).tanh(), out.slice(axis: 1, nb..<(2 * nb)))
    }

    /// Base → latent; returns `z` and `log|det ∂z/∂u|` → `[n]`.
    public func forward(_ u: Tensor) -> (Tensor, Tensor) {
        let (a, b) = parts(u)
        let (s, t) = scaleAndShift(a)
        return (join(a, b * s.exp() + t), s.sum(axis: -1))
    }

    /// Latent → base; returns `u` and `log|det ∂u/∂z|` → `[n]`.
    public func inverse(_ z: Tensor) -> (Tensor, Tensor) {
        let (a, b) = parts(z)
        let (s, t) = scaleAndShift(a)
        return (join(a, (b - t) * (-s).exp()), -s.sum(axis: -1))
    }
}
