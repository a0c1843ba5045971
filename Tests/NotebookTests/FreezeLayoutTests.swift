import Foundation
import Testing
@testable import Notebook

/// The freeze's file format: laid out for diffs, read back to the exact bytes.
@Suite struct FreezeLayoutTests {
    @Test func indentationOnlyAddsWhitespaceBetweenTokens() throws {
        let compact = Data(#"{"a":[1,2.5,-3e-07],"b":{"c":"x, {y}: \"z\" \\","d":[{"e":null},[true,false]]},"f":{},"g":[]}"#.utf8)
        let text = try #require(JSONLayout.indented(compact))
        #expect(String(decoding: text, as: UTF8.self) == """
            {
              "a": [1,2.5,-3e-07],
              "b": {
                "c": "x, {y}: \\"z\\" \\\\",
                "d": [
                  {
                    "e": null
                  },
                  [true,false]
                ]
              },
              "f": {},
              "g": []
            }

            """)
        #expect(JSONLayout.compacted(text) == compact)
        #expect(try JSONSerialization.jsonObject(with: text) is [String: Any])
    }

    @Test func malformedJSONIsRefused() {
        for bad in [#"{"a":"#, #"{"a":1"#, #"[1,2"#, #""open"#, ""] {
            #expect(JSONLayout.indented(Data(bad.utf8)) == nil, "\(bad)")
        }
        #expect(JSONLayout.members(ofObject: Data(#"{"a":1,"b":[2,{"c":3}]}"#.utf8)) == ["a": Data("1".utf8), "b": Data(#"[2,{"c":3}]"#.utf8)])
        #expect(JSONLayout.members(ofObject: Data(#"{"a":1}x"#.utf8)) == nil)
        #expect(JSONLayout.members(ofObject: Data("[1]".utf8)) == nil)
    }

    @Test func anEntryReadsBackToTheSameMeasurementBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let measurement = try encoder.encode(["curve": [0.1 + 0.2, 1e-300, 2.2250738585072014e-308, 123456789.123], "half": [0.5]])
        let result = ExperimentResult(measurement: measurement, scalars: ["x": 0.1 + 0.2, "nan": .nan, "tiny": 2.2250738585072014e-308],
                                      artifacts: ["weights": Data([1, 2, 3])], timings: ["seconds": 3])
        let key = String(repeating: "ab", count: 32)
        let entry = FrozenEntry(key: key, lesson: "01-a", directive: "@Model(id: \"m\")", result: result)
        let text = try entry.encoded()
        let shown = String(decoding: text, as: UTF8.self)
        #expect(!shown.contains("seconds") && !shown.contains("AQID"), "no timings, no weights")
        #expect(shown.contains("\"artifacts\": [\"weights\"]"))
        let read = try FrozenEntry(decoding: text, key: key)
        #expect(read.measurement == measurement)
        #expect(read.scalars["x"]?.bitPattern == (0.1 + 0.2).bitPattern && read.scalars["nan"]?.isNaN == true)
        #expect(read.scalars["tiny"] == 2.2250738585072014e-308)
        #expect(FreezeComparison.difference(result, from: read) == nil)
        #expect(throws: (any Error).self) { try FrozenEntry(decoding: text, key: String(repeating: "cd", count: 32)) }
        #expect(throws: (any Error).self) { try FrozenEntry(decoding: Data(shown.replacingOccurrences(of: "notes-freeze 1", with: "notes-freeze 9").utf8), key: key) }
        #expect(throws: (any Error).self) { try FrozenEntry(decoding: Data("{}".utf8), key: key) }
    }

    @Test func differencesNameTheFirstValueThatDiffers() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let frozen = FrozenEntry(key: String(repeating: "0", count: 64), lesson: "l", directive: "d",
                                 result: ExperimentResult(measurement: try encoder.encode(["runs": [["nelbo": 1.5], ["nelbo": 2.5]]]),
                                                          scalars: ["a": 1]))
        let sameScalars = ExperimentResult(measurement: try encoder.encode(["runs": [["nelbo": 1.5], ["nelbo": 2.25]]]), scalars: ["a": 1])
        #expect(FreezeComparison.difference(sameScalars, from: frozen) == "measurement runs[1].nelbo is 2.25 here and 2.5 in the freeze")
        let otherScalar = ExperimentResult(measurement: frozen.measurement, scalars: ["a": 1.0000000000000002])
        #expect(FreezeComparison.difference(otherScalar, from: frozen) == "scalar 'a' is 1.0000000000000002 here and 1.0 in the freeze")
        #expect(FreezeComparison.difference(ExperimentResult(measurement: frozen.measurement, scalars: [:]), from: frozen)
                == "scalar 'a' is in the freeze but was not computed")
    }

    @Test func theExecutableHasAStableIdentity() {
        let id = ExecutableIdentity.current
        #expect(!id.isEmpty && id != "unknown")
        #expect(id == ExecutableIdentity.current)
        #if os(Linux)
        #expect(ExecutableIdentity.gnuBuildID(ofFileAt: "/proc/self/exe") == id)
        #expect(ExecutableIdentity.gnuBuildID(ofFileAt: "/etc/hostname") == nil)
        #endif
    }
}
