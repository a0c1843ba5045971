import Charts
import Foundation
import Markdown

/// Numbers figures and tables through a page ("Figura 3", "Tabela 2") and remembers labels
/// so prose can cross-reference them. Anchors are unique in the page: one already taken (by
/// a heading, the page template or another result) gets a `-2`, `-3`… suffix.
struct CaptionCounter {
    var strings = PageStrings.portuguese
    private(set) var figures = 0
    private(set) var tables = 0
    /// label → (anchor id, "Figura 3")
    private(set) var labels: [String: (anchor: String, text: String)] = [:]
    /// HTML ids in use on the page.
    var taken: Set<String> = LessonPlan.reservedPageIDs

    mutating func unique(_ base: String) -> String {
        var anchor = base
        var n = 2
        while taken.contains(anchor) { anchor = "\(base)-\(n)"; n += 1 }
        taken.insert(anchor)
        return anchor
    }

    mutating func nextFigure(label: String?) -> (number: Int, anchor: String) {
        figures += 1
        let anchor = unique(label ?? "\(strings.figureAnchor)-\(figures)")
        if let label, labels[label] == nil { labels[label] = (anchor, "\(strings.figure) \(figures)") }
        return (figures, anchor)
    }

    mutating func nextTable(label: String?) -> (number: Int, anchor: String) {
        tables += 1
        let anchor = unique(label ?? "\(strings.tableAnchor)-\(tables)")
        if let label, labels[label] == nil { labels[label] = (anchor, "\(strings.table) \(tables)") }
        return (tables, anchor)
    }
}

/// Renders one directive block's results (or its errors) as the HTML that replaces it.
struct ResultRenderer {
    var slug: String
    /// How number cells are written (the CSV keeps the machine form).
    var numbers = NumberStyle.plain
    var counter = CaptionCounter()
    /// Output files produced so far: relative path → contents.
    var files: [String: Data] = [:]
    /// Relative path → the directive call that produced the file (`Notes/…` line and column).
    var origins: [String: SourceLocation] = [:]
    /// The call whose outputs are being rendered.
    private var origin = SourceLocation(line: 1, column: 1)
    private var usedNames: Set<String> = []

    /// The page's words (caption numbers, error boxes, the directive-source line).
    var strings: PageStrings
    /// The page's language, for the experiments' own tables and figures.
    var page = PageContext.portuguese
    /// The lesson's path, for diagnostics.
    var file = ""
    /// Results that could not be presented (a measurement that does not decode).
    var diagnostics: [Diagnostic] = []

    init(slug: String, numbers: NumberStyle = .plain, strings: PageStrings = .portuguese) {
        self.slug = slug
        self.numbers = numbers
        self.strings = strings
        counter.strings = strings
    }

    /// `name`, or `name-2`, `name-3`… so two results never share a file.
    mutating func uniqueName(_ name: String, kind: String) -> String {
        let base = fileSafe(name)
        var candidate = base
        var n = 2
        while usedNames.contains(kind + "/" + candidate) { candidate = "\(base)-\(n)"; n += 1 }
        usedNames.insert(kind + "/" + candidate)
        return candidate
    }

