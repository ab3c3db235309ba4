import { DomainEvents, HANDLER_ORDER } from '../../apps/api/src/common/domain-events';
import { TestApp } from '../support/test-app';

// Every module that reacts to domain events has its place in the documented order (common/domain-events.ts).
describe('domain event handlers', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('are exactly the ones HANDLER_ORDER lists, in its order', () => {
    expect(app.provider(DomainEvents).handlerNames()).toEqual(HANDLER_ORDER);
  });
});
