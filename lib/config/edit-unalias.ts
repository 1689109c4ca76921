import { isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Alias, type Document, type Node } from 'yaml';

/** Deepest chain of aliases-within-anchors followed; the loader's alias limit keeps real files far below. */
const MAX_ALIAS_NESTING = 32;

/** Each alias of a document and the node it refers to (the last anchor of that name before it). */
export function aliasTargets(doc: Document): Map<Alias, Node> {
  const lastAnchor = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node: (_k, node) => {
      if (isAlias(node)) {
        const target = lastAnchor.get(node.source);
        if (target) targets.set(node, target);
      } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
        lastAnchor.set(node.anchor, node);
      }
    },
  });
  return targets;
}

/**
 * A copy of `node` with every alias replaced by a copy of what it refers to and every anchor
 * dropped: the value stays the same, its styles and comments are kept, and it no longer depends on
 * (or is depended on by) any other part of the document. Throws on an unresolvable alias.
 */
export function detach(node: unknown, targets: Map<Alias, Node>, depth = 0): Node | null {
  if (node === null || node === undefined) return null;
  if (depth > MAX_ALIAS_NESTING) throw new Error('aliases nested too deeply');
  if (isAlias(node)) {
    const target = targets.get(node);
    if (!target) throw new Error(`unresolved alias *${node.source}`);
    const copy = detach(target, targets, depth + 1);
    if (copy) {
      copy.commentBefore = node.commentBefore;
      copy.comment = node.comment;
      copy.spaceBefore = node.spaceBefore;
    }
    return copy;
  }
  if (isScalar(node)) {
    const copy = new Scalar(node.value);
    copy.type = node.type;
    copy.format = node.format;
    copy.minFractionDigits = node.minFractionDigits;
    if (node.tag) copy.tag = node.tag;
    return withComments(copy, node);
  }
  if (isMap(node)) {
    const copy = new YAMLMap(node.schema);
    copy.flow = node.flow;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      copy.items.push(new Pair(detach(pair.key, targets, depth), detach(pair.value, targets, depth)));
    }
    return withComments(copy, node);
  }
  if (isSeq(node)) {
    const copy = new YAMLSeq(node.schema);
    copy.flow = node.flow;
    copy.items = node.items.map((item) => detach(item, targets, depth));
    return withComments(copy, node);
  }
  throw new Error('unexpected YAML node');
}

function withComments<T extends Node>(copy: T, from: Node): T {
  copy.commentBefore = from.commentBefore;
  copy.comment = from.comment;
  copy.spaceBefore = from.spaceBefore;
  return copy;
}
