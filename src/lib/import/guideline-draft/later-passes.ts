/**
 * Stage 5, the later passes over the draft sections, once every event is
 * read: split lists joined (lists.ts), section numbers and levels (printed
 * ones kept, unnumbered body headings inferred), and the comment fields
 * taken out of the front matter.
 */
import { squash } from '../../text.ts';
import { mergeSplitLists } from './lists.ts';
import { normalizeText } from './text-rules.ts';
import type { DraftSection, GuidelineDocument, Warn } from './types.ts';

/** Runs the passes in order; `fm` receives the comment fields. */
export function runLaterPasses(sections: DraftSection[], fm: GuidelineDocument['frontMatter'], warn: Warn): void {
  mergeSplitLists(sections);
  inferNumbers(sections, warn);
  takeCommentFields(sections, fm);
}

/** Numbers and levels: printed ones kept, unnumbered body headings inferred as level 2 of their chapter. */
export function inferNumbers(sections: DraftSection[], warn: Warn): void {
  let chapter: string | undefined;
  let level2 = 0;
  let currentL2: string | undefined;
  let previousLevel = 0;
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k]!;
    if (s.frontMatter) {
      s.level = 1;
      continue;
    }
    if (s.printedNumber) {
      const parts = s.printedNumber.split('.');
      s.level = parts.length;
      if (parts.length === 1) {
        chapter = parts[0];
        level2 = 0;
        currentL2 = undefined;
      } else if (parts.length === 2) {
        level2 = Number(parts[1]);
        currentL2 = s.printedNumber;
      } else {
        const parent = parts.slice(0, 2).join('.');
        if (parts[0] !== chapter)
          warn(s.sourceLine, `Heading ${s.printedNumber} is not in chapter ${chapter ?? '(none)'}.`);
        else if (currentL2 !== parent) {
          const guess = sections.find((x) => x.inferredNumber && x.inferredNumber === currentL2);
          warn(
            s.sourceLine,
            `Heading ${s.printedNumber} follows section ${currentL2 ?? `${chapter}`}${guess ? ` ("${guess.title}", number inferred)` : ''}, not ${parent}.`,
            'Check the inferred numbers of the unnumbered headings before it.',
          );
          level2 = Number(parts[1]);
          currentL2 = parent;
        }
      }
      previousLevel = s.level;
      continue;
    }
    if (s.appendix || s.tocLevel === 1) {
      // An appendix numbers its subsections A.1, A.2…; References and the like have none.
      s.level = 1;
      chapter = s.appendix;
      level2 = 0;
      currentL2 = undefined;
      previousLevel = 1;
      continue;
    }
    if (!chapter) {
      s.level = 1;
      warn(
        s.sourceLine,
        `The unnumbered heading "${s.title}" is outside any numbered chapter; it is taken as a level-1 section without a number.`,
      );
      previousLevel = 1;
      continue;
    }
    level2 += 1;
    const number = `${chapter}.${level2}`;
    s.level = 2;
    s.inferredNumber = number;
    currentL2 = number;
    if (previousLevel === 3) {
      const previous = sections[k - 1]!;
      const sibling = previous.printedNumber
        ? previous.printedNumber.replace(/\d+$/, (n) => String(Number(n) + 1))
        : undefined;
      warn(
        s.sourceLine,
        `The heading "${s.title}" has no number and follows a level-3 section${previous.printedNumber ? ` (${previous.printedNumber})` : ''}: it is taken as ${number}, but it could be ${sibling ?? 'a level-3 section'}.`,
        'Unnumbered headings in this conversion are level-2 ones (the table of contents lists levels 1 and 3 only); check the PDF.',
      );
    }
    previousLevel = 2;
  }
}

/** Comment period, e-mail and postal address, out of their front-matter sections into `fm`. */
export function takeCommentFields(sections: DraftSection[], fm: GuidelineDocument['frontMatter']): void {
  for (const s of sections) {
    if (!s.frontMatter) continue;
    const key = s.title.toLowerCase();
    if (key === 'public comment period') {
      const k = s.blocks.findIndex((b) => b.kind === 'paragraph' && /^\S.*?\s[–—-]\s\S.*\d{4}$/.test(squash(b.text)));
      if (k >= 0 && !fm.commentPeriod) {
        const [start, end] = squash(s.blocks[k]!.text).split(/\s[–—-]\s/) as [string, string];
        fm.commentPeriod = { start, end };
        s.blocks.splice(k, 1);
      }
    }
    if (key === 'submit comments') {
      const k = s.blocks.findIndex(
        (b) => b.kind === 'paragraph' && /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(squash(b.text)),
      );
      if (k >= 0 && !fm.commentEmail) {
        fm.commentEmail = squash(s.blocks[k]!.text);
        s.blocks.splice(k, 1);
        // The rest of the section is the postal address, one printed line per source line.
        const address: string[] = [];
        while (s.blocks[k]?.kind === 'paragraph') {
          address.push(...s.blocks[k]!.rawLines.map(normalizeText));
          s.blocks.splice(k, 1);
        }
        if (address.length) fm.commentAddress = address.join('\n');
      }
    }
  }
}
