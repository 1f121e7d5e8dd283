// What the importer reports: errors (the snapshot cannot be imported faithfully; exit 2)
// and warnings (imported, but something is left out, assumed or approximated). Both are
// data with a code from a closed list, the snapshot file (relative to the snapshot folder)
// and a JSON path; only the CLI turns them into text. docs/import.md lists every code.

/** Every error code, with its meaning. */
export const IMPORT_ERROR_CODES = {
  NOT_A_SNAPSHOT: 'The folder is missing, unreadable, or holds no .json file.',
  FILE_UNREADABLE: 'A file could not be read, or is larger than the importer reads (64 MiB, or 5,000,000 JSON values, counted before parsing).',
  NOT_JSON: 'A .json file is not valid JSON.',
  WRONG_SHAPE: 'A recognised describe output has a value of the wrong type, or lacks a key AWS always gives.',
  UNKNOWN_REFERENCE: 'A resource of the snapshot names another (a subnet, security group, target group...) that the snapshot should hold, and does not.',
} as const;

/** Every warning code, with its meaning. */
export const IMPORT_WARNING_CODES = {
  UNMODELLED_RESOURCE: 'A resource vpcsim does not model (transit gateway, VPN, ALB, RDS...); verdicts do not account for it.',
  ROUTE_TO_UNMODELLED: 'A route whose target vpcsim cannot follow keeps it as its target, under unmodelled:; a trace taking it stops there (UNMODELLED_TARGET).',
  ROUTE_AS_BLACKHOLE: 'A route whose target is named by another resource of the output (AWS would not route to it) is imported as a blackhole route: traffic it matches is dropped.',
  OUTSIDE_SNAPSHOT: 'A resource or reference belongs to a VPC, account or service the snapshot does not hold; it is left out.',
  MISSING_DESCRIBE_CALL: 'A describe call whose absence changes verdicts is not in the snapshot (no route tables, no network ACLs...).',
  UNRECOGNISED_FILE: 'A .json file whose top-level keys are not describe output the importer knows; it is ignored.',
  ADDRESS_LEFT_OUT: 'An address that format v1 cannot hold (reserved, outside its subnet, already used) is left out; vpcsim assigns one.',
  FIELD_DROPPED: 'A value format v1 has no place for (ICMP types, secondary ENIs, weighted target groups...) is left out.',
  CIDR_NORMALISED: 'A CIDR block with host bits set (2.2.2.2/28) is written as the network AWS matches (2.2.2.0/28).',
  INFERRED_VALUE: 'A value the snapshot does not give was inferred from other data (an attached IGW from routes, VPC DNS from an endpoint).',
  CONFLICTING_RECORDS: 'The same resource appears in two files with different content; the first (by path) is used.',
  DEFAULT_SECURITY_GROUP: "None of a resource's security groups is in the snapshot (no describe-security-groups): it gets the VPC's default group with AWS's default rules.",
  CATALOGUE_DIFFERS: "An AWS-managed prefix list in the snapshot differs from vpcsim's built-in catalogue, which verdicts use.",
} as const;

/** An error code. */
export type ImportErrorCode = keyof typeof IMPORT_ERROR_CODES;
/** A warning code. */
export type ImportWarningCode = keyof typeof IMPORT_WARNING_CODES;

/** A problem that stops the import: the snapshot file, the JSON path in it, and why. */
export interface ImportError<C extends string = ImportErrorCode> {
  readonly code: C;
  /** File relative to the snapshot folder ('' for the folder itself). */
  readonly file: string;
  /** JSON path inside the file, like `$.Vpcs[0].CidrBlock` ('' for the whole file). */
  readonly path: string;
  readonly message: string;
}

/** Something imported with a loss, an assumption or an approximation. */
export interface ImportWarning<C extends string = ImportWarningCode> {
  readonly code: C;
  /** The AWS id the warning is about (a resource id, or a name for load balancers). */
  readonly resource: string;
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Most errors reported for one file; the reader stops reading a file that has this many. */
export const MAX_ERRORS_PER_FILE = 20;

/** Most errors reported for one import; past it, nothing more is read. */
export const MAX_ERRORS = 100;

/**
 * Collects problems during one import; warnings are deduplicated and sorted on output.
 * Generic over the code lists, so the Terraform importer shares it with its own codes.
 * Errors are capped (per file and in all): `{"Vpcs": [0, 0, ...]}` is one mistake, not
 * 25 million, and readers stop early once a file is `full`.
 */
export class Problems<E extends string = ImportErrorCode, W extends string = ImportWarningCode> {
  readonly errors: ImportError<E>[] = [];
  private readonly warningsByKey = new Map<string, ImportWarning<W>>();
  private readonly perFile = new Map<string, number>();

  error(code: E, file: string, path: string, message: string): void {
    const n = this.perFile.get(file) ?? 0;
    if (n > MAX_ERRORS_PER_FILE || this.errors.length > MAX_ERRORS) return;
    this.perFile.set(file, n + 1);
    if (n === MAX_ERRORS_PER_FILE || this.errors.length === MAX_ERRORS) {
      // One more line says that the list is cut, and why.
      const cap = n === MAX_ERRORS_PER_FILE ? `${MAX_ERRORS_PER_FILE} errors in this file` : `${MAX_ERRORS} errors in all`;
      this.errors.push({ code, file, path: '', message: `more errors are not listed: the importer stops after ${cap}; fix these and import again` });
      return;
    }
    this.errors.push({ code, file, path, message });
  }

  /** Whether a file (or the whole import) has as many errors as are reported: stop reading it. */
  full(file: string): boolean {
    return (this.perFile.get(file) ?? 0) >= MAX_ERRORS_PER_FILE || this.errors.length >= MAX_ERRORS;
  }

  warn(code: W, resource: string, file: string, path: string, message: string): void {
    const key = `${code}\u0000${resource}\u0000${message}`;
    if (!this.warningsByKey.has(key)) this.warningsByKey.set(key, { code, resource, file, path, message });
  }

  /** Warnings in a stable order: by code, then resource, then message. */
  warnings(): ImportWarning<W>[] {
    return [...this.warningsByKey.values()].sort(
      (a, b) => cmp(a.code, b.code) || cmp(a.resource, b.resource) || cmp(a.message, b.message),
    );
  }

  /** Errors in a stable order: by file, then path. */
  sortedErrors(): ImportError<E>[] {
    return [...this.errors].sort((a, b) => cmp(a.file, b.file) || cmp(a.path, b.path) || cmp(a.message, b.message));
  }
}

/** Code-unit order, the same on every machine (never locale order). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
