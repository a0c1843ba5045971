/// Enumeration-like arguments: `model: .gmvae(components: 10)`, `metrics: [.nelbo, .iwae(samples: 100)]`.
/// Each accepted `.name` is a `MemberCase` whose own arguments are read by a nested reader, so
/// a member's arguments get the same diagnostics and canonical form as a directive's.
extension ArgumentReader {
    /// One accepted `.name` or `.name(arguments…)`, read with a nested reader.
    public struct MemberCase<T> {
        public var name: String
        public var read: (inout ArgumentReader) -> T?
        public init(_ name: String, read: @escaping (inout ArgumentReader) -> T?) {
            self.name = name
            self.read = read
        }
        /// A case without arguments.
        public init(_ name: String, value: T) {
            self.name = name
            self.read = { _ in value }
        }
    }

    /// Reads `.name` or `.name(…)`; `default` names a case, read with no arguments.
    public mutating func member<T>(_ label: String, default defaultCase: String? = nil, semantic: Bool = true,
                                   _ cases: [MemberCase<T>]) -> T? {
        let expected = "one of " + cases.map { "." + $0.name }.joined(separator: ", ")
        known.append(label)
        if recordsSchema {
            let expected = "one of " + describe(cases)
            note(ArgumentSchema(label: label, expected: expected, defaultValue: defaultCase.map { "." + $0 }, semantic: semantic))
        }
        guard arguments.contains(where: { $0.label == label }) || defaultCase == nil else {
            guard let chosen = cases.first(where: { $0.name == defaultCase }) else {
                preconditionFailure("default '.\(defaultCase!)' of '\(label)' is not one of its cases")
            }
            var nested = ArgumentReader(owner: "." + chosen.name, anchor: anchor, arguments: [], file: file)
            let value = chosen.read(&nested)
            diagnostics += nested.finish()
            if semantic { canonicalArguments[label] = nested.memberCanonical(chosen.name) }
            return value
        }
        known.removeLast()
        var canonicalText = ""
        let value: T? = read(label, default: nil, expected: expected, semantic: false, canonical: { _ in "" }) { value, reader in
            let result = reader.readMember(value, cases: cases, label: label)
            canonicalText = result.canonical
            return result.value
        }
        if semantic, value != nil { canonicalArguments[label] = canonicalText }
        return value
    }

    /// An array of members: `metrics: [.nelbo, .iwae(samples: 100)]`.
    public mutating func members<T>(_ label: String, default defaults: [String]? = nil, semantic: Bool = true,
                                    _ cases: [MemberCase<T>]) -> [T]? {
        let expected = "an array of " + cases.map { "." + $0.name }.joined(separator: ", ")
        if recordsSchema {
            let expected = "an array of " + describe(cases)
            note(ArgumentSchema(label: label, expected: expected,
                                defaultValue: defaults.map { "[" + $0.map { "." + $0 }.joined(separator: ", ") + "]" }, semantic: semantic))
        }
        var canonicalItems: [String] = []
        if !arguments.contains(where: { $0.label == label }), let defaults {
            known.append(label)
            var out: [T] = []
            for name in defaults {
                guard let chosen = cases.first(where: { $0.name == name }) else {
                    preconditionFailure("default '.\(name)' of '\(label)' is not one of its cases")
                }
                var nested = ArgumentReader(owner: "." + name, anchor: anchor, arguments: [], file: file)
                if let v = chosen.read(&nested) { out.append(v) }
                diagnostics += nested.finish()
                canonicalItems.append(nested.memberCanonical(name))
            }
            if semantic { canonicalArguments[label] = "[" + canonicalItems.joined(separator: ", ") + "]" }
            return out
        }
        let values = array(label, default: nil, expected: expected, nonEmpty: true, semantic: false,
                           canonical: { _ in "" }) { value, reader -> T? in
            let result = reader.readMember(value, cases: cases, label: label)
            if result.value != nil { canonicalItems.append(result.canonical) }
            return result.value
        }
        if semantic, values != nil { canonicalArguments[label] = "[" + canonicalItems.joined(separator: ", ") + "]" }
        return values
    }

    /// `.vae, .gmvae(components: 10), .synthetic(set: .ring(…), train: 2000, test: 1000)`: each
    /// case with its own arguments' defaults, read from an empty call (for the schema).
    func describe<T>(_ cases: [MemberCase<T>]) -> String {
        cases.map { memberCase -> String in
            var nested = ArgumentReader(owner: "." + memberCase.name, anchor: anchor, arguments: [], file: file)
            nested.recordsSchema = true
            _ = memberCase.read(&nested)
            guard !nested.schema.isEmpty else { return "." + memberCase.name }
            let arguments = nested.schema.map { entry -> String in
                let value = entry.defaultValue.map { $0.isEmpty ? "…" : $0 } ?? "…"
                return "\(entry.label): \(value)"
            }
            return "." + memberCase.name + "(" + arguments.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }

    fileprivate mutating func readMember<T>(_ value: DirectiveValue, cases: [MemberCase<T>], label: String)
        -> (value: T?, canonical: String) {
        guard case .member(let name, let arguments) = value.kind else { return (nil, "") }
        guard let chosen = cases.first(where: { $0.name == name }) else {
            let names = cases.map(\.name)
            let guess = closestMatch(to: name, in: names)
            let suggestion = guess.map { "did you mean '.\($0)'?" }
                ?? "expected one of " + names.map { "." + $0 }.joined(separator: ", ")
            report("unknown-member", "unknown value '.\(name)' for '\(label)' of \(owner)", at: value.location,
                   suggestion: suggestion)
            // The span is `.name`: the member's arguments stay as written.
            diagnostics[diagnostics.count - 1] = diagnostics[diagnostics.count - 1].replacing(name.count + 1, with: guess.map { "." + $0 })
            return (nil, "")
        }
        var nested = ArgumentReader(owner: "." + name, anchor: value.location, arguments: arguments ?? [], file: file)
        let result = chosen.read(&nested)
        let nestedDiagnostics = nested.finish()
        diagnostics += nestedDiagnostics
        if result == nil && nestedDiagnostics.isEmpty {
            report("invalid-value", "invalid value '.\(name)' for '\(label)' of \(owner)", at: value.location)
        }
        return (nestedDiagnostics.contains { $0.severity == .error } ? nil : result, nested.memberCanonical(name))
    }

    fileprivate func memberCanonical(_ name: String) -> String {
        canonicalArguments.isEmpty ? "." + name : "." + name + "(" + canonicalForm + ")"
    }
}
