import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';

/** Where the schema is committed for clients (`npm run codegen` writes it), from the repository root. */
export const CLIENT_SCHEMA_FILE = 'packages/api-client/schema.graphql';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Someone who opens /graphql in a browser gets a short page saying what the endpoint is and where to go,
 * instead of Apollo's "operations must contain a query" error (logged as a server failure). Only a GET
 * that prefers HTML and carries no operation: GET requests with a query still go to Apollo unchanged.
 * Nothing is loaded from elsewhere (no GraphiQL from a CDN: the machines may have no internet).
 */
@Injectable()
export class GraphqlLandingPage implements NestMiddleware {
  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const operation = req.query.query !== undefined || req.query.extensions !== undefined;
    if (req.method !== 'GET' || operation || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    const endpoint = escapeHtml(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl.split('?')[0]}`);
    const web = escapeHtml(this.config.origin);
    res.status(200).type('html').send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Peerdesk GraphQL API</title></head>
<body>
<h1>Peerdesk GraphQL API</h1>
<p>This is the GraphQL endpoint, <code>${endpoint}</code>: clients POST queries to it as JSON
(<code>{"query": "…", "variables": {…}}</code>).</p>
<p>The schema is in the repository, in <code>${CLIENT_SCHEMA_FILE}</code>.</p>
<p>Looking for the forum? It is at <a href="${web}">${web}</a>.</p>
</body>
</html>
`);
  }
}
