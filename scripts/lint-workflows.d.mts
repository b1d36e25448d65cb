/** Types of scripts/lint-workflows.mjs, for the tests that import it. */
export interface WorkflowProblem {
  line: number;
  column: number;
  message: string;
  kind: string;
}
export function policyProblems(text: string): WorkflowProblem[];
export function lintWorkflows(files: string[]): Promise<Array<{ file: string; problems: WorkflowProblem[] }>>;
