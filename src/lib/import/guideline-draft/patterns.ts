/** The patterns and limits the importer's stages share. */

/** Characters per printed body line, for the line estimates. */
export const CHARS_PER_LINE = 95;
/** A converted line at least this long is a wrapped (full-width) printed line. */
export const LONG_LINE = 60;
/** Callout boxes are narrower than the text: their hard-wrapped lines are shorter than this. */
export const CALLOUT_MAX_LINE = 95;
/** Longest unnumbered heading the heuristics accept. */
export const HEADING_MAX = 80;

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const MONTH_YEAR = new RegExp(`^(?:${MONTHS}) \\d{4}$`);
/** `NIST SP 800-213r1 ipd (Initial Public Draft) June 2026`, glued to the end of a line. */
export const HEADER_GENERIC = new RegExp(
  `\\s*\\bNIST\\s+[A-Z]{2,5}\\s+\\d[\\w.-]*(?:\\s+[a-z]{2,5})?\\s+\\([^()]+\\)\\s+(?:${MONTHS})\\s+\\d{4}\\s*$`,
);

/** Front-matter headings of the NIST technical series template. */
export const FRONT_MATTER_HEADINGS = new Set(
  [
    'Authority',
    'NIST Technical Series Policies',
    'Publication History',
    'How to Cite this NIST Technical Series Publication',
    'Author ORCID iDs',
    'Contact Information',
    'Public Comment Period',
    'Submit Comments',
    'Additional Information',
    'Abstract',
    'Keywords',
    'Reports on Computer Systems Technology',
    'Supplemental Content',
    'Audience',
    'Trademark Information',
    'Note to Reviewers',
    'Call for Patent Claims',
    'Patent Disclosure Notice',
    'Executive Summary',
    'Preface',
    'Table of Contents',
    'List of Figures',
    'List of Tables',
    'Acknowledgments',
    'Acknowledgements',
  ].map((h) => h.toLowerCase()),
);
export const LIST_SECTIONS = new Set(['table of contents', 'list of figures', 'list of tables']);

/** Short words that title case leaves in lower case. */
export const MINOR_WORDS = new Set(
  'a an and as at be but by for from in into is nor of on or per the to than that this via vs with its are can'.split(
    ' ',
  ),
);

export const CALLOUT_START = /^(Details|Consider|Note|Example|Tip|Caution|Warning)\s*:\s+(\S.*)$/;
export const BULLET = /^[•●▪◦‣∙]\s*(\S.*)$/;
export const ORDERED_ITEM = /^(\d{1,2}|[a-z]|[ivx]{1,5})([.)])\s+(\S.*)$/;
export const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;
export const TOC_LINE = /^(.*?\S)\s*\.{3,}\s*(\d+|[ivxlc]+)\s*$/i;
/** The start of a new TOC / List of Figures entry (a line without one is a wrapped title). */
export const TOC_ENTRY_START = /^(?:Figure\s+\d+|Table\s+\d+|\d+(?:\.\d+)*\.?\s|Appendix\s+[A-Z]\b)/;
export const FIGURE_CAPTION = /^Figure\s+(\d+)\s*(?:[–—-]|:)\s*(\S.*)$/;
export const CITATION = /\[(\d+)\]/g;
