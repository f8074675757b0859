// Every command's flags and arguments reach its code with the types the code declares: the
// registrations are typed (commander's extra typings check each `run(...)` call at compile time),
// and this test parses every option of every command through the real program and checks what
// arrives: booleans for switches, strings for values, lists for repeatable flags.
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';

class Stop extends Error {}

/** Parses argv with the real program and returns what the action would receive, without running it. */
async function received(argv: string[]): Promise<{ args: unknown[]; opts: Record<string, unknown> }> {
  const program = buildProgram() as unknown as Command;
  let got: { args: unknown[]; opts: Record<string, unknown> } | undefined;
  program.hook('preAction', (_root, action) => {
    got = { args: [...action.processedArgs], opts: action.opts() };
    throw new Stop();
  });
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  await expect(program.parseAsync(argv, { from: 'user' })).rejects.toBeInstanceOf(Stop);
  return got!;
}

const program = buildProgram() as unknown as Command;
const commands = program.commands.map((c) => [c.name(), c] as const);

/** The smallest valid arguments of a command: one word per required argument. */
function requiredArgs(cmd: Command): string[] {
  return cmd.registeredArguments.filter((a) => a.required).map(() => 'x');
}

function sample(option: Option): string {
  return option.long === '--set' ? 'scale=large' : option.long === '--link' ? 'Amends:1' : 'value';
}

describe('every command receives typed options', () => {
  it('has commands to check', () => expect(commands.length).toBeGreaterThan(10));

  for (const [name, cmd] of commands) {
    const options = cmd.options.filter((o) => o.long !== '--help' && o.long !== '--version');
    it.each(options.map((o) => [o.long!, o] as const))(`${name} %s`, async (_flag, option) => {
      const key = option.attributeName();
      const argv = [name, ...requiredArgs(cmd)];
      if (option.negate) {
        expect((await received(argv)).opts[key]).toBe(true);
        expect((await received([...argv, option.long!])).opts[key]).toBe(false);
        return;
      }
      if (option.isBoolean()) {
        expect((await received(argv)).opts[key]).toBeUndefined();
        expect((await received([...argv, option.long!])).opts[key]).toBe(true);
        return;
      }
      const value = sample(option);
      const once = (await received([...argv, option.long!, value])).opts[key];
      if (Array.isArray(option.defaultValue)) {
        // Repeatable: a list, in the order given, empty when absent.
        expect((await received(argv)).opts[key]).toEqual([]);
        expect(once).toEqual([value]);
        expect((await received([...argv, option.long!, value, option.long!, 'b=c'])).opts[key]).toEqual([value, 'b=c']);
      } else {
        expect(once).toBe(value);
      }
    });

    it(`${name}: arguments arrive as declared`, async () => {
      const argv = [name, ...cmd.registeredArguments.map((a) => (a.variadic ? 'a b' : 'a'))].flatMap((w) => w.split(' '));
      const { args } = await received(argv);
      cmd.registeredArguments.forEach((a, i) => {
        if (a.variadic) expect(args[i]).toEqual(['a', 'b']);
        else expect(args[i]).toBe('a');
      });
    });
  }

  it('the program-level --lang is the guided session\'s, a subcommand keeps its own', async () => {
    expect((await received(['--lang', 'es'])).opts).toEqual({ lang: 'es' });
    expect((await received(['trees', '--lang', 'es'])).opts).toMatchObject({ lang: 'es' });
    expect((await received(['diagram', 'architecture-style', '--lang', 'es'])).opts).toMatchObject({ lang: 'es' });
  });
});
