// Maximal covering location (Church & ReVelle 1974), solved greedily: add, k times, the candidate
// that covers the most not-yet-covered demand weight. Covered weight is monotone and submodular
// in the chosen set, so the greedy choice reaches at least (1 − 1/e) ≈ 63.2% of the optimum
// (Nemhauser, Wolsey & Fisher 1978), also when existing units are fixed first.
//
// Lazy evaluation (Minoux 1978): a candidate's gain can only shrink as coverage grows, so a stale
// gain is an upper bound. Candidates wait in a max-heap under their last known gain; the top is
// recomputed, and it is chosen once its gain is fresh and still on top. The heap orders by
// (gain desc, index asc), so the choice is exactly the plain greedy one, ties included.

export interface MaxCoverInput {
  /** Demand weights (events per cell, or 1 per event); a demand's id is its index. Finite, ≥ 0. */
  weights: ArrayLike<number>
  /** `covers[c]` lists the demands candidate c covers; the caller decides distance or network. */
  covers: ReadonlyArray<ArrayLike<number>>
  /** Demands that existing units already cover: they count in the totals, never in a gain. */
  alreadyCovered?: ArrayLike<number>
  /** How many new sites to choose. */
  k: number
}

export interface MaxCoverPick {
  candidate: number
  /** Weight this site covers that nothing chosen before it (or existing) covers. */
  gain: number
  /** Covered weight once this site is added. */
  coveredAfter: number
}

export interface MaxCoverResult {
  /** In the order chosen; gains never increase. Fewer than k when no candidate adds anything. */
  picks: MaxCoverPick[]
  totalWeight: number
  /** Weight covered by existing units alone. */
  coveredBefore: number
  coveredAfter: number
  /** 1 for each demand covered after the picks. */
  covered: Uint8Array
  method: {
    name: 'greedy maximal covering (lazy evaluation)'
    k: number
    candidates: number
    demands: number
    tieBreak: 'lowest candidate index'
    guarantee: '(1 − 1/e) of the optimum'
    /** Gain evaluations done, for the complexity claim (plain greedy does k × candidates). */
    evaluations: number
  }
}

/** Greedy maximal covering: the k sites, in order, with each one's marginal gain. */
export function greedyMaxCover(input: MaxCoverInput): MaxCoverResult {
  const { weights, covers, k } = input
  const n = weights.length
  if (!Number.isInteger(k) || k < 0)
    throw new RangeError(`k must be a whole number ≥ 0, got ${k}`)
  let totalWeight = 0
  for (let d = 0; d < n; d++) {
    const w = weights[d]!
    if (!Number.isFinite(w) || w < 0)
      throw new RangeError(`demand ${d} has weight ${w}: weights must be finite and ≥ 0`)
    totalWeight += w
  }
  const lists = covers.map((list, c) => uniqueDemands(list, n, `candidate ${c}`))
  const covered = new Uint8Array(n)
  let coveredBefore = 0
  for (const d of uniqueDemands(input.alreadyCovered ?? [], n, 'alreadyCovered')) {
    covered[d] = 1
    coveredBefore += weights[d]!
  }

  const gainOf = (c: number) => {
    let gain = 0
    for (const d of lists[c]!) {
      if (!covered[d])
        gain += weights[d]!
    }
    return gain
  }
  const heap = new CandidateHeap()
  let evaluations = 0
  for (let c = 0; c < lists.length; c++) {
    heap.push(c, gainOf(c), 0)
    evaluations++
  }

  const picks: MaxCoverPick[] = []
  let coveredNow = coveredBefore
  while (picks.length < k && heap.size) {
    const top = heap.peek()
    if (top.round !== picks.length) {
      heap.pop()
      heap.push(top.candidate, gainOf(top.candidate), picks.length)
      evaluations++
      continue
    }
    if (top.gain <= 0)
      break
    heap.pop()
    for (const d of lists[top.candidate]!) {
      if (!covered[d]) {
        covered[d] = 1
        coveredNow += weights[d]!
      }
    }
    picks.push({ candidate: top.candidate, gain: top.gain, coveredAfter: coveredNow })
  }

  return {
    picks,
    totalWeight,
    coveredBefore,
    coveredAfter: coveredNow,
    covered,
    method: {
      name: 'greedy maximal covering (lazy evaluation)',
      k,
      candidates: lists.length,
      demands: n,
      tieBreak: 'lowest candidate index',
      guarantee: '(1 − 1/e) of the optimum',
      evaluations,
    },
  }
}

/** Sorted, without repeats, so a demand listed twice counts once. */
function uniqueDemands(list: ArrayLike<number>, n: number, owner: string): Int32Array {
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!
    if (!Number.isInteger(d) || d < 0 || d >= n)
      throw new RangeError(`${owner} lists demand ${d}: demands are numbered 0 to ${n - 1}`)
  }
  const out = Int32Array.from(list)
  out.sort()
  let m = 0
  for (let i = 0; i < out.length; i++) {
    if (i === 0 || out[i] !== out[i - 1])
      out[m++] = out[i]!
  }
  return out.subarray(0, m)
}

interface Entry { candidate: number, gain: number, round: number }

/** Binary max-heap on (gain desc, candidate asc). */
class CandidateHeap {
  private items: Entry[] = []

  get size(): number {
    return this.items.length
  }

  peek(): Entry {
    return this.items[0]!
  }

  push(candidate: number, gain: number, round: number): void {
    const items = this.items
    items.push({ candidate, gain, round })
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(items[i]!, items[parent]!))
        break
      swap(items, i, parent)
      i = parent
    }
  }

  pop(): Entry {
    const items = this.items
    const top = items[0]!
    const last = items.pop()!
    if (items.length) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < items.length && before(items[l]!, items[best]!))
          best = l
        if (r < items.length && before(items[r]!, items[best]!))
          best = r
        if (best === i)
          break
        swap(items, i, best)
        i = best
      }
    }
    return top
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.gain > b.gain || (a.gain === b.gain && a.candidate < b.candidate)
}

function swap(items: Entry[], i: number, j: number): void {
  const t = items[i]!
  items[i] = items[j]!
  items[j] = t
}
