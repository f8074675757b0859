// `scaffold_plan` and `scaffold`: the files a starter would write, then (only when asked) writing
// them into a new or empty folder inside the working folder. Never an overwrite: the server has no
// --force.
import { UsageError } from '../core/errors.js';
import type { AdrRecord } from '../adr/types.js';
import type { RawScaffoldFlags } from '../scaffold/options.js';
import { adrDirOf, inside, shown, type Project } from './project.js';
import type { Answer } from './results.js';

export interface ScaffoldArgs {
  starter?: string;
  out?: string;
  fromAdrs?: boolean;
  options?: Omit<RawScaffoldFlags, 'out'>;
  write?: boolean;
}

export async function scaffoldTool(project: Project, args: ScaffoldArgs, mayWrite: boolean): Promise<Answer<Record<string, unknown>>> {
  const [{ loadCatalog, starterIds }, { prepareStarter, shownOptions, opBytes }] = await Promise.all([
    import('../scaffold/catalog.js'),
    import('../scaffold/prepare.js'),
  ]);
  const catalog = await loadCatalog();
  let log: { records: AdrRecord[]; dir: string } | undefined;
  if (args.fromAdrs === true) {
    const { dir } = await adrDirOf(project);
    const { readLog } = await import('../adr/log.js');
    log = { records: await readLog(dir), dir };
  }
  if (args.starter === undefined && !log) throw new UsageError(`name a starter (${starterIds(catalog).join(', ')}) or set fromAdrs: true`);
  // A folder given is checked before anything is read in it; the default (named for the starter)
  // is checked as soon as the starter is known, before anything is written.
  const out = args.out !== undefined ? await inside(project, args.out, 'out') : undefined;
  const prepared = await prepareStarter({
    cwd: project.root,
    catalog,
    ...(args.starter !== undefined ? { starter: args.starter } : {}),
    flags: { ...args.options, ...(out !== undefined ? { out } : {}) },
    ...(log ? { log } : {}),
  });
  await inside(project, prepared.options.out, 'out');
  const write = mayWrite && args.write === true;
  if (write) {
    const { applyPlan } = await import('../scaffold/apply.js');
    await applyPlan(prepared.ops, { out: prepared.options.out });
  }
  const where = shown(project, prepared.options.out);
  const files = prepared.ops.map((op) => ({ path: op.path, action: op.action, bytes: opBytes(op) }));
  const text = [
    write ? `Wrote ${prepared.manifest.id} to ${where} (${files.length} files):` : `Plan for ${prepared.manifest.id} in ${where}, ${files.length} files (nothing written):`,
    ...(prepared.from ? [`Chosen from the ADRs: ${prepared.from.note}`] : []),
    ...summary(files),
    '',
    'Next steps:',
    ...prepared.nextSteps.map((s) => `  ${s}`),
    ...(write ? [] : mayWrite ? ['', 'Call scaffold again with write: true to write these files.'] : ['', 'The scaffold tool with write: true writes these files.']),
  ].join('\n');
  return {
    text,
    data: {
      starter: prepared.manifest.id,
      out: where,
      written: write,
      options: shownOptions(prepared),
      from: prepared.from?.note ?? null,
      also: prepared.from?.also ?? [],
      files,
      nextSteps: prepared.nextSteps,
    },
  };
}

/** The files by top folder: a starter has dozens; the structured content lists every one. */
function summary(files: { path: string; action: string }[]): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const f of files) {
    const cut = f.path.indexOf('/');
    const top = cut < 0 ? '(top level)' : `${f.path.slice(0, cut)}/`;
    const byAction = counts.get(top) ?? new Map<string, number>();
    byAction.set(f.action, (byAction.get(f.action) ?? 0) + 1);
    counts.set(top, byAction);
  }
  return [...counts].map(([top, byAction]) => `- ${top}: ${[...byAction].map(([action, n]) => `${n} to ${action}`).join(', ')}`);
}
