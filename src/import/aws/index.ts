// The AWS importer's public surface.
export { importAwsSnapshot, type ImportOptions, type ImportResult } from './import-aws-snapshot.js';
export {
  IMPORT_ERROR_CODES, IMPORT_WARNING_CODES,
  type ImportError, type ImportErrorCode, type ImportWarning, type ImportWarningCode,
} from './problems.js';
