import type { Lang } from '../diagnostics/format-text.js';

/** Documents published as they last were, because their inputs are broken now (src/site/last-good-state.ts). */
export function keptLine(ids: readonly string[], lang: Lang): string {
  return lang === 'ja'
    ? `前回の正常な状態を公開中  ${ids.join(', ')}（入力にエラーがあるため、前回のページと一覧・台帳の行をそのまま残しています）\n`
    : `kept from the last good state: ${ids.join(', ')} (their inputs have errors; their last pages and rows stay published)\n`;
}
