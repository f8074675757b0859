// Start-up cost of the decision commands, as a ratio to bare `node -e 0`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function bench(lib) {
  const dir = mkdtempSync(join(tmpdir(), 'adr-wizard-bench-'));
  try {
    const context = join(dir, 'context.yaml');
    writeFileSync(
      context,
      'drivers:\n  complexity: high\n  domain-boundaries: clear\n  ops-maturity: high\n  team-autonomy: "yes"\n  latency-sensitive: "no"\n',
    );
    const node = process.execPath;
    const run = (args) => lib.timeProcess(node, [lib.BIN, ...args], { cwd: dir });
    return [
      lib.row('--help', run(['--help']), { target: 1.3 }),
      lib.row('trees --json', run(['trees', '--json']), { target: 1.3 }),
      lib.row('decide --context --json --no-write', run(['decide', 'architecture-style', '--context', context, '--json', '--no-write']), {
        target: 1.3,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
