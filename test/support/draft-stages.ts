/**
 * Runs the draft importer's stages one by one over the stage fixtures
 * (test/fixtures/guideline-draft/stages/), written for these tests. Most
 * fixtures are a body only: pages, their furniture and their text, read from
 * the first line with the fixtures' running header.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { walkEvents } from '../../src/lib/import/guideline-draft/block-events.ts';
import { readBody } from '../../src/lib/import/guideline-draft/page-furniture.ts';
import type { Event, PageRec, Walk, Warn } from '../../src/lib/import/guideline-draft/types.ts';

export const STAGE_HEADER = 'NIST SP 900-9 ipd (Initial Public Draft) May 2032';

const folder = fileURLToPath(new URL('../fixtures/guideline-draft/stages/', import.meta.url));

export function stageFixture(name: string): { markdown: string; lines: string[] } {
  const markdown = readFileSync(`${folder}${name}.md`, 'utf8');
  return { markdown, lines: markdown.split(/\r?\n/) };
}

/** A warn function that records `line N: message` strings. */
export function recorder(): { warn: Warn; warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (line, message) => warnings.push(`line ${line}: ${message}`) };
}

/** 1-based line of the first line holding `snippet`. */
export function lineOf(markdown: string, snippet: string): number {
  const index = markdown.split('\n').findIndex((line) => line.includes(snippet));
  if (index < 0) throw new Error(`fixture has no line with "${snippet}"`);
  return index + 1;
}

/** Stage 2 over a body fixture. */
export function bodyOf(name: string): { markdown: string; events: Event[]; pages: PageRec[]; warnings: string[] } {
  const { markdown, lines } = stageFixture(name);
  const { warn, warnings } = recorder();
  return { markdown, ...readBody(lines, 0, STAGE_HEADER, warn), warnings };
}

/** Stages 2 and 3 over a body fixture; `warnings` holds stage 3's alone. */
export function walkOf(name: string): { markdown: string; walk: Walk; pages: PageRec[]; warnings: string[] } {
  const { markdown, events, pages } = bodyOf(name);
  const { warn, warnings } = recorder();
  return { markdown, walk: walkEvents(events, pages, warn), pages, warnings };
}

/** 1-based line of the first line that is exactly `text` (surrounding spaces aside). */
export function lineIs(markdown: string, text: string): number {
  const index = markdown.split('\n').findIndex((line) => line.trim() === text);
  if (index < 0) throw new Error(`fixture has no line "${text}"`);
  return index + 1;
}
