// YAML text for generated manifests: stable key order as built, no line folding (long
// annotations and URLs stay on one line), a comment header where a file needs to say why.
import { stringify } from 'yaml';

export function yamlDoc(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0 });
}

export function yamlDocs(values: unknown[], header?: string): string {
  const head = header ? `${header.split('\n').map((l) => (l === '' ? '#' : `# ${l}`)).join('\n')}\n` : '';
  return head + values.map((v) => `---\n${yamlDoc(v)}`).join('');
}
