import Foundation
import LatentModels
import Tensors

/// `notes-bench train [--model vae|gmvae] [--components K] [--hidden H] [--latent Z] [--epochs E]
///  [--batch B] [--lr LR] [--seed S] [--test-seed S] [--train N] [--test N] [--iwae K]
///  [--kl analytic|mc:S] [--init glorotUniform|heNormal|torchDefault] [--blas-threads N] [--gemm pieces|library] [--quiet]`
///
/// Trains on Fashion-MNIST exactly like `Benchmarks/torch_vae.py` and prints `key=value`
/// lines: one `epoch=` line per epoch, then `seconds_per_epoch`, `samples_per_second`,
/// `test_nelbo`, `test_kl`, `test_reconstruction` and `test_iwae<K>` (negative bounds, nats).
func runTrainBenchmark(_ arguments: ArraySlice<String>) -> Int32 {
    var configuration = TrainingConfiguration(epochs: 5)
    var components = 10, isMixture = false, iwae = 100, quiet = false
    var trainCount: Int? = nil, testCount: Int? = nil
    var rest = Array(arguments)
    func value(_ flag: String) -> String? {
        guard !rest.isEmpty else {
            FileHandle.standardError.write(Data("notes-bench train: \(flag) needs a value\n".utf8))
            return nil
        }
        return rest.removeFirst()
    }
    while !rest.isEmpty {
        let flag = rest.removeFirst()
        switch flag {
        case "--quiet": quiet = true; continue
        default: break
        }
        guard let v = value(flag) else { return 2 }
        switch flag {
        case "--model":
            guard v == "vae" || v == "gmvae" else { return usage("unknown model '\(v)' (vae or gmvae)") }
            isMixture = v == "gmvae"
        case "--components": components = Int(v) ?? components
        case "--hidden": configuration.hidden = Int(v) ?? configuration.hidden
        case "--latent": configuration.latent = Int(v) ?? configuration.latent
        case "--epochs": configuration.epochs = Int(v) ?? configuration.epochs
        case "--batch": configuration.batchSize = Int(v) ?? configuration.batchSize
        case "--lr": configuration.learningRate = Float(v) ?? configuration.learningRate
        case "--seed": configuration.seed = UInt64(v) ?? configuration.seed
        case "--test-seed": configuration.testSeed = UInt64(v) ?? configuration.testSeed
        case "--train": trainCount = Int(v)
        case "--test": testCount = Int(v)
        case "--iwae": iwae = Int(v) ?? iwae
        case "--blas-threads":
            guard let n = Int(v), n > 0 else { return usage("--blas-threads takes a positive count") }
            OpenBLAS.shared.threadCount = n
        case "--gemm":
            // pieces: the reproducible default; library: OpenBLAS's own threads (not reproducible).
            guard v == "pieces" || v == "library" else { return usage("--gemm takes pieces or library") }
            if v == "library" { OpenBLAS.shared.useLibraryThreading(threads: OpenBLAS.shared.threadCount) }
        case "--kl":
            if v == "analytic" { configuration.kl = .analytic }
            else if v.hasPrefix("mc:"), let s = Int(v.dropFirst(3)), s > 0 { configuration.kl = .monteCarlo(samples: s) }
            else { return usage("--kl takes analytic or mc:S") }
        case "--init":
            guard let i = WeightInitialization(rawValue: v) else { return usage("unknown initialization '\(v)'") }
            configuration.initialization = i
        default: return usage("unknown argument '\(flag)'")
        }
    }
    configuration.model = isMixture ? .gmvae(components: components) : .vae
    configuration.data = .fashionMNIST(train: trainCount, test: testCount, binarization: .dynamic)

    let blas = OpenBLAS.shared
    let c = configuration
    print("impl=notes\ncore=\(blas.coreName)\nthreads=\(blas.threadCount)\ngemm=\(blas.usesLibraryThreading ? "library" : "pieces")")
    print("model=\(isMixture ? "gmvae" : "vae")\nhidden=\(c.hidden)\nlatent=\(c.latent)\nbatch=\(c.batchSize)\nseed=\(c.seed)")
    let printer = ProgressPrinter(label: "train")
    do {
        let trained = try train(configuration) { p in
            if case .epochCompleted(let r) = p.event {
                print(String(format: "epoch=%d seconds=%.3f samples_per_second=%.0f train_nelbo=%.3f test_nelbo=%.3f test_kl=%.3f test_reconstruction=%.3f",
                             r.epoch, r.seconds, r.examplesPerSecond, r.trainNELBO, r.testNELBO, r.testKL, r.testReconstruction))
                fflush(nil)
            }
            if !quiet { printer.report(p) }
        }
        let history = trained.history
        let (trainSet, test) = try trained.data()
        let examples = Double(history.epochs.count) * Double(trainSet.count)
        print(String(format: "seconds_per_epoch=%.3f\nsamples_per_second=%.0f", history.secondsPerEpoch,
                     examples / max(history.trainingSeconds, 1e-9)))
        let summary = trained.model.evaluateELBO(on: test, kl: c.kl, seed: c.testSeed)
        print(String(format: "test_nelbo=%.3f\ntest_kl=%.3f\ntest_reconstruction=%.3f", summary.nelbo, summary.kl, summary.reconstruction))
        if iwae > 0 {
            let start = Date()
            let nll = trained.model.importanceWeightedNLL(on: test, samples: iwae, seed: c.testSeed)
            print(String(format: "test_iwae%d=%.3f\niwae_seconds=%.2f", iwae, nll, Date().timeIntervalSince(start)))
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("notes-bench train: \(error)\n".utf8))
        return 1
    }
}

private func usage(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("notes-bench train: \(message)\n".utf8))
    return 2
}
