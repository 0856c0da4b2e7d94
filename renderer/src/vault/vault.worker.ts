/**
 * Entry point of the vault worker: a dedicated module Web Worker that owns the unlocked keys,
 * the Dexie database and all decryption. Runs in the worker only; the client starts a fresh
 * one for each unlock and terminates it at lock.
 *
 * Nothing imported here may touch the DOM: workers have none, and keys must never sit where
 * UI code could reach them.
 */
import { expose } from 'comlink';
import { installVaultErrorTransfer } from './vault-errors';
import { createVaultEngine } from './worker/vault-engine';

installVaultErrorTransfer();
expose(createVaultEngine());
