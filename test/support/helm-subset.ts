// A renderer for a SMALL, documented subset of Helm's template language, used to prove that the
// generated charts render to valid objects on machines without a `helm` binary. Anything outside
// the subset is an error (never silently ignored), so a chart cannot drift into syntax this
// renderer would get wrong.
//
// The subset (see docs/deploy.md):
//   text, {{ pipeline }}, trim markers {{- and -}}, comments {{/* ... */}}
//   {{ if PIPELINE }} ... {{ else }} ... {{ end }}
//   {{ range $k, $v := PIPELINE }} / {{ range $v := PIPELINE }} / {{ range PIPELINE }} ... {{ end }}
//     (maps iterate in sorted key order, as in Helm)
//   {{ define "name" }} ... {{ end }} in templates/_*.tpl, and {{ include "name" ARG }}
//   {{ $var := PIPELINE }}; $ (root), . (dot), .Values.a.b, $var.a.b, ( sub-pipeline ), p1 | p2
//   .Release.Name .Release.Namespace .Release.Service, .Chart.Name .Chart.Version .Chart.AppVersion,
//   .Files.Get "path"
//   functions: include toYaml nindent indent quote default required printf trunc trimSuffix
//              dict eq ne not and or
// Stricter than Helm on purpose: reading a field of a missing value, printing a missing value,
// an unknown function or keyword (with, template, block, tpl, lookup, else if, ...) all throw.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import AjvModule from 'ajv';
import { parse as parseYaml, parseAllDocuments, stringify } from 'yaml';

type Value = unknown;

export class HelmSubsetError extends Error {}

// ---------------------------------------------------------------- lexing the template text

type Piece = { kind: 'text'; text: string } | { kind: 'action'; src: string; line: number };

function lexTemplate(source: string, file: string): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  let trimNextText = false;
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    let text = open === -1 ? source.slice(pos) : source.slice(pos, open);
    if (trimNextText) text = text.replace(/^\s+/, '');
    trimNextText = false;
    if (open === -1) {
      pieces.push({ kind: 'text', text });
      break;
    }
    const close = source.indexOf('}}', open + 2);
    if (close === -1) throw new HelmSubsetError(`${file}: unclosed {{`);
    let inner = source.slice(open + 2, close);
    if (inner.startsWith('- ') || inner === '-' || inner.startsWith('-\n')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    } else if (inner.startsWith('-')) {
      throw new HelmSubsetError(`${file}: "{{-" must be followed by a space`);
    }
    if (inner.endsWith(' -') || inner.endsWith('\n-')) {
      trimNextText = true;
      inner = inner.slice(0, -1);
    }
    pieces.push({ kind: 'text', text });
    const line = source.slice(0, open).split('\n').length;
    const trimmed = inner.trim();
    if (trimmed.startsWith('/*')) {
      if (!trimmed.endsWith('*/')) throw new HelmSubsetError(`${file}:${line}: a comment must end with */ before }}`);
    } else {
      pieces.push({ kind: 'action', src: trimmed, line });
    }
    pos = close + 2;
  }
  return pieces.filter((p) => p.kind === 'action' || p.text !== '');
}

// ---------------------------------------------------------------- lexing and parsing actions

type Tok =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'field'; path: string[] } // .a.b ; [] is "."
  | { t: 'var'; name: string; path: string[] } // $x.a ; name "" is $
  | { t: 'ident'; v: string }
  | { t: 'op'; v: ':=' | '|' | '(' | ')' | ',' };

