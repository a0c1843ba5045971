/// Syntax tree of a directive block, produced by `DirectiveParser`.
///
/// ```
/// block     := (directive | comment | blank)*
/// directive := '@' Name '(' [argument (',' argument)*] ')'        -- may span lines
/// argument  := label ':' value
/// value     := int | float | string | bool | array | member
/// member    := '.' name ['(' [argument (',' argument)*] ')']
/// ```

/// One `@Name(label: value, …)` call.
public struct DirectiveCall: Hashable, Sendable {
    /// Directive name without the `@`, e.g. `Train`.
    public var name: String
    /// Location of the `@`.
    public var location: SourceLocation
    public var arguments: [DirectiveArgument]
    /// The exact source text of the call, from `@` through `)`.
    public var source: String

    public init(name: String, location: SourceLocation, arguments: [DirectiveArgument], source: String) {
        self.name = name
        self.location = location
        self.arguments = arguments
        self.source = source
    }
}

/// `label: value`.
public struct DirectiveArgument: Hashable, Sendable {
    public var label: String
    public var labelLocation: SourceLocation
    public var value: DirectiveValue

    public init(label: String, labelLocation: SourceLocation, value: DirectiveValue) {
        self.label = label
        self.labelLocation = labelLocation
        self.value = value
    }
}

/// A literal value with the location of its first character.
public struct DirectiveValue: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case int(Int)
        case float(Double)
        case string(String)
        case bool(Bool)
        case array([DirectiveValue])
        /// `.name` (arguments `nil`) or `.name(…)`.
        case member(name: String, arguments: [DirectiveArgument]?)
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Human name of the value's type, for diagnostics ("expected an integer, found a string").
    public var typeDescription: String {
        switch kind {
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        case .bool: "a boolean"
        case .array: "an array"
        case .member(let name, _): "'.\(name)'"
        }
    }

    /// Canonical text: stable across formatting, comments and separators (`60_000` → `60000`).
    /// Used in cache keys.
    public var canonical: String {
        switch kind {
        case .int(let v): return String(v)
        case .float(let v): return v.description
        case .string(let s): return canonicalString(s)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(\.canonical).joined(separator: ", ") + "]"
        case .member(let name, let arguments):
            guard let arguments else { return "." + name }
            return "." + name + "(" + arguments.map { "\($0.label): \($0.value.canonical)" }.joined(separator: ", ") + ")"
        }
    }
}

/// A string literal in canonical, escaped form.
func canonicalString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default:
            if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}
