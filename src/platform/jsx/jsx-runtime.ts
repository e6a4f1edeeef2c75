/**
 * A tiny JSX runtime that renders straight to HTML strings.
 *
 * Everything is escaped by default: text children and attribute values go through
 * `escapeHtml`. The only way to emit markup unescaped is to pass a `SafeHtml` value, which
 * is what components return and what `raw()` creates (use it only for markup the server
 * produced itself: JSON-LD, SVG charts, sanitised rich text).
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = SafeHtml | string | number | bigint | boolean | null | undefined | Child[];

type AttributeValue = string | number | boolean | null | undefined;

export interface HtmlAttributes {
  children?: Child;
  [attribute: string]: AttributeValue | Child;
}

export type Component<P = Record<string, unknown>> = (props: P) => SafeHtml;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const needsEscape = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape: skip the replacement then (pages render faster).
  if (!needsEscape.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => escapes[ch] ?? ch);
}

/** Marks server-produced markup as safe. Never pass user input here. */
export function raw(html: string): SafeHtml {
  return new SafeHtml(html);
}

const voidElements = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

function renderChildren(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (child instanceof SafeHtml) {
    out.push(child.value);
  } else if (Array.isArray(child)) {
    for (const c of child) renderChildren(c, out);
  } else {
    out.push(escapeHtml(String(child)));
  }
}

/** Attribute and element names already checked (the set of names in the code is small). */
const validAttributeNames = new Set<string>();
const validElementNames = new Set<string>();

function renderAttributes(props: HtmlAttributes): string {
  let result = '';
  for (const key of Object.keys(props)) {
    if (key === 'children') continue;
    const value = props[key];
    if (value === null || value === undefined || value === false) continue;
    const name = key === 'className' ? 'class' : key === 'htmlFor' ? 'for' : key;
    if (!validAttributeNames.has(name)) {
      if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) throw new Error(`invalid attribute name: ${name}`);
      if (validAttributeNames.size < 1000) validAttributeNames.add(name);
    }
    if (value === true) {
      result += ` ${name}`;
    } else {
      const text = value instanceof SafeHtml ? value.value : String(value);
      result += ` ${name}="${escapeHtml(text)}"`;
    }
  }
  return result;
}

export function jsx(type: string | Component<any>, props: HtmlAttributes): SafeHtml {
  if (typeof type === 'function') return type(props);
  if (!validElementNames.has(type)) {
    if (!/^[a-z][a-z0-9-]*$/.test(type)) throw new Error(`invalid element name: ${type}`);
    if (validElementNames.size < 1000) validElementNames.add(type);
  }
  const open = `<${type}${renderAttributes(props)}>`;
  if (voidElements.has(type)) return new SafeHtml(open);
  const out: string[] = [open];
  renderChildren(props.children, out);
  out.push(`</${type}>`);
  return new SafeHtml(out.join(''));
}

export const jsxs = jsx;
export const jsxDEV = jsx;

export function Fragment(props: { children?: Child }): SafeHtml {
  const out: string[] = [];
  renderChildren(props.children, out);
  return new SafeHtml(out.join(''));
}

/** Renders any child value (used for top-level documents). */
export function renderToString(node: Child): string {
  const out: string[] = [];
  renderChildren(node, out);
  return out.join('');
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace JSX {
  export type Element = SafeHtml;
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export interface IntrinsicElements {
    [elementName: string]: HtmlAttributes;
  }
}
