/** `--query`: JMESPath (as aws uses it) through @jmespath-community/jmespath, compiled once up front. */
import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { UsageError } from '../usageError.js';

export interface CompiledQuery {
  readonly text: string;
  apply(value: unknown): unknown;
}

export function compileQuery(text: string): CompiledQuery {
  if (text.trim() === '') throw new UsageError('--query needs a JMESPath expression, e.g. --query "APIKeys[].Name"');
  let ast: ReturnType<typeof compile>;
  try {
    ast = compile(text);
  } catch (error) {
    throw new UsageError(`--query is not a JMESPath expression: ${(error as Error).message}`);
  }
  return {
    text,
    apply(value) {
      try {
        return TreeInterpreter.search(ast, value as JSONValue);
      } catch (error) {
        // e.g. an unknown function, or a function given the wrong type: still the user's expression.
        throw new UsageError(`--query ${JSON.stringify(text)} failed: ${(error as Error).message}`);
      }
    },
  };
}
