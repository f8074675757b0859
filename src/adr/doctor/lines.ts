// Lines of an ADR that findings point at, found in its text: CI annotations show the finding there.

/** The 1-based line of the character at `index`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const WIZARD_BLOCK = /^adr-wizard:|<!--\s*adr-wizard\s*$/m;

/** The line of `outcome:` in the adr-wizard block (front matter or Nygard's comment). */
export function wizardLine(body: string): number | undefined {
  const block = WIZARD_BLOCK.exec(body)?.index;
  if (block === undefined) return undefined;
  const outcome = body.indexOf('outcome:', block);
  return lineAt(body, outcome >= 0 ? outcome : block);
}

/** The first line holding `text` (a status as written). */
export function lineOf(body: string, text: string): number | undefined {
  const at = text === '' ? -1 : body.indexOf(text);
  return at < 0 ? undefined : lineAt(body, at);
}
