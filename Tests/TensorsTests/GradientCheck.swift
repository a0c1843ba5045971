import Testing
@testable import Tensors

/// Finite-difference gradient check.
///
/// Reduces `f(inputs)` to a scalar `L = Σ w ⊙ f` with fixed random weights `w` (so every
/// output element matters, with a different weight), back-propagates, and compares each
/// input's gradient with central differences `(L(x+h) − L(x−h)) / 2h` evaluated in Double.
/// Passes if `|analytic − numeric| ≤ atol + rtol·|numeric|` for every element.
func checkGradients(_ inputs: [Tensor], step h: Float = 1e-2, rtol: Float = 2e-2, atol: Float = 2e-3,
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ f: ([Tensor]) -> Tensor) {
    for x in inputs { x.requiresGrad = true; x.zeroGrad() }
    let out = f(inputs)
    let rng = RandomGenerator(seed: 99)
    let weights = rng.uniform(shape: out.shape, low: 0.5, high: 1.5)
    let loss = (out * weights).sum()
    loss.backward()

    func evaluate() -> Double {
        withNoGrad {
            let o = f(inputs)
            return zip(o.scalars, weights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
    }
    for (index, x) in inputs.enumerated() {
        let analytic = x.grad?.scalars ?? [Float](repeating: 0, count: x.count)
        x.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count {
                let saved = p[i]
                p[i] = saved + h; let plus = evaluate()
                p[i] = saved - h; let minus = evaluate()
                p[i] = saved
                let numeric = Float((plus - minus) / (2 * Double(h)))
                let ok = abs(analytic[i] - numeric) <= atol + rtol * abs(numeric)
                #expect(ok, "input \(index) element \(i): analytic \(analytic[i]) vs numeric \(numeric)",
                        sourceLocation: sourceLocation)
                if !ok { return }
            }
        }
    }
}

/// A seeded tensor `N(0, scale²)` (optionally shifted) for tests.
func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1, shift: Float = 0) -> Tensor {
    RandomGenerator(seed: seed).normal(shape: shape, mean: shift, standardDeviation: scale)
}

/// Element-wise closeness for tests.
func isClose(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}
