// The version vpcsim reports (--version, SARIF, JSON reports); kept in step with package.json.

/** This vpcsim's version. */
export const VERSION = '0.1.0';
