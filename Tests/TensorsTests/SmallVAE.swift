import Tensors

/// A small VAE trained with Adam on seeded random binary data, for the determinism tests:
/// encoder `inputs → hidden (tanh) → 2·latent`, decoder `latent → hidden → inputs`.
struct SmallVAE {
    var inputs: Int, hidden: Int, latent: Int
    /// Rows of the random data set, and rows per step.
    var rows: Int, batch: Int
    var learningRate: Float
    var decoderActivation: Activation

    /// Trains `steps` steps from `seed`; returns the loss of every step and the parameters.
    func train(seed: UInt64, steps: Int) -> (losses: [Float], parameters: ParameterStore) {
        let rng = RandomGenerator(seed: seed)
        let initRNG = rng.stream(1), dataRNG = rng.stream(2), noiseRNG = rng.stream(3)
        let store = ParameterStore()
        func layer(_ path: String, _ fanIn: Int, _ fanOut: Int) -> (Tensor, Tensor) {
            let scope = store.scope(path)
            return (scope.register("weight", initRNG.glorotUniform(fanIn: fanIn, fanOut: fanOut)),
                    scope.register("bias", Tensor.zeros([fanOut])))
        }
        let e1 = layer("encoder.hidden", inputs, hidden), e2 = layer("encoder.output", hidden, 2 * latent)
        let d1 = layer("decoder.hidden", latent, hidden), d2 = layer("decoder.output", hidden, inputs)
        let data = dataRNG.bernoulli(probabilities: dataRNG.uniform(shape: [rows, inputs]))
        let adam = Adam(parameters: store, learningRate: learningRate, maxGradientNorm: 10)
        var losses: [Float] = []
        for _ in 0..<steps {
            let x = data.rows(Array(dataRNG.permutation(rows).prefix(batch)))
            let h = linear(x, weight: e1.0, bias: e1.1, activation: .tanh)
            let stats = linear(h, weight: e2.0, bias: e2.1).split(parts: 2, axis: 1)
            let z = reparameterize(mean: stats[0], logVariance: stats[1], noise: noiseRNG.normal(shape: [batch, latent]))
            let logits = linear(linear(z, weight: d1.0, bias: d1.1, activation: decoderActivation), weight: d2.0, bias: d2.1)
            let loss = (gaussianKLToStandardNormal(mean: stats[0], logVariance: stats[1])
                        - bernoulliLogLikelihood(logits: logits, targets: x)).mean()
            adam.zeroGrad()
            loss.backward()
            adam.step()
            losses.append(loss.item())
        }
        return (losses, store)
    }
}
