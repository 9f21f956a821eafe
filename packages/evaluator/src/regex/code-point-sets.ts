/**
 * The exact set of code points a JavaScript class matches, as ranges. Used to hand classes to
 * RE2 that RE2 cannot spell (`\p{Alphabetic}`, set operations, Unicode `\w`) with the very same
 * members V8 uses, so both engines agree. Computed once per class by scanning the code space in
 * blocks: a block wholly inside or outside the class costs two regex runs, not one per character.
 */
export type CodePointRanges = readonly (readonly [number, number])[];

const BLOCK_SIZE = 0x400;

interface Block {
  readonly codePoints: readonly number[];
  readonly text: string;
}

let blocks: Block[] | null = null;

/** The Unicode scalar values (surrogates excluded), in blocks. */
function codeSpaceBlocks(): Block[] {
  if (blocks === null) {
    blocks = [];
    for (let start = 0; start <= 0x10ffff; start += BLOCK_SIZE) {
      const codePoints: number[] = [];
      for (let codePoint = start; codePoint < start + BLOCK_SIZE; codePoint++) {
        if (codePoint < 0xd800 || codePoint > 0xdfff) codePoints.push(codePoint);
      }
      if (codePoints.length > 0) blocks.push({ codePoints, text: String.fromCodePoint(...codePoints) });
    }
  }
  return blocks;
}

const cache = new Map<string, CodePointRanges>();

/** `classSource` is a complete `v`-flag class (`[…]` or `\p{…}`); `flags` is `v` or `vi`. */
export function codePointRanges(classSource: string, flags: string): CodePointRanges {
  const key = `${flags}/${classSource}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const any = new RegExp(classSource, flags);
  const all = new RegExp(`^(?:${classSource})+$`, flags);
  const members = new RegExp(classSource, `${flags}g`);
  const ranges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === from - 1) last[1] = to;
    else ranges.push([from, to]);
  };
  for (const block of codeSpaceBlocks()) {
    if (!any.test(block.text)) continue;
    // Blocks never straddle the surrogates, so their code points are contiguous.
    if (all.test(block.text)) {
      add(block.codePoints[0] as number, block.codePoints[block.codePoints.length - 1] as number);
      continue;
    }
    for (const match of block.text.matchAll(members)) {
      const codePoint = match[0].codePointAt(0) as number;
      add(codePoint, codePoint);
    }
  }
  cache.set(key, ranges);
  return ranges;
}
