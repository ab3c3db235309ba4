import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { WebhookDeliverer } from '../../apps/api/src/webhooks/webhook-deliverer';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Outbound webhooks: admin-configured, queued with the change, signed, retried with backoff.

const CREATE = `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { id url events secretHint createdAt } }`;
const LIST = `query { webhooks { id url events } }`;
const DELETE = `mutation ($id: ID!) { deleteWebhook(id: $id) }`;
const DELIVERIES = `query ($id: ID!, $first: Int) {
  webhookDeliveries(webhookId: $id, first: $first) { id event status attempts lastStatus lastError nextAttemptAt payload createdAt deliveredAt }
}`;
const SECRET = 'a-long-enough-shared-secret';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on a loopback port that records every request and answers with the next queued status (200 when none). */
class Receiver {
  readonly requests: Received[] = [];
  readonly statuses: number[] = [];
  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<Receiver> {
    let receiver!: Receiver;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        receiver.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = receiver.statuses.shift() ?? 200;
        res.end('thanks');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    receiver = new Receiver(server, `http://127.0.0.1:${port}/hooks/peerdesk`);
    return receiver;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('webhooks', () => {
  let app: TestApp;
  let receiver: Receiver;
  let admin: TestUser;
  let asker: TestUser;
  let helper: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    app = await TestApp.start({ PUBLIC_URL: 'https://help.example.com/' });
    receiver = await Receiver.start();
    admin = await app.admin();
    asker = await app.member('Asker');
    helper = await app.member('Helper');
    // The asker and the helper post many times an hour here; a NEW member's limits would refuse them (tests/api/trust-rate-limits.spec.ts).
    for (const member of [asker, helper]) await app.setTrustLevel(member, 'MEMBER');
    categoryId = (await app.category()).id;
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });
  beforeEach(async () => {
    // Each test starts with no webhooks and an empty receiver.
    await app.db.query(`DELETE FROM webhooks`);
    receiver.requests.length = 0;
    receiver.statuses.length = 0;
  });

  const deliverer = () => app.provider(WebhookDeliverer);
  const createHook = async (events = ['question.solved'], url = receiver.url) =>
    (await app.ok(CREATE, { input: { url, secret: SECRET, events } }, admin)).createWebhook as { id: string };
  const deliveries = async (webhookId: string) => (await app.ok(DELIVERIES, { id: webhookId }, admin)).webhookDeliveries;
  /** Asks, answers and accepts: one question.solved event. */
  async function solve(): Promise<{ questionId: string; answerId: string }> {
    const questionId = (await app.ask(asker, categoryId)).id;
    const answerId = (await app.answer(helper, questionId)).id;
    expect((await app.acceptAnswer(asker, answerId)).errors).toBeUndefined();
    return { questionId, answerId };
  }

  describe('configuration', () => {
    it('lets an admin create, list and delete webhooks, never showing the secret again', async () => {
      const created = (await app.ok(CREATE, { input: { url: receiver.url, secret: SECRET, events: ['question.solved', 'question.escalated'] } }, admin)).createWebhook;
      expect(created).toEqual({
        id: expect.any(String), url: receiver.url, events: ['question.solved', 'question.escalated'], secretHint: '…cret', createdAt: expect.any(String),
      });
      expect((await app.ok(LIST, {}, admin)).webhooks).toEqual([{ id: created.id, url: receiver.url, events: ['question.solved', 'question.escalated'] }]);

      expect((await app.ok(DELETE, { id: created.id }, admin)).deleteWebhook).toBe(true);
      expect((await app.ok(LIST, {}, admin)).webhooks).toEqual([]);
      expectError(await app.gql(DELETE, { id: created.id }, admin), 'NOT_FOUND');
    });

    it('refuses a bad URL, a short secret and unknown events, naming each field', async () => {
      const response = await app.gql(CREATE, { input: { url: 'ftp://example.com/x', secret: 'too-short', events: ['question.deleted'] } }, admin);
      const fields = expectInvalid(response, ['url', 'secret', 'events']);
      expect(fields[1].message).toBe('The secret must be between 16 and 256 characters (it has 9).');
      expect(fields[2].message).toMatch(/^Unknown event: question.deleted\. Choose from: /);
      expectInvalid(await app.gql(CREATE, { input: { url: 'not a url', secret: SECRET, events: [] } }, admin), ['url', 'events']);
      expect(await app.count('webhooks')).toBe(0);
    });

    it.each(['MEMBER', 'STAFF', 'MANAGER', 'MODERATOR'] as const)('is FORBIDDEN for a %s', async (role) => {
      const user = await app.userWithRole(role);
      expectError(await app.gql(CREATE, { input: { url: receiver.url, secret: SECRET, events: ['question.solved'] } }, user), 'FORBIDDEN');
      expectError(await app.gql(LIST, {}, user), 'FORBIDDEN');
      expect(await app.count('webhooks')).toBe(0);
    });

    it('needs a session', async () => {
      expectError(await app.gql(LIST), 'UNAUTHENTICATED');
    });
  });

  describe('delivery', () => {
    it('POSTs a signed question.solved event that the receiver can verify', async () => {
      const hook = await createHook();
      const other = await createHook(['escalation.breached']);
      const { questionId, answerId } = await solve();
      expect(await app.count('webhook_deliveries', 'webhook_id = $1', [hook.id])).toBe(1);
      expect(await app.count('webhook_deliveries', 'webhook_id = $1', [other.id])).toBe(0);

      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 1, failed: 0 });

      expect(receiver.requests).toHaveLength(1);
      const [{ headers, body }] = receiver.requests;
      const [delivery] = await deliveries(hook.id);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-peerdesk-event']).toBe('question.solved');
      expect(headers['x-peerdesk-delivery']).toBe(delivery.id);
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      expect(headers['x-peerdesk-signature']).toBe(expected);
      expect(JSON.parse(body)).toEqual({
        event: 'question.solved',
        occurredAt: expect.any(String),
        question: { id: questionId, title: expect.stringMatching(/keeps dropping/), categoryId, url: `https://help.example.com/questions/${questionId}` },
        answer: { id: answerId, authorId: helper.id },
        acceptedBy: asker.id,
      });
      expect(delivery).toMatchObject({ event: 'question.solved', status: 'DELIVERED', attempts: 1, lastStatus: 200, lastError: null, nextAttemptAt: null, payload: body });
      expect(delivery.deliveredAt).toEqual(expect.any(String));

      // Delivered once: nothing more to send.
      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 0, failed: 0 });
      expect(receiver.requests).toHaveLength(1);
    });

    it('retries a receiver that answered 500 after the backoff, with the same body and delivery id', async () => {
      const hook = await createHook();
      await solve();
      receiver.statuses.push(500, 503);

      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 0, failed: 1 });
      const [failed] = await deliveries(hook.id);
      expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: 500, lastError: 'HTTP 500 Internal Server Error', deliveredAt: null });
      expect(Date.parse(failed.nextAttemptAt) - app.clock.now().getTime()).toBeGreaterThan(25_000);

      // Not due yet.
      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 0, failed: 0 });
      expect(receiver.requests).toHaveLength(1);

      app.clock.advance(31);
      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 0, failed: 1 });
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'PENDING', attempts: 2, lastStatus: 503 });

      app.clock.advance(61);
      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 1, failed: 0 });

      expect(receiver.requests).toHaveLength(3);
      expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
      expect(new Set(receiver.requests.map((r) => r.headers['x-peerdesk-delivery'])).size).toBe(1);
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatus: 200, lastError: null });
    });

    it('records refused connections and gives up as FAILED after the last attempt', async () => {
      const closed = await Receiver.start();
      await closed.close();
      const hook = await createHook(['question.solved'], closed.url);
      await solve();

      expect(await deliverer().deliverWebhooks()).toEqual({ delivered: 0, failed: 1 });
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: null, lastError: expect.stringMatching(/ECONNREFUSED/) });

      for (let i = 0; i < 10; i++) {
        app.clock.advance(3600);
        await deliverer().deliverWebhooks();
      }
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'FAILED', attempts: 8, nextAttemptAt: null });
    });

    it('queues nothing when the acceptance is refused, or for a deleted webhook', async () => {
      const hook = await createHook();
      const questionId = (await app.ask(asker, categoryId)).id;
      const answerId = (await app.answer(helper, questionId)).id;
      expectError(await app.acceptAnswer(helper, answerId), 'FORBIDDEN');
      expect(await app.count('webhook_deliveries')).toBe(0);

      await app.ok(DELETE, { id: hook.id }, admin);
      await solve();
      expect(await app.count('webhook_deliveries')).toBe(0);
    });

    it('lists deliveries only for admins, newest first', async () => {
      const hook = await createHook();
      await solve();
      await solve();
      await deliverer().deliverWebhooks();
      const list = await deliveries(hook.id);
      expect(list).toHaveLength(2);
      expect(Number(list[0].id)).toBeGreaterThan(Number(list[1].id));
      expectError(await app.gql(DELIVERIES, { id: hook.id }, asker), 'FORBIDDEN');
      expectError(await app.gql(DELIVERIES, { id: '999999' }, admin), 'NOT_FOUND');
    });
  });
});
