/** Collects a repeatable option (`--set a=b --set c=d`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
