/** The fields of a mirror cell that decide whether anything of its group may be shown. */
interface CellShown {
  ground: string;
  group: string;
  stage: string;
  suppressed: string | null;
  nPopulation: number | null;
}

/**
 * Groups of a grouping of which no figure at all may be shown (every cell hidden, the group's
 * size too), or that has nobody in it: the page and the reports fold them into one line, "n groepen te klein om te tonen".
 */
export function fullyHiddenGroups(
  result: { cells: readonly CellShown[] },
  grouping: string,
  stages: readonly string[],
): Set<string> {
  const out = new Set<string>();
  const cells = result.cells.filter((c) => c.ground === grouping && stages.includes(c.stage));
  for (const group of new Set(cells.map((c) => c.group)))
    if (
      cells
        .filter((c) => c.group === group)
        .every((c) => c.nPopulation === 0 || (c.suppressed !== null && c.nPopulation === null))
    )
      out.add(group);
  return out;
}
