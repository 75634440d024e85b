/** Worker thread entry: runs each document it is sent through runJob and posts the result back. Node-only. */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type JobSettings } from './run-job.js';
import type { DocItem } from './items.js';

const settings = (workerData as { settings: JobSettings }).settings;

parentPort!.on('message', (message: { seq: number; item: DocItem }) => {
  parentPort!.postMessage({ seq: message.seq, result: runJob(message.item, settings) });
});

// The engine is loaded (imports above): documents may come.
parentPort!.postMessage({ ready: true });
