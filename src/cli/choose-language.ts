import type { Lang } from '../diagnostics/format-text.js';

/**
 * The one language of a run: --lang, else the configuration's `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG:
 * English for en_*, as in gettext), else Japanese.
 */
export function chooseLanguage(flag: string | undefined, configured: Lang | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag === 'ja' || flag === 'en') return flag;
  if (configured) return configured;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'ja';
}