    mutating func render(block: LessonPlan.Block, plan: LessonPlan, outcomes: [Int: DirectiveOutcome]) -> String {
        var html = "<section class=\"directive-block\">\n"
        var diagnostics = block.diagnostics
        var outputs: [(ExperimentOutput, SourceLocation)] = []
        var seconds = 0.0
        var cachedCount = 0
        var frozenCount = 0
        var ranCount = 0
        for index in block.directives {
            diagnostics += plan.directives[index].diagnostics
            guard let outcome = outcomes[index] else { continue }
            diagnostics += outcome.diagnostics
            seconds += outcome.seconds
            if let result = outcome.result, let experiment = plan.directives[index].experiment {
                ranCount += 1
                if outcome.fromCache { cachedCount += 1 }
                if outcome.fromFreeze { frozenCount += 1 }
                let call = plan.directives[index].call
                do {
                    var shown = try experiment.presented(result, in: page).outputs
                    // The freeze keeps no wall times: a frozen result has none to report.
                    if outcome.fromFreeze { shown.removeAll { if case .timing = $0 { true } else { false } } }
                    outputs += shown.map { ($0, call.location) }
                } catch {
                    let failure = error as? ExperimentFailure ?? ExperimentFailure(id: "experiment-failed", "\(error)")
                    let problem = Diagnostic(file: file, line: call.location.line, column: call.location.column, id: failure.id,
                                             message: "@\(call.name) cannot be shown: \(failure.message)", suggestion: failure.suggestion)
                    diagnostics.append(problem)     // the block's error box
                    self.diagnostics.append(problem) // the build's report
                }
            }
        }
        for diagnostic in diagnostics.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            html += errorBox(diagnostic)
        }
        for (output, location) in outputs {
            origin = location
            html += render(output)
        }
        html += sourceDetails(block: block, seconds: seconds, ran: ranCount, cached: cachedCount, frozen: frozenCount)
        return html + "</section>\n"
    }

    /// A table cell: a number in the page's format, a text as written.
    func cell(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let machine): numbers.number(machine)
        }
    }

    mutating func render(_ output: ExperimentOutput) -> String {
        switch output {
        case .note(let text):
            return "<p class=\"result-note\">\(escapeHTML(text))</p>\n"
        case .timing(let text):
            return "<p class=\"result-note timing\" data-volatile>\(escapeHTML(text))</p>\n"
        case .table(let table):
            let (number, anchor) = counter.nextTable(label: table.label)
            let name = uniqueName(table.name, kind: "data")
            let csvPath = "data/\(slug)/\(name).csv"
            files[csvPath] = Data(table.csv.utf8)
            origins[csvPath] = origin
            var html = "<figure class=\"result-table\" id=\"\(escapeHTML(anchor))\">\n"
            html += "<figcaption><span class=\"caption-number\">\(strings.table) \(number).</span> \(escapeHTML(table.caption))"
            html += " <a class=\"download\" href=\"\(urlAttribute(csvPath))\" download>CSV</a></figcaption>\n"
            html += "<div class=\"table-scroll\"><table>\n<thead><tr>"
            html += table.header.map { "<th scope=\"col\">\(escapeHTML($0))</th>" }.joined()
            html += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                html += "<tr>" + row.map { "<td>\(escapeHTML(cell($0)))</td>" }.joined() + "</tr>\n"
            }
            return html + "</tbody>\n</table></div>\n</figure>\n"
        case .listing(let listing):
            let lines = strings.sourceLines(listing.firstLine, listing.lastLine)
            var html = "<figure class=\"result-listing\">\n<figcaption>"
            if !listing.caption.isEmpty { html += escapeHTML(listing.caption) + " " }
            html += "<span class=\"listing-source\"><code>\(escapeHTML(listing.file))</code>, \(lines)</span></figcaption>\n"
            html += "<pre><code class=\"language-\(escapeHTML(listing.language))\">"
                + highlightedHTML(listing.code, language: listing.language) + "</code></pre>\n"
            return html + "</figure>\n"
        case .figure(let figure):
            let (number, anchor) = counter.nextFigure(label: figure.label)
            let name = uniqueName(figure.name, kind: "figures")
            let svgPath = "figures/\(slug)/\(name).svg"
            files[svgPath] = Data(figure.svg.utf8)
            origins[svgPath] = origin
            // Figures wider than the text column may reach into the right margin on wide screens.
            let wide = figure.width > 720
            var html = "<figure class=\"result-figure\(wide ? " wide" : "")\" id=\"\(escapeHTML(anchor))\">\n"
            // The figure opens full size (the SVG itself) when clicked.
            html += "<a class=\"figure-zoom\" href=\"\(urlAttribute(svgPath))\">"
            html += "<img src=\"\(urlAttribute(svgPath))\" alt=\"\(escapeHTML(figure.altText))\"\(sizeAttributes(figure))></a>\n"
            html += "<figcaption><span class=\"caption-number\">\(strings.figure) \(number).</span> \(escapeHTML(figure.caption))"
            html += " <a class=\"download\" href=\"\(urlAttribute(svgPath))\" download>SVG</a></figcaption>\n"
            return html + "</figure>\n"
        }
    }

    /// A diagnostic as a visible box; `inLesson` for the file's own problems (front matter,
    /// encoding, fences) rather than a directive's.
    func errorBox(_ diagnostic: Diagnostic, inLesson: Bool = false) -> String {
        let kind = diagnostic.severity == .error ? strings.error : strings.warning
        let place = inLesson ? strings.inLesson : strings.inDirective
        return """
        <div class="directive-\(diagnostic.severity.rawValue)" role="alert">
        <p class="diagnostic-title">\(kind) \(place) (\(strings.position(diagnostic.line, diagnostic.column)))</p>
        <pre class="diagnostic">\(escapeHTML(diagnostic.description))</pre>
        </div>\n
        """
    }

    /// The directive's source under the block. Whether the result was computed now or read
    /// from the cache, and how long it took, depend on the machine and the cache: they sit in
    /// a `data-volatile` span, so pages compare equal without it.
    func sourceDetails(block: LessonPlan.Block, seconds: Double, ran: Int, cached: Int, frozen: Int = 0) -> String {
        var status: String
        if ran == 0 {
            status = strings.notRun
        } else if frozen == ran {
            status = "<span data-volatile>\(strings.frozenResult)</span>"
        } else if cached == ran {
            status = "<span data-volatile>\(strings.cachedResult(formatSeconds(seconds, numbers: numbers)))</span>"
        } else {
            status = strings.ranIn(formatSeconds(seconds, numbers: numbers))
            if cached > 0 { status += " (\(strings.fromCache(cached, ran)))" }
            if frozen > 0 { status += " (\(strings.fromFreeze(frozen, ran)))" }
            status = "<span data-volatile>\(status)</span>"
        }
        return """
        <details class="directive-source">
        <summary>\(strings.directiveSource) · \(status)</summary>
        <pre><code class="language-swift">\(CodeHighlighter.html(for: block.fenced.content, language: "swift-directive"))</code></pre>
        </details>\n
        """
    }
}

