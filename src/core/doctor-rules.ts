// The rules of `adr-wizard doctor` and their default severities: a public contract (CI settings,
// `.adr-wizard.yaml` and docs/adr.md name them). Here, in core, because both the configuration
// reader (io) and the checks (adr) need the list, and io may not import adr.

export const DOCTOR_RULES = {
  'duplicate-number': 'error',
  'broken-link': 'error',
  unreadable: 'error',
  'wizard-block': 'error',
  'title-number': 'warning',
  'unknown-status': 'warning',
  'missing-status': 'info',
  'mixed-naming': 'info',
  'stale-tree': 'warning',
  'advice-changed': 'warning',
  conflict: 'warning',
} as const satisfies Record<string, Severity>;

export type DoctorRule = keyof typeof DOCTOR_RULES;

/** How much a finding matters: only errors fail a run. */
export type Severity = 'error' | 'warning' | 'info';

/** What a configuration may set a rule to: a severity, or `off` to drop its findings. */
export const RULE_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export function isDoctorRule(id: string): id is DoctorRule {
  return Object.hasOwn(DOCTOR_RULES, id);
}
