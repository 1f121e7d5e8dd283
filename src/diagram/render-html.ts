// The self-contained trace page: one HTML file with the diagram's SVG, the trace data as
// JSON, the script and the styles inline. Its Content-Security-Policy allows no network
// request at all and only the page's own script (by hash), so it opens from a CI artifact
// or an offline laptop, and text in a topology can never run as script.
import { createHash } from 'node:crypto';
import { htmlText, jsonForScript } from './escape-html.js';
import { PAGE_SCRIPT } from './html-page-script.js';
import { PAGE_STYLE } from './html-page-style.js';
import { svgElement } from './render-svg.js';
import type { PageTrace } from './trace-page-data.js';

/** What the page shows. */
export interface HtmlPage {
  readonly title: string;
  readonly description: string | undefined;
  /** The diagram, an SVG document rendered from `renderDot` with hidden paths. */
  readonly svg: string;
  readonly traces: readonly PageTrace[];
}

/** The page as one HTML document. */
export function renderHtml(page: HtmlPage): string {
  const hash = createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="vpcsim">
<title>${htmlText(page.title)} · vpcsim</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${htmlText(page.title)}</h1>
${page.description ? `<p>${htmlText(page.description.trim())}</p>` : ''}
<button type="button" id="theme" title="Switch between light and dark (key t)">Light / dark</button>
<button type="button" id="fit" aria-pressed="true" title="Fit the diagram to the window, or show it at full size (key f)">Fit diagram</button>
</header>
<main>
<section id="diagram" class="fit" aria-label="Topology diagram; the selected trace's path is drawn on it">
${svgElement(page.svg).trim()}
</section>
<aside aria-label="Trace">
<label for="trace-select">Trace</label>
<select id="trace-select"></select>
<div id="verdict" role="status"></div>
<div class="controls">
<button type="button" id="prev" aria-keyshortcuts="ArrowLeft">&#9664; Previous</button>
<span id="position" aria-live="polite"></span>
<button type="button" id="next" aria-keyshortcuts="ArrowRight">Next &#9654;</button>
</div>
<div id="details" aria-live="polite"></div>
<p class="hint">Keys: &#8594; or j next hop, &#8592; or k previous, Home and End, t light or dark, f fit the diagram. Click a hop or a box on the diagram.</p>
<ol id="hops" aria-label="Hops"></ol>
</aside>
</main>
<script type="application/json" id="vpcsim-data">${jsonForScript({ traces: page.traces })}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
