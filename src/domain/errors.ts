// Expected failures of the domain. The GraphQL layer maps them to typed errors; scripts print
// them. Anything else is a bug and stays masked.

export interface ValidationIssue {
  /** Where the problem is, e.g. ["claims", "3", "span"]. */
  path: string[];
  message: string;
}

export class DomainValidationError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], summary?: string) {
    super(summary ?? formatIssues(issues));
    this.name = "DomainValidationError";
    this.issues = issues;
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly reference: string,
  ) {
    super(`${entity} ${JSON.stringify(reference)} does not exist`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export function formatIssues(issues: ValidationIssue[]): string {
  return issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("\n");
}

/** Collects issues while a whole input is checked, so one run reports every problem. */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];

  add(path: (string | number)[], message: string): void {
    this.issues.push({ path: path.map(String), message });
  }

  throwIfAny(summary?: string): void {
    if (this.issues.length > 0) throw new DomainValidationError(this.issues, summary);
  }
}

/** Prisma's unique-constraint violation (P2002), whichever driver adapter reported it. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002";
}
