'use client';

import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export type ActionMenuItem = { id: string; label: string; content: ReactNode };

/**
 * "More actions": a disclosure button listing the actions the state allows; choosing one closes the
 * list and opens that action's form below (one at a time), with focus on it. Plain buttons with
 * aria-expanded, so Tab, Enter, Space and Escape work without a custom keyboard model. Every form is
 * rendered (hidden until chosen), so a refused submission keeps its message and typed values.
 */
export function ActionMenu({ items }: { items: ActionMenuItem[] }) {
  const [isMenuOpen, setMenuOpen] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const baseId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRefs = useRef<Record<string, HTMLElement | null>>({});

  useEffect(() => {
    if (openId) panelRefs.current[openId]?.focus();
  }, [openId]);

  if (items.length === 0) return null;
  const menuId = `${baseId}-menu`;
  return (
    <div className="action-menu">
      <button
        ref={toggleRef}
        type="button"
        className="button--secondary action-menu__toggle"
        aria-expanded={isMenuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen(!isMenuOpen)}
      >
        More actions <span aria-hidden="true">▾</span>
      </button>
      <ul
        id={menuId}
        className="action-menu__list"
        hidden={!isMenuOpen}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setMenuOpen(false);
            toggleRef.current?.focus();
          }
        }}
      >
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="action-menu__item"
              aria-expanded={openId === item.id}
              aria-controls={`${baseId}-${item.id}`}
              onClick={() => {
                setOpenId(openId === item.id ? null : item.id);
                setMenuOpen(false);
              }}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      {items.map((item) => (
        <section
          key={item.id}
          id={`${baseId}-${item.id}`}
          className="action-menu__panel panel"
          hidden={openId !== item.id}
          tabIndex={-1}
          ref={(element) => {
            panelRefs.current[item.id] = element;
          }}
          aria-label={item.label}
        >
          {item.content}
          <button type="button" className="button--link" onClick={() => setOpenId(null)}>
            Close this form
          </button>
        </section>
      ))}
    </div>
  );
}
