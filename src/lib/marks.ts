/**
 * Quote-mark characters, shared by every stage that looks at them. These are script-level punctuation, the same in
 * every language; which marks pair with which, and which open a quote in a given language, is pack data
 * (LanguagePack.quotePairs, symmetricQuotes, dialogueDashes).
 */

/** Characters that can be quote marks (apostrophes included: pairing decides). */
export const QUOTE_CHARS = new Set(['«', '»', '“', '”', '„', '‟', '‹', '›', '"', '‘', '’', '‚', "'"]);

/** Marks that can open a quote. */
export const OPENING_MARK = /[«“„‹"‘]/;
/** Marks that can close a quote. */
export const CLOSING_MARK = /[»”"’›“]/;
/** Any double quote mark, in a character class ready for a larger pattern. */
export const DOUBLE_MARKS = '«»“”„"‹›';
