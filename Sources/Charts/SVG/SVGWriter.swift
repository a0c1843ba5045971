/// Writes an indented SVG document, one element per line, attributes in the order given.
///
/// Attribute values and text are escaped here, so callers pass plain strings. Numbers should
/// go through `NumberFormat.coordinate` first to keep the output deterministic.
struct SVGWriter {
    typealias Attributes = [(String, String)]

    private(set) var text = ""
    private var openElements: [String] = []
    /// How the page writes numbers: applied to every text node (tick labels, legends, titles),
    /// never to attributes (coordinates stay in the machine form).
    var numberStyle = NumberStyle.plain
    /// The root's size in pixels, set where the `<svg>` root is opened.
    var size: (width: Double, height: Double) = (0, 0)

    /// `<name a="1">` and indents what follows until the matching `close()`.
    mutating func open(_ name: String, _ attributes: Attributes = []) {
        line("<" + name + Self.render(attributes) + ">")
        openElements.append(name)
    }

    mutating func close() {
        precondition(!openElements.isEmpty, "SVGWriter.close() without an open element")
        let name = openElements.removeLast()
        line("</" + name + ">")
    }

    /// `<name a="1"/>`, or `<name a="1">text</name>` when `text` is given.
    mutating func element(_ name: String, _ attributes: Attributes = [], text content: String? = nil) {
        if let content {
            line("<" + name + Self.render(attributes) + ">" + xmlEscaped(numberStyle == .plain ? content : numberStyle.label(content)) + "</" + name + ">")
        } else {
            line("<" + name + Self.render(attributes) + "/>")
        }
    }

    /// The finished document; every opened element must have been closed.
    func finish() -> String {
        precondition(openElements.isEmpty, "SVGWriter: unclosed <\(openElements.last ?? "")>")
        return text
    }

    /// The finished document with its size.
    func document() -> SVGDocument { SVGDocument(text: finish(), width: size.width, height: size.height) }

    private mutating func line(_ content: String) {
        text += String(repeating: "  ", count: openElements.count) + content + "\n"
    }

    private static func render(_ attributes: Attributes) -> String {
        attributes.map { " " + $0.0 + "=\"" + xmlEscaped($0.1) + "\"" }.joined()
    }
}

/// Shorthand for a formatted coordinate attribute value.
func px(_ value: Double) -> String { NumberFormat.coordinate(value) }

/// A finished chart: the SVG text and the pixel size of its root, so a page can reserve the
/// figure's space without reading the SVG back.
public struct SVGDocument: Hashable, Sendable {
    public let text: String
    public let width: Double
    public let height: Double

    public init(text: String, width: Double, height: Double) {
        self.text = text
        self.width = width
        self.height = height
    }
}
