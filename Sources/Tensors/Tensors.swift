/// # Tensors
///
/// The numeric core of *notes*: Float32 tensors, reverse-mode autodiff, OpenBLAS matmul,
/// fused kernels for VAEs, a seeded RNG and optimizers. No I/O.
///
/// ## Main entry points
/// - ``Tensor`` — a shaped, row-major Float32 array and autodiff graph node (a final class:
///   gradients accumulate on it and optimizers update it in place).
///   Creation: `Tensor(shape:scalars:)`, `Tensor(_:)`, `.zeros`, `.ones`, `.full`;
///   access: `shape`, `scalars`, `item()`, `requiresGrad`, `grad`, `backward()`.
/// - Arithmetic with broadcasting: `+ - * /` (tensor or scalar operands), `affine(scale:shift:)`.
/// - Element-wise: `exp`, `log`, `log1p`, `sqrt`, `pow`, `squared`, `abs`, `relu`,
///   `leakyReLU`, `elu`, `sigmoid`, `tanh`, `softplus`, `activated(_:)`.
/// - Reductions: `sum`, `mean`, `max`, `logSumExp` (all or `axis:`), `logSoftmax`, `softmax`.
/// - Shapes: `reshaped`, `flattened`, `transposed`, `rows(_:)`, `slice(axis:_:)`,
///   `Tensor.concatenate(_:axis:)`, `split(sizes:axis:)`, `split(parts:axis:)`.
/// - Linear algebra: `matmul(_:_:transposeA:transposeB:)` (OpenBLAS `cblas_sgemm`) and the
///   fused layer `linear(_:weight:bias:activation:)`.
/// - Fused VAE kernels: `bernoulliLogLikelihood(logits:targets:)`,
///   `gaussianLogDensity(x:mean:logVariance:)`, `gaussianKLToStandardNormal(mean:logVariance:)`,
///   `reparameterize(mean:logVariance:noise:)`.
/// - Autodiff control: `withNoGrad { }` / `Tensor.noGrad { }`, `GradientMode.isEnabled`,
///   `detached()`, `zeroGrad()`, `retainsGrad`.
/// - Parameters: ``ParameterStore`` (`register("encoder.hidden.weight", w)`, `scope(_:)`).
/// - Optimizers: ``Adam`` (bias-corrected, L2 or decoupled weight decay, gradient-norm
///   clipping), ``SGD``; `clipGradientNorm(_:maxNorm:)`, `gradientNorm(_:)`.
/// - Randomness: ``RandomGenerator`` (`init(seed:)`, `split()`, `stream(_:)`, `uniform`,
///   `normal`, `bernoulli(probabilities:)`, `categorical`, `permutation`, `glorotUniform`).
/// - Runtime: ``OpenBLAS`` (`shared.coreName`, `threadCount`), ``GEMMPlan``, ``Denormals``.
///
/// ## Same bits everywhere
/// One OpenBLAS kernel on every AVX2/FMA CPU, single-threaded OpenBLAS calls on shape-determined
/// pieces (``GEMMPlan``), elementary functions from `PortableMath`, and sums in a fixed order:
/// results do not depend on the CPU model, the thread count or the C library.
///
/// ## Fast path
/// OpenBLAS is loaded with `dlopen` on first use, after steering its kernel choice (see
/// ``OpenBLAS``); denormals are flushed (FTZ/DAZ) on every thread that runs Tensors ops;
/// element-wise loops run over raw buffers and vectorize; buffers are recycled through a
/// size-keyed pool so a steady training loop does not allocate fresh memory.
public enum Tensors {
    /// Frees the buffers kept for reuse (they are re-created on demand).
    public static func releaseCachedBuffers() { StoragePool.shared.drain() }
}
