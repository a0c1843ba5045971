import CYaml

/// Checks front matter before Yams composes it, so that no input can make decoding hang or
/// exhaust memory or stack.
///
/// - Anchors and aliases are refused: a few hundred bytes of nested aliases ("billion
///   laughs") expand to billions of nodes when the value is walked or serialized.
/// - The text is capped at `maximumBytes` and the nesting of lists and mappings at
///   `maximumDepth` (composing recurses once per level).
///
/// The check reads libyaml's event stream, which reports anchors (`&a`) and aliases (`*a`)
/// as such: an `&` or `*` inside a quoted string or in plain text ("Tom & Jerry") is not one.
/// Syntax errors stop the check and are left to the composer, which reports them.
struct FrontMatterGuard {
    static let maximumBytes = 64 * 1024
    static let maximumDepth = 32

    let yaml: String
    let firstLine: Int
    /// How the checked text is named in messages: "front matter", "the course configuration".
    var what = "front matter"

    func check() throws(FrontMatterError) {
        let size = yaml.utf8.count
        guard size <= Self.maximumBytes else {
            throw FrontMatterError(line: firstLine, column: 1,
                                   message: "\(what) is \(size) bytes, more than the \(Self.maximumBytes) allowed",
                                   suggestion: what == "front matter" ? "keep front matter to a few short keys; put long text in the lesson body"
                                       : "keep \(what) to a few short keys")
        }
        if let problem = firstProblem() { throw problem }
    }

    private enum Finding {
        case alias(yaml_mark_t), anchor(yaml_mark_t), tooDeep(yaml_mark_t)
    }

    private func firstProblem() -> FrontMatterError? {
        // On the heap, at one address for the parser's whole life: libyaml keeps a pointer to
        // the parser inside it (its string reader's data), so a Swift `var` passed as
        // `&parser` (which may be a temporary copy at each call) would leave that pointer
        // dangling and libyaml writing through it.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer { parser.deinitialize(count: 1); parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        let bytes = Array(yaml.utf8)
        let finding: Finding? = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            return Self.scan(parser)
        }
        switch finding {
        case nil:
            return nil
        case .alias(let mark), .anchor(let mark):
            return error(at: mark, message: "YAML anchors and aliases are not allowed in \(what)",
                         suggestion: "write each value out in full")
        case .tooDeep(let mark):
            return error(at: mark, message: "\(what) nests lists and mappings more than \(Self.maximumDepth) levels deep",
                         suggestion: what == "front matter" ? "front matter holds flat keys such as title, order, summary, lang"
                                                            : "\(what) holds flat keys and short lists")
        }
    }

    /// The first alias; else the first anchor; a nesting too deep stops the scan at once.
    private static func scan(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Finding? {
        var depth = 0
        var firstAnchor: yaml_mark_t?
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { break }
            defer { yaml_event_delete(&event) }
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return firstAnchor.map { .anchor($0) }
            case YAML_ALIAS_EVENT:
                return .alias(event.start_mark)
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
            case YAML_SEQUENCE_START_EVENT:
                anchor = event.data.sequence_start.anchor
                depth += 1
            case YAML_MAPPING_START_EVENT:
                anchor = event.data.mapping_start.anchor
                depth += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            default:
                break
            }
            if depth > maximumDepth { return .tooDeep(event.start_mark) }
            if anchor != nil, firstAnchor == nil { firstAnchor = event.start_mark }
        }
        return firstAnchor.map { .anchor($0) }
    }

    /// libyaml marks are 0-based and count columns in Unicode scalars.
    private func error(at mark: yaml_mark_t, message: String, suggestion: String) -> FrontMatterError {
        let location = FrontMatterDecoder(yaml: yaml, firstLine: firstLine)
            .location(yamlLine: Int(mark.line) + 1, scalarColumn: Int(mark.column) + 1)
        return FrontMatterError(line: location.line, column: location.column, message: message, suggestion: suggestion)
    }
}
