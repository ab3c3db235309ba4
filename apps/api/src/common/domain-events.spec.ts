import type { EntityManager } from 'typeorm';
import { type DomainEvent, DomainEvents, HANDLER_ORDER } from './domain-events';

const ran: string[] = [];
const recording = (name: string) => ({ [name]: class { async handle() { ran.push(name); } } })[name];
const event: DomainEvent = { type: 'question.edited', questionId: '1', editorId: '2', previousBody: '', at: new Date(0) };

describe('DomainEvents', () => {
  beforeEach(() => { ran.length = 0; });

  it('runs the listed handlers in HANDLER_ORDER, whatever order they subscribed in', async () => {
    const events = new DomainEvents();
    for (const name of [...HANDLER_ORDER].reverse()) events.subscribe(new (recording(name))());
    await events.publish({} as EntityManager, event);
    expect(ran).toEqual(HANDLER_ORDER);
    expect(events.handlerNames()).toEqual(HANDLER_ORDER);
  });

  it('runs any other handler after them, in the order it subscribed', async () => {
    const events = new DomainEvents();
    events.subscribe(new (recording('FirstProbe'))());
    events.subscribe(new (recording(HANDLER_ORDER[1]))());
    events.subscribe(new (recording('SecondProbe'))());
    events.subscribe(new (recording(HANDLER_ORDER[0]))());
    await events.publish({} as EntityManager, event);
    expect(ran).toEqual([HANDLER_ORDER[0], HANDLER_ORDER[1], 'FirstProbe', 'SecondProbe']);
  });
});
