// The ADR log as adr-wizard reads it, whatever tool wrote each file.

export const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
/**
 * `none`: no status is written and the format makes it optional (MADR 2, 3 and 4); `unknown`: a
 * status is written but it is none of the five words (or a Nygard file has no status at all).
 */
export type AdrStatus = (typeof ADR_STATUSES)[number] | 'none' | 'unknown';

/**
 * How a file is written: adr-tools / Nygard (`## Status` section), MADR 2 (`* Status:` bullets),
 * MADR 3 (front matter, `deciders`), MADR 4 (front matter, `decision-makers`), log4brains
 * (`- Status:` bullets, `YYYYMMDD-slug.md` names).
 */
export const ADR_STYLES = ['nygard', 'madr2', 'madr3', 'madr4', 'log4brains'] as const;
export type AdrStyle = (typeof ADR_STYLES)[number];

/** Where a file writes its status, so that an edit changes it there and nowhere else. */
export type StatusPlace = 'front-matter' | 'bullet' | 'section';

/** Something in one file that doctor reports, under the rule that names it. */
export interface AdrProblem {
  rule: 'unreadable' | 'broken-link' | 'missing-status' | 'title-number' | 'wizard-block';
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** broken-link: the file name the link names. */
  target?: string;
}

interface AdrLink {
  /** As written ("Supersedes", "Superseded by", "Amends", ...). */
  type: string;
  number: number;
  /** The target's file name, when the link names a file that is in the log (it tells duplicates apart). */
  target?: string;
}

/** What `revisit` needs to re-run a decision: the `adr-wizard` front-matter block. */
export interface AdrWizardBlock {
  tree: string;
  reviewed: string;
  outcome: string;
  drivers: Record<string, string>;
  assumed: string[];
  lang?: string;
}

export interface AdrRecord {
  number: number;
  title: string;
  /** Normalised; the text as written is in statusText. */
  status: AdrStatus;
  statusText: string;
  /** Where the status is written; absent when the file writes none. */
  statusAt?: StatusPlace;
  date?: string;
  /** Absolute path. */
  file: string;
  links: AdrLink[];
  style: AdrStyle;
  deciders?: string[];
  /** MADR / log4brains `tags` as written (front matter list, or a `Tags:` bullet split on commas and spaces). */
  tags: string[];
  wizard?: AdrWizardBlock;
  /** The whole file as read. */
  body: string;
  /** Things that could not be read (front matter that does not parse, ...); doctor reports them. */
  problems?: AdrProblem[];
}
