/**
 * Problems found while reading sources or checking the model.
 *
 * Importers never throw on the first bad record: they report each problem with
 * the file, the place in it and a hint, and the build fails once, listing all.
 */
import pc from 'picocolors';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Source file the problem is in, relative to the sources folder (or project root). */
  file: string;
  /** Where in the file: `sheet!row`, `line N`, a JSON path (`$.catalog.groups[0]`). */
  place: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export class Problems {
  readonly list: Problem[] = [];

  error(file: string, place: string, message: string, hint?: string): void {
    this.list.push({ severity: 'error', file, place, message, ...(hint ? { hint } : {}) });
  }

  warning(file: string, place: string, message: string, hint?: string): void {
    this.list.push({ severity: 'warning', file, place, message, ...(hint ? { hint } : {}) });
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === 'error');
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  /** Throws a {@link ProblemsError} listing every error collected so far, if any. */
  throwIfErrors(stage: string): void {
    if (this.hasErrors) throw new ProblemsError(stage, this.errors);
  }
}

/** The one error a failed stage throws: every problem, each with file, place and hint. */
export class ProblemsError extends Error {
  readonly problems: Problem[];
  readonly stage: string;

  constructor(stage: string, problems: Problem[]) {
    super(formatProblems(stage, problems, { color: false }));
    this.name = 'ProblemsError';
    this.stage = stage;
    this.problems = problems;
  }
}

export function formatProblem(p: Problem, { color = false } = {}): string {
  const c = color ? pc : { red: id, yellow: id, bold: id, dim: id, cyan: id };
  const tag = p.severity === 'error' ? c.red('error') : c.yellow('warning');
  const where = c.bold(`${p.file}${p.place ? ` (${p.place})` : ''}`);
  const hint = p.hint ? `\n    ${c.cyan('hint:')} ${p.hint}` : '';
  return `  ${tag} ${where}: ${p.message}${hint}`;
}

export function formatProblems(stage: string, problems: Problem[], { color = false } = {}): string {
  const n = problems.length;
  const head = `${stage} failed with ${n} problem${n === 1 ? '' : 's'}:`;
  return [head, ...problems.map((p) => formatProblem(p, { color }))].join('\n');
}

function id(s: string): string {
  return s;
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidates to `wanted`, best first; empty when nothing is close. */
export function didYouMean(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const w = wanted.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  return [...candidates]
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

/** "did you mean X?" or an empty string. */
export function didYouMeanHint(wanted: string, candidates: Iterable<string>): string {
  const best = didYouMean(wanted, candidates);
  return best.length ? `did you mean ${best.map((b) => `"${b}"`).join(' or ')}?` : '';
}
