/**
 * Entry point of the search worker: a dedicated module worker holding the full-text index
 * and the duplicate-name index over decrypted case data. Started after unlock by the case
 * store and terminated at lock, so the index, the documents and every name cache of
 * shared/names go with it. Nothing here is written anywhere.
 */
import { expose } from 'comlink';
import { createSearchWorkerApi } from './search-worker-core';

expose(createSearchWorkerApi());
