// A Dockerfile read the way Docker reads it (the subset the starters' files use): comments
// dropped, continuation lines joined, one stage per FROM. No Docker engine runs on these
// machines, so the starters' tests check their images by reading them.

export interface Instruction {
  keyword: string;
  args: string;
}
export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [, image = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ image, ...(name ? { name } : {}), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

/** The arguments of every `keyword` instruction of a stage. */
export const argsOf = (stage: Stage, keyword: string): string[] => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** A stage's instructions as lines (`USER 1000:1000`), continuations joined. */
export const linesOf = (stage: Stage): string[] => stage.instructions.map((i) => `${i.keyword} ${i.args}`);
