/// The ASCII bytes the lexer looks at.
enum Byte {
    static let newline: UInt8 = 0x0A, tab: UInt8 = 0x09, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
    static let quote: UInt8 = 0x22, leftParenthesis: UInt8 = 0x28, rightParenthesis: UInt8 = 0x29
    static let plus: UInt8 = 0x2B, comma: UInt8 = 0x2C, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E, slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30, colon: UInt8 = 0x3A, at: UInt8 = 0x40
    static let upperE: UInt8 = 0x45, lowerE: UInt8 = 0x65
    static let leftBracket: UInt8 = 0x5B, backslash: UInt8 = 0x5C, rightBracket: UInt8 = 0x5D, underscore: UInt8 = 0x5F

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isIdentifierHead(_ b: UInt8) -> Bool { isLetter(b) || b == underscore }
    static func isIdentifierBody(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == underscore }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    /// Length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
    static func scalarLength(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
