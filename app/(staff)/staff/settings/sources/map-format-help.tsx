const example = `{
  "tables": [
    {
      "table": "customers",
      "match": { "column": "email", "equals": "email" },
      "export": ["id", "email", "full_name", "phone", "created_at"],
      "erase": { "action": "anonymise", "columns": ["email", "full_name", "phone"] }
    },
    {
      "table": "orders",
      "match": { "column": "customer_id", "references": { "table": "customers", "column": "id" } },
      "export": ["id", "placed_at", "total_pence", "status", "shipping_name", "shipping_address"],
      "erase": { "action": "anonymise", "columns": ["shipping_name", "shipping_address"] }
    },
    {
      "table": "newsletter_subscriptions",
      "match": { "column": "email", "equals": "email" },
      "export": ["id", "email", "subscribed_at", "topic"],
      "erase": { "action": "delete" }
    }
  ]
}`;

/** How a PostgreSQL map is written, with part of the demo shop's map as the example. */
export function MapFormatHelp() {
  return (
    <details className="panel">
      <summary>How the map is written</summary>
      <p>One entry per table that holds the person’s data:</p>
      <ul>
        <li>
          <code>schema</code> (optional: PostgreSQL's default is <code>public</code>; for MySQL/MariaDB it names another database than the
          connection string's) and <code>table</code>.
        </li>
        <li>
          <code>match</code>: how a row belongs to the person. <code>{'{ "column": "email", "equals": "email" }'}</code> compares the column
          with their email, ignoring case; <code>&quot;equals&quot;: &quot;account_identifier&quot;</code> with the account id they gave.{' '}
          <code>{'{ "column": "customer_id", "references": { "table": "customers", "column": "id" } }'}</code> takes the rows that point at
          their row of another mapped table.
        </li>
        <li>
          <code>export</code>: the columns copied into an access or export package.
        </li>
        <li>
          <code>erase</code>: <code>{'{ "action": "delete" }'}</code> removes the rows;{' '}
          <code>{'{ "action": "anonymise", "columns": [...] }'}</code> keeps them (e.g. orders, for accounting) but blanks those columns
          (NULL, or a unique placeholder where NULL is not allowed), or masks each its own way with{' '}
          <code>
            {'"columns": { "email": "hash", "phone": "null", "name": { "fixed": "Erased" }, "code": "random", "born_on": "year" }'}
          </code>{' '}
          (checked against the table’s NOT NULL, UNIQUE and foreign keys when you save);{' '}
          <code>{'{ "action": "keep", "reason": "..." }'}</code> leaves them under a legal duty to retain. Erasure runs in one transaction,
          tables that reference others first.
        </li>
      </ul>
      <pre className="code-block">{example}</pre>
    </details>
  );
}
