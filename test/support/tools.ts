// The real tools the starter tests run: Helm 4 and Helm 3, the Python virtual environments with
// MLflow/Streamlit/Locust and Airflow, and a Kafka broker. .ci/helm.sh, .ci/python.sh and
// .ci/kafka.sh install them (cached under $ADR_WIZARD_TOOLS); tests gate on them through
// serviceGate, so CI (ADR_WIZARD_REQUIRE_SERVICES=1) fails instead of skipping when one is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseYamlObjects } from './deploy.js';
import { commandExists, portOpen, serviceGate } from './services.js';

export const TOOLS_DIR = process.env.ADR_WIZARD_TOOLS ?? join(homedir(), '.cache', 'adr-wizard-tools');

export type HelmMajor = 4 | 3;
const HELM_BINARY: Record<HelmMajor, string> = { 4: 'helm', 3: 'helm3' };

/** Skip reason when the Helm binary of this major is missing (a failure in CI). */
export function helmGate(major: HelmMajor): string | undefined {
  const bin = HELM_BINARY[major];
  return serviceGate(`Helm ${major} (${bin})`, commandExists(bin), 'run .ci/helm.sh: it builds Helm from its Go module');
}

export interface HelmRun {
  major?: HelmMajor;
  release?: string;
  namespace?: string;
  valuesFiles?: string[];
  set?: string[];
  /**
   * The Kubernetes version to render for (--kube-version). Helm built from its Go module without
   * release ldflags assumes v1.20, below the charts' kubeVersion.
   */
  kubeVersion?: string;
}

function helmArgs(run: HelmRun): string[] {
  return [
    ...(run.valuesFiles ?? []).flatMap((f) => ['-f', f]),
    ...(run.set ?? []).flatMap((s) => ['--set', s]),
    ...(run.kubeVersion ? ['--kube-version', run.kubeVersion] : []),
  ];
}

/** Runs the real helm; throws with helm's own message on failure. */
export function helm(args: string[], major: HelmMajor = 4, cwd?: string): string {
  try {
    return execFileSync(HELM_BINARY[major], args, { encoding: 'utf8', cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`helm ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`);
  }
}

/** `helm template` of a chart folder, parsed into objects. */
export function helmTemplate(chartDir: string, run: HelmRun = {}): Record<string, unknown>[] {
  const out = helm(
    ['template', run.release ?? 'rel', chartDir, '--namespace', run.namespace ?? 'default', ...helmArgs(run)],
    run.major,
  );
  return parseYamlObjects(out);
}

/** `helm lint --strict`; returns helm's output (throws when it fails). */
export function helmLint(chartDir: string, run: HelmRun = {}): string {
  return helm(['lint', '--strict', chartDir, ...helmArgs(run)], run.major);
}

/** The python of a virtual environment .ci/python.sh made (`mlops` or `airflow`), when present. */
export function venvPython(name: 'mlops' | 'airflow'): string | undefined {
  const py = join(TOOLS_DIR, `venv-${name}`, 'bin', 'python');
  return existsSync(py) ? py : undefined;
}

export function venvGate(name: 'mlops' | 'airflow'): string | undefined {
  return serviceGate(`the ${name} Python environment`, venvPython(name) !== undefined, `run .ci/python.sh (it makes ${join(TOOLS_DIR, `venv-${name}`)})`);
}

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

export async function kafkaGate(): Promise<string | undefined> {
  const [host, port] = (KAFKA_BROKERS.split(',')[0] ?? '').split(':');
  return serviceGate('Kafka', await portOpen(Number(port), host), 'run .ci/kafka.sh: a KRaft broker from the Maven Central jars');
}
