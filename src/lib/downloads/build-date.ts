/**
 * The date stamped into the downloads (OSCAL last-modified, the created and
 * modified dates of DOCX and XLSX files, their zip entries). SOURCE_DATE_EPOCH
 * (seconds since 1970, the reproducible-builds convention) fixes it, so that
 * two builds of the same sources give the same bytes; unset, it is now.
 */
import { ProblemsError } from '../problems.ts';

/** Zip entries carry MS-DOS dates, which start in 1980. */
const EARLIEST = Date.UTC(1980, 0, 1) / 1000;

export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return new Date(Math.floor(Date.now() / 1000) * 1000);
  if (!/^\d+$/.test(raw) || Number(raw) < EARLIEST) {
    throw new ProblemsError('Reading the build date', [
      {
        severity: 'error',
        file: 'SOURCE_DATE_EPOCH',
        place: 'environment variable',
        message: `"${raw}" is not a whole number of seconds since 1970 on or after 1980-01-01`,
        hint: 'Set it to the time of the last commit, SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it to stamp the time of the build.',
      },
    ]);
  }
  return new Date(Number(raw) * 1000);
}

/** The date as OSCAL and Office documents write it: 2026-06-30T00:00:00Z. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
