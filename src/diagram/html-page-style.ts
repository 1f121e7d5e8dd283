// The HTML page's stylesheet: light and dark themes (the reader's system setting, or the
// page's theme button), the diagram's colours taken over from Graphviz so both themes
// read well, and a visible focus ring on everything the keyboard reaches.

/** CSS of the trace page. */
export const PAGE_STYLE = `
:root { color-scheme: light; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --panel: #f6f8fa; --line: #d0d7de;
  --node: #ffffff; --subnet: #f3f5f7; --accent: #d9480f; --visited: #f08c00; --ok: #1a7f37; --bad: #cf222e; --focus: #0969da; }
:root[data-theme="dark"] { color-scheme: dark; --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --panel: #161b22; --line: #3d444d;
  --node: #1c2128; --subnet: #151b23; --accent: #ff8f40; --visited: #d29922; --ok: #3fb950; --bad: #ff7b72; --focus: #58a6ff; }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { color-scheme: dark; --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1;
  --panel: #161b22; --line: #3d444d; --node: #1c2128; --subnet: #151b23; --accent: #ff8f40; --visited: #d29922; --ok: #3fb950; --bad: #ff7b72; --focus: #58a6ff; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
header { padding: 12px 20px; border-bottom: 1px solid var(--line); display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0; }
header p { margin: 0; color: var(--muted); max-width: 110ch; flex: 1 1 40ch; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(340px, 440px); min-height: calc(100vh - 60px); }
#diagram { overflow: auto; padding: 12px; border-right: 1px solid var(--line); }
#diagram svg { max-width: none; height: auto; }
#diagram.fit svg { max-width: 100%; }
#diagram { max-height: calc(100vh - 60px); }
aside { padding: 12px 16px; background: var(--panel); overflow: auto; max-height: calc(100vh - 60px); position: sticky; top: 0; }
label { font-weight: 600; display: block; margin-bottom: 4px; }
select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
select { width: 100%; }
button { cursor: pointer; }
button:hover { border-color: var(--focus); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
#verdict { margin: 10px 0; padding: 8px 10px; border-radius: 6px; border: 1px solid var(--line); font-weight: 600; }
#verdict.reachable { border-color: var(--ok); color: var(--ok); }
#verdict.unreachable { border-color: var(--bad); color: var(--bad); }
#verdict ul { font-weight: 400; color: var(--fg); margin: 6px 0 0; padding-left: 18px; }
.controls { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
.controls span { flex: 1; text-align: center; color: var(--muted); }
#details { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: var(--bg); }
#details h2 { font-size: 15px; margin: 0 0 6px; }
#details dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
#details dt { color: var(--muted); }
#details details.step { margin-top: 8px; border-top: 1px solid var(--line); padding-top: 6px; }
#details details.step summary { cursor: pointer; font-weight: 600; }
#details dd { margin: 0; overflow-wrap: anywhere; }
#details code, #hops code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.action-denied, .action-dropped { color: var(--bad); font-weight: 700; }
.action-delivered { color: var(--ok); font-weight: 700; }
#hops { list-style: none; margin: 10px 0; padding: 0; }
#hops li.section { margin: 8px 0 2px; color: var(--muted); font-weight: 600; }
#hops button { width: 100%; text-align: left; border-color: transparent; background: transparent; padding: 3px 6px; display: flex; gap: 6px; }
#hops button[aria-current="step"] { border-color: var(--accent); background: var(--bg); }
#hops .num { color: var(--muted); min-width: 2.2em; text-align: right; }
#theme { margin-left: auto; }
#fit { margin-left: 0; }
.hint { color: var(--muted); font-size: 12px; }
#diagram svg > g.graph > polygon { fill: transparent; stroke: none; }
#diagram svg text { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; }
#diagram svg text { fill: var(--fg); }
#diagram svg .node > polygon, #diagram svg .node > path, #diagram svg .node > ellipse, #diagram svg .node > polyline { fill: var(--node); stroke: var(--muted); }
#diagram svg .cluster > polygon, #diagram svg .cluster > path { stroke: var(--muted); fill: none; }
#diagram svg .cluster-subnet > polygon, #diagram svg .cluster-subnet > path { fill: var(--subnet); }
#diagram svg .cluster-vpc > polygon, #diagram svg .cluster-vpc > path { stroke: var(--focus); stroke-width: 1.6; }
#diagram svg .edge > path { stroke: var(--muted); }
#diagram svg .edge > polygon { fill: var(--muted); stroke: var(--muted); }
#diagram svg .edge.path.hidden { display: none; }
#diagram svg .edge.path > path { stroke: var(--visited); stroke-width: 2.5; opacity: 0.75; }
#diagram svg .edge.path > polygon { fill: var(--visited); stroke: var(--visited); }
#diagram svg .edge.path > text { fill: var(--visited); font-weight: 700; }
#diagram svg .edge.path.current > path { stroke: var(--accent); stroke-width: 4.5; opacity: 1; }
#diagram svg .edge.path.current > polygon { fill: var(--accent); stroke: var(--accent); }
#diagram svg .edge.path.current > text { fill: var(--accent); }
#diagram svg .node.visited > polygon, #diagram svg .node.visited > path, #diagram svg .node.visited > ellipse { stroke: var(--visited); stroke-width: 2.5; }
#diagram svg .node.current > polygon, #diagram svg .node.current > path, #diagram svg .node.current > ellipse { stroke: var(--accent); stroke-width: 5; }
#diagram svg .node.blocked > polygon, #diagram svg .node.blocked > path, #diagram svg .node.blocked > ellipse { stroke: var(--bad); stroke-width: 5; stroke-dasharray: 8 4; }
#diagram svg .node { cursor: pointer; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
`;
