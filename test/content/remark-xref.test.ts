import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkXref } from '../../src/lib/content/remark-xref.ts';
import { resolveShorthand, xrefResolver } from '../../src/lib/content/xref.ts';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

async function mdx(model: Model, text: string) {
  const file = new VFile({ path: 'content/guides/example.mdx', value: text });
  return String(await compile(file, { remarkPlugins: [[remarkXref, { model: () => model, base: '/projects/iot/' }]] }));
}

describe('cross-references in the guides', () => {
  it('resolves controls, elements and capabilities however they are written', async () => {
    const resolve = xrefResolver(await buildMiniModel(tempDir()));
    expect(resolve('control', 'AC-2(1)')).toMatchObject({
      ok: true,
      target: { id: 'ac-2.1', label: 'AC-2(1)', href: 'controls/ac-2.1/' },
    });
    expect(resolve('element', 'doc-1.a.1.2')).toMatchObject({
      ok: true,
      target: { id: 'DOC-1.a.1.2', href: 'capabilities/doc-1/#doc-1.a.1.2' },
    });
    expect(resolve('capability', 'di-2')).toMatchObject({ ok: true, target: { id: 'DI-2', title: 'Physical Marks' } });
    expect(resolveShorthand(resolve, 'DI-1.2')).toMatchObject({ ok: true, target: { kind: 'element' } });
    expect(resolveShorthand(resolve, 'SC-8')).toMatchObject({ ok: true, target: { kind: 'control' } });
  });

  it('turns [[…]] into a link under the base path and accepts known component ids', async () => {
    const out = await mdx(await buildMiniModel(tempDir()), 'See [[AC-2(1)]] and <Control id="sc-8" />.\n');
    expect(out).toContain('href: "/projects/iot/controls/ac-2.1/"');
    expect(out).toContain('"AC-2(1)"');
  });

  it('stops on an unknown component id with the file, line, column and a "did you mean"', async () => {
    const model = await buildMiniModel(tempDir());
    const err = await mdx(model, 'First line.\n\nThen <Control id="sc-88" /> here.\n').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toContain('content/guides/example.mdx:3:6');
    expect((err as Error).message).toBe(
      '<Control id="sc-88">: no SP 800-53 control "sc-88"; did you mean "SC-28" or "SC-8" or "SC-99"?',
    );
  });

  it('stops on an unknown shorthand id at its column', async () => {
    const err = await mdx(await buildMiniModel(tempDir()), 'Text with [[DI-9.9]] in it.\n').catch((e: Error) => e);
    expect(String(err)).toContain('content/guides/example.mdx:1:11');
    expect((err as Error).message).toMatch(
      /^\[\[DI-9\.9\]\]: no control, element or capability "DI-9\.9"; did you mean "DI-1\.1"/,
    );
  });

  it('asks for a literal id', async () => {
    const err = await mdx(await buildMiniModel(tempDir()), '<Element id={someId} />\n').catch((e: Error) => e);
    expect((err as Error).message).toBe('<Element> needs a literal id="…" attribute');
  });
});
