// The guided session driven for real: `adr-wizard` in a tmux pane, keys sent, the screen read.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempDir } from './support/cli.js';
import { commandExists, serviceGate } from './support/services.js';

const gate = serviceGate('tmux', commandExists('tmux'), 'apt-get install tmux');
// A private tmux server per test, so that nothing touches a user's sessions.
let socket = '';
let runs = 0;
const SESSION = 'guided';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** The whole pane, scrollback included. */
function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', SESSION);
}

async function waitFor(what: string, test: (s: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Answered prompts leave a ✔ line each; counting them tells when the next prompt is up. */
const answered = (s: string) => s.split('\n').filter((l) => l.startsWith('✔')).length;
/** The prompt waiting for an answer: the last `? ` line, when no answer follows it. */
const activePrompt = (s: string) => {
  const last = s.split('\n').filter((l) => l.startsWith('? ') || l.startsWith('✔')).pop() ?? '';
  return last.startsWith('? ') ? last : '';
};

/** Sends keys, then waits until they were taken and the next prompt is up (or the session ended). */
async function answer(keys: string[], dir: string): Promise<string> {
  const before = answered(screen());
  tmux('send-keys', '-t', SESSION, ...keys);
  return waitFor('the next prompt', (s) => answered(s) > before && (activePrompt(s) !== '' || existsSync(join(dir, 'exit.txt'))));
}

function start(dir: string, args: string[] = []): void {
  socket = `adr-wizard-test-${process.pid}-${++runs}`;
  const cmd = `env NO_COLOR=1 ${process.execPath} ${BIN} ${args.join(' ')}; echo "EXIT=$?" > exit.txt; sleep 120`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '160', '-y', '50', '-c', dir, cmd);
}

async function exitCode(dir: string): Promise<number> {
  const file = join(dir, 'exit.txt');
  const end = Date.now() + 30_000;
  while (!existsSync(file) || !readFileSync(file, 'utf8').includes('\n')) {
    if (Date.now() > end) throw new Error(`the session did not end; the screen:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(/EXIT=(\d+)/.exec(readFileSync(file, 'utf8'))![1]);
}

// Enough "down" presses to reach the last choice of any list (lists do not wrap around).
const TO_LAST = Array.from({ length: 15 }, () => 'Down');

afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
});

describe.skipIf(gate)('the guided session in a terminal', () => {
  // A generous timeout: each key press waits for a real render, and CI runs test files side by side.
  it('picks decisions, answers each driver once, goes back, shows a summary, then writes the ADRs', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    start(dir);
    let s = await waitFor('the tree picker', (x) => x.includes('Which decisions do you want to make?'));
    expect(s).toMatch(/All that apply, following the chains/);

    // "All that apply": the first choice. Then the areas the project has: this one has ML.
    s = await answer(['Space', 'Enter'], dir);
    expect(activePrompt(s)).toMatch(/^\? Which of these does the project have\?/);
    expect(s).toMatch(/train or serve machine learning models/);
    s = await answer(['Space', 'Enter'], dir);
    const first = activePrompt(s);
    expect(first).toMatch(/^\? .+\[.+\]$/);
    // The driver's help text is on screen with its question.
    expect(s).toMatch(/↑↓ navigate/);
    const helpShown = s.split('\n').slice(s.split('\n').indexOf(first)).join('\n');
    expect(helpShown).toMatch(/← back \(change the previous answer\)\n\n.{40,}/);

    // Answer the first driver with its default, then go back from the second one.
    s = await answer(['Enter'], dir);
    const second = activePrompt(s);
    expect(second).not.toBe(first);
    s = await answer([...TO_LAST, 'Enter'], dir);
    expect(activePrompt(s)).toBe(first);

    // Defaults from here on, until the summary asks to write.
    for (let i = 0; i < 60 && !/\? Write th/.test(activePrompt(s)); i++) s = await answer(['Enter'], dir);
    expect(activePrompt(s)).toMatch(/\? Write these \d+ ADRs\?/);
    // Each driver asked once across all the trees (after the one answer taken back).
    const afterBack = s.slice(s.lastIndexOf('← back (change the previous answer)\n'));
    const asked = [...afterBack.matchAll(/^✔ (.+\]) /gm)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(2);
    expect(new Set(asked).size).toBe(asked.length);
    const summary = s.slice(s.lastIndexOf('Summary'));
    const outcomes = [...summary.matchAll(/ {2}([a-z-]+) → ([a-z-]+)$/gm)].map((m) => [m[1], m[2]]);
    expect(outcomes.map((o) => o[0])).toEqual(expect.arrayContaining(['architecture-style', 'mlops-platform']));
    expect(existsSync(join(dir, 'doc'))).toBe(false); // nothing written before the confirmation

    s = await answer(['Enter'], dir);
    if (/Scaffold one now\?/.test(activePrompt(s))) s = await answer([...TO_LAST, 'Enter'], dir); // "Not now"
    expect(await exitCode(dir)).toBe(0);
    s = screen();
    expect(s).toMatch(/✔ ADR 0001 written: doc\/adr\/0001-.+\.md/);

    const adrs = readdirSync(join(dir, 'doc/adr')).filter((f) => /^\d{4}-.+\.md$/.test(f));
    expect(adrs).toHaveLength(outcomes.length);
    const all = adrs.map((f) => readFileSync(join(dir, 'doc/adr', f), 'utf8')).join('\n');
    for (const [tree, outcome] of outcomes) {
      expect(all).toContain(tree!);
      expect(all).toContain(outcome!);
    }
  });

  it('Ctrl-C exits 130 and writes nothing (in Spanish)', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    start(dir, ['--lang', 'es']);
    await waitFor('the tree picker', (x) => x.includes('¿Qué decisiones quieren tomar?'));
    let s = await answer(['Space', 'Enter'], dir);
    expect(activePrompt(s)).toMatch(/^\? ¿Cuáles de estas características tiene el proyecto\?/);
    s = await answer(['Enter'], dir); // none: no ML platform decision
    expect(s).toMatch(/← volver/);
    s = await answer(['Enter'], dir);
    tmux('send-keys', '-t', SESSION, 'C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(readdirSync(dir)).toEqual(['exit.txt']);
  });

  it('decide in a terminal asks only the drivers still missing', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    start(dir, ['decide', 'architecture-style', '--set', 'complexity=low', '--set', 'dedicated-runtime=no']);
    const s = await waitFor('the first question', (x) => activePrompt(x) !== '');
    expect(activePrompt(s)).toMatch(/^\? .+ {2}\[Application architecture style\]$/);
    expect(activePrompt(s)).not.toMatch(/complex/i); // given with --set, so never asked
    await answer(['Enter'], dir); // the default: one team
    expect(await exitCode(dir)).toBe(0);
    const end = screen();
    expect(answered(end)).toBe(1);
    expect(end).toMatch(/ADR 0001 written: doc\/adr\/0001-.+\.md/);
  });
});
