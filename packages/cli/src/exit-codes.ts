/** Exit codes shared by every command; docs/errors.md lists them with their causes. */
export const EXIT_OK = 0;
/** The argument parser rejected the command line (unknown flag, missing value, conflicting flags). */
export const EXIT_USAGE = 2;
/** `rulegen`: the template cannot be used (not YAML/JSON, no `Resources` map) or the output not written; cfn-guard exits 1 too. */
export const EXIT_RULEGEN_FAILED = 1;
/** `lint`: more warnings than `--max-warnings` allows (by default: any warning). */
export const EXIT_LINT_WARNINGS = 3;
/** `validate`: a rules file failed to parse. */
export const EXIT_RULE_PARSE_ERROR = 5;
/** `test`: a spec file or the rules file cannot be used (cfn-guard's TEST_ERROR_STATUS_CODE). */
export const EXIT_TEST_ERROR = 1;
/** `test`: at least one expectation was not met. */
export const EXIT_TEST_FAILED = 7;
/** `validate`: at least one rule failed. */
export const EXIT_VALIDATION_FAILED = 19;
/** `cross-check`: a local verdict disagrees with Config's. */
export const EXIT_CROSS_CHECK_DISAGREE = 20;
/** `cross-check`: a remote verdict is unknown (error, timeout, insufficient data). */
export const EXIT_CROSS_CHECK_UNKNOWN = 21;
/** `cross-check`: everything compared was SKIP / NOT_APPLICABLE: nothing was really evaluated. */
export const EXIT_CROSS_CHECK_NOTHING_EVALUATED = 22;
/** A runtime error: unreadable data, evaluation error, missing path. cfn-guard exits -1 (255). */
export const EXIT_RUNTIME_ERROR = 255;
