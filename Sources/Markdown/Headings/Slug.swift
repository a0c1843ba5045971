import Foundation

/// Turns heading text into an `id` slug: accents stripped ("Introdução" → "introducao"),
/// lowercased, letters and digits kept, apostrophes and `$` dropped ("d'água" → "dagua"),
/// runs of anything else collapsed into one dash ("$p_\\theta(z)$" → "p-theta-z").
/// Empty results become "section".
func slug(_ text: String) -> String {
    var result = ""
    var pendingDash = false
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark { continue }
        if properties.isAlphabetic || properties.numericType != nil {
            if pendingDash && !result.isEmpty { result += "-" }
            pendingDash = false
            result += String(scalar).lowercased()
        } else if !"'’$".unicodeScalars.contains(scalar) {
            pendingDash = true
        }
    }
    return result.isEmpty ? "section" : result
}

/// Hands out slugs unique within one document: "x", then "x-1", "x-2", …
struct SlugRegistry {
    private var used: Set<String> = []

    mutating func uniqueSlug(for text: String) -> String {
        let base = slug(text)
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }

    /// Takes `id` as written (a heading's `{#id}`); false when it is already taken.
    mutating func claim(_ id: String) -> Bool {
        used.insert(id).inserted
    }

    /// Gives back a slug handed out but not used.
    mutating func release(_ id: String) {
        used.remove(id)
    }
}
