// The MLOps starter's Python parts run for real, in the pinned environments .ci/python.sh builds
// from the generated requirements: an MLflow tracking server (SQLite, local artifacts, loopback),
// the DAG's own training code registering models behind the evaluation gate, the inference API
// (uvicorn) following the `champion` alias without a restart, the Streamlit page under Streamlit's
// AppTest, Locust headless against the API, each app's own pytest suite, and the DAG in a real
// Airflow 3 DagBag with its task callables run against the same MLflow server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlopsFiles, mlopsModel } from '../src/scaffold/deploy/mlops.js';
import { runCli } from './support/cli.js';
import { writePlanned } from './support/deploy.js';
import { freePort } from './support/services.js';
import { venvGate, venvPython } from './support/tools.js';

const run = promisify(execFile);
const noMlops = venvGate('mlops');
const noAirflow = venvGate('airflow');


async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A long-running process in its own process group (MLflow's server forks workers), with its output kept. */
interface Service {
  child: ChildProcess;
  output: () => string;
  stop: () => void;
}
function startService(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Service {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  return {
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}

const getJson = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Record<string, any> };
};
const predictOnce = async (base: string) => {
  const r = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] }) });
  return { status: r.status, body: (await r.json()) as { predictions: unknown[]; model: string; version: string } };
};

// The DAG's own functions (dags/iris_training.py), in the order the DAG runs them.
const PIPELINE = `
import json, sys
import iris_training as t
candidate = t.train_candidate(shuffle_labels=sys.argv[1] == "worse")
scores = t.evaluate(candidate)
version = t.register(candidate)
print(json.dumps({"scores": scores, **t.promote(scores, version)}))
`;
const REGISTRY = `
import json, os
import mlflow.pyfunc
from mlflow import MlflowClient
client = MlflowClient()
m = client.get_registered_model(os.environ["MODEL_NAME"])
requirements = open(mlflow.pyfunc.get_model_dependencies(f"models:/{m.name}@champion")).read().split()
print(json.dumps({"aliases": m.aliases, "tags": {v.version: v.tags for v in client.search_model_versions(f"name='{m.name}'")}, "requirements": requirements}))
`;
const APPTEST = `
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60).run()
at.button[0].click().run()
print(json.dumps({"success": [s.value for s in at.success], "error": [e.value for e in at.error], "exception": [str(e.value) for e in at.exception]}))
`;
// The DAG as Airflow 3 loads a bundle, run twice by Airflow itself (dag.test(): the task runner,
// params from the run's conf, XCom between tasks) against the real MLflow server: a good model
// first (promoted), then one trained on shuffled labels (registered, not promoted).
const AIRFLOW_RUNS = `
import json, os
from pathlib import Path
from airflow.dag_processing.dagbag import BundleDagBag
from mlflow import MlflowClient
dags = os.environ["AIRFLOW__CORE__DAGS_FOLDER"]
bag = BundleDagBag(dag_folder=dags, bundle_path=Path(dags))
dag = bag.dags["train_register"]
states = [getattr(s, "value", s) for s in (dag.test(run_conf={"shuffle_labels": worse}).state for worse in (False, True))]
client, name = MlflowClient(), os.environ["MODEL_NAME"]
tags = {v.version: v.tags for v in client.search_model_versions(f"name='{name}'")}
print(json.dumps({"dags": bag.dag_ids, "errors": bag.import_errors, "states": states, "aliases": client.get_registered_model(name).aliases, "tags": tags}))
`;

