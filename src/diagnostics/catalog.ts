import type { Severity } from './severity.js';

type Params = Record<string, string | number | undefined>;

interface CatalogEntry {
  severity: Severity;
  ja: (p: Params) => string;
  en: (p: Params) => string;
  hint?: { ja: string; en: string };
}

const q = (v: unknown): string => (v === undefined ? '' : String(v));

/** The yaml package's error codes an editor meets, in Japanese (others keep the package's English message). */
const yamlErrorsJa: Record<string, string> = {
  BAD_INDENT: 'インデント（行頭の空白）がそろっていません。',
  TAB_AS_INDENT: 'インデントにタブは使えません。半角スペースにしてください。',
  DUPLICATE_KEY: '同じ項目名が二度書かれています。',
  MISSING_CHAR: '記号が足りません（閉じる引用符、] や }、または項目名の後の「: 」）。',
  UNEXPECTED_TOKEN: 'ここに書けない記号や文字があります。値に : や # を含むときは引用符で囲んでください。',
  MULTILINE_IMPLICIT_KEY: '項目名が複数行にまたがっています。直前の行の引用符や : を確認してください。',
  BLOCK_AS_IMPLICIT_KEY: '値の中の「: 」が項目の区切りと読まれました。値に「: 」を含むときは引用符で囲んでください。',
  BAD_DQ_ESCAPE: '"…" の中の \\ の使い方が正しくありません。\\ を二つ重ねるか、\'…\' で囲んでください。',
  BAD_SCALAR_START: '値の先頭に使えない記号があります。値を引用符で囲んでください。',
  BLOCK_IN_FLOW: '[ ] や { } の中に改行したリストは書けません。',
  MULTIPLE_DOCS: 'フロントマターの中に --- が二つあります。',
  BAD_ALIAS: '* で始まる参照先がありません。値に * を含むときは引用符で囲んでください。',
  KEY_OVER_1024_CHARS: '項目名が長すぎます。',
};

/**
 * Every diagnostic the tool can emit. Ids are stable once released.
 * A message says what happened and what to do, quoting the actual value; it never holds a position.
 */
