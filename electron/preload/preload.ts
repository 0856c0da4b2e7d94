import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('sijill', {});
