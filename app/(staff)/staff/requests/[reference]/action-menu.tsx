import type { ReactNode } from 'react';

export type ActionMenuItem = { id: string; label: string; content: ReactNode };

/**
 * "More actions": the actions the state allows besides the primary one, each opening its form on
 * demand. Native disclosures (<details>), so it works without JavaScript and with the keyboard alone
 * (Tab to a summary, Enter or Space to open it), and a refused submission keeps its form open with
 * its message and typed values.
 */
export function ActionMenu({ items }: { items: ActionMenuItem[] }) {
  if (items.length === 0) return null;
  return (
    <details className="action-menu">
      <summary className="action-menu__toggle">More actions</summary>
      <ul className="action-menu__list">
        {items.map((item) => (
          <li key={item.id}>
            <details className="action-menu__item" id={`action-${item.id}`}>
              <summary>{item.label}</summary>
              <div className="action-menu__panel panel">{item.content}</div>
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}
