import { parentPort } from 'worker_threads';

const shared = new Int32Array(new SharedArrayBuffer(4));
Atomics.wait(shared, 0, 0, 10);
parentPort?.postMessage('done');
