// notes-bench: performance benchmarks printing one machine-readable line per case.
// Usage: notes-bench <subcommand> [options]; see `notes-bench help`.
import Foundation

let subcommands: [String: (ArraySlice<String>) -> Int32] = [
    "tensors": runTensorsBenchmarks,
    "train": runTrainBenchmark,
    "build": runBuildBenchmark,
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let command = subcommands[name] else {
    let known = subcommands.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: notes-bench <\(known)> [options]\n".utf8))
    exit(arguments.first == "help" ? 0 : 2)
}
exit(command(arguments.dropFirst()))
