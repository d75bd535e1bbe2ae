/**
 * What a comment can be on, and what kind of comment it is: the one list the comment buttons, the form,
 * the /comments/ filters, the stored schema, document order and the template import all read. Imports
 * nothing, so that pages, browser scripts and Node share it.
 */

/** The draft guideline (its paragraphs, lists, callouts and NIST's questions to reviewers). */
export const GUIDELINE_DOCUMENT = 'SP 800-213r1 ipd';
/** The catalog (capabilities, elements, and the product requirements drawn from it). */
export const CATALOG_DOCUMENT = 'SP 800-213A';

/** The documents a comment can be on, in reading order (new comments go into this order). */
export const COMMENT_DOCUMENTS = [GUIDELINE_DOCUMENT, CATALOG_DOCUMENT] as const;
export type CommentDocument = (typeof COMMENT_DOCUMENTS)[number];

export function isCommentDocument(s: string): s is CommentDocument {
  return (COMMENT_DOCUMENTS as readonly string[]).includes(s);
}

/** NIST's comment types: the template's code and its name. */
export const COMMENT_TYPES = { E: 'Editorial', G: 'General', T: 'Technical' } as const;
export type CommentType = keyof typeof COMMENT_TYPES;
export const COMMENT_TYPE_CODES = Object.keys(COMMENT_TYPES) as [CommentType, ...CommentType[]];

/** The type the form starts with. */
export const FORM_COMMENT_TYPE: CommentType = 'T';
/** The type of an imported row that names none (a row the import refuses anyway, so that its other problems are said). */
export const IMPORT_COMMENT_TYPE: CommentType = 'G';

/** "E, G or T" */
export const COMMENT_TYPE_LIST = `${COMMENT_TYPE_CODES.slice(0, -1).join(', ')} or ${COMMENT_TYPE_CODES.at(-1)}`;
/** "SP 800-213r1 ipd or SP 800-213A" */
export const COMMENT_DOCUMENT_LIST = `${COMMENT_DOCUMENTS.slice(0, -1).join(', ')} or ${COMMENT_DOCUMENTS.at(-1)}`;

/** A type as a template cell gives it: its code or its name, in any case ("t", "Technical"). */
export function commentTypeOf(cell: string): CommentType | undefined {
  const s = cell.trim().toLowerCase();
  return COMMENT_TYPE_CODES.find((k) => k.toLowerCase() === s || COMMENT_TYPES[k].toLowerCase() === s);
}
