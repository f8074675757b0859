// Advice must not recommend retired or renamed products. Mentioning them is fine in negative
// consequences and warnings (e.g. "migrate off ingress-nginx"); recommending them is not.
import { itemText } from '../condition.js';
import type { Rule } from './rule.js';
import type { Text } from '../types.js';
import type { DocPath } from '../yaml-doc.js';

// `unless`: a text that also matches it is using the current name and mentions the old one as
// context ("SageMaker AI, formerly Amazon SageMaker").
export const RETIRED: readonly { pattern: RegExp; why: string; unless?: RegExp }[] = [
  {
    pattern: /kubernetes\/ingress-nginx|ingress-nginx\/ingress-nginx|registry\.k8s\.io\/ingress-nginx|helm (?:install|upgrade)[^\n]*\bingress-nginx\b/i,
    why: 'the community ingress-nginx controller is retired (March 2026); recommend Gateway API, the F5 NGINX Ingress Controller or the cloud load balancer controller',
  },
  { pattern: /google (?:cloud )?ai platform/i, why: 'Google AI Platform was shut down on 2025-01-31; it is Vertex AI (Gemini Enterprise Agent Platform) now' },
  { pattern: /\bbitnami\/(?!charts\b)[a-z0-9-]+/i, why: 'free Bitnami images moved to bitnamilegacy (2025-08-28) and get no updates' },
  { pattern: /\bminio\/minio\b/i, why: 'the MinIO community edition ships no images since October 2025 and is maintenance-only' },
  {
    pattern: /\bAmazon SageMaker\b(?! (?:AI|Unified|Studio|Catalog|Lakehouse|Data))/,
    why: 'the ML service is "Amazon SageMaker AI" since 2024-12-03; plain "Amazon SageMaker" now names the unified data and AI platform',
    unless: /SageMaker AI/,
  },
];

const texts = (text: Text | undefined): string[] => (text === undefined ? [] : typeof text === 'string' ? [text] : [text.en, text.es]);

export const retiredProduct: Rule = (ctx) => {
  const check = (text: Text | undefined, path: DocPath) => {
    for (const s of texts(text)) {
      const hit = RETIRED.find((r) => r.pattern.test(s) && !(r.unless?.test(s) ?? false));
      if (hit) {
        ctx.report(path, `recommends a retired product ("${hit.pattern.exec(s)?.[0] ?? ''}"): ${hit.why}`);
        return;
      }
    }
  };
  for (const o of Object.values(ctx.tree.outcomes)) {
    check(o.title, ['outcomes', o.id, 'title']);
    check(o.decision, ['outcomes', o.id, 'decision']);
    o.consequences.positive.forEach((p, i) => check(itemText(p), ['outcomes', o.id, 'consequences', 'positive', i]));
  }
};
