'use client';

import { useState } from 'react';

/** On a phone the staff navigation folds behind this button (globals.css shows it under 640 px only). */
export function StaffNavToggle({ controls }: { controls: string }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <button
      type="button"
      className="staff-nav__toggle button--secondary"
      aria-expanded={isOpen}
      aria-controls={controls}
      onClick={(event) => {
        setOpen(!isOpen);
        event.currentTarget.closest('nav')?.toggleAttribute('data-open', !isOpen);
      }}
    >
      Menu
    </button>
  );
}
