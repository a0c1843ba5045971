/// BibTeX values as text: LaTeX accents and a few commands become characters, braces (which
/// only protect capitals) go, `~` is a space, `--` an en dash.
enum LaTeXText {
    private static let accents: [Character: [Character: Character]] = [
        "'": ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú", "c": "ć", "n": "ń", "s": "ś", "y": "ý"],
        "`": ["a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù", "A": "À", "E": "È"],
        "^": ["a": "â", "e": "ê", "i": "î", "o": "ô", "u": "û", "A": "Â", "E": "Ê", "O": "Ô"],
        "~": ["a": "ã", "o": "õ", "n": "ñ", "A": "Ã", "O": "Õ", "N": "Ñ"],
        "\"": ["a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü", "y": "ÿ"],
        "c": ["c": "ç", "C": "Ç", "s": "ş"],
        "v": ["c": "č", "s": "š", "z": "ž", "r": "ř", "e": "ě", "C": "Č", "S": "Š", "Z": "Ž"],
        "H": ["o": "ő", "u": "ű"],
    ]
    private static let words: [String: String] = ["ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å",
                                                  "l": "ł", "L": "Ł", "i": "ı", "&": "&", "%": "%", "_": "_", "#": "#", "$": "$"]

    static func plain(_ text: String) -> String {
        var out = ""
        var chars = Array(text)
        var i = 0
        func next() -> Character? { i < chars.count ? chars[i] : nil }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                i += 1
                guard let command = next() else { break }
                if let table = accents[command] {
                    i += 1
                    // \'e, \'{e}, \c{c}, \c c
                    while next() == " " && command.isLetter { i += 1 }
                    var letter: Character?
                    if next() == "{" {
                        i += 1
                        letter = next()
                        while i < chars.count && chars[i] != "}" { i += 1 }
                        i += 1
                    } else {
                        letter = next()
                        i += 1
                    }
                    if let letter { out.append(table[letter] ?? letter) }
                } else if command.isLetter {
                    var name = ""
                    while let letter = next(), letter.isLetter { name.append(letter); i += 1 }
                    if let word = words[name] { out += word }
                    while next() == " " { i += 1 }
                } else {
                    out += words[String(command)] ?? String(command)
                    i += 1
                }
            case "{", "}":
                i += 1
            case "~":
                out.append(" ")
                i += 1
            case "-" where i + 1 < chars.count && chars[i + 1] == "-":
                out.append("–")
                i += 2
                if i < chars.count && chars[i] == "-" { i += 1 }
            default:
                out.append(c)
                i += 1
            }
        }
        chars = []
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
