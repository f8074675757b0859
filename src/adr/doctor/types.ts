// What the doctor's checks read and report.
import type { DoctorRule, Severity } from '../../core/doctor-rules.js';
import type { DriverCatalog, Tree } from '../../core/types.js';
import type { AdrRecord, AdrWizardBlock } from '../types.js';

export interface Finding {
  rule: DoctorRule;
  severity: Severity;
  number: number;
  /** Absolute path. */
  file: string;
  /** 1-based line in the file, when the finding has one (CI annotations point at it). */
  line?: number;
  message: string;
}

/**
 * What the checks and the repair read of a record: no text, so that a log of thousands of records
 * is held in little memory while it is checked. What needs the text (the warnings an ADR carries)
 * is checked as the record is read, into `advice`.
 */
export interface LogEntry extends Pick<AdrRecord, 'number' | 'file' | 'links' | 'status' | 'statusText' | 'style' | 'date' | 'problems'> {
  /** The line the status is written on, for an unknown status. */
  statusLine?: number;
  /**
   * Accepted records only: the decision they record, and the line of its `outcome:`. `drivers`
   * holds only the values some outcome's constraint fixes (all the conflict check reads of them).
   */
  wizard?: Pick<AdrWizardBlock, 'tree' | 'reviewed' | 'outcome' | 'drivers' | 'lang'> & { line?: number };
  /** advice-changed findings, made as the record was read. */
  advice?: Finding[];
}

/** Today's decision trees and drivers, as the checks about decisions compare records against. */
export interface DecisionData {
  trees: Map<string, Tree>;
  catalog: DriverCatalog;
  /** Drivers some outcome fixes for the decisions after it (`constrains.drivers`). */
  constrained: Set<string>;
}