function lexAction(src: string, where: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const ident = /[A-Za-z_][A-Za-z0-9_]*/y;
  const readPath = (): string[] => {
    const path: string[] = [];
    while (src[i] === '.') {
      ident.lastIndex = i + 1;
      const m = ident.exec(src);
      if (!m) break;
      path.push(m[0]);
      i = ident.lastIndex;
    }
    return path;
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          s += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
          j += 2;
        } else s += src[j++];
      }
      if (src[j] !== '"') throw new HelmSubsetError(`${where}: unterminated string`);
      toks.push({ t: 'str', v: s });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j === -1) throw new HelmSubsetError(`${where}: unterminated raw string`);
      toks.push({ t: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (/[0-9-]/.test(c) && /^-?[0-9]/.test(src.slice(i))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(src.slice(i)) as RegExpExecArray;
      toks.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (src.startsWith(':=', i)) {
      toks.push({ t: 'op', v: ':=' });
      i += 2;
    } else if (c === '|' || c === '(' || c === ')' || c === ',') {
      toks.push({ t: 'op', v: c });
      i++;
    } else if (c === '.') {
      const path = readPath();
      if (path.length === 0) i++;
      toks.push({ t: 'field', path });
    } else if (c === '$') {
      ident.lastIndex = i + 1;
      const m = ident.exec(src);
      const name = m ? m[0] : '';
      i = m ? ident.lastIndex : i + 1;
      toks.push({ t: 'var', name, path: readPath() });
    } else {
      ident.lastIndex = i;
      const m = ident.exec(src);
      if (!m) throw new HelmSubsetError(`${where}: unexpected "${c}" (outside the supported subset)`);
      i = ident.lastIndex;
      if (m[0] === 'true' || m[0] === 'false') toks.push({ t: 'bool', v: m[0] === 'true' });
      else if (m[0] === 'nil') throw new HelmSubsetError(`${where}: nil is outside the supported subset`);
      else toks.push({ t: 'ident', v: m[0] });
    }
  }
  return toks;
}

type Operand =
  | { k: 'lit'; v: Value }
  | { k: 'field'; path: string[] }
  | { k: 'var'; name: string; path: string[] }
  | { k: 'fn'; name: string }
  | { k: 'sub'; pipe: Pipeline };
type Command = Operand[];
interface Pipeline {
  decl?: string[];
  cmds: Command[];
  where: string;
}

export const FUNCTIONS = [
  'include',
  'toYaml',
  'nindent',
  'indent',
  'quote',
  'default',
  'required',
  'printf',
  'trunc',
  'trimSuffix',
  'dict',
  'eq',
  'ne',
  'not',
  'and',
  'or',
] as const;

function parsePipeline(toks: Tok[], where: string, allowDecl: 'single' | 'range' | 'none'): Pipeline {
  let pos = 0;
  let decl: string[] | undefined;
  // $a := ... or $k, $v := ...
  const declEnd = toks.findIndex((t) => t.t === 'op' && t.v === ':=');
  if (declEnd !== -1) {
    if (allowDecl === 'none') throw new HelmSubsetError(`${where}: variable declaration not allowed here`);
    const names: string[] = [];
    for (let j = 0; j < declEnd; j++) {
      const t = toks[j] as Tok;
      if (t.t === 'var' && t.path.length === 0 && t.name !== '') names.push(t.name);
      else if (!(t.t === 'op' && t.v === ',')) throw new HelmSubsetError(`${where}: bad variable declaration`);
    }
    if (names.length === 0 || names.length > (allowDecl === 'range' ? 2 : 1)) {
      throw new HelmSubsetError(`${where}: bad variable declaration`);
    }
    decl = names;
    pos = declEnd + 1;
  }
  const parseCmds = (stopAtParen: boolean): Command[] => {
    const cmds: Command[] = [];
    let cmd: Command = [];
    while (pos < toks.length) {
      const t = toks[pos] as Tok;
      if (t.t === 'op' && t.v === ')') {
        if (!stopAtParen) throw new HelmSubsetError(`${where}: unbalanced )`);
        break;
      }
      pos++;
      if (t.t === 'op' && t.v === '|') {
        if (cmd.length === 0) throw new HelmSubsetError(`${where}: empty command before |`);
        cmds.push(cmd);
        cmd = [];
      } else if (t.t === 'op' && t.v === '(') {
        const inner = parseCmds(true);
        if (toks[pos]?.t !== 'op' || (toks[pos] as { v: string }).v !== ')') throw new HelmSubsetError(`${where}: missing )`);
        pos++;
        cmd.push({ k: 'sub', pipe: { cmds: inner, where } });
      } else if (t.t === 'str' || t.t === 'num' || t.t === 'bool') cmd.push({ k: 'lit', v: t.v });
      else if (t.t === 'field') cmd.push({ k: 'field', path: t.path });
      else if (t.t === 'var') cmd.push({ k: 'var', name: t.name, path: t.path });
      else if (t.t === 'ident') {
        if (!(FUNCTIONS as readonly string[]).includes(t.v)) {
          throw new HelmSubsetError(`${where}: "${t.v}" is outside the supported subset`);
        }
        cmd.push({ k: 'fn', name: t.v });
      } else throw new HelmSubsetError(`${where}: unexpected token`);
    }
    if (cmd.length === 0) throw new HelmSubsetError(`${where}: empty pipeline`);
    cmds.push(cmd);
    return cmds;
  };
  const cmds = parseCmds(false);
  return { decl, cmds, where };
}

type Node =
  | { n: 'text'; text: string }
  | { n: 'out'; pipe: Pipeline }
  | { n: 'set'; pipe: Pipeline }
  | { n: 'if'; cond: Pipeline; then: Node[]; else: Node[] }
  | { n: 'range'; pipe: Pipeline; body: Node[]; else: Node[] };

interface Parsed {
  nodes: Node[];
  defines: Map<string, Node[]>;
}

function parseTemplate(source: string, file: string): Parsed {
  const pieces = lexTemplate(source, file);
  const defines = new Map<string, Node[]>();
  let i = 0;
  const parseBlock = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (i < pieces.length) {
      const p = pieces[i++] as Piece;
      if (p.kind === 'text') {
        nodes.push({ n: 'text', text: p.text });
        continue;
      }
      const where = `${file}:${p.line}`;
      const word = /^[a-z]+/.exec(p.src)?.[0] ?? '';
      const rest = p.src.slice(word.length);
      if (word === 'end' || word === 'else') {
        if (rest.trim() !== '') throw new HelmSubsetError(`${where}: "${p.src}" is outside the supported subset`);
        if (!terminators.includes(word)) throw new HelmSubsetError(`${where}: unexpected {{ ${word} }}`);
        return { nodes, end: word };
      }
      if (word === 'if') {
        const cond = parsePipeline(lexAction(rest, where), where, 'none');
        const then = parseBlock(['else', 'end']);
        const other = then.end === 'else' ? parseBlock(['end']).nodes : [];
        nodes.push({ n: 'if', cond, then: then.nodes, else: other });
      } else if (word === 'range') {
        const pipe = parsePipeline(lexAction(rest, where), where, 'range');
        const body = parseBlock(['else', 'end']);
        const other = body.end === 'else' ? parseBlock(['end']).nodes : [];
        nodes.push({ n: 'range', pipe, body: body.nodes, else: other });
      } else if (word === 'define') {
        if (terminators.length > 0) throw new HelmSubsetError(`${where}: define must be at the top level`);
        const m = /^\s*"([^"]+)"\s*$/.exec(rest);
        if (!m) throw new HelmSubsetError(`${where}: define needs one quoted name`);
        const body = parseBlock(['end']);
        defines.set(m[1] as string, body.nodes);
      } else if (['with', 'template', 'block', 'break', 'continue'].includes(word) && /^\s/.test(rest)) {
        throw new HelmSubsetError(`${where}: "${word}" is outside the supported subset`);
      } else {
        const pipe = parsePipeline(lexAction(p.src, where), where, 'single');
        nodes.push(pipe.decl ? { n: 'set', pipe } : { n: 'out', pipe });
      }
    }
    if (terminators.length > 0) throw new HelmSubsetError(`${file}: missing {{ end }}`);
    return { nodes, end: '' };
  };
  const { nodes } = parseBlock([]);
  return { nodes, defines };
}

