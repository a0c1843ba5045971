import Markdown

/// The claims a lesson's prose states, without checking them (for `notes list`).
public enum LessonClaims {
    public struct Claim: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public static func list(in lesson: Lesson) -> [Claim] {
        var claims: [Claim] = []
        _ = lesson.document.renderHTML(inlineCode: { code, location in
            if code.hasPrefix("?"), code.count > 1 {
                claims.append(Claim(text: String(code.dropFirst()), line: location.line, column: location.column))
            }
            return nil
        })
        return claims
    }
}
