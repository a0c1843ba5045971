/// Stochastic gradient descent with optional momentum and L2 weight decay (as `torch.optim.SGD`).
///
/// `g ← g + λθ`; with momentum μ > 0: `b ← μb + g` (b = g on the first step), `θ ← θ − lr·b`;
/// else `θ ← θ − lr·g`.
public final class SGD: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Float
    public var momentum: Float
    public var weightDecay: Float
    private var buffers: [TensorStorage?]

    public init(parameters: [Tensor], learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        precondition(learningRate >= 0, "SGD: learningRate must be ≥ 0, got \(learningRate)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        buffers = Array(repeating: nil, count: parameters.count)
    }

    public func step() {
        Denormals.ensureFlushed()
        let (lr, mu, wd) = (learningRate, momentum, weightDecay)
        for (index, p) in parameters.enumerated() {
            guard let grad = p.grad else { continue }
            let n = p.count
            let theta = p.storage.pointer, g = grad.storage.pointer
            if mu == 0 {
                for i in 0..<n { theta[i] -= lr * (g[i] + wd * theta[i]) }
                continue
            }
            if let b = buffers[index]?.pointer {
                for i in 0..<n { b[i] = mu * b[i] + g[i] + wd * theta[i]; theta[i] -= lr * b[i] }
            } else {
                let s = TensorStorage(uninitializedCount: n)
                for i in 0..<n { s.pointer[i] = g[i] + wd * theta[i]; theta[i] -= lr * s.pointer[i] }
                buffers[index] = s
            }
        }
    }
}
