'use client';

/** "Select all on this page": ticks every row's checkbox of the bulk form and tells the bulk bar. */
export function QueueSelectAll({ formId }: { formId: string }) {
  return (
    <input
      type="checkbox"
      id="select-all"
      aria-label="Select all on this page"
      onChange={(event) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="references"][form="${formId}"]`)) {
          box.checked = event.currentTarget.checked;
        }
        document.dispatchEvent(new Event('queue-selection-change'));
      }}
    />
  );
}
