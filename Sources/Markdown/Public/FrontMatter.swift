/// The YAML header of a lesson, between `---` lines at the very top of the file.
///
/// ```yaml
/// ---
/// title: Modelos de variáveis latentes
/// order: 1
/// summary: Por que uma variável latente ajuda.
/// lang: pt-BR
/// ---
/// ```
///
/// Known keys are typed; every other key is kept, as text, in `extras`.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var order: Int?
    public var summary: String?
    public var lang: String?
    /// Unknown keys. Scalars keep their text, lists of scalars are joined by ", ",
    /// anything else is kept as YAML.
    public var extras: [String: String]

    public init(title: String? = nil, order: Int? = nil, summary: String? = nil,
                lang: String? = nil, extras: [String: String] = [:]) {
        self.title = title
        self.order = order
        self.summary = summary
        self.lang = lang
        self.extras = extras
    }
}
