import { invalid } from '../../../domain/errors.ts';
import type { RoundTableProblem } from '../../../domain/care/round-table.ts';
import type { NetworkProblem } from '../../../domain/care/network-follow-up.ts';

/** The domain's problems as translated 400s on their fields (nothing changed). */
export function ensureRoundTableAllows(problems: RoundTableProblem[], params: Record<string, string> = {}) {
  if (problems.length)
    throw invalid(problems.map((p) => ({ path: p.path, messageKey: `roundTable.${p.problem}`, params })));
}

export function ensureNetworkAllows(problems: NetworkProblem[]) {
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path, messageKey: `network.${p.problem}` })));
}
