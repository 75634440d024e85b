/**
 * DOM → text blocks. Browser-safe (walks plain DOM nodes). A block is a paragraph, heading, list item, block quote,
 * preformatted text, caption or table cell; blocks nested in blocks are split out, and loose text between them
 * (`<div>text<br><br>text</div>`) becomes blocks of its own, so no words are lost and paragraph breaks are kept.
 */

/** Elements whose text is one block. */
const BLOCK = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'TD', 'TH', 'CAPTION',
]);
/** Elements that break the flow of text without being a block themselves. */
const BREAK = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD',
  'TFOOT', 'TR', 'FIGURE', 'FORM', 'FIELDSET', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);
/** Elements whose content is never text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface Block {
  text: string;
  /** Characters of the block that sit inside links: high link density marks navigation, not prose. */
  linkChars: number;
}

class Collector {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  private linkChars = 0;

  add(text: string, inLink: boolean): void {
    // Line breaks in the source are layout, not text: only <br> makes a "\n".
    this.parts.push(text.replace(/\s+/g, ' '));
    if (inLink) this.linkChars += text.replace(/\s+/g, '').length;
  }

  /** A `<br>`: a line break inside the block; two in a row end the block. */
  lineBreak(): void {
    const last = this.parts[this.parts.length - 1];
    if (last === '\n') {
      this.parts.pop();
      this.flush();
    } else if (this.parts.length > 0) this.parts.push('\n');
  }

  flush(): void {
    const text = tidy(this.parts.join(''));
    if (text) this.blocks.push({ text, linkChars: this.linkChars });
    this.parts = [];
    this.linkChars = 0;
  }
}

/** Collapses runs of spaces and trims each line (lines are what `<br>` made). */
function tidy(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function walk(node: DomNode, out: Collector, inLink: boolean): void {
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if (kid.nodeType === TEXT_NODE) {
      out.add(kid.nodeValue ?? '', inLink);
      continue;
    }
    if (kid.nodeType !== ELEMENT_NODE) continue;
    const name = kid.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      out.lineBreak();
      continue;
    }
    const isBlock = BLOCK.has(name) || BREAK.has(name);
    if (isBlock) out.flush();
    // A block nested in a block (a <p> in a <blockquote>) flushes on its own boundaries, so it comes out separate.
    walk(kid, out, inLink || name === 'A');
    if (isBlock) out.flush();
  }
}

/** The text blocks of a DOM subtree, in document order. */
export function blocksOf(root: DomNode): Block[] {
  const out = new Collector();
  walk(root, out, false);
  out.flush();
  return out.blocks;
}
