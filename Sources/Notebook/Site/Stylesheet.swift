/// `Output/assets/notes.css` and `notes.js`: the site's only stylesheet and script.
enum SiteAssets {
    /// Renders every `.math` element (emitted by the Markdown target, which alone decides
    /// what is math: `R$ 10` in prose stays text) with the local KaTeX copy.
    static let script = """
    document.addEventListener("DOMContentLoaded", function () {
      if (typeof renderMathInElement !== "function") { return; }
      document.querySelectorAll(".math").forEach(function (element) {
        renderMathInElement(element, {
          delimiters: [
            { left: "$$", right: "$$", display: true },
            { left: "$", right: "$", display: false }
          ],
          throwOnError: false
        });
      });
    });

    """

    static let stylesheet = """
    :root {
      --text: #1f2328; --muted: #59636e; --background: #ffffff; --surface: #f6f8fa;
      --border: #d1d9e0; --accent: #0b5cad; --error: #b42318; --error-bg: #fef3f2;
      --warning: #8a5300; --warning-bg: #fffbeb;
      --measure: 44rem;
      font-family: "Source Serif Pro", "Noto Serif", Georgia, serif;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6edf3; --muted: #9198a1; --background: #0d1117; --surface: #151b23;
        --border: #3d444d; --accent: #6cb6ff; --error: #ff9492; --error-bg: #2d1215;
        --warning: #f0b72f; --warning-bg: #2b2111;
      }
      .result-figure img { background: #ffffff; border-radius: 4px; }
    }
    * { box-sizing: border-box; }
    html { font-size: 18px; }
    body { margin: 0; color: var(--text); background: var(--background); line-height: 1.6; }
    a { color: var(--accent); }
    .skip-link { position: absolute; left: -999px; }
    .skip-link:focus { left: 1rem; top: 1rem; background: var(--background); padding: .5rem; }
    .site-header { border-bottom: 1px solid var(--border); padding: .6rem 1.5rem;
      font-family: system-ui, sans-serif; }
    .site-title { font-weight: 600; text-decoration: none; color: var(--text); }
    .layout { display: flex; gap: 2.5rem; max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
    .toc { flex: 0 0 14rem; position: sticky; top: 1rem; align-self: flex-start; max-height: 95vh;
      overflow-y: auto; font: 0.8rem/1.5 system-ui, sans-serif; padding-top: 2rem; }
    .toc ul { list-style: none; padding: 0; margin: 0; }
    .toc li { margin: .25rem 0; }
    .toc .toc-level-3 { padding-left: 1rem; }
    .toc a { color: var(--muted); text-decoration: none; }
    .toc a:hover { color: var(--accent); }
    .toc-title { font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
    main { flex: 1 1 auto; min-width: 0; max-width: var(--measure); padding: 1rem 0 3rem; }
    body.index main { margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
    h1 { font-size: 2rem; } h2 { font-size: 1.45rem; margin-top: 2.2rem; } h3 { font-size: 1.15rem; }
    code, pre { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: .8rem; }
    pre { background: var(--surface); border: 1px solid var(--border); border-radius: 6px;
      padding: .8rem 1rem; overflow-x: auto; }
    blockquote { margin: 1.2rem 0; padding: .2rem 1rem; border-left: 4px solid var(--accent);
      background: var(--surface); }
    table { border-collapse: collapse; font: .85rem/1.4 system-ui, sans-serif; }
    th, td { border-bottom: 1px solid var(--border); padding: .35rem .7rem; text-align: left; }
    thead th { border-bottom: 2px solid var(--text); }
    td { font-variant-numeric: tabular-nums; }
    .table-scroll { overflow-x: auto; }
    .katex-display { overflow-x: auto; overflow-y: hidden; padding: .2rem 0; }
    .directive-block { margin: 1.8rem 0; }
    figure { margin: 1.4rem 0; }
    .result-figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    figcaption { font: .85rem/1.45 system-ui, sans-serif; color: var(--muted); margin: .5rem 0; }
    .caption-number { font-weight: 600; color: var(--text); }
    .download { font-size: .75rem; margin-left: .4rem; }
    .result-note { font: .9rem/1.5 system-ui, sans-serif; }
    .directive-source { font: .8rem/1.4 system-ui, sans-serif; color: var(--muted); }
    .directive-source summary { cursor: pointer; }
    .directive-error, .directive-warning { border: 1px solid var(--error); background: var(--error-bg);
      border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; font-family: system-ui, sans-serif; }
    .directive-warning { border-color: var(--warning); background: var(--warning-bg); }
    .diagnostic-title { font-weight: 600; color: var(--error); margin: .2rem 0; }
    .directive-warning .diagnostic-title { color: var(--warning); }
    .diagnostic { background: transparent; border: 0; padding: 0; white-space: pre-wrap; }
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem;
      font-family: system-ui, sans-serif; }
    .pager a { border: 1px solid var(--border); border-radius: 6px; padding: .6rem 1rem; text-decoration: none; }
    .pager span { display: block; font-size: .75rem; color: var(--muted); }
    .pager-next { margin-left: auto; text-align: right; }
    .lesson-cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
    .lesson-card { border: 1px solid var(--border); border-radius: 8px; padding: .4rem 1.2rem; }
    .lesson-card h2 { margin: .6rem 0 .3rem; font-size: 1.2rem; }
    .lesson-meta { font: .8rem system-ui, sans-serif; color: var(--muted); }
    .has-errors { color: var(--error); }
    .site-footer { border-top: 1px solid var(--border); margin-top: 2rem; padding: 1rem 1.5rem;
      font: .8rem system-ui, sans-serif; color: var(--muted); }
    @media (max-width: 800px) {
      html { font-size: 16px; }
      .layout { display: block; }
      .toc { position: static; max-height: none; padding-top: 1rem; border-bottom: 1px solid var(--border); }
    }
    @media print {
      .toc, .pager, .site-header, .site-footer, .download, .skip-link { display: none; }
      .directive-source { display: none; }
      main { max-width: none; }
      figure, table { break-inside: avoid; }
    }

    """
}
