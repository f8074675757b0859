// The text of a link to another ADR, as each style writes it. One function for the links a new
// record writes and the ones an edit adds, so that a log's links all look alike.
import { basename } from 'node:path';
import { classifyFileName, numberedName } from './file-names.js';
import type { AdrStyle } from './types.js';

interface LinkTarget {
  number: number;
  title: string;
  /** The target's file name (a path is cut to its base name). */
  file: string;
}


/**
 * adr-tools: `N. Title` (`Title` for a dated target), kept by MADR 3 and 4 (whose templates show no link form). MADR 2:
 * `ADR-0005`, the number as the target's file name writes it. log4brains: the target's slug (its
 * file name without `.md`), and so MADR 2 for a dated target.
 */
export function linkText(style: AdrStyle, target: LinkTarget): string {
  if (style === 'madr2' || style === 'log4brains') {
    const name = basename(target.file);
    const numbered = style === 'madr2' ? numberedName(name) : undefined;
    return numbered ? `ADR-${numbered.digits}` : name.replace(/\.md$/i, '');
  }
  // Brackets would end the link text early; line breaks would split the line.
  const title = target.title.replace(/[\r\n[\]]+/g, ' ');
  // A dated (log4brains) target's number is its place in the listing, not its name: the title says it.
  return classifyFileName(basename(target.file)).kind === 'dated' ? title : `${target.number}. ${title}`;
}
