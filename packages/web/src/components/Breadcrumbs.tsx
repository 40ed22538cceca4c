/*
 * The trail from the root folder to the current one; each step is a link, the last marks the page.
 */
import { routeHref } from '../router';

/** Breadcrumbs for `path` (relative, `''` or ending with `/`). */
export function Breadcrumbs({ path }: { path: string }) {
  const segments = path.split('/').filter((s) => s !== '');
  const crumbs = [{ name: 'All files', path: '' }].concat(
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
              <a href={routeHref({ name: 'files', path: crumb.path })}>{crumb.name}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
