import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/build-bundled.js';

describe('a PDF build without LibreOffice', () => {
  it('says which program is missing and how to name it, with its own exit code (69), in the run’s language', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-no-lo-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    const ja = await runCli(dir, ['build', '--format', 'docx,pdf', '--libreoffice', '/nonexistent/soffice']);
    expect(ja.code).toBe(69);
    expect(ja.stderr).toContain('LibreOffice（/nonexistent/soffice）が必要です');
    expect(ja.stderr).not.toContain('internal error');
    const en = await runCli(dir, ['build', '--format', 'docx,pdf', '--libreoffice', '/nonexistent/soffice', '--lang', 'en', '--force']);
    expect(en.code).toBe(69);
    expect(en.stderr).toContain('needs LibreOffice (/nonexistent/soffice)');
  });
});
