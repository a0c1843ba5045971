/// `Output/assets/notes.css` and `notes.js`: the site's only stylesheet and script.
///
/// System fonts only (no downloads): a serif for prose, which sits well beside KaTeX's
/// Computer Modern, and a sans-serif for the chrome, captions and tables. Colours are
/// custom properties, redefined for `prefers-color-scheme: dark`; a print block drops the
/// navigation. The text column is about 70 characters wide.
enum SiteAssets {
    static let stylesheet = """
    :root {
      color-scheme: light dark;
      --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", "Liberation Serif", "DejaVu Serif", serif;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
      --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", "Liberation Mono", monospace;
      --text: #1f2328; --muted: #59636e; --background: #ffffff; --surface: #f6f8fa;
      --border: #d1d9e0; --accent: #0b5cad; --accent-soft: #e7f0fb;
      --error: #b42318; --error-bg: #fef3f2; --warning: #8a5300; --warning-bg: #fffbeb;
      --note: #0969da; --note-bg: #eef6ff; --tip: #1a7f37; --tip-bg: #eefbf1;
      --important: #8250df; --important-bg: #f6f0ff; --caution: #9a6700; --caution-bg: #fff8e1;
      --hl-keyword: #cf222e; --hl-string: #0a3069; --hl-comment: #6e7781; --hl-number: #0550ae;
      --hl-attribute: #8250df; --hl-type: #953800;
      --measure: 70ch;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6edf3; --muted: #9198a1; --background: #0f1419; --surface: #161c24;
        --border: #343c46; --accent: #6cb6ff; --accent-soft: #15263b;
        --error: #ff9492; --error-bg: #2d1215; --warning: #f0b72f; --warning-bg: #2b2111;
        --note: #58a6ff; --note-bg: #0f2238; --tip: #3fb950; --tip-bg: #0f2a19;
        --important: #bc8cff; --important-bg: #251a3a; --caution: #d29922; --caution-bg: #2b2111;
        --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-comment: #8b949e; --hl-number: #79c0ff;
        --hl-attribute: #d2a8ff; --hl-type: #ffa657;
      }
      .result-figure img { background: #ffffff; border-radius: 6px; padding: .4rem; filter: brightness(.93); }
    }

    /* Base */
    *, *::before, *::after { box-sizing: border-box; }
    html { font-size: 18px; -webkit-text-size-adjust: 100%; scroll-padding-top: 1rem; }
    body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; color: var(--text); background: var(--background);
      font: 1.06rem/1.65 var(--serif); font-kerning: normal; text-rendering: optimizeLegibility; }
    a { color: var(--accent); text-underline-offset: .15em; text-decoration-thickness: 1px; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .skip-link { position: absolute; left: -999px; top: .5rem; z-index: 10; }
    .skip-link:focus { left: 1rem; background: var(--background); padding: .4rem .8rem;
      font-family: var(--sans); border: 1px solid var(--border); border-radius: 6px; }

    /* Chrome */
    .site-header { border-bottom: 1px solid var(--border); padding: .7rem 1.5rem;
      font-family: var(--sans); background: var(--background); }
    .site-title { font-weight: 650; font-size: .95rem; text-decoration: none; color: var(--text); letter-spacing: -.01em; }
    .site-title::before { content: "∿"; color: var(--accent); margin-right: .45rem; font-weight: 400; }
    .layout, body.index main { flex: 1 0 auto; width: 100%; }
    .nowrap { white-space: nowrap; }
    .nowrap .katex-html { white-space: normal; } /* the formula itself may still break */
    .site-footer { border-top: 1px solid var(--border); margin-top: 3rem; padding: 1.2rem 1.5rem;
      font: .78rem/1.5 var(--sans); color: var(--muted); text-align: center; }
    .site-footer p { margin: 0; }

    /* Layout: table of contents beside a column of text */
    .layout { display: grid; grid-template-columns: 14rem minmax(0, var(--measure)); gap: 3.5rem;
      justify-content: center; max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
    main { min-width: 0; padding: 1.5rem 0 2rem; }
    /* The text keeps its column when a lesson has no headings (hence no table of contents). */
    .layout > main { grid-column: 2; }
    body.index main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 2rem; }
    .toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto;
      font: .8rem/1.45 var(--sans); padding: 2.2rem .2rem 2rem 0; }
    .toc details > summary { list-style: none; pointer-events: none; }
    .toc details > summary::-webkit-details-marker { display: none; }
    .toc-title { font-weight: 650; text-transform: uppercase; letter-spacing: .06em; font-size: .7rem;
      color: var(--muted); margin: 0 0 .6rem; }
    .toc ul { list-style: none; padding: 0; margin: 0; border-left: 1px solid var(--border); }
    .toc li { margin: 0; }
    .toc a { display: block; color: var(--muted); text-decoration: none; padding: .22rem 0 .22rem .8rem;
      margin-left: -1px; border-left: 2px solid transparent; }
    .toc .toc-level-3 a { padding-left: 1.6rem; font-size: .76rem; }
    .toc a:hover { color: var(--text); }
    .toc a.active { color: var(--accent); border-left-color: var(--accent); font-weight: 600; }

    /* Text */
    h1, h2, h3, h4 { font-family: var(--sans); line-height: 1.25; letter-spacing: -.015em; font-weight: 700; }
    h1 { font-size: 2.1rem; margin: 1rem 0 1.4rem; letter-spacing: -.025em; }
    h1:has(+ .lesson-byline) { margin-bottom: .5rem; }
    .lesson-byline { font: .82rem/1.4 var(--sans); color: var(--muted); margin: 0 0 2rem; }
    .heading-anchor { margin-left: .4rem; color: var(--border); text-decoration: none; font-weight: 400; opacity: 0; }
    h2:hover .heading-anchor, h3:hover .heading-anchor, .heading-anchor:focus { opacity: 1; }
    .heading-anchor:hover { color: var(--accent); }
    h2 { font-size: 1.5rem; margin: 2.8rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.18rem; margin: 2rem 0 .6rem; }
    h4 { font-size: 1rem; margin: 1.6rem 0 .4rem; }
    p, ul, ol { margin: 0 0 1.05rem; }
    li { margin: .25rem 0; }
    li > p { margin-bottom: .5rem; }
    strong { font-weight: 700; }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2.5rem 0; }
    .lede { font-size: 1.12rem; color: var(--muted); max-width: 40rem; }
    code, pre, kbd { font-family: var(--mono); }
    code { font-size: .84em; background: var(--surface); border: 1px solid var(--border);
      border-radius: 4px; padding: .05em .3em; }
    pre { font-size: .78rem; line-height: 1.55; background: var(--surface); border: 1px solid var(--border);
      border-radius: 8px; padding: .9rem 1.1rem; overflow-x: auto; tab-size: 4; }
    pre code { background: none; border: 0; padding: 0; font-size: inherit; }
    .hl-keyword { color: var(--hl-keyword); }
    .hl-string { color: var(--hl-string); }
    .hl-comment { color: var(--hl-comment); font-style: italic; }
    .hl-number { color: var(--hl-number); }
    .hl-attribute { color: var(--hl-attribute); font-weight: 600; }
    .hl-type { color: var(--hl-type); }
    blockquote { margin: 1.4rem 0; padding: .1rem 1.2rem; border-left: 3px solid var(--border); color: var(--muted); }
    .inline-value { font-variant-numeric: tabular-nums; font-weight: 600; }
    .inline-value.missing, .xref.missing { color: var(--error); }
    .xref { white-space: nowrap; }
    /* Claims: a true one is a small mark (its values in the tooltip), a false one is shown. */
    .claim[data-claim="ok"]::after { content: "✓"; font-size: .7em; vertical-align: super; color: var(--muted);
      margin-left: .1em; cursor: help; }
    .claim[data-claim="failed"], .claim.invalid, .claim.missing { color: var(--error); background: var(--error-bg);
      border-radius: 3px; padding: 0 .2em; font-weight: 600; }

    /* Math */
    .katex { font-size: 1.08em; position: relative; }
    /* KaTeX's hidden MathML copy is absolutely positioned at its static place, which for a
       formula that wraps is past the end of the previous line: anchor it to the formula so it
       cannot widen the page on a phone. */
    .katex .katex-mathml { left: 0; top: 0; }
    .katex-display { margin: 1rem 0; overflow-x: auto; overflow-y: hidden; padding: .3rem 0; }

    /* Callouts and answers */
    .callout { margin: 1.5rem 0; padding: .75rem 1.1rem; border-left: 4px solid var(--note);
      background: var(--note-bg); border-radius: 0 8px 8px 0; }
    .callout > :last-child { margin-bottom: 0; }
    .callout-label { font-family: var(--sans); font-size: .82rem; text-transform: uppercase;
      letter-spacing: .05em; color: var(--note); margin-right: .25rem; }
    .callout-tip { border-color: var(--tip); background: var(--tip-bg); }
    .callout-tip .callout-label { color: var(--tip); }
    .callout-important { border-color: var(--important); background: var(--important-bg); }
    .callout-important .callout-label { color: var(--important); }
    .callout-warning { border-color: var(--caution); background: var(--caution-bg); }
    .callout-warning .callout-label { color: var(--caution); }
    details.answer { margin: .8rem 0 1.4rem; border: 1px solid var(--border); border-radius: 8px; padding: 0 1rem; }
    details.answer > summary { cursor: pointer; font: 600 .85rem/2.4 var(--sans); color: var(--accent); }
    details.answer[open] { padding-bottom: .3rem; }

    /* Tables */
    table { border-collapse: collapse; font: .84rem/1.45 var(--sans); margin: 1.4rem auto; }
    th, td { border-bottom: 1px solid var(--border); padding: .45rem .75rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--text); font-weight: 650; }
    tbody tr:hover { background: var(--surface); }
    td { font-variant-numeric: tabular-nums; }
    .table-scroll { overflow-x: auto; }
    .table-scroll table { margin: .4rem auto; }
    .prose-table { overflow-x: auto; margin: 1.4rem 0; }
    .prose-table table { margin: 0 auto; }
    .result-table td:not(:first-child), .result-table th:not(:first-child) { text-align: right; }

    /* Results: figures, tables, the directive's source */
    .directive-block { margin: 2rem 0; }
    figure { margin: 1.8rem 0; }
    .result-figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    /* Multi-panel figures wider than the column use the empty right margin of wide screens. */
    @media (min-width: 80rem) { .result-figure.wide { margin-right: -7rem; } }
    @media (min-width: 96rem) { .result-figure.wide { margin-right: -14rem; } }
    /* Result tables keep their width (centred) up to the column, then grow into that margin
       too before they scroll. */
    @media (min-width: 80rem) { .result-table .table-scroll { width: fit-content; max-width: calc(100% + 7rem); margin: 0 auto; } }
    @media (min-width: 96rem) { .result-table .table-scroll { max-width: calc(100% + 14rem); } }
    figcaption { font: .82rem/1.5 var(--sans); color: var(--muted); margin: .6rem auto 0; max-width: 38rem; text-align: center; }
    .result-table figcaption { margin: 0 auto .4rem; }
    .caption-number { font-weight: 650; color: var(--text); }
    .download { font-size: .72rem; margin-left: .35rem; padding: .05rem .4rem; border: 1px solid var(--border);
      border-radius: 999px; text-decoration: none; white-space: nowrap; }
    .download:hover { background: var(--accent-soft); }
    .result-note { font: .88rem/1.5 var(--sans); color: var(--muted); }
    .directive-source { font: .78rem/1.4 var(--sans); color: var(--muted); margin: .8rem 0 0; }
    .directive-source summary { cursor: pointer; width: fit-content; padding: .2rem .1rem; }
    .directive-source summary:hover { color: var(--text); }
    .directive-source pre { margin-top: .5rem; }
    .directive-error, .directive-warning { border: 1px solid var(--error); background: var(--error-bg);
      border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; font-family: var(--sans); }
    .directive-warning { border-color: var(--warning); background: var(--warning-bg); }
    .diagnostic-title { font-weight: 650; color: var(--error); margin: .2rem 0; }
    .directive-warning .diagnostic-title { color: var(--warning); }
    .diagnostic { background: transparent; border: 0; padding: 0; white-space: pre-wrap; }
    .has-errors { color: var(--error); }

    /* Previous / next */
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3.5rem; font-family: var(--sans); }
    .pager a { flex: 0 1 48%; border: 1px solid var(--border); border-radius: 8px; padding: .7rem 1rem;
      text-decoration: none; font-weight: 600; font-size: .92rem; }
    .pager a:hover { border-color: var(--accent); background: var(--accent-soft); }
    .pager span { display: block; font-size: .72rem; font-weight: 400; color: var(--muted);
      text-transform: uppercase; letter-spacing: .05em; }
    .pager-previous span::before { content: "← "; }
    .pager-next span::after { content: " →"; }
    .pager-next { margin-left: auto; text-align: right; }

    /* Index: the lessons as cards */
    .lesson-cards { list-style: none; padding: 0; margin: 2rem 0; display: grid; gap: 1.2rem;
      grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
    .lesson-card { position: relative; display: flex; flex-direction: column; margin: 0;
      border: 1px solid var(--border); border-radius: 12px; padding: 1.1rem 1.3rem 1rem; background: var(--background);
      transition: border-color .15s, box-shadow .15s; }
    .lesson-card:hover { border-color: var(--accent); box-shadow: 0 4px 18px rgb(0 0 0 / 8%); }
    .lesson-number { font: 650 .72rem/1 var(--sans); text-transform: uppercase; letter-spacing: .08em;
      color: var(--accent); margin: 0 0 .5rem; }
    .lesson-card h2 { margin: 0 0 .5rem; font-size: 1.15rem; border: 0; padding: 0; }
    .lesson-card h2 a { color: var(--text); text-decoration: none; }
    .lesson-card h2 a::after { content: ""; position: absolute; inset: 0; border-radius: 12px; }
    .lesson-summary { font-size: .92rem; line-height: 1.55; color: var(--muted); flex: 1; }
    .lesson-meta { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0 0; padding: 0; list-style: none;
      font: .74rem/1.4 var(--sans); color: var(--muted); }
    .lesson-meta li { margin: 0; border: 1px solid var(--border); border-radius: 999px; padding: .15rem .6rem; }

    /* Narrow screens: one column, the table of contents folded above the text */
    @media (max-width: 60rem) {
      html { font-size: 17px; }
      .layout { display: block; padding: 0 1.1rem; }
      .toc { position: static; max-height: none; padding: 1rem 0 0; }
      .toc details { border: 1px solid var(--border); border-radius: 8px; padding: .5rem .9rem; }
      .toc details > summary { pointer-events: auto; cursor: pointer; }
      .toc details > summary .toc-title { margin: 0; display: inline; }
      .toc details > summary::before { content: "▸ "; color: var(--muted); font-size: .75rem; }
      .toc details[open] > summary::before { content: "▾ "; }
      .toc details[open] ul { margin-top: .5rem; }
      h1 { font-size: 1.7rem; }
      h2 { font-size: 1.32rem; }
      .pager { flex-direction: column; }
      .pager a { flex-basis: auto; }
      .site-header { padding: .7rem 1.1rem; }
      body.index main { padding: 1.2rem 1.1rem; }
    }
    @media (max-width: 30rem) {
      html { font-size: 16px; }
      pre { font-size: .72rem; padding: .7rem .8rem; }
      th, td { padding: .4rem .5rem; }
    }

    /* Print: the text, the results and their captions; no navigation */
    @page { margin: 18mm 16mm; }
    @media print {
      :root { --text: #000; --muted: #333; --background: #fff; --border: #999; --accent: #000; }
      html { font-size: 11pt; }
      .toc, .pager, .site-header, .site-footer, .download, .skip-link, .directive-source,
        .heading-anchor { display: none !important; }
      .layout { display: block; padding: 0; max-width: none; }
      main { padding: 0; }
      a { color: inherit; text-decoration: none; }
      h2, h3 { break-after: avoid; }
      figure, table, pre, .callout, .katex-display { break-inside: avoid; }
      .callout { border: 1px solid #999; border-left-width: 4px; background: none; }
      body { display: block; }
      .result-figure img { background: none; padding: 0; filter: none; }
      .result-figure.wide { margin-right: 0; }
      .result-table .table-scroll { max-width: 100%; }
    }

    """
}
