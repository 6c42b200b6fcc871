/**
 * Singling out, step two: where the household rows of a village are exactly
 * its households (one row each, same number), a household can only be a row
 * that some complete assignment of households to rows gives it. A row that
 * only one household can be is that household's, so it is no other's; and so
 * on, to every consequence (Régin's filtering for "all different", 1994):
 * an edge is kept when it is in a maximum matching or joins two vertices of
 * the same strongly connected component of the matching's residual graph.
 * Never wrong: the true assignment is a perfect matching, so its edges stay.
 */

/**
 * Filters a bipartite graph with as many left vertices as right ones (`adj[l]`
 * lists the right vertices of left vertex l) to the edges that belong to some
 * perfect matching. Returns null when there is no perfect matching (the
 * published rows and the households do not fit together).
 */
export function pruneToPerfectMatchings(
  adj: readonly (readonly number[])[],
  nRight: number,
): number[][] | null {
  const nLeft = adj.length;
  if (nLeft !== nRight) return null;
  const matchL = new Int32Array(nLeft).fill(-1);
  const matchR = new Int32Array(nRight).fill(-1);
  for (let l = 0; l < nLeft; l++)
    for (const r of adj[l] as readonly number[])
      if (matchR[r] === -1) {
        matchL[l] = r;
        matchR[r] = l;
        break;
      }
  const seen = new Int32Array(nRight).fill(-1);
  const augment = (l: number, stamp: number): boolean => {
    for (const r of adj[l] as readonly number[]) {
      if (seen[r] === stamp) continue;
      seen[r] = stamp;
      const other = matchR[r] as number;
      if (other === -1 || augment(other, stamp)) {
        matchL[l] = r;
        matchR[r] = l;
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < nLeft; l++) if (matchL[l] === -1 && !augment(l, l)) return null;

  // Residual graph: matched edges left → right, the others right → left; an
  // edge outside the matching is in some perfect matching iff it closes a cycle.
  const n = nLeft + nRight;
  const out: number[][] = Array.from({ length: n }, () => []);
  adj.forEach((rights, l) => {
    for (const r of rights) {
      if (matchL[l] === r) (out[l] as number[]).push(nLeft + r);
      else (out[nLeft + r] as number[]).push(l);
    }
  });
  const component = stronglyConnectedComponents(out);
  return adj.map((rights, l) =>
    rights.filter((r) => matchL[l] === r || component[l] === component[nLeft + r]),
  );
}

/** Tarjan's algorithm without recursion: the component number of each vertex. */
export function stronglyConnectedComponents(out: readonly (readonly number[])[]): Int32Array {
  const n = out.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frames: { v: number; next: number }[] = [];
  let counter = 0;
  let components = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    frames.push({ v: start, next: 0 });
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { v: number; next: number };
      const edges = out[frame.v] as readonly number[];
      if (frame.next < edges.length) {
        const w = edges[frame.next++] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ v: w, next: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v] as number, index[w] as number);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[frame.v] as number);
      if (low[frame.v] === index[frame.v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== frame.v);
        components++;
      }
    }
  }
  return component;
}
