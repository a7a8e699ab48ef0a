import type { TypeNode } from "./model.js";
import { childTypes } from "./walk.js";

/** Named schemas referenced anywhere inside `type`, in order of first appearance. */
export function referencedSchemas(type: TypeNode, into: string[] = []): string[] {
  const stack: TypeNode[] = [type];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === "ref") into.push(node.target);
    const children = childTypes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return into;
}
