/**
 * A drizzle query built and `.prepare()`d once per database handle, for statements that run on every job
 * (building a statement's SQL costs CPU on each call; a prepared drizzle query keeps it and takes
 * `sql.placeholder` values). Keyed weakly, so a closed handle's statements go with it.
 */
export function preparedOncePerHandle<Handle extends object, Statement>(build: (db: Handle) => Statement): (db: Handle) => Statement {
  const statements = new WeakMap<Handle, Statement>();
  return (db) => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