// ---------------------------------------------------------------- evaluation

function truthy(v: Value): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function isMap(v: Value): v is Record<string, Value> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function toText(v: Value, where: string): string {
  if (v === undefined || v === null) throw new HelmSubsetError(`${where}: renders a missing value`);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new HelmSubsetError(`${where}: renders a map or list without toYaml`);
}

function indentLines(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

function printf(where: string, format: Value, ...args: Value[]): string {
  let k = 0;
  return String(format).replace(/%([sdvq%])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    const a = args[k++];
    if (verb === 'q') return JSON.stringify(toText(a, where));
    if (verb === 'd' && typeof a !== 'number') throw new HelmSubsetError(`${where}: %d of a non-number`);
    return toText(a, where);
  });
}

interface Scope {
  vars: Map<string, Value>;
  parent?: Scope;
}

function lookupVar(scope: Scope, name: string, where: string): Value {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name);
  throw new HelmSubsetError(`${where}: undefined variable $${name}`);
}

function walkPath(v: Value, path: string[], where: string): Value {
  let cur = v;
  for (const key of path) {
    if (!isMap(cur)) throw new HelmSubsetError(`${where}: cannot read .${key} of a ${cur === undefined ? 'missing value' : typeof cur}`);
    cur = Object.hasOwn(cur, key) ? cur[key] : undefined;
  }
  return cur;
}

