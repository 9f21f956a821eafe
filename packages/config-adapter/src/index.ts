// AWS Config: client, loopback emulator, cross-check (src/client, src/emulator, src/cross-check).
export * from './client/index.js';
export * from './emulator/index.js';
export * from './cross-check/index.js';
// The mission's scenario: projection to Config items, per-resource documents, hooks (src/projection, src/documents, src/hooks).
export * from './projection/index.js';
export * from './documents/index.js';
export * from './hooks/index.js';
