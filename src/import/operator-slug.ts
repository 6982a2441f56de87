/**
 * The slug of an operator in an incident id (2025-04-26-kubell): from the operator's own Latin name when it has one
 * (株式会社kubell → kubell, SORACOM CORPORATION, LTD. → soracom), from the known operators below, or from its
 * katakana (株式会社カカオ → kakao). Undefined when none applies; the caller then notes it.
 */
const KNOWN: readonly [RegExp, string][] = [
  [/ドコモ|docomo/i, 'docomo'],
  [/マイクロソフト|microsoft/i, 'microsoft'],
  [/ＫＤＤＩ|KDDI/i, 'kddi'],
  [/ソフトバンク/, 'softbank'],
  [/楽天モバイル/, 'rakuten-mobile'],
  [/西日本電信電話|ＮＴＴ西日本|NTT西日本/, 'ntt-west'],
  [/東日本電信電話|ＮＴＴ東日本|NTT東日本/, 'ntt-east'],
];

const COMPANY_WORDS = /株式会社|有限会社|合同会社|一般社団法人|CORPORATION|CO\.|LTD\.?|INC\.?|LIMITED|[,.]/gi;

export function operatorSlug(name: string): string | undefined {
  const ascii = name.normalize('NFKC');
  for (const [pattern, slug] of KNOWN) if (pattern.test(ascii)) return slug;
  const latin = ascii.replace(COMPANY_WORDS, ' ').match(/[A-Za-z][A-Za-z0-9]*/g);
  if (latin?.length) return latin[0].toLowerCase();
  const kana = ascii.replace(/株式会社|有限会社|合同会社/g, '').match(/[ァ-ヶー]+/);
  if (kana) return romanize(kana[0]);
  return undefined;
}

const KANA: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo',
  ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヲ: 'o', ン: 'n', ヴ: 'vu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo',
};

/** Hepburn-like romanization, enough for a file name: キャッチネットワーク → kyatchinettowaku. */
function romanize(kana: string): string {
  let out = '';
  for (let i = 0; i < kana.length; i++) {
    const c = kana[i];
    const next = kana[i + 1];
    if (c === 'ッ' && next && KANA[next]) {
      out += KANA[next][0] === 'c' ? 't' : KANA[next][0];
      continue;
    }
    if (c === 'ー') continue;
    if (next && /[ャュョ]/.test(next) && KANA[c]) {
      const base = KANA[c];
      out += (base.endsWith('i') ? base.slice(0, -1) : base) + KANA[next].slice(base === 'shi' || base === 'chi' || base === 'ji' ? 1 : 0);
      i++;
      continue;
    }
    out += KANA[c] ?? '';
  }
  return out;
}
