// Starts the Word writer worker from the TypeScript sources (tests, and bin/minutes.js before `npm ci` bundled it).
import { register } from 'tsx/esm/api';

register();
await import('./docx-worker.ts');
