/**
 * The base version of a changed file from its head version and the unified diff GitHub lists with
 * it, so the Action need not download the base version too. Anything it cannot be sure of returns
 * null, and the caller reads the file instead.
 */

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Undoes `patch` on `head`; null when the patch does not fit the text or is not plain. */
export function reverseApplyPatch(head: string, patch: string): string | null {
  // A file without a final newline shows a marker GitHub places on either side; rare, so read it.
  if (patch.includes('\n\\ ') || patch.startsWith('\\ ')) return null;
  const headLines = head.split('\n');
  const base: string[] = [];
  let next = 0; // index in headLines of the first line not yet copied
  const rows = patch.split('\n');
  let row = 0;
  while (row < rows.length) {
    const header = HUNK_HEADER.exec(rows[row] ?? '');
    if (!header) return null;
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const newStart = Number(header[3]);
    const newCount = header[4] === undefined ? 1 : Number(header[4]);
    // An empty side names the line before it (`+0,0` or `+5,0`).
    const start = newCount === 0 ? newStart : newStart - 1;
    if (start < next || start > headLines.length) return null;
    base.push(...headLines.slice(next, start));
    next = start;
    let seenOld = 0;
    let seenNew = 0;
    row++;
    while (row < rows.length && !HUNK_HEADER.test(rows[row] ?? '')) {
      const line = rows[row] as string;
      const text = line.slice(1);
      if (line.startsWith('+')) {
        if (headLines[next] !== text) return null;
        next++;
        seenNew++;
      } else if (line.startsWith('-')) {
        base.push(text);
        seenOld++;
      } else if (line.startsWith(' ') || line === '') {
        if (headLines[next] !== text) return null;
        base.push(text);
        next++;
        seenOld++;
        seenNew++;
      } else {
        return null;
      }
      row++;
    }
    if (seenOld !== oldCount || seenNew !== newCount) return null;
  }
  base.push(...headLines.slice(next));
  return base.join('\n');
}
