import Foundation
import Yams

extension FrontMatter {
    /// Decodes front matter from its YAML text.
    ///
    /// - Parameter firstLine: the file line where `yaml` starts; every error location is
    ///   shifted by it, so errors point into the original file.
    /// - Throws: `FrontMatterError` for malformed YAML, a top level that is not a mapping,
    ///   or a known key with a value of the wrong type (`order: abc`).
    init(yaml: String, firstLine: Int) throws(FrontMatterError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.error(from: error, firstLine: firstLine)
        } catch {
            throw FrontMatterError(line: firstLine, column: 1, message: "\(error)")
        }
        self.init()
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw Self.error("front matter must be a mapping of keys to values", at: root.mark,
                             firstLine: firstLine)
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw Self.error("front matter keys must be plain text", at: keyNode.mark,
                                 firstLine: firstLine)
            }
            switch key {
            case "title": title = try Self.text(value, key: key, firstLine: firstLine)
            case "summary": summary = try Self.text(value, key: key, firstLine: firstLine)
            case "lang": lang = try Self.text(value, key: key, firstLine: firstLine)
            case "order":
                guard value.null == nil else { order = nil; continue }
                guard let number = value.int else {
                    throw Self.error("'order' must be an integer, found '\(Self.describe(value))'",
                                     at: value.mark, firstLine: firstLine)
                }
                order = number
            default:
                extras[key] = Self.describe(value)
            }
        }
    }

    /// A scalar's text; nil for an empty value (`title:` or `title: ~`).
    private static func text(_ node: Node, key: String, firstLine: Int) throws(FrontMatterError) -> String? {
        guard let scalar = node.scalar else {
            throw error("'\(key)' must be text, found a \(node.mapping != nil ? "mapping" : "list")",
                        at: node.mark, firstLine: firstLine)
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

    private static func error(_ message: String, at mark: Mark?, firstLine: Int) -> FrontMatterError {
        FrontMatterError(line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1,
                         message: message)
    }

    private static func error(from error: YamlError, firstLine: Int) -> FrontMatterError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = context.map { "\(problem) (\($0.text))" } ?? problem
            return Self.error("invalid YAML: \(message)", at: mark, firstLine: firstLine)
        default:
            return FrontMatterError(line: firstLine, column: 1, message: "invalid YAML: \(error)")
        }
    }
}