describe('mlops-platform Python apps: pinned, and built the same way', () => {
  const dir = writePlanned(mlopsFiles(mlopsModel({ name: 'ml', ingress: 'gateway-api' })));
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const APPS = ['inference-api', 'ui', 'loadtest', 'airflow'];
  const pins = (app: string) =>
    new Map(
      read(`apps/${app}/requirements.txt`)
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((l) => {
          const m = /^([A-Za-z0-9_.-]+)==(\d[\w.]*)$/.exec(l.trim());
          if (!m) throw new Error(`apps/${app}/requirements.txt: not an exact pin: ${l}`);
          return [m[1] as string, m[2] as string] as const;
        }),
    );

  it('every runtime requirement is an exact pin, and the dev requirements add only pins', () => {
    for (const app of APPS) {
      expect(pins(app).size, app).toBeGreaterThan(0);
      for (const line of read(`apps/${app}/requirements-dev.txt`).split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
        expect(line, app).toMatch(/^(-r [\w./-]+|[A-Za-z0-9_.-]+==\d[\w.]*)$/);
      }
    }
  });

  it('the model is served by the library versions that trained it; Airflow is the image\'s own', () => {
    const api = pins('inference-api');
    const airflow = pins('airflow');
    for (const shared of ['mlflow-skinny', 'scikit-learn', 'skops', 'pandas']) {
      expect(api.get(shared), shared).toBeDefined();
      expect(airflow.get(shared), shared).toBe(api.get(shared));
    }
    expect(read('apps/airflow/Dockerfile')).toMatch(new RegExp(`^FROM apache/airflow:${airflow.get('apache-airflow')?.replace(/\./g, '\\.')}-python3\\.\\d+$`, 'm'));
  });

  it('every image is pinned to a patch release and runs as a numeric non-root user', () => {
    for (const app of APPS) {
      const dockerfile = read(`apps/${app}/Dockerfile`);
      const from = /^FROM (\S+)/m.exec(dockerfile)?.[1] ?? '';
      expect(from, app).toMatch(/:\d+\.\d+\.\d+(-[\w.-]+)?$/);
      const users = [...dockerfile.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
      expect(users.at(-1), app).toMatch(/^[1-9]\d*$/);
    }
    const apiImage = read('apps/inference-api/Dockerfile');
    expect(apiImage).toContain('/health/live');
    expect(apiImage).toMatch(/^FROM python:3\.12\.\d+-slim-trixie$/m);
    expect(read('apps/airflow/Dockerfile')).toMatch(/^COPY --chown=airflow:root dags\/ \/opt\/airflow\/dags\/$/m);
  });

  it('the UI and the API log through the same JSON formatter', () => {
    expect(read('apps/ui/logs.py')).toBe(read('apps/inference-api/app/logs.py'));
  });
});

describe.skipIf(noMlops)('mlops-platform Python apps against a real MLflow server', () => {
  const services: Service[] = [];
  let root = '';
  let project = '';
  let mlflowUri = '';
  let mlflow: Service;
  const py = venvPython('mlops') as string;
  const baseEnv = () => ({ ...process.env, PYTHONDONTWRITEBYTECODE: '1', MLFLOW_TRACKING_URI: mlflowUri, NO_COLOR: '1' });
  const python = async (code: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, interpreter = py, timeout = 240_000) => {
    const file = join(root, `script-${Math.random().toString(36).slice(2)}.py`);
    writeFileSync(file, code);
    try {
      const { stdout } = await run(interpreter, [file, ...args], { cwd, env, timeout, maxBuffer: 32 * 1024 * 1024 });
      return JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, any>;
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${e.message}\n${e.stderr ?? ''}`);
    }
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'adr-wizard-mlops-py-'));
    const r = await runCli(['scaffold', 'mlops-platform', '--out', 'ml'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    project = join(root, 'ml');
    const port = await freePort();
    mlflowUri = `http://127.0.0.1:${port}`;
    mlflow = startService(
      py,
      ['-m', 'mlflow', 'server', '--backend-store-uri', `sqlite:///${join(root, 'mlflow.db')}`, '--artifacts-destination', join(root, 'artifacts'), '--host', '127.0.0.1', '--port', String(port), '--workers', '1'],
      root,
      baseEnv(),
    );
    services.push(mlflow);
    await waitFor('the MLflow server answers /health', async () => ((await fetch(`${mlflowUri}/health`)).ok ? true : undefined), 120_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${mlflow.output()}`);
    });
  }, 180_000);

  afterAll(() => {
    for (const s of services) s.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const app of ['inference-api', 'ui', 'loadtest']) {
    it(`apps/${app}: its own pytest suite passes with the pinned requirements`, async () => {
      const { stdout } = await run(py, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: join(project, 'apps', app), env: baseEnv(), timeout: 240_000 });
      expect(stdout).toMatch(/\d+ passed/);
      expect(stdout).not.toMatch(/\d+ (failed|errors?)\b/);
    }, 250_000);
  }

  describe.skipIf(noAirflow)('the DAG in Airflow 3', () => {
    const airflowEnv = () => ({
      ...baseEnv(),
      AIRFLOW_HOME: join(root, 'airflow-home'),
      AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
      AIRFLOW__CORE__DAGS_FOLDER: join(project, 'dags'),
      MODEL_NAME: 'iris-airflow',
      MODEL_ALIAS: 'champion',
    });

    it('apps/airflow: its own pytest suite (a real DagBag, no import errors) passes', async () => {
      const { stdout } = await run(venvPython('airflow') as string, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
        cwd: join(project, 'apps', 'airflow'),
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', AIRFLOW_HOME: join(root, 'airflow-home-pytest') },
        timeout: 240_000,
      });
      expect(stdout).toMatch(/3 passed/);
    }, 250_000);

    it('Airflow runs the DAG (dag.test) against the real MLflow server: promoted, then kept out', async () => {
      if (mlflow.child.exitCode !== null) throw new Error('the MLflow server stopped before the DAG ran');
      const env = airflowEnv();
      await run(venvPython('airflow') as string, ['-m', 'airflow', 'db', 'migrate'], { env, timeout: 240_000 });
      const out = await python(AIRFLOW_RUNS, [], root, env, venvPython('airflow') as string, 540_000);
      expect(out).toMatchObject({ dags: ['train_register'], errors: {}, states: ['success', 'success'], aliases: { champion: '1' } });
      expect(out.tags['1']).toMatchObject({ promotion: 'first model' });
      expect(out.tags['2']).toMatchObject({ promotion: expect.stringMatching(/^did not beat version 1 /) });
    }, 840_000);
  });

  it('the gate, the alias, the API following it, the page and Locust, end to end', async () => {
    const env = { ...baseEnv(), MODEL_NAME: 'iris-classifier', MODEL_ALIAS: 'champion' };
    const dags = join(project, 'dags');
    const pipeline = (quality: 'better' | 'worse') => python(PIPELINE, [quality], dags, { ...env, PYTHONPATH: dags });

    // 1. The first model becomes champion, however poor (trained on shuffled labels here).
    const first = await pipeline('worse');
    expect(first).toMatchObject({ version: '1', promoted: true, champion_version: '1', verdict: 'first model' });
    expect(first.scores.candidate).toBeLessThan(0.7);

    // 2. The inference API loads models:/iris-classifier@champion through the real client.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = startService(py, ['-m', 'uvicorn', 'app.main:app', '--host', '127.0.0.1', '--port', String(port)], join(project, 'apps', 'inference-api'), {
      ...env,
      MODEL_POLL_SECONDS: '1',
      LOG_LEVEL: 'INFO',
    });
    services.push(api);
    const ready = await waitFor('the inference API is ready', async () => {
      const r = await getJson(`${base}/health/ready`);
      return r.status === 200 ? r.body : undefined;
    }, 90_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${api.output()}`);
    });
    expect(ready).toMatchObject({ status: 'ready', model: 'models:/iris-classifier@champion', version: '1' });
    expect((await predictOnce(base)).body).toMatchObject({ model: 'models:/iris-classifier@champion', version: '1' });

    // 3. A better candidate beats the champion: the alias moves and the API follows, same process.
    const second = await pipeline('better');
    expect(second).toMatchObject({ version: '2', promoted: true, champion_version: '2', verdict: 'beat version 1' });
    expect(second.scores.candidate).toBeGreaterThan(second.scores.champion);
    const moved = await waitFor('the API serves version 2', async () => {
      const r = await predictOnce(base);
      return r.body.version === '2' ? r.body : undefined;
    }, 30_000);
    expect(moved.predictions).toEqual([0]); // setosa, from the model trained on true labels
    expect((await getJson(`${base}/health/ready`)).body.version).toBe('2');
    expect(api.child.exitCode).toBeNull();

    // 4. A worse candidate is registered but the alias stays where it was.
    const third = await pipeline('worse');
    expect(third).toMatchObject({ version: '3', promoted: false, champion_version: '2' });
    expect(third.verdict).toMatch(/^did not beat version 2/);
    const registry = await python(REGISTRY, [], root, env);
    expect(registry.aliases).toEqual({ champion: '2' });
    expect(registry.tags['3']).toMatchObject({ promotion: expect.stringMatching(/^did not beat/) });
    // What the model says it needs is what the serving and the training images pin (mlflow as
    // mlflow-skinny): the API's environment here has the full mlflow, so this is where a missing
    // pin shows.
    const pins = (app: string) => readFileSync(join(project, 'apps', app, 'requirements.txt'), 'utf8').split('\n').filter((l) => /^[\w-]+==/.test(l));
    const needed = (registry.requirements as string[]).map((r) => r.replace(/^mlflow==/, 'mlflow-skinny=='));
    expect(needed.some((r) => r.startsWith('skops=='))).toBe(true);
    for (const app of ['inference-api', 'airflow']) expect(pins(app)).toEqual(expect.arrayContaining(needed));
    await new Promise((r) => setTimeout(r, 2_500)); // more than one poll
    expect((await predictOnce(base)).body.version).toBe('2');

    // 5. The Streamlit page, run by Streamlit's AppTest against the running API, shows the prediction.
    const page = await python(APPTEST, [join(project, 'apps', 'ui', 'streamlit_app.py')], join(project, 'apps', 'ui'), {
      ...env,
      INFERENCE_API_URL: base,
      PYTHONPATH: join(project, 'apps', 'ui'),
    });
    expect(page).toEqual({ success: ['Predicted class: setosa (model models:/iris-classifier@champion, version 2)'], error: [], exception: [] });

    // 6. Locust, headless, with the generated locustfile: no failures; LOG_LEVEL quiets its INFO lines.
    const csv = join(root, 'locust');
    const locust = await run(
      py,
      ['-m', 'locust', '-f', 'locustfile.py', '--headless', '-u', '5', '-r', '5', '-t', '10s', '--host', base, '--csv', csv, '--only-summary', '--exit-code-on-error', '1'],
      { cwd: join(project, 'apps', 'loadtest'), env: { ...env, LOG_LEVEL: 'WARNING' }, timeout: 90_000 },
    );
    expect(locust.stderr).not.toMatch(/\/INFO\//);
    const rows = readFileSync(`${csv}_stats.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));
    const head = rows[0] as string[];
    const col = (row: string[], name: string) => Number(row[head.indexOf(name)]);
    const predict = rows.find((r) => r[1] === '/predict') as string[];
    const total = rows.find((r) => r[1] === 'Aggregated') as string[];
    expect(col(predict, 'Request Count')).toBeGreaterThan(50);
    expect(col(total, 'Failure Count')).toBe(0);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(Number(/inference_requests_total\{endpoint="\/predict",status="200"\} ([0-9.e+]+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(col(predict, 'Request Count'));
    expect(metrics).toContain('inference_model_version 2.0');

    // 7. The registry goes away: the API keeps serving version 2, says why, and counts the failures.
    mlflow.stop();
    await waitFor('a failed registry poll is counted', async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return /inference_model_loads_total\{result="failure"\} [1-9]/.test(text) ? true : undefined;
    }, 30_000);
    expect((await predictOnce(base)).body).toMatchObject({ version: '2', predictions: [0] });
    const degraded = await getJson(`${base}/health/ready`);
    expect(degraded.status).toBe(200);
    expect(degraded.body.error).toBeTruthy();
    // Structured logs: one JSON object a line, the swap and the failure among them.
    const logs = api
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'INFO', logger: 'inference_api.model', message: 'serving model version 2', version: '2', previous: '1' }));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'ERROR', message: 'model load failed; still serving version 2' }));
  }, 600_000);

});
