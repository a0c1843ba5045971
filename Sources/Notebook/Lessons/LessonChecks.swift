import Foundation
import Markdown

/// Problems in how a lesson is written that the Markdown parser accepts silently: unknown
/// front-matter keys, a malformed `lang`, an empty body, an unclosed code fence, and a
/// directive block whose info string is misspelled (so it would never run).
struct LessonChecks {
    let lesson: Lesson

    var diagnostics: [Diagnostic] {
        var result = frontMatterKeys() + language() + fences() + markdown()
        if lesson.document.bodyIsBlank, !lesson.diagnostics.contains(where: { $0.severity == .error }) {
            result.append(Diagnostic(.warning, file: lesson.path, line: 1, column: 1, id: "empty-lesson",
                                     message: "the lesson has no text after its front matter",
                                     suggestion: "write the lesson's prose below the front matter"))
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// What the Markdown parser noticed: footnotes, `:::` blocks, heading ids.
    private func markdown() -> [Diagnostic] {
        lesson.document.problems.map { problem in
            let (kind, suggestion): (DiagnosticID, String) = switch problem.kind {
            case .undefinedFootnote: (.undefinedFootnote, "add a line '[^label]: text' below the paragraph, or remove the reference")
            case .unusedFootnote: (.unusedFootnote, "refer to it with [^label] in the text, or delete it")
            case .unclosedDiv: (.unclosedDiv, "close it with a line of ':::' where the block ends")
            case .strayDivFence: (.strayDivFence, "delete the line, or open a block above it with '::: {.callout-note}'")
            case .malformedAttributes: (.malformedAttributes, "for a callout write '::: {.callout-note}' (or -tip, -important, -warning, -caution)")
            case .duplicateHeadingID: (.duplicateHeadingID, "give the heading an id of its own")
            case .unmatchedDollar: (.unmatchedDollar, "close the formula with $ (on the same paragraph), or write \\$ for a dollar sign")
            }
            return Diagnostic(file: lesson.path, line: problem.location.line, column: problem.location.column, kind: kind,
                              message: problem.message, suggestion: suggestion)
        }
    }

    /// `unknown-front-matter-key`: a key nothing reads, most likely a typo.
    private func frontMatterKeys() -> [Diagnostic] {
        lesson.document.frontMatterEntries.filter { !FrontMatter.knownKeys.contains($0.key) }.map { entry in
            let known = FrontMatter.knownKeys
            let suggestion = closestMatch(to: entry.key, in: known).map { "did you mean '\($0)'?" }
                ?? "known keys: " + known.joined(separator: ", ")
            return Diagnostic(.warning, file: lesson.path, line: entry.keyLocation.line,
                              column: entry.keyLocation.column, id: "unknown-front-matter-key",
                              message: "unknown front matter key '\(entry.key)' is ignored", suggestion: suggestion)
        }
    }

    /// `invalid-lang`: `lang` that is not a BCP 47 tag; the page falls back to the default.
    private func language() -> [Diagnostic] {
        guard let lang = lesson.frontMatter.lang, !LanguageTag.isWellFormed(lang) else { return [] }
        let location = lesson.document.frontMatterEntries.last { $0.key == "lang" }?.valueLocation
            ?? MarkdownLocation(line: 1, column: 1)
        let fixed = LanguageTag.repaired(lang)
        let suggestion = fixed.map { "did you mean '\($0)'?" }
            ?? "write a BCP 47 language tag such as pt-BR, en or en-US"
        return [Diagnostic(file: lesson.path, line: location.line, column: location.column, id: "invalid-lang",
                           message: "'lang' must be a BCP 47 language tag, found '\(lang)'; the page uses the course's language",
                           suggestion: suggestion)]
    }

    /// `unclosed-fence` and `miscased-directive-block`.
    private func fences() -> [Diagnostic] {
        lesson.document.fencedBlocks.compactMap { block -> Diagnostic? in
            let at = block.fenceLocation
            if let fence = block.missingClosingFence {
                return Diagnostic(file: lesson.path, line: at.line, column: at.column, id: "unclosed-fence",
                                  message: "this code block is never closed, so it swallows the rest of the lesson",
                                  suggestion: "close it with a line of \(fence) (the same number of backticks/tildes)")
            }
            let word = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            guard word != LessonPlan.infoString, Self.looksLikeDirectiveInfo(word) else { return nil }
            return Diagnostic(.warning, file: lesson.path, line: at.line, column: at.column,
                              id: "miscased-directive-block",
                              message: "'\(word)' is not '\(LessonPlan.infoString)': the block is shown as a listing and not run",
                              suggestion: "write ```\(LessonPlan.infoString)")
        }
    }

    /// `Swift-Directive`, `SWIFT_DIRECTIVE`, `swiftdirective`, `swift-directives`, `swift-directve`.
    static func looksLikeDirectiveInfo(_ word: String) -> Bool {
        var folded = word.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." }
        if folded.hasSuffix("s") { folded.removeLast() }
        return folded == "swiftdirective" || editDistance(word.lowercased(), LessonPlan.infoString) <= 2
    }
}

/// Syntax of BCP 47 language tags, as far as a page's `lang` needs it: hyphen-separated
/// subtags of 1–8 ASCII letters or digits, the first of 2–3 letters (`pt-BR`, `en`, `zh-Hant-TW`).
enum LanguageTag {
    static func isWellFormed(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// A well-formed tag close to `tag` (`pt_BR` → `pt-BR`, ` en ` → `en`), if there is one.
    static func repaired(_ tag: String) -> String? {
        let candidate = tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        return candidate != tag && isWellFormed(candidate) ? candidate : nil
    }
}
