// The ADR log as adr-wizard reads it, whatever tool wrote each file.

export const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number] | 'unknown';
export type AdrStyle = 'madr' | 'nygard' | 'log4brains';

interface AdrLink {
  /** As written ("Supersedes", "Superseded by", "Amends", ...). */
  type: string;
  number: number;
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
  date?: string;
  /** Absolute path. */
  file: string;
  links: AdrLink[];
  style: AdrStyle;
  deciders?: string[];
  wizard?: AdrWizardBlock;
  /** The whole file as read. */
  body: string;
  /** Things that could not be read (front matter that does not parse, ...); doctor reports them. */
  problems?: string[];
}
