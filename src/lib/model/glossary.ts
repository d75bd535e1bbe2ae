/**
 * The glossary: for each term of catalog/glossary.yaml, the passage of the
 * imported draft that defines it: a list item "Term – …" or a sentence
 * "A term is …" / "Terms are …", the first in reading order. A term the
 * available text does not define is kept, marked as defined only in the full draft.
 */
import { parseYaml } from '../yaml-lines.ts';
import type { Problems } from '../problems.ts';
import { jsonPath } from '../sources/source-manifest.ts';
import { type GlossaryConfig, type GlossaryEntry, glossaryConfigSchema } from './schemas/glossary.ts';
import type { Guideline } from './schemas/guideline.ts';

export type { GlossaryConfig };

export function parseGlossaryConfig(text: string, file: string, problems: Problems): GlossaryConfig {
  const yaml = parseYaml(text, file, problems);
  if (!yaml) return { terms: [] };
  const { doc } = yaml;
  const parsed = glossaryConfigSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.error(
        file,
        jsonPath(i.path),
        i.message,
        'Each term needs "term" and "forms" (see the comment at the top of the file).',
      );
    return { terms: [] };
  }
  return parsed.data;
}

export const slugOfTerm = (term: string) =>
  term
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Sentences of a paragraph (a full stop, question or exclamation mark followed by a space and a capital). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.?!]["”’)]?)\s+(?=[A-Z“"(])/);
}

export function buildGlossary(config: GlossaryConfig, guideline: Guideline): GlossaryEntry[] {
  return config.terms.map(({ term, forms, defined }): GlossaryEntry => {
    const alternatives = [...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|');
    const listItem = new RegExp(`^(?:${alternatives})\\s*(?:[–—:]|-\\s)`, 'i');
    // "A term is …", "Terms are …", "Term refers to …", or an apposition "… terms, which are …".
    const sentence = defined
      ? new RegExp(`^(?:An?\\s+|The\\s+)?${escapeRe(defined)}`, 'i')
      : new RegExp(
          `^(?:An?\\s+|The\\s+)?(?:${alternatives})\\s+(?:is|are|refers to|means)\\b|\\b(?:${alternatives})\\s*,\\s*which (?:is|are)\\b`,
          'i',
        );
    for (const section of guideline.sections) {
      for (const block of section.blocks) {
        const lines = block.lines;
        const where = {
          section: section.id,
          ...(section.number ? { sectionNumber: section.number } : {}),
          block: block.id,
          page: block.page,
          ...(lines ? { lines } : {}),
        };
        if (block.kind === 'list') {
          const item = block.items.find((i) => listItem.test(i));
          if (item) return { term, slug: slugOfTerm(term), forms, definition: { text: item, ...where } };
        } else if (block.kind === 'paragraph' || block.kind === 'callout') {
          const s = sentences(block.text).find((x) => sentence.test(x));
          if (s) return { term, slug: slugOfTerm(term), forms, definition: { text: s, ...where } };
        }
      }
    }
    // Footnotes define terms too ("IoT product components are the parts necessary …").
    for (const note of guideline.footnotes) {
      const s = sentences(note.text).find((x) => sentence.test(x));
      const section =
        s &&
        guideline.sections.find((sec) =>
          sec.blocks.some((bl) => bl.kind !== 'figure' && (bl.footnoteRefs ?? []).includes(note.number)),
        );
      if (s && section)
        return {
          term,
          slug: slugOfTerm(term),
          forms,
          definition: {
            text: s,
            section: section.id,
            ...(section.number ? { sectionNumber: section.number } : {}),
            footnote: note.number,
            page: note.page,
          },
        };
    }
    return { term, slug: slugOfTerm(term), forms };
  });
}
