// What adr-wizard writes into a ```mermaid block must render on GitHub (Mermaid 11.x) and on
// GitLab, which still bundles Mermaid 10.7. Parsing with the installed Mermaid 11 catches syntax
// errors; this allow-list keeps the source inside what both versions read the same way: classic
// flowchart statements only, no front matter or `%%{init}%%` directives, no `@{ ... }` shape or
// edge-id syntax (Mermaid 11.3+), no Markdown strings (a backtick: Mermaid 10 and 11 render
// them differently), no literal `\n` (a line break in 10, text in 11).

const LABEL = String.raw`"[^"\n]*"`;
const ID = String.raw`n\d+`;
const STATEMENTS: readonly RegExp[] = [
  /^flowchart (TD|LR)$/,
  // The node shapes of classic syntax that adr-wizard draws: box, rounded, stadium, hexagon,
  // diamond, parallelogram.
  new RegExp(`^${ID}(\\[${LABEL}\\]|\\(${LABEL}\\)|\\(\\[${LABEL}\\]\\)|\\{\\{${LABEL}\\}\\}|\\{${LABEL}\\}|\\[/${LABEL}/\\])$`),
  new RegExp(`^${ID} (-->|==>|-\\.->)(\\|${LABEL}\\|)? ${ID}$`),
  new RegExp(`^${ID} ~~~ ${ID}$`),
  /^classDef [a-z]+ [a-z-]+:[^\s;]+(,[a-z-]+:[^,;]+)*$/,
  new RegExp(`^class ${ID}(,${ID})* [a-z]+$`),
  /^linkStyle \d+(,\d+)* [a-z-]+:[^\s;]+(,[a-z-]+:[^,;]+)*$/,
];

/** Every line of `source` that falls outside what both Mermaid 10.7 and 11 read alike, with why. */
export function mermaidCompatProblems(source: string): string[] {
  const problems: string[] = [];
  const lines = source.replace(/\n$/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = `line ${i + 1}: ${line.slice(0, 80)}`;
    if (i === 0 && !/^flowchart (TD|LR)$/.test(line)) problems.push(`${at}: must open with "flowchart TD" or "flowchart LR" (no front matter or directive)`);
    if (line.includes('@{')) problems.push(`${at}: "@{...}" shape or edge syntax needs Mermaid 11.3+`);
    if (line.startsWith('%%')) problems.push(`${at}: comments and %%{init}%% directives are left out`);
    if (line.includes('`')) problems.push(`${at}: a backtick makes a Markdown string, rendered differently by Mermaid 10 and 11`);
    if (line.includes('\\n')) problems.push(`${at}: a literal \\n is a line break in Mermaid 10 and text in 11`);
    if (!STATEMENTS.some((re) => re.test(line))) problems.push(`${at}: not one of the statements adr-wizard writes`);
  });
  return problems;
}
