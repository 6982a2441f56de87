import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import type { Rule } from './rule.js';

/**
 * A service number listed in data/codes/service-numbers.yaml must come with its name; unlisted numbers pass.
 * OK:   { number: 12, name: インターネット接続サービス }
 * Fail: { number: 12, name: インターネット関連サービス } → service-number-mismatch (12 is インターネット接続サービス)
 */
export const checkServiceNumbers: Rule = {
  ids: ['service-number-mismatch'],
  perRecord: { kinds: ['incident'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    const known = new Map(project.codes.services.services.map((s) => [s.number, s.name]));
    for (const { file, data } of project.incidents.values()) {
      (data.classification.services ?? []).forEach((service, index) => {
        if (service.number === undefined) return;
        const name = known.get(service.number);
        if (name === undefined || name.normalize('NFKC') === service.name.normalize('NFKC')) return;
        diagnostics.push(
          createDiagnostic('service-number-mismatch', file.path, locateYamlPath(file, ['classification', 'services', index, 'name']), {
            actual: `${service.number} ${service.name}`,
            expected: `${service.number} ${name}`,
          }),
        );
      });
    }
    return diagnostics;
  },
};
