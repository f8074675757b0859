// The only module that imports @inquirer/prompts, and only when a prompt is actually shown, so
// commands that never prompt do not pay for loading it.
import type { Lang } from '../../core/types.js';
import {
  BACK,
  type Back,
  type CheckboxQuestion,
  type ConfirmQuestion,
  type InputQuestion,
  type Prompter,
  type SelectQuestion,
} from './types.js';

type Inquirer = typeof import('@inquirer/prompts');

const KEY_WORDS: Record<Lang, Record<string, string>> = {
  en: {},
  es: { navigate: 'moverse', select: 'elegir', submit: 'aceptar', all: 'todas', invert: 'invertir' },
};

const WORDS: Record<Lang, { back: string; yes: string; no: string; required: string }> = {
  en: { back: '← back (change the previous answer)', yes: 'Yes', no: 'No', required: 'Pick at least one.' },
  es: { back: '← volver (cambiar la respuesta anterior)', yes: 'Sí', no: 'No', required: 'Hay que elegir al menos una.' },
};

export class InquirerPrompter implements Prompter {
  private lib?: Inquirer;

  constructor(private readonly lang: Lang = 'en') {}

  private async load(): Promise<Inquirer> {
    this.lib ??= await import('@inquirer/prompts');
    return this.lib;
  }

  private theme() {
    const words = KEY_WORDS[this.lang];
    return {
      style: {
        keysHelpTip: (keys: [string, string][]) =>
          keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(' • '),
      },
    };
  }

  select<T>(q: SelectQuestion<T> & { back: true }): Promise<T | Back>;
  select<T>(q: SelectQuestion<T>): Promise<T>;
  async select<T>(q: SelectQuestion<T>): Promise<T | Back> {
    const { select, Separator } = await this.load();
    // Indices as values: the caller's values may be anything, and BACK must never collide.
    const choices: (InstanceType<typeof Separator> | { value: number; name: string; description?: string })[] =
      q.choices.map((c, i) => ({ value: i, name: c.name, description: c.description }));
    if (q.back) choices.push(new Separator(), { value: -1, name: WORDS[this.lang].back });
    const defaultIndex = q.default === undefined ? undefined : q.choices.findIndex((c) => c.value === q.default);
    const picked = await select<number>({
      message: q.message,
      choices,
      default: defaultIndex !== undefined && defaultIndex >= 0 ? defaultIndex : undefined,
      pageSize: 12,
      loop: false,
      theme: this.theme(),
    });
    if (picked === -1) return BACK;
    return q.choices[picked]!.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    const { checkbox } = await this.load();
    const picked = await checkbox<number>({
      message: q.message,
      choices: q.choices.map((c, i) => ({ value: i, name: c.name, description: c.description, checked: c.checked })),
      required: q.required,
      validate: q.required ? (items) => (items.length > 0 ? true : WORDS[this.lang].required) : undefined,
      pageSize: 12,
      loop: false,
      theme: this.theme(),
    });
    return picked.map((i) => q.choices[i]!.value);
  }

  // A yes/no select rather than inquirer's confirm: "y/N" reads oddly in Spanish and a typed "s"
  // would be taken as no.
  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const w = WORDS[this.lang];
    return this.select({
      id: q.id,
      message: q.message,
      choices: [
        { value: true, name: w.yes },
        { value: false, name: w.no },
      ],
      default: q.default ?? true,
    });
  }

  async input(q: InputQuestion): Promise<string> {
    const { input } = await this.load();
    return input({ message: q.message, default: q.default, validate: q.validate });
  }
}
