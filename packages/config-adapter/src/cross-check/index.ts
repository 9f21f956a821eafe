export { crossCheck, stackNameFor } from './cross-check.js';
export type { CrossCheckOptions, CrossCheckReport, ResourceReport, VerdictPair, RemoteState } from './cross-check.js';
export { compareVerdicts, overallOutcome, COMPLIANCE_OF_STATUS } from './verdicts.js';
export type { Agreement, CrossCheckOutcome, LocalVerdict, RemoteVerdict } from './verdicts.js';
export { readTemplate, parseTemplate } from './read-template.js';
export type { Template, TemplateResource, TemplateOutcome } from './read-template.js';
export { substituteIntrinsics } from './substitute-intrinsics.js';
export type { Substitution } from './substitute-intrinsics.js';
export { formatReportText, formatReportJson } from './format-report.js';
