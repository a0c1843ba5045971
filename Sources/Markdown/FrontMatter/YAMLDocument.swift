import Foundation
import Yams

/// A small YAML file (a course configuration) read into plain values with their positions.
///
/// The same guard as front matter runs first (size, nesting, no anchors or aliases), so no
/// input can hang or exhaust the reader; malformed YAML is a `FrontMatterError` at its line
/// and column.
public indirect enum YAMLValue: Sendable, Equatable {
    case null(MarkdownLocation)
    /// A scalar's text (numbers and booleans too, as written).
    case text(String, MarkdownLocation)
    case list([YAMLValue], MarkdownLocation)
    /// Keys in file order, each with the location of its first character.
    case mapping([YAMLEntry], MarkdownLocation)

    public var location: MarkdownLocation {
        switch self {
        case .null(let l), .text(_, let l), .list(_, let l), .mapping(_, let l): l
        }
    }

    /// What the value is, for messages: "text", "a list", "a mapping", "nothing".
    public var kindDescription: String {
        switch self {
        case .null: "nothing"
        case .text: "text"
        case .list: "a list"
        case .mapping: "a mapping"
        }
    }
}

public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var keyLocation: MarkdownLocation
    public var value: YAMLValue
}

public enum YAMLDocument {
    /// Parses `text`; nil for an empty document. `what` names the file in messages.
    public static func parse(_ text: String, what: String) throws(FrontMatterError) -> YAMLValue? {
        let decoder = FrontMatterDecoder(yaml: text, firstLine: 1)
        try FrontMatterGuard(yaml: text, firstLine: 1, what: what).check()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw decoder.error(from: error)
        } catch {
            throw FrontMatterError(line: 1, column: 1, message: "\(error)")
        }
        return try root.map { node throws(FrontMatterError) in try value(node, decoder) }
    }

    private static func value(_ node: Node, _ decoder: FrontMatterDecoder) throws(FrontMatterError) -> YAMLValue {
        let location = decoder.location(yamlLine: node.mark?.line ?? 1, scalarColumn: node.mark?.column ?? 1)
        if let mapping = node.mapping {
            var entries: [YAMLEntry] = []
            for (keyNode, child) in mapping {
                guard let key = keyNode.scalar?.string else {
                    throw FrontMatterError(line: location.line, column: location.column, message: "keys must be plain text")
                }
                let keyLocation = decoder.location(yamlLine: keyNode.mark?.line ?? 1, scalarColumn: keyNode.mark?.column ?? 1)
                entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: try value(child, decoder)))
            }
            return .mapping(entries, location)
        }
        if let items = node.sequence {
            var values: [YAMLValue] = []
            for item in items { values.append(try value(item, decoder)) }
            return .list(values, location)
        }
        if node.null != nil { return .null(location) }
        return .text(node.scalar?.string ?? "", location)
    }
}
