/**
 * How much of a person's data the package's index.html shows itself. The page is built
 * in memory, so it is capped: a table with more rows says so and points at its CSV file,
 * which always holds every row.
 */
export const MAX_SHOWN_ROWS_PER_TABLE = 500;

/** A longer cell (a support ticket's body, a JSON blob) is cut on the page; the files keep it whole. */
export const MAX_SHOWN_CELL_CHARACTERS = 2000;
