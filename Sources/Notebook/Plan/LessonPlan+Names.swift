import Markdown

/// The grammar of the names a lesson gives its results, and the checks that keep them usable
/// as file names, HTML ids and references.
///
/// An identifier (`id:`, `label:`) is 1 to 64 characters: ASCII letters, digits, `-`, `_`
/// and `.`, starting with a letter or digit. An `id` has no `.` (prose cites `id.scalar`).
/// A label is cited from prose as `@fig-…` or `@tab-…`, so one that does not start so, or
/// ends in `-` or `.`, cannot be referenced (a warning).
public enum Identifier {
    public static let maximumLength = 64

    /// Why `text` is not an identifier; nil when it is one. `allowingDots` is false for ids.
    public static func problem(_ text: String, allowingDots: Bool) -> String? {
        if text.isEmpty { return "is empty" }
        if text.unicodeScalars.count > maximumLength {
            return "is \(text.unicodeScalars.count) characters long; the limit is \(maximumLength)"
        }
        guard let first = text.unicodeScalars.first, isAlphanumeric(first) else {
            return "must start with an ASCII letter or digit"
        }
        for scalar in text.unicodeScalars where !(isAlphanumeric(scalar) || scalar == "-" || scalar == "_" || scalar == ".") {
            return "contains '\(TerminalText.escaped(String(scalar)))'; use ASCII letters, digits, '-', '_'" + (allowingDots ? " and '.'" : "")
        }
        if !allowingDots, text.contains(".") { return "contains '.', which separates an id from its scalar in `=id.name`" }
        return nil
    }

