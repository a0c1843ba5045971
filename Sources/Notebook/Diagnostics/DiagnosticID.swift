/// Every diagnostic notes reports, by its stable id: what tools and tests match on, never
/// reworded. The README's table of diagnostics is generated from this list
/// (`markdownTable`) and a test keeps the two, and every id the sources use, in step.
public enum DiagnosticID: String, CaseIterable, Sendable {
    // Lesson files
    case invalidEncoding = "invalid-encoding", frontMatter = "front-matter", unknownFrontMatterKey = "unknown-front-matter-key"
    case invalidLang = "invalid-lang", unsupportedLang = "unsupported-lang", emptyLesson = "empty-lesson"
    case unclosedFence = "unclosed-fence", miscasedDirectiveBlock = "miscased-directive-block"
    case invalidLessonName = "invalid-lesson-name", notALesson = "not-a-lesson", unreadableLesson = "unreadable-lesson"
    case lessonTooLarge = "lesson-too-large"
    // Markdown
    case undefinedFootnote = "undefined-footnote", unusedFootnote = "unused-footnote"
    case unclosedDiv = "unclosed-div", strayDivFence = "stray-div-fence", malformedAttributes = "malformed-attributes"
    case duplicateHeadingID = "duplicate-heading-id", unmatchedDollar = "unmatched-dollar", mathError = "math-error"
    // Course configuration
    case invalidCourseConfiguration = "invalid-course-configuration", unknownCourseKey = "unknown-course-key"
    // Directive syntax
    case malformedNumber = "malformed-number", integerOverflow = "integer-overflow", unterminatedString = "unterminated-string"
    case invalidEscape = "invalid-escape", unbalancedParentheses = "unbalanced-parentheses", unbalancedBrackets = "unbalanced-brackets"
    case expectedName = "expected-name", expectedParenthesis = "expected-parenthesis", expectedLabel = "expected-label"
    case expectedColon = "expected-colon", expectedValue = "expected-value", expectedComma = "expected-comma"
    case nestingTooDeep = "nesting-too-deep", trailingText = "trailing-text", unexpectedText = "unexpected-text"
    case emptyBlock = "empty-block"
    // Directive arguments
    case unknownDirective = "unknown-directive", unknownArgument = "unknown-argument", missingArgument = "missing-argument"
    case duplicateArgument = "duplicate-argument", wrongType = "wrong-type", invalidValue = "invalid-value"
    case unknownMember = "unknown-member", invalidIdentifier = "invalid-identifier"
    // Ids, labels and references
    case duplicateID = "duplicate-id", unknownID = "unknown-id", dependencyCycle = "dependency-cycle"
    case duplicateLabel = "duplicate-label", unreferenceableLabel = "unreferenceable-label", duplicateHTMLID = "duplicate-html-id"
    case brokenLink = "broken-link", missingImage = "missing-image"
    case unknownCitation = "unknown-citation", invalidBibliography = "invalid-bibliography"
    case unknownLabel = "unknown-label", unknownReference = "unknown-reference", invalidReference = "invalid-reference"
    case invalidClaim = "invalid-claim", claimFailed = "claim-failed"
    // Running
    case dependencyFailed = "dependency-failed", timeout, experimentFailed = "experiment-failed"
    case missingDataset = "missing-dataset", diverged, trainingFailed = "training-failed", nonFiniteResult = "non-finite-result"
    case notAModel = "not-a-model", corruptArtifact = "corrupt-artifact", corruptCache = "corrupt-cache"
    case cacheCorrupt = "cache-corrupt", cacheWriteFailed = "cache-write-failed", writeFailed = "write-failed"
    case reproduceDrift = "reproduce-drift"
    case freezeDrift = "freeze-drift", freezeMissing = "freeze-missing", freezeOrphan = "freeze-orphan"
    case freezeCorrupt = "freeze-corrupt", freezeWriteFailed = "freeze-write-failed"

