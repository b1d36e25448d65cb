/**
 * The text of `renderJson` (`JSON.stringify(report, null, 2)` and a newline), in pieces of about a
 * mebibyte, so a large report is written as it is serialised. Made in one go, the text of a
 * 10,000-file repository was held three times over (JSON.stringify's parts, the joined string, its
 * bytes for the write), most of the CLI's peak memory. Joined, the pieces are renderJson's text.
 */

/** Items of a list serialised in one call: few enough that a piece stays around a mebibyte. */
const ITEMS_PER_PIECE = 500;

/** The pieces of `${JSON.stringify(value, null, 2)}\n` for a plain object, top-level lists in runs of items. */
export function* jsonPieces(value: object, itemsPerPiece = ITEMS_PER_PIECE): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, field] of Object.entries(value)) {
    // Each piece is JSON.stringify's own text of the member (or of a run of a list's items) inside
    // an object like the report, cut out of it: indented as in the whole text, with no re-indenting.
    if (Array.isArray(field) && field.length > itemsPerPiece) {
      const opening = `{\n  ${JSON.stringify(key)}: [`;
      yield `${first ? '' : ','}${opening.slice(1)}`;
      for (let start = 0; start < field.length; start += itemsPerPiece) {
        const text = JSON.stringify({ [key]: field.slice(start, start + itemsPerPiece) }, null, 2);
        // From the line break before the run's first item to the end of its last one.
        // The comma apart: joined to the run, a megabyte would be copied once more to be written.
        if (start > 0) yield ',';
        yield text.slice(opening.length, text.length - '\n  ]\n}'.length);
      }
      yield '\n  ]';
    } else {
      const text = JSON.stringify({ [key]: field }, null, 2);
      // JSON.stringify leaves out members that are undefined, functions or symbols.
      if (text === '{}') continue;
      yield `${first ? '' : ','}${text.slice(1, text.length - '\n}'.length)}`;
    }
    first = false;
  }
  yield first ? '}\n' : '\n}\n';
}
