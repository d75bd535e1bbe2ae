/**
 * The search relevance benchmark's queries: what a reader types, and the pages
 * that answer it (any one of them counts; a page is matched without its #anchor).
 * Written down before any of them was run against the search, and not to be
 * tuned to the results: change a query or its pages only for a reason stated here.
 *
 * `kind`: `word` queries are held to "no withdrawn control in the top 5";
 * `id` queries name a record and must put it first.
 */
export interface RelevanceQuery {
  query: string;
  kind: 'word' | 'id';
  /** Site paths (no base, no anchor) any of which answers the query. */
  expect: string[];
  /** Why these pages. */
  why: string;
}

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // The reader queries of issue 13 that failed.
  {
    query: 'firmware update',
    kind: 'word',
    expect: ['capabilities/su/', 'capabilities/su-1/', 'capabilities/su-2/'],
    why: 'SP 800-213A says "software update"; firmware is software',
  },
  {
    query: 'secure boot',
    kind: 'word',
    expect: ['capabilities/ds-4/', 'controls/si-7.9/'],
    why: 'device integrity of the operating environment; SP 800-53 Verify Boot Process',
  },
  {
    query: 'factory reset',
    kind: 'word',
    expect: ['capabilities/dc-5/'],
    why: 'DC-5.2: restore the device to a secure configuration',
  },
  {
    query: 'rollback',
    kind: 'word',
    expect: ['capabilities/su/', 'capabilities/su-1/', 'capabilities/su-2/', 'controls/cm-2.3/'],
    why: 'going back to an earlier software version is part of updating; CM-2(3) retains previous configurations',
  },
  {
    query: 'software bill of materials',
    kind: 'word',
    expect: ['capabilities/doc-3/', 'capabilities/di-2/', 'controls/cm-8/'],
    why: 'documenting software components (DOC-3), identifying loaded software (DI-2.3), component inventory',
  },
  {
    query: 'audit log',
    kind: 'word',
    expect: ['capabilities/csa-6/', 'capabilities/csa-4/'],
    why: 'audit log storage and retention; log capture',
  },
  // Device capabilities, in readers' words.
  {
    query: 'over the air update',
    kind: 'word',
    expect: ['capabilities/su/', 'capabilities/su-1/', 'capabilities/su-2/'],
    why: 'remote software update (SU-2.1)',
  },
  {
    query: 'default password',
    kind: 'word',
    expect: ['capabilities/la-1/', 'capabilities/la-2/', 'capabilities/dc-2/', 'controls/ia-5/', 'controls/ia-5.1/'],
    why: 'authentication configuration and authenticator management',
  },
  {
    query: 'password',
    kind: 'word',
    expect: ['capabilities/la-1/', 'capabilities/la-2/', 'controls/ia-5/', 'controls/ia-5.1/'],
    why: 'authentication support; authenticator management',
  },
  {
    query: 'encryption at rest',
    kind: 'word',
    expect: ['capabilities/dp-3/', 'controls/sc-28/', 'controls/sc-28.1/'],
    why: 'secure storage; protection of information at rest',
  },
  {
    query: 'data in transit',
    kind: 'word',
    expect: ['capabilities/dp-4/', 'controls/sc-8/', 'controls/sc-8.1/'],
    why: 'secure transmission',
  },
  {
    query: 'key management',
    kind: 'word',
    expect: ['capabilities/dp-2/', 'controls/sc-12/'],
    why: 'cryptographic key management',
  },
  {
    query: 'digital signature',
    kind: 'word',
    expect: ['capabilities/dp-1/', 'capabilities/su-1/', 'capabilities/su-2/'],
    why: 'verify digital signatures (DP-1.3), verified updates',
  },
  {
    query: 'unique identifier',
    kind: 'word',
    expect: ['capabilities/di/', 'capabilities/di-1/', 'capabilities/di-4/'],
    why: 'identifier management support; physical identifiers',
  },
  {
    query: 'device authentication',
    kind: 'word',
    expect: ['capabilities/di-3/', 'controls/ia-3/'],
    why: 'device authentication support; Device Identification and Authentication',
  },
  {
    query: 'multi-factor authentication',
    kind: 'word',
    expect: ['controls/ia-2.1/', 'controls/ia-2.2/', 'controls/ia-2/', 'capabilities/la-1/'],
    why: 'IA-2 enhancements on multi-factor authentication',
  },
  {
    query: 'login banner',
    kind: 'word',
    expect: ['capabilities/la-3/', 'controls/ac-8/'],
    why: 'system use notification',
  },
  {
    query: 'least privilege',
    kind: 'word',
    expect: ['controls/ac-6/', 'capabilities/la-6/'],
    why: 'the control of that name; LA-6.5',
  },
  {
    query: 'account management',
    kind: 'word',
    expect: ['controls/ac-2/', 'capabilities/la-6/'],
    why: 'the control of that name; user accounts',
  },
  {
    query: 'remote access',
    kind: 'word',
    expect: ['controls/ac-17/', 'capabilities/la-9/'],
    why: 'the control of that name; LA-9.1 remote access requirements',
  },
  {
    query: 'disable unused ports',
    kind: 'word',
    expect: ['capabilities/la-9/', 'capabilities/ds-5/', 'controls/cm-7/'],
    why: 'disable unnecessary interfaces (LA-9.3), least functionality',
  },
  {
    query: 'time synchronization',
    kind: 'word',
    expect: ['capabilities/csa-7/', 'controls/sc-45/', 'controls/au-8/'],
    why: 'reliable time; system time synchronization',
  },
  {
    query: 'monitor network traffic',
    kind: 'word',
    expect: ['capabilities/csa-2/', 'controls/si-4/'],
    why: 'CSA-2.6 monitor communications traffic; system monitoring',
  },
  {
    query: 'malware',
    kind: 'word',
    expect: ['controls/si-3/', 'capabilities/csa-2/', 'capabilities/csa-3/'],
    why: 'malicious code protection; unapproved content',
  },
  {
    query: 'fail secure',
    kind: 'word',
    expect: ['capabilities/ds-5/', 'controls/sc-24/'],
    why: 'DS-5.5 fail in a secure state; fail in known state',
  },
  {
    query: 'wipe device data',
    kind: 'word',
    expect: ['capabilities/dp-3/', 'controls/mp-6/', 'capabilities/edu-2/'],
    why: 'sanitize or purge data (DP-3.3); media sanitization; disposal',
  },
  { query: 'flaw remediation', kind: 'word', expect: ['controls/si-2/'], why: 'the control of that name' },
  // Manufacturer (non-technical) capabilities.
  {
    query: 'vulnerability disclosure',
    kind: 'word',
    expect: ['capabilities/iqr/', 'capabilities/iqr-1/', 'capabilities/dis-1/', 'capabilities/dis-2/'],
    why: 'receiving vulnerability information; alerting customers',
  },
  {
    query: 'end of support',
    kind: 'word',
    expect: ['capabilities/dis-1/', 'capabilities/doc-4/'],
    why: 'DIS-1.b.1 unsupported IoT device; maintenance requirements',
  },
  {
    query: 'customer support',
    kind: 'word',
    expect: ['capabilities/iqr-2/', 'capabilities/iqr/'],
    why: 'responding to customer queries',
  },
  {
    query: 'backup',
    kind: 'word',
    expect: ['capabilities/edu-5/', 'controls/cp-9/'],
    why: 'training on backing up device data; system backup',
  },
  {
    query: 'customer training',
    kind: 'word',
    expect: ['capabilities/edu-4/', 'capabilities/edu/', 'capabilities/edu-1/'],
    why: 'education and awareness from manufacturers',
  },
  // The draft, the site's own pages.
  {
    query: 'what is an iot product',
    kind: 'word',
    expect: ['guidance/2/', 'glossary/'],
    why: 'section 2.1 of the draft; the defined term',
  },
  {
    query: 'companion application',
    kind: 'word',
    expect: ['glossary/', 'guidance/2/'],
    why: 'a defined term of the draft',
  },
  {
    query: 'how to comment on the draft',
    kind: 'word',
    expect: ['guides/commenting-on-the-draft/', 'comments/'],
    why: 'the guide and the comment workspace',
  },
  {
    query: 'contract clauses',
    kind: 'word',
    expect: ['guides/from-product-type-to-contract-clauses/', 'products/'],
    why: 'the guide on procurement text',
  },
  { query: 'infusion pump', kind: 'word', expect: ['products/connected-infusion-pump/'], why: 'the product type' },
  { query: 'smart meter', kind: 'word', expect: ['products/smart-electricity-meter/'], why: 'the product type' },
  { query: 'low baseline', kind: 'word', expect: ['baselines/'], why: 'the baselines page' },
  { query: 'oscal download', kind: 'word', expect: ['downloads/'], why: 'the downloads page' },
  // Ids.
  { query: 'IA-3', kind: 'id', expect: ['controls/ia-3/'], why: 'a control id' },
  { query: 'ac 2(7)', kind: 'id', expect: ['controls/ac-2.7/'], why: 'an enhancement id, typed loosely' },
  { query: 'DI-1.3', kind: 'id', expect: ['capabilities/di-1/'], why: 'an element id (on its sub-capability page)' },
];