    /// Whether it is reported as a warning (the page and the build go on as if it were not there).
    public var isWarning: Bool {
        switch self {
        case .undefinedFootnote, .unusedFootnote, .unmatchedDollar, .strayDivFence, .malformedAttributes, .duplicateHeadingID,
             .unknownFrontMatterKey, .unsupportedLang, .emptyLesson, .miscasedDirectiveBlock, .unknownCourseKey, .emptyBlock,
             .unreferenceableLabel, .duplicateHTMLID, .brokenLink, .dependencyFailed, .nonFiniteResult, .cacheCorrupt, .cacheWriteFailed:
            true
        default:
            false
        }
    }

    /// What it means, for the README's table.
    public var meaning: String {
        switch self {
        case .invalidEncoding: "a lesson or `course.yml` is not UTF-8 text (points at the first bad byte)"
        case .frontMatter: "the YAML front matter is malformed or has a wrong type"
        case .unknownFrontMatterKey: "a front-matter key notes does not know (suggests the closest)"
        case .invalidLang: "`lang` (in front matter or `course.yml`) is not a BCP 47 tag"
        case .unsupportedLang: "the page template has no words in that language; they come from the course's (or English)"
        case .emptyLesson: "a lesson with nothing but front matter"
        case .unclosedFence: "a code block that is never closed and would swallow the rest of the lesson"
        case .miscasedDirectiveBlock: "`Swift-Directive` and similar: the block is shown as a listing, not run"
        case .invalidLessonName: "a lesson file whose name cannot be a page's (or is `index`)"
        case .notALesson: "a folder or special file named `*.md`"
        case .unreadableLesson: "a lesson file that cannot be read (or a dangling link)"
        case .lessonTooLarge: "a lesson file over the size limit"
        case .undefinedFootnote: "`[^x]` with no `[^x]: …` definition (shown as text)"
        case .unusedFootnote: "a footnote definition nothing refers to (left out of the page)"
        case .unclosedDiv: "a `:::` block never closed, which runs to the end of the lesson"
        case .strayDivFence: "a `:::` line with no open block to close"
        case .malformedAttributes: "`{…}` after `:::` that is not `{#id .class key=\"value\"}`"
        case .duplicateHeadingID: "a heading's `{#id}` that another heading of the lesson already has"
        case .unmatchedDollar: "a `$` that opens math never closed in its paragraph (shown as text)"
        case .mathError: "math KaTeX cannot render (`\\alpah`, an unclosed `\\begin`); checked with Debian's KaTeX under `node` when installed"
        case .invalidCourseConfiguration: "`course.yml` is malformed or a key has a value of the wrong type"
        case .unknownCourseKey: "`course.yml` has a key notes does not know (suggests the closest)"
        case .malformedNumber: "`1_0.`, `.5`, `1e`, `12abc`, …"
        case .integerOverflow: "an integer beyond 64 bits"
        case .unterminatedString: "a string literal without its closing `\"`"
        case .invalidEscape: "an unknown escape in a string"
        case .unbalancedParentheses: "a `(` never closed, or a stray `)`"
        case .unbalancedBrackets: "a `[` never closed, or a stray `]`"
        case .expectedName, .expectedParenthesis, .expectedLabel, .expectedColon, .expectedValue, .expectedComma:
            "the call's syntax is broken at that point"
        case .nestingTooDeep: "values nested more than 32 levels"
        case .trailingText: "text after a call's closing `)` on the same line"
        case .unexpectedText: "a line that is neither a directive, a comment nor blank (directives start with `@`)"
        case .emptyBlock: "a `swift-directive` block with no directive"
        case .unknownDirective: "no directive of that name (suggests the closest)"
        case .unknownArgument: "the directive has no argument of that label (suggests the closest)"
        case .missingArgument: "a required argument is absent (points at the `@`)"
        case .duplicateArgument: "the same label twice in one call"
        case .wrongType: "the value has the wrong type (a string where a number is expected, …)"
        case .invalidValue: "the value is out of range or inconsistent with another argument (or the resources it needs exceed the limits)"
        case .unknownMember: "`.name` is not one of the accepted values (suggests the closest)"
        case .invalidIdentifier: "an id or label that is not 1 to 64 ASCII letters, digits, `-`, `_`"
        case .duplicateID: "two directives define the same `id`"
        case .unknownID: "`of:` names an id no directive defines"
        case .dependencyCycle: "directives depend on each other in a circle"
        case .duplicateLabel: "two results share a label"
        case .unreferenceableLabel: "a label that does not start with `fig`, `tab` or `tbl`, so prose cannot cite it"
        case .duplicateHTMLID: "a label or heading id that another element of the page already uses"
        case .missingImage: "an image of the lesson's folder that is missing, outside it, not an image or over 20 MB"
        case .unknownCitation: "`[@key]` names no entry of `Notes/references.bib` (or the course has none)"
        case .invalidBibliography: "`Notes/references.bib` is not BibTeX there (or defines a key twice)"
        case .brokenLink: "a link to a `.md` file that is no lesson of the course (links to lessons become links to their pages)"
        case .unknownLabel: "`@fig-…`/`@tab-…` names no label of the lesson"
        case .unknownReference: "an inline `` `=id.name` `` or a claim names no result, or a name its directive does not declare"
        case .invalidReference: "an inline `` `=id.name` `` is malformed"
        case .invalidClaim: "a claim `` `?…` `` that does not parse (points at the offending character)"
        case .claimFailed: "a claim the measurement contradicts (prints both sides' values)"
        case .dependencyFailed: "not run because a directive it reads failed; the error is reported there"
        case .timeout: "the experiment ran past its `timeout:` (suggests a limit from the fraction done)"
        case .experimentFailed: "the experiment could not complete for another reason"
        case .missingDataset: "the dataset is not installed (names the Debian package)"
        case .diverged: "training became NaN or infinite (says at which epoch and step)"
        case .trainingFailed: "a training run that could not start or recorded nothing"
        case .nonFiniteResult: "a result with NaN or infinite values"
        case .notAModel: "`of:` names a directive that did not train a model"
        case .corruptArtifact: "a stored model does not load (delete the cache to retrain)"
        case .corruptCache: "a cached measurement does not decode (rebuild with `--no-cache`)"
        case .cacheCorrupt: "a cache entry was unreadable and was computed again"
        case .cacheWriteFailed: "a result could not be stored in the cache"
        case .writeFailed: "a page or file could not be written"
        case .reproduceDrift: "`check --reproduce`: a file differs from the committed site"
        case .freezeDrift: "a result computed here differs from its frozen one (Notes/_freeze)"
        case .freezeMissing: "`notes check`: a result the lessons use is not in the freeze"
        case .freezeOrphan: "`notes check`: a frozen result no lesson uses"
        case .freezeCorrupt: "a frozen result cannot be read (the directive is computed instead)"
        case .freezeWriteFailed: "`notes freeze`: a result could not be written into the freeze"
        }
    }