export interface RenderContext {
  defines: Map<string, Node[]>;
  files: (path: string) => string;
}

class Evaluator {
  constructor(private readonly ctx: RenderContext) {}

  runNodes(nodes: Node[], dot: Value, scope: Scope): string {
    let out = '';
    for (const node of nodes) {
      switch (node.n) {
        case 'text':
          out += node.text;
          break;
        case 'out':
          out += toText(this.pipe(node.pipe, dot, scope), node.pipe.where);
          break;
        case 'set':
          scope.vars.set(node.pipe.decl?.[0] as string, this.pipe(node.pipe, dot, scope));
          break;
        case 'if':
          out += truthy(this.pipe(node.cond, dot, scope))
            ? this.runNodes(node.then, dot, { vars: new Map(), parent: scope })
            : this.runNodes(node.else, dot, { vars: new Map(), parent: scope });
          break;
        case 'range': {
          const coll = this.pipe(node.pipe, dot, scope);
          const entries: [Value, Value][] = Array.isArray(coll)
            ? coll.map((v, i) => [i, v])
            : isMap(coll)
              ? Object.keys(coll)
                  .sort()
                  .map((k) => [k, coll[k]])
              : coll === undefined || coll === null
                ? []
                : (() => {
                    throw new HelmSubsetError(`${node.pipe.where}: range over a ${typeof coll}`);
                  })();
          if (entries.length === 0) {
            out += this.runNodes(node.else, dot, { vars: new Map(), parent: scope });
            break;
          }
          for (const [k, v] of entries) {
            const vars = new Map<string, Value>();
            const decl = node.pipe.decl ?? [];
            if (decl.length === 1) vars.set(decl[0] as string, v);
            if (decl.length === 2) {
              vars.set(decl[0] as string, k);
              vars.set(decl[1] as string, v);
            }
            out += this.runNodes(node.body, v, { vars, parent: scope });
          }
          break;
        }
      }
    }
    return out;
  }

  pipe(p: Pipeline, dot: Value, scope: Scope): Value {
    let value: Value;
    let first = true;
    for (const cmd of p.cmds) {
      value = this.command(cmd, dot, scope, p.where, first ? undefined : { v: value });
      first = false;
    }
    return value;
  }

