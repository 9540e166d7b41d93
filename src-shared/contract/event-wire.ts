/**
 * The wire format of the pushed events on the loopback host (server-sent events): written by the host,
 * read by the renderer, so both ends live here.
 */
import type { AppEvent } from './events.ts';

export type StreamMessage = AppEvent | { name: 'heartbeat' };

/** One message as an `event:`/`data:` block; a heartbeat is a comment line. */
export function formatSse(message: StreamMessage): string {
  return message.name === 'heartbeat' ? ': heartbeat\n\n' : `event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`;
}

/**
 * Splits server-sent-event text into messages: `event:`/`data:` blocks ended by a blank line; a comment
 * (`: heartbeat`) is a heartbeat. Returns the unfinished tail to prepend to the next chunk.
 */
export function parseSse(buffer: string): { messages: StreamMessage[]; rest: string } {
  const messages: StreamMessage[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let name = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) messages.push({ name: 'heartbeat' });
      else if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (name) messages.push({ name, payload: JSON.parse(data) as unknown } as AppEvent);
  }
  return { messages, rest };
}