const catalogEntries = {
  'file-unreadable': {
    severity: 'error',
    ja: (p) => `ファイルを読み込めません（${q(p.actual)}）。`,
    en: (p) => `The file cannot be read (${q(p.actual)}).`,
  },
  'file-too-large': {
    severity: 'error',
    ja: (p) => `ファイルが大きすぎます（${q(p.actual)}バイト、上限${q(p.expected)}バイト）。ファイルを分割してください。`,
    en: (p) => `The file is too large (${q(p.actual)} bytes, limit ${q(p.expected)}). Split it.`,
  },
  'invalid-encoding': {
    severity: 'error',
    ja: () => 'ファイルが正しいUTF-8ではありません。UTF-8で保存し直してください。',
    en: () => 'The file is not valid UTF-8. Save it again as UTF-8.',
  },
  'control-character': {
    severity: 'error',
    ja: (p) => `見えない制御文字（${q(p.actual)}）が含まれています。削除してください。コピー元から紛れ込むことがあります。`,
    en: (p) => `The text holds an invisible control character (${q(p.actual)}). Delete it; it often comes with copied text.`,
  },
  'missing-front-matter': {
    severity: 'error',
    ja: () => 'フロントマター（先頭の --- で囲まれたYAML）がありません。',
    en: () => 'The file has no front matter (YAML between --- lines at the top).',
  },
  'yaml-syntax': {
    severity: 'error',
    ja: (p) => `YAMLの構文エラーです：${yamlErrorsJa[String(p.code)] ?? q(p.actual)}`,
    en: (p) => `YAML syntax error: ${q(p.actual)}`,
    hint: { ja: 'インデントと引用符を確認してください。', en: 'Check indentation and quotes.' },
  },
  'yaml-too-complex': {
    severity: 'error',
    ja: () => 'YAMLのエイリアス展開または入れ子が深すぎます。エイリアス（*name）を使わずに書いてください。',
    en: () => 'The YAML expands too many aliases or nests too deep. Write it without aliases (*name).',
  },
  'unknown-type': {
    severity: 'error',
    ja: (p) => `type「${q(p.actual)}」は不明です。${q(p.expected)}のいずれかを指定してください。`,
    en: (p) => `Unknown type "${q(p.actual)}". Use one of ${q(p.expected)}.`,
  },
  'missing-field': {
    severity: 'error',
    ja: (p) => `必須項目 ${q(p.label)}（${q(p.key)}）がありません。`,
    en: (p) => `The required field ${q(p.key)} (${q(p.label)}) is missing.`,
  },
  'unknown-field': {
    severity: 'error',
    ja: (p) => `項目「${q(p.actual)}」は不明です。${p.expected ? `「${q(p.expected)}」の誤りではありませんか。` : ''}`,
    en: (p) => `Unknown field "${q(p.actual)}".${p.expected ? ` Did you mean "${q(p.expected)}"?` : ''}`,
  },
  'invalid-value': {
    severity: 'error',
    ja: (p) => `${q(p.label)}（${q(p.key)}）の値が不正です：${q(p.detail)}`,
    en: (p) => `Invalid value for ${q(p.key)} (${q(p.label)}): ${q(p.detailEn)}`,
  },
  'invalid-date': {
    severity: 'error',
    ja: (p) => `日付「${q(p.actual)}」が正しくありません。"2025-06-12" の形式で、実在する日付を書いてください。`,
    en: (p) => `"${q(p.actual)}" is not a valid date. Write a real date as "2025-06-12".`,
  },
  'date-before-meiji': {
    severity: 'error',
    ja: (p) => `日付「${q(p.actual)}」は明治より前で、和暦で書けません。日付を確かめてください。`,
    en: (p) => `"${q(p.actual)}" is before the Meiji era and cannot be written in the Japanese calendar. Check the date.`,
  },
  'invalid-time': {
    severity: 'error',
    ja: (p) => `時刻「${q(p.actual)}」が正しくありません。"10:00" の形式で書いてください。`,
    en: (p) => `"${q(p.actual)}" is not a valid time. Write it as "10:00".`,
  },
  'invalid-datetime': {
    severity: 'error',
    ja: (p) => `日時「${q(p.actual)}」が正しくありません。"2025-04-26 07:41" の形式で、実在する日時を書いてください。`,
    en: (p) => `"${q(p.actual)}" is not a valid date-time. Write it as "2025-04-26 07:41".`,
  },
  'invalid-report-time': {
    severity: 'error',
    ja: (p) => `報告の時刻「${q(p.actual)}」が正しくありません。"12:00"（発生日）、"D2 12:00"（発生から2日目）または "2025-04-26 12:00" の形式で書いてください。`,
    en: (p) => `"${q(p.actual)}" is not a valid report time. Write "12:00" (on the day of occurrence), "D2 12:00" (its second day) or "2025-04-26 12:00".`,
  },
  'invalid-duration': {
    severity: 'error',
    ja: (p) => `継続時間「${q(p.actual)}」が正しくありません。"PT23H44M" の形式で、0より長い時間を書いてください。`,
    en: (p) => `"${q(p.actual)}" is not a valid duration. Write a positive ISO 8601 duration such as "PT23H44M".`,
  },
  'end-before-start': {
    severity: 'error',
    ja: (p) => `終了時刻 ${q(p.actual)} が開始時刻 ${q(p.expected)} ${p.same ? 'と同じです' : 'より前です'}。`,
    en: (p) => `The end time ${q(p.actual)} is ${p.same ? 'the same as' : 'before'} the start time ${q(p.expected)}.`,
  },
  'recovery-before-occurrence': {
    severity: 'error',
    ja: (p) => `復旧日時（recoveredAt）${q(p.actual)} が発生日時（occurredAt）${q(p.expected)} ${p.same ? 'と同じです' : 'より前です'}。日付か時刻を確認してください。`,
    en: (p) => `The recovery ${q(p.actual)} is ${p.same ? 'the same as' : 'before'} the occurrence ${q(p.expected)}. Check the date and time.`,
  },
  'missing-duration': {
    severity: 'error',
    ja: () => '継続時間（duration）か復旧日時（recoveredAt）のどちらかを書いてください。',
    en: () => 'Give either the duration or recoveredAt.',
  },
  'masked-date-without-mask': {
    severity: 'error',
    ja: (p) => `日付を伏せた日時「${q(p.actual)}」は、report.datesMasked（伏せる元号）を書いた記録でだけ使えます。実際の日時（例 "2025-04-26 07:41"）を書いてください。`,
    en: (p) => `The masked date-time "${q(p.actual)}" is only allowed when report.datesMasked is set. Give the real date-time (e.g. "2025-04-26 07:41").`,
  },
  'unknown-cause': {
    severity: 'error',
    ja: (p) => `再発防止策が、定義されていない発生原因「${q(p.actual)}」を指しています。report.causes の id（${q(p.expected)}）から選んでください。`,
    en: (p) => `The countermeasure names an undefined cause "${q(p.actual)}". Use one of the ids in report.causes (${q(p.expected)}).`,
  },
  'missing-operator': {
    severity: 'error',
    ja: () => '事業者名（operators）を書いてください。省略できるのは、事業者名のない記載例（report のある記録）だけです。',
    en: () => 'Give the operators. Only a report without a named operator (the ministry\'s example) may omit them.',
  },
  'unknown-incident': {
    severity: 'error',
    ja: (p) => `事故「${q(p.actual)}」が data/incidents/ にありません。${p.expected ? `「${q(p.expected)}」の誤りではありませんか。` : ''}`,
    en: (p) => `No incident "${q(p.actual)}" in data/incidents/.${p.expected ? ` Did you mean "${q(p.expected)}"?` : ''}`,
  },
  'unknown-section': {
    severity: 'error',
    ja: (p) => `本文の見出し「${q(p.actual)}」は不明です。${q(p.expected)}のいずれかにしてください。`,
    en: (p) => `Unknown body section "${q(p.actual)}". Use one of ${q(p.expected)}.`,
  },
  'section-out-of-order': {
    severity: 'error',
    ja: (p) => `見出し「${q(p.actual)}」の位置が違います。${q(p.expected)}の順に並べてください。`,
    en: (p) => `Section "${q(p.actual)}" is out of place. Order: ${q(p.expected)}.`,
  },
  'duplicate-section': {
    severity: 'error',
    ja: (p) => `見出し「${q(p.actual)}」が重複しています。`,
    en: (p) => `Section "${q(p.actual)}" appears twice.`,
  },
  'missing-section': {
    severity: 'error',
    ja: (p) => `本文に「${q(p.actual)}」の見出しがありません。`,
    en: (p) => `The body has no "${q(p.actual)}" section.`,
  },
  'text-outside-section': {
    severity: 'error',
    ja: () => '最初の見出しより前に本文があります。「## 発生原因」などの見出しの下に書いてください。',
    en: () => 'There is text before the first section heading. Put it under a heading such as "## 発生原因".',
  },
  'unsupported-markup': {
    severity: 'error',
    ja: (p) => `この書式（${q(p.actual)}）は出力できません。${q(p.expected)}`,
    en: (p) => `This markup (${q(p.actual)}) cannot be written. ${q(p.hint)}`,
  },
  'unsafe-link': {
    severity: 'error',
    ja: (p) => `リンク先「${q(p.actual)}」は使えません。http、https、mailto のみ使えます。`,
    en: (p) => `The link "${q(p.actual)}" is not allowed. Only http, https and mailto links are.`,
  },
  'figure-outside-data': {
    severity: 'error',
    ja: (p) => `図のパス「${q(p.actual)}」が data/ の外を指しています。`,
    en: (p) => `The figure path "${q(p.actual)}" points outside data/.`,
  },
  'figure-missing': {
    severity: 'error',
    ja: (p) => `図のファイル「${q(p.actual)}」がありません。`,
    en: (p) => `The figure file "${q(p.actual)}" does not exist.`,
  },
  'figure-not-image': {
    severity: 'error',
    ja: (p) => `図のファイル「${q(p.actual)}」は、PNG・JPEG・GIF・BMP の画像ではありません。画像を書き出し直して置いてください。`,
    en: (p) => `The figure file "${q(p.actual)}" is not a PNG, JPEG, GIF or BMP image. Export the image again.`,
  },
  placeholder: {
    severity: 'error',
    ja: (p) => `記入されていない箇所「${q(p.actual)}」が残っています。実際の内容に書き換えてください（書き換えるまで公開されません）。`,
    en: (p) => `A placeholder "${q(p.actual)}" is left in the record. Replace it with the real content (the record is not published until then).`,
  },
  'weekday-mismatch': {
    severity: 'error',
    ja: (p) => `曜日「${q(p.actual)}」が日付と合いません（正しくは${q(p.expected)}）。曜日は書かなくても自動で付きます。`,
    en: (p) => `The weekday "${q(p.actual)}" does not match the date (it is ${q(p.expected)}). Leave it out: the tool adds it.`,
  },
  'date-outside-fiscal-year': {
    severity: 'error',
    ja: (p) => `開催日 ${q(p.actual)} が${q(p.expected)}の範囲外です。`,
    en: (p) => `The date ${q(p.actual)} lies outside fiscal year ${q(p.expected)}.`,
  },
  'duplicate-id': {
    severity: 'error',
    ja: (p) => `ファイル名「${q(p.actual)}.md」が ${q(p.expected)} にもあります。ファイル名（.md を除く）が会議・事故のIDなので、どちらかの名前を変えてください。`,
    en: (p) => `"${q(p.actual)}.md" also exists as ${q(p.expected)}. The file name (without .md) is the record's id: rename one of them.`,
  },
  'duplicate-meeting': {
    severity: 'error',
    ja: (p) => `${q(p.actual)}の会議が複数あります（${q(p.expected)}）。`,
    en: (p) => `Two meetings are ${q(p.actual)} (${q(p.expected)}).`,
  },
  'meeting-file-name-mismatch': {
    severity: 'warning',
    ja: (p) => `ファイル名「${q(p.actual)}.md」が年度・回と合いません（年度・回からは「${q(p.expected)}.md」）。ファイル名か fiscalYear・number を直してください。`,
    en: (p) => `The file name "${q(p.actual)}.md" does not match the fiscal year and number ("${q(p.expected)}.md"). Rename the file or fix fiscalYear / number.`,
  },
  'incident-after-meeting': {
    severity: 'warning',
    ja: (p) => `事故「${q(p.actual)}」の発生（${q(p.expected)}）が会議の開催（${q(p.meeting)}）より後です。事故ファイル名か発生日時を確認してください。`,
    en: (p) => `Incident "${q(p.actual)}" occurred (${q(p.expected)}) after the meeting that examines it (${q(p.meeting)}). Check the reference or the occurrence time.`,
  },
  'meeting-number-gap': {
    severity: 'warning',
    ja: (p) => `${q(p.actual)}の前の${q(p.expected)}の会議がありません。欠番でなければ会議のファイルを追加してください。`,
    en: (p) => `Meeting ${q(p.expectedEn)} before ${q(p.actualEn)} is missing. Add its file unless the number was skipped.`,
  },
  'duration-mismatch': {
    severity: 'error',
    ja: (p) => `継続時間 ${q(p.actual)} が発生日時と復旧日時の差 ${q(p.expected)} と合いません。`,
    en: (p) => `The duration ${q(p.actual)} does not match recovery minus occurrence (${q(p.expected)}).`,
  },
  'below-threshold': {
    severity: 'warning',
    ja: (p) => `継続時間と影響利用者数が区分「${q(p.actual)}」の重大な事故の基準（${q(p.expected)}）に達していません。`,
    en: (p) => `Duration and affected users do not reach the thresholds of class "${q(p.actual)}" (${q(p.expected)}).`,
  },
  'class-text-mismatch': {
    severity: 'error',
    ja: (p) => `区分「${q(p.actual)}」の文言が、発生日に施行中の表（${q(p.table)}から）の${q(p.numeral)}の項と違います：「${q(p.expected)}」。号数字だけ（「${q(p.numeral)}」）を書けば、正しい文言を印字します。`,
    en: (p) => `The text of class "${q(p.actual)}" differs from item ${q(p.numeral)} of the table in force at the occurrence date (from ${q(p.table)}): "${q(p.expected)}". Write the numeral alone ("${q(p.numeral)}") to print the law's text.`,
  },
  'thresholds-unknown': {
    severity: 'info',
    ja: (p) => `${q(p.table)}から施行の区分表には重大な事故の基準（時間と利用者数）がありません（data/codes/serious-accident-classes.yaml）。この表の下の事故${q(p.actual)}件は、区分の確認だけを行い、基準の確認は省略しました。`,
    en: (p) => `The class table in force from ${q(p.table)} has no thresholds (hours and users) in data/codes/serious-accident-classes.yaml. For the ${q(p.actual)} incident(s) under it only the class was checked, not the thresholds.`,
  },
  'check-skipped': {
    severity: 'info',
    ja: (p) => `${q(p.actual)}が分からない（不明・非公表・調査中など）ため、${q(p.expected)}の確認を省略しました。`,
    en: (p) => `Without ${q(p.actualEn)}, the check ${q(p.expectedEn)} was skipped.`,
  },
  'status-with-value': {
    severity: 'error',
    ja: (p) => `「${q(p.actual)}」には value（値）を書けません。値が分かっているなら status を 暫定 にするか、status を消してください。`,
    en: (p) => `"${q(p.actual)}" cannot have a value. If the value is known, make the status 暫定 or remove the status.`,
  },
  'count-not-numeric': {
    severity: 'warning',
    ja: (p) => `「${q(p.actual)}」を数として読めないため、基準の確認と集計から外れます。数（44万6000、3,060万、約13.9万回線）で書くか、不明・非公表・調査中を書いてください。`,
    en: (p) => `"${q(p.actual)}" cannot be read as a number, so it is left out of the threshold check and the register's sums. Write a number (44万6000, 3,060万, 約13.9万回線) or 不明 / 非公表 / 調査中.`,
  },
  'incident-file-name': {
    severity: 'warning',
    ja: (p) => `事故のファイル名「${q(p.actual)}」が最初の発生日と合いません。「${q(p.expected)}」の形にしてください（会議の incidents の参照も直してください）。`,
    en: (p) => `The incident's file name "${q(p.actual)}" does not match its first occurrence date. Name it "${q(p.expected)}" (and update the meetings that name it).`,
  },
  'unquoted-comma': {
    severity: 'error',
    ja: (p) => `値「${q(p.actual)}」が , で二つに分かれました（{ } の中では , が区切りになります）。値を引用符で囲んでください：value: "${q(p.actual)}"。`,
    en: (p) => `The value "${q(p.actual)}" was split at its comma (inside { } a comma separates entries). Quote it: value: "${q(p.actual)}".`,
  },
  'unknown-class': {
    severity: 'error',
    ja: (p) => `区分「${q(p.actual)}」は発生日に施行中の区分（${q(p.expected)}）にありません。`,
    en: (p) => `Class "${q(p.actual)}" is not among the classes in force at the occurrence date (${q(p.expected)}).`,
  },
  'service-number-mismatch': {
    severity: 'error',
    ja: (p) => `役務番号と名称が合いません（${q(p.actual)}、番号表では${q(p.expected)}）。`,
    en: (p) => `Service number and name disagree (${q(p.actual)}; the list says ${q(p.expected)}).`,
  },
  'unused-incident': {
    severity: 'warning',
    ja: () => 'この事故はどの会議からも参照されていません。',
    en: () => 'No meeting refers to this incident.',
  },
  'import-uncertain': {
    severity: 'warning',
    ja: (p) => `取り込みで確定できない箇所です：${q(p.detail)}`,
    en: (p) => `The import could not place this with confidence: ${q(p.detailEn)}`,
    hint: {
      ja: '書き出したファイルの先頭の「# import-uncertain」の注記に原文があります。原本と照らして直し、注記を消してください。',
      en: 'The written file starts with an “# import-uncertain” comment holding the original text; check it against the original, fix the record and remove the comment.',
    },
  },
  'template-error': {
    severity: 'error',
    ja: (p) => `テンプレートのエラーです：${q(p.actual)}`,
    en: (p) => `Template error: ${q(p.actual)}`,
  },
  'template-markup': {
    severity: 'error',
    ja: (p) => `テンプレートのこの書式（${q(p.actual)}）は出力できません。${q(p.expected)}`,
    en: (p) => `This markup in the template (${q(p.actual)}) cannot be written. ${q(p.hint)}`,
  },
  'unstyled-class': {
    severity: 'error',
    ja: (p) =>
      `クラス「${q(p.actual)}」に Word のスタイルがありません。templates/style-map.json の ${q(p.expected)} に加えてください（Word で見た目を変えないクラスなら noWordStyle に理由とともに加えてください）。`,
    en: (p) =>
      `The class "${q(p.actual)}" has no Word style. Add it to ${q(p.expected)} in templates/style-map.json (or, if it changes nothing in Word, to noWordStyle with the reason).`,
  },
} satisfies Record<string, CatalogEntry>;

export type DiagnosticId = keyof typeof catalogEntries;
export const catalog: Record<DiagnosticId, CatalogEntry> = catalogEntries;

/** Mistakes in the templates (or in their pairing with the style map): a build that meets one exits 3. */
export const TEMPLATE_DIAGNOSTIC_IDS: ReadonlySet<DiagnosticId> = new Set<DiagnosticId>(['template-error', 'template-markup', 'unstyled-class']);
