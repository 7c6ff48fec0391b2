'use client';

import { useEffect, useRef } from 'react';

const shortcuts = [
  ['j', 'Next request'],
  ['k', 'Previous request'],
  ['Enter', 'Open the highlighted request'],
  ['c', 'Claim the next request'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
] as const;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The queue's keyboard shortcuts: j/k move between rows (focusing each row's reference link, so Enter
 * opens it), c claims the next request, / jumps to the search box, ? lists them. Ignored while typing
 * in a field or with a modifier key, so they never steal a character.
 */
export function QueueShortcuts({ canClaim }: { canClaim: boolean }) {
  // A role that cannot claim (auditors) is not told of a key that would do nothing.
  const listed = shortcuts.filter(([key]) => canClaim || key !== 'c');
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (dialogRef.current?.open) return;
      const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-queue-row-link]'));
      const current = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (event.key === 'j' || event.key === 'k') {
        if (links.length === 0) return;
        event.preventDefault();
        const next = current === -1 ? 0 : Math.min(Math.max(current + (event.key === 'j' ? 1 : -1), 0), links.length - 1);
        links[next]?.focus();
        links[next]?.scrollIntoView({ block: 'nearest' });
      } else if (event.key === 'c') {
        const claim = document.querySelector<HTMLButtonElement>('[data-queue-claim]');
        if (!claim) return;
        event.preventDefault();
        claim.click();
      } else if (event.key === '/') {
        event.preventDefault();
        document.querySelector<HTMLInputElement>('#filter-q')?.focus();
      } else if (event.key === '?') {
        event.preventDefault();
        dialogRef.current?.showModal();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <p className="field__hint queue-shortcuts__hint">
        Keyboard: press{' '}
        <button type="button" className="button--link" onClick={() => dialogRef.current?.showModal()}>
          ? for shortcuts
        </button>
      </p>
      <dialog ref={dialogRef} className="queue-shortcuts" aria-labelledby="queue-shortcuts-heading">
        <h2 id="queue-shortcuts-heading">Keyboard shortcuts</h2>
        <dl>
          {listed.map(([key, description]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
