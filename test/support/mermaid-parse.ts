// Mermaid's own parser, without a browser: mermaid 11 runs under jsdom for parsing (not layout).
// Gives the exact syntax error a renderer would hit, in about 25 ms a diagram after set-up.

type MermaidApi = {
  initialize(config: Record<string, unknown>): void;
  parse(text: string, options?: { suppressErrors?: boolean }): Promise<unknown>;
};

let ready: Promise<MermaidApi> | undefined;

function setUp(): Promise<MermaidApi> {
  ready ??= (async () => {
    // jsdom ships no types of its own; only its constructor is used here.
    const jsdomName = 'jsdom';
    const { JSDOM } = (await import(jsdomName)) as {
      JSDOM: new (html: string, options: Record<string, unknown>) => { window: unknown };
    };
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as Record<string, unknown>;
    for (const key of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser']) {
      if (g[key] === undefined) {
        Object.defineProperty(globalThis, key, {
          value: (dom.window as unknown as Record<string, unknown>)[key],
          configurable: true,
          writable: true,
        });
      }
    }
    const mod = (await import('mermaid')) as unknown as { default: MermaidApi };
    const mermaid = mod.default;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  })();
  return ready;
}

/** Parses Mermaid source; resolves to undefined when valid, or the parser's error message. */
export async function mermaidSyntaxError(source: string): Promise<string | undefined> {
  const mermaid = await setUp();
  try {
    await mermaid.parse(source);
    return undefined;
  } catch (err: unknown) {
    return err instanceof Error ? err.message : String(err);
  }
}
