/**
 * Figure 6 of `npm run bench`: each platform's own app (issue 27) beside the multi-platform app:
 * definition nodes (issue 27's target: at most 40% of the multi-platform app's) and per-delivery
 * cost through core's handler (single-platform-worker.ts measures both in one process).
 */
import type { SinglePlatformFigures } from './single-platform-worker';
import { fixed, micros } from './stats';
import { verdict, type Row } from './table';

/** Issue 27's target: a single-platform definition at most this share of the multi-platform one's nodes. */
export const NODE_SHARE_TARGET = 0.4;

/** The bench rows of figure 6: per platform, its definition's share of nodes, then its per-delivery time beside the multi-platform app's. */
export function singlePlatformRows(figures: readonly SinglePlatformFigures[]): Row[] {
  return figures.flatMap((figure): Row[] => {
    const share = figure.singleNodes / figure.multiNodes;
    const method = figure.method.split('.')[1];
    return [
      [
        `6 ${figure.platform} app: definition nodes`,
        figure.singleNodes.toLocaleString('en'),
        '',
        fixed(share),
        `<= ${fixed(NODE_SHARE_TARGET)} of multi`,
        verdict(share <= NODE_SHARE_TARGET),
        `multi-platform app: ${figure.multiNodes.toLocaleString('en')} nodes`,
      ],
      [
        `6 ${figure.platform} app: per delivery (${method})`,
        micros(figure.singleMs),
        '',
        fixed(figure.singleMs / figure.multiMs),
        '',
        '',
        figure.problem ?? `multi-platform app, same delivery and trigger: ${micros(figure.multiMs)} (ratio = single ÷ multi)`,
      ],
    ];
  });
}