    /// A suggestion close to `text` that follows the grammar.
    public static func suggestion(for text: String, allowingDots: Bool) -> String {
        var out = fileSafe(text)
        if out.unicodeScalars.count > maximumLength { out = String(out.unicodeScalars.prefix(maximumLength)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "resultado" : out
    }

    /// Whether prose can cite `label` as `@label`.
    public static func isReferenceable(_ label: String) -> Bool {
        guard ["fig-", "tab-", "tbl-"].contains(where: label.hasPrefix), label.count > 4 else { return false }
        guard let last = label.unicodeScalars.last, isAlphanumeric(last) || last == "_" else { return false }
        return !label.contains(".")
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

extension LessonPlan {
    /// Checks every `id:` and `label:` against the grammar, and labels against each other and
    /// the page's other HTML ids (headings, the template's `conteudo_principal`). A bad id stops its directive (the id
    /// names files); label problems that leave the page usable are warnings.
    mutating func checkNames(file: String, headingIDs: Set<String>) {
        var labelSeen: [String: SourceLocation] = [:]
        for index in directives.indices {
            let call = directives[index].call
            if let id = directives[index].id, let problem = Identifier.problem(id, allowingDots: false) {
                let location = Self.location(ofString: id, label: "id", in: call)
                directives[index].diagnostics.append(Diagnostic(
                    file: file, line: location.line, column: location.column, id: "invalid-identifier",
                    message: "id '\(Self.shown(id))' \(problem)",
                    suggestion: "write id: \"\(Identifier.suggestion(for: id, allowingDots: false))\""))
                directives[index].experiment = nil
            }
            for label in Self.literalStrings("label", in: call) {
                let location = Self.location(ofString: label, label: "label", in: call)
                func report(_ severity: Diagnostic.Severity, _ id: String, _ message: String, _ suggestion: String?) {
                    directives[index].diagnostics.append(Diagnostic(
                        severity, file: file, line: location.line, column: location.column, id: id,
                        message: message, suggestion: suggestion))
                }
                if let problem = Identifier.problem(label, allowingDots: true) {
                    report(.error, "invalid-identifier", "label '\(Self.shown(label))' \(problem)",
                           "write label: \"\(Identifier.suggestion(for: label, allowingDots: true))\"")
                    directives[index].experiment = nil
                    continue
                }
                if let first = labelSeen[label] {
                    report(.error, "duplicate-label", "label '\(label)' is already used at line \(first.line)",
                           "give each figure and table its own label")
                    directives[index].experiment = nil
                    continue
                }
                labelSeen[label] = location
                if !Identifier.isReferenceable(label) {
                    report(.warning, "unreferenceable-label",
                           "label '\(label)' cannot be cited from prose, which writes '@fig-…' or '@tab-…'",
                           "start it with 'fig-' (figures) or 'tab-' (tables; Quarto's 'tbl-' works too), ending in a letter or digit")
                } else if headingIDs.contains(label) || Self.reservedPageIDs.contains(label) {
                    report(.warning, "duplicate-html-id",
                           "label '\(label)' is also the id of \(headingIDs.contains(label) ? "a heading" : "a part of the page"); links to it would land on the wrong element",
                           "choose another label")
                }
            }
        }
    }

    /// Ids the page template itself uses; with an `_`, which heading slugs never contain.
    static let reservedPageIDs: Set<String> = ["conteudo_principal"]

    /// A name for a message: escaped, and cut to 80 characters.
    static func shown(_ text: String) -> String {
        let escaped = TerminalText.escaped(text)
        return escaped.count > 80 ? String(escaped.prefix(80)) + "…" : escaped
    }
}

extension LessonPlan {
    /// The scalar names each id's directive declares (`Experiment.scalarNames`).
    public var declaredScalars: [String: [ScalarName]] {
        directiveForID.compactMapValues { index in directives[index].experiment.map { type(of: $0).scalarNames } }
    }

    /// The `` `=id.name` `` references of the lesson's prose whose name the directive defining
    /// `id` does not declare: found when the lesson is planned, before anything runs (for
    /// `notes list`; a build reports the same references once, at the page).
    public func undeclaredReferences(in lesson: Lesson) -> [Diagnostic] {
        let declared = declaredScalars
        var found: [Diagnostic] = []
        func report(_ id: String, _ name: String, line: Int, column: Int) {
            guard let suggestion = Self.undeclared(name, of: id, in: declared) else { return }
            found.append(Diagnostic(file: lesson.path, line: line, column: column, id: "unknown-reference",
                                    message: Self.noValueMessage(id, name), suggestion: suggestion))
        }
        _ = lesson.document.renderHTML(inlineCode: { code, location in
            if case let .value(id, name, _, _) = InlineValues.Reference(code) {
                report(id, name, line: location.line, column: location.column)
            } else if code.hasPrefix("?"), code.count > 1, let comparisons = try? ClaimParser.parse(String(code.dropFirst())) {
                // A claim's references, at the column of each (after the backtick and the `?`).
                for reference in comparisons.flatMap(\.references) {
                    report(reference.id, reference.name, line: location.line, column: location.column + 1 + reference.offset)
                }
            }
            return nil
        })
        return found
    }

    /// "'a' has no value named 'test.nelb'": the message of every unknown-reference diagnostic.
    static func noValueMessage(_ id: String, _ name: String) -> String { "'\(id)' has no value named '\(name)'" }

    /// The suggestion for `id.name` when `id`'s directive declares its scalars and none is
    /// `name`; nil when the name is declared or nothing is.
    static func undeclared(_ name: String, of id: String, in declared: [String: [ScalarName]]) -> String? {
        guard let patterns = declared[id], !patterns.isEmpty, !patterns.contains(where: { $0.matches(name) }) else { return nil }
        return suggestion(for: name, id: id, among: patterns)
    }

    /// "did you mean 'id.test.nelbo'?", or the declared names.
    static func suggestion(for name: String, id: String, among patterns: [ScalarName]) -> String {
        let names = patterns.map(\.pattern)
        return closestMatch(to: name, in: names).map { "did you mean '\(id).\($0)'?" }
            ?? "declared: " + names.joined(separator: ", ") + " (see notes help)"
    }
}
