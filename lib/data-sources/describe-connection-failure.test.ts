import { describe, expect, it } from 'vitest';
import { describeConnectionFailure } from './describe-connection-failure';

describe('describeConnectionFailure', () => {
  it('names the server and database and gives the driver’s reason', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    expect(describeConnectionFailure('postgres://reader:pw@10.0.0.5:5432/shop', error)).toBe(
      'Could not connect to 10.0.0.5:5432, database shop: connect ECONNREFUSED 10.0.0.5:5432',
    );
  });

  it('cuts the password (as written and percent-decoded) and the whole connection string out of the reason', () => {
    const connectionString = 'postgres://reader:p%40ss%2Fw0rd@db.internal/shop?sslmode=require';
    const error = new Error(`failed for ${connectionString} with p@ss/w0rd and p%40ss%2Fw0rd`);

    const message = describeConnectionFailure(connectionString, error);

    expect(message).toBe('Could not connect to db.internal, database shop: failed for [hidden] with [hidden] and [hidden]');
  });

  it('cuts a password given as a query parameter', () => {
    const message = describeConnectionFailure(
      'postgres://db.internal/shop?user=reader&password=hunter2',
      new Error('bad password hunter2'),
    );
    expect(message).not.toContain('hunter2');
  });
});
