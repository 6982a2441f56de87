/** How much a diagnostic matters: an error stops a document from being published, a warning fails --strict. */
export type Severity = 'error' | 'warning' | 'info';
