/** The IndexedDB database of the comment workspace: its name and schema version (its object stores `workspace` and `aside`). The workspace's own format is STORE_VERSION (comment-schema.ts). */
export const DB_NAME = 'iot-guidance-comments';
export const DB_VERSION = 1;
