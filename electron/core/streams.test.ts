import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGH_WATER, LOW_WATER, ownBytes, StreamHub } from './streams';

afterEach(() => vi.useRealTimers());

function sink() {
  const got: Buffer[] = [];
  const closed: string[] = [];
  return { got, closed, data: (b: Buffer) => got.push(b), close: (r: string) => closed.push(r) };
}

describe('StreamHub', () => {
  it('makes unguessable ids and keeps bytes until the viewer attaches', () => {
    const hub = new StreamHub();
    const a = hub.create();
    const b = hub.create();
    expect(a.id).toMatch(/^ch-[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
    a.send(Buffer.from('hello '));
    a.send(Buffer.from('world'));
    const s = sink();
    const att = hub.attach(a.id, s);
    expect(att).not.toBeNull();
    expect(Buffer.concat(s.got).toString()).toBe('hello world');
    a.send(Buffer.from('!'));
    expect(s.got.length).toBe(3);
  });

  it('attaches a channel once; unknown ids get nothing', () => {
    const hub = new StreamHub();
    const a = hub.create();
    expect(hub.attach(a.id, sink())).not.toBeNull();
    expect(hub.attach(a.id, sink())).toBeNull();
    expect(hub.attach('ch-00000000000000000000000000000000', sink())).toBeNull();
  });

  it('passes input to the service and tells it when the viewer leaves', () => {
    const hub = new StreamHub();
    const a = hub.create();
    const input: string[] = [];
    const detached: string[] = [];
    a.on('input', (b) => input.push(b.toString()));
    a.on('detach', (why) => detached.push(why));
    const att = hub.attach(a.id, sink());
    att?.write(Buffer.from('ls\r'));
    expect(input).toEqual(['ls\r']);
    att?.detach();
    expect(detached).toEqual(['the viewer closed the connection']);
    expect(a.closed).toBe(true);
    expect(hub.size).toBe(0);
    att?.write(Buffer.from('late'));
    expect(input).toEqual(['ls\r']);
  });

  it('closing from the service tells the viewer why and frees the id', () => {
    const hub = new StreamHub();
    const a = hub.create();
    const s = sink();
    hub.attach(a.id, s);
    a.close('the VM stopped');
    expect(s.closed).toEqual(['the VM stopped']);
    expect(hub.size).toBe(0);
    a.send(Buffer.from('after'));
    expect(s.got).toEqual([]);
  });

  it('reports pressure above the high-water mark and releases it when acknowledged', () => {
    const hub = new StreamHub();
    const a = hub.create();
    const pressure: boolean[] = [];
    a.on('pressure', (p) => pressure.push(p));
    const att = hub.attach(a.id, sink());
    a.send(Buffer.alloc(HIGH_WATER / 2));
    expect(pressure).toEqual([]);
    a.send(Buffer.alloc(HIGH_WATER / 2 + 1));
    a.send(Buffer.alloc(10));
    expect(pressure).toEqual([true]);
    att?.ack(HIGH_WATER - LOW_WATER);
    expect(pressure).toEqual([true]);
    att?.ack(LOW_WATER);
    expect(pressure).toEqual([true, false]);
  });

  it('closes a channel that nobody attaches in time', () => {
    vi.useFakeTimers();
    const hub = new StreamHub(1000);
    const a = hub.create();
    const detached: string[] = [];
    a.on('detach', (why) => detached.push(why));
    vi.advanceTimersByTime(1001);
    expect(detached).toEqual(['no viewer attached']);
    expect(a.closed).toBe(true);
    expect(hub.attach(a.id, sink())).toBeNull();
  });
});

describe('ownBytes: what Electron IPC is given', () => {
  it('copies a view into a larger buffer (a stream frame inside its socket chunk), to exactly its bytes', () => {
    const chunk = Buffer.from('..hello....');
    const frame = chunk.subarray(2, 7);
    const own = ownBytes(frame);
    expect(own.buffer.byteLength).toBe(5);
    expect(Buffer.from(own).toString()).toBe('hello');
    chunk.fill(0); // the copy does not follow the chunk
    expect(Buffer.from(own).toString()).toBe('hello');
  });

  it('passes bytes that span their whole buffer as they are', () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(ownBytes(whole)).toBe(whole);
  });
});
