// The guide's "what is next": the step after the last one the page shows as done, whatever order the person
// arrived in; each site's guide ends on a step that is never done, where it rests.
import { describe, expect, it } from 'vitest';
import { invisionAdapter } from '../../utils/adapters/invision.source';
import { TARGET_ADAPTERS } from '../../utils/adapters';
import type { GuideStep } from '../../utils/adapters/types';
import { currentStep } from '../../utils/guide/guide';

const steps = ['a', 'b', 'c', 'd'].map((id): GuideStep => ({ id, say: 'guideFinished', done: id === 'd' ? 'never' : { path: new RegExp(id) } }));
const doneIds = (...ids: string[]) => (done: GuideStep['done']) => done !== 'never' && 'path' in done && ids.some((id) => done.path.test(id));

describe('guide', () => {
  it('starts at the first step on a page that shows nothing done', () => {
    expect(currentStep(steps, doneIds())).toBe(0);
  });
  it('counts earlier steps as done when the page shows a later one done (started in the middle)', () => {
    expect(currentStep(steps, doneIds('b'))).toBe(2);
  });
  it('rests on the last step', () => {
    expect(currentStep(steps, doneIds('a', 'b', 'c'))).toBe(3);
  });
  it.each([invisionAdapter, ...TARGET_ADAPTERS])('$label: steps have unique ids and end on a resting step', (adapter) => {
    const guide = adapter.guide ?? [];
    expect(guide.length).toBeGreaterThan(1);
    expect(new Set(guide.map((s) => s.id)).size).toBe(guide.length);
    expect(guide.at(-1)!.done).toBe('never');
    expect(guide.slice(0, -1).every((s) => s.done !== 'never')).toBe(true);
  });
});
