/*
 * The trail from the area's root folder to the current one; each step is a link, the last marks
 * the page.
 */
import type { AreaName } from 'auth-s3';
import { AREA_LABELS } from '../files/entry';
import { filesRoute, routeHref } from '../router';

/** Breadcrumbs for `path` (relative, `''` or ending with `/`) of `area`. */
export function Breadcrumbs({ area, path }: { area: AreaName; path: string }) {
  const segments = path.split('/').filter((s) => s !== '');
  const crumbs = [{ name: AREA_LABELS[area], path: '' }].concat(
    segments.map((name, i) => ({ name, path: `${segments.slice(0, i + 1).join('/')}/` })),
  );
  return (
    <nav className="breadcrumbs" aria-label="Folders">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={crumb.path}>
            {i === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.name}</span>
            ) : (
              <a href={routeHref(filesRoute(area, crumb.path))}>{crumb.name}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
