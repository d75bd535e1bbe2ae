/**
 * remark plugin for the project's guides: checks every cross-reference
 * component (`<Control id>`, `<Element id>`, `<Capability id>`, `<Section n>`)
 * against the model, and turns the shorthand `[[AC-2(7)]]` into a link. An
 * unknown id stops the build with the file, line and column, and a "did you mean".
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Model } from '../model/schemas/model.ts';
import { resolveShorthand, type XrefKind, type XrefResult, xrefResolver } from './xref.ts';

const COMPONENTS: Record<string, { kind: XrefKind; attr: string }> = {
  Control: { kind: 'control', attr: 'id' },
  Element: { kind: 'element', attr: 'id' },
  Capability: { kind: 'capability', attr: 'id' },
  Section: { kind: 'section', attr: 'n' },
};

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  position?: Text['position'];
}

function message(result: Exclude<XrefResult, { ok: true }>): string {
  return `${result.message}${result.suggestions.length ? `; did you mean ${result.suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}`;
}

export interface RemarkXrefOptions {
  /** The model to resolve against (read lazily, and awaited: the plugin is configured before the model exists). */
  model: () => Model | Promise<Model>;
  /** The site base path for shorthand links. */
  base: string;
}

export function remarkXref(options: RemarkXrefOptions) {
  return async (tree: Root, file: VFile) => {
    const resolve = xrefResolver(await options.model());
    visit(tree, (node) => {
      const type: string = node.type;
      if (type !== 'mdxJsxFlowElement' && type !== 'mdxJsxTextElement') return;
      const jsx = node as unknown as JsxNode;
      const spec = jsx.name ? COMPONENTS[jsx.name] : undefined;
      if (!spec) return;
      const attr = jsx.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === spec.attr);
      if (!attr || typeof attr.value !== 'string') {
        file.fail(`<${jsx.name}> needs a literal ${spec.attr}="…" attribute`, jsx.position);
      }
      const result = resolve(spec.kind, attr!.value as string);
      if (!result.ok)
        file.fail(`<${jsx.name} ${spec.attr}="${String(attr!.value)}">: ${message(result)}`, jsx.position);
    });
    // The parser may split "[[AC-2]]" over several text nodes (brackets are link syntax): join neighbours first.
    visit(tree, (node) => {
      const children = (node as { children?: { type: string; value?: string; position?: Text['position'] }[] })
        .children;
      if (!children) return;
      for (let i = children.length - 1; i > 0; i--) {
        const [a, b] = [children[i - 1]!, children[i]!];
        if (a.type === 'text' && b.type === 'text') {
          a.value = `${a.value}${b.value}`;
          if (a.position && b.position) a.position.end = b.position.end;
          children.splice(i, 1);
        }
      }
    });
    visit(tree, 'text', (node: Text, index, parent) => {
      if (
        !parent ||
        index === undefined ||
        !node.value.includes('[[') ||
        parent.type === 'link' ||
        parent.type === 'linkReference'
      )
        return;
      const parts: (Text | { type: 'link'; url: string; title: string; children: Text[] })[] = [];
      let last = 0;
      for (const m of node.value.matchAll(/\[\[([^\]]+)\]\]/g)) {
        const result = resolveShorthand(resolve, m[1]!);
        if (!result.ok) {
          const start = node.position?.start;
          const at = start ? { line: start.line, column: start.column + m.index! } : undefined;
          file.fail(`[[${m[1]}]]: ${message(result)}`, at ? { start: at, end: at } : node.position);
        }
        const t = (result as Extract<XrefResult, { ok: true }>).target;
        if (m.index! > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        parts.push({
          type: 'link',
          url: t.external ? t.href : `${options.base}${t.href}`,
          title: t.title,
          children: [{ type: 'text', value: t.label }],
        });
        last = m.index! + m[0].length;
      }
      if (!parts.length) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...(parts as Text[]));
      return index + parts.length;
    });
  };
}
