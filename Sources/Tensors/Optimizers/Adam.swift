import PortableMath
/// Adam with bias correction (Kingma & Ba, 2015), matching `torch.optim.Adam`.
///
/// Per parameter, with gradient `g` (after optional clipping and L2 weight decay
/// `g += λθ`): `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`,
/// `θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)`.
/// With `decoupledWeightDecay` (AdamW) the decay is `θ ← θ(1 − lr·λ)` instead.
/// `maxGradientNorm` clips the global gradient norm before the update.
/// The update runs in place over the buffers in one vectorized pass per parameter.
public final class Adam: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public var beta1: Float, beta2: Float, epsilon: Float
    public var weightDecay: Float
    public var decoupledWeightDecay: Bool
    public var maxGradientNorm: Float?
    /// Steps taken so far.
    public private(set) var stepCount = 0
    /// The global gradient norm seen by the last `step()` (before clipping).
    public private(set) var lastGradientNorm: Float?
    private var firstMoments: [TensorStorage]
    private var secondMoments: [TensorStorage]

    public init(parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupledWeightDecay: Bool = false,
                maxGradientNorm: Float? = nil) {
        precondition(learningRate >= 0, "Adam: learningRate must be ≥ 0, got \(learningRate)")
        precondition((0..<1).contains(beta1) && (0..<1).contains(beta2), "Adam: betas must be in [0, 1), got \(beta1), \(beta2)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.maxGradientNorm = maxGradientNorm
        firstMoments = parameters.map { TensorStorage(zeroedCount: $0.count) }
        secondMoments = parameters.map { TensorStorage(zeroedCount: $0.count) }
    }

    /// Adam over every parameter of `store`.
    public convenience init(parameters store: ParameterStore, learningRate: Float = 1e-3, beta1: Float = 0.9,
                            beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0,
                            decoupledWeightDecay: Bool = false, maxGradientNorm: Float? = nil) {
        self.init(parameters: store.parameters, learningRate: learningRate, beta1: beta1, beta2: beta2,
                  epsilon: epsilon, weightDecay: weightDecay, decoupledWeightDecay: decoupledWeightDecay,
                  maxGradientNorm: maxGradientNorm)
    }

    public func step() {
        Denormals.ensureFlushed()
        if let maxGradientNorm {
            lastGradientNorm = clipGradientNorm(parameters, maxNorm: maxGradientNorm)
        }
        stepCount += 1
        let t = Float(stepCount)
        let correction1 = 1 - _pow(beta1, t), correction2 = 1 - _pow(beta2, t)
        let stepSize = learningRate / correction1
        let rootCorrection2 = correction2.squareRoot()
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        let l2 = decoupledWeightDecay ? 0 : weightDecay
        let shrink = decoupledWeightDecay ? 1 - learningRate * weightDecay : 1
        for (index, p) in parameters.enumerated() {
            guard let grad = p.grad else { continue }
            let n = p.count
            let theta = p.storage.pointer, g = grad.storage.pointer
            let m = firstMoments[index].pointer, v = secondMoments[index].pointer
            for i in 0..<n {
                let gi = g[i] + l2 * theta[i]
                let mi = b1 * m[i] + (1 - b1) * gi
                let vi = b2 * v[i] + (1 - b2) * gi * gi
                m[i] = mi; v[i] = vi
                theta[i] = theta[i] * shrink - stepSize * mi / (fastSquareRoot(vi) / rootCorrection2 + eps)
            }
        }
    }
}

// PortableMath, not libm: the same bits on every machine.
@inline(__always) func _pow(_ x: Float, _ y: Float) -> Float { PortableMath.pow(x, y) }