/// ` width="640" height="380"`: the figure's size, so the page reserves its space before it
/// loads; "" for a figure without a size.
func sizeAttributes(_ figure: ResultFigure) -> String {
    let width = Int(figure.width.rounded()), height = Int(figure.height.rounded())
    guard width > 0, height > 0 else { return "" }
    return " width=\"\(width)\" height=\"\(height)\""
}

/// "0,42 s", "3,1 s", "2 min 05 s" with a decimal comma ("0.42 s" with a decimal point).
func formatSeconds(_ seconds: Double, numbers: NumberStyle = NumberStyle(decimalSeparator: ",")) -> String {
    if seconds < 10 { return String(format: "%.2f s", seconds).replacingOccurrences(of: ".", with: numbers.decimalSeparator) }
    if seconds < 60 { return String(format: "%.1f s", seconds).replacingOccurrences(of: ".", with: numbers.decimalSeparator) }
    let total = Int(seconds.rounded())
    return String(format: "%d min %02d s", total / 60, total % 60)
}

/// Lowercase letters, digits and dashes only, at most 64 characters: safe in paths and URLs.
func fileSafe(_ name: String) -> String {
    let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out = ""
    for scalar in folded.unicodeScalars {
        if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
            out.unicodeScalars.append(scalar)
        } else if !out.hasSuffix("-") {
            out += "-"
        }
    }
    var trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    if trimmed.count > 64 { trimmed = String(trimmed.prefix(64)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
    return trimmed.isEmpty ? "resultado" : trimmed
}

/// A relative URL for an `href` or `src` attribute: each path segment percent-encoded
/// (only unreserved characters stay as they are), then HTML-escaped. A lesson file name
/// such as `p" onerror="x.md` or `javascript:alert(1).md` can then never leave the attribute
/// or become a script URL (`javascript%3Aalert(1)` is a relative path).
func urlAttribute(_ path: String) -> String {
    let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map {
        String($0).addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }.joined(separator: "/")
    return escapeHTML(encoded)
}
