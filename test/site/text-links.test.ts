import { describe, expect, it } from 'vitest';
import { type LinkRule, linkText } from '../../src/lib/site/text-links.ts';

const rules: LinkRule[] = [
  { kind: 'citation', pattern: /\[(\d+)\]/, resolve: (m) => ({ href: `#ref-${m[1]}` }) },
  {
    kind: 'control',
    pattern: /\b([A-Z]{2})-(\d+)\b/,
    resolve: (m) => (m[1] === 'AC' ? { href: `/controls/ac-${m[2]}/` } : undefined),
  },
  {
    kind: 'glossary',
    pattern: /\bIoT products?\b/,
    resolve: () => ({ href: '/glossary/#iot-product', key: 'iot-product' }),
  },
  {
    kind: 'glossary',
    pattern: /\bIoT product components?\b/,
    resolve: () => ({ href: '/glossary/#iot-product-component', key: 'iot-product-component' }),
  },
];

describe('links in running text', () => {
  it('links citations and known control ids, and leaves unknown ones as text', () => {
    expect(linkText('See AC-2 and ZZ-9 [7].', rules, new Set())).toEqual([
      { text: 'See ' },
      { text: 'AC-2', href: '/controls/ac-2/', kind: 'control' },
      { text: ' and ZZ-9 ' },
      { text: '[7]', href: '#ref-7', kind: 'citation' },
      { text: '.' },
    ]);
  });

  it('links a glossary term only at its first use on the page, preferring the longest term', () => {
    const used = new Set<string>();
    expect(linkText('An IoT product component is part of an IoT product.', rules, used)).toEqual([
      { text: 'An ' },
      { text: 'IoT product component', href: '/glossary/#iot-product-component', kind: 'glossary' },
      { text: ' is part of an ' },
      { text: 'IoT product', href: '/glossary/#iot-product', kind: 'glossary' },
      { text: '.' },
    ]);
    expect(linkText('More IoT products.', rules, used)).toEqual([{ text: 'More IoT products.' }]);
  });

  it('returns plain text untouched', () => {
    expect(linkText('Nothing to link here', rules, new Set())).toEqual([{ text: 'Nothing to link here' }]);
  });
});
