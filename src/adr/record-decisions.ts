// Writes one ADR per decision (decide, the guided session, revisit).
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InternalError, UsageError } from '../core/errors.js';
import type { Decision, DriverCatalog, Lang, Tree } from '../core/types.js';
import { treeNodeTitles, treeToMermaid } from '../render/mermaid.js';
import { replaceFile } from '../io/fs.js';
import { treeSource } from '../io/trees.js';
import { loadAdrConfig } from '../io/config.js';
import type { ViewLink } from './adr-view.js';
import { adrTitle, decisionView } from './decision-view.js';
import { addLink } from './edit.js';
import { strings } from './i18n.js';
import { findAdrDir, listAdrFiles, readLog } from './log.js';
import { checkStatus } from './lookup.js';
import { parseAdr } from './parse.js';
import { renderTemplate } from './render.js';
import { titleSlug, today } from './slug.js';
import { chooseTemplate, shippedTemplate } from './template-choice.js';
import type { AdrRecord } from './types.js';
import { createAdrs, plannedAdrs, type ClaimedAdr } from './write.js';

interface RecordDecisionsInput {
  decisions: Decision[];
  trees: Map<string, Tree>;
  catalog: DriverCatalog;
  cwd: string;
  /** The ADR folder, when the caller has found it already (the CLI, which says how it chose). */
  dir?: string;
  lang: Lang;
  /** A style (`madr`, `madr2`, `madr3`, `madr4`, `nygard`, `log4brains`) or a path to a `.hbs` file; default from .adr-wizard.yaml, else the log's own style. */
  template?: string;
  /** Default `accepted`. */
  status?: string;
  dryRun?: boolean;
  force?: boolean;
  render?: 'svg' | 'png';
  deciders?: string[];
  /** MADR's `consulted` and `informed`; default from .adr-wizard.yaml. */
  consulted?: string[];
  informed?: string[];
  /** Extra links per decision index (revisit: "Supersedes" the old ADR). */
  links?: Record<number, ViewLink[]>;
  /** Told after each rendered diagram (with `render`). */
  onProgress?: (done: number, total: number, label: string) => void;
}

interface RecordedAdr {
  tree: string;
  number: number;
  /** The record's title, as in its heading. */
  title: string;
  file: string;
  content: string;
  written: boolean;
}

