import Foundation
import Yams

/// Decodes front matter from its YAML text, after `FrontMatterGuard` has checked it.
struct FrontMatterDecoder {
    let yaml: String
    /// The file line where `yaml` starts; every location is shifted by it, so locations
    /// point into the original file.
    let firstLine: Int
    private let lines: [Substring]

    init(yaml: String, firstLine: Int) {
        self.yaml = yaml
        self.firstLine = firstLine
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// - Throws: `FrontMatterError` for YAML that is too large, nests too deep or uses
    ///   anchors and aliases (see `FrontMatterGuard`), malformed YAML, a top level that is
    ///   not a mapping, or a known key with a value of the wrong type (`order: abc`).
    func decode() throws(FrontMatterError) -> (FrontMatter, [FrontMatterEntry]) {
        try FrontMatterGuard(yaml: yaml, firstLine: firstLine).check()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw self.error(from: error)
        } catch {
            throw FrontMatterError(line: firstLine, column: 1, message: "\(error)")
        }
        var frontMatter = FrontMatter()
        var entries: [FrontMatterEntry] = []
        guard let root else { return (frontMatter, entries) }
        guard let mapping = root.mapping else {
            throw self.error("front matter must be a mapping of keys to values", at: root.mark)
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw self.error("front matter keys must be plain text", at: keyNode.mark)
            }
            let keyLocation = location(keyNode.mark)
            entries.append(FrontMatterEntry(key: key, keyLocation: keyLocation,
                                            valueLocation: value.null != nil ? keyLocation : location(value.mark)))
            switch key {
            case "title": frontMatter.title = try text(value, key: key)
            case "summary": frontMatter.summary = try text(value, key: key)
            case "lang": frontMatter.lang = try text(value, key: key)
            case "order":
                guard value.null == nil else { frontMatter.order = nil; continue }
                guard let number = value.int else {
                    throw self.error("'order' must be an integer, found '\(Self.describe(value))'", at: value.mark)
                }
                frontMatter.order = number
            default:
                frontMatter.extras[key] = Self.describe(value)
            }
        }
        return (frontMatter, entries)
    }

    /// A scalar's text; nil for an empty value (`title:` or `title: ~`).
    private func text(_ node: Node, key: String) throws(FrontMatterError) -> String? {
        guard let scalar = node.scalar else {
            throw error("'\(key)' must be text, found a \(node.mapping != nil ? "mapping" : "list")", at: node.mark)
        }
        return node.null != nil ? nil : scalar.string
    }

    /// A scalar's text; a list of scalars joined by ", "; anything else serialized as YAML.
    private static func describe(_ node: Node) -> String {
        if let scalar = node.scalar { return scalar.string }
        if let items = node.sequence, items.allSatisfy({ $0.scalar != nil }) {
            return items.compactMap { $0.scalar?.string }.joined(separator: ", ")
        }
        let yaml = (try? Yams.serialize(node: node)) ?? ""
        return yaml.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A Yams mark (1-based, relative to `yaml`, columns in Unicode scalars) in the file.
    private func location(_ mark: Mark?) -> MarkdownLocation {
        location(yamlLine: mark?.line ?? 1, scalarColumn: mark?.column ?? 1)
    }

    /// A 1-based position in `yaml` (column in Unicode scalars) as a file location, its
    /// column in characters. The line after the text is the closing `---`.
    func location(yamlLine: Int, scalarColumn: Int) -> MarkdownLocation {
        let index = max(yamlLine, 1) - 1
        guard lines.indices.contains(index) else {
            return MarkdownLocation(line: min(index, lines.count) + firstLine, column: 1)
        }
        let scalars = lines[index].unicodeScalars
        let prefix = String(String.UnicodeScalarView(scalars.prefix(max(0, scalarColumn - 1))))
        let beyond = max(0, scalarColumn - 1 - scalars.count)
        return MarkdownLocation(line: index + firstLine, column: prefix.count + min(beyond, 1) + 1)
    }

    private func error(_ message: String, at mark: Mark?) -> FrontMatterError {
        let location = location(mark)
        return FrontMatterError(line: location.line, column: location.column, message: message)
    }

    func error(from error: YamlError) -> FrontMatterError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = context.map { "\(problem) (\($0.text))" } ?? problem
            return self.error("invalid YAML: \(message)", at: mark)
        default:
            return FrontMatterError(line: firstLine, column: 1, message: "invalid YAML: \(error)")
        }
    }
}
