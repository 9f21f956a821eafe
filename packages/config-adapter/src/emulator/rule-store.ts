/** The Guard custom policy rules the emulator runs, keyed by name, in insertion order. */
export interface StoredRule {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
  readonly policyText: string;
  /** `Scope.ComplianceResourceTypes`; empty: every type. */
  readonly resourceTypes: readonly string[];
  readonly evaluationModes: readonly string[];
  readonly description?: string;
  /** The rule as received by PutConfigRule, echoed by DescribeConfigRules. */
  readonly source: Readonly<Record<string, unknown>>;
}

export class RuleStore {
  private readonly rules = new Map<string, StoredRule>();
  private counter = 0;

  constructor(private readonly region: string) {}

  put(rule: Omit<StoredRule, 'id' | 'arn'>): StoredRule {
    const existing = this.rules.get(rule.name);
    const id = existing?.id ?? `config-rule-${(++this.counter).toString(36).padStart(6, '0')}`;
    const stored = { ...rule, id, arn: `arn:aws:config:${this.region}:000000000000:config-rule/${id}` };
    this.rules.set(rule.name, stored);
    return stored;
  }

  get(name: string): StoredRule | undefined {
    return this.rules.get(name);
  }

  delete(name: string): boolean {
    return this.rules.delete(name);
  }

  all(): StoredRule[] {
    return [...this.rules.values()];
  }

  /** Rules that run for a proactive evaluation of `resourceType`. */
  proactiveFor(resourceType: string): StoredRule[] {
    return this.all().filter((rule) => rule.evaluationModes.includes('PROACTIVE') && (rule.resourceTypes.length === 0 || rule.resourceTypes.includes(resourceType)));
  }
}
