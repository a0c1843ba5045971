import Testing
@testable import Notebook

/// Seeded mutation fuzzing of `DirectiveParser`: one million mutated blocks, split into shards
/// that Swift Testing runs in parallel. Any crash or hang fails the run; every result must stay
/// within the block it came from.
@Suite struct DirectiveFuzzTests {
    static let shardCount = 4
    static let inputsPerShard = 250_000

    /// Short blocks (about 45 bytes on average) that between them use every construct; short
    /// inputs keep a million parses affordable in a debug build.
    static let corpus: [String] = [
        #"@Train(id: "vae", model: .vae, epochs: 10)"#,
        #"@Train(model: .gmvae(components: 10), seed: 1)"#,
        "// Compare.\n@Evaluate(of: [\"a\", \"b\"],\n  metrics: [.nelbo, .iwae(samples: 100)])",
        #"@Curves(caption: "Mesmo orçamento 🙂", n: 1)"#,
        "@A(i: -42, f: 1.5, e: 1e-3, g: -2.5E+4, t: true)",
        "@A(s: \"a\\\"b\\\\c\\n\\t\\u{E7}\", u: false)",
        "@K(n: [1, 10, 1_000,], m: [[0.0, 1], [-2.5]])\n\n@S() // done",
        "@T(\n  id: \"a\",\n  p: .mix(prior: .std(scale: 1.0)),\n)",
        "@A(x: 1_0., y: .5, z: 12abc, w: 0x10)",
        "@A(v: 9223372036854775808)",
        "@A(s: \"abc)\n@B(t: 1",
        "@A(x: [1, 2)\n@B(x: 1]) extra\nlet x = 1",
        "Train(id: \"a\",\n  e: 3)\n@ A()\n@Train",
        "@C(x 1, y: , z: [1 2], w: . a)",
        "@A(s: \"\\q\\u{}\\u{D800}\")\r\n@B(x: [.a(b: 1])\r\n",
        "// only a comment\n\n",
        "@A() @B()\n)\n]\n@C(x: 1))",
        "@P(c: \"Família 👨‍👩‍👧 orc\u{0327}a\")",
    ]

    static let alphabet: [[UInt8]] = (
        ["@", "(", ")", "[", "]", ".", ",", ":", "\"", "\\", "_", "-", "+", "e", "E", "u", "{", "}", "x", "n",
         "a", "Z", " ", "\n", "\r\n", "\t", "//", "/", "ç", "🙂", "👨‍👩‍👧", "\u{0301}", "Train", "true", "\u{0}"]
        + (0...9).map(String.init)
    ).map { Array($0.utf8) }

