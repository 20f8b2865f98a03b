import { dropAliased, type DesignMatrix } from './design-matrix.js';
import { cholesky } from './linear-algebra.js';
import { logisticRegression, type LogisticResult } from './logistic.js';
import { firthLogisticRegression } from './firth.js';

export interface RobustLogisticResult {
  fit: LogisticResult;
  /** Columns left out because they follow from the columns before them (R: NA). */
  aliased: string[];
  /** 'glm' = maximum likelihood as R's glm; 'firth' = Firth's bias reduction after separation. */
  method: 'glm' | 'firth';
}

/** The first column of X'X that is (almost) a combination of the ones before it, or null. */
export function firstAliasedColumn(design: DesignMatrix): number | null {
  const { rows: n, columns: p, values: x } = design;
  const xtx = new Float64Array(p * p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      const v = x[i * p + j];
      if (v === 0) continue;
      for (let k = 0; k <= j; k++) xtx[j * p + k] += v * x[i * p + k];
    }
  for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) xtx[j * p + k] = xtx[k * p + j];
  const result = cholesky(xtx, p);
  return result.ok ? null : result.column;
}

/**
 * Logistic regression that still answers where plain glm would refuse: aliased columns are
 * dropped (as R reports them NA) and the rest estimated; under separation the model is fitted
 * with Firth's bias reduction, which gives finite estimates.
 */
export function robustLogisticRegression(design: DesignMatrix, y: readonly number[]): RobustLogisticResult {
  const { design: reduced, aliased } = dropAliased(design, firstAliasedColumn);
  const fit = logisticRegression(reduced, y);
  if (fit.status === 'separation' && !y.every((v) => v === y[0]))
    return { fit: firthLogisticRegression(reduced, y), aliased, method: 'firth' };
  return { fit, aliased, method: 'glm' };
}
