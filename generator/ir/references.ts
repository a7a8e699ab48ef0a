import type { TypeNode } from "./model.js";

/** Named schemas referenced anywhere inside `type`, in order of first appearance. */
export function referencedSchemas(type: TypeNode, into: string[] = []): string[] {
  const stack: TypeNode[] = [type];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case "ref":
        into.push(node.target);
        break;
      case "array":
        stack.push(node.items);
        break;
      case "tuple":
        if (node.rest) stack.push(node.rest);
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!);
        break;
      case "object":
        if (node.additional) stack.push(node.additional);
        for (let i = node.properties.length - 1; i >= 0; i--) stack.push(node.properties[i]!.type);
        break;
      case "union":
      case "intersection":
        for (let i = node.members.length - 1; i >= 0; i--) stack.push(node.members[i]!);
        break;
    }
  }
  return into;
}