    /// The README's table: one row per id (ids with the same meaning share a row), in this order.
    public static var markdownTable: String {
        var rows: [(ids: [DiagnosticID], meaning: String)] = []
        for id in allCases {
            if let last = rows.last, last.meaning == id.meaning, last.ids.last?.isWarning == id.isWarning {
                rows[rows.count - 1].ids.append(id)
            } else {
                rows.append(([id], id.meaning))
            }
        }
        return (["| id | meaning |", "| --- | --- |"] + rows.map { row in
            let ids = row.ids.map { "`\($0.rawValue)`" }.joined(separator: ", ") + (row.ids[0].isWarning ? " (warning)" : "")
            return "| \(ids) | \(row.meaning) |"
        }).joined(separator: "\n")
    }
}

extension Diagnostic {
    /// A diagnostic with a typed id.
    public init(_ severity: Severity? = nil, file: String, line: Int, column: Int, kind: DiagnosticID, message: String,
                suggestion: String? = nil) {
        self.init(severity ?? (kind.isWarning ? .warning : .error), file: file, line: line, column: column,
                  id: kind.rawValue, message: message, suggestion: suggestion)
    }

    /// The typed id, when it is one of notes' own (an experiment may report its own).
    public var kind: DiagnosticID? { DiagnosticID(rawValue: id) }
}
