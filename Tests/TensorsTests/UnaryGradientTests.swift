import Testing
@testable import Tensors

/// Element-wise functions and activations: finite-difference gradients.
@Suite struct UnaryGradientTests {
    static let functions: [(String, @Sendable (Tensor) -> Tensor)] = [
        ("exp", { $0.exp() }), ("tanh", { $0.tanh() }), ("sigmoid", { $0.sigmoid() }),
        ("softplus", { $0.softplus() }), ("relu", { $0.relu() }), ("elu", { $0.elu(alpha: 1.5) }),
        ("leakyReLU", { $0.leakyReLU(slope: 0.1) }), ("squared", { $0.squared() }),
        ("abs", { $0.abs() }),
    ]

    @Test(arguments: functions.indices)
    func gradientOnRealLine(_ index: Int) {
        let (_, f) = Self.functions[index]
        // Values kept away from the kinks of relu/abs at 0 (|x| > 0.05).
        let x = Tensor(shape: [2, 4], scalars: [-2.1, -1.3, -0.6, -0.2, 0.25, 0.7, 1.4, 2.3])
        checkGradients([x]) { f($0[0]) }
    }

    static let positiveFunctions: [(String, @Sendable (Tensor) -> Tensor)] = [
        ("log", { $0.log() }), ("log1p", { $0.log1p() }), ("sqrt", { $0.sqrt() }),
        ("pow 1.5", { $0.pow(1.5) }), ("pow -2", { $0.pow(-2) }),
    ]

    @Test(arguments: positiveFunctions.indices)
    func gradientOnPositiveValues(_ index: Int) {
        let (_, f) = Self.positiveFunctions[index]
        let x = Tensor(shape: [5], scalars: [0.4, 0.9, 1.5, 2.7, 4.0])
        checkGradients([x], step: 5e-3) { f($0[0]) }
    }

    @Test func activatedMatchesNamedFunctions() {
        let x = randomTensor([3, 5], seed: 7)
        let cases: [(Activation, Tensor)] = [
            (.relu, x.relu()), (.tanh, x.tanh()), (.sigmoid, x.sigmoid()), (.softplus, x.softplus()),
            (.elu(alpha: 1), x.elu()), (.leakyReLU(slope: 0.2), x.leakyReLU(slope: 0.2)), (.identity, x),
        ]
        for (activation, expected) in cases {
            #expect(isClose(x.activated(activation).scalars, expected.scalars), "\(activation)")
        }
    }
}
