import { describe, expect, it } from 'vitest';
import { titleExtraWords, titleTier, titleWithoutId } from '../../src/lib/site/title-rank.ts';

describe('title tiers of search results', () => {
  it('strips the record id from a title', () => {
    expect(titleWithoutId('AC-2(7) Privileged User Accounts')).toBe('Privileged User Accounts');
    expect(titleWithoutId('CSA-6 Audit Log Storage & Retention')).toBe('Audit Log Storage & Retention');
    expect(titleWithoutId('DOC-1.a.2 Something')).toBe('Something');
    expect(titleWithoutId('Baselines')).toBe('Baselines');
  });

  it("ranks a readers' term above the exact title, above a title holding the phrase, above the rest", () => {
    expect(titleTier('firmware update', 'SU Software Update', ['firmware update', 'OTA'])).toBe(3);
    expect(titleTier('account management', 'AC-2 Account Management')).toBe(2);
    expect(titleTier('Account  Management', 'AC-2(1) Automated System Account Management')).toBe(1);
    expect(titleTier('audit log', 'CSA-6 Audit Log Storage & Retention')).toBe(1);
    expect(titleTier('audit log', 'AU-5(5) Alternate Audit Logging Capability')).toBe(0);
    expect(titleTier('management account', 'AC-2 Account Management')).toBe(0);
    expect(titleTier('flaw remediation', 'SI-2(3) Time to Remediate Flaws and Benchmarks for Corrective Actions')).toBe(
      0,
    );
  });

  it('reads a plural as its singular', () => {
    expect(titleTier('system backups', 'CP-9 System Backup')).toBe(2);
  });

  it('counts the words a title holds beside the query, its id aside, to rank the closest title first', () => {
    expect(titleExtraWords('infusion pump', 'Connected infusion pump')).toBe(1);
    expect(titleExtraWords('infusion pump', 'Connected infusion pump: high impact')).toBe(3);
    expect(titleExtraWords('account management', 'AC-2 Account Management')).toBe(0);
    expect(titleExtraWords('system backups', 'CP-9 System Backup')).toBe(0);
  });
});
