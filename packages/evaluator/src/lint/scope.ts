/**
 * Variable scopes as cfn-guard 3.1.1 resolves them: file, rule (or parameterized rule) and block
 * level, looked up outward. `let`s are hoisted within their block, and a second `let` of the same
 * name in one scope silently replaces the first everywhere in that scope.
 */
import type { Identifier, LetStatement, LetValue } from '@guardts/guard-parser';

export interface Binding {
  readonly name: string;
  readonly kind: 'let' | 'parameter';
  readonly declaration: Identifier;
  /** The `let` statement; null for a parameter. */
  readonly statement: LetStatement | null;
  /** The value of a `let`; null for a parameter (bound to the caller's arguments). */
  readonly value: LetValue | null;
  /** The earlier `let` of the same scope that this one replaces. */
  replaces: Binding | null;
  /** Set when a later `let` of the same scope replaces this one. */
  replacedBy: Binding | null;
  uses: number;
}

export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(readonly parent: Scope | null) {}

  declareLet(statement: LetStatement): Binding {
    return this.declare({ name: statement.name.name, kind: 'let', declaration: statement.name, statement, value: statement.value, replaces: null, replacedBy: null, uses: 0 });
  }

  declareParameter(parameter: Identifier): Binding {
    return this.declare({ name: parameter.name, kind: 'parameter', declaration: parameter, statement: null, value: null, replaces: null, replacedBy: null, uses: 0 });
  }

  lookup(name: string): Binding | null {
    return this.bindings.get(name) ?? this.parent?.lookup(name) ?? null;
  }

  private declare(binding: Binding): Binding {
    const earlier = this.bindings.get(binding.name);
    if (earlier !== undefined) {
      earlier.replacedBy = binding;
      binding.replaces = earlier;
    }
    this.bindings.set(binding.name, binding);
    return binding;
  }
}
