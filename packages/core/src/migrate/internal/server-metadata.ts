/** Metadata the API server sets; an object written back must not carry it. */
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'managedFields',
  'generation',
  'selfLink',
];

/** Removes what the API server set from an object's metadata, in place, before it is written back. */
export function dropServerMetadata(metadata: Record<string, unknown>): void {
  for (const key of SERVER_METADATA) delete metadata[key];
}
