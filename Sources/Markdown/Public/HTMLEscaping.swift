/// Escapes text for HTML content or a quoted attribute: `&`, `<`, `>`, `"` and `'`.
public func escapeHTML(_ s: String) -> String {
    guard s.contains(where: { "&<>\"'".contains($0) }) else { return s }
    var result = ""
    result.reserveCapacity(s.utf8.count + 16)
    for character in s {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}

/// Escapes element text: only `&`, `<` and `>`, so the text the browser shows (and that
/// KaTeX reads) is byte for byte the source.
func escapeText(_ s: String) -> String {
    guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return s }
    var result = ""
    result.reserveCapacity(s.utf8.count + 16)
    for character in s {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        default: result.append(character)
        }
    }
    return result
}

/// A link or image URL for an `href`/`src` attribute, as cmark writes it: bytes outside a
/// safe set are percent-encoded, `&` and `'` become entities. Dangerous schemes
/// (`javascript:`, `vbscript:`, `file:`, `data:` other than common images) become "".
func escapeHref(_ url: String) -> String {
    guard isSafeURL(url) else { return "" }
    var result = ""
    for byte in url.utf8 {
        switch byte {
        case UInt8(ascii: "&"): result += "&amp;"
        case UInt8(ascii: "'"): result += "&#x27;"
        case _ where hrefSafeBytes.contains(byte): result.append(Character(Unicode.Scalar(byte)))
        default:
            let hex = Array("0123456789ABCDEF")
            result += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
        }
    }
    return result
}

private let hrefSafeBytes: Set<UInt8> = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*();/?:@=+$,%#".utf8)

private func isSafeURL(_ url: String) -> Bool {
    let lowered = url.lowercased()
    let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    if safeImages.contains(where: lowered.hasPrefix) { return true }
    return !["javascript:", "vbscript:", "file:", "data:"].contains(where: lowered.hasPrefix)
}
