import { describe, expect, it } from 'vitest';
import { clusterIpLine, commentableLines } from './inline.js';

describe('clusterIpLine', () => {
  it('turns a plain type: LoadBalancer line into ClusterIP, keeping indentation, quotes and comments', () => {
    expect(clusterIpLine('  type: LoadBalancer')).toBe('  type: ClusterIP');
    expect(clusterIpLine('    type: "LoadBalancer"  # public')).toBe('    type: "ClusterIP"  # public');
    expect(clusterIpLine("  type: 'LoadBalancer'")).toBe("  type: 'ClusterIP'");
  });

  it('leaves lines it cannot rewrite safely', () => {
    expect(clusterIpLine('  type: {{ .Values.type }}')).toBeNull();
    expect(clusterIpLine('spec: { type: LoadBalancer }')).toBeNull();
    expect(clusterIpLine('  type: LoadBalancerX')).toBeNull();
  });
});

describe('commentableLines', () => {
  it('lists the head lines inside the hunks, not removed ones', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' a',
      '-b',
      '+B',
      '+C',
      ' d',
      '@@ -10,2 +11,2 @@',
      ' x',
      '-y',
      '+Y',
    ].join('\n');
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 4, 11, 12]);
  });

  it('has no lines without a patch', () => {
    expect(commentableLines(null).size).toBe(0);
  });
});
