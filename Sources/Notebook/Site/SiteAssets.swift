/// `Output/assets/notes.css` and `notes.js`: the site's only stylesheet and script, kept as
/// real files in `Sources/Notebook/Resources/` and compiled into the binary
/// (`.embedInCode`), so they are edited as CSS and JavaScript and need no bundle at run time.
///
/// The stylesheet uses system fonts only (no downloads): a serif for prose, which sits well
/// beside KaTeX's Computer Modern, and a sans-serif for the chrome, captions and tables.
/// Colours are custom properties, redefined for `prefers-color-scheme: dark`; a print block
/// drops the navigation. The text column is about 70 characters wide.
///
/// The script renders every `.math` element (emitted by the Markdown target, which alone
/// decides what is math: `R$ 10` in prose stays text) with the local KaTeX copy, keeping
/// punctuation that follows inline math on its line; marks the table-of-contents entry of the
/// section being read; folds the table of contents on narrow screens; and adds a "#" link to
/// each section heading (its label in the page's language). Pages read fine without it,
/// except for math, which stays as TeX source.
enum SiteAssets {
    static var stylesheet: String { String(decoding: PackageResources.notes_css, as: UTF8.self) }
    static var script: String { String(decoding: PackageResources.notes_js, as: UTF8.self) }
}
