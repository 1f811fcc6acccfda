import type { ComponentChildren } from 'preact';

/**
 * A data table: an optional caption, a column heading per `head`, and the caller's rows (each
 * starting with a `<th scope="row">`). `actions` adds an unlabelled last column for row buttons.
 */
export function Table({
  head,
  caption,
  actions,
  children,
  ...attrs
}: {
  head: string[];
  caption?: ComponentChildren;
  actions?: boolean;
  children: ComponentChildren;
  class?: string;
  'data-metrics'?: string;
}) {
  return (
    <table {...attrs}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
          {actions && <td />}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
