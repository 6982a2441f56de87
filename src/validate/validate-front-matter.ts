import type { ZodIssue, ZodTypeAny } from 'zod';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticId } from '../diagnostics/catalog.js';
import { locateYamlPath } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import { keysAt, labelAt } from '../schema/field-at.js';
import { suggestClosest } from './suggest.js';

/** Validates front matter against a zod schema; every issue becomes a located diagnostic. */
export function validateFrontMatter<T>(file: SourceFile, schema: ZodTypeAny): { value?: T; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(file.data);
  if (result.success) return { value: result.data as T, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(file, issue, schema));
  return { diagnostics: dedupe(diagnostics) };
}

function issueToDiagnostics(file: SourceFile, issue: ZodIssue, schema: ZodTypeAny): Diagnostic[] {
  const path = issue.path;
  const key = [...path].reverse().find((segment) => typeof segment === 'string') as string | undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((unknownKey) => {
        const where = locateYamlPath(file, [...path, unknownKey], 'key');
        const split = splitAtComma(valueAt(file.data, path), unknownKey);
        if (split) return createDiagnostic('unquoted-comma', file.path, where, { actual: split });
        return createDiagnostic('unknown-field', file.path, where, {
          actual: unknownKey,
          expected: suggestClosest(unknownKey, keysAt(schema, path)),
        });
      });
    case 'invalid_union': {
      const matching = pickUnionBranch(issue);
      if (matching) return matching.flatMap((inner) => issueToDiagnostics(file, inner, schema));
      break;
    }
    case 'invalid_type':
      if (issue.received === 'undefined') {
        return [
          createDiagnostic('missing-field', file.path, locateYamlPath(file, path), {
            key: String(key ?? path.join('.')),
            label: labelAt(schema, path),
          }),
        ];
      }
      break;
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string>;
      if (params.id) {
        return [
          createDiagnostic(params.id as DiagnosticId, file.path, locateYamlPath(file, path), {
            ...params,
            key: String(key ?? ''),
            label: labelAt(schema, path),
          }),
        ];
      }
      break;
    }
    case 'invalid_literal':
      if (path.length === 1 && path[0] === 'type') {
        return [
          createDiagnostic('unknown-type', file.path, locateYamlPath(file, path), {
            actual: String((file.data as Record<string, unknown>)?.type),
            expected: String(issue.expected),
          }),
        ];
      }
      break;
  }
  return [
    createDiagnostic('invalid-value', file.path, locateYamlPath(file, path), {
      key: String(key ?? path.join('.')),
      label: labelAt(schema, path),
      detail: describeIssueJa(issue),
      detailEn: issue.message,
    }),
  ];
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/**
 * `{ value: 2,278万 }` in a YAML flow mapping reads as value 2 and a key 「278万」: the value the user meant, when the
 * unknown key is the digits after a comma.
 */
function splitAtComma(object: unknown, unknownKey: string): string | undefined {
  if (!object || typeof object !== 'object' || !/^\d{3}/.test(unknownKey)) return undefined;
  const before = Object.entries(object as Record<string, unknown>)
    .filter(([key, value]) => key !== unknownKey && typeof value === 'number')
    .map(([, value]) => value);
  return before.length ? `${String(before[0])},${unknownKey}` : undefined;
}

/** For a union, the branch whose top-level type matched the value (its issues are the useful ones). */
function pickUnionBranch(issue: Extract<ZodIssue, { code: 'invalid_union' }>): ZodIssue[] | undefined {
  const branches = issue.unionErrors.map((error) => error.issues);
  const typeMatched = branches.filter(
    (issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === issue.path.length),
  );
  // A status word branch (不明 / 非公表 / 調査中) matches every string; the value's own branch says what is wrong.
  const onlyWord = (issues: ZodIssue[]) => issues.every((inner) => inner.code === 'invalid_enum_value' && inner.path.length === issue.path.length);
  const specific = typeMatched.filter((issues) => !onlyWord(issues));
  if (specific.length === 1) return specific[0];
  return typeMatched.length === 1 ? typeMatched[0] : undefined;
}

function describeIssueJa(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${typeJa(issue.expected)}を書いてください（現在は${typeJa(issue.received)}）。`;
    case 'invalid_enum_value':
      return `「${String(issue.received)}」ではなく ${issue.options.join(' / ')} のいずれかを書いてください。`;
    case 'too_small':
      return issue.type === 'array' ? `${issue.minimum}件以上必要です。` : `${issue.minimum}以上の値が必要です。`;
    case 'too_big':
      return `${issue.maximum}以下の値にしてください。`;
    case 'custom':
      return typeof issue.params?.ja === 'string' ? issue.params.ja : issue.message;
    case 'invalid_union':
      return '文字列、または決められた形の項目を書いてください。';
    case 'not_finite':
      return '有限の数値を書いてください（大きすぎる数値は書けません）。';
    default:
      return issue.message;
  }
}

function typeJa(type: string): string {
  const names: Record<string, string> = {
    string: '文字列',
    number: '数値',
    integer: '整数',
    boolean: 'true か false',
    array: 'リスト',
    object: '項目の組',
    null: '空の値',
    undefined: '値なし',
  };
  return names[type] ?? type;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = `${d.id}:${d.start.line}:${d.start.column}:${d.ja}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
