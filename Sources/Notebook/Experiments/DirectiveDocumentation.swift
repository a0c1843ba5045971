/// A scalar a directive exposes, as a name pattern: `test.nelbo`, `<key>.test.nelbo`,
/// `em.k<K>.test`. A `<…>` part stands for a part of the name that depends on the arguments
/// (a prior's key, a sample count, an id). `seeds` marks the quantities that, with
/// `seeds: […]`, become `name.mean`, `name.se` and `name.seed<k>`.
public struct ScalarName: Sendable, Hashable {
    public var pattern: String
    public var meaning: String
    public var seeds: Bool
    /// A wall-clock time (`ExperimentResult.timings`): citable in prose, shown as volatile,
    /// never in a claim, and absent from frozen results.
    public var timing: Bool

    public init(_ pattern: String, _ meaning: String, seeds: Bool = false, timing: Bool = false) {
        self.pattern = pattern
        self.meaning = meaning
        self.seeds = seeds
        self.timing = timing
    }

    /// Whether `name` is one this pattern describes (with the seed suffixes when `seeds`).
    public func matches(_ name: String) -> Bool {
        if Self.matches(name, pattern) { return true }
        guard seeds else { return false }
        for suffix in [".mean", ".se"] where name.hasSuffix(suffix) {
            if Self.matches(String(name.dropLast(suffix.count)), pattern) { return true }
        }
        if let range = name.range(of: ".seed", options: .backwards),
           !name[range.upperBound...].isEmpty, name[range.upperBound...].allSatisfy(\.isNumber) {
            return Self.matches(String(name[..<range.lowerBound]), pattern)
        }
        return false
    }

    /// Literal text must match exactly; each `<…>` matches one or more characters other than `.`.
    static func matches(_ name: String, _ pattern: String) -> Bool {
        var parts: [(literal: Bool, text: String)] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            if open > rest.startIndex { parts.append((true, String(rest[..<open]))) }
            parts.append((false, ""))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append((true, String(rest))) }
        return match(Array(name), 0, parts[...])
    }

    private static func match(_ name: [Character], _ at: Int, _ parts: ArraySlice<(literal: Bool, text: String)>) -> Bool {
        guard let part = parts.first else { return at == name.count }
        if part.literal {
            let text = Array(part.text)
            guard at + text.count <= name.count, Array(name[at..<(at + text.count)]) == text else { return false }
            return match(name, at + text.count, parts.dropFirst())
        }
        var end = at
        while end < name.count, name[end] != "." {
            end += 1
            if match(name, end, parts.dropFirst()) { return true }
        }
        return false
    }
}
