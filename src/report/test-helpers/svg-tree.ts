/**
 * Parses SVG text into a uniform tree for structural assertions in tests.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element: its name, attributes, text and children in document order. */
export interface SvgNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: SvgNode[];
}

type Ordered = Record<string, unknown>;

/** Parses an SVG (or XHTML fragment) document; throws when it is not well-formed XML. */
export function parseSvg(svg: string): SvgNode {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) {
    throw new Error(`SVG is not well-formed: ${valid.err.msg} at line ${valid.err.line}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    parseAttributeValue: false,
    trimValues: false,
  });
  const roots = (parser.parse(svg) as Ordered[]).map(toNode).filter((n) => n.name !== '');
  const svgRoot = roots.find((node) => node.name === 'svg');
  if (!svgRoot) throw new Error('document has no <svg> root');
  return svgRoot;
}

function toNode(raw: Ordered): SvgNode {
  const name = Object.keys(raw).find((key) => key !== ':@') ?? '';
  if (name === '#text')
    return { name: '#text', attributes: {}, text: String(raw[name]), children: [] };
  const attributes = (raw[':@'] ?? {}) as Record<string, string>;
  const rawChildren = (raw[name] ?? []) as Ordered[];
  const all = rawChildren.map(toNode);
  const text = all
    .filter((c) => c.name === '#text')
    .map((c) => c.text)
    .join('');
  return { name, attributes, text, children: all.filter((c) => c.name !== '#text') };
}

/** Every descendant (and the node itself) that satisfies the predicate, in order. */
export function findAll(root: SvgNode, predicate: (node: SvgNode) => boolean): SvgNode[] {
  const found: SvgNode[] = [];
  const visit = (node: SvgNode) => {
    if (predicate(node)) found.push(node);
    node.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** True when the node's class attribute contains the class name. */
export function hasClass(node: SvgNode, className: string): boolean {
  return (node.attributes.class ?? '').split(/\s+/).includes(className);
}

/** All text content under the node, concatenated per <text> element. */
export function texts(root: SvgNode): string[] {
  return findAll(root, (n) => n.name === 'text').map(textOf);
}

function textOf(node: SvgNode): string {
  return node.text + node.children.map(textOf).join('');
}
