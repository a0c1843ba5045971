import Foundation
import Tensors

/// One VAE training step at batch 128, the same model as `Benchmarks/torch_step.py`:
/// encoder 784-300-300-20 (ReLU; mean and log-variance of a 10-d latent), reparameterized
/// sample, decoder 10-300-300-784 (ReLU), Bernoulli-logits reconstruction + analytic KL,
/// mean over the batch, Adam(lr = 1e-3).
enum VAEStepBenchmark {
    struct Dense {
        let weight: Tensor, bias: Tensor
        init(_ scope: ParameterScope, _ fanIn: Int, _ fanOut: Int, _ rng: RandomGenerator) {
            weight = scope.register("weight", rng.glorotUniform(fanIn: fanIn, fanOut: fanOut))
            bias = scope.register("bias", Tensor.zeros([fanOut]))
        }
        func callAsFunction(_ x: Tensor, _ activation: Activation = .identity) -> Tensor {
            linear(x, weight: weight, bias: bias, activation: activation)
        }
    }

    static func run(repeats: Int, seconds: Double) {
        let batch = 128, latent = 10
        let rng = RandomGenerator(seed: 0)
        let initRNG = rng.stream(1), noiseRNG = rng.stream(2)
        let store = ParameterStore()
        let e1 = Dense(store.scope("encoder.hidden1"), 784, 300, initRNG)
        let e2 = Dense(store.scope("encoder.hidden2"), 300, 300, initRNG)
        let e3 = Dense(store.scope("encoder.output"), 300, 2 * latent, initRNG)
        let d1 = Dense(store.scope("decoder.hidden1"), latent, 300, initRNG)
        let d2 = Dense(store.scope("decoder.hidden2"), 300, 300, initRNG)
        let d3 = Dense(store.scope("decoder.output"), 300, 784, initRNG)
        let adam = Adam(parameters: store, learningRate: 1e-3)
        let data = rng.bernoulli(probabilities: rng.uniform(shape: [batch * 16, 784]))
        let batches = (0..<16).map { data.rows(($0 * batch)..<(($0 + 1) * batch)) }
        var step = 0
        var lastLoss: Float = 0

        func trainStep() {
            let x = batches[step % 16]
            step += 1
            let stats = e3(e2(e1(x, .relu), .relu)).split(parts: 2, axis: 1)
            let z = reparameterize(mean: stats[0], logVariance: stats[1], noise: noiseRNG.normal(shape: [batch, latent]))
            let logits = d3(d2(d1(z, .relu), .relu))
            let reconstruction = bernoulliLogLikelihood(logits: logits, targets: x)
            let kl = gaussianKLToStandardNormal(mean: stats[0], logVariance: stats[1])
            let loss = (kl - reconstruction).mean()
            adam.zeroGrad()
            loss.backward()
            adam.step()
            lastLoss = loss.item()
        }
        for _ in 0..<20 { trainStep() }  // warm-up
        let cpuStart = processCPUSeconds(), stepStart = step
        let perStep = medianSecondsPerCall(repeats: repeats, seconds: seconds, trainStep)
        let cpuPerStep = (processCPUSeconds() - cpuStart) / Double(step - stepStart)
        print("bench=vae-step impl=notes batch=\(batch) samples_per_s=\(String(format: "%.0f", Double(batch) / perStep)) "
              + "ms_per_step=\(String(format: "%.3f", perStep * 1000)) cpu_ms_per_step=\(String(format: "%.3f", cpuPerStep * 1000)) loss=\(String(format: "%.3f", lastLoss)) "
              + "core=\(OpenBLAS.shared.coreName) threads=\(OpenBLAS.shared.threadCount)")
    }
}
