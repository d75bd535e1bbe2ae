/** The stored workspace: migrations from the earlier formats, and what is refused, in plain words. */
import { describe, expect, it } from 'vitest';
import { errorText, isSitePath, parseWorkspace, readBackup } from '../../src/lib/comments/comment-schema.ts';

/** A workspace exactly as the site stored it until format 3 (version 2), as found in a browser. */
const V2 = {
  version: 2,
  commenter: { name: 'A. Reader', organization: 'Agency X' },
  comments: [
    {
      id: 'a1',
      document: 'SP 800-213r1 ipd',
      section: '2.1',
      page: '5',
      lineStart: 140,
      lineEnd: 146,
      target: 's-2-1-p1',
      href: '/guidance/2/#s-2-1-p1',
      type: 'T',
      comment: 'One.',
      suggestion: '',
      created: '2026-11-01T10:00:00.000Z',
      updated: '2026-11-01T10:00:00.000Z',
    },
    {
      id: 'a2',
      document: 'SP 800-213A',
      section: 'DI-1',
      page: '',
      target: 'DI-1.1',
      href: 'javascript:alert(document.cookie)',
      type: 'E',
      comment: 'Two.',
      suggestion: 'Fix.',
      created: '2026-11-01T10:00:00.000Z',
      updated: '2026-11-01T10:00:00.000Z',
    },
  ],
};

const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return errorText(e, 10);
  }
  return 'no error';
};

describe('migrations', () => {
  it("reads a version 2 workspace (today's stored format): every comment kept, revision 1, a link out of the site dropped", () => {
    const s = parseWorkspace(V2);
    expect(s.version).toBe(3);
    expect(s.commenter).toEqual(V2.commenter);
    expect(s.comments).toEqual([
      { ...V2.comments[0], revision: 1 },
      {
        id: 'a2',
        document: 'SP 800-213A',
        section: 'DI-1',
        page: '',
        target: 'DI-1.1',
        type: 'E',
        comment: 'Two.',
        suggestion: 'Fix.',
        created: '2026-11-01T10:00:00.000Z',
        updated: '2026-11-01T10:00:00.000Z',
        revision: 1,
      },
    ]);
  });

  it('reads a version 1 workspace (one commenter string, lines as text)', () => {
    const v1 = {
      version: 1,
      commenter: 'A. Reader / Agency X',
      comments: [{ ...V2.comments[0], lineStart: undefined, lineEnd: undefined, lines: '12-15' }],
    };
    const s = parseWorkspace(JSON.parse(JSON.stringify(v1)));
    expect(s.commenter).toEqual({ name: 'A. Reader', organization: 'Agency X' });
    expect(s.comments[0]).toMatchObject({ id: 'a1', lineStart: 12, lineEnd: 15, revision: 1 });
  });

  it('says plainly that a newer format is newer, and never guesses', () => {
    expect(message(() => parseWorkspace({ version: 9, comments: [] }))).toBe(
      'These comments were saved by a newer version of this site (format version 9; this page reads up to version 3).',
    );
  });
});

describe('what is refused, and how it is said', () => {
  it.each([
    [
      '{"comments":[null]}',
      'This is not a comment workspace: it has no "version" field (a backup exported from /comments/ has one).',
    ],
    [
      '{"version":3,"commenter":{"name":"","organization":""},"comments":[null]}',
      'The comments are not in the expected shape. comment 1 (comments[0]): expected object, found null.',
    ],
    [
      '{"version":2,"comments":[]}',
      'The comments (format version 2) are not in the expected shape. field "commenter": expected object, found undefined.',
    ],
    [
      '{"version":3,"commenter":{"name":"","organization":""},"comments":"abc"}',
      'The comments are not in the expected shape. field "comments": expected array, found string.',
    ],
    ['{"version":"x"}', 'This is not a comment workspace: "version" is "x", not a version number.'],
    ['[1,2]', 'This is not a comment workspace: expected a JSON object with "version", "commenter" and "comments".'],
    ['{"version":3,', 'This file is not valid JSON'],
  ])('%s', (text, expected) => {
    expect(message(() => readBackup(text))).toContain(expected);
  });

  it('names the record and the field of each wrong comment', () => {
    const bad = {
      ...V2,
      version: 3,
      comments: [
        { ...V2.comments[0], revision: 1 },
        { ...V2.comments[0], id: 'b', type: 'Z', lineStart: 0, href: 'javascript:alert(1)', revision: 1 },
      ],
    };
    expect(message(() => parseWorkspace(bad))).toBe(
      'The comments are not in the expected shape. comment 2 (comments[1]), field "lineStart" (starting line): not a line number (1 or more). comment 2 (comments[1]), field "href" (link): not a link inside this site. comment 2 (comments[1]), field "type": not E, G or T.',
    );
  });

  it('a link is a path inside this site, under its base', () => {
    for (const ok of ['/guidance/2/#s-2-1-p1', '/capabilities/di-1/#di-1.1']) expect(isSitePath(ok)).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      ' /x',
      'data:text/html,x',
      '/x\njavascript:',
    ])
      expect(isSitePath(bad), bad).toBe(false);
    expect(isSitePath('/projects/iot/guidance/1/', '/projects/iot/')).toBe(true);
    expect(isSitePath('/other/', '/projects/iot/')).toBe(false);
  });
});
