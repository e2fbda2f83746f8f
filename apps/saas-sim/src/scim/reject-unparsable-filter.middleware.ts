import type { RequestHandler } from 'express';
import SCIMMY from 'scimmy';
import { scimErrorBody } from './scim-error.body';

/**
 * Some malformed filters (`filter=bogus`) make SCIMMY fail with a TypeError
 * that surfaces as a 500; a real app answers 400 invalidFilter
 * (RFC 7644 §3.4.2.2), so filters are parsed here first.
 */
export const rejectUnparsableFilter: RequestHandler = (request, response, next) => {
  const { filter } = request.query;
  if (filter === undefined) {
    next();
    return;
  }
  try {
    if (typeof filter !== 'string') throw new TypeError('filter must be given once');
    new SCIMMY.Types.Filter(filter);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable filter';
    response
      .status(400)
      .type('application/scim+json')
      .json(scimErrorBody(400, reason, 'invalidFilter'));
    return;
  }
  next();
};
