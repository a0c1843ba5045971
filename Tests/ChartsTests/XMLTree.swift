import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element, for structural assertions on generated SVG.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLElementNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and all its descendants named `name`, in document order.
    func all(_ name: String) -> [XMLElementNode] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    /// All descendants whose `class` attribute contains `className`.
    func withClass(_ className: String) -> [XMLElementNode] {
        let mine = (attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) ? [self] : []
        return mine + children.flatMap { $0.withClass(className) }
    }

    /// Concatenated text of this element and its descendants.
    var allText: String { (text + children.map(\.allText).joined()).trimmingCharacters(in: .whitespacesAndNewlines) }
}

struct XMLParseFailure: Error, CustomStringConvertible {
    var description: String
}

/// Parses `xml` strictly with Foundation's `XMLParser`; throws on any well-formedness error.
func parseXML(_ xml: String) throws -> XMLElementNode {
    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLElementNode(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
    let parser = XMLParser(data: Data(xml.utf8))
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
        throw XMLParseFailure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root element")")
    }
    // XMLDocument is a second, independent check (libxml2 on Linux).
    _ = try XMLDocument(xmlString: xml, options: [])
    return root
}
