import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import { type FieldError, textProblems, validationFailed } from '@peerdesk/domain';

/** Every string literal inside an argument's value, by the name of the field (or argument) that holds it. */
function literalStrings(name: string, node: ValueNode, out: Array<[string, string]>): void {
  if (node.kind === Kind.STRING) out.push([name, node.value]);
  else if (node.kind === Kind.LIST) for (const item of node.values) literalStrings(name, item, out);
  else if (node.kind === Kind.OBJECT) for (const field of node.fields) literalStrings(field.name.value, field.value, out);
}

/**
 * The one boundary check of text (packages/domain/src/text-hygiene.ts): every string a request sends, in
 * its variables or written in the operation, is checked before any resolver runs, whatever the field. A
 * control character is refused with VALIDATION_FAILED naming the field; nothing reaches PostgreSQL (which
 * refuses NUL) or a page.
 */
export function inputHygienePlugin(): NonNullable<ApolloDriverConfig['plugins']>[number] {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems: FieldError[] = [];
          // A variable is named after the argument or input field it is passed as (`note: $text` is the field note).
          const fieldOfVariable = new Map<string, string>();
          visit(document, {
            Argument(node) {
              if (node.value.kind === Kind.VARIABLE) fieldOfVariable.set(node.value.name.value, node.name.value);
              const literals: Array<[string, string]> = [];
              literalStrings(node.name.value, node.value, literals);
              for (const [field, text] of literals) problems.push(...textProblems(field, text));
            },
            ObjectField(node) {
              if (node.value.kind === Kind.VARIABLE) fieldOfVariable.set(node.value.name.value, node.name.value);
            },
          });
          for (const [name, value] of Object.entries(request.variables ?? {})) problems.push(...textProblems(fieldOfVariable.get(name) ?? name, value));
          const once = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
          if (once.length > 0) {
            throw new GraphQLError('Invalid text', { originalError: validationFailed(once), extensions: { http: { status: 400 } } });
          }
        },
      };
    },
  };
}