  operand(o: Operand, dot: Value, scope: Scope, where: string): Value {
    switch (o.k) {
      case 'lit':
        return o.v;
      case 'field':
        return walkPath(dot, o.path, where);
      case 'var':
        return walkPath(o.name === '' ? lookupVar(scope, '$', where) : lookupVar(scope, o.name, where), o.path, where);
      case 'sub':
        return this.pipe(o.pipe, dot, scope);
      case 'fn':
        throw new HelmSubsetError(`${where}: function ${o.name} used as a value`);
    }
  }

  command(cmd: Command, dot: Value, scope: Scope, where: string, piped?: { v: Value }): Value {
    const head = cmd[0] as Operand;
    // .Files.Get "path" is a method call in Helm.
    if (head.k === 'field' && head.path.join('.') === 'Files.Get') {
      const args = cmd.slice(1).map((a) => this.operand(a, dot, scope, where));
      if (piped) args.push(piped.v);
      if (args.length !== 1 || typeof args[0] !== 'string') throw new HelmSubsetError(`${where}: .Files.Get takes one path`);
      return this.ctx.files(args[0]);
    }
    if (head.k !== 'fn') {
      if (cmd.length > 1 || piped) throw new HelmSubsetError(`${where}: a value cannot take arguments`);
      return this.operand(head, dot, scope, where);
    }
    const args = cmd.slice(1).map((a) => this.operand(a, dot, scope, where));
    if (piped) args.push(piped.v);
    return this.call(head.name, args, where);
  }

  call(name: string, a: Value[], where: string): Value {
    const arity = (n: number) => {
      if (a.length !== n) throw new HelmSubsetError(`${where}: ${name} takes ${n} arguments, got ${a.length}`);
    };
    switch (name) {
      case 'include': {
        arity(2);
        const body = this.ctx.defines.get(String(a[0]));
        if (!body) throw new HelmSubsetError(`${where}: no template named "${String(a[0])}"`);
        return this.runNodes(body, a[1], { vars: new Map([['$', a[1]]]) });
      }
      case 'toYaml':
        arity(1);
        return a[0] === undefined ? 'null' : stringify(a[0], { lineWidth: 0 }).replace(/\n$/, '');
      case 'nindent':
        arity(2);
        return `\n${indentLines(toText(a[1], where), Number(a[0]))}`;
      case 'indent':
        arity(2);
        return indentLines(toText(a[1], where), Number(a[0]));
      case 'quote':
        arity(1);
        return JSON.stringify(toText(a[0], where));
      case 'default':
        arity(2);
        return truthy(a[1]) ? a[1] : a[0];
      case 'required':
        arity(2);
        if (a[1] === undefined || a[1] === null || a[1] === '') throw new HelmSubsetError(`required: ${String(a[0])}`);
        return a[1];
      case 'printf':
        if (a.length < 1) throw new HelmSubsetError(`${where}: printf needs a format`);
        return printf(where, a[0], ...a.slice(1));
      case 'trunc': {
        arity(2);
        return toText(a[1], where).slice(0, Number(a[0]));
      }
      case 'trimSuffix': {
        arity(2);
        const s = toText(a[1], where);
        const suffix = String(a[0]);
        return suffix !== '' && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
      }
      case 'dict': {
        if (a.length % 2 !== 0) throw new HelmSubsetError(`${where}: dict needs key/value pairs`);
        const out: Record<string, Value> = {};
        for (let i = 0; i < a.length; i += 2) out[String(a[i])] = a[i + 1];
        return out;
      }
      case 'eq':
        arity(2);
        return a[0] === a[1];
      case 'ne':
        arity(2);
        return a[0] !== a[1];
      case 'not':
        arity(1);
        return !truthy(a[0]);
      case 'and':
        return a.every(truthy);
      case 'or':
        return a.some(truthy);
    }
    throw new HelmSubsetError(`${where}: "${name}" is outside the supported subset`);
  }
}

