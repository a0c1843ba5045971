import Notebook

/// Number arrays that also hand back where they were written, so that checks spanning
/// several arguments (mean vs. std lengths, prior vs. posterior dimension) can point at
/// the offending value rather than at the directive's `@`.
extension ArgumentReader {
    /// `[0.8, -0.5]`. `location` is set to the value's position when the argument is present.
    /// With `positive`, every element must be > 0 (`invalid-value` at that element).
    mutating func numbers(_ label: String, default defaultValue: [Double]? = nil, positive: Bool = false,
                          location: inout SourceLocation) -> [Double]? {
        var found: SourceLocation?
        let result = read(label, default: defaultValue, expected: "an array of numbers",
                          canonical: Self.canonicalNumbers) { value, reader -> [Double]? in
            found = value.location
            guard case .array(let items) = value.kind else { return nil }
            return reader.numberList(items, label: label, positive: positive, at: value.location)
        }
        if let found { location = found }
        return result
    }

    /// `[[-2, 0], [2, 0]]`: a non-empty array of non-empty rows, all of the same length.
    mutating func numberRows(_ label: String, positive: Bool = false, location: inout SourceLocation) -> [[Double]]? {
        var found: SourceLocation?
        let owner = self.owner
        let result = read(label, default: nil, expected: "an array of arrays of numbers",
                          canonical: { "[" + $0.map(Self.canonicalNumbers).joined(separator: ", ") + "]" }) { value, reader -> [[Double]]? in
            found = value.location
            guard case .array(let rows) = value.kind else { return nil }
            guard !rows.isEmpty else {
                reader.report("invalid-value", "argument '\(label)' of \(owner) must not be empty", at: value.location)
                return nil
            }
            var out: [[Double]] = []
            var ok = true
            for row in rows {
                guard case .array(let items) = row.kind else {
                    reader.report("wrong-type", "rows of '\(label)' must be arrays of numbers, found \(row.typeDescription)",
                                  at: row.location)
                    ok = false
                    continue
                }
                guard let numbers = reader.numberList(items, label: label, positive: positive, at: row.location) else {
                    ok = false
                    continue
                }
                if let first = out.first, first.count != numbers.count {
                    reader.report("invalid-value", "rows of '\(label)' must all have \(first.count) entries, found \(numbers.count)",
                                  at: row.location)
                    ok = false
                    continue
                }
                out.append(numbers)
            }
            return ok ? out : nil
        }
        if let found { location = found }
        return result
    }

    private mutating func numberList(_ items: [DirectiveValue], label: String, positive: Bool,
                                     at location: SourceLocation) -> [Double]? {
        guard !items.isEmpty else {
            report("invalid-value", "argument '\(label)' of \(owner) must not be empty", at: location)
            return nil
        }
        var out: [Double] = []
        var ok = true
        for item in items {
            guard let v = item.doubleValue else {
                report("wrong-type", "elements of '\(label)' must be numbers, found \(item.typeDescription)", at: item.location)
                ok = false
                continue
            }
            if positive && !(v > 0) {
                report("invalid-value", "elements of '\(label)' of \(owner) must be positive, found \(v)", at: item.location,
                       suggestion: "standard deviations and weights are > 0")
                ok = false
                continue
            }
            out.append(v)
        }
        return ok ? out : nil
    }

    private static func canonicalNumbers(_ values: [Double]) -> String {
        "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
}
