/// Golden output of `SnapshotTests.smallLineChart` (re-record with `RECORD_SNAPSHOTS=1`).
/// Kept as Swift source: test targets cannot hold resources without a Package.swift change.
let smallLineChartSnapshot = #"""
<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200" role="img" aria-labelledby="snap-title snap-desc" font-family="system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Helvetica Neue&apos;, Arial, sans-serif" font-size="12">
  <title id="snap-title">Média do estimador</title>
  <desc id="snap-desc">Média ± 1 desvio-padrão por número de amostras.</desc>
  <defs>
    <clipPath id="snap-plot">
      <rect x="59.8" y="38" width="240.2" height="110"/>
    </clipPath>
  </defs>
  <rect width="320" height="200" fill="#ffffff"/>
  <g class="grid" stroke="#e6e6e6" stroke-width="1">
    <line x1="67.8" y1="38" x2="67.8" y2="148"/>
    <line x1="179.9" y1="38" x2="179.9" y2="148"/>
    <line x1="292" y1="38" x2="292" y2="148"/>
    <line x1="59.8" y1="140" x2="300" y2="140"/>
    <line x1="59.8" y1="121.2" x2="300" y2="121.2"/>
    <line x1="59.8" y1="102.4" x2="300" y2="102.4"/>
    <line x1="59.8" y1="83.6" x2="300" y2="83.6"/>
    <line x1="59.8" y1="64.8" x2="300" y2="64.8"/>
    <line x1="59.8" y1="46" x2="300" y2="46"/>
  </g>
  <g class="axis axis-x" fill="#222222">
    <line x1="59.8" y1="148" x2="300" y2="148" stroke="#444444"/>
    <line x1="101.55" y1="148" x2="101.55" y2="151" stroke="#444444"/>
    <line x1="121.29" y1="148" x2="121.29" y2="151" stroke="#444444"/>
    <line x1="135.29" y1="148" x2="135.29" y2="151" stroke="#444444"/>
    <line x1="146.15" y1="148" x2="146.15" y2="151" stroke="#444444"/>
    <line x1="155.03" y1="148" x2="155.03" y2="151" stroke="#444444"/>
    <line x1="162.54" y1="148" x2="162.54" y2="151" stroke="#444444"/>
    <line x1="169.04" y1="148" x2="169.04" y2="151" stroke="#444444"/>
    <line x1="174.77" y1="148" x2="174.77" y2="151" stroke="#444444"/>
    <line x1="213.65" y1="148" x2="213.65" y2="151" stroke="#444444"/>
    <line x1="233.39" y1="148" x2="233.39" y2="151" stroke="#444444"/>
    <line x1="247.39" y1="148" x2="247.39" y2="151" stroke="#444444"/>
    <line x1="258.25" y1="148" x2="258.25" y2="151" stroke="#444444"/>
    <line x1="267.13" y1="148" x2="267.13" y2="151" stroke="#444444"/>
    <line x1="274.64" y1="148" x2="274.64" y2="151" stroke="#444444"/>
    <line x1="281.14" y1="148" x2="281.14" y2="151" stroke="#444444"/>
    <line x1="286.87" y1="148" x2="286.87" y2="151" stroke="#444444"/>
    <line x1="67.8" y1="148" x2="67.8" y2="153" stroke="#444444"/>
    <text class="tick" x="67.8" y="166" text-anchor="middle">1</text>
    <line x1="179.9" y1="148" x2="179.9" y2="153" stroke="#444444"/>
    <text class="tick" x="179.9" y="166" text-anchor="middle">10</text>
    <line x1="292" y1="148" x2="292" y2="153" stroke="#444444"/>
    <text class="tick" x="292" y="166" text-anchor="middle">100</text>
    <text class="axis-title" x="179.9" y="189" text-anchor="middle" font-size="13">Amostras (S)</text>
  </g>
  <g class="axis axis-y" fill="#222222">
    <line x1="59.8" y1="38" x2="59.8" y2="148" stroke="#444444"/>
    <line x1="54.8" y1="140" x2="59.8" y2="140" stroke="#444444"/>
    <text class="tick" x="51.8" y="140" dy="0.32em" text-anchor="end">0.4</text>
    <line x1="54.8" y1="121.2" x2="59.8" y2="121.2" stroke="#444444"/>
    <text class="tick" x="51.8" y="121.2" dy="0.32em" text-anchor="end">0.6</text>
    <line x1="54.8" y1="102.4" x2="59.8" y2="102.4" stroke="#444444"/>
    <text class="tick" x="51.8" y="102.4" dy="0.32em" text-anchor="end">0.8</text>
    <line x1="54.8" y1="83.6" x2="59.8" y2="83.6" stroke="#444444"/>
    <text class="tick" x="51.8" y="83.6" dy="0.32em" text-anchor="end">1.0</text>
    <line x1="54.8" y1="64.8" x2="59.8" y2="64.8" stroke="#444444"/>
    <text class="tick" x="51.8" y="64.8" dy="0.32em" text-anchor="end">1.2</text>
    <line x1="54.8" y1="46" x2="59.8" y2="46" stroke="#444444"/>
    <text class="tick" x="51.8" y="46" dy="0.32em" text-anchor="end">1.4</text>
    <text class="axis-title" x="16" y="93" text-anchor="middle" transform="rotate(-90 16 93)" font-size="13">KL estimado</text>
  </g>
  <g class="series" aria-label="média">
    <g class="error-bars" stroke="#0072b2" stroke-width="1.2" clip-path="url(#snap-plot)">
      <line x1="67.8" y1="140" x2="67.8" y2="46"/>
      <line x1="64.8" y1="46" x2="70.8" y2="46"/>
      <line x1="64.8" y1="140" x2="70.8" y2="140"/>
      <line x1="179.9" y1="96.76" x2="179.9" y2="66.68"/>
      <line x1="176.9" y1="66.68" x2="182.9" y2="66.68"/>
      <line x1="176.9" y1="96.76" x2="182.9" y2="96.76"/>
      <line x1="292" y1="88.3" x2="292" y2="78.9"/>
      <line x1="289" y1="78.9" x2="295" y2="78.9"/>
      <line x1="289" y1="88.3" x2="295" y2="88.3"/>
    </g>
    <path d="M67.8 93 L179.9 81.72 L292 83.6" fill="none" stroke="#0072b2" stroke-width="2" stroke-linejoin="round" clip-path="url(#snap-plot)"/>
    <circle cx="67.8" cy="93" r="4" fill="#0072b2" stroke="#ffffff" stroke-width="1"/>
    <circle cx="179.9" cy="81.72" r="4" fill="#0072b2" stroke="#ffffff" stroke-width="1"/>
    <circle cx="292" cy="83.6" r="4" fill="#0072b2" stroke="#ffffff" stroke-width="1"/>
  </g>
  <g class="reference-lines">
    <line x1="59.8" y1="83.6" x2="300" y2="83.6" stroke="#555555" stroke-width="1.5" clip-path="url(#snap-plot)" stroke-dasharray="6 4"/>
  </g>
  <g class="legend">
    <g class="legend-item">
      <line x1="59.8" y1="22" x2="85.8" y2="22" stroke="#0072b2" stroke-width="2"/>
      <circle cx="72.8" cy="22" r="4" fill="#0072b2" stroke="#ffffff" stroke-width="1"/>
      <text x="91.8" y="22" dy="0.32em" fill="#222222">média</text>
    </g>
    <g class="legend-item">
      <line x1="142.8" y1="22" x2="168.8" y2="22" stroke="#555555" stroke-width="2" stroke-dasharray="6 4"/>
      <text x="174.8" y="22" dy="0.32em" fill="#222222">KL analítica</text>
    </g>
  </g>
</svg>

"""#