export async function recordDecisions(input: RecordDecisionsInput): Promise<RecordedAdr[]> {
  if (input.decisions.length === 0) return [];
  const config = await loadAdrConfig(input.cwd);
  const dir = input.dir ?? (await findAdrDir(input.cwd, config)).dir;
  const files = await listAdrFiles(dir);
  const choice = await chooseTemplate(input.template, config, dir, files);
  const lang = input.lang;
  const l = strings(lang);
  const date = today();
  const status = input.status ?? 'accepted';
  checkStatus(status);
  const deciders = input.deciders ?? config.deciders ?? [];

  const items = await Promise.all(
    input.decisions.map(async (decision) => {
      const tree = input.trees.get(decision.tree);
      if (!tree) throw new InternalError(`recordDecisions: no tree "${decision.tree}" was loaded`);
      const title = adrTitle(tree, decision, lang);
      const scores = decision.scores;
      const walk = { path: decision.path.map((p) => ({ ...p })), outcome: decision.outcome, ...(scores ? { scores } : {}) };
      // The walk's diagram: in the ADR, and rendered beside it with --render.
      const mermaid = treeToMermaid(tree, lang, walk, { catalog: input.catalog });
      const titles = treeNodeTitles(tree, lang, { catalog: input.catalog });
      return { decision, tree, title, slug: await titleSlug(title), mermaid, titles };
    }),
  );

  // A chain's parent: in this batch (the same tree and outcome as `ledBy`), else the latest ADR in
  // the log that recorded that decision.
  const batchParent = (i: number): number | undefined => {
    const led = items[i]!.decision.ledBy;
    if (!led) return undefined;
    for (let j = i - 1; j >= 0; j--) {
      const d = items[j]!.decision;
      if (d.tree === led.tree && d.outcome === led.outcome) return j;
    }
    return undefined;
  };
  const needsLog = items.some((_, i) => items[i]!.decision.ledBy && batchParent(i) === undefined);
  const log: AdrRecord[] = needsLog ? await readLog(dir) : [];
  const logParent = (i: number): AdrRecord | undefined => {
    const led = items[i]!.decision.ledBy;
    if (!led) return undefined;
    return log
      .filter((r) => r.wizard?.tree === led.tree && r.wizard.outcome === led.outcome)
      .sort((a, b) => b.number - a.number)[0];
  };

  const template = choice.file ?? shippedTemplate(choice.style, '');
  const render = async (claimed: ClaimedAdr[], i: number): Promise<string> => {
    const { decision, tree, mermaid } = items[i]!;
    const { number, name } = claimed[i]!;
    const ref = (j: number): ViewLink => ({ type: '', number: claimed[j]!.number, title: items[j]!.title, file: claimed[j]!.name });
    const links: ViewLink[] = [...(input.links?.[i] ?? [])];
    const parent = batchParent(i);
    if (parent !== undefined) links.push({ ...ref(parent), type: l.linkTypes.followsFrom });
    const external = parent === undefined ? logParent(i) : undefined;
    if (external) {
      links.push({ type: l.linkTypes.followsFrom, number: external.number, title: external.title, file: basename(external.file) });
    }
    items.forEach((_, j) => {
      if (j > i && batchParent(j) === i) links.push({ ...ref(j), type: l.linkTypes.ledTo });
    });
    const image = input.render ? `${name.replace(/\.md$/, '')}.${input.render}` : null;
    const view = decisionView(tree, decision, input.catalog, lang, {
      style: choice.style,
      number,
      date,
      status,
      deciders,
      consulted: input.consulted ?? config.consulted ?? [],
      informed: input.informed ?? config.informed ?? [],
      links,
      mermaid: mermaid.trimEnd(),
      image,
      // A repository's own tree is named in the ADR, so readers know the advice was customised.
      treeFile: treeSource(tree, input.cwd)?.file ?? null,
    });
    return renderTemplate(template, view);
  };

  if (input.dryRun) {
    const claimed = await plannedAdrs(dir, items.map((item) => item.slug), choice.naming, files);
    const out: RecordedAdr[] = [];
    for (const [i, item] of items.entries()) {
      out.push({
        tree: item.decision.tree,
        number: claimed[i]!.number,
        title: item.title,
        file: join(dir, claimed[i]!.name),
        content: await render(claimed, i),
        written: false,
      });
    }
    return out;
  }

  const created = await createAdrs(
    dir,
    items.map((item, i) => ({ slug: item.slug, render: (claimed: ClaimedAdr[]) => render(claimed, i) })),
    choice.naming,
  );

  // Reverse links on parents that were already in the log.
  for (const [i] of items.entries()) {
    const parent = batchParent(i) === undefined ? logParent(i) : undefined;
    if (!parent) continue;
    const fresh = await parseAdr(parent.file, await readFile(parent.file, 'utf8'));
    const rec: AdrRecord = { ...fresh, links: parent.links };
    const updated = addLink(rec, strings(lang).linkTypes.ledTo, {
      number: created[i]!.number,
      title: items[i]!.title,
      file: created[i]!.file,
    });
    if (updated !== fresh.body) await replaceFile(parent.file, updated);
  }

  if (input.render) {
    const { renderMermaid } = await import('../io/mermaid-browser.js');
    const format = input.render;
    try {
      await renderMermaid(
        created.map((c, i) => ({
          source: items[i]!.mermaid,
          outFile: c.file.replace(/\.md$/, `.${format}`),
          format,
          titles: items[i]!.titles,
        })),
        { cwd: input.cwd, force: input.force === true, ...(input.onProgress ? { onProgress: input.onProgress } : {}) },
      );
    } catch (err: unknown) {
      if (err instanceof UsageError) {
        throw new UsageError(
          `${created.map((c) => basename(c.file)).join(', ')} written, but the diagrams were not rendered: ${err.message}`,
          err.problems,
        );
      }
      throw err;
    }
  }

  return created.map((c, i) => ({ tree: items[i]!.decision.tree, number: c.number, title: items[i]!.title, file: c.file, content: c.content, written: true }));
}
