/*
 * The two areas, "My files" (only the signed-in user) and "Shared" (every signed-in user), as links
 * to each area's root; the current one is marked for screen readers and drawn as selected.
 */
import type { AreaName } from 'auth-s3';
import { AREA_LABELS } from '../files/entry';
import { filesRoute, routeHref } from '../router';

const AREAS: AreaName[] = ['mine', 'shared'];

/** Links to both areas; `current` is the area shown. */
export function AreaTabs({ current }: { current: AreaName }) {
  return (
    <nav className="area-tabs" aria-label="Areas">
      <ul>
        {AREAS.map((area) => (
          <li key={area}>
            <a
              href={routeHref(filesRoute(area))}
              className={area === current ? 'area-tab is-current' : 'area-tab'}
              aria-current={area === current ? 'page' : undefined}
            >
              {AREA_LABELS[area]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