// ---------------------------------------------------------------- charts

/** Helm's values merge: maps merge recursively, anything else (lists included) replaces. */
export function mergeValues(base: Value, over: Value): Value {
  if (isMap(base) && isMap(over)) {
    const out: Record<string, Value> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergeValues(out[k], v) : v;
    return out;
  }
  return over;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

export interface RenderOptions {
  releaseName: string;
  namespace?: string;
  valuesFiles?: string[];
  values?: Record<string, Value>;
}

export interface RenderedChart {
  /** Template path (relative to the chart) -> rendered text. */
  manifests: Map<string, string>;
  notes: string;
  objects: Record<string, unknown>[];
  values: Record<string, Value>;
}

const AjvCtor = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (opts: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};

/** Validates values against the chart's values.schema.json, as `helm install/template` does. */
export function schemaProblems(chartDir: string, values: unknown): string[] {
  const schemaFile = join(chartDir, 'values.schema.json');
  if (!existsSync(schemaFile)) return [];
  const validate = new AjvCtor({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (validate(values)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

export function renderChart(chartDir: string, options: RenderOptions): RenderedChart {
  const chart = parseYaml(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;
  if (chart.apiVersion !== 'v2') throw new HelmSubsetError('Chart.yaml: apiVersion must be v2');
  let values = (parseYaml(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) ?? {}) as Value;
  for (const f of options.valuesFiles ?? []) values = mergeValues(values, parseYaml(readFileSync(f, 'utf8')) ?? {});
  if (options.values) values = mergeValues(values, options.values);
  const problems = schemaProblems(chartDir, values);
  if (problems.length > 0) throw new HelmSubsetError(`values do not match values.schema.json: ${problems.join('; ')}`);
  const root = {
    Values: values,
    Release: { Name: options.releaseName, Namespace: options.namespace ?? 'default', Service: 'Helm', IsInstall: true, IsUpgrade: false },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion, Description: chart.description, Type: chart.type },
  };
  const templatesDir = join(chartDir, 'templates');
  const files = listFiles(templatesDir).sort();
  const defines = new Map<string, Node[]>();
  const parsed = new Map<string, Parsed>();
  for (const f of files) {
    const rel = relative(chartDir, f);
    const p = parseTemplate(readFileSync(f, 'utf8'), rel);
    for (const [k, v] of p.defines) {
      if (defines.has(k)) throw new HelmSubsetError(`${rel}: template "${k}" defined twice`);
      defines.set(k, v);
    }
    parsed.set(rel, p);
  }
  const evaluator = new Evaluator({
    defines,
    files: (path) => {
      const abs = join(chartDir, path);
      if (!abs.startsWith(chartDir) || !existsSync(abs)) throw new HelmSubsetError(`.Files.Get: no file ${path}`);
      return readFileSync(abs, 'utf8');
    },
  });
  const manifests = new Map<string, string>();
  let notes = '';
  for (const [rel, p] of parsed) {
    const base = rel.split('/').pop() as string;
    if (base.startsWith('_')) {
      if (p.nodes.some((n) => n.n !== 'text' || n.text.trim() !== '')) {
        throw new HelmSubsetError(`${rel}: a partial may only hold defines`);
      }
      continue;
    }
    const text = evaluator.runNodes(p.nodes, root, { vars: new Map([['$', root]]) });
    if (base === 'NOTES.txt') notes = text;
    else manifests.set(rel, text);
  }
  const objects: Record<string, unknown>[] = [];
  for (const [rel, text] of manifests) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) throw new HelmSubsetError(`${rel}: rendered YAML does not parse: ${doc.errors[0]?.message}\n${text}`);
      const o = doc.toJS() as unknown;
      if (o !== null && o !== undefined) objects.push(o as Record<string, unknown>);
    }
  }
  return { manifests, notes, objects, values: values as Record<string, Value> };
}
