import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import { type FieldError, textProblems, validationFailed } from '@peerdesk/domain';

/** Every string literal inside an argument's value, by the name of the field (or argument) that holds it. */
function literalStrings(name: string, node: ValueNode, out: Array<[string, string]>): void {
  if (node.kind === Kind.STRING) out.push([name, node.value]);
  else if (node.kind === Kind.LIST) for (const item of node.values) literalStrings(name, item, out);
  else if (node.kind === Kind.OBJECT) for (const field of node.fields) literalStrings(field.name.value, field.value, out);
}

/** What a document itself holds for the check: the problems of its string literals, and the field each variable is passed as. */
interface DocumentText {
  literalProblems: FieldError[];
  fieldOfVariable: Map<string, string>;
}

function documentText(document: DocumentNode): DocumentText {
  const literalProblems: FieldError[] = [];
  // A variable is named after the argument or input field it is passed as (`note: $text` is the field note).
  const fieldOfVariable = new Map<string, string>();
  visit(document, {
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE) fieldOfVariable.set(node.value.name.value, node.name.value);
      const literals: Array<[string, string]> = [];
      literalStrings(node.name.value, node.value, literals);
      for (const [field, text] of literals) literalProblems.push(...textProblems(field, text));
    },
    ObjectField(node) {
      if (node.value.kind === Kind.VARIABLE) fieldOfVariable.set(node.value.name.value, node.name.value);
    },
  });
  return { literalProblems, fieldOfVariable };
}

/**
 * The one boundary check of text (packages/domain/src/text-hygiene.ts): every string a request sends, in
 * its variables or written in the operation, is checked before any resolver runs, whatever the field. A
 * control character is refused with VALIDATION_FAILED naming the field; nothing reaches PostgreSQL (which
 * refuses NUL) or a page. What the document holds is read once per document (Apollo hands every request of one
 * query text the same one); the variables, at every request.
 */
export function inputHygienePlugin(): NonNullable<ApolloDriverConfig['plugins']>[number] {
  const documents = new WeakMap<DocumentNode, DocumentText>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let known = documents.get(document);
          if (!known) documents.set(document, (known = documentText(document)));
          const { literalProblems, fieldOfVariable } = known;
          const problems = [...literalProblems];
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