    @Test("Fuzz: 1,000,000 mutated blocks (4 shards × 250,000) never crash and stay in range",
          arguments: 0..<shardCount)
    func millionMutatedBlocks(shard: Int) {
        var random = DirectiveFuzzGenerator(seed: 0x5EED_0000 + UInt64(shard))
        let corpus = Self.corpus.map { Array($0.utf8) }
        var failures: [String] = []
        var callsSeen = 0, diagnosticsSeen = 0
        for _ in 0..<Self.inputsPerShard {
            var bytes = corpus[Int(random.next() % UInt64(corpus.count))]
            for _ in 0..<(1 + random.next() % 4) { Self.mutate(&bytes, &random) }
            let input = String(decoding: bytes, as: UTF8.self)
            let startLine = 1 + Int(random.next() % 50)
            let startColumn = 1 + Int(random.next() % 6)
            let (calls, diagnostics) = DirectiveParser.parse(input, file: "f.md", startLine: startLine, startColumn: startColumn)
            callsSeen += calls.count
            diagnosticsSeen += diagnostics.count
            var problem = Self.check(input, startLine: startLine, startColumn: startColumn,
                                     calls: calls, diagnostics: diagnostics)
            if problem == nil, random.next() % 8 == 0 { problem = Self.checkReparse(calls) }
            if let problem, failures.count < 5 {
                failures.append("\(problem) in \(String(reflecting: input))")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        // The mutations keep some inputs valid and break others.
        #expect(callsSeen > Self.inputsPerShard / 10)
        #expect(diagnosticsSeen > Self.inputsPerShard / 10)
    }

    /// Inputs far larger or deeper than any lesson: no stack exhaustion, no quadratic blow-up.
    @Test(arguments: [
        "@A(x: " + String(repeating: "[", count: 100_000),
        "@A(x: " + String(repeating: ".a(b: ", count: 50_000),
        String(repeating: "@A(s: \"orçamento 🙂\", t: 1x, u: [.b(c: \"\\q\")]) ", count: 5_000),
        String(repeating: "ç)]\"\n", count: 20_000),
        String(repeating: "1e", count: 50_000),
        "@A(x: 1" + String(repeating: ",\n  y: 2", count: 20_000) + ")",
    ])
    func hostileBlockParsesQuickly(_ input: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let (calls, diagnostics) = DirectiveParser.parse(input, file: "f.md", startLine: 3, startColumn: 2)
        #expect(clock.now - start < .seconds(10))
        #expect(Self.check(input, startLine: 3, startColumn: 2, calls: calls, diagnostics: diagnostics) == nil)
        // Every input is broken except the last, one call with 20,001 arguments.
        #expect(!diagnostics.isEmpty || calls.map(\.arguments.count) == [20_001])
    }

    /// What is wrong with the parser's answer for `input`, if anything.
    static func check(_ input: String, startLine: Int, startColumn: Int,
                      calls: [DirectiveCall], diagnostics: [Diagnostic]) -> String? {
        let utf8 = Array(input.utf8)
        var lineLengths: [Int] = []
        var lineStart = 0, offset = 0
        while offset < utf8.count {
            if utf8[offset] == 0x0A {
                lineLengths.append(offset - lineStart)
                lineStart = offset + 1
            }
            offset += 1
        }
        lineLengths.append(utf8.count - lineStart)
        func inRange(_ line: Int, _ column: Int) -> Bool {
            let index = line - startLine
            return index >= 0 && index < lineLengths.count
                && column >= startColumn && column <= startColumn + lineLengths[index]
        }
        for diagnostic in diagnostics where !inRange(diagnostic.line, diagnostic.column) {
            return "diagnostic \(diagnostic.id) at \(diagnostic.line):\(diagnostic.column) outside the block"
        }
        for call in calls {
            if !inRange(call.location.line, call.location.column) {
                return "call @\(call.name) at \(call.location) outside the block"
            }
            let source = Array(call.source.utf8)
            if source.first != 0x40 || source.last != 0x29 || !contains(utf8, source) {
                return "source \(String(reflecting: call.source)) is not a call taken from the input"
            }
        }
        return nil
    }

    /// Each call's source, parsed on its own, is that same call and nothing else.
    static func checkReparse(_ calls: [DirectiveCall]) -> String? {
        for call in calls {
            let (again, diagnostics) = DirectiveParser.parse(call.source, file: "f.md", startLine: 1, startColumn: 1)
            let canonical = { (call: DirectiveCall) in call.arguments.map { "\($0.label): \($0.value.canonical)" } }
            guard diagnostics.isEmpty, again.count == 1, again[0].name == call.name,
                  canonical(again[0]) == canonical(call) else {
                return "source \(String(reflecting: call.source)) does not parse back to the same call"
            }
        }
        return nil
    }

    /// Whether `needle` occurs in `haystack` byte for byte (not by `Character`s, which could merge
    /// a `)` with a following combining mark).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        outer: for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }

    static func mutate(_ bytes: inout [UInt8], _ random: inout DirectiveFuzzGenerator) {
        func position(_ limit: Int) -> Int { Int(random.next() % UInt64(limit + 1)) }
        let piece = alphabet[Int(random.next() % UInt64(alphabet.count))]
        switch random.next() % 6 {
        case 0, 1:  // insert
            bytes.insert(contentsOf: piece, at: position(bytes.count))
        case 2:     // delete a short range
            guard !bytes.isEmpty else { return }
            let start = position(bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + Int(random.next() % 3)))
        case 3:     // replace a byte
            guard !bytes.isEmpty else { return }
            let start = position(bytes.count - 1)
            bytes.replaceSubrange(start..<start + 1, with: piece)
        case 4:     // duplicate a slice somewhere else
            guard !bytes.isEmpty, bytes.count < 400 else { return }
            let start = position(bytes.count - 1)
            let end = min(bytes.count, start + 1 + Int(random.next() % 24))
            let slice = Array(bytes[start..<end])
            bytes.insert(contentsOf: slice, at: position(bytes.count))
        default:    // truncate
            bytes.removeSubrange(position(bytes.count)...)
        }
    }
}

/// A fixed-seed generator (SplitMix64), so that every fuzz run sees the same inputs.
struct DirectiveFuzzGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
